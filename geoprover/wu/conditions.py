"""Wu's non-degeneracy conditions: the goal's own, tested by the algebra, and every condition of a
proof checked in the diagram with a margin that can fail."""

from __future__ import annotations

from typing import Any

from ..catalogue import get_construction
from ..model import Predicate, Problem
from ..numeric.degeneracy import need_fails, needs, words
from ..numeric.diagram import Diagram
from ..timing import Deadline, OutOfTime
from .algebra import NON_ZERO, Poly
from .frame import Setup
from .ndg import describe
from .triangulate import Chain, reduce

GOAL_NDG_BUDGET = 2.0  # seconds to test that a goal's non-degeneracy is not identically violated


def need_poly(setup: Setup, need: tuple[str, ...]) -> Poly:
    """The polynomial whose non-vanishing is the need: |ab|² for a ≠ b, a cross product for a triangle."""
    enc = setup.encoder
    kind, *pts = need
    if kind == "segment":
        (dx, dy) = enc.vec(pts[0], pts[1])
        return dx * dx + dy * dy
    (q,) = enc.encode(Predicate("coll", tuple(pts)))
    return q


def goal_degeneracy(setup: Setup, chain: Chain, problem: Problem, diagram: Diagram, deadline: Deadline) -> str:
    """Why the goal is degenerate ("b, a, p are collinear"), or "" when its conditions hold.

    A degenerate goal is false, never vacuously true: the concyclicity determinant vanishes for
    four collinear points, the similarity equations for flat triangles. Each condition must hold
    in the diagram and must not vanish on the whole component (its remainder by the chain is
    non-zero); it is then printed with the other NDG conditions.
    """
    for need in needs(problem.goal):
        if need[0] == "repeated":
            return f"a point is repeated in {problem.goal}"
        if need_fails(need, diagram.coords, diagram.scale):
            return f"{words(need)} fails in the diagram"
        trial = deadline.within(GOAL_NDG_BUDGET)
        try:
            if reduce(setup.ring, need_poly(setup, need), chain, trial).is_zero():
                return f"{words(need)} fails on the whole component (remainder 0)"
        except OutOfTime:
            deadline.check()
    return ""


def check_ndg(
    setup: Setup, chain: Chain, problem: Problem, diagram: Diagram
) -> tuple[bool, list[str], list[dict[str, Any]]]:
    """Initials, dropped factors, the goal's own conditions and construction side conditions,
    each checked in the diagram with a margin that can fail (NON_ZERO: a factor set aside as
    non-zero must be clearly so, well above the level at which factors count as vanishing).

    Returns whether all hold, their lines for the proof, and their data for the certificate."""
    ring = setup.ring
    ok = True
    data, lines = [], []
    seen: set[str] = set()

    def add(kind: str, statement: str, holds: bool, poly: Poly | None = None) -> None:
        nonlocal ok
        key = statement
        if statement.startswith("diff "):  # diff a b = diff b a
            key = "diff " + " ".join(sorted(statement.split()[1:]))
        if key in seen:
            return
        seen.add(key)
        ok = ok and holds
        entry = {"kind": kind, "statement": statement, "holds": bool(holds)}
        if poly is not None:
            entry["terms"] = len(poly)
            entry["relative_value"] = float(f"{ring.relative(poly):.3g}")
        data.append(entry)
        lines.append(statement + ("" if holds else "  [FAILS in the diagram]"))

    for m in chain.members:
        init = m.initial(ring)
        if init.is_constant():
            continue
        holds = not ring.vanishes(init, NON_ZERO)
        for text in describe(setup, init, chain):
            add("initial", text, holds, init)
    for d in chain.dropped:
        holds = not ring.vanishes(d.poly, NON_ZERO)
        for text in describe(setup, d.poly, chain, before=d.before):
            add("factor", text, holds, d.poly)
    for need in needs(problem.goal):
        add("goal", words(need), not need_fails(need, diagram.coords, diagram.scale))
    for clause in problem.clauses:
        for call in clause.constructions:
            for req in get_construction(call.name).instantiate(call, "requires"):
                add("side", str(req), diagram.holds(req))
    return ok, lines, data
