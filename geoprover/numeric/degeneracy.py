"""Degenerate arguments of a statement: zero segments, coincident points, flat triangles.

A statement about degenerate objects is false, never vacuously true: four "concyclic" points
of which three are collinear, a "similar" flat triangle, a "congruent" zero-length segment. The
tests are relative to the size of the figure (and of the triangle), so a flat triangle with far
apart vertices is as flat as a small one. Each engine states these conditions with its proof.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import combinations

import numpy as np

from ..model import Predicate
from .geometry import Point, cross

FLAT = 1e-6  # relative size below which a segment is zero and a triangle flat


def zero_segment(a: Point, b: Point, scale: float) -> bool:
    return float(np.hypot(*(b - a))) < FLAT * scale


def flatness(a: Point, b: Point, c: Point) -> float:
    """Twice the area over the longest side squared: 0 for collinear points, scale-free."""
    longest = max(float((b - a) @ (b - a)), float((c - b) @ (c - b)), float((a - c) @ (a - c)))
    return 0.0 if longest == 0 else abs(cross(b - a, c - a)) / longest


def flat(a: Point, b: Point, c: Point, scale: float) -> bool:
    """Collinear or with two vertices at one spot."""
    return (
        zero_segment(a, b, scale) or zero_segment(b, c, scale) or zero_segment(a, c, scale) or flatness(a, b, c) < FLAT
    )


# What each statement needs of its arguments, as plain conditions on names:
#   ("segment", a, b): a ≠ b;   ("triangle", a, b, c): a, b, c not collinear.
Need = tuple[str, ...]


def _segments(args: tuple[str, ...]) -> Iterator[Need]:
    for i in range(0, len(args) - 1, 2):
        yield ("segment", args[i], args[i + 1])


def _distinct(args: tuple[str, ...]) -> Iterator[Need]:
    for a, b in combinations(dict.fromkeys(args), 2):
        yield ("segment", a, b)


def _coll(args):
    if len(set(args)) < len(args):
        yield ("repeated", *args)
    yield from _distinct(args)


def _cyclic(args):
    if len(set(args)) < len(args) or len(args) < 4:
        yield ("repeated", *args)
    for tri in combinations(args, 3):
        yield ("triangle", *tri)


def _midp(args):
    m, a, b = args
    yield ("segment", a, b)


def _circle(args):
    o, *rest = args
    yield ("segment", o, rest[0])
    yield from _distinct(tuple(rest))


def _triangles(args):
    yield ("triangle", *args[:3])
    yield ("triangle", *args[3:6])


NEEDS: dict[str, Callable[[tuple[str, ...]], Iterator[Need]]] = {
    "coll": _coll,
    "para": _segments,
    "perp": _segments,
    "cong": _segments,
    "eqangle": _segments,
    "eqratio": _segments,
    "aconst": _segments,
    "rconst": _segments,
    "r2const": _segments,
    "lconst": _segments,
    "l2const": _segments,
    "cyclic": _cyclic,
    "midp": _midp,
    "circle": _circle,
    "simtri": _triangles,
    "contri": _triangles,
    "simtric": _triangles,
    "simtrir": _triangles,
    "contric": _triangles,
    "contrir": _triangles,
}


# A fact "a, b, b' collinear" with b' at b's spot is true (the deductive database meets such
# twins); as a goal it says nothing. Only goals need their collinear points apart.
GOAL_ONLY = {"coll"}


def needs(pred: Predicate, goal: bool = True) -> list[Need]:
    """The non-degeneracy conditions of ``pred`` (empty for side conditions such as ncoll)."""
    if not goal and pred.name in GOAL_ONLY:
        return []
    fn = NEEDS.get(pred.name)
    return list(dict.fromkeys(fn(pred.args))) if fn else []


def words(need: Need, failing: bool = False) -> str:
    """The condition in words ("a ≠ b"), or what is wrong when it fails ("a and b coincide")."""
    kind, *pts = need
    if kind == "segment":
        return f"{pts[0]} and {pts[1]} coincide" if failing else f"{pts[0]} ≠ {pts[1]}"
    if kind == "triangle":
        return f"{', '.join(pts)} are collinear" if failing else f"{', '.join(pts)} not collinear"
    return "a point is repeated" if failing else f"the points {' '.join(pts)} are distinct"


def need_fails(need: Need, coords: Mapping[str, Point], scale: float) -> bool:
    kind, *pts = need
    if kind == "repeated":
        return True
    if kind == "segment":
        a, b = pts
        return a == b or zero_segment(coords[a], coords[b], scale)
    a, b, c = pts
    return len({a, b, c}) < 3 or flat(coords[a], coords[b], coords[c], scale)


def degeneracy(pred: Predicate, coords: Mapping[str, Point], scale: float, goal: bool = True) -> str | None:
    """Why ``pred`` is degenerate in the figure, in words ("b, a, p collinear"), or None."""
    for need in needs(pred, goal):
        if need_fails(need, coords, scale):
            return words(need, failing=True) + (f" in {pred}" if need[0] == "repeated" else "")
    return None
