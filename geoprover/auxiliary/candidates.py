"""Auxiliary-point candidates: ordinary constructions built from the figure's own objects.

Each candidate is a clause of the problem language (so a proof prints it as an auxiliary
construction). A candidate is kept when it is numerically new (no existing point there) and
ranked higher when it lands on a line or circle it was not built from, and when it is built from
the goal's points.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from ..errors import GeoproverError
from ..catalogue import complete_call
from ..model import Clause, Predicate, Problem
from ..numeric.diagram import draw_clause
from ..numeric.geometry import Degenerate
from .figure import Figure

KIND_PRIOR = {"midpoint": 1.0, "foot": 1.0, "intersection": 0.9, "circumcenter": 0.7, "mirror": 0.5,
              "reflect": 0.5, "parallel": 0.4, "perpendicular": 0.4, "second intersection": 0.8,
              "circles meet": 0.6, "tangent": 0.4, "bisector": 0.5}


@dataclass
class Candidate:
    kind: str
    text: str                      # e.g. "x1 = midpoint x1 a b"
    point: str
    builds_from: tuple[str, ...]
    clause: Clause | None = None
    coords: dict[str, np.ndarray] = field(default_factory=dict)
    facts: list[Predicate] = field(default_factory=list)
    lands_on: int = 0
    score: float = 0.0


def fresh_name(used: set[str], stem: str = "x") -> str:
    k = 1
    while f"{stem}{k}" in used:
        k += 1
    return f"{stem}{k}"


Template = tuple[str, list[tuple[str, tuple[str, ...]]], tuple[str, ...]]


def _templates(fig: Figure, goal_points: set[str]) -> list[Template]:
    """(kind, constructions as (name, arguments after the new point), the points it is built from)."""
    pts = list(fig.coords)
    out: list[Template] = []
    for a, b in combinations(pts, 2):
        out.append(("midpoint", [("midpoint", (a, b))], (a, b)))
        out.append(("mirror", [("mirror", (a, b))], (a, b)))
        out.append(("mirror", [("mirror", (b, a))], (a, b)))
    for line in fig.lines:
        a, b = line[0], line[1]
        for p in pts:
            if p not in line:
                out.append(("foot", [("foot", (p, a, b))], (p, a, b)))
                out.append(("reflect", [("reflect", (p, a, b))], (p, a, b)))
    for l1, l2 in combinations(fig.lines, 2):
        if not set(l1) & set(l2):
            out.append(("intersection", [("on_line", l1[:2]), ("on_line", l2[:2])], l1[:2] + l2[:2]))
    focus = goal_points or set(pts)
    for l1 in fig.lines:
        for l2 in fig.lines:
            if l1 is l2 or not (set(l1) | set(l2)) & focus:
                continue
            for p in focus:
                if p in l1 or p in l2:
                    continue
                built = (p,) + l1[:2] + l2[:2]
                out.append(("parallel", [("on_pline", (p,) + l2[:2]), ("on_line", l1[:2])], built))
                out.append(("perpendicular", [("on_tline", (p,) + l2[:2]), ("on_line", l1[:2])], built))
    for a, b, c in combinations(pts, 3):
        if len({a, b, c} & focus) >= 2:
            out.append(("circumcenter", [("circumcenter", (a, b, c))], (a, b, c)))
    for centre, on in fig.circles:
        if not centre:
            continue
        for line in fig.lines:
            for p in line:
                if p in on:
                    q = line[1] if line[0] == p else line[0]
                    out.append(("second intersection", [("on_line", (p, q)), ("on_circle", (centre, p))], (p, q, centre)))
        for p in on:
            for line in fig.lines:
                if p not in line:
                    out.append(("tangent", [("lc_tangent", (p, centre)), ("on_line", line[:2])], (p, centre) + line[:2]))
    for centre, on in fig.circles:
        if centre or len(on) < 3:
            continue
        for line in fig.lines:
            for p in line:
                if p in on:
                    q = line[1] if line[0] == p else line[0]
                    rim = tuple(x for x in on if x != p)[:2]
                    out.append(("second intersection", [("on_line", (p, q)), ("on_circum", (p,) + rim)], (p, q) + rim))
    for a, b, c in combinations(pts, 3):
        if len({a, b, c} & focus) >= 2:
            for x, y, z in ((a, b, c), (b, c, a), (c, a, b)):
                out.append(("bisector", [("angle_bisector", (x, y, z)), ("on_line", (x, z))], (x, y, z)))
    named = [(c, on) for c, on in fig.circles if c]
    for (o1, on1), (o2, on2) in combinations(named, 2):
        for p in set(on1) & set(on2):
            out.append(("circles meet", [("intersection_cc", (o1, o2, p))], (o1, o2, p)))
    return out


def _clause(name: str, parts: list[tuple[str, tuple[str, ...]]], index: int) -> Clause:
    calls = tuple(complete_call(cons, list(args), (name,), "auxiliary") for cons, args in parts)
    return Clause((name,), calls, (), index)


def generate(problem: Problem, coords: dict[str, np.ndarray], fig: Figure, rng: np.random.Generator,
             limit: int = 400, used: set[str] | None = None) -> list[Candidate]:
    """Numerically new candidates, best first (ties broken at random: restarts see other orders)."""
    used = set(used or coords)
    name = fresh_name(used)
    goal_points = set(problem.goal.args) if problem.goal is not None else set()
    def key(p: np.ndarray) -> tuple[float, float]:
        return tuple(np.round(p / fig.scale, 6) + 0.0)

    seen_at = {key(p) for p in coords.values()}
    out: list[Candidate] = []
    for kind, parts, built_from in _templates(fig, goal_points):
        try:
            clause = _clause(name, parts, len(problem.clauses))
            new, facts = draw_clause(clause, coords, rng)
        except (GeoproverError, Degenerate, ValueError, ZeroDivisionError, KeyError):
            continue
        p = new[name]
        if key(p) in seen_at or np.max(np.abs(p)) > 20 * fig.scale:
            continue
        seen_at.add(key(p))
        lands = sum(1 for ln in fig.lines if len(set(ln) & set(built_from)) < 2 and fig.on_line(p, ln))
        lands += sum(1 for c, on in fig.circles if c not in built_from and len(set(on) & set(built_from)) < 2
                     and fig.on_circle(p, (c, on)))
        near_goal = len(set(built_from) & goal_points)
        score = KIND_PRIOR[kind] + 2.0 * lands + 0.7 * near_goal + rng.uniform(0, 0.3)
        out.append(Candidate(kind, str(clause), name, built_from, clause, new, facts, lands, score))
    out.sort(key=lambda c: -c.score)
    return out[:limit]
