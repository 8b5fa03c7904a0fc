"""What constructions and predicates mean: the single table every engine reads."""

from .constructions import CONSTRUCTIONS, NEWCLID_ORDER, Construction, Template, complete_call, get_construction
from .predicates import GOAL_PREDICATES, PREDICATES, PredicateSpec, make_predicate

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
]
