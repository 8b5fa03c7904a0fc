"""The data every stage shares: a problem's typed form and the verdict on it.

The bottom of the pipeline text → Problem → Diagram → engines → Proof → report: every stage
imports this module and it imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


class Status(StrEnum):
    """An engine's verdict; the values are what the JSON and the CLI print."""

    PROVED = "proved"
    NOT_PROVED = "not proved"
    FALSE = "false in the diagram"
    TIMEOUT = "timeout"
    ERROR = "error"


@dataclass(frozen=True)
class Predicate:
    """A statement about points, e.g. ``perp a b c d``.

    ``value`` carries the constant of ``aconst`` (a fraction of π) and ``rconst`` (a ratio).
    """

    name: str
    args: tuple[str, ...]
    value: Fraction | None = None

    def __str__(self) -> str:
        text = " ".join((self.name,) + self.args)
        if self.value is not None:
            shown = self.value * 180 if self.name == "aconst" else self.value
            text += f" {shown}"
        return text

    def rename(self, mapping: dict[str, str]) -> "Predicate":
        return Predicate(self.name, tuple(mapping.get(a, a) for a in self.args), self.value)


@dataclass(frozen=True)
class ConstructionCall:
    """One construction of a clause with all its arguments written out."""

    name: str
    args: tuple[str, ...]  # point arguments, in the construction's parameter order
    numbers: tuple[Fraction, ...] = ()

    def __str__(self) -> str:
        return " ".join((self.name,) + self.args + tuple(str(n) for n in self.numbers))


@dataclass(frozen=True)
class Clause:
    """``p q = cons ..., cons ...``: new points and the constructions that pin them down."""

    points: tuple[str, ...]
    constructions: tuple[ConstructionCall, ...]
    fixed: tuple[tuple[str, tuple[float, float]], ...] = ()
    index: int = 0

    def __str__(self) -> str:
        names = " ".join(self.points)
        return f"{names} = " + ", ".join(str(c) for c in self.constructions)

    @property
    def fixed_coords(self) -> dict[str, tuple[float, float]]:
        return dict(self.fixed)


@dataclass
class Problem:
    """A figure and its goal. ``goals`` holds every goal when the text gives several (Newclid's
    ``? g1; g2``; ``goal`` is the first), ``given_aux`` the points of a ``|`` section: auxiliary
    points the problem's author supplied, drawn and used like any other."""

    name: str
    clauses: list[Clause]
    goal: Predicate | None
    source: str = "<text>"
    text: str = ""
    points: list[str] = field(default_factory=list)
    goals: tuple[Predicate, ...] = ()
    given_aux: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.points:
            self.points = [p for c in self.clauses for p in c.points]
        if self.goal is None and self.goals:
            self.goal = self.goals[0]
        elif self.goal is not None and not self.goals:
            self.goals = (self.goal,)

    def for_goal(self, goal: Predicate) -> "Problem":
        """The same figure with ``goal`` as its only goal (each of several goals is proved alone)."""
        text = "; ".join(str(c) for c in self.clauses) + f" ? {goal}"
        return Problem(self.name, self.clauses, goal, self.source, text, list(self.points), (goal,), self.given_aux)

    def with_clauses(self, extra: list[Clause], name: str | None = None) -> "Problem":
        """The problem with more clauses appended (auxiliary constructions)."""
        start = len(self.clauses)
        renumbered = [Clause(c.points, c.constructions, c.fixed, start + i) for i, c in enumerate(extra)]
        clauses = self.clauses + renumbered
        text = "; ".join(str(c) for c in clauses)
        if self.goal is not None:
            text += f" ? {self.goal}"
        return Problem(
            name or self.name, clauses, self.goal, self.source, text, goals=self.goals, given_aux=self.given_aux
        )

    def to_text(self) -> str:
        text = "; ".join(str(c) for c in self.clauses)
        return text + (" ? " + "; ".join(str(g) for g in self.goals) if self.goals else "")
