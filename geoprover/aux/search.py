"""Auxiliary-point search: when DDAR saturates without the goal, add constructions and rerun.

Rounds of a beam search: each state is a saturated DDAR engine plus the auxiliary clauses that
built it; a state grows by one candidate at a time (the engine is copied and only the new clause
is added, so what was derived is kept), and the states that taught DDAR most survive to the next
round. Every round also tries the best few candidates together. When the rounds run out, the
search restarts with another random tie-break until the time is up.
"""
from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field

import numpy as np

from ..language.problem import Clause, Predicate, Problem
from ..numeric.diagram import Diagram
from ..proof import FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof
from .candidates import Candidate, generate
from .figure import read_figure

WIDTH = 40          # candidates tried from each state
BEAM = 3            # states kept for the next round
DEPTH = 2           # auxiliary points on top of each other
BATCH = 6           # candidates tried together
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


def _extend(problem: Problem, state: State, cands: list[Candidate]) -> State:
    engine = copy.deepcopy(state.engine)
    coords = dict(state.coords)
    facts = list(state.facts)
    for c in cands:
        coords.update(c.coords)
        engine.add_clause(c.clause, coords)
        facts += c.facts
    return State(engine, coords, facts, state.aux + cands)


def search(problem: Problem, diagram: Diagram, deadline: float, seed: int = 0, build=None) -> SearchResult:
    """Find auxiliary clauses after which DDAR derives the goal."""
    from .. import ddar
    build = build or ddar.build
    start = time.monotonic()
    goal = problem.goal
    base_engine = build(problem, diagram)
    outcome = base_engine.saturate(goal, _run_deadline(deadline))
    runs = 1
    if outcome.status == "proved":
        return SearchResult(PROVED, [], runs, time.monotonic() - start)
    base = State(base_engine, dict(diagram.coords), list(diagram.facts))
    restart = 0
    while time.monotonic() < deadline:
        rng = np.random.default_rng([seed, restart])
        frontier = [base]
        for depth in range(DEPTH):
            scored: list[State] = []
            for state in frontier:
                fig = read_figure(state.coords, state.facts, goal)
                extended = problem.with_clauses([c.clause for c in state.aux]) if state.aux else problem
                cands = generate(extended, state.coords, fig, rng, limit=WIDTH * 3)
                tries = ([cands[:BATCH]] if len(cands) > 1 else []) + [[c] for c in cands[:WIDTH]]
                for group in tries:
                    if time.monotonic() >= deadline:
                        return SearchResult(TIMEOUT, [], runs, time.monotonic() - start)
                    group = _fresh_names(group, state)
                    nxt = _extend(extended, state, group)
                    before = len(nxt.engine.db.known)
                    out = nxt.engine.saturate(goal, _run_deadline(deadline))
                    runs += 1
                    if out.status == "proved":
                        needed, extra = _minimal(base, nxt.aux, goal, deadline, len(group) > 1)
                        return SearchResult(PROVED, needed, runs + extra, time.monotonic() - start)
                    nxt.gain = len(nxt.engine.db.known) - before + sum(c.score for c in group) / len(group)
                    if len(group) == 1:
                        scored.append(nxt)
            scored.sort(key=lambda s: -s.gain)
            frontier = scored[:BEAM]
            if not frontier:
                break
        restart += 1
    return SearchResult(TIMEOUT, [], runs, time.monotonic() - start)


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
        trial = _extend(None, base, rest)
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


def prove(problem: Problem, diagram: Diagram | None = None, timeout: float = 300.0, seed: int = 0) -> Proof:
    """DDAR, then DDAR with auxiliary points; the proof lists the points it added."""
    from .. import ddar
    from ..numeric.diagram import draw
    start = time.monotonic()
    diagram = diagram or draw(problem, seed)
    if diagram.goal_holds() is False:
        return Proof(problem.name, str(problem.goal), "ddar+aux", FALSE, message="the goal is false in the diagram")
    result = search(problem, diagram, start + timeout, seed)
    if result.status != PROVED:
        return Proof(problem.name, str(problem.goal), "ddar+aux", result.status if result.status == TIMEOUT else NOT_PROVED,
                     time.monotonic() - start, certificate={"ddar_runs": result.runs},
                     message=f"no proof after {result.runs} DDAR runs")
    extended = problem.with_clauses([c.clause for c in result.aux])
    coords = dict(diagram.coords)
    facts = list(diagram.facts)
    for c in result.aux:
        coords.update(c.coords)
        facts += c.facts
    ext_diagram = Diagram(extended, coords, diagram.seed, diagram.attempts, diagram.scale, facts)
    proof = ddar.prove(extended, ext_diagram, timeout=max(1.0, start + timeout - time.monotonic()))
    proof.engine = "ddar+aux" if result.aux else "ddar"
    proof.problem = problem.name
    proof.aux = [c.text for c in result.aux]
    proof.certificate = {**proof.certificate, "ddar_runs": result.runs + 1}
    proof.seconds = time.monotonic() - start
    return proof
