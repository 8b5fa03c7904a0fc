"""``Database``: the one object rules, trace-back and pruning talk to about a figure's facts.

It is the fact store (``store.py``) with the expressions of ``encode.py`` and the queries of
``query.py`` as methods, so callers need not know which module does what.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from ..model import Predicate
from . import encode, query
from .halving import angle_value
from .linalg import Expr
from .nodes import Node, SoundnessError
from .store import Store
from .table import RULES

__all__ = ["Database", "Node", "SoundnessError"]


class Database(Store):
    """Saturable store of facts about one figure, with its expressions and queries."""

    # ----- expressions (encode.py) ----------------------------------------------------------------
    def d(self, a: str, b: str) -> int:
        """The direction variable of line ab."""
        return encode.direction(self, a, b)

    def angle_expr(self, a: str, b: str, c: str, d: str) -> Expr:
        """∠(ab → cd) = dir(cd) - dir(ab)."""
        return encode.angle_expr(self, a, b, c, d)

    seg = staticmethod(encode.seg)
    radius = staticmethod(encode.radius)
    length = staticmethod(encode.length)
    ratio_expr = staticmethod(encode.ratio_expr)
    similar_ratio_eqs = staticmethod(encode.similar_ratio_eqs)

    def orientation(self, a: str, b: str, c: str) -> int:
        """+1 when abc turns counterclockwise in the figure, else -1."""
        return encode.orientation(self, a, b, c)

    def similar_angle_eqs(
        self, a: str, b: str, c: str, p: str, q: str, r: str, same: bool
    ) -> list[tuple[Expr, Fraction]]:
        """The three vertex-angle equations of similar triangles abc, pqr."""
        return encode.similar_angle_eqs(self, a, b, c, p, q, r, same)

    def angle_value(self, expr: Expr) -> float:
        """Numeric value of a combination of line directions, in units of π, mod 1."""
        return angle_value(self, expr)

    # ----- queries (query.py) ---------------------------------------------------------------------
    def check(self, pred: Predicate) -> list[Node] | None:
        """The facts ``pred`` follows from (one chase node or known facts), or None."""
        return query.check(self, pred)

    def chase(self, pred: Predicate, system: str, prov: dict) -> list[Node]:
        """The premises for ``pred``: the one fact it is, or a chase node."""
        return query.chase(self, pred, system, prov)

    def chase_nodes(self, prov: dict) -> list[Node]:
        """The facts behind a provenance (figure-read choices bring theirs)."""
        return query.chase_nodes(self, prov)

    def line_nodes(self, preds: Iterable[Predicate | None], extra_pairs: Iterable[tuple[str, str]] = ()) -> list[Node]:
        """The collinearity facts behind the lines these predicates name."""
        return query.line_nodes(self, preds, extra_pairs)

    def angle_holds(self, expr: Expr, const: Fraction = Fraction(0)) -> dict | None:
        """Provenance of ``expr = const`` (mod π), or None."""
        return query.angle_holds(self, expr, const)

    def ratio_holds(self, expr: Expr, value: Fraction | None = None) -> dict | None:
        """Provenance of ``expr = log value`` (0 without a value), or None."""
        return query.ratio_holds(self, expr, value)

    def coll_nodes(self, pts: Iterable[str]) -> list[Node] | None:
        """The facts putting ``pts`` on one known line, or None."""
        return query.coll_nodes(self, pts)

    def circle_nodes(self, pts: Iterable[str]) -> list[Node] | None:
        """The facts putting ``pts`` on one known circle, or None."""
        return query.circle_nodes(self, pts)

    @staticmethod
    def words(rule: str) -> str:
        """How a proof prints the rule ``rule`` (its key when the table has none)."""
        r = RULES.get(rule)
        return r.words if r else rule
