"""The matcher interface, and what several matchers share (premises on known circles, numeric checks).

A matcher finds the instances of its rules (``registry.py`` says which keys of rules.txt) through
indexes: candidates come from the numeric index (only numerically true conclusions are tried),
premises are confirmed symbolically in the database. It keeps its own state (instances already
tried, candidates still open) for one database and index, and a call returns how many new facts
it added.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Hashable, Iterable
from fractions import Fraction

from ..model import Predicate
from ..timing import Deadline
from .database import Database
from .nodes import Node
from .numeric import NumericIndex
from .objects import Obj

P = Predicate


class Matcher:
    """One matcher of the rule table, with its own state for one database and numeric index."""

    def __init__(self, db: Database, ix: NumericIndex) -> None:
        self.db = db
        self.ix = ix
        self.quiet: tuple[int, int] | None = None  # the database's state when a call last found nothing

    def __call__(self, deadline: Deadline) -> int:
        """Add the rule instances that now hold; the number of new facts (``deadline``: stop early)."""
        raise NotImplementedError

    def fork(self, db: Database) -> "Matcher":
        """This matcher on ``db``, a copy of its database, with copies of the sets, lists and
        dicts that hold what it has tried (their items are immutable, so a shallow copy will do)."""
        twin = copy.copy(self)
        for key, value in vars(self).items():
            if isinstance(value, (set, list, dict)):
                setattr(twin, key, copy.copy(value))
        twin.db = db
        return twin

    def rebind(self, ix: NumericIndex) -> None:
        """Take the index of the grown figure (a superset of the old candidates: new points only
        add). Matchers whose state was read off the old index override this."""
        self.ix = ix

    def add(self, pred: Predicate, rule: str, premises: Iterable[Node]) -> int:
        """Derive ``pred`` by ``rule``: 1 when it is new, else 0."""
        return 1 if self.db.add_fact(pred, rule, premises) is not None else 0


def both(db: Database, *preds: Predicate) -> list[Node] | None:
    """The facts behind all of ``preds``, or None when one does not follow."""
    out = []
    for p in preds:
        c = db.check(p)
        if c is None:
            return None
        out += c
    return out


def cyclic_premise(db: Database, circle: Obj, pts: Iterable[str]) -> list[Node]:
    """The fact putting ``pts`` on a known circle: a stated one, or a ``circle_merge`` step
    citing the facts that built the circle."""
    pred = P("cyclic", tuple(pts))
    if str(pred) in db.known:
        return [db.known[str(pred)]]
    for node, stated in circle.nodes:
        if set(pts) <= stated:
            return [node]
    nodes = [n for n, _ in circle.nodes] + list(circle.center_nodes)
    return [db.node(str(pred), "circle_merge", nodes, pred)]


def first_time(ix: NumericIndex, done: set, key: Hashable, pts: Iterable[str]) -> bool:
    """An instance not tried before, on points at distinct spots (one spot: no chord, no angle)."""
    if key in done or not ix.distinct(*pts):
        return False
    done.add(key)
    return True


def angle_true(db: Database, expr: dict, const: Fraction) -> bool:
    """Numeric truth of an equation over line directions (mod π)."""
    total = -float(const) * math.pi
    for v, k in expr.items():
        a, b = db.lines.two(v)
        pa, pb = db.coords[a], db.coords[b]
        total += float(k) * (math.atan2(pb[1] - pa[1], pb[0] - pa[0]) % math.pi)
    r = total % math.pi
    return min(r, math.pi - r) < 1e-6
