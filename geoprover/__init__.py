"""geoprover: a pure-symbolic prover for olympiad plane geometry."""

from .api import check, load_problem, prove
from .language import Problem
from .proof import Proof

__version__ = "0.1.0"
__all__ = ["check", "load_problem", "prove", "Problem", "Proof"]
