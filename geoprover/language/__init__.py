"""Text of the problem language → typed `Problem`."""

from ..model import Clause, ConstructionCall, Predicate, Problem
from .parser import parse_clauses, parse_problem, parse_problem_file
from .sets import bundled_sets, find_problem, load_named

__all__ = [
    "Clause",
    "ConstructionCall",
    "Predicate",
    "Problem",
    "parse_problem",
    "parse_problem_file",
    "parse_clauses",
    "find_problem",
    "load_named",
    "bundled_sets",
]
