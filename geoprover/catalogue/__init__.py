"""What constructions and predicates mean: the single table every engine reads."""

from .constructions import CONSTRUCTIONS, NEWCLID_ORDER, Construction, Template, complete_call, get_construction
from .predicates import (
    CONGRUENT,
    GOAL_PREDICATES,
    ORIENTED,
    PREDICATES,
    TRIANGLE_PAIRS,
    PredicateSpec,
    make_predicate,
    orientation_of,
)

__all__ = [
    "CONSTRUCTIONS",
    "NEWCLID_ORDER",
    "Construction",
    "Template",
    "complete_call",
    "get_construction",
    "GOAL_PREDICATES",
    "PREDICATES",
    "PredicateSpec",
    "make_predicate",
    "CONGRUENT",
    "ORIENTED",
    "TRIANGLE_PAIRS",
    "orientation_of",
]
