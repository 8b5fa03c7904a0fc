"""Adversarial soundness suite: statements that must NOT be proved, fed to every engine.

Three families of cases (`generate`):

- ``mutant``: the goal of a bundled problem changed (a point replaced, para <-> perp, other
  segments, permuted eqangle/eqratio sides, another aconst value, ...) and kept only when it is
  false in every configuration: ``draw(mutant, seed, configurations=16)`` finds no configuration
  where it holds, for every filter seed (the residual stays clearly above 1e-4 and finite).
  Engines run with ``numeric_gate=False``, so the algebra/deduction alone must refuse it.
- ``probe``: goals true-looking only because they are degenerate, from each problem's diagram at
  seed 0: ``cyclic`` with three or four collinear points, a repeated point, flat ``simtri`` /
  ``contri``, zero segments in ``cong`` / ``para`` / ``perp`` / ``eqangle`` / ``eqratio``; plus the
  issue's reproduction verbatim (Wu proved ``cyclic b a p q`` at seed 29 with b, a, p, q on line
  ab). Run with ``numeric_gate=False`` and through the normal path.
- ``config``: statements true in one configuration of a figure and false in another (aconst θ
  against 180° − θ, a perp/para/coll that holds on one branch only), from small hand-made figures
  and found numerically in the bundled figures. Drawn where the goal holds (normal path), a PROVED
  must carry a configuration condition (``Proof.configuration``); drawn where the goal fails
  (``numeric_gate=False``), it must not be PROVED at all.

The runner forks one child per case x seed x engine x gate (the engines are imported and warmed
up in the parent first), kills a child that outlives its hard limit, appends every row to a JSONL
file (``--resume`` skips rows already there) and writes a Markdown summary and a JSON of all rows.
Exit status 1 when there is any false PROVED or configuration failure.

    python benchmarks/soundness.py --limit 10 --seeds 3 --engines wu,ddar --timeout 10
    python benchmarks/soundness.py --sets imo_ag_30,jgex_ag_231 --seeds 30 --engines wu,ddar \\
        --timeout 10 --mutants 3 --out benchmarks/results/soundness.md
    python benchmarks/soundness.py --kinds probe --list          # print the generated cases only
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import itertools
import json
import math
import multiprocessing as mp
import os
import platform
import random
import shlex
import signal
import subprocess
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from fractions import Fraction
from multiprocessing.connection import wait as wait_connections
from pathlib import Path

import numpy as np

from geoprover.errors import GeoproverError
from geoprover.language import Predicate, Problem, bundled_sets, parse_problem, parse_problem_file
from geoprover.numeric.checks import residual
from geoprover.numeric.diagram import Diagram, draw, draw_once

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_SETS = ("imo_ag_30", "jgex_ag_231")
KINDS = ("mutant", "probe", "config")

FALSE_TOL = 1e-4  # a mutant is "clearly false" when its residual exceeds this in every draw
HOLD_TOL = 1e-9  # numeric scans: a relation holds when its residual is below this
FLAT_TOL = 1e-9  # a triple is collinear when twice its area / longest side^2 is below this
STATUSES = ("proved", "not proved", "false in the diagram", "timeout", "error", "killed", "undrawable", "skipped")

ISSUE_TEXT = (
    "b c = segment; d = free; e = eqdistance d b c; t = on_bline b d, on_bline c e; "
    "a = eqangle2 b t e; p = on_line a b, on_line c d; q = on_line a b, on_line c t; "
    "r = on_line a e, on_line c d; s = on_line a e, on_line d t ? cyclic b a p q"
)
ISSUE_NAME = "issue_wu_seed29_cyclic_bapq"

# Small figures with two configurations and a goal for each (pair name, clauses, goal 1, goal 2).
HAND_PAIRS: tuple[tuple[str, str, str, str], ...] = (
    (
        "equilateral_cc",
        "a b = segment a b; c = on_circle c a b, on_circle c b a",
        "aconst a b a c 60",
        "aconst a b a c 120",
    ),
    ("eq_triangle", "b c = segment b c; a = eq_triangle a b c", "aconst b c b a 60", "aconst b c b a 120"),
    ("ieq_triangle", "a b c = ieq_triangle a b c", "aconst a b a c 60", "aconst a b a c 120"),
    (
        "two_cc_points",
        "a b = segment a b; c = on_circle c a b, on_circle c b a; d = on_circle d a b, on_circle d b a",
        "aconst a c a d 60",
        "aconst a c a d 120",
    ),
    (
        "half_chord_lc",
        "a b = segment a b; o = midpoint o a b; c = on_circle c o a, on_circle c a o",
        "aconst a b a c 60",
        "aconst a b a c 120",
    ),
    (
        "tangent_point",
        "o a = segment o a; m = midpoint m o a; x = on_circle x o m, on_dia x o a",
        "aconst o a o x 60",
        "aconst o a o x 120",
    ),
    (
        "isosceles_right_lc",
        "a b = segment a b; c = on_tline c a a b, on_circle c a b",
        "aconst b a b c 45",
        "aconst b a b c 135",
    ),
    ("risos", "a b c = risos a b c", "aconst b a b c 45", "aconst b a b c 135"),
    ("square", "a b = segment a b; x y = square a b x y", "aconst a b a x 45", "aconst a b a x 135"),
    (
        "bisector_lc",
        "a b c = triangle a b c; i = incenter i a b c; d = on_circle d a b, on_line d a c",
        "perp b d a i",
        "para b d a i",
    ),
    (
        "tangent_squares",
        "a b = segment a b; m = midpoint m a b; c = on_tline c a a b, on_circle c a b; "
        "d = on_tline d b b a, on_circle d b a",
        "para c d a b",
        "coll c m d",
    ),
)


# ---- cases -----------------------------------------------------------------------------------


@dataclass
class Case:
    """One statement to feed to the engines.

    ``expect`` is "not_proved" (any PROVED is false) or "configuration" (a PROVED must carry a
    configuration condition). ``gates`` are the ``numeric_gate`` values to run it with. ``draw``
    is "goal" (the normal draw: a configuration where the goal holds, if any) or "fails" (a
    configuration where the goal clearly fails). ``pair`` groups the goals of a config pair.
    """

    kind: str
    name: str
    problem: Problem
    expect: str = "not_proved"
    gates: tuple[bool, ...] = (False,)
    draw: str = "goal"
    pair: str = ""
    origin: str = ""

    def summary(self) -> dict:
        return {
            "kind": self.kind,
            "name": self.name,
            "expect": self.expect,
            "gates": list(self.gates),
            "draw": self.draw,
            "pair": self.pair,
            "origin": self.origin,
            "goal": str(self.problem.goal),
            "text": self.problem.to_text(),
        }


def load_problems(sets: Iterable[str] = DEFAULT_SETS, limit: int | None = None) -> list[Problem]:
    """The problems of the bundled sets, the first ``limit`` of each when given."""
    files = bundled_sets()
    out: list[Problem] = []
    for s in sets:
        if s not in files:
            raise SystemExit(f"unknown set '{s}' (bundled: {', '.join(files)})")
        problems = parse_problem_file(files[s])
        out += problems[:limit] if limit else problems
    return out


def with_goal(problem: Problem, goal: Predicate, name: str) -> Problem:
    p = dataclasses.replace(problem, goal=goal, name=name)
    p.text = p.to_text()
    return p


# ---- argument shapes ---------------------------------------------------------------------------

SEGMENT_PREDICATES = {"para": 4, "perp": 4, "cong": 4, "eqangle": 8, "eqratio": 8, "aconst": 4, "rconst": 4}
POINT_SET_PREDICATES = {"coll": 3, "cyclic": 4}
FIXED_DISTINCT = {"midp": 3, "circle": 4}
TRIANGLE_PREDICATES = {"simtri": 6, "contri": 6}


def valid_goal(pred: Predicate) -> bool:
    """The arguments fit the predicate's arity and are not degenerate by name (no zero segment,
    no repeated point of a point set, no repeated vertex of a triangle)."""
    name, args = pred.name, pred.args
    if name in SEGMENT_PREDICATES:
        if len(args) != SEGMENT_PREDICATES[name]:
            return False
        if name in ("aconst", "rconst") and pred.value is None:
            return False
        return all(args[i] != args[i + 1] for i in range(0, len(args), 2))
    if name in POINT_SET_PREDICATES:
        return len(args) >= POINT_SET_PREDICATES[name] and len(set(args)) == len(args)
    if name in FIXED_DISTINCT:
        return len(args) == FIXED_DISTINCT[name] and len(set(args)) == len(args)
    if name in TRIANGLE_PREDICATES:
        return len(args) == 6 and len(set(args[:3])) == 3 and len(set(args[3:])) == 3 and args[:3] != args[3:]
    return False


# ---- family 1: goal mutants --------------------------------------------------------------------

ANGLES = tuple(Fraction(k, 12) for k in range(1, 12))  # 15°, 30°, ..., 165° as fractions of π
RATIOS = (Fraction(1, 2), Fraction(1, 3), Fraction(2, 3), Fraction(1), Fraction(3, 2), Fraction(2), Fraction(3))


def _m_point(goal: Predicate, points: list[str], rng: random.Random) -> Predicate | None:
    i = rng.randrange(len(goal.args))
    choices = [p for p in points if p != goal.args[i]]
    if not choices:
        return None
    args = list(goal.args)
    args[i] = rng.choice(choices)
    return Predicate(goal.name, tuple(args), goal.value)


def _m_paraperp(goal: Predicate, points: list[str], rng: random.Random) -> Predicate | None:
    other = {"para": "perp", "perp": "para"}.get(goal.name)
    return Predicate(other, goal.args, goal.value) if other else None


def _m_segment(goal: Predicate, points: list[str], rng: random.Random) -> Predicate | None:
    """One segment (line) of the goal replaced by another pair of points of the problem."""
    j = rng.randrange(len(goal.args) // 2)
    a, b = rng.sample(points, 2)
    args = list(goal.args)
    args[2 * j : 2 * j + 2] = [a, b]
    return Predicate(goal.name, tuple(args), goal.value)


def _m_permute(goal: Predicate, points: list[str], rng: random.Random) -> Predicate | None:
    args = list(goal.args)
    if goal.name in ("eqangle", "eqratio"):
        side = rng.randrange(2) * 4  # swap the two lines (segments) of one side
        args[side : side + 4] = args[side + 2 : side + 4] + args[side : side + 2]
    elif goal.name in TRIANGLE_PREDICATES:
        i, j = rng.sample(range(3, 6), 2)  # another correspondence of the second triangle
        args[i], args[j] = args[j], args[i]
    else:
        return None
    return Predicate(goal.name, tuple(args), goal.value)


def _m_value(goal: Predicate, points: list[str], rng: random.Random) -> Predicate | None:
    if goal.name == "aconst":
        values = [v for v in ANGLES if v != goal.value % 1]
        # 180° − θ first in line: the reflected configuration's value
        mirrored = (1 - goal.value) % 1
        value = mirrored if mirrored in values and rng.random() < 0.5 else rng.choice(values)
    elif goal.name == "rconst":
        value = rng.choice([v for v in RATIOS if v != goal.value])
    else:
        return None
    return Predicate(goal.name, goal.args, value)


MUTATIONS: dict[str, Callable] = {
    "point": _m_point,
    "paraperp": _m_paraperp,
    "segment": _m_segment,
    "permute": _m_permute,
    "value": _m_value,
}


def mutations_for(name: str) -> list[str]:
    ops = ["point"]
    if name in ("para", "perp"):
        ops += ["paraperp", "segment"]
    if name in ("cong", "eqratio", "rconst"):
        ops += ["segment"]
    if name in ("eqangle", "eqratio", "simtri", "contri"):
        ops += ["permute"]
    if name == "eqangle":
        ops += ["segment"]
    if name in ("aconst", "rconst"):
        ops += ["value"]
    return ops


def _configurations(problem: Problem, seed: int, n: int) -> list[Diagram]:
    """The figures ``draw(problem, seed, n)`` walks through (its configurations), in order."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        try:
            out.append(draw_once(problem, rng, seed))
        except GeoproverError:
            break
    return out


