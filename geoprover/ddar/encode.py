"""Predicates as equations: what each fact says in the angle, ratio and distance systems.

Angles are line directions mod π (a line is the object of ``objects.Lines`` through two points),
lengths are log-lengths (constants as log-primes, never pivots), distances are signed positions on
lines (``distance.py``). ``encode(db, pred, node)`` writes a fact's equations through the table
``ENCODERS`` (predicate name → encoder); ``query.py`` reads the same expressions to check a fact.
The order in which expressions name lines matters (a new line is a new, younger variable, which
the elimination pivots first), so each encoder builds them in one fixed order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from ..catalogue import CONGRUENT, ORIENTED
from ..model import Predicate
from .linalg import Expr, combine
from .objects import Obj

if TYPE_CHECKING:
    from .nodes import Node
    from .store import Store

HALF = Fraction(1, 2)


# ----- constants as log-primes ------------------------------------------------------------------
def _primes(n: int) -> dict[int, int]:
    out, p = {}, 2
    while p * p <= n:
        while n % p == 0:
            out[p] = out.get(p, 0) + 1
            n //= p
        p += 1
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out


def log_const(value: Fraction) -> dict:
    """log(value) as a combination of log-prime variables (a length ratio is positive: 0 or a
    negative value would otherwise factor to nothing and read as log 1)."""
    if value <= 0:
        raise ValueError(f"a length ratio must be positive, not {value}")
    out: dict = {}
    for p, k in _primes(value.numerator).items():
        out[("log", p)] = out.get(("log", p), 0) + Fraction(k)
    for p, k in _primes(value.denominator).items():
        out[("log", p)] = out.get(("log", p), 0) - Fraction(k)
    return out


# ----- variables and expressions ----------------------------------------------------------------
def direction(db: Store, a: str, b: str) -> int:
    """The angle variable of line ab (its object id; naming a new line creates it)."""
    return db.lines.line(a, b)


def angle_expr(db: Store, a: str, b: str, c: str, d: str) -> Expr:
    """∠(ab → cd) = dir(cd) - dir(ab)."""
    e: dict = {}
    l1, l2 = direction(db, a, b), direction(db, c, d)
    if l1 != l2:
        e[l2] = 1
        e[l1] = -1
    return e


def seg(a: str, b: str) -> tuple:
    """The log-length variable of segment ab (either way round)."""
    return ("s", a, b) if a < b else ("s", b, a)


def radius(tri: Iterable[str]) -> tuple:
    """The log-circumradius variable of a triangle (the law of sines ties it to its sides)."""
    return ("R", *sorted(tri))


def length(a: str, b: str | Iterable[str]) -> tuple:
    """A ratio-equation term: log|ab|, or log R(xyz) when ``a`` is "R" and ``b`` the triangle."""
    return radius(b) if a == "R" else seg(a, b)


def ratio_expr(a: str, b: str, c: str, d: str) -> Expr:
    """log|ab| - log|cd|."""
    return combine((1, {seg(a, b): 1}), (-1, {seg(c, d): 1}))


def angle_equation(db: Store, pred: Predicate) -> tuple[Expr, Fraction]:
    """A para / perp / eqangle / aconst fact as (expression over directions, constant in units of π)."""
    n, a = pred.name, pred.args
    if n == "para":
        return angle_expr(db, *a), Fraction(0)
    if n == "perp":
        return angle_expr(db, *a), HALF
    if n == "aconst":
        return angle_expr(db, *a), pred.value
    return combine((1, angle_expr(db, *a[:4])), (-1, angle_expr(db, *a[4:]))), Fraction(0)


def ratio_equation(pred: Predicate) -> tuple[Expr, Fraction | None]:
    """A cong / eqratio / rconst fact as (expression over log-lengths, constant ratio or None)."""
    n, a = pred.name, pred.args
    if n == "cong":
        return ratio_expr(*a), None
    if n == "rconst":
        return ratio_expr(*a), pred.value
    return combine((1, ratio_expr(*a[:4])), (-1, ratio_expr(*a[4:]))), None


def orientation(db: Store, a: str, b: str, c: str) -> int:
    """+1 when abc turns counterclockwise in the figure, else -1 (similar triangles: same or mirror)."""
    pa, pb, pc = db.coords[a], db.coords[b], db.coords[c]
    cr = (pb[0] - pa[0]) * (pc[1] - pa[1]) - (pb[1] - pa[1]) * (pc[0] - pa[0])
    return 1 if cr > 0 else -1


def similar_angle_eqs(
    db: Store, a: str, b: str, c: str, p: str, q: str, r: str, same: bool
) -> list[tuple[Expr, Fraction]]:
    """The three vertex-angle equations of similar triangles abc, pqr (``same``: orientation)."""
    s = 1 if same else -1
    out = []
    for (x, y, z), (u, v, w) in (((a, b, c), (p, q, r)), ((b, c, a), (q, r, p)), ((c, a, b), (r, p, q))):
        # angle at y: ∠(yx → yz) = s ∠(vu → vw)
        out.append((combine((1, angle_expr(db, y, x, y, z)), (-s, angle_expr(db, v, u, v, w))), Fraction(0)))
    return out


def similar_ratio_eqs(a: str, b: str, c: str, p: str, q: str, r: str) -> list[Expr]:
    """The two side-ratio equations of similar triangles abc, pqr."""
    return [
        combine((1, ratio_expr(a, b, b, c)), (-1, ratio_expr(p, q, q, r))),
        combine((1, ratio_expr(b, c, c, a)), (-1, ratio_expr(q, r, r, p))),
    ]


# ----- encoders: one per predicate that states equations ------------------------------------------
def _coll(db: Store, pred: Predicate, node: Node) -> None:
    pts = set(pred.args)
    if len(pts) >= 3 or len(pts) == 2:
        kept, absorbed = db.lines.add(pts, node)
        for j in absorbed:  # the absorbed line's direction is the kept one's
            db.add_angle({kept: Fraction(1), j: Fraction(-1)}, Fraction(0), node)
            db.dist.merge(kept, j, db.eq_id(node))
        db.version += 1


def _angle(db: Store, pred: Predicate, node: Node) -> None:
    expr, const = angle_equation(db, pred)
    db.add_angle(expr, const % 1, node)


def _cong(db: Store, pred: Predicate, node: Node) -> None:
    db.add_ratio(ratio_expr(*pred.args), node)
    db.add_distance(db.dist.equal(*pred.args), node)


def _eqratio(db: Store, pred: Predicate, node: Node) -> None:
    db.add_ratio(ratio_equation(pred)[0], node)


def _rconst(db: Store, pred: Predicate, node: Node) -> None:
    db.add_ratio(ratio_expr(*pred.args), node, pred.value)
    db.add_distance(db.dist.equal(*pred.args, factor=pred.value), node)


def _midp(db: Store, pred: Predicate, node: Node) -> None:
    m, x, y = pred.args
    _coll(db, Predicate("coll", (m, x, y)), node)
    db.add_ratio(ratio_expr(m, x, m, y), node)
    db.add_distance(db.dist.equal(m, x, m, y), node)
    db.add_ratio(ratio_expr(m, x, x, y), node, HALF)
    db.midpoints.setdefault(m, []).append((x, y, node))
    db.version += 1


def _cyclic(db: Store, pred: Predicate, node: Node) -> None:
    pts = list(dict.fromkeys(pred.args))
    if len(pts) >= 3:
        radii(db, db.circles.add(pts, node))
        db.version += 1


def _circle(db: Store, pred: Predicate, node: Node) -> None:
    o, *pts = pred.args
    db.add_ratio(ratio_expr(o, pts[0], o, pts[1]), node)
    db.add_ratio(ratio_expr(o, pts[0], o, pts[2]), node)
    radii(db, db.circles.add(pts, node, center=o, center_nodes=[node]))
    db.version += 1


def _similar(db: Store, pred: Predicate, node: Node) -> None:
    x, y, z, p, q, r = pred.args
    same = orientation(db, x, y, z) == orientation(db, p, q, r)
    for e, c in similar_angle_eqs(db, x, y, z, p, q, r, same):
        db.add_angle(e, c, node)
    for e in similar_ratio_eqs(x, y, z, p, q, r):
        db.add_ratio(e, node)
    if pred.name in CONGRUENT:
        db.add_ratio(ratio_expr(x, y, p, q), node)


ENCODERS: dict[str, Callable[["Store", Predicate, "Node"], None]] = {
    "coll": _coll,
    "para": _angle,
    "perp": _angle,
    "eqangle": _angle,
    "aconst": _angle,
    "cong": _cong,
    "eqratio": _eqratio,
    "rconst": _rconst,
    "midp": _midp,
    "cyclic": _cyclic,
    "circle": _circle,
    "simtri": _similar,
    "contri": _similar,
    **dict.fromkeys(ORIENTED, _similar),  # a fact holds in the figure: its orientation is the figure's
}


def encode(db: Store, pred: Predicate, node: Node) -> None:
    """Write the equations ``pred`` states (side conditions such as ncoll state none)."""
    encoder = ENCODERS.get(pred.name)
    if encoder is not None:
        encoder(db, pred, node)


def radii(db: Store, circle: Obj) -> None:
    """Every point of a circle with a known centre is at one distance from it (``radius`` steps)."""
    o = circle.center
    if o is None:
        return
    pts = sorted(circle.points)
    ref = pts[0]
    for p in pts[1:]:
        expr = ratio_expr(o, ref, o, p)
        if db.ratios.holds(expr) is not None:
            continue
        pred = Predicate("cong", (o, ref, o, p))
        db.guard(pred)
        prem = [n for n, _ in circle.nodes] + list(circle.center_nodes)
        node = db.node(str(pred), "radius", prem, pred)
        db.add_ratio(expr, node)
        db.add_distance(db.dist.equal(o, ref, o, p), node)
