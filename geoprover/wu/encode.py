"""Predicates → polynomials in point coordinates: the per-predicate table.

Angles are full angles mod π: ∠(l→m) = ∠(l'→m') is the vanishing of
cross(l,m)·dot(l',m') − dot(l,m)·cross(l',m'), a single polynomial that does not see orientation
of segments, exactly as the problem language means it. Lengths enter squared.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from ..model import Predicate
from .algebra import Poly, Ring

XY = tuple[Poly, Poly]
SQRT3 = "sqrt3"
UNIT = "unit"  # frame length of one unit of the problem: Newclid's lconst lengths are multiples of it


class Inexpressible(Exception):
    """The statement has no polynomial form here (an inequality, or an angle with no tangent in Q(√3))."""


def _sub(p: XY, q: XY) -> XY:
    return p[0] - q[0], p[1] - q[1]


def _cross(u: XY, v: XY) -> Poly:
    return u[0] * v[1] - u[1] * v[0]


def _dot(u: XY, v: XY) -> Poly:
    return u[0] * v[0] + u[1] * v[1]


def _sq(u: XY) -> Poly:
    return _dot(u, u)


class Encoder:
    """Coordinates of points as ring elements, and the polynomial table of the predicates."""

    def __init__(self, ring: Ring, coords: dict[str, XY]) -> None:
        self.ring = ring
        self.coords = coords

    def vec(self, a: str, b: str) -> XY:
        return _sub(self.coords[b], self.coords[a])

    # --- the table --------------------------------------------------------------------------
    def coll(self, p: Predicate) -> list[Poly]:
        a, b, *rest = p.args
        return [_cross(self.vec(a, b), self.vec(a, c)) for c in rest]

    def para(self, p: Predicate) -> list[Poly]:
        a, b, c, d = p.args
        return [_cross(self.vec(a, b), self.vec(c, d))]

    def perp(self, p: Predicate) -> list[Poly]:
        a, b, c, d = p.args
        return [_dot(self.vec(a, b), self.vec(c, d))]

    def cong(self, p: Predicate) -> list[Poly]:
        a, b, c, d = p.args
        return [_sq(self.vec(a, b)) - _sq(self.vec(c, d))]

    def midp(self, p: Predicate) -> list[Poly]:
        m, a, b = p.args
        (mx, my), (ax, ay), (bx, by) = (self.coords[q] for q in (m, a, b))
        return [2 * mx - ax - bx, 2 * my - ay - by]

    def circle(self, p: Predicate) -> list[Poly]:
        o, a, *rest = p.args
        return [_sq(self.vec(o, a)) - _sq(self.vec(o, b)) for b in rest]

    def cyclic(self, p: Predicate) -> list[Poly]:
        a, b, c, *rest = p.args
        return [self._concyclic(a, b, c, d) for d in rest]

    def _concyclic(self, a: str, b: str, c: str, d: str) -> Poly:
        # det of rows (|p−a|², (p−a)x, (p−a)y) for p = b, c, d: a at the origin of the 4×4 determinant
        rows = [self.vec(a, q) for q in (b, c, d)]
        s = [_sq(r) for r in rows]
        (x1, y1), (x2, y2), (x3, y3) = rows
        return s[0] * (x2 * y3 - x3 * y2) - s[1] * (x1 * y3 - x3 * y1) + s[2] * (x1 * y2 - x2 * y1)

    def eqangle(self, p: Predicate) -> list[Poly]:
        a, b, c, d, e, f, g, h = p.args
        u1, v1, u2, v2 = self.vec(a, b), self.vec(c, d), self.vec(e, f), self.vec(g, h)
        return [_cross(u1, v1) * _dot(u2, v2) - _dot(u1, v1) * _cross(u2, v2)]

    def eqratio(self, p: Predicate) -> list[Poly]:
        a, b, c, d, e, f, g, h = p.args
        return [_sq(self.vec(a, b)) * _sq(self.vec(g, h)) - _sq(self.vec(c, d)) * _sq(self.vec(e, f))]

    def rconst(self, p: Predicate) -> list[Poly]:
        a, b, c, d = p.args
        r = Fraction(p.value)
        return [r.denominator**2 * _sq(self.vec(a, b)) - r.numerator**2 * _sq(self.vec(c, d))]

    def r2const(self, p: Predicate) -> list[Poly]:
        a, b, c, d = p.args
        r = Fraction(p.value)
        return [r.denominator * _sq(self.vec(a, b)) - r.numerator * _sq(self.vec(c, d))]

    def lconst(self, p: Predicate) -> list[Poly]:
        # Wu's frame fixes two points at (0, 0) and (1, 0), so an absolute length l is l·unit there
        a, b = p.args
        r, u = Fraction(p.value), self.ring.gen(UNIT)
        return [r.denominator**2 * _sq(self.vec(a, b)) - r.numerator**2 * u * u]

    def l2const(self, p: Predicate) -> list[Poly]:
        a, b = p.args
        r, u = Fraction(p.value), self.ring.gen(UNIT)
        return [r.denominator * _sq(self.vec(a, b)) - r.numerator * u * u]

    def aconst(self, p: Predicate) -> list[Poly]:
        a, b, c, d = p.args
        u, v = self.vec(a, b), self.vec(c, d)
        t = tangent(Fraction(p.value))
        if t is None:  # right angle
            return [_dot(u, v)]
        (p0, q0), (p1, q1) = t  # tan = p0/q0 + (p1/q1)·√3
        if p1 == 0:
            return [q0 * _cross(u, v) - p0 * _dot(u, v)]
        s = self.ring.gen(SQRT3)
        return [q0 * q1 * _cross(u, v) - (p0 * q1 + p1 * q0 * s) * _dot(u, v)]

    def simtri(self, p: Predicate) -> list[Poly]:
        a, b, c, x, y, z = p.args
        ab, bc, ca = _sq(self.vec(a, b)), _sq(self.vec(b, c)), _sq(self.vec(c, a))
        xy, yz, zx = _sq(self.vec(x, y)), _sq(self.vec(y, z)), _sq(self.vec(z, x))
        return [ab * yz - bc * xy, ab * zx - ca * xy]

    def contri(self, p: Predicate) -> list[Poly]:
        a, b, c, x, y, z = p.args
        return [
            _sq(self.vec(a, b)) - _sq(self.vec(x, y)),
            _sq(self.vec(b, c)) - _sq(self.vec(y, z)),
            _sq(self.vec(c, a)) - _sq(self.vec(z, x)),
        ]

    def _shape(self, p: Predicate, same: bool) -> list[Poly]:
        """(c − a)(q − p) = (r − p)(b − a) as complex numbers: abc and pqr directly similar; with
        (q − p), (r − p) conjugated: oppositely similar. Real and imaginary parts, degree 2."""
        a, b, c, x, y, z = p.args
        (ux, uy), (vx, vy) = self.vec(a, b), self.vec(a, c)
        (sx, sy), (tx, ty) = self.vec(x, y), self.vec(x, z)
        if not same:
            sy, ty = -sy, -ty
        return [vx * sx - vy * sy - (tx * ux - ty * uy), vx * sy + vy * sx - (tx * uy + ty * ux)]

    def simtric(self, p: Predicate) -> list[Poly]:
        return self._shape(p, True)

    def simtrir(self, p: Predicate) -> list[Poly]:
        return self._shape(p, False)

    def contric(self, p: Predicate) -> list[Poly]:
        a, b, _, x, y, _ = p.args
        return self._shape(p, True) + [_sq(self.vec(a, b)) - _sq(self.vec(x, y))]

    def contrir(self, p: Predicate) -> list[Poly]:
        a, b, _, x, y, _ = p.args
        return self._shape(p, False) + [_sq(self.vec(a, b)) - _sq(self.vec(x, y))]

    def encode(self, p: Predicate) -> list[Poly]:
        fn: Callable[[Predicate], list[Poly]] | None = getattr(self, p.name, None) if p.name in EQUATIONS else None
        if fn is None:
            raise Inexpressible(f"'{p.name}' is not an equation")
        return fn(p)


EQUATIONS = (
    "coll",
    "para",
    "perp",
    "cong",
    "midp",
    "circle",
    "cyclic",
    "eqangle",
    "eqratio",
    "rconst",
    "r2const",
    "lconst",
    "l2const",
    "aconst",
    "simtri",
    "contri",
    "simtric",
    "simtrir",
    "contric",
    "contrir",
)


def tangent(angle: Fraction) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """tan(angle·π) as a + b√3 with rationals (num, den) each; None for a right angle.

    Multiples of 15° only; anything else has no tangent in Q(√3).
    """
    angle = angle % 1
    twelfths = angle * 12
    if twelfths.denominator != 1:
        raise Inexpressible(f"angle {angle * 180}° has no tangent in Q(√3)")
    table = {
        0: (0, 0),
        1: (2, -1),
        2: (0, Fraction(1, 3)),
        3: (1, 0),
        4: (0, 1),
        5: (2, 1),
        7: (-2, -1),
        8: (0, -1),
        9: (-1, 0),
        10: (0, Fraction(-1, 3)),
        11: (-2, 1),
    }
    k = int(twelfths)
    if k == 6:
        return None
    a, b = (Fraction(x) for x in table[k])
    return (a.numerator, a.denominator), (b.numerator, b.denominator)


def needs_sqrt3(preds: list[Predicate]) -> bool:
    for p in preds:
        if p.name == "aconst":
            t = tangent(Fraction(p.value)) if (Fraction(p.value) * 12).denominator == 1 else None
            if t is not None and t[1][0] != 0:
                return True
    return False