def _degenerate(pred: Predicate, diagram: Diagram) -> bool:
    """Zero segments, coincident points or flat triangles among the statement's arguments in the
    figure (such statements are the probes' business, not the mutants')."""
    try:
        from geoprover.numeric.degeneracy import degeneracy
    except ImportError:  # an older tree: the same tests, by hand
        return _degenerate_by_hand(pred, diagram)
    return degeneracy(pred, diagram.coords, diagram.scale) is not None


def _degenerate_by_hand(pred: Predicate, diagram: Diagram) -> bool:
    c, args = diagram.coords, pred.args
    if pred.name in ("cyclic", "simtri", "contri"):
        triples = list(itertools.combinations(args, 3)) if pred.name == "cyclic" else [args[:3], args[3:]]
        return any(_flat(c[a], c[b], c[d]) for a, b, d in triples)
    pairs = (
        list(itertools.combinations(args, 2))
        if pred.name in ("coll", "circle", "midp")
        else [args[i : i + 2] for i in range(0, len(args) - 1, 2)]
    )
    return any(float(np.hypot(*(c[a] - c[b]))) < 1e-6 * diagram.scale for a, b in pairs)


def _clearly_false(pred: Predicate, diagram: Diagram) -> bool:
    """Finite residual clearly above FALSE_TOL, arguments not degenerate in the figure."""
    try:
        r = residual(pred, diagram.coords, diagram.scale)
    except (ValueError, ZeroDivisionError, FloatingPointError, KeyError):
        return False
    return math.isfinite(r) and r > FALSE_TOL and not _degenerate(pred, diagram)


def false_everywhere(
    problem: Problem,
    goal: Predicate,
    seeds: Iterable[int],
    configurations: int = 16,
    screen: dict[int, list[Diagram]] | None = None,
    trust_screen: bool = False,
) -> bool:
    """No configuration found by ``draw(problem with goal, seed, configurations)`` has the goal, for
    any of ``seeds``: in the returned diagram its residual is finite and clearly above FALSE_TOL.

    ``screen`` holds the configurations ``draw`` walks through (`_configurations`): the goal must be
    clearly false in every one of them (a cheap first test). With ``trust_screen`` (see
    `_screen_matches_draw`) the screen is the whole test and ``draw`` is not called again.
    """
    seeds = list(seeds)
    if screen is not None:
        for seed in seeds:
            if not all(_clearly_false(goal, d) for d in screen.get(seed, [])):
                return False
        if trust_screen:
            return any(len(screen.get(seed, [])) == configurations for seed in seeds)
    mutant = with_goal(problem, goal, problem.name)
    drawn = 0
    for seed in seeds:
        try:
            diagram = draw(mutant, seed, configurations=configurations)
        except GeoproverError:
            continue
        drawn += 1
        if not _clearly_false(goal, diagram):
            return False
    return drawn > 0


def _screen_matches_draw(
    problem: Problem, goal: Predicate, seeds: list[int], configurations: int, screen: dict[int, list[Diagram]]
) -> bool:
    """Whether ``draw(problem with a goal false everywhere, seed)`` returns the screen's last
    configuration at every seed, i.e. it walks through exactly the screened configurations (true
    of draw() as written; checked once per problem so that a change to draw() cannot make the
    shortcut wrong)."""
    mutant = with_goal(problem, goal, problem.name)
    for seed in seeds:
        shots = screen.get(seed, [])
        try:
            diagram = draw(mutant, seed, configurations=configurations)
        except GeoproverError:
            if len(shots) == configurations:
                return False
            continue
        if len(shots) != configurations or set(diagram.coords) != set(shots[-1].coords):
            return False
        if any(not np.array_equal(diagram.coords[p], shots[-1].coords[p]) for p in diagram.coords):
            return False
    return True


def goal_mutants(
    problems: Iterable[Problem],
    per_problem: int = 3,
    seeds: Iterable[int] = (0, 1, 2),
    configurations: int = 16,
    tries: int | None = None,
) -> list[Case]:
    """Up to ``per_problem`` mutants of each problem's goal that are false in every configuration.

    Candidate k of a problem is made with ``random.Random(f"{name}:{k}")`` and the k-th mutation
    operator applicable to the goal (round robin), so the output depends only on the problems.
    """
    seeds = list(seeds)
    cases: list[Case] = []
    for problem in problems:
        goal = problem.goal
        if goal is None or per_problem <= 0:
            continue
        screen = {s: _configurations(problem, s, configurations) for s in seeds}
        if not any(screen.values()):
            continue
        ops = mutations_for(goal.name)
        seen = {goal}
        kept = 0
        trusted: bool | None = None
        for k in range(tries or max(12, 8 * per_problem)):
            if kept >= per_problem:
                break
            rng = random.Random(f"{problem.name}:{k}")
            op = ops[k % len(ops)]
            mutant = MUTATIONS[op](goal, list(problem.points), rng)
            if mutant is None or mutant in seen or not valid_goal(mutant):
                continue
            seen.add(mutant)
            if not false_everywhere(problem, mutant, seeds, configurations, screen, trust_screen=True):
                continue
            if trusted is None:
                # the first candidate the screen accepts: does draw() walk exactly through the
                # screened configurations (checked at the first seed)? Then the screen decides.
                trusted = _screen_matches_draw(problem, mutant, seeds[:1], configurations, screen)
            if not trusted and not false_everywhere(problem, mutant, seeds, configurations):
                continue
            name = f"mutant:{problem.name}:{k}:{op}"
            cases.append(
                Case(
                    "mutant",
                    name,
                    with_goal(problem, mutant, name),
                    "not_proved",
                    (False,),
                    origin=f"{problem.name}: {goal} -> {mutant} ({op})",
                )
            )
            kept += 1
    return cases


# ---- family 2: degenerate probes ---------------------------------------------------------------


