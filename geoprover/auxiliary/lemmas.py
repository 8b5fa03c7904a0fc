"""Algebraic lemmas: facts of the figure that DDAR cannot reach, proved by Wu's method, given to DDAR.

When DDAR saturates without the goal, the figure still shows many facts it did not derive:
collinear and concyclic points, equal lengths, right angles, parallels (the numeric index of its
matchers). A few of them, proved by Wu's method on the clauses they depend on, can carry the
synthetic proof on: each enters the database as one cited "algebraic lemma (Wu's method)" step,
printed with the non-degeneracy conditions Wu's proof needs, so the proof stays checkable.

Lemmas are tried simplest first: those that depend on fewer clauses (a smaller polynomial system,
and a fact about an earlier stage of the figure), then those that speak of more of the goal's
points. A lemma speaks of the figure as it was before the last of the goal's points was built, or
names one of the goal's points only (that F lies on line AC, say, where the goal is DE ∥ FB): the
goal, a restatement of it or a part of it never is one, and every step that relates the goal's
points to each other is synthetic. Lemmas of the earlier figure are tried first.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from ..model import Predicate, Problem
from ..numeric.diagram import Diagram
from ..proof import PROVED
from ..timing import Deadline

if TYPE_CHECKING:
    from ..ddar import Engine
    from ..ddar.numeric import NumericIndex

KINDS = ("coll", "cyclic", "cong", "perp", "para", "eqangle", "simtri", "eqratio")
PER_LEMMA = 3.0  # seconds Wu's method may take on one lemma
OFFERED = 40  # candidate lemmas looked at, at most


@dataclass(frozen=True)
class Lemma:
    """A fact proved by Wu's method, with the conditions its proof needs."""

    pred: Predicate
    conditions: tuple[str, ...]
    seconds: float


def closure(problem: Problem, points: set[str]) -> list[int]:
    """Indexes of the clauses the points depend on (their own and, through the construction
    arguments, every earlier clause they are built from)."""
    want = set(points)
    keep: list[int] = []
    for k in range(len(problem.clauses) - 1, -1, -1):
        clause = problem.clauses[k]
        if want & set(clause.points):
            keep.append(k)
            for call in clause.constructions:
                want |= set(call.args)
    return sorted(keep)


def restricted(problem: Problem, goal: Predicate) -> Problem:
    """The problem cut down to the clauses ``goal``'s points depend on, with ``goal`` as its goal."""
    clauses = [problem.clauses[k] for k in closure(problem, set(goal.args))]
    text = "; ".join(str(c) for c in clauses) + f" ? {goal}"
    return Problem(f"{problem.name} (lemma)", clauses, goal, problem.source, text, goals=(goal,))


def _directions(ix: NumericIndex) -> list[tuple[float, tuple[str, str]]]:
    """Every segment of the figure with its direction mod π, sorted (segments of one line once)."""
    out, seen = [], set()
    on_line = {p: {k for k, line in enumerate(ix.lines) if p in line} for p in ix.points}
    for a, b in combinations(ix.points, 2):
        shared = on_line[a] & on_line[b]
        if shared:
            key = ("line", min(shared))
            if key in seen:
                continue
            seen.add(key)
        u = ix.coords[b] - ix.coords[a]
        out.append((math.atan2(u[1], u[0]) % math.pi, (a, b)))
    out.sort()
    return out


def _parallels_and_perpendiculars(ix: NumericIndex, limit: int) -> list[Predicate]:
    """para / perp of segments of the figure (one segment per line)."""
    segs = _directions(ix)
    angles = np.array([t for t, _ in segs])
    out: list[Predicate] = []
    for i, (t, s) in enumerate(segs):
        for kind, turn in (("para", 0.0), ("perp", math.pi / 2)):
            want = (t + turn) % math.pi
            for j in np.flatnonzero(np.minimum(np.abs(angles - want), math.pi - np.abs(angles - want)) < 1e-7):
                if (kind == "para" and j <= i) or (kind == "perp" and j < i):
                    continue
                out.append(Predicate(kind, s + segs[j][1]))
                if len(out) >= limit:
                    return out
    return out


def _equal_angles(ix: NumericIndex, limit: int) -> list[Predicate]:
    """Equal vertex angles of the figure's triangles, as undirected values (``candidates`` orders
    the second angle's sides so that the directed angles agree)."""
    entries = []
    for (x, y, z), ang in ix.triangle_angles:
        for vertex, t in zip(((x, y, z), (y, z, x), (z, x, y)), ang):
            if 1e-3 < t < math.pi - 1e-3:
                entries.append((t, vertex))
    entries.sort()
    out: list[Predicate] = []
    for i, (t, (v, p, q)) in enumerate(entries):
        for u, (w, r, s) in entries[i + 1 :]:
            if u - t > 1e-7 or len(out) >= limit:
                break
            if {v, p, q} != {w, r, s}:
                out.append(Predicate("eqangle", (v, p, v, q, w, r, w, s)))
    return out


