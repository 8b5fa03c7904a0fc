"""Other configurations of a drawn figure, and the conditions that single out the drawn one.

A figure whose points are intersections of two loci (a line and a circle, two circles) has a
configuration for every choice of branch, and a figure with no constant angle has a mirror image
too. A statement may hold in some of them only (an equilateral triangle's apex above or below
its base). A proof then holds for the drawn configuration, and the theorem must say which one it
is: `survey` redraws the figure with each branch taken the other way (same random numbers, so
the rest of the figure stays put), counts in how many the goal holds, and describes each branch
pick the goal depends on by a sign condition in words, e.g. "c, a, b are counterclockwise" or
"x and a are on the same side of line bc".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations, product

import numpy as np

from ..errors import GeoproverError
from ..model import Predicate, Problem
from .checks import goal_holds, holds
from .degeneracy import flatness
from .diagram import Choice, Diagram, draw_once
from .geometry import cross

MAX_ENUMERATED = 5      # branch picks: all 2^k configurations up to this many, single flips beyond
SIGN_MARGIN = 1e-3      # a sign condition must hold by this much (relative) in every branch


@dataclass
class Survey:
    """In how many configurations the goal holds, and what singles out the drawn one."""

    drawn: int = 1                      # configurations drawn (the diagram itself included)
    holds: int = 1                      # of them, those in which the goal holds
    conditions: list[Predicate] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    @property
    def dependent(self) -> bool:
        return self.holds < self.drawn

    def to_dict(self) -> dict:
        return {"holds": self.holds, "drawn": self.drawn, "conditions": [str(c) for c in self.conditions],
                "words": list(self.words)}


# --- sign conditions and their words -------------------------------------------------------------
def _side(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    """Signed distance of p from line ab over |ab| (positive on the left of a→b)."""
    ab = b - a
    return cross(ab, p - a) / max(float(np.hypot(*ab)), 1e-300)


def sign_words(pred: Predicate, coords: dict | None = None) -> str:
    a = pred.args
    if pred.name == "ccw":
        return f"{a[0]}, {a[1]}, {a[2]} are counterclockwise"
    if pred.name == "cw":
        return f"{a[0]}, {a[1]}, {a[2]} are clockwise"
    if pred.name == "same_side":
        return f"{a[0]} and {a[1]} are on the same side of line {a[2]}{a[3]}"
    if pred.name == "opposite_sides":
        return f"{a[0]} and {a[1]} are on opposite sides of line {a[2]}{a[3]}"
    if pred.name in ("same_direction", "opposite_direction"):
        p, x, q, r = a
        same = pred.name == "same_direction"
        if coords is not None and flatness(coords[x], coords[p], coords[r] + coords[p] - coords[q]) < 1e-6:
            if p == q:
                return f"{x} is on the ray from {p} through {r}" if same else f"{p} is between {x} and {r}"
            return f"{p}{x} has {'the same direction as' if same else 'the direction opposite to'} {q}{r}"
        if p == q:
            return f"∠{x}{p}{r} is {'acute' if same else 'obtuse'}"
        return f"the angle between {p}{x} and {q}{r} is {'acute' if same else 'obtuse'}"
    return str(pred)


def _orientation(choice: Choice, scale: float, coords: dict) -> Predicate | None:
    x = choice.point
    pool = list(choice.near) + [p for p in choice.before if p not in choice.near]
    for a, b in combinations(pool, 2):
        s = [_side(c, coords[a], coords[b]) / scale for c in choice.candidates]
        if min(abs(v) for v in s) > SIGN_MARGIN and s[0] * s[1] < 0:
            left = s[choice.taken] > 0
            return Predicate("ccw" if left else "cw", (a, b, x))
    return None


def _side_of_line(choice: Choice, scale: float, coords: dict) -> Predicate | None:
    x = choice.point
    pool = list(choice.near) + [p for p in choice.before if p not in choice.near]
    for a, b in combinations(pool, 2):
        s = [_side(c, coords[a], coords[b]) / scale for c in choice.candidates]
        if min(abs(v) for v in s) <= SIGN_MARGIN or s[0] * s[1] > 0:
            continue
        for y in pool:
            sy = _side(coords[y], coords[a], coords[b]) / scale if y not in (a, b) else 0.0
            if abs(sy) > SIGN_MARGIN:
                same = sy * s[choice.taken] > 0
                return Predicate("same_side" if same else "opposite_sides", (x, y, a, b))
    return None


def _directions(choice: Choice, scale: float, coords: dict, on_line: bool) -> Predicate | None:
    """The sign of (x − p)·(r − q) for known p, q, r: which way from p the point lies.

    With ``on_line`` only points p on the line through both branches are tried (then it says on
    which side of p the point is); otherwise any p (then it says whether an angle is acute).
    """
    x = choice.point
    c0, c1 = choice.candidates[:2]
    pool = list(choice.near) + [p for p in choice.before if p not in choice.near]
    for p in pool:
        if (abs(_side(coords[p], c0, c1)) <= 1e-7 * scale) != on_line:
            continue
        directions = [(p, r) for r in pool if r != p]
        directions += [(q, r) for q, r in combinations(pool, 2) if p not in (q, r)]
        for q, r in directions:
            u = coords[r] - coords[q]
            d = [float((c - coords[p]) @ u) / scale ** 2 for c in (c0, c1)]
            if min(abs(v) for v in d) > SIGN_MARGIN and d[0] * d[1] < 0:
                same = d[choice.taken] > 0
                return Predicate("same_direction" if same else "opposite_direction", (p, x, q, r))
    return None


def _along_line(choice: Choice, scale: float, coords: dict) -> Predicate | None:
    return _directions(choice, scale, coords, True)


def _acute(choice: Choice, scale: float, coords: dict) -> Predicate | None:
    return _directions(choice, scale, coords, False)


def describe_choice(choice: Choice, diagram: Diagram, oriented: bool) -> Predicate | None:
    """A sign condition true of the branch taken and false of the other one.

    When the goal depends on the figure's orientation (it fails in the mirror image), only an
    orientation can single out the configuration; otherwise a mirror-free description is preferred.
    """
    coords, scale = diagram.coords, diagram.scale
    finders = (_orientation,) if oriented else (_side_of_line, _along_line, _acute, _orientation)
    for find in finders:
        pred = find(choice, scale, coords)
        if pred is not None:
            return pred
    return None


# --- other configurations ------------------------------------------------------------------------
def redraw(diagram: Diagram, flips: frozenset[int]) -> Diagram | None:
    """The same figure with the branch picks in ``flips`` taken the other way (None: not drawable)."""
    if diagram.state is None:
        return None
    rng = np.random.default_rng()
    rng.bit_generator.state = diagram.state
    try:
        return draw_once(diagram.problem, rng, diagram.seed, tries=1, flips=flips)
    except GeoproverError:
        return None


def mirror(diagram: Diagram) -> Diagram | None:
    """The figure reflected in a line, when it is a figure of the problem (no constant angle)."""
    coords = {p: np.array([-v[0], v[1]]) for p, v in diagram.coords.items()}
    if not all(holds(f, coords, diagram.scale, 1e-6) for f in diagram.facts):
        return None
    return Diagram(diagram.problem, coords, diagram.seed, diagram.attempts, diagram.scale, diagram.facts,
                   [], None)


def _goal_holds(problem: Problem, d: Diagram) -> bool:
    return goal_holds(problem.goal, d.coords, d.scale)


def survey(diagram: Diagram) -> Survey:
    """Count the configurations where the goal holds; describe what singles out the drawn one."""
    problem = diagram.problem
    out = Survey()
    if problem.goal is None:
        return out
    k = len(diagram.choices)
    if k <= MAX_ENUMERATED:
        flip_sets = [frozenset(i for i, bit in enumerate(bits) if bit) for bits in product((0, 1), repeat=k)][1:]
    else:
        flip_sets = [frozenset([i]) for i in range(k)]
    failing: list[frozenset[int]] = []
    for flips in flip_sets:
        other = redraw(diagram, flips)
        if other is None:
            continue
        out.drawn += 1
        if _goal_holds(problem, other):
            out.holds += 1
        else:
            failing.append(flips)
    reflected = mirror(diagram)
    oriented = False
    if reflected is not None:
        out.drawn += 1
        if _goal_holds(problem, reflected):
            out.holds += 1
        else:
            oriented = True
    needed = sorted({i for f in failing if len(f) == 1 for i in f})
    if failing and not needed:
        needed = sorted({i for f in failing for i in f})
    for i in needed:
        pred = describe_choice(diagram.choices[i], diagram, oriented)
        if pred is None:
            c = diagram.choices[i]
            out.words.append(f"{c.point} is the intersection drawn, at ({c.candidates[c.taken][0]:.4f}, "
                             f"{c.candidates[c.taken][1]:.4f})")
            continue
        out.conditions.append(pred)
        out.words.append(sign_words(pred, diagram.coords))
    if oriented and not any(c.name in ("ccw", "cw") for c in out.conditions):
        pred = _figure_orientation(diagram)
        if pred is not None:
            out.conditions.append(pred)
            out.words.append(sign_words(pred, diagram.coords))
    return out


def _figure_orientation(diagram: Diagram) -> Predicate | None:
    """The orientation of the first three points that make a proper triangle."""
    pts = diagram.problem.points
    for a, b, c in combinations(pts, 3):
        s = _side(diagram.coords[c], diagram.coords[a], diagram.coords[b]) / diagram.scale
        if abs(s) > 0.05:
            return Predicate("ccw" if s > 0 else "cw", (a, b, c))
    return None
