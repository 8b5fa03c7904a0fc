"""Drawing primitives named in the construction catalogue.

Each takes point coordinates (and numbers) and returns either a locus (a `Line` or a `Circle`)
for the new point to lie on, or the new point itself. Full angles: ∠(l→m) = dir(m) − dir(l) mod π.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .geometry import (
    Circle,
    Degenerate,
    Line,
    Point,
    circumcenter,
    direction,
    intersect_lines,
    perp,
    reflect_in_line,
    rot,
    unit,
)


def _line_at(p: Point, angle: float, length: float) -> Line:
    return Line(p, np.array([math.cos(angle), math.sin(angle)]), (-length, length))


def line(a: Point, b: Point) -> Line:
    length = float(np.hypot(*(b - a)))
    return Line(a, unit(b - a), (-0.5 * length, 1.5 * length))


def circle(o: Point, a: Point, b: Point) -> Circle:
    return Circle(o, float(np.hypot(*(b - a))))


def tline(p: Point, a: Point, b: Point) -> Line:
    return Line(p, perp(unit(b - a)), (-1.0 * np.hypot(*(b - a)), np.hypot(*(b - a))))


def pline(p: Point, a: Point, b: Point) -> Line:
    return Line(p, unit(b - a), (-1.0 * np.hypot(*(b - a)), np.hypot(*(b - a))))


def bline(a: Point, b: Point) -> Line:
    length = float(np.hypot(*(b - a)))
    return Line((a + b) / 2, perp(unit(b - a)), (-length, length))


def dia(a: Point, b: Point) -> Circle:
    return Circle((a + b) / 2, float(np.hypot(*(b - a))) / 2)


def circum(a: Point, b: Point, c: Point) -> Circle:
    o = circumcenter(a, b, c)
    return Circle(o, float(np.hypot(*(a - o))))


def aline(a: Point, b: Point, c: Point, d: Point, e: Point) -> Line:
    """Line a x with ∠(ax→ab) = ∠(dc→de)."""
    angle = direction(a, b) - direction(d, e) + direction(d, c)
    return _line_at(a, angle, float(np.hypot(*(b - a))))


def aline2(a: Point, b: Point, c: Point, d: Point, e: Point) -> Circle:
    """Circle of points x with ∠(xa→xb) = ∠(dc→de): the arc over ab."""
    theta = direction(d, e) - direction(d, c)
    if abs(math.sin(theta)) < 1e-6:
        raise Degenerate("zero angle over a chord")
    tangent = direction(a, b) - theta
    normal = _line_at(a, tangent + math.pi / 2, 1.0)
    o = intersect_lines(normal, bline(a, b))[0]
    return Circle(o, float(np.hypot(*(a - o))))


def eqangle3(a: Point, b: Point, d: Point, e: Point, f: Point) -> Circle:
    """Points x with ∠(xa→xb) = ∠(de→df)."""
    return aline2(a, b, e, d, f)


def bisect(a: Point, b: Point, c: Point) -> Line:
    """Internal bisector of angle abc."""
    return Line(b, unit(unit(a - b) + unit(c - b)), (-np.hypot(*(a - b)), np.hypot(*(a - b))))


def exbisect(a: Point, b: Point, c: Point) -> Line:
    inner = bisect(a, b, c)
    return Line(b, perp(inner.d), inner.span)


def amirror(a: Point, b: Point, c: Point) -> Line:
    """Line b x with ∠(ba→bc) = ∠(bc→bx)."""
    return _line_at(b, 2 * direction(b, c) - direction(b, a), float(np.hypot(*(a - b))))


def s_angle(a: Point, b: Point, degrees: float) -> Line:
    """Line b x with ∠(ba→bx) = the given angle."""
    return _line_at(b, direction(b, a) + math.radians(degrees), float(np.hypot(*(a - b))))


def opray(a: Point, b: Point) -> Line:
    """The ray from a away from b."""
    length = float(np.hypot(*(b - a)))
    return Line(a, unit(a - b), (0.2 * length, 1.5 * length))


def aline0(a: Point, b: Point, c: Point, d: Point, e: Point, f: Point, g: Point) -> Line:
    """Line g x with ∠(ab→cd) = ∠(ef→gx)."""
    angle = direction(e, f) + direction(c, d) - direction(a, b)
    return _line_at(g, angle, float(np.hypot(*(f - e))))


def aconst_line(a: Point, b: Point, c: Point, degrees: float) -> Line:
    """Line c x with ∠(ab→cx) = the given angle."""
    return _line_at(c, direction(a, b) + math.radians(degrees), float(np.hypot(*(b - a))))


def inside(a: Point, b: Point) -> Line:
    """The open segment ab, its ends kept clear (Newclid's between)."""
    length = float(np.hypot(*(b - a)))
    return Line(a, unit(b - a), (0.1 * length, 0.9 * length))


def _radius(r: float) -> float:
    if not math.isfinite(r) or r <= 0:
        raise Degenerate("a circle of no positive radius")
    return r


def ratio_circle(a: Point, b: Point, c: Point, ratio: float) -> Circle:
    """Points x with ab : cx = ratio."""
    return Circle(c, _radius(float(np.hypot(*(b - a))) / ratio))


def square_ratio_circle(a: Point, b: Point, c: Point, ratio: float) -> Circle:
    """Points x with ab² : cx² = ratio."""
    return Circle(c, _radius(float(np.hypot(*(b - a))) / math.sqrt(ratio) if ratio > 0 else math.nan))


def fourth_circle(a: Point, b: Point, c: Point, d: Point, e: Point, f: Point, g: Point) -> Circle:
    """Points x with ab : cd = ef : gx."""
    ab, cd, ef = (float(np.hypot(*(q - p))) for p, q in ((a, b), (c, d), (e, f)))
    return Circle(g, _radius(cd * ef / ab))


def length_circle(a: Point, length: float) -> Circle:
    """Points at the given distance from a (the figure's unit is the drawing's)."""
    return Circle(a, _radius(length))


def square_length_circle(a: Point, square: float) -> Circle:
    return Circle(a, _radius(math.sqrt(square) if square > 0 else math.nan))


def apollonius(a: Point, b: Point, ratio: float) -> Line | Circle:
    """Points x with xa : xb = ratio: a circle of Apollonius, or the bisector when the ratio is 1."""
    if ratio <= 0:
        raise Degenerate("a ratio must be positive")
    k2 = ratio * ratio
    if abs(k2 - 1) < 1e-9:
        return bline(a, b)
    centre = (a - k2 * b) / (1 - k2)
    return Circle(centre, _radius(ratio * float(np.hypot(*(b - a))) / abs(1 - k2)))


def apollonius2(a: Point, c: Point, e: Point, f: Point, g: Point, h: Point) -> Line | Circle:
    """Points x with ax : cx = ef : gh."""
    gh = float(np.hypot(*(h - g)))
    if gh < 1e-12:
        raise Degenerate("a zero segment")
    return apollonius(a, c, float(np.hypot(*(f - e))) / gh)


def bmirror(c: Point, a: Point, b: Point) -> Point:
    """Reflection of c in the perpendicular bisector of ab (Newclid's iso_trapezoid2)."""
    return reflect_in_line(c, bline(a, b))


def turn(a: Point, o: Point, degrees: float) -> Point:
    """a turned about o by the given angle (GeoGebra's Rotate)."""
    return o + rot(a - o, math.radians(degrees))


def midp(a: Point, b: Point) -> Point:
    return (a + b) / 2


def pmirror(a: Point, b: Point) -> Point:
    """Reflection of a in b."""
    return 2 * b - a


def rotaten90(a: Point, b: Point) -> Point:
    return a + rot(b - a, -math.pi / 2)


def rotatep90(a: Point, b: Point) -> Point:
    return a + rot(b - a, math.pi / 2)


def reflect(a: Point, b: Point, c: Point) -> Point:
    """Reflection of a in line bc."""
    return reflect_in_line(a, line(b, c))


def shift(b: Point, c: Point, d: Point) -> Point:
    """x with xb = cd and xc = bd: b + c − d."""
    return b + c - d


PRIMITIVES: dict[str, Callable[..., object]] = {
    f.__name__: f
    for f in (
        line,
        circle,
        tline,
        pline,
        bline,
        dia,
        circum,
        aline,
        aline2,
        eqangle3,
        bisect,
        exbisect,
        amirror,
        s_angle,
        opray,
        midp,
        pmirror,
        rotaten90,
        rotatep90,
        reflect,
        shift,
        aline0,
        aconst_line,
        inside,
        ratio_circle,
        square_ratio_circle,
        fourth_circle,
        length_circle,
        square_length_circle,
        apollonius,
        apollonius2,
        bmirror,
        turn,
    )
}
