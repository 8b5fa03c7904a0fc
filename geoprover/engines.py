"""The engines the portfolio can run, by name.

Each entry is ``module`` (whose ``prove`` is used) or ``module:function``; the function takes
``(problem, diagram=None, timeout=...)`` and returns a `Proof`. Engines are imported lazily so that
one engine's import cost (numba, flint) is paid only in the process that runs it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module

from .errors import GeoproverError

ENGINES: dict[str, str] = {
    "wu": "geoprover.wu",
    "ddar": "geoprover.ddar",
    "aux": "geoprover.auxiliary",
    "aux2": "geoprover.auxiliary.engine:prove_second_worker",
}
# What the portfolio races by default: "aux" runs DDAR first, then adds auxiliary points.
DEFAULT_ENGINES: tuple[str, ...] = ("wu", "aux")
# An engine's second worker, which the portfolio starts once another engine has finished (a
# certificate-only proof, or Wu giving up) and freed a core while the engine is still searching.
SECOND_WORKERS: dict[str, str] = {"aux": "aux2"}

# More engines can be plugged in without code changes: GEOPROVER_ENGINES="name=module:function,..."
for _entry in filter(None, os.environ.get("GEOPROVER_ENGINES", "").split(",")):
    _name, _, _target = _entry.partition("=")
    if _name and _target:
        ENGINES[_name.strip()] = _target.strip()


def engine(name: str) -> Callable:
    try:
        target = ENGINES[name]
    except KeyError:
        raise GeoproverError(f"unknown engine '{name}' (choose from {', '.join(ENGINES)})") from None
    module, _, function = target.partition(":")
    return getattr(import_module(module), function or "prove")
