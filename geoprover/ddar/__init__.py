"""DDAR: deductive database with angle, ratio and distance chasing; ``prove`` is its entry point.

``prove(problem, diagram=None, timeout=300.0, strict=False, prune_budget=5.0, numeric_gate=True)
-> Proof`` (engine name "ddar"); ``build(problem, diagram) -> Engine`` for engine users (the
auxiliary-point search). How it works, module by module: README.md in this directory.
"""

from .database import Database
from .engine import Engine, Outcome
from .nodes import SoundnessError
from .prover import build, prove

__all__ = ["prove", "Engine", "Outcome", "Database", "SoundnessError", "build"]