def _harmonic_divisions(ix: NumericIndex, limit: int) -> list[Predicate]:
    """Four points of a line in harmonic division, (a, b; c, d) = −1: ca : cb = da : db, a ratio
    of lengths no angle or parallel gives DDAR (the feet of two bisectors, a complete quadrilateral)."""
    out: list[Predicate] = []
    for line in ix.lines:
        for p, q, r, s in combinations(line, 4):
            for a, b, c, d in ((p, q, r, s), (p, r, q, s), (p, s, q, r)):  # the three pairings
                ca, cb, da, db = ix.dist(c, a), ix.dist(c, b), ix.dist(d, a), ix.dist(d, b)
                if abs(ca * db - da * cb) < 1e-9 * ix.scale**2 and abs(ca - cb) > 1e-6 * ix.scale:
                    out.append(Predicate("eqratio", (c, a, c, b, d, a, d, b)))
                    if len(out) >= limit:
                        return out
    return out


def figure_facts(ix: NumericIndex, limit_per_kind: int = 400) -> list[Predicate]:
    """Facts the numeric index shows, by kind (each a predicate over named points)."""
    out: list[Predicate] = _parallels_and_perpendiculars(ix, 2 * limit_per_kind)
    for line in ix.lines:
        out += [Predicate("coll", t) for t in list(combinations(line, 3))[:limit_per_kind]]
    for pts, _centre in ix.circles:
        if len(pts) >= 4:
            out += [Predicate("cyclic", q) for q in list(combinations(pts, 4))[:limit_per_kind]]
    for group in ix.equal_segments:
        out += [Predicate("cong", s + t) for s, t in list(combinations(group, 2))[:limit_per_kind]]
    out += _equal_angles(ix, 2 * limit_per_kind)
    for t1, t2, _same_orientation in ix.similar[:limit_per_kind]:
        out.append(Predicate("simtri", t1 + t2))
    out += _harmonic_divisions(ix, limit_per_kind)
    return out


def candidates(problem: Problem, engine: Engine, goal: Predicate) -> list[Predicate]:
    """Facts of the figure the saturated ``engine`` does not know, best first, over the problem's
    own points: first those built before the goal's last point, then those that name one of the
    goal's points only (so never the goal, a restatement of it or a part of it)."""
    db, ix = engine.db, engine.matchers.ix
    own = set(problem.points)
    goal_points = set(goal.args)
    # a lemma speaks of the figure as it was before the goal's last point was built
    stage = max(closure(problem, goal_points), default=0)
    size: dict[frozenset, int] = {}
    seen: set[str] = set()
    ranked = []
    for pred in figure_facts(ix):
        if pred.name == "eqangle" and not db.true(pred):  # the other orientation of the second angle
            a = pred.args
            pred = Predicate("eqangle", a[:4] + (a[4], a[7], a[6], a[5]))
        if pred.name not in KINDS or not set(pred.args) <= own:
            continue
        key = frozenset(pred.args)
        text = str(pred)
        if text in seen:
            continue
        seen.add(text)
        if key not in size:
            built = closure(problem, set(key))
            late = max(built, default=0) >= stage
            # built with the goal's last point: only a fact naming one goal point (never the goal)
            size[key] = -1 if late and len(key & goal_points) > 1 else len(built) + late * len(problem.clauses)
        if size[key] < 0:
            continue
        ranked.append((size[key], -len(key & goal_points), text, pred))
    ranked.sort(key=lambda r: r[:3])
    out = []
    for *_, pred in ranked:
        if len(out) >= OFFERED:
            break
        if db.check(pred) is None:
            out.append(pred)
    return out


def prove_lemma(problem: Problem, diagram: Diagram, pred: Predicate, deadline: Deadline) -> Lemma | None:
    """``pred`` proved by Wu's method on the clauses it depends on, or None."""
    from .. import wu

    start = time.monotonic()
    sub = restricted(problem, pred)
    # the whole figure with the lemma as its goal: its configurations are surveyed for the lemma
    figure = replace(diagram, problem=diagram.problem.for_goal(pred))
    proof = wu.prove(sub, figure, timeout=max(0.1, min(PER_LEMMA, deadline.left())), numeric_gate=False)
    if proof.status != PROVED:
        return None
    conditions = list(proof.ndg) + list(proof.configuration)
    if "configurations drawn" in proof.message:  # the lemma holds only in some configurations
        conditions.append(f"{pred}: {proof.message}")
    return Lemma(pred, tuple(dict.fromkeys(conditions)), time.monotonic() - start)
