"""The saturation loop: run every rule until the goal follows, nothing new appears, or time is up."""
from __future__ import annotations

import time
from dataclasses import dataclass

from ..model import Clause, Predicate
from .database import Database
from .numeric import REL, Apart, NumericIndex
from .rules import Matchers


def separate(db: Database) -> None:
    """Lines and circles of ``db`` merge only on points at different spots of its figure (two names
    at one spot, e.g. in a hand-built figure, fix no line)."""
    db.lines.apart = db.circles.apart = Apart(db.coords, REL * db.scale)


@dataclass
class Outcome:
    status: str            # "proved", "saturated", "timeout"
    goal_nodes: list | None
    rounds: int
    seconds: float


class Engine:
    """A database plus its rule matchers; clauses can be added and the loop rerun (aux search)."""

    def __init__(self, coords, scale: float = 1.0) -> None:
        self.db = Database(coords, scale)
        separate(self.db)
        self.matchers: Matchers | None = None
        self.use_last_resort = True   # run the costly last-resort rules (law of sines) when stuck

    def __deepcopy__(self, memo):
        """A copy to grow (aux search): the database is copied; the rule matchers are rebuilt on
        the first saturate anyway (new points change the candidates), so they are not."""
        import copy
        twin = copy.copy(self)
        twin.db = copy.deepcopy(self.db, memo)
        twin.matchers = None
        return twin

    @classmethod
    def from_points(cls, coords: dict, scale: float | None = None) -> "Engine":
        """An engine over given coordinates, facts to be added by hand (tests, small figures)."""
        import numpy as np
        pts = {k: np.asarray(v, dtype=float) for k, v in coords.items()}
        arr = np.array(list(pts.values()))
        engine = cls(pts, scale or float(np.max(arr.max(axis=0) - arr.min(axis=0))))
        engine.db.points = list(pts)
        return engine

    def add_clause(self, clause: Clause, coords=None) -> None:
        self.db.add_clause(clause, coords)
        self.matchers = None      # the numeric candidates depend on the point set

    def extend(self, clause: Clause, seed: int = 0, tries: int = 12) -> bool:
        """Draw a new clause's points into this figure (old points stay put) and add its facts.

        For the auxiliary-point search: the saturated database is kept and only grows. False when
        the clause cannot be drawn here (degenerate); nothing is added then.
        """
        import numpy as np
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

    def _ensure(self) -> Matchers:
        if self.matchers is None:
            ix = NumericIndex(list(self.db.points), self.db.coords, self.db.scale)
            self.matchers = Matchers(self.db, ix)
        return self.matchers

    def saturate(self, goal: Predicate | None = None, deadline: float | None = None) -> Outcome:
        start = time.perf_counter()
        m = self._ensure()
        m.deadline = deadline
        rounds = 0
        while True:
            if goal is not None:
                found = self.db.check(goal)
                if found is not None:
                    return Outcome("proved", found, rounds, time.perf_counter() - start)
            rounds += 1
            before = self.db.version, len(self.db.known)
            for matcher in m.order:
                matcher()
                if deadline is not None and time.perf_counter() > deadline:
                    found = self.db.check(goal) if goal is not None else None
                    if found is not None:
                        return Outcome("proved", found, rounds, time.perf_counter() - start)
                    return Outcome("timeout", None, rounds, time.perf_counter() - start)
                if goal is not None and matcher is not m.order[-1]:
                    found = self.db.check(goal)
                    if found is not None:
                        return Outcome("proved", found, rounds, time.perf_counter() - start)
            if (self.db.version, len(self.db.known)) == before:
                for matcher in (m.last_resort if self.use_last_resort else ()):
                    matcher()
                if (self.db.version, len(self.db.known)) == before:
                    return Outcome("saturated", None, rounds, time.perf_counter() - start)
