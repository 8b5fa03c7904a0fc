"""Distance chasing: signed positions of points along lines, as one exact linear system.

Each line object gets a fixed orientation (read off the diagram when it is created); a point's
position on it is a variable. |ab| is ±(x_b − x_a) on the line through a and b, the sign read off
the diagram. Equal lengths, midpoints and rational length ratios are linear here, so sums and
differences of collinear segments chase (ab = cd on one line ⇒ ac = bd, ...).
"""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

from .linalg import Expr, LinearSystem, combine

if TYPE_CHECKING:
    from .store import Store


class Distances:
    """The distance system of one database: signed positions along its lines."""

    def __init__(self, db: Store) -> None:
        self.db = db
        self.system = LinearSystem(None)
        self.axis: dict[int, np.ndarray] = {}  # line id -> unit direction fixed at first use

    def __deepcopy__(self, memo: dict) -> "Distances":
        """A copy to grow, on the copied store; the fixed axes (arrays never changed) are shared."""
        twin = object.__new__(type(self))
        memo[id(self)] = twin
        twin.db = copy.deepcopy(self.db, memo)
        twin.system = copy.deepcopy(self.system, memo)
        twin.axis = dict(self.axis)
        return twin

    def _axis(self, line: int) -> np.ndarray:
        u = self.axis.get(line)
        if u is None:
            a, b = self.db.lines.two(line)  # two names at one spot give no direction
            d = self.db.coords[b] - self.db.coords[a]
            u = d / np.hypot(*d)
            self.axis[line] = u
        return u

    def length(self, a: str, b: str) -> dict:
        """|ab| as a combination of position variables on the line through a and b."""
        line = self.db.lines.line(a, b)
        u = self._axis(line)
        sign = 1 if float((self.db.coords[b] - self.db.coords[a]) @ u) > 0 else -1
        return {("x", line, b): sign, ("x", line, a): -sign}  # int coefficients: far cheaper than Fractions

    def equal(self, a: str, b: str, c: str, d: str, factor: Fraction | int = 1) -> dict:
        """|ab| − factor·|cd|."""
        return combine((1, self.length(a, b)), (-factor, self.length(c, d)))

    def merge(self, kept: int, absorbed: int, eq_id: int) -> None:
        """Positions on an absorbed line equal (up to orientation) positions on the kept one."""
        pts = sorted(self.db.lines.objs[absorbed].points)
        if absorbed not in self.axis or len(pts) < 2:
            return
        s = 1 if float(self._axis(kept) @ self.axis[absorbed]) > 0 else -1
        p0 = pts[0]
        for q in pts[1:]:
            e = {
                ("x", absorbed, q): 1,
                ("x", absorbed, p0): -1,
                ("x", kept, q): -s,
                ("x", kept, p0): s,
            }
            self.system.add(e, Fraction(0), eq_id)

    def add(self, expr: Expr, eq_id: int) -> bool:
        """State ``expr = 0`` (equation ``eq_id``); False when it already followed."""
        return self.system.add(expr, Fraction(0), eq_id)

    def holds(self, expr: Expr) -> dict | None:
        """Provenance of ``expr = 0`` in the distance system, or None."""
        return self.system.holds(expr, Fraction(0))
