"""Auxiliary-point search: when DDAR saturates without the goal, add constructions and rerun.

Each state is a saturated DDAR engine plus the auxiliary clauses that built it; a state grows by
copying the engine and adding only the new clause, so what was derived is kept. The search first
tries every candidate alone, then a second point on the states that taught DDAR most, then random
batches of good candidates until the time is up.
"""
from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field

import numpy as np

from ..model import Clause, Predicate, Problem
from ..numeric.diagram import Diagram
from ..numeric.geometry import Degenerate
from ..proof import FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof
from .candidates import Candidate, generate
from .figure import read_figure

LIMIT = 600         # candidates tried alone, best first
WIDTH = 80          # second points tried on each kept state
BEAM = 12           # states that get a second point
BATCH = 6           # candidates tried together
TOP = 120           # random batches are drawn from this many best candidates
PER_RUN = 20.0      # seconds one DDAR run may take


@dataclass
class State:
    engine: object
    coords: dict[str, np.ndarray]
    facts: list[Predicate]
    aux: list[Candidate] = field(default_factory=list)
    gain: float = 0.0


@dataclass
class SearchResult:
    status: str
    aux: list[Candidate]
    runs: int
    seconds: float
    rejected: int = 0   # extended databases dropped because they derived a fact the figure refutes


def _extend(state: State, cands: list[Candidate]) -> State:
    engine = copy.deepcopy(state.engine)
    coords = dict(state.coords)
    facts = list(state.facts)
    for c in cands:
        coords.update(c.coords)
        engine.add_clause(c.clause, coords)
        facts += c.facts
    return State(engine, coords, facts, state.aux + cands)


def search(problem: Problem, diagram: Diagram, deadline: float, seed: int = 0, build=None) -> SearchResult:
    """Find auxiliary clauses after which DDAR derives the goal.

    1. every candidate alone, best first (with a batch of the next few now and then);
    2. on the states that taught DDAR most, a second point, best first;
    3. until the time is up, random batches drawn from the best candidates.
    """
    from .. import ddar
    from ..ddar import SoundnessError
    build = build or ddar.build
    start = time.monotonic()
    goal = problem.goal
    base_engine = build(problem, diagram)
    base_engine.use_last_resort = False
    runs = 1
    if base_engine.saturate(goal, _run_deadline(deadline)).status == "proved":
        return SearchResult(PROVED, [], runs, time.monotonic() - start)
    # the search grows a copy saturated without the costly last-resort rules (law of sines): they
    # would swell every state it copies; DDAR alone still gets them first
    plain = copy.deepcopy(base_engine)
    base_engine.use_last_resort = True
    if base_engine.saturate(goal, _run_deadline(deadline)).status == "proved":
        return SearchResult(PROVED, [], runs, time.monotonic() - start)
    base = State(plain, dict(diagram.coords), list(diagram.facts))
    rng = np.random.default_rng(seed)
    rejected = 0

    def attempt(state: State, group: list[Candidate]) -> State | _Tried:
        nonlocal runs, rejected
        runs += 1
        try:
            nxt = _extend(state, _fresh_names(group, state))
            before = len(nxt.engine.db.known)
            out = nxt.engine.saturate(goal, _run_deadline(deadline))
        except (ArithmeticError, LookupError, ValueError, Degenerate):
            return _Tried(state)  # a candidate the engine cannot take is skipped, not fatal
        except SoundnessError:
            # the engine derived a fact the figure refutes: a DDAR bug, caught by its numeric guard.
            # That database is discarded (never a proof); the search goes on without it.
            rejected += 1
            return _Tried(state)
        nxt.gain = len(nxt.engine.db.known) - before + sum(c.score for c in group) / len(group)
        return nxt if out.status == "proved" else _Tried(nxt)

    def candidates(state: State, limit: int) -> list[Candidate]:
        fig = read_figure(state.coords, state.facts, goal)
        extended = problem.with_clauses([c.clause for c in state.aux]) if state.aux else problem
        return generate(extended, state.coords, fig, rng, limit=limit)

    def done(found: State) -> SearchResult:
        needed, extra = _minimal(base, found.aux, goal, deadline, len(found.aux) > 1)
        return SearchResult(PROVED, needed, runs + extra, time.monotonic() - start, rejected)

    pool = candidates(base, LIMIT)
    tried: list[State] = []
    for i, cand in enumerate(pool):
        groups = [[cand]] + ([pool[i + 1:i + 1 + BATCH]] if i % BATCH == 0 and i + 1 < len(pool) else [])
        for group in groups:
            if time.monotonic() >= deadline:
                return SearchResult(TIMEOUT, [], runs, time.monotonic() - start, rejected)
            result = attempt(base, group)
            if not isinstance(result, _Tried):
                return done(result)
            if len(group) == 1 and result.state is not base:
                tried.append(result.state)
    tried.sort(key=lambda s: -s.gain)
    for state in tried[:BEAM]:
        for cand in candidates(state, WIDTH):
            if time.monotonic() >= deadline:
                return SearchResult(TIMEOUT, [], runs, time.monotonic() - start, rejected)
            result = attempt(state, [cand])
            if not isinstance(result, _Tried):
                return done(result)
    top = pool[:TOP]
    while time.monotonic() < deadline and len(top) > 1:
        size = int(rng.integers(2, min(BATCH, len(top)) + 1))
        group = [top[k] for k in sorted(rng.choice(len(top), size=size, replace=False))]
        result = attempt(base, group)
        if not isinstance(result, _Tried):
            return done(result)
    return SearchResult(TIMEOUT if time.monotonic() >= deadline else NOT_PROVED, [], runs,
                        time.monotonic() - start, rejected)


