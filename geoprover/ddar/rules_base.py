"""What every rule matcher shares: the database, the numeric index, and adding a fact."""
from __future__ import annotations

from ..model import Predicate
from .database import Database
from .numeric import NumericIndex

P = Predicate


def both(db: Database, *preds: Predicate):
    """The facts behind all of ``preds``, or None when one does not follow."""
    out = []
    for p in preds:
        c = db.check(p)
        if c is None:
            return None
        out += c
    return out


class RuleBase:
    db: Database
    ix: NumericIndex
    deadline: float | None
    inscribed_done: set

    def add(self, pred: Predicate, rule: str, premises) -> int:
        return 1 if self.db.add_fact(pred, rule, premises) is not None else 0
