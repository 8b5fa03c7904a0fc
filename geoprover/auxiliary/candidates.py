"""Auxiliary-point candidates: ordinary constructions built from the figure's own objects.

Each candidate is a clause of the problem language (so a proof prints it as an auxiliary
construction), made from a template of one of the candidate families (``families``). A candidate
is kept when it is numerically new (no existing point there) and ranked higher when it lands on a
line or circle it was not built from, and when it is built from the goal's points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..catalogue import complete_call
from ..errors import GeoproverError
from ..model import Clause, Predicate, Problem
from ..numeric.diagram import draw_clause
from ..numeric.geometry import Degenerate
from .families import templates
from .figure import Figure

KIND_PRIOR = {
    "midpoint": 1.0,
    "foot": 1.0,
    "intersection": 0.9,
    "circumcenter": 0.7,
    "mirror": 0.5,
    "reflect": 0.5,
    "parallel": 0.4,
    "perpendicular": 0.4,
    "second intersection": 0.8,
    "circles meet": 0.6,
    "tangent": 0.4,
    "bisector": 0.5,
}


@dataclass
class Candidate:
    kind: str
    text: str  # e.g. "x1 = midpoint x1 a b"
    point: str
    builds_from: tuple[str, ...]
    clause: Clause | None = None
    coords: dict[str, np.ndarray] = field(default_factory=dict)
    facts: list[Predicate] = field(default_factory=list)
    lands_on: int = 0
    score: float = 0.0


UNNAMED = "?"  # the new point in a kept drawing (no point of a problem has this name)


def fresh_name(used: set[str], stem: str = "x") -> str:
    """The first of x1, x2, ... not in ``used``."""
    k = 1
    while f"{stem}{k}" in used:
        k += 1
    return f"{stem}{k}"


def _clause(name: str, parts: list[tuple[str, tuple[str, ...]]], index: int) -> Clause:
    calls = tuple(complete_call(cons, list(args), (name,), "auxiliary") for cons, args in parts)
    return Clause((name,), calls, (), index)


def generate(
    problem: Problem,
    coords: dict[str, np.ndarray],
    fig: Figure,
    rng: np.random.Generator,
    limit: int = 400,
    used: set[str] | None = None,
    drawn: dict | None = None,
) -> list[Candidate]:
    """Numerically new candidates, best first (ties broken at random: restarts see other orders).

    ``drawn`` keeps each template's drawing (or its failure) across calls (the auxiliary search asks
    again for every state it extends), keyed by the template and where its points are: sibling
    states give one auxiliary name to different points, so a template over a new point is drawn
    anew for each, and a template of old points where it was.
    """
    drawn = {} if drawn is None else drawn
    used = set(used or coords)
    name = fresh_name(used)
    goal_points = set(problem.goal.args) if problem.goal is not None else set()

    def key(p: np.ndarray) -> tuple[float, float]:
        return tuple(np.round(p / fig.scale, 6) + 0.0)

    seen_at = {key(p) for p in coords.values()}
    out: list[Candidate] = []
    for kind, parts, built_from in templates(fig, goal_points):
        at_points = tuple(
            tuple(coords[a].tolist()) for a in sorted({a for _, args in parts for a in args}) if a in coords
        )
        template = (kind, tuple(parts), at_points)
        try:
            clause = _clause(name, parts, len(problem.clauses))
            if template not in drawn:
                drawn[template] = None  # fails here, fails in every grown figure
                new, facts = draw_clause(clause, coords, rng)
                drawn[template] = (new[name], [f.rename({name: UNNAMED}) for f in facts])
            if drawn[template] is None:
                continue
            at, unnamed = drawn[template]
            new, facts = {name: at}, [f.rename({UNNAMED: name}) for f in unnamed]
        except (GeoproverError, Degenerate, ValueError, ZeroDivisionError, KeyError):
            continue
        p = new[name]
        if key(p) in seen_at or np.max(np.abs(p)) > 20 * fig.scale:
            continue
        seen_at.add(key(p))
        lands = sum(1 for ln in fig.lines if len(set(ln) & set(built_from)) < 2 and fig.on_line(p, ln))
        lands += sum(
            1
            for c, on in fig.circles
            if c not in built_from and len(set(on) & set(built_from)) < 2 and fig.on_circle(p, (c, on))
        )
        near_goal = len(set(built_from) & goal_points)
        score = KIND_PRIOR[kind] + 2.0 * lands + 0.7 * near_goal + rng.uniform(0, 0.3)
        out.append(Candidate(kind, str(clause), name, built_from, clause, new, facts, lands, score))
    out.sort(key=lambda c: -c.score)
    return out[:limit]