@dataclass
class _Tried:
    """A state whose saturation did not reach the goal."""

    state: State


def _minimal(base: State, aux: list[Candidate], goal: Predicate, deadline: float, worth: bool
             ) -> tuple[list[Candidate], int]:
    """Drop auxiliary points the proof does not need (each check is one DDAR run from the base)."""
    if not worth:
        return aux, 0
    keep, runs = list(aux), 0
    for cand in reversed(aux):
        if time.monotonic() >= deadline:
            break
        rest = [c for c in keep if c is not cand]
        if any(cand.point in k.args for c in rest for k in c.clause.constructions):
            continue
        trial = _extend(base, rest)
        runs += 1
        if trial.engine.saturate(goal, _run_deadline(deadline)).status == "proved":
            keep = rest
    return keep, runs


def _fresh_names(group: list[Candidate], state: State) -> list[Candidate]:
    """Candidates are generated with the same fresh name; give each its own before adding them together."""
    if len(group) == 1:
        return group
    from ..catalogue import complete_call
    from .candidates import fresh_name
    used = set(state.coords)
    out = []
    for c in group:
        name = fresh_name(used)
        used.add(name)
        rename = {c.point: name}
        calls = tuple(complete_call(k.name, [rename.get(a, a) for a in k.args], (name,), "auxiliary")
                      for k in c.clause.constructions)
        clause = Clause((name,), calls, (), c.clause.index)
        out.append(Candidate(c.kind, str(clause), name, c.builds_from, clause,
                             {name: c.coords[c.point]}, [f.rename(rename) for f in c.facts], c.lands_on, c.score))
    return out


def _run_deadline(deadline: float) -> float:
    """The engine's saturate takes perf_counter deadlines."""
    return time.perf_counter() + max(0.0, min(deadline - time.monotonic(), PER_RUN))


def prove(problem: Problem, diagram: Diagram | None = None, timeout: float = 300.0, seed: int = 0,
          numeric_gate: bool = True) -> Proof:
    """DDAR, then DDAR with auxiliary points; the proof lists the points it added.

    ``numeric_gate=False`` skips the early "goal false in the diagram" answer (soundness suite);
    a degenerate goal is refused either way.
    """
    from .. import ddar
    from ..numeric.degeneracy import degeneracy
    from ..numeric.diagram import draw
    start = time.monotonic()
    diagram = diagram or draw(problem, seed)
    if numeric_gate and diagram.goal_holds() is False:
        return Proof(problem.name, str(problem.goal), "ddar+aux", FALSE, message="the goal is false in the diagram")
    degenerate = problem.goal is not None and degeneracy(problem.goal, diagram.coords, diagram.scale)
    if degenerate:
        return Proof(problem.name, str(problem.goal), "ddar+aux", FALSE, message=f"the goal is degenerate: {degenerate}")
    result = search(problem, diagram, start + timeout, seed)
    if result.status != PROVED:
        return Proof(problem.name, str(problem.goal), "ddar+aux", result.status, time.monotonic() - start,
                     certificate={"ddar_runs": result.runs, "rejected_states": result.rejected},
                     message=f"no proof after {result.runs} DDAR runs")
    extended = problem.with_clauses([c.clause for c in result.aux])
    coords = {**diagram.coords, **{k: v for c in result.aux for k, v in c.coords.items()}}
    facts = diagram.facts + [f for c in result.aux for f in c.facts]
    ext_diagram = Diagram(extended, coords, diagram.seed, diagram.attempts, diagram.scale, facts)
    proof = ddar.prove(extended, ext_diagram, timeout=max(1.0, start + timeout - time.monotonic()))
    proof.engine = "ddar+aux" if result.aux else "ddar"
    proof.problem = problem.name
    proof.aux = [c.text for c in result.aux]
    proof.certificate = {**proof.certificate, "ddar_runs": result.runs + 1, "rejected_states": result.rejected}
    proof.seconds = time.monotonic() - start
    return proof
