"""Numeric truth of predicates in a diagram.

Equalities are judged by a residual made dimensionless with the figure's scale; side conditions
(diff, ncoll, ...) must hold with a margin, so near-degenerate draws are rejected. A statement
whose arguments are degenerate (`degeneracy.py`: zero segments, flat triangles, collinear
"concyclic" points) does not hold, whatever its residual.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction

import numpy as np

from ..model import Predicate
from .degeneracy import FLAT, degeneracy
from .geometry import Point, cross

TOL = 1e-7  # equalities: residual below this holds
MARGIN = 1e-3  # side conditions: must hold by at least this (relative)
INF = float("inf")


def _len(u: Point) -> float:
    return float(np.hypot(u[0], u[1]))


def _sin(u: Point, v: Point) -> float:
    lu, lv = _len(u), _len(v)
    return INF if lu < 1e-12 or lv < 1e-12 else cross(u, v) / (lu * lv)


def _cos(u: Point, v: Point) -> float:
    lu, lv = _len(u), _len(v)
    return INF if lu < 1e-12 or lv < 1e-12 else float(u @ v) / (lu * lv)


def _angle(u: Point, v: Point) -> float:
    """Full angle from direction u to direction v, in [0, π)."""
    if _len(u) < 1e-12 or _len(v) < 1e-12:
        return math.nan
    return (math.atan2(v[1], v[0]) - math.atan2(u[1], u[0])) % math.pi


def _angle_gap(x: float, y: float) -> float:
    if math.isnan(x) or math.isnan(y):
        return INF
    d = (x - y) % math.pi
    return min(d, math.pi - d)


def r_coll(P: Sequence[Point], s: float) -> float:
    a, b, *rest = P
    u = b - a
    if _len(u) < 1e-12 * s:
        return INF
    return max(abs(cross(u, c - a)) / (_len(u) * s) for c in rest)


def r_para(P: Sequence[Point], s: float) -> float:
    a, b, c, d = P
    return abs(_sin(b - a, d - c))


def r_perp(P: Sequence[Point], s: float) -> float:
    a, b, c, d = P
    return abs(_cos(b - a, d - c))


def r_cong(P: Sequence[Point], s: float) -> float:
    a, b, c, d = P
    return abs(_len(b - a) - _len(d - c)) / s


def r_eqangle(P: Sequence[Point], s: float) -> float:
    a, b, c, d, e, f, g, h = P
    return _angle_gap(_angle(b - a, d - c), _angle(f - e, h - g))


def r_eqratio(P: Sequence[Point], s: float) -> float:
    a, b, c, d, e, f, g, h = P
    return abs(_len(b - a) * _len(h - g) - _len(d - c) * _len(f - e)) / s**2


def _circle_of(a, b, c):
    from .degeneracy import flatness
    from .geometry import Degenerate, circumcenter

    if flatness(a, b, c) < FLAT:
        return None, 0.0
    try:
        o = circumcenter(a, b, c)
    except Degenerate:
        return None, 0.0
    return o, _len(a - o)


def r_cyclic(P: Sequence[Point], s: float) -> float:
    o, r = _circle_of(*P[:3])
    if o is None:
        return INF
    return max(abs(_len(p - o) - r) for p in P[3:]) / s


def r_midp(P: Sequence[Point], s: float) -> float:
    m, a, b = P
    return _len(m - (a + b) / 2) / s


def r_circle(P: Sequence[Point], s: float) -> float:
    o, a, b, c = P
    ra = _len(a - o)
    return max(abs(_len(b - o) - ra), abs(_len(c - o) - ra)) / s


def _sides(a, b, c):
    return _len(b - a), _len(c - b), _len(a - c)


def r_simtri(P: Sequence[Point], s: float) -> float:
    t1, t2 = _sides(*P[:3]), _sides(*P[3:])
    if min(t1) < 1e-9 * s or min(t2) < 1e-9 * s or abs(cross(P[1] - P[0], P[2] - P[0])) < 1e-9 * s * s:
        return INF
    k = t1[0] / t2[0]
    return max(abs(t1[i] - k * t2[i]) for i in range(3)) / s


def r_contri(P: Sequence[Point], s: float) -> float:
    t1, t2 = _sides(*P[:3]), _sides(*P[3:])
    if abs(cross(P[1] - P[0], P[2] - P[0])) < 1e-9 * s * s:
        return INF
    return max(abs(x - y) for x, y in zip(t1, t2)) / s


def _shape_gap(P: Sequence[Point], same: bool) -> float:
    """|(c − a)/(b − a) − (r − p)/(q − p)| as complex numbers (conjugated for opposite orientations):
    0 exactly when abc and pqr are directly (oppositely) similar."""
    a, b, c, p, q, r = (complex(float(v[0]), float(v[1])) for v in P)
    if abs(b - a) < 1e-300 or abs(q - p) < 1e-300:
        return INF
    z1, z2 = (c - a) / (b - a), (r - p) / (q - p)
    return abs(z1 - (z2 if same else z2.conjugate()))


def r_simtric(P: Sequence[Point], s: float) -> float:
    return max(r_simtri(P, s), _shape_gap(P, True))


def r_simtrir(P: Sequence[Point], s: float) -> float:
    return max(r_simtri(P, s), _shape_gap(P, False))


def r_contric(P: Sequence[Point], s: float) -> float:
    return max(r_contri(P, s), _shape_gap(P, True))


def r_contrir(P: Sequence[Point], s: float) -> float:
    return max(r_contri(P, s), _shape_gap(P, False))


def r_aconst(P: Sequence[Point], s: float, value: Fraction) -> float:
    a, b, c, d = P
    return _angle_gap(_angle(b - a, d - c), float(value) * math.pi)


def r_rconst(P: Sequence[Point], s: float, value: Fraction) -> float:
    a, b, c, d = P
    ld = _len(d - c)
    return INF if ld < 1e-12 else abs(_len(b - a) / ld - float(value))


def r_r2const(P: Sequence[Point], s: float, value: Fraction) -> float:
    a, b, c, d = P
    ld = _len(d - c)
    return INF if ld < 1e-12 else abs((_len(b - a) / ld) ** 2 - float(value))


def r_lconst(P: Sequence[Point], s: float, value: Fraction) -> float:
    a, b = P
    return abs(_len(b - a) - float(value)) / s


def r_l2const(P: Sequence[Point], s: float, value: Fraction) -> float:
    a, b = P
    return abs(_len(b - a) ** 2 - float(value)) / s**2


# Side conditions return a margin: positive when the condition holds.
def m_diff(P: Sequence[Point], s: float) -> float:
    return _len(P[1] - P[0]) / s


def m_ncoll(P: Sequence[Point], s: float) -> float:
    a, b, *rest = P
    if _len(b - a) < 1e-12 * s:
        return -1.0
    return min(abs(_sin(b - a, c - a)) if _len(c - a) > 1e-12 * s else -1.0 for c in rest)


# how far from parallel (perpendicular) two lines are is the residual of para (perp) itself
m_npara = r_para
m_nperp = r_perp


def m_sameside(P: Sequence[Point], s: float) -> float:
    a, b, c, x, y, z = P
    p1, p2 = float((b - a) @ (c - a)), float((y - x) @ (z - x))
    return 1.0 if p1 * p2 > 0 else -1.0


# Sign conditions that single out one configuration (`configurations.py`): margin relative to scale.
def _left(p, a, b, s):
    return cross(b - a, p - a) / (max(_len(b - a), 1e-300) * s)


def m_ccw(P: Sequence[Point], s: float) -> float:
    a, b, c = P
    return _left(c, a, b, s)


def m_cw(P: Sequence[Point], s: float) -> float:
    return -m_ccw(P, s)


def m_same_side(P: Sequence[Point], s: float) -> float:
    x, y, a, b = P
    u, v = _left(x, a, b, s), _left(y, a, b, s)
    return min(abs(u), abs(v)) if u * v > 0 else -1.0


def m_opposite_sides(P: Sequence[Point], s: float) -> float:
    x, y, a, b = P
    u, v = _left(x, a, b, s), _left(y, a, b, s)
    return min(abs(u), abs(v)) if u * v < 0 else -1.0


def m_same_direction(P: Sequence[Point], s: float) -> float:
    p, x, q, r = P
    return float((x - p) @ (r - q)) / s**2


def m_opposite_direction(P: Sequence[Point], s: float) -> float:
    return -m_same_direction(P, s)


RESIDUALS: dict[str, Callable] = {
    "coll": r_coll,
    "para": r_para,
    "perp": r_perp,
    "cong": r_cong,
    "eqangle": r_eqangle,
    "eqratio": r_eqratio,
    "cyclic": r_cyclic,
    "midp": r_midp,
    "circle": r_circle,
    "simtri": r_simtri,
    "contri": r_contri,
    "simtric": r_simtric,
    "simtrir": r_simtrir,
    "contric": r_contric,
    "contrir": r_contrir,
    "aconst": r_aconst,
    "rconst": r_rconst,
    "r2const": r_r2const,
    "lconst": r_lconst,
    "l2const": r_l2const,
}
MARGINS: dict[str, Callable] = {
    "diff": m_diff,
    "ncoll": m_ncoll,
    "npara": m_npara,
    "nperp": m_nperp,
    "sameside": m_sameside,
    "ccw": m_ccw,
    "cw": m_cw,
    "same_side": m_same_side,
    "opposite_sides": m_opposite_sides,
    "same_direction": m_same_direction,
    "opposite_direction": m_opposite_direction,
}


def residual(pred: Predicate, coords: Mapping[str, Point], scale: float = 1.0) -> float:
    """How far an equality predicate is from holding (0 = exactly)."""
    pts = [coords[a] for a in pred.args]
    fn = RESIDUALS[pred.name]
    r = fn(pts, scale, pred.value) if pred.value is not None else fn(pts, scale)
    return INF if math.isnan(r) else r


def holds(pred: Predicate, coords: Mapping[str, Point], scale: float = 1.0, tol: float = TOL) -> bool:
    if pred.name in MARGINS:
        return MARGINS[pred.name]([coords[a] for a in pred.args], scale) > MARGIN
    return residual(pred, coords, scale) < tol and degeneracy(pred, coords, scale, goal=False) is None


def goal_holds(pred: Predicate, coords: Mapping[str, Point], scale: float = 1.0, tol: float = TOL) -> bool:
    """``holds`` for a statement to prove: its collinear points must be apart too."""
    return holds(pred, coords, scale, tol) and degeneracy(pred, coords, scale) is None
