"""The benchmark sets shipped with the package, and looking problems up by name."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import GeoproverError
from ..model import Problem
from .parser import parse_problem, read_problem_file


def bundled_sets() -> dict[str, Path]:
    """Set name → file, e.g. ``imo_ag_30`` → ``.../imo_ag_30/imo_ag_30.txt``."""
    try:
        root = resources.files("geoprover.problems")
    except ModuleNotFoundError:  # running from a source tree that is not installed
        root = Path(__file__).resolve().parents[2] / "problems"
    out = {}
    for sub in sorted(root.iterdir(), key=lambda p: p.name):
        if sub.is_dir():
            for f in sub.iterdir():
                if f.name.endswith(".txt"):
                    out[f.name[:-4]] = Path(str(f))
    return out


def resolve_file(name: str) -> Path:
    """A path, or the name of a bundled set."""
    path = Path(name)
    if path.exists():
        return path
    sets = bundled_sets()
    key = path.name.removesuffix(".txt")
    if key in sets:
        return sets[key]
    raise GeoproverError(f"no such problem file '{name}' (bundled sets: {', '.join(sets)})")


def find_problem(name: str, file: str | None = None) -> tuple[str, str, str]:
    """(source, name, text) of a problem named ``name`` in ``file`` or in any bundled set.

    A unique suffix of a name is accepted too (``2000_p1`` for the IMO 2000 problem 1).
    """
    files = [resolve_file(file)] if file else list(bundled_sets().values())
    exact, partial = [], []
    for f in files:
        for pname, text in read_problem_file(f):
            if pname == name:
                exact.append((str(f), pname, text))
            elif pname.endswith(name) and name:
                partial.append((str(f), pname, text))
    if exact:
        return exact[0]
    if len(partial) == 1:
        return partial[0]
    where = f"in {file}" if file else "in the bundled sets"
    if partial:
        names = ", ".join(p[1] for p in partial[:5])
        raise GeoproverError(f"problem name '{name}' is ambiguous {where}: {names}")
    raise GeoproverError(f"no problem named '{name}' {where}")


def load_named(name: str, file: str | None = None) -> Problem:
    source, pname, text = find_problem(name, file)
    return parse_problem(text, pname, source)
