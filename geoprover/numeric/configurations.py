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

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations, product

import numpy as np

from ..errors import GeoproverError
from ..model import Predicate, Problem
from .checks import holds
from .degeneracy import flatness
from .diagram import Choice, Diagram, draw_once, redraw
from .geometry import cross

MAX_ENUMERATED = 5  # branch picks: all 2^k configurations up to this many, single flips beyond
SIGN_MARGIN = 1e-3  # a sign condition must hold by this much (relative) in every branch


@dataclass
class Survey:
    """In how many configurations the goal holds, and what singles out the drawn one."""

    drawn: int = 1  # configurations drawn (the diagram itself included)
    holds: int = 1  # of them, those in which the goal holds
    conditions: list[Predicate] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    tried: int = 0  # other random figures the conditions were tried on
    refuted: int = 0  # of them, those where the conditions hold and the goal fails

    @property
    def confirmed(self) -> bool:
        """The printed conditions single out a configuration where the goal holds in every figure tried."""
        return self.refuted == 0

    @property
    def dependent(self) -> bool:
        return self.holds < self.drawn

    def to_dict(self) -> dict:
        return {
            "holds": self.holds,
            "drawn": self.drawn,
            "conditions": [str(c) for c in self.conditions],
            "words": list(self.words),
            "other_figures": self.tried,
            "refuted_on": self.refuted,
        }


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
    if pred.name == "sameside":
        p, x, r, s_, y, t = a
        return f"{x} is on the ray from {p} through {r} exactly when {y} is on the ray from {s_} through {t}"
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


def _pool(choice: Choice) -> list[str]:
    return list(choice.near) + [p for p in choice.before if p not in choice.near]


def _orientation(choice: Choice, scale: float, coords: dict) -> Iterator[Predicate]:
    x = choice.point
    for a, b in combinations(_pool(choice), 2):
        s = [_side(c, coords[a], coords[b]) / scale for c in choice.candidates]
        if min(abs(v) for v in s) > SIGN_MARGIN and s[0] * s[1] < 0:
            yield Predicate("ccw" if s[choice.taken] > 0 else "cw", (a, b, x))


def _side_of_line(choice: Choice, scale: float, coords: dict) -> Iterator[Predicate]:
    x = choice.point
    pool = _pool(choice)
    for a, b in combinations(pool, 2):
        s = [_side(c, coords[a], coords[b]) / scale for c in choice.candidates]
        if min(abs(v) for v in s) <= SIGN_MARGIN or s[0] * s[1] > 0:
            continue
        for y in pool:
            sy = _side(coords[y], coords[a], coords[b]) / scale if y not in (a, b) else 0.0
            if abs(sy) > SIGN_MARGIN:
                same = sy * s[choice.taken] > 0
                yield Predicate("same_side" if same else "opposite_sides", (x, y, a, b))
                break


def _directions(choice: Choice, scale: float, coords: dict, on_line: bool) -> Iterator[Predicate]:
    """The sign of (x − p)·(r − q) for known p, q, r: which way from p the point lies.

    With ``on_line`` only points p on the line through both branches are tried (then it says on
    which side of p the point is); otherwise any p (then it says whether an angle is acute).
    """
    x = choice.point
    c0, c1 = choice.candidates[:2]
    pool = _pool(choice)
    for p in pool:
        if (abs(_side(coords[p], c0, c1)) <= 1e-7 * scale) != on_line:
            continue
        directions = [(p, r) for r in pool if r != p]
        directions += [(q, r) for q, r in combinations(pool, 2) if p not in (q, r)]
        for q, r in directions:
            u = coords[r] - coords[q]
            if on_line and abs(cross(u, c1 - c0)) > 1e-7 * float(np.hypot(*u)) * float(np.hypot(*(c1 - c0))):
                continue  # along the line: only directions of the line itself read well
            d = [float((c - coords[p]) @ u) / scale**2 for c in (c0, c1)]
            if min(abs(v) for v in d) > SIGN_MARGIN and d[0] * d[1] < 0:
                same = d[choice.taken] > 0
                yield Predicate("same_direction" if same else "opposite_direction", (p, x, q, r))


def _along_line(choice: Choice, scale: float, coords: dict) -> Iterator[Predicate]:
    return _directions(choice, scale, coords, True)


def _acute(choice: Choice, scale: float, coords: dict) -> Iterator[Predicate]:
    return _directions(choice, scale, coords, False)


def _paired(choice: Choice, scale: float, coords: dict) -> Iterator[Predicate]:
    """x on the ray from p through r exactly when an older point y is on the ray from s through t
    (AlphaGeometry's ``sameside``): a pick that follows where another point fell on its line."""
    x = choice.point
    c0, c1 = choice.candidates[:2]
    pool = _pool(choice)
    on_line = [
        (p, r)
        for p in pool
        for r in pool
        if r != p and abs(_side(coords[p], c0, c1)) <= 1e-7 * scale and abs(_side(coords[r], c0, c1)) <= 1e-7 * scale
    ]
    for p, r in on_line:
        d = [float((c - coords[p]) @ (coords[r] - coords[p])) / scale**2 for c in (c0, c1)]
        if min(abs(v) for v in d) <= SIGN_MARGIN or d[0] * d[1] > 0:
            continue
        mine = d[choice.taken] > 0
        for y, s_, t in product(choice.before, pool, pool):
            if len({y, s_, t, x}) < 4 or s_ == t or flatness(coords[y], coords[s_], coords[t]) > 1e-9:
                continue
            e = float((coords[y] - coords[s_]) @ (coords[t] - coords[s_])) / scale**2
            if abs(e) > SIGN_MARGIN and (e > 0) == mine:
                yield Predicate("sameside", (p, x, r, s_, y, t))


