"""Proof-graph nodes, and the error a derived fact false in the diagram raises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Predicate


class SoundnessError(AssertionError):
    """A derived fact is false in the diagram: a bug in a rule, never an acceptable outcome."""


@dataclass(eq=False)
class Node:
    """One fact of the proof graph: what it says, by which rule, from which facts."""

    ident: int
    text: str
    rule: str
    premises: tuple = ()
    pred: Predicate | None = None
    check: Callable[[], bool] | None = None  # numeric re-check for facts that are not predicates
    equations: list | None = None  # such facts as equations: (system, ((coef, a, b), ...), const, log primes)
    reads: list | None = None  # figure-read side conditions as equations (which half of a doubled angle)
    multiple: int = 1  # for such a choice x = (c + jπ)/g: g
    conditions: tuple = ()  # side conditions read off the figure by the rule (printed with the proof)
