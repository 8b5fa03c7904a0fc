"""sympy baseline for the benchmark: the goal's successive pseudo-division timed in both backends."""
from __future__ import annotations

import signal
import time

from ..language.problem import Problem


def time_sympy_prem(problem: Problem, budget: float = 60.0) -> dict:
    return {}