MAX_DESCRIPTIONS = 24  # sign conditions tried per branch pick


def descriptions(choice: Choice, diagram: Diagram, oriented: bool) -> list[Predicate]:
    """Sign conditions true of the branch taken and false of the other one, best first.

    Along a line through a known point (the branches of a line and a circle lie on either side of
    the circle's centre) first, then the side of a known line, an acute angle, the orientation.
    When the goal fails in the mirror image, only an orientation can single out the configuration.
    """
    coords, scale = diagram.coords, diagram.scale
    finders = (_orientation,) if oriented else (_along_line, _side_of_line, _acute, _orientation, _paired)
    out: list[Predicate] = []
    for find in finders:
        for pred in find(choice, scale, coords):
            if pred not in out:
                out.append(pred)
            if len(out) >= MAX_DESCRIPTIONS:
                return out
    return out


# --- conditions checked on other figures -----------------------------------------------------
OTHER_FIGURES = 48  # random figures of the problem on which the printed conditions are tried
QUICK_FIGURES = 16  # random figures tried when no branch pick matters


def other_figures(problem: Problem, seed: int, count: int = OTHER_FIGURES) -> list[Diagram]:
    """Independent random figures of the problem (no configuration preferred)."""
    out = []
    for i in range(count):
        try:
            out.append(draw_once(problem, np.random.default_rng([seed, 7919, i]), seed, tries=3))
        except GeoproverError:
            continue
    return out


def counterexamples(conditions: list[Predicate], figures: list[Diagram]) -> int:
    """Figures in which every condition holds and the goal fails."""
    return sum(1 for f in figures if all(holds(c, f.coords, f.scale) for c in conditions) and not f.goal_holds())


def choose(
    options: list[list[Predicate]], fixed: list[Predicate], figures: list[Diagram]
) -> tuple[list[Predicate], int]:
    """One condition per branch pick, changed one at a time while that leaves fewer counterexamples."""
    picks = [o[0] for o in options]
    score = counterexamples(picks + fixed, figures)
    for i, opts in enumerate(options):
        for alt in opts[1:]:
            if score == 0:
                return picks, 0
            trial = picks[:i] + [alt] + picks[i + 1 :]
            bad = counterexamples(trial + fixed, figures)
            if bad < score:
                picks, score = trial, bad
    return picks, score


# --- other configurations ------------------------------------------------------------------------
def mirror(diagram: Diagram) -> Diagram | None:
    """The figure reflected in a line, when it is a figure of the problem (no constant angle)."""
    coords = {p: np.array([-v[0], v[1]]) for p, v in diagram.coords.items()}
    if not all(holds(f, coords, diagram.scale, 1e-6) for f in diagram.facts):
        return None
    return Diagram(diagram.problem, coords, diagram.seed, diagram.attempts, diagram.scale, diagram.facts, [], None)


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
        if other.goal_holds():
            out.holds += 1
        else:
            failing.append(flips)
    reflected = mirror(diagram)
    oriented = False
    if reflected is not None:
        out.drawn += 1
        if reflected.goal_holds():
            out.holds += 1
        else:
            oriented = True
    needed = sorted({i for f in failing if len(f) == 1 for i in f})
    if failing and not needed:
        needed = sorted({i for f in failing for i in f})
    options, unnamed = [], []
    for i in needed:
        found = descriptions(diagram.choices[i], diagram, oriented)
        if found:
            options.append(found)
        else:
            c = diagram.choices[i]
            unnamed.append(
                f"{c.point} is the intersection drawn, at ({c.candidates[c.taken][0]:.4f}, "
                f"{c.candidates[c.taken][1]:.4f})"
            )
    fixed = []
    if oriented:
        pred = _figure_orientation(diagram)
        if pred is not None and not any(c.name in ("ccw", "cw") for o in options for c in o[:1]):
            fixed.append(pred)
    if options or fixed:
        figures = other_figures(problem, diagram.seed)
        picks, bad = choose(options, fixed, figures) if options else ([], counterexamples(fixed, figures))
        out.conditions = picks + fixed
        out.tried, out.refuted = len(figures), bad
    elif not out.dependent:
        # no branch pick matters: the goal may still hang on where a free point fell on its line
        # (beyond b or not); then it fails in some other random figure and the survey says so
        figures = other_figures(problem, diagram.seed, QUICK_FIGURES)
        bad = counterexamples([], figures)
        if bad:
            out.drawn += len(figures)
            out.holds += len(figures) - bad
            out.tried, out.refuted = len(figures), bad
    out.words = [sign_words(c, diagram.coords) for c in out.conditions] + unnamed
    return out


def _figure_orientation(diagram: Diagram) -> Predicate | None:
    """The orientation of the first three points that make a clear triangle (else the clearest)."""
    best: tuple[float, Predicate] | None = None
    for a, b, c in combinations(diagram.problem.points, 3):
        s = _side(diagram.coords[c], diagram.coords[a], diagram.coords[b]) / diagram.scale
        pred = Predicate("ccw" if s > 0 else "cw", (a, b, c))
        if abs(s) > 0.05:
            return pred
        if best is None or abs(s) > best[0]:
            best = (abs(s), pred)
    return best[1] if best is not None and best[0] > SIGN_MARGIN else None
