"""Child processes that die with their parent, so that a killed worker or client leaves no solver running.

A ``solve`` started by ``bench`` forks its engines; if the bench worker is killed (``kill -9``, the
OOM killer, a Dask nanny restarting it) nothing else would stop them before their own time limit.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PARENT_ENV = "GEOPROVER_DIE_WITH_PARENT"  # set by bench to its pid: the solve it starts dies with it
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have Linux SIGKILL this process when ``parent`` (the thread that started it) ends; exit at once
    if it already has. Elsewhere a no-op: the child then only stops at its own time limit."""
    if not sys.platform.startswith("linux"):
        return
    try:
        if ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


def die_with_parent_from_env() -> None:
    """``die_with_parent`` for a process whose parent asked for it in the environment."""
    parent = os.environ.pop(PARENT_ENV, "")
    if parent.isdigit():
        die_with_parent(int(parent))
