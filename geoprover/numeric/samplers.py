"""Samplers for constructions drawn as a whole rather than as an intersection of loci.

Each takes the random generator and the input points (by parameter name) and returns the new
points by parameter name. They draw "typical" figures: no tiny angles, no huge ratios.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from . import loci
from .geometry import (
    Circle,
    Degenerate,
    Line,
    Point,
    circumcenter,
    cross,
    foot,
    intersect_circles,
    intersect_line_circle,
    intersect_lines,
    rot,
    unit,
)

Sampler = Callable[[np.random.Generator, dict], dict]
SAMPLERS: dict[str, Sampler] = {}


def sampler(fn: Sampler) -> Sampler:
    SAMPLERS[fn.__name__] = fn
    return fn


def _pt(rng: np.random.Generator) -> Point:
    return rng.uniform(-1, 1, 2)


def _sign(rng: np.random.Generator) -> float:
    """An orientation chosen at random: a branch of the figure (a square on one side of its base).

    A drawing that records its branch picks passes a `SignChooser`, which records this pick and can
    take it the other way; the random stream is consumed the same either way.
    """
    flip = rng.sign_flip() if isinstance(rng, SignChooser) else False
    s = 1.0 if rng.random() < 0.5 else -1.0
    return -s if flip else s


class SignChooser:
    """A random generator for a sampler that numbers its orientation picks and flips chosen ones."""

    def __init__(self, rng: np.random.Generator, first: int, flips: frozenset[int]) -> None:
        self.rng, self.first, self.flips, self.count = rng, first, flips, 0

    def sign_flip(self) -> bool:
        k = self.first + self.count
        self.count += 1
        return k in self.flips

    def __getattr__(self, name: str):
        return getattr(self.rng, name)


def _flipped(rng: np.random.Generator) -> bool:
    """A two-way pick with a fixed default and no random draw (which of two tangents gets the first
    names): a branch of the figure that a `SignChooser` records and can take the other way."""
    return rng.sign_flip() if isinstance(rng, SignChooser) else False


def _polygon(rng: np.random.Generator, n: int) -> list[Point]:
    """A random convex polygon: sorted angles on a wobbly circle."""
    while True:
        angles = np.sort(rng.uniform(0, 2 * math.pi, n))
        gaps = np.diff(np.append(angles, angles[0] + 2 * math.pi))
        if gaps.min() > 0.6 * 2 * math.pi / n / 2 and gaps.max() < math.pi * 0.9:
            break
    radii = rng.uniform(0.8, 1.2, n)
    centre = rng.uniform(-0.2, 0.2, 2)
    return [centre + r * np.array([math.cos(t), math.sin(t)]) for r, t in zip(radii, angles)]


@sampler
def free(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    return {"a": _pt(rng)}


@sampler
def segment(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a = _pt(rng)
    b = a + rot(np.array([rng.uniform(0.8, 1.6), 0.0]), rng.uniform(0, 2 * math.pi))
    return {"a": a, "b": b}


@sampler
def triangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c = _polygon(rng, 3)
    return {"a": a, "b": b, "c": c}


@sampler
def quadrangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    return dict(zip("abcd", _polygon(rng, 4)))


@sampler
def pentagon(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    return dict(zip("abcde", _polygon(rng, 5)))


@sampler
def iso_triangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    c = a + rot(b - a, _sign(rng) * rng.uniform(math.radians(35), math.radians(140)))
    return {"a": a, "b": b, "c": c}


@sampler
def r_triangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    c = a + rot(b - a, _sign(rng) * math.pi / 2) * rng.uniform(0.5, 1.8)
    return {"a": a, "b": b, "c": c}


@sampler
def risos(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    return {"a": a, "b": b, "c": a + rot(b - a, _sign(rng) * math.pi / 2)}


@sampler
def ieq_triangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    return {"a": a, "b": b, "c": a + rot(b - a, _sign(rng) * math.pi / 3)}


@sampler
def triangle12(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    angle = _sign(rng) * rng.uniform(math.radians(35), math.radians(145))
    return {"a": a, "b": b, "c": a + 2 * rot(b - a, angle)}


@sampler
def trapezoid(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c, _ = _polygon(rng, 4)
    d = c + (a - b) * rng.uniform(0.4, 1.4)
    return {"a": a, "b": b, "c": c, "d": d}


@sampler
def r_trapezoid(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    d = a + rot(b - a, _sign(rng) * math.pi / 2) * rng.uniform(0.5, 1.5)
    c = d + (b - a) * rng.uniform(0.4, 1.4)
    return {"a": a, "b": b, "c": c, "d": d}


@sampler
def eq_trapezoid(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    height = rot(b - a, _sign(rng) * math.pi / 2) * rng.uniform(0.4, 1.2)
    shrink = rng.uniform(0.2, 0.8)
    mid = (a + b) / 2
    c = mid + height + (b - mid) * shrink
    d = mid + height + (a - mid) * shrink
    return {"a": a, "b": b, "c": c, "d": d}


@sampler
def eq_quadrangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c, _ = _polygon(rng, 4)
    d = a + rot(unit(c - b), rng.uniform(0, 2 * math.pi)) * float(np.hypot(*(c - b)))
    return {"a": a, "b": b, "c": c, "d": d}


@sampler
def eqdia_quadrangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c, _ = _polygon(rng, 4)
    d = b + rot(unit(c - a), rng.uniform(0, 2 * math.pi)) * float(np.hypot(*(c - a)))
    return {"a": a, "b": b, "c": c, "d": d}


@sampler
def rectangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    c = b + rot(b - a, _sign(rng) * math.pi / 2) * rng.uniform(0.5, 1.5)
    return {"a": a, "b": b, "c": c, "d": a + c - b}


@sampler
def isquare(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = segment(rng, p).values()
    c = b + rot(b - a, _sign(rng) * math.pi / 2)
    return {"a": a, "b": b, "c": c, "d": a + c - b}


@sampler
def square(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = p["a"], p["b"]
    x = b + rot(b - a, _sign(rng) * math.pi / 2)
    return {"x": x, "y": a + x - b}


def _feet(i: Point, a: Point, b: Point, c: Point) -> dict:
    return {"x": foot(i, Line.through(b, c)), "y": foot(i, Line.through(c, a)), "z": foot(i, Line.through(a, b))}


@sampler
def incenter2(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c = p["a"], p["b"], p["c"]
    i = intersect_lines(loci.bisect(b, a, c), loci.bisect(a, c, b))[0]
    return {"i": i, **_feet(i, a, b, c)}


@sampler
def excenter2(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c = p["a"], p["b"], p["c"]
    i = intersect_lines(loci.bisect(b, a, c), loci.exbisect(b, c, a))[0]
    return {"i": i, **_feet(i, a, b, c)}


@sampler
def centroid(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c = p["a"], p["b"], p["c"]
    return {"x": (b + c) / 2, "y": (c + a) / 2, "z": (a + b) / 2, "i": (a + b + c) / 3}


@sampler
def ninepoints(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c = p["a"], p["b"], p["c"]
    x, y, z = (b + c) / 2, (c + a) / 2, (a + b) / 2
    return {"x": x, "y": y, "z": z, "i": circumcenter(x, y, z)}


@sampler
def eqangle2(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """x with ∠(ab→ax) = ∠(cx→cb): lines from a and c turned by the same random angle."""
    a, b, c = p["a"], p["b"], p["c"]
    phi = rng.uniform(0.25, math.pi - 0.25)
    from_a = Line(a, rot(unit(b - a), phi))
    from_c = Line(c, rot(unit(b - c), -phi))
    return {"x": intersect_lines(from_a, from_c)[0]}


@sampler
def tangent_circle_2l1c(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """Circle inside angle a c b tangent to lines ca, cb and internally to the circle (o, oa)."""
    a, b, c, o = p["a"], p["b"], p["c"], p["o"]
    radius = float(np.hypot(*(a - o)))
    on_circle = abs(np.hypot(*(c - o)) - radius) < 1e-9 * radius  # a mixtilinear incircle (Newclid)
    if np.hypot(*(c - o)) >= radius * 0.98 and not on_circle:
        raise Degenerate("the corner lies outside the circle")
    ua, ub = unit(a - c), unit(b - c)
    u = unit(ua + ub)
    s = abs(cross(u, ua))

    def gap(t: float) -> float:
        return radius - t * s - float(np.hypot(*(c + t * u - o)))

    lo, hi = 0.0, 2 * radius / max(s, 1e-3)
    if gap(hi) > 0:
        raise Degenerate("no tangent circle")
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if gap(mid) > 0 else (lo, mid)
    i = c + lo * u
    z = o + radius * unit(i - o)
    return {"x": foot(i, Line.through(a, c)), "y": foot(i, Line.through(b, c)), "z": z, "i": i}


@sampler
def e5128(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c, d = p["a"], p["b"], p["c"], p["d"]
    y = (a + b) / 2
    ends = intersect_line_circle(Line.through(d, y), Circle(c, float(np.hypot(*(b - c)))))
    x = max(ends, key=lambda e: float(np.hypot(*(e - d))))
    return {"x": x, "y": y}


@sampler
def three_peq(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c = p["a"], p["b"], p["c"]
    z = b + (c - b) * rng.uniform(-0.5, 1.5)
    x = intersect_lines(Line(2 * z - c, unit(c - a)), Line.through(a, b))[0]
    return {"x": x, "y": 2 * z - x, "z": z}


@sampler
def trisect(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b, c = p["a"], p["b"], p["c"]
    ba, bc = a - b, c - b
    angle = math.atan2(cross(ba, bc), float(ba @ bc))
    ac = Line.through(a, c)
    x = intersect_lines(Line(b, rot(unit(ba), angle / 3)), ac)[0]
    y = intersect_lines(Line(b, rot(unit(ba), 2 * angle / 3)), ac)[0]
    return {"x": x, "y": y}


@sampler
def trisegment(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, b = p["a"], p["b"]
    return {"x": a + (b - a) / 3, "y": a + 2 * (b - a) / 3}


def _external_tangent(o: Point, r1: float, w: Point, r2: float, side: float) -> tuple[Point, Point]:
    dist = float(np.hypot(*(w - o)))
    cos_a = (r1 - r2) / dist
    if abs(cos_a) >= 1:
        raise Degenerate("one circle inside the other")
    n = rot(unit(w - o), side * math.acos(cos_a))
    return o + r1 * n, w + r2 * n


@sampler
def cc_tangent0(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    o, w = p["o"], p["w"]
    r1, r2 = float(np.hypot(*(p["a"] - o))), float(np.hypot(*(p["b"] - w)))
    x, y = _external_tangent(o, r1, w, r2, _sign(rng))
    return {"x": x, "y": y}


def _both_tangents(p: dict[str, Point], tangent: Callable[..., tuple[Point, Point]], side: float) -> dict[str, Point]:
    """The two common tangents of circles (o through a) and (w through b), of one kind: x y on the
    ``side`` of line ow (+1: left of o→w), z i on the other."""
    o, w = p["o"], p["w"]
    r1, r2 = float(np.hypot(*(p["a"] - o))), float(np.hypot(*(p["b"] - w)))
    x, y = tangent(o, r1, w, r2, side)
    z, i = tangent(o, r1, w, r2, -side)
    return {"x": x, "y": y, "z": z, "i": i}


def _radii(p: dict[str, Point]) -> tuple[float, float]:
    return float(np.hypot(*(p["a"] - p["o"]))), float(np.hypot(*(p["b"] - p["w"])))


@sampler
def cc_tangent(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """Newclid's labelling: x y is the tangent on the right of the line from the larger circle's
    centre to the smaller's (right of o→w when circle o is the larger); the definition does not
    tell the two tangents apart, so the other labelling is the other branch of the figure."""
    r1, r2 = _radii(p)
    side = -1.0 if r1 > r2 else 1.0
    return _both_tangents(p, _external_tangent, -side if _flipped(rng) else side)


@sampler
def tangent(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    a, o, b = p["a"], p["o"], p["b"]
    r = float(np.hypot(*(b - o)))
    if np.hypot(*(a - o)) <= r * 1.02:
        raise Degenerate("the point is inside the circle")
    x, y = intersect_circles(Circle(o, r), loci.dia(a, o))
    return {"x": x, "y": y}


def _internal_tangent(o: Point, r1: float, w: Point, r2: float, side: float) -> tuple[Point, Point]:
    """A common tangent with the circles on opposite sides: x = o + r1·n, y = w − r2·n."""
    dist = float(np.hypot(*(w - o)))
    cos_a = (r1 + r2) / dist
    if cos_a >= 1:
        raise Degenerate("the circles meet")
    n = rot(unit(w - o), side * math.acos(cos_a))
    return o + r1 * n, w - r2 * n


@sampler
def cc_itangent(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """Newclid's labelling: x (on circle o) is on the right of o→w; the other labelling is the
    other branch of the figure."""
    return _both_tangents(p, _internal_tangent, 1.0 if _flipped(rng) else -1.0)


@sampler
def acute_triangle(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """A triangle with every angle under 80°."""
    while True:
        a, b, c = _polygon(rng, 3)
        if all(
            float((q - v) @ (r - v)) > 0.17 * np.hypot(*(q - v)) * np.hypot(*(r - v))
            for v, q, r in ((a, b, c), (b, c, a), (c, a, b))
        ):
            return {"a": a, "b": b, "c": c}


def _congruent(rng: np.random.Generator, p: dict[str, Point], mirrored: bool) -> dict[str, Point]:
    """q, r with pqr congruent to abc, turned by a random angle (and mirrored for contrir)."""
    a, b, c, o = p["a"], p["b"], p["c"], p["p"]

    def image(v: Point) -> Point:
        u = v - a
        if mirrored:
            u = np.array([u[0], -u[1]])
        return o + rot(u, theta)

    theta = rng.uniform(0, 2 * math.pi)
    return {"q": image(b), "r": image(c)}


@sampler
def contri(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    return _congruent(rng, p, False)


@sampler
def contrir(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    return _congruent(rng, p, True)


@sampler
def test_r20(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """A circle with centre o, a diameter ac and a point b on it."""
    o, a = _pt(rng), _pt(rng)
    b = o + rot(a - o, rng.uniform(0.4, math.pi - 0.4) * _sign(rng))
    return {"o": o, "a": a, "b": b, "c": 2 * o - a}


@sampler
def test_r25(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """Two segments ab, cd with a common midpoint m."""
    a, b, c, _ = _polygon(rng, 4)
    m = (a + b) / 2
    return {"a": a, "b": b, "c": c, "d": 2 * m - c, "m": m}


@sampler
def between(rng: np.random.Generator, p: dict[str, Point]) -> dict[str, Point]:
    """Three points on a line, c strictly between a and b (Newclid's free construction)."""
    a, b = segment(rng, p).values()
    return {"a": a, "b": b, "c": a + (b - a) * rng.uniform(0.2, 0.8)}
