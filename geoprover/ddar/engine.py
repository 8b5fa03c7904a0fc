"""The saturation loop: run every rule until the goal follows, nothing new appears, or time is up."""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass

import numpy as np

from ..model import Clause, Predicate
from ..timing import Deadline, now
from .database import Database
from .nodes import Node
from .numeric import REL, Apart, NumericIndex
from .registry import Matchers


def separate(db: Database) -> None:
    """Lines and circles of ``db`` merge only on points at different spots of its figure (two names
    at one spot, e.g. in a hand-built figure, fix no line)."""
    db.lines.apart = db.circles.apart = Apart(db.coords, REL * db.scale)


def as_deadline(deadline: Deadline | float | None) -> Deadline:
    """A ``Deadline`` for ``saturate``: None is none, and a float is a moment of
    ``time.perf_counter()`` (what callers passed before the one deadline type)."""
    if deadline is None:
        return Deadline.never()
    if isinstance(deadline, Deadline):
        return deadline
    return Deadline.after(deadline - time.perf_counter())


@dataclass
class Outcome:
    """How a saturation ended, and the facts the goal rests on when it was proved."""

    status: str  # "proved", "saturated", "timeout"
    goal_nodes: list[Node] | None
    rounds: int
    seconds: float


class Engine:
    """A database plus its rule matchers; clauses can be added and the loop rerun (aux search)."""

    def __init__(self, coords: dict[str, np.ndarray], scale: float = 1.0) -> None:
        self.db = Database(coords, scale)
        separate(self.db)
        self.matchers: Matchers | None = None
        self.stale = False  # points were added since the matchers read the figure
        self.use_last_resort = True  # run the costly last-resort rules (law of sines) when stuck

    def __deepcopy__(self, memo: dict) -> "Engine":
        """A copy to grow (aux search): the database is copied, and the rule matchers are forked
        onto the copy with what they have tried, so that saturating the grown copy costs about
        the facts its new points bring, not a fresh saturation."""
        twin = copy.copy(self)
        twin.db = copy.deepcopy(self.db, memo)
        twin.matchers = self.matchers.fork(twin.db) if self.matchers is not None else None
        return twin

    @classmethod
    def from_points(cls, coords: dict, scale: float | None = None) -> "Engine":
        """An engine over given coordinates, facts to be added by hand (tests, small figures)."""
        pts = {k: np.asarray(v, dtype=float) for k, v in coords.items()}
        arr = np.array(list(pts.values()))
        engine = cls(pts, scale or float(np.max(arr.max(axis=0) - arr.min(axis=0))))
        engine.db.points = list(pts)
        return engine

    def add_clause(self, clause: Clause, coords: dict[str, np.ndarray] | None = None) -> None:
        """Add a clause's facts (its points drawn at ``coords`` if new); the numeric candidates
        are read again on the next saturate (they depend on the point set)."""
        self.db.add_clause(clause, coords)
        self.stale = True

    def extend(self, clause: Clause, seed: int = 0, tries: int = 12) -> bool:
        """Draw a new clause's points into this figure (old points stay put) and add its facts.

        For the auxiliary-point search: the saturated database is kept and only grows. False when
        the clause cannot be drawn here (degenerate); nothing is added then.
        """
        from ..numeric.diagram import draw_clause
        from ..numeric.geometry import Degenerate

        rng = np.random.default_rng(seed)
        for _ in range(tries):
            try:
                new, _facts = draw_clause(clause, self.db.coords, rng)
            except (Degenerate, ArithmeticError, LookupError, ValueError):
                continue
            self.add_clause(clause, new)
            return True
        return False

    def add_lemma(self, pred: Predicate, conditions: tuple[str, ...]) -> bool:
        """State a fact proved outside the rules (an algebraic lemma, by Wu's method), with the
        conditions its proof needs, printed with every proof that uses it; False if already known."""
        node = self.db.add_fact(pred, "algebraic_lemma")
        if node is None:
            return False
        node.conditions = tuple(conditions)
        return True

    def _ensure(self) -> Matchers:
        """The matchers for the current point set: built on first use; after new points, given
        the new figure's candidates and kept with what they have tried (facts only accumulate,
        so an instance settled before stays settled)."""
        if self.matchers is None or self.stale:
            ix = NumericIndex(list(self.db.points), self.db.coords, self.db.scale)
            if self.matchers is None:
                self.matchers = Matchers(self.db, ix)
            else:
                self.matchers.rebind(ix)
            self.stale = False
        return self.matchers

    def saturate(self, goal: Predicate | None = None, deadline: Deadline | float | None = None) -> Outcome:
        """Run the matchers in registry order, round after round, until ``goal`` follows, a round
        (and then the last-resort matchers) adds nothing, or ``deadline`` passes.

        ``deadline`` is a ``Deadline``, or a float moment of ``time.perf_counter()`` (callers not yet
        converted), or None for no limit. The goal is checked after every matcher, so a proof uses
        the earliest rules that suffice. A matcher that found nothing is not run again until the
        database changes (``Matchers.run``): the round that confirms saturation is mostly skipped.
        """
        clock = as_deadline(deadline)
        start = now()
        m = self._ensure()
        rounds = 0
        while True:
            if goal is not None:
                found = self.db.check(goal)
                if found is not None:
                    return Outcome("proved", found, rounds, now() - start)
            rounds += 1
            before = self.db.version, len(self.db.known)
            for matcher in m.order:
                if not m.run(matcher, clock):
                    continue  # nothing changed since it last found nothing: it would find nothing
                if clock.expired():
                    found = self.db.check(goal) if goal is not None else None
                    if found is not None:
                        return Outcome("proved", found, rounds, now() - start)
                    return Outcome("timeout", None, rounds, now() - start)
                if goal is not None and matcher is not m.order[-1]:
                    found = self.db.check(goal)
                    if found is not None:
                        return Outcome("proved", found, rounds, now() - start)
            if (self.db.version, len(self.db.known)) == before:
                if self.use_last_resort:
                    m.run_last_resort(clock)
                if (self.db.version, len(self.db.known)) == before:
                    return Outcome("saturated", None, rounds, now() - start)