def _flat(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> bool:
    longest = max(float((b - a) @ (b - a)), float((c - b) @ (c - b)), float((a - c) @ (a - c)))
    if longest == 0:
        return True
    twice_area = abs(float((b - a)[0] * (c - a)[1] - (b - a)[1] * (c - a)[0]))
    return twice_area / longest < FLAT_TOL


def collinear_sets(diagram: Diagram) -> list[tuple[str, ...]]:
    """Maximal sets of 3+ points on one line in the diagram (the problem's coll/on_line facts and
    whatever else is collinear numerically), in the problem's point order."""
    names = [p for p in diagram.problem.points if p in diagram.coords]
    order = {p: i for i, p in enumerate(names)}
    lines: set[tuple[str, ...]] = set()
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            on = [c for c in names if c in (a, b) or _flat(diagram.coords[a], diagram.coords[b], diagram.coords[c])]
            if len(on) >= 3:
                lines.add(tuple(sorted(on, key=order.get)))
    for fact in diagram.facts:  # facts name lines too (they are collinear numerically as well)
        if fact.name == "coll" and len(set(fact.args)) >= 3:
            pts = tuple(sorted(set(fact.args), key=order.get))
            if not any(set(pts) <= set(line) for line in lines):
                lines.add(pts)
    return sorted(lines, key=lambda line: (-len(line), [order[p] for p in line]))


def _probe_goals(diagram: Diagram, rng: random.Random, kind: str) -> Predicate | None:
    """One probe goal of the given kind, or None when the figure has no material for it."""
    points = [p for p in diagram.problem.points if p in diagram.coords]
    lines = collinear_sets(diagram)
    long_lines = [line for line in lines if len(line) >= 4]
    if len(points) < 3:
        return None

    def flat_triple() -> list[str] | None:
        if not lines:
            return None
        return rng.sample(list(rng.choice(lines)), 3)

    if kind == "cyclic_3coll":
        if not lines:
            return None
        line = rng.choice(lines)
        off = [p for p in points if p not in line]
        if not off:
            return None
        four = rng.sample(list(line), 3) + [rng.choice(off)]
        rng.shuffle(four)
        return Predicate("cyclic", tuple(four))
    if kind == "cyclic_4coll":
        if not long_lines:
            return None
        four = rng.sample(list(rng.choice(long_lines)), 4)
        return Predicate("cyclic", tuple(four))
    if kind in ("simtri_flat", "contri_flat"):
        t1, t2 = flat_triple(), flat_triple()
        if t1 is None or t2 is None or t1 == t2:
            return None
        return Predicate(kind.split("_")[0], tuple(t1 + t2))
    if kind in ("simtri_self", "contri_self"):
        t = flat_triple()
        if t is None:
            return None
        second = list(t)
        if kind == "contri_self":
            second = second[1:] + second[:1]  # the same flat triangle, vertices permuted
        return Predicate(kind.split("_")[0], tuple(t + second))
    if kind == "cong_zero":
        a, b = rng.sample(points, 2)
        return Predicate("cong", (a, a, b, b))
    if kind in ("para_zero", "perp_zero"):
        a, b, c = rng.sample(points, 3)
        return Predicate(kind.split("_")[0], (a, a, b, c))
    if kind == "eqangle_zero":
        a = rng.choice(points)
        rest = [rng.sample(points, 2) for _ in range(3)]
        return Predicate("eqangle", (a, a, *rest[0], *rest[1], *rest[2]))
    if kind == "eqratio_zero":
        a, d = rng.sample(points, 2)
        b, c = rng.sample(points, 2)
        e, f = rng.sample(points, 2)
        return Predicate("eqratio", (a, a, b, c, d, d, e, f))
    if kind == "cyclic_repeat":
        a, b, c = rng.sample(points, 3)
        return Predicate("cyclic", (a, b, c, a))
    raise ValueError(kind)


PROBE_KINDS = (
    "cyclic_3coll",
    "cyclic_4coll",
    "simtri_self",
    "cong_zero",
    "para_zero",
    "cyclic_repeat",
    "simtri_flat",
    "perp_zero",
    "eqangle_zero",
    "contri_flat",
    "eqratio_zero",
    "contri_self",
)


def issue_problem() -> Problem:
    return parse_problem(ISSUE_TEXT, ISSUE_NAME)


def degenerate_probes(problems: Iterable[Problem], per_problem: int = 3, include_issue: bool = True) -> list[Case]:
    """Degenerate goals on each problem's figure (drawn at seed 0), ``per_problem`` each, plus the
    issue's reproduction verbatim (and probes on its figure)."""
    cases: list[Case] = []
    sources = list(problems)
    if include_issue:
        issue = issue_problem()
        cases.append(
            Case(
                "probe",
                f"probe:{ISSUE_NAME}",
                issue,
                "not_proved",
                (False, True),
                origin="issue reproduction (Wu proved it at seed 29: b, a, p, q lie on line ab)",
            )
        )
        sources = [issue] + sources
    for problem in sources:
        if per_problem <= 0:
            break
        try:
            diagram = draw(problem, 0)
        except GeoproverError:
            continue
        seen: set[Predicate] = set()
        start = random.Random(f"{problem.name}:probe").randrange(len(PROBE_KINDS))
        kept = 0
        for k in range(4 * len(PROBE_KINDS)):
            if kept >= per_problem:
                break
            kind = PROBE_KINDS[(start + k) % len(PROBE_KINDS)]
            goal = _probe_goals(diagram, random.Random(f"{problem.name}:probe:{k}"), kind)
            if goal is None or goal in seen:
                continue
            seen.add(goal)
            name = f"probe:{problem.name}:{k}:{kind}"
            cases.append(
                Case(
                    "probe",
                    name,
                    with_goal(problem, goal, name),
                    "not_proved",
                    (False, True),
                    origin=f"{problem.name}: {kind}",
                )
            )
            kept += 1
    return cases


# ---- family 3: configuration-dependent goals ---------------------------------------------------


def _angle_table(diagrams: list[Diagram], names: list[str]) -> np.ndarray:
    """dirs[m, i, j]: direction of line (names[i], names[j]) in diagram m, in [0, π)."""
    xy = np.array([[d.coords[p] for p in names] for d in diagrams])  # (m, n, 2)
    delta = xy[:, None, :, :] - xy[:, :, None, :]  # (m, i, j, 2): p_j − p_i
    return np.mod(np.arctan2(delta[..., 1], delta[..., 0]), math.pi)


def _aconst_pairs(diagrams: list[Diagram], names: list[str]) -> list[tuple[str, str, str, Fraction]]:
    """Vertex angles ∠(va, vb) that are θ in some configurations and 180° − θ in the others
    (θ a multiple of 15°, not 0° or 90°), with both values drawn."""
    dirs = _angle_table(diagrams, names)
    n = len(names)
    out = []
    step = math.pi / 12
    for v in range(n):
        for a in range(n):
            for b in range(a + 1, n):
                if v in (a, b):
                    continue
                ang = np.mod(dirs[:, v, b] - dirs[:, v, a], math.pi)
                k = np.rint(ang / step)
                if np.max(np.abs(ang - k * step)) > 1e-7:
                    continue
                values = set(int(x) % 12 for x in k)
                if len(values) != 2 or 0 in values or 6 in values:
                    continue
                x, y = sorted(values)
                if x + y != 12:
                    continue
                out.append((names[v], names[a], names[b], Fraction(x, 12)))
    return out


def _branch_goals(diagrams: list[Diagram], names: list[str]) -> list[Predicate]:
    """para / perp / cong of point pairs that hold (exactly) in some configurations and clearly
    fail in the others."""
    segs = list(itertools.combinations(range(len(names)), 2))
    if len(segs) < 2:
        return []
    xy = np.array([[d.coords[p] for p in names] for d in diagrams])
    scale = np.array([d.scale for d in diagrams])
    i, j = np.array([s[0] for s in segs]), np.array([s[1] for s in segs])
    vec = xy[:, j, :] - xy[:, i, :]  # (m, S, 2)
    length = np.hypot(vec[..., 0], vec[..., 1])
    unit = vec / np.maximum(length, 1e-300)[..., None]
    cross = np.abs(unit[:, :, None, 0] * unit[:, None, :, 1] - unit[:, :, None, 1] * unit[:, None, :, 0])
    dot = np.abs(np.einsum("msk,mtk->mst", unit, unit))
    dlen = np.abs(length[:, :, None] - length[:, None, :]) / scale[:, None, None]
    out: list[Predicate] = []
    upper = np.triu(np.ones((len(segs), len(segs)), dtype=bool), 1)
    for name, res in (("para", cross), ("perp", dot), ("cong", dlen)):
        held = res < HOLD_TOL
        failed = res > FALSE_TOL
        mask = upper & held.any(0) & failed.any(0) & (held | failed).all(0)
        for s, t in zip(*np.nonzero(mask), strict=True):
            a, b = segs[s]
            c, d = segs[t]
            if name in ("para", "perp") and len({a, b, c, d}) < 3:
                continue
            out.append(Predicate(name, (names[a], names[b], names[c], names[d])))
    return out


def _config_cases(problem: Problem, goals: list[Predicate], pair: str, origin: str) -> list[Case]:
    """The direct case of each goal (normal draw and path: PROVED needs a configuration condition)
    and the crossed one (drawn where the goal fails, no numeric gate: no PROVED at all)."""
    cases = []
    for g in goals:
        base = f"config:{pair}:{g}"
        cases.append(Case("config", base, with_goal(problem, g, base), "configuration", (True,), "goal", pair, origin))
        cross = f"{base}@fails"
        cases.append(
            Case(
                "config",
                cross,
                with_goal(problem, g, cross),
                "not_proved",
                (False,),
                "fails",
                pair,
                origin + " (drawn where the goal fails)",
            )
        )
    return cases


def config_pairs(
    problems: Iterable[Problem],
    per_problem: int = 1,
    branch: int = 1,
    hand: bool = True,
    seeds: Iterable[int] = (0, 1, 2),
    configurations: int = 8,
) -> list[Case]:
    """Hand-made two-configuration figures, and for each bundled figure up to ``per_problem``
    aconst θ / 180° − θ pairs and ``branch`` one-branch para/perp/cong goals found numerically
    over ``configurations`` draws at each of ``seeds``."""
    cases: list[Case] = []
    if hand:
        for pname, clauses, g1, g2 in HAND_PAIRS:
            p1 = parse_problem(f"{clauses} ? {g1}", f"hand_{pname}")
            p2 = parse_problem(f"{clauses} ? {g2}", f"hand_{pname}")
            cases += _config_cases(p1, [p1.goal, p2.goal], f"hand_{pname}", f"hand-made: {clauses}")
    seeds = list(seeds)
    for problem in problems:
        if per_problem <= 0 and branch <= 0:
            break
        diagrams = [d for s in seeds for d in _configurations(problem, s, configurations)]
        if len(diagrams) < 2:
            continue
        names = [p for p in problem.points if all(p in d.coords for d in diagrams)]
        rng = random.Random(f"{problem.name}:config")
        if per_problem > 0:
            found = _aconst_pairs(diagrams, names)
            for k, (v, a, b, theta) in enumerate(rng.sample(found, min(per_problem, len(found)))):
                goals = [Predicate("aconst", (v, a, v, b), theta), Predicate("aconst", (v, a, v, b), 1 - theta)]
                cases += _config_cases(problem, goals, f"{problem.name}:angle{k}", f"{problem.name}: ∠({v}{a}, {v}{b})")
        if branch > 0:
            found = _branch_goals(diagrams, names)
            for k, g in enumerate(rng.sample(found, min(branch, len(found)))):
                cases += _config_cases(problem, [g], f"{problem.name}:branch{k}", f"{problem.name}: one branch")
    return cases


def generate(
    sets: Iterable[str] = DEFAULT_SETS,
    limit: int | None = None,
    kinds: Iterable[str] = KINDS,
    mutants: int = 3,
    probes: int = 3,
    pairs: int = 1,
    branch: int = 1,
    filter_seeds: Iterable[int] = (0, 1, 2),
    configurations: int = 16,
    problems: list[Problem] | None = None,
    timings: dict | None = None,
) -> list[Case]:
    """All cases of the requested kinds, deterministically (string-seeded RNGs, seeded draws).
    ``timings``, when given, receives the seconds each family took."""
    kinds = set(kinds)
    filter_seeds = list(filter_seeds)
    timings = {} if timings is None else timings
    t = time.monotonic()
    problems = load_problems(sets, limit) if problems is None else problems
    timings["load"] = time.monotonic() - t
    cases: list[Case] = []
    families = (
        ("mutant", lambda: goal_mutants(problems, mutants, filter_seeds, configurations)),
        ("probe", lambda: degenerate_probes(problems, probes)),
        ("config", lambda: config_pairs(problems, pairs, branch, seeds=filter_seeds)),
    )
    for kind, make in families:
        if kind in kinds:
            t = time.monotonic()
            cases += make()
            timings[kind] = time.monotonic() - t
    return cases


# ---- running one case ------------------------------------------------------------------------


def accepts(fn: Callable, name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def engine_function(name: str) -> Callable:
    from geoprover.engines import engine

    return engine(name)


def supports_gate(engine_name: str) -> bool:
    if engine_name == "portfolio":
        return False
    return accepts(engine_function(engine_name), "numeric_gate")


def draw_case(case: Case, seed: int, configurations: int = 16) -> Diagram | None:
    """The case's diagram at ``seed``; None when ``draw="fails"`` finds no configuration where the
    goal clearly fails. Raises GeoproverError when the figure cannot be drawn."""
    if case.draw == "goal":
        return draw(case.problem, seed)
    rng = np.random.default_rng(seed)
    for _ in range(configurations):
        d = draw_once(case.problem, rng, seed)
        if _clearly_false(case.problem.goal, d):
            return d
    return None


def configuration_of(proof) -> list[str]:
    return [str(c) for c in (getattr(proof, "configuration", None) or [])]


def judge(case_kind: str, expect: str, status: str, configuration: list[str], goal_holds) -> str:
    """ok / false_proved / failure / undrawable / skipped."""
    if status in ("undrawable", "skipped"):
        return status
    if status != "proved":
        return "ok"
    if expect == "configuration" or (case_kind == "mutant" and goal_holds is True):
        # a mutant that holds in this diagram was not false in every configuration after all:
        # judge it as a configuration-dependent statement
        return "ok" if configuration else "failure"
    return "false_proved"


def run_case(
    case: Case,
    seed: int,
    engine_name: str,
    gate: bool,
    timeout: float,
    portfolio_engines: tuple[str, ...] = ("wu", "ddar"),
    memory_gb: float = 0.0,
    accept_pipeline: bool = False,
) -> dict:
    """Draw and run one engine on one case; a row of plain data.

    A config PROVED needs ``Proof.configuration`` from the engine itself; with ``accept_pipeline``
    the conditions the portfolio would attach (``pipeline_configuration``) count as well. They are
    recorded either way."""
    start = time.monotonic()
    row = {
        "kind": case.kind,
        "case": case.name,
        "pair": case.pair,
        "seed": seed,
        "engine": engine_name,
        "gate": gate,
        "goal": str(case.problem.goal),
        "expect": case.expect,
        "draw": case.draw,
    }
    try:
        diagram = draw_case(case, seed)
    except GeoproverError as why:
        row.update(status="undrawable", message=str(why)[:300])
        diagram = None
    else:
        if diagram is None:
            row.update(status="skipped", message="no configuration where the goal fails")
    if diagram is not None:
        diagram.problem = case.problem
        try:
            row["goal_holds"] = bool(diagram.goal_holds())
        except Exception:  # a degenerate probe the checks cannot even evaluate
            row["goal_holds"] = None
        row["residual"] = _safe_residual(case.problem.goal, diagram)
        if engine_name == "portfolio":
            from geoprover.portfolio import run_portfolio

            kwargs = {"memory_gb": memory_gb} if memory_gb > 0 else {}  # its children may not raise our limit
            proof = run_portfolio(
                case.problem, engines=list(portfolio_engines), timeout=timeout, seed=seed, diagram=diagram, **kwargs
            )
        else:
            fn = engine_function(engine_name)
            kwargs = {"timeout": timeout}
            if accepts(fn, "numeric_gate"):
                kwargs["numeric_gate"] = gate
            if accepts(fn, "seed"):
                kwargs["seed"] = seed
            proof = fn(case.problem, diagram, **kwargs)
        cert = proof.certificate if isinstance(proof.certificate, dict) else {}
        row.update(
            status=str(getattr(proof.status, "value", proof.status)),
            engine_label=str(proof.engine),
            seconds=round(proof.seconds, 3),
            ndg=[str(c) for c in proof.ndg],
            configuration=configuration_of(proof),
            configurations=getattr(proof, "configurations", None) or cert.get("configurations"),
            message=(proof.message or "")[:300],
        )
        configured = case.expect == "configuration" or row.get("goal_holds") is True
        if row["status"] == "proved" and configured:
            frame = cert.get("frame") if str(proof.engine).startswith("wu") else None
            own = _conditions_of(row["configurations"])
            # the printed theorem (own conditions and NDGs) against other figures of the construction
            row["counterexample"] = condition_counterexample(case, own, row["ndg"], frame, diagram.coords)
            if own:  # and the configuration words alone: do they single out a configuration?
                row["words_counterexample"] = condition_counterexample(case, own, use_ndg=False)
            if not row["configuration"] and engine_name != "portfolio":
                words, piped = pipeline_configuration(proof, diagram)
                row["pipeline_configuration"] = words
                if piped:
                    row["pipeline_conditions"] = piped
                    row["pipeline_counterexample"] = condition_counterexample(
                        case, piped, row["ndg"], frame, diagram.coords
                    )
                    row["words_counterexample"] = condition_counterexample(case, piped, use_ndg=False)
    row.setdefault("configuration", [])
    row["wall"] = round(time.monotonic() - start, 3)
    conf, counter = row["configuration"], row.get("counterexample")
    if not conf and accept_pipeline and row.get("pipeline_configuration"):
        conf, counter = row["pipeline_configuration"], row.get("pipeline_counterexample")
    row["verdict"] = judge(case.kind, case.expect, row["status"], conf, row.get("goal_holds"))
    if counter:
        row["used_counterexample"] = counter
    if row["status"] == "proved" and counter:
        # a figure where the goal fails although the printed conditions hold: with every NDG read,
        # the printed theorem is false; with some unread, it probably is
        row["verdict"] = "false_proved" if not counter["unevaluated"] else "failure"
    return row


def _conditions_of(configurations) -> list[str]:
    if isinstance(configurations, dict):
        return [str(c) for c in configurations.get("conditions", []) or []]
    return []


def pipeline_configuration(proof, diagram: Diagram) -> tuple[list[str] | None, list[str]]:
    """The configuration conditions the portfolio attaches to this engine's proof
    (``portfolio.state_configuration``), in words and as predicates; (None, []) when this tree has
    no such step."""
    try:
        from geoprover.portfolio import state_configuration
    except ImportError:
        return None, []
    copy = dataclasses.replace(proof)
    try:
        state_configuration(copy, diagram)
    except Exception as why:  # noqa: BLE001 - recorded, not fatal
        return [f"(state_configuration failed: {type(why).__name__}: {why})"], []
    return configuration_of(copy), _conditions_of(getattr(copy, "configurations", None))


# Other figures of a config case's construction in which its goal is clearly false: a stated
# configuration condition must fail in every one of them, or it does not single out a
# configuration where the goal holds (the conditional theorem it states is false).
BANK_SEEDS = tuple(range(1000, 1008))
_BANKS: dict[str, list[tuple[int, int, dict, float]]] = {}


def condition_bank(
    case: Case, seeds: Iterable[int] = BANK_SEEDS, configurations: int = 16
) -> list[tuple[int, int, dict, float]]:
    """(seed, configuration index, coords, scale) of drawn figures where the goal clearly fails."""
    if case.name not in _BANKS:
        bank = []
        for seed in seeds:
            for i, d in enumerate(_configurations(case.problem, seed, configurations)):
                if _clearly_false(case.problem.goal, d):
                    bank.append((seed, i, d.coords, d.scale))
        _BANKS[case.name] = bank
    return _BANKS[case.name]


def _parse_conditions(conditions: list[str]) -> list[Predicate] | None:
    from geoprover.numeric.checks import MARGINS

    preds = []
    for text in conditions:
        name, *args = text.split()
        if name not in MARGINS:
            return None  # a condition this check cannot evaluate
        preds.append(Predicate(name, tuple(args)))
    return preds


def condition_counterexample(
    case: Case,
    conditions: list[str],
    ndg: list[str] | None = None,
    frame: dict | None = None,
    drawn: dict | None = None,
    use_ndg: bool = True,
) -> dict | None:
    """A figure of the construction in which the goal is clearly false although every stated
    configuration condition holds and (with ``use_ndg``) no printed NDG is violated: the printed
    theorem is false there. ``unevaluated`` lists the NDGs this check could not read (the figure
    refutes the theorem only if they hold too); with no condition and no NDG nothing is checked.

    NDGs are read as far as their printed forms allow (`ndg_violated`): Wu's polynomials in its
    frame (``frame``), distinctness, collinearity, parallel/perpendicular, equal lengths, DDAR's
    "(as drawn)" angle values and triangle orientations (compared with the ``drawn`` figure)."""
    from geoprover.numeric.checks import holds

    preds = _parse_conditions(conditions)
    if preds is None or (not preds and not use_ndg):
        return None
    excluded: Counter = Counter()
    for seed, index, coords, scale in condition_bank(case):
        try:
            if not all(holds(c, coords, scale) for c in preds):
                continue
        except (KeyError, ValueError, ZeroDivisionError):
            continue
        unevaluated: list[str] = []
        if use_ndg:
            why = None
            for text in ndg or []:
                verdict = ndg_violated(text, coords, scale, case.problem.points, frame, drawn)
                if verdict is None:
                    unevaluated.append(text)
                elif verdict:
                    why = text
                    break
            if why is not None:
                excluded[why] += 1
                continue
        r = residual(case.problem.goal, coords, scale)
        return {
            "seed": seed,
            "configuration": index,
            "conditions": conditions,
            "goal_residual": r if math.isfinite(r) else None,
            "ndg_checked": use_ndg,
            "unevaluated": unevaluated,
            "how": f"_configurations(problem, {seed}, 16)[{index}]",
        }
    return None


def _split_line(text: str, points: list[str]) -> tuple[str, str] | None:
    """'o1o2' -> ('o1', 'o2') using the problem's point names."""
    for i in range(1, len(text)):
        if text[:i] in points and text[i:] in points:
            return text[:i], text[i:]
    return None


def _cross(u, v) -> float:
    return float(u[0] * v[1] - u[1] * v[0])


def ndg_violated(
    text: str, coords: dict, scale: float, points: list[str], frame: dict | None = None, drawn: dict | None = None
) -> bool | None:
    """Whether a printed NDG condition is violated in a figure (True), holds (False), or cannot be
    read (None). Violated means clearly: the forbidden equality holds to 1e-9 (relative)."""
    import re

    tiny = 1e-9
    c = coords

    def flat(a, b, d) -> bool:
        return _flat(c[a], c[b], c[d])

    def unit(a, b):
        v = c[b] - c[a]
        n = float(np.hypot(*v))
        return v / n if n > tiny * scale else None

    try:
        if text.startswith("polynomial ≠ 0:"):
            return None if not frame else _wu_polynomial_vanishes(text.split(":", 1)[1].strip(), frame, c)
        m = re.fullmatch(r"(\S+) ≠ (\S+)", text) or re.fullmatch(r"diff (\S+) (\S+)", text)
        if m and m.group(1) in c and m.group(2) in c:
            return float(np.hypot(*(c[m.group(1)] - c[m.group(2)]))) < tiny * scale
        m = re.fullmatch(r"ncoll (\S+) (\S+) (\S+)", text) or re.fullmatch(r"(\S+), (\S+), (\S+) not collinear", text)
        if m and all(g in c for g in m.groups()):
            return flat(*m.groups())
        m = re.fullmatch(r"(npara|nperp) (\S+) (\S+) (\S+) (\S+)", text)
        lines = None
        if m and all(g in c for g in m.groups()[1:]):
            kind, lines = ("parallel" if m.group(1) == "npara" else "perpendicular"), (m.group(2, 3), m.group(4, 5))
        m2 = re.fullmatch(r"(\S+) not (perpendicular|parallel) to (\S+)", text)
        if m2:
            ab, cd = _split_line(m2.group(1), points), _split_line(m2.group(3), points)
            if ab and cd:
                kind, lines = m2.group(2), (ab, cd)
        if lines is not None:
            u, v = unit(*lines[0]), unit(*lines[1])
            if u is None or v is None:
                return True
            value = abs(_cross(u, v)) if kind == "parallel" else abs(float(u @ v))
            return value < tiny
        m = re.fullmatch(r"\|(\S+)\| ≠ \|(\S+)\|", text)
        if m:
            ab, cd = _split_line(m.group(1), points), _split_line(m.group(2), points)
            if ab and cd:
                la, lc = (float(np.hypot(*(c[y] - c[x]))) for x, y in (ab, cd))
                return abs(la - lc) < tiny * scale
        m = re.fullmatch(r"∠\((\S+), (\S+)\) = ([\d.]+)°.*\(as drawn\)", text)
        if m:
            ab, cd = _split_line(m.group(1), points), _split_line(m.group(2), points)
            if ab and cd:
                angle = Predicate("aconst", (*ab, *cd), Fraction(m.group(3)) / 180)
                return residual(angle, c, scale) > 1e-6
        m = re.fullmatch(r"(.+) = (-?[\d.]+)°.*\(as drawn\)", text)
        if m and "dir(" in m.group(1):  # DDAR: Σ k·dir(line) = θ (mod 180°) as drawn
            terms = re.findall(r"(-?\d+)·dir\((\S+?)\)", m.group(1))
            total = 0.0
            for k, line in terms:
                ends = _split_line(line, points)
                if ends is None:
                    return None
                v = c[ends[1]] - c[ends[0]]
                total += int(k) * math.atan2(v[1], v[0])
            gap = (total - math.radians(float(m.group(2)))) % math.pi
            return min(gap, math.pi - gap) > 1e-6
        m = re.fullmatch(r"triangles (\S+) (\S+) (\S+) and (\S+) (\S+) (\S+) are oriented as drawn", text)
        if m and drawn is not None:
            a, b, d, x, y, z = m.groups()

            def sign(k, p, q, r):
                return np.sign(_cross(k[q] - k[p], k[r] - k[p]))

            return sign(c, a, b, d) * sign(c, x, y, z) != sign(drawn, a, b, d) * sign(drawn, x, y, z)
    except (KeyError, ValueError, ZeroDivisionError, TypeError):
        return None
    return None


def _wu_frames(frame: dict, coords: dict) -> list[dict[str, float]] | None:
    """Values of Wu's variables for a figure: coordinates moved to Wu's frame (origin at (0, 0), unit
    at (1, 0)); a half-angle point p = (p_x(1 − p_y²), 2·p_x·p_y) has two preimages (p_y = tan(φ/2)
    or −cot(φ/2)), so one assignment per combination of preimages."""
    origin, unit = frame.get("origin"), frame.get("unit")
    if origin not in coords or (unit and unit not in coords):
        return None
    o = complex(*coords[origin])
    u = complex(*coords[unit]) - o if unit else 1
    values: dict[str, float] = {}
    for name, v in coords.items():
        z = (complex(*v) - o) / u
        values[f"{name}_x"], values[f"{name}_y"] = z.real, z.imag
    options = [values]
    for p in frame.get("half_angle") or []:
        if p not in coords:
            return None
        z = (complex(*coords[p]) - o) / u
        half = math.atan2(z.imag, z.real) / 2
        choices = []
        for t in (math.tan(half), -1 / math.tan(half) if abs(math.tan(half)) > 1e-12 else None):
            if t is None:
                continue
            x = z.imag / (2 * t) if abs(t) > 1e-9 else z.real / (1 - t * t)
            choices.append({f"{p}_x": x, f"{p}_y": t})
        # the half angle is that of a bisector through the origin: the preimage meant is the one whose
        # line y = p_y·x carries another point of the figure (the bisector's point), when just one does
        others = [q for q in coords if q not in (origin, unit, p)]
        meant = [
            ch
            for ch in choices
            if any(
                abs(values[f"{q}_y"] - ch[f"{p}_y"] * values[f"{q}_x"])
                < 1e-9 * (1 + abs(values[f"{q}_x"]) + abs(values[f"{q}_y"]))
                for q in others
            )
        ]
        if len(meant) == 1:
            choices = meant
        options = [{**o_, **ch} for o_ in options for ch in choices]
    return options


def _wu_polynomial_vanishes(text: str, frame: dict, coords: dict) -> bool | None:
    """Whether a Wu NDG polynomial vanishes in a figure (True), does not (False), or cannot be told
    (None: unreadable, or it depends on which preimage of a half-angle point is meant)."""
    import sympy

    assignments = _wu_frames(frame, coords)
    if not assignments:
        return None
    try:
        expr = sympy.sympify(text.replace("^", "**"), locals={"sqrt3": sympy.sqrt(3), "sqrt2": sympy.sqrt(2)})
        symbols = {str(x) for x in expr.free_symbols}
        if not symbols <= set(assignments[0]):
            return None
        verdicts = set()
        for values in assignments:
            subs = {sympy.Symbol(k): values[k] for k in symbols}
            value = abs(complex(expr.evalf(subs=subs)))
            size = sum(abs(complex(t.evalf(subs=subs))) for t in sympy.Add.make_args(sympy.expand(expr)))
            verdicts.add(value <= 1e-9 * max(size, 1e-300))
    except (sympy.SympifyError, TypeError, ValueError, AttributeError, ZeroDivisionError):
        return None
    return verdicts.pop() if len(verdicts) == 1 else None


def _safe_residual(pred: Predicate, diagram: Diagram) -> float | None:
    try:
        r = residual(pred, diagram.coords, diagram.scale)
    except Exception:
        return None
    return r if math.isfinite(r) else None


# ---- the sweep ---------------------------------------------------------------------------------


@dataclass
class Task:
    case: Case
    seed: int
    engine: str
    gate: bool

    @property
    def key(self) -> str:
        return f"{self.case.name}|{self.seed}|{self.engine}|{int(self.gate)}"


def make_tasks(
    cases: list[Case],
    seeds: list[int],
    engines: list[str],
    gate_mode: str = "case",
    portfolio: int = 0,
    portfolio_seeds: int = 2,
) -> list[Task]:
    """Case x seed x engine x gate; engines without a numeric_gate switch run the gated path only.
    ``portfolio`` adds the whole pipeline on N cases of each kind, spread evenly (at the first
    ``portfolio_seeds`` seeds; not the crossed config cases, whose diagram the portfolio would reject)."""
    tasks = []
    gated = {e: supports_gate(e) for e in engines}
    for case in cases:
        gates = {"case": case.gates, "off": (False,), "on": (True,), "both": (False, True)}[gate_mode]
        for seed in seeds:
            for e in engines:
                for g in gates if gated[e] else (True,):
                    tasks.append(Task(case, seed, e, g))
    if portfolio > 0:
        by_kind: dict[str, list[Case]] = defaultdict(list)
        for case in cases:
            if case.draw == "goal":
                by_kind[case.kind].append(case)
        for kind_cases in by_kind.values():
            n = len(kind_cases)  # N cases spread evenly over the kind (hand-made and generated)
            picked = sorted({round(i * (n - 1) / max(1, portfolio - 1)) for i in range(min(portfolio, n))})
            for case in (kind_cases[i] for i in picked):
                for seed in seeds[:portfolio_seeds]:
                    tasks.append(Task(case, seed, "portfolio", True))
    seen, out = set(), []
    for t in tasks:  # engines without a gate switch collapse gates to one run
        if t.key not in seen:
            seen.add(t.key)
            out.append(t)
    return out


def _child(
    task: Task, timeout: float, portfolio_engines: tuple[str, ...], memory_gb: float, accept_pipeline: bool, conn
) -> None:
    try:
        os.setpgrp()  # the parent kills the whole group (the portfolio's engines too)
    except OSError:
        pass
    os.dup2(2, 1)  # engines' C libraries must not write to our stdout
    try:
        if memory_gb > 0:
            import resource

            limit = int(memory_gb * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        row = run_case(
            task.case, task.seed, task.engine, task.gate, timeout, portfolio_engines, memory_gb, accept_pipeline
        )
    except MemoryError:
        row = _crash_row(task, "out of memory")
    except BaseException as err:
        row = _crash_row(task, f"{type(err).__name__}: {err}", traceback.format_exc(limit=6))
    conn.send(json.loads(json.dumps(row, default=str)))
    conn.close()


def _crash_row(task: Task, message: str, trace: str = "", status: str = "error") -> dict:
    row = {
        "kind": task.case.kind,
        "case": task.case.name,
        "pair": task.case.pair,
        "seed": task.seed,
        "engine": task.engine,
        "gate": task.gate,
        "goal": str(task.case.problem.goal),
        "expect": task.case.expect,
        "draw": task.case.draw,
        "status": status,
        "configuration": [],
        "message": message[:300],
        "verdict": "ok",
    }
    if trace:
        row["traceback"] = trace
    return row


def _kill(proc) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if proc.is_alive():
        proc.kill()
    proc.join(timeout=5)


def warm_up(engines: Iterable[str]) -> None:
    """Import and run each engine once in the parent, so forked children start warm (numba
    kernels loaded, flint initialised)."""
    problem = parse_problem("a b c = triangle a b c; m = midpoint m a b; n = midpoint n a c ? para m n b c", "warm")
    diagram = draw(problem, 0)
    for e in engines:
        if e == "portfolio":
            continue
        try:
            engine_function(e)(problem, diagram, timeout=30)
        except Exception:
            pass


def run_tasks(
    tasks: list[Task],
    timeout: float,
    jobs: int = 1,
    hard_limit: float | None = None,
    portfolio_engines: tuple[str, ...] = ("wu", "ddar"),
    memory_gb: float = 6.0,
    on_row: Callable[[dict], None] | None = None,
    progress: bool = True,
    accept_pipeline: bool = False,
) -> list[dict]:
    """Run every task in a forked child (``jobs`` at a time), killing one that outlives
    ``hard_limit`` seconds (default 1.5 x timeout + 10 s). Rows come back in completion order."""
    ctx = mp.get_context("fork")
    hard = hard_limit if hard_limit is not None else 1.5 * timeout + 10
    pending = list(tasks)
    pending.reverse()
    running: dict = {}  # connection -> (task, process, started)
    rows: list[dict] = []
    total, done, bad = len(tasks), 0, 0
    t0 = time.monotonic()
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                task = pending.pop()
                if task.case.expect == "configuration":
                    condition_bank(task.case)  # once, in the parent: every child inherits it
                recv, send = ctx.Pipe(duplex=False)
                proc = ctx.Process(
                    target=_child, args=(task, timeout, portfolio_engines, memory_gb, accept_pipeline, send)
                )
                proc.start()
                send.close()
                running[recv] = (task, proc, time.monotonic())
            ready = wait_connections(list(running), timeout=0.2)
            now = time.monotonic()
            finished = []
            for conn in ready:
                task, proc, started = running[conn]
                try:
                    row = conn.recv()
                except (EOFError, OSError):
                    proc.join(timeout=5)
                    row = _crash_row(task, f"child died (exit {proc.exitcode})")
                finished.append((conn, row))
            for conn, (task, proc, started) in list(running.items()):
                if conn not in ready and now - started > hard:
                    _kill(proc)
                    finished.append(
                        (conn, _crash_row(task, f"killed after {now - started:.0f} s (hard limit)", status="killed"))
                    )
            for conn, row in finished:
                task, proc, started = running.pop(conn)
                proc.join(timeout=5)
                if proc.is_alive():
                    _kill(proc)
                conn.close()
                row.setdefault("wall", round(time.monotonic() - started, 3))
                rows.append(row)
                done += 1
                bad += row["verdict"] in ("false_proved", "failure")
                if on_row:
                    on_row(row)
                if progress:
                    flag = {"false_proved": "  <-- FALSE PROVED", "failure": "  <-- FAILURE (no configuration)"}.get(
                        row["verdict"], ""
                    )
                    print(
                        f"[{done}/{total} {time.monotonic() - t0:.0f}s bad={bad}] {row['engine']:9s} "
                        f"gate={'on ' if row['gate'] else 'off'} seed={row['seed']:<3} {row['status']:20s} "
                        f"{row['case'][:90]}{flag}",
                        file=sys.stderr,
                        flush=True,
                    )
    finally:
        for _task, proc, _started in running.values():
            _kill(proc)
    return rows


# ---- report ------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"platform": platform.platform(), "cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version()}


def git_state() -> dict:
    def git(*args: str) -> str:
        try:
            out = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT)
        except OSError:
            return ""
        return out.stdout.strip() if out.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "dirty": bool(dirty), "modified": dirty.splitlines()}


def _fmt_list(items) -> str:
    return "; ".join(str(i) for i in items) if items else "—"


def write_report(out_md: Path, rows: list[dict], cases: list[Case], meta: dict) -> None:
    out_md.parent.mkdir(parents=True, exist_ok=True)
    by_name = {c.name: c for c in cases}
    rows = sorted(
        rows,
        key=lambda r: (
            KINDS.index(r["kind"]) if r["kind"] in KINDS else 9,
            r["case"],
            r["seed"],
            r["engine"],
            r["gate"],
        ),
    )
    false_proved = [r for r in rows if r["verdict"] == "false_proved"]
    failures = [r for r in rows if r["verdict"] == "failure"]
    json_path = out_md.with_suffix(".json")
    json_path.write_text(
        json.dumps({"meta": meta, "cases": [c.summary() for c in cases], "rows": rows}, indent=1, default=str)
    )
    m, g = meta["machine"], meta["git"]
    md = [
        "# Soundness suite: statements that must not be proved",
        "",
        f"- date: {meta['date']}",
        f"- machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; Python {m['python']}",
        f"- commit: {g['commit']} "
        + (f"(dirty tree: {', '.join(x.split()[-1] for x in g['modified'])})" if g["dirty"] else "(clean tree)"),
        f"- command: `{meta['command']}`",
        f"- cases: {meta['case_counts']}; generated in {meta['generation_seconds']:.1f} s ("
        + ", ".join(f"{k} {v:.1f} s" for k, v in meta.get("generation_timings", {}).items())
        + ")",
        f"- seeds: {meta['seeds_text']}; engines: {', '.join(meta['engines'])}; timeout {meta['timeout']:g} s "
        f"(hard kill at {meta['hard_limit']:g} s); jobs {meta['jobs']}; sweep {meta['sweep_seconds']:.0f} s",
        f"- rows: {len(rows)}; **false PROVED: {len(false_proved)}**; **config failures (PROVED without a "
        f"configuration condition, or with a refuted one): {len(failures)}**",
        "",
        "Gate *off* = `numeric_gate=False` (the engine may not answer from the numeric diagram alone); "
        "*on* = the normal path. Mutants and probes must never be PROVED; a config case drawn where its "
        "goal holds may be PROVED only with a configuration condition, and drawn where it fails "
        "(`@fails`, gate off) never.",
        "",
        "## Counts per kind × engine × gate",
        "",
        "| kind | engine | gate | " + " | ".join(STATUSES) + " | false PROVED | failures |",
        "|---|---|---|" + "---|" * (len(STATUSES) + 2),
    ]
    groups: dict[tuple, Counter] = defaultdict(Counter)
    for r in rows:
        key = (r["kind"], r["engine"], "on" if r["gate"] else "off")
        groups[key][r["status"]] += 1
        groups[key]["_" + r["verdict"]] += 1
    for key in sorted(groups, key=lambda k: (KINDS.index(k[0]) if k[0] in KINDS else 9, k[1], k[2])):
        c = groups[key]
        md.append(
            f"| {key[0]} | {key[1]} | {key[2]} | "
            + " | ".join(str(c.get(s, 0)) for s in STATUSES)
            + f" | {c.get('_false_proved', 0)} | {c.get('_failure', 0)} |"
        )
    seconds = defaultdict(list)
    for r in rows:
        if "seconds" in r:
            seconds[r["engine"]].append(r["seconds"])
    if seconds:
        md += [
            "",
            "Engine seconds per run: "
            + "; ".join(
                f"{e}: mean {np.mean(v):.2f}, max {max(v):.1f} ({len(v)} runs)" for e, v in sorted(seconds.items())
            ),
        ]

    md += [
        "",
        f"## False PROVED ({len(false_proved)} runs)",
        "",
        "Grouped by case, engine and gate (seeds listed); every run is in the JSON. A config case is here "
        "when another figure of its construction refutes the printed theorem: the goal fails there although "
        "every stated configuration condition and every printed NDG holds.",
        "",
    ]
    if false_proved:
        md += [
            "| case | engine | gate | seeds | goal | holds in diagram | configuration | counterexample | "
            "NDGs (first seed) | problem |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for (case, eng, gate), group in _grouped(false_proved):
            text = by_name[case].problem.to_text() if case in by_name else ""
            r = group[0]
            counter = next((_used_counter(x) for x in group if _used_counter(x)), None)
            md.append(
                f"| {case} | {eng} | {'on' if gate else 'off'} | {_seeds(group)} | `{r['goal']}` | "
                f"{_fmt_list(sorted({str(x.get('goal_holds')) for x in group}))} | "
                f"{_fmt_list(r.get('configuration') or r.get('pipeline_configuration'))} | "
                f"{_counter_text(counter)} | {_fmt_list(r.get('ndg'))} | `{text}` |"
            )
    else:
        md.append("None.")
    md += [
        "",
        f"## Config failures: PROVED without a configuration condition, or probably refuted ({len(failures)} runs)",
        "",
    ]
    if failures:
        piped = sum(bool(r.get("pipeline_configuration")) for r in failures)
        md += [
            f"Grouped by case and engine (seeds listed). The portfolio (`state_configuration`) would attach a "
            f"condition to {piped} of these {len(failures)} proofs (last column, first seed; "
            f"`--accept-pipeline-configuration` counts those). 'Probable counterexample': a figure where the "
            f"goal fails, the stated conditions hold and no NDG that could be read is violated (those that "
            f"could not be read are listed).",
            "",
            "| case | engine | seeds | goal | configuration (first seed) | probable counterexample | "
            "NDGs (first seed) | the portfolio would add |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for (case, eng, _gate), group in _grouped(failures):
            r = group[0]
            counter = next((_used_counter(x) for x in group if _used_counter(x)), None)
            md.append(
                f"| {case} | {eng} | {_seeds(group)} | `{r['goal']}` | {_fmt_list(r.get('configuration'))} | "
                f"{_counter_text(counter)} | {_fmt_list(r.get('ndg'))} | "
                f"{_fmt_list(r.get('pipeline_configuration'))} |"
            )
    else:
        md.append("None.")
    words = [r for r in rows if r.get("words_counterexample")]
    md += [
        "",
        f"## Configuration conditions that do not single out a configuration ({len(words)} runs)",
        "",
        "A figure of the same construction (other seeds, 16 configurations each) in which every stated "
        "configuration condition holds (the engine's own, or the portfolio's `state_configuration` for an "
        "engine that states none) and the goal is false. NDGs are not consulted here: they may exclude the "
        "figure (a Wu branch factor, a DDAR 'as drawn' angle), so this alone is not a false proof, but the "
        "words do not say which configuration the theorem is about.",
        "",
    ]
    if words:
        md += [
            "| case | engine | seeds | goal | condition (first seed) | counterexample to the words | "
            "full theorem (NDGs too) |",
            "|---|---|---|---|---|---|---|",
        ]
        for (case, eng, _gate), group in _grouped(words):
            r = group[0]
            shown = r.get("configuration") or r.get("pipeline_configuration")
            full = next((_used_counter(x) for x in group if _used_counter(x)), None)
            md.append(
                f"| {case} | {eng} | {_seeds(group)} | `{r['goal']}` | {_fmt_list(shown)} | "
                f"{_counter_text(r['words_counterexample'])} | "
                f"{'refuted: ' + _counter_text(full) if full else 'no counterexample (NDGs exclude them)'} |"
            )
    else:
        md.append("None.")
    both = _both_proved(rows)
    md += [
        "",
        f"## Both goals of a config pair proved at the same seed ({len(both)} pair × seed × engine)",
        "",
        "Each goal is drawn in its own configuration, so this is sound only when both proofs carry a "
        "configuration condition.",
        "",
    ]
    if both:
        groups2: dict[tuple, list] = defaultdict(list)
        for pair, seed, eng, goals, confs in both:
            groups2[(pair, eng, " / ".join("`" + x + "`" for x in sorted(goals)))].append((seed, confs))
        md += [
            "| pair | engine | goals | seeds | seeds where a proof lacks a configuration condition |",
            "|---|---|---|---|---|",
        ]
        for (pair, eng, goals), items in sorted(groups2.items()):
            lacking = [seed for seed, confs in items if not all(confs)]
            md.append(
                f"| {pair} | {eng} | {goals} | {_seed_text([x[0] for x in items])} | "
                f"{_seed_text(lacking) if lacking else 'none'} |"
            )
    else:
        md.append("None.")
    odd = [r for r in rows if r["status"] in ("error", "killed")]
    md += ["", f"## Errors and killed runs ({len(odd)})", ""]
    for r in odd[:60]:
        md.append(
            f"- {r['case']} seed {r['seed']} {r['engine']} gate {'on' if r['gate'] else 'off'}: "
            f"{r['status']}: {r.get('message', '')[:160]}"
        )
    if len(odd) > 60:
        md.append(f"- … {len(odd) - 60} more in {json_path.name}")
    out_md.write_text("\n".join(md) + "\n")


def _used_counter(row: dict) -> dict | None:
    """The counterexample the verdict used (to the engine's own printed theorem, or with
    --accept-pipeline-configuration to it with the portfolio's conditions added)."""
    return row.get("used_counterexample")


def _counter_text(counter: dict | None) -> str:
    if not counter:
        return "—"
    r = counter.get("goal_residual")
    text = (
        f"seed {counter['seed']} configuration {counter['configuration']}: "
        f"{'; '.join(counter['conditions'])} hold, goal residual {r:.2g}"
        if r is not None
        else f"seed {counter['seed']} configuration {counter['configuration']}"
    )
    if counter.get("unevaluated"):
        text += f"; NDGs not read: {'; '.join(counter['unevaluated'])}"
    return text


def _grouped(rows: list[dict]) -> list[tuple[tuple, list[dict]]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["case"], r["engine"], r["gate"])].append(r)
    return sorted(groups.items(), key=lambda kv: (str(kv[0][0]), kv[0][1], kv[0][2]))


def _seed_text(seeds: list[int]) -> str:
    seeds = sorted(set(seeds))
    return ",".join(map(str, seeds)) if seeds else "—"


def _seeds(group: list[dict]) -> str:
    return _seed_text([r["seed"] for r in group])


def _both_proved(rows: list[dict]) -> list[tuple]:
    proved: dict[tuple, dict[str, list[str]]] = defaultdict(dict)
    for r in rows:
        if r["kind"] == "config" and r["draw"] == "goal" and r["pair"] and r["status"] == "proved":
            proved[(r["pair"], r["seed"], r["engine"])][r["goal"]] = r.get("configuration") or []
    return [(k[0], k[1], k[2], list(v), list(v.values())) for k, v in sorted(proved.items(), key=str) if len(v) >= 2]


# ---- CLI ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
    )
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS), help="bundled sets, comma-separated")
    ap.add_argument("--limit", type=int, default=None, help="only the first N problems of each set")
    ap.add_argument("--kinds", default=",".join(KINDS), help="mutant,probe,config (default all)")
    ap.add_argument("--seeds", type=int, default=30, help="run seeds 0..N-1 (default 30)")
    ap.add_argument("--seed-list", default="", help="explicit comma-separated seeds (overrides --seeds)")
    ap.add_argument("--engines", default="wu,ddar", help="engines to run: wu,ddar,aux (default wu,ddar)")
    ap.add_argument("--timeout", type=float, default=10.0, help="engine timeout per run, seconds (default 10)")
    ap.add_argument(
        "--hard-limit", type=float, default=None, help="kill a run after this many seconds (default 1.5 x timeout + 10)"
    )
    ap.add_argument("--mutants", type=int, default=3, help="goal mutants per problem (default 3)")
    ap.add_argument("--probes", type=int, default=3, help="degenerate probes per problem (default 3)")
    ap.add_argument("--pairs", type=int, default=1, help="aconst θ/180°−θ pairs per bundled problem (default 1)")
    ap.add_argument(
        "--branch", type=int, default=1, help="one-branch para/perp/cong goals per bundled problem (default 1)"
    )
    ap.add_argument(
        "--filter-seeds",
        type=int,
        default=3,
        help="seeds 0..N-1 at which a mutant must be false in every configuration (default 3)",
    )
    ap.add_argument(
        "--gate",
        choices=("case", "off", "on", "both"),
        default="case",
        help="numeric_gate values: per case (mutants off; probes off and on; config as described), or forced for all",
    )
    ap.add_argument(
        "--portfolio",
        type=int,
        default=0,
        help="also run the whole pipeline (run_portfolio with --engines) on N cases of each kind "
        "(spread evenly over the kind)",
    )
    ap.add_argument("--portfolio-seeds", type=int, default=2, help="seeds of the portfolio sample (default 2)")
    ap.add_argument(
        "--accept-pipeline-configuration",
        action="store_true",
        help="count a config PROVED as fine when the portfolio would attach a configuration "
        "condition to the engine's proof (default: the engine's Proof.configuration only)",
    )
    ap.add_argument("--only", default="", help="only cases whose name contains one of these (comma-separated) texts")
    ap.add_argument("--jobs", type=int, default=1, help="runs at a time (default 1)")
    ap.add_argument("--memory-gb", type=float, default=6.0, help="address-space limit per run (0: none)")
    ap.add_argument(
        "--out",
        default=str(RESULTS / "soundness.md"),
        help="Markdown summary; .json (all rows) and .jsonl (progress, for --resume) alongside",
    )
    ap.add_argument("--resume", action="store_true", help="skip runs already in the .jsonl of --out")
    ap.add_argument("--list", action="store_true", help="print the generated cases and exit")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    kinds = [k for k in args.kinds.split(",") if k]
    for k in kinds:
        if k not in KINDS:
            raise SystemExit(f"unknown kind '{k}' (choose from {', '.join(KINDS)})")
    engines = [e for e in args.engines.split(",") if e]
    for e in engines:
        try:
            engine_function(e)
        except GeoproverError as why:
            raise SystemExit(str(why)) from None
    seeds = [int(s) for s in args.seed_list.split(",") if s] if args.seed_list else list(range(args.seeds))
    t0 = time.monotonic()
    timings: dict[str, float] = {}
    cases = generate(
        sets,
        args.limit,
        kinds,
        args.mutants,
        args.probes,
        args.pairs,
        args.branch,
        filter_seeds=range(args.filter_seeds),
        timings=timings,
    )
    gen_seconds = time.monotonic() - t0
    if args.only:
        wanted = [w for w in args.only.split(",") if w]
        cases = [c for c in cases if any(w in c.name for w in wanted)]
    counts = Counter(c.kind for c in cases)
    per_family = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
    print(f"generated {len(cases)} cases ({dict(counts)}) in {gen_seconds:.1f} s ({per_family})", file=sys.stderr)
    if args.list:
        for c in cases:
            print(f"{c.kind}\t{c.name}\t{c.problem.goal}\t{c.origin}")
        return 0
    tasks = make_tasks(cases, seeds, engines, args.gate, args.portfolio, args.portfolio_seeds)
    out_md = Path(args.out)
    out_md.parent.mkdir(parents=True, exist_ok=True)
    jsonl = out_md.with_suffix(".jsonl")
    old: list[dict] = []
    if args.resume and jsonl.exists():
        old = [json.loads(line) for line in jsonl.read_text().splitlines() if line.strip()]
        keys = {f"{r['case']}|{r['seed']}|{r['engine']}|{int(r['gate'])}" for r in old}
        wanted = {t.key for t in tasks}
        old = [r for r in old if f"{r['case']}|{r['seed']}|{r['engine']}|{int(r['gate'])}" in wanted]
        tasks = [t for t in tasks if t.key not in keys]
        print(f"resuming: {len(old)} runs already done, {len(tasks)} to go", file=sys.stderr)
    elif jsonl.exists():
        jsonl.unlink()
    print(
        f"{len(tasks)} runs: {len(cases)} cases x {len(seeds)} seeds x {engines} "
        f"(timeout {args.timeout:g} s, jobs {args.jobs})",
        file=sys.stderr,
    )
    warm_up(engines)
    sink = jsonl.open("a")

    def on_row(row: dict) -> None:
        sink.write(json.dumps(row, default=str) + "\n")
        sink.flush()

    t1 = time.monotonic()
    portfolio_engines = tuple(e for e in engines if e != "portfolio") or ("wu", "ddar")
    try:
        rows = old + run_tasks(
            tasks,
            args.timeout,
            args.jobs,
            args.hard_limit,
            portfolio_engines,
            args.memory_gb,
            on_row,
            accept_pipeline=args.accept_pipeline_configuration,
        )
    finally:
        sink.close()
    hard = args.hard_limit if args.hard_limit is not None else 1.5 * args.timeout + 10
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "git": git_state(),
        "command": "python "
        + " ".join(shlex.quote(a) for a in [sys.argv[0]] + (argv if argv is not None else sys.argv[1:])),
        "case_counts": dict(counts),
        "generation_seconds": gen_seconds,
        "generation_timings": timings,
        "seeds": seeds,
        "seeds_text": (f"0..{seeds[-1]}" if seeds and seeds == list(range(len(seeds))) else ",".join(map(str, seeds))),
        "engines": engines + (["portfolio"] if args.portfolio else []),
        "timeout": args.timeout,
        "hard_limit": hard,
        "jobs": args.jobs,
        "sweep_seconds": time.monotonic() - t1,
        "args": vars(args),
    }
    write_report(out_md, rows, cases, meta)
    bad = [r for r in rows if r["verdict"] in ("false_proved", "failure")]
    statuses = Counter(r["status"] for r in rows)
    print(
        f"{len(rows)} runs: {dict(statuses)}; false PROVED {sum(r['verdict'] == 'false_proved' for r in rows)}, "
        f"config failures {sum(r['verdict'] == 'failure' for r in rows)}; report {out_md}",
        file=sys.stderr,
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
