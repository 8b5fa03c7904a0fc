"""Plane geometry on floats: the loci that constructions draw and their intersections."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Point = np.ndarray


class Degenerate(Exception):
    """A draw fell on a degenerate configuration; the caller redraws."""


def vec(x: float, y: float) -> Point:
    return np.array([float(x), float(y)])


def rot(v: Point, angle: float) -> Point:
    c, s = math.cos(angle), math.sin(angle)
    return np.array([c * v[0] - s * v[1], s * v[0] + c * v[1]])


def perp(v: Point) -> Point:
    return np.array([-v[1], v[0]])


def cross(u: Point, v: Point) -> float:
    return float(u[0] * v[1] - u[1] * v[0])


def direction(a: Point, b: Point) -> float:
    """Angle of line ab, mod π."""
    d = b - a
    return math.atan2(d[1], d[0]) % math.pi


def unit(v: Point) -> Point:
    n = float(np.hypot(v[0], v[1]))
    if n < 1e-12:
        raise Degenerate("zero-length direction")
    return v / n


@dataclass
class Line:
    """Through ``p`` along unit ``d``; random points are drawn for t in ``span`` × the figure scale."""

    p: Point
    d: Point
    span: tuple[float, float] = (-1.0, 1.0)

    @staticmethod
    def through(a: Point, b: Point) -> "Line":
        return Line(a, unit(b - a))

    def sample(self, rng: np.random.Generator, scale: float) -> Point:
        return self.p + self.d * rng.uniform(*self.span) * scale


@dataclass
class Circle:
    c: Point
    r: float

    def sample(self, rng: np.random.Generator, scale: float) -> Point:
        t = rng.uniform(0, 2 * math.pi)
        return self.c + self.r * np.array([math.cos(t), math.sin(t)])


Locus = Line | Circle


def circumcenter(a: Point, b: Point, c: Point) -> Point:
    """Centre of the circle through a, b, c; Degenerate when they are (nearly) collinear.

    The test is relative (twice the area over the longest side squared), so three collinear
    points far apart are refused as surely as three close together.
    """
    d = 2 * cross(b - a, c - a)
    longest = max(float((b - a) @ (b - a)), float((c - b) @ (c - b)), float((a - c) @ (a - c)))
    if longest == 0 or abs(d) < 2e-10 * longest:
        raise Degenerate("collinear points have no circumcircle")
    b2, c2 = (b - a) @ (b - a), (c - a) @ (c - a)
    ux = ((c - a)[1] * b2 - (b - a)[1] * c2) / d
    uy = ((b - a)[0] * c2 - (c - a)[0] * b2) / d
    return a + np.array([ux, uy])


def intersect_lines(l1: Line, l2: Line) -> list[Point]:
    den = cross(l1.d, l2.d)
    if abs(den) < 1e-9:
        raise Degenerate("lines are parallel")
    t = cross(l2.p - l1.p, l2.d) / den
    return [l1.p + t * l1.d]


def intersect_line_circle(line: Line, circ: Circle) -> list[Point]:
    w = line.p - circ.c
    b = float(w @ line.d)
    disc = b * b - (float(w @ w) - circ.r**2)
    if disc < -1e-12 * max(1.0, circ.r**2):
        raise Degenerate("line misses circle")
    s = math.sqrt(max(disc, 0.0))
    return [line.p + (-b - s) * line.d, line.p + (-b + s) * line.d]


def intersect_circles(c1: Circle, c2: Circle) -> list[Point]:
    d = c2.c - c1.c
    dist = float(np.hypot(*d))
    if dist < 1e-12:
        raise Degenerate("concentric circles")
    a = (c1.r**2 - c2.r**2 + dist**2) / (2 * dist)
    h2 = c1.r**2 - a**2
    if h2 < -1e-12 * max(1.0, c1.r**2):
        raise Degenerate("circles do not meet")
    h = math.sqrt(max(h2, 0.0))
    mid = c1.c + a * d / dist
    off = h * perp(d) / dist
    return [mid - off, mid + off]


def intersect(l1: Locus, l2: Locus) -> list[Point]:
    if isinstance(l1, Line) and isinstance(l2, Line):
        return intersect_lines(l1, l2)
    if isinstance(l1, Line):
        return intersect_line_circle(l1, l2)
    if isinstance(l2, Line):
        return intersect_line_circle(l2, l1)
    return intersect_circles(l1, l2)


def foot(p: Point, line: Line) -> Point:
    return line.p + float((p - line.p) @ line.d) * line.d


def reflect_in_line(p: Point, line: Line) -> Point:
    return 2 * foot(p, line) - p
