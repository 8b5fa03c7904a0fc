"""Auxiliary-point search: when DDAR saturates without the goal, add constructions and rerun.

Each state is a saturated DDAR engine plus the auxiliary clauses that built it; a state grows by
copying the engine and adding only the new clause, so what was derived is kept. `Search` runs the
phases in order, each one method:

0. ``ddar_alone``: DDAR on the problem as it is (without, then with, its last-resort rules);
1. ``single_points``: every candidate alone, best first (with a batch of the next few now and then);
2. ``second_points``: on the states that taught DDAR most, a second point, best first;
3. ``random_batches``: until the time is up, random batches drawn from the best candidates;

and once a state proves the goal, ``minimal`` drops the auxiliary points the proof does not need.

A second worker (``worker=1``, started by the portfolio on the core Wu's method leaves free) runs
the same phases over the same candidates in another order: the pool from its middle on, the kept
states from the last one back, and its own random batches; the two searches need not talk.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .. import ddar
from ..model import Problem
from ..numeric.diagram import Diagram
from ..numeric.geometry import Degenerate
from ..proof import NOT_PROVED, PROVED, TIMEOUT
from ..timing import Deadline
from .candidates import Candidate, generate
from .figure import read_figure
from .state import State, extend, with_fresh_names

if TYPE_CHECKING:
    from ..ddar import Engine

LIMIT = 600  # candidates tried alone, best first
WIDTH = 80  # second points tried on each kept state
BEAM = 12  # states that get a second point
BATCH = 6  # candidates tried together
TOP = 120  # random batches are drawn from this many best candidates
PER_RUN = 20.0  # seconds one DDAR run may take


@dataclass
class SearchResult:
    status: str
    aux: list[Candidate]
    runs: int
    seconds: float
    rejected: int = 0  # extended databases dropped because they derived a fact the figure refutes


@dataclass
class _Tried:
    """A state whose saturation did not reach the goal."""

    state: State


class Search:
    """One search for auxiliary clauses after which DDAR derives the goal.

    The phases share the base state, the random stream (candidates' tie-breaks and the random
    batches draw from it in phase order), the deadline and the counts of DDAR runs and of
    rejected states.
    """

    def __init__(
        self,
        problem: Problem,
        diagram: Diagram,
        deadline: Deadline,
        seed: int = 0,
        build: Callable[[Problem, Diagram], Engine] | None = None,
        worker: int = 0,
    ) -> None:
        self.problem, self.diagram, self.deadline = problem, diagram, deadline
        self.worker = worker
        self.goal = problem.goal
        self.build = build or ddar.build
        self.rng = np.random.default_rng(seed if worker == 0 else (seed, worker))
        self.began = time.monotonic()
        self.runs = 0
        self.rejected = 0
        self.base: State | None = None
        self.pool: list[Candidate] = []  # the base's candidates, best first (phases 1 and 3)
        self.tried: list[State] = []  # states of single candidates that did not prove (phase 2)
        self.drawn: dict = {}  # candidate templates drawn so far (every state grows the base figure)

    def run(self) -> SearchResult:
        """The phases in order until one proves the goal (then ``minimal``) or the time is up."""
        if self.ddar_alone():
            return self.result(PROVED)
        for phase in (self.single_points, self.second_points, self.random_batches):
            found = phase()
            if found is not None:
                return self.minimal(found)
            if self.deadline.expired():
                return self.result(TIMEOUT)
        return self.result(NOT_PROVED)

    # --- the phases --------------------------------------------------------------------------
    def ddar_alone(self) -> bool:
        """Whether DDAR proves the goal with no auxiliary point; otherwise the base state is set."""
        engine = self.build(self.problem, self.diagram)
        engine.use_last_resort = False
        self.runs = 1
        if engine.saturate(self.goal, run_deadline(self.deadline)).status == "proved":
            return True
        # the search grows a copy saturated without the costly last-resort rules (law of sines): they
        # would swell every state it copies; DDAR alone still gets them first
        plain = copy.deepcopy(engine)
        engine.use_last_resort = True
        if engine.saturate(self.goal, run_deadline(self.deadline)).status == "proved":
            return True
        self.base = State(plain, dict(self.diagram.coords), list(self.diagram.facts))
        return False

    def single_points(self) -> State | None:
        """Every candidate alone, best first, and every BATCH-th one with the next BATCH together."""
        base = self.base
        self.pool = pool = self.candidates(base, LIMIT)
        if self.worker:  # the other worker starts at the top: this one from the middle, then the top
            pool = pool[len(pool) // 2 :] + pool[: len(pool) // 2]
        for i, cand in enumerate(pool):
            groups = [[cand]] + ([pool[i + 1 : i + 1 + BATCH]] if i % BATCH == 0 and i + 1 < len(pool) else [])
            for group in groups:
                if self.deadline.expired():
                    return None
                result = self.attempt(base, group)
                if not isinstance(result, _Tried):
                    return result
                if len(group) == 1 and result.state is not base:
                    self.tried.append(result.state)
        return None

    def second_points(self) -> State | None:
        """A second point, best first, on each of the BEAM states that taught DDAR most."""
        self.tried.sort(key=lambda s: -s.gain)
        beam = self.tried[:BEAM] if not self.worker else self.tried[:BEAM][::-1]
        for state in beam:
            for cand in self.candidates(state, WIDTH):
                if self.deadline.expired():
                    return None
                result = self.attempt(state, [cand])
                if not isinstance(result, _Tried):
                    return result
        return None

    def random_batches(self) -> State | None:
        """Until the time is up: random batches of 2 to BATCH of the TOP best candidates."""
        top = self.pool[:TOP]
        while not self.deadline.expired() and len(top) > 1:
            size = int(self.rng.integers(2, min(BATCH, len(top)) + 1))
            group = [top[k] for k in sorted(self.rng.choice(len(top), size=size, replace=False))]
            result = self.attempt(self.base, group)
            if not isinstance(result, _Tried):
                return result
        return None

    def minimal(self, found: State) -> SearchResult:
        """The proof with the auxiliary points it does not need dropped (one DDAR run from the base each)."""
        keep, extra = list(found.aux), 0
        if len(found.aux) > 1:
            for cand in reversed(found.aux):
                if self.deadline.expired():
                    break
                rest = [c for c in keep if c is not cand]
                if any(cand.point in k.args for c in rest for k in c.clause.constructions):
                    continue
                trial = extend(self.base, rest)
                extra += 1
                if trial.engine.saturate(self.goal, run_deadline(self.deadline)).status == "proved":
                    keep = rest
        return SearchResult(PROVED, keep, self.runs + extra, time.monotonic() - self.began, self.rejected)

    # --- one step ----------------------------------------------------------------------------
    def candidates(self, state: State, limit: int) -> list[Candidate]:
        """The state's candidates, best first."""
        fig = read_figure(state.coords, state.facts, self.goal)
        extended = self.problem.with_clauses([c.clause for c in state.aux]) if state.aux else self.problem
        return generate(extended, state.coords, fig, self.rng, limit=limit, drawn=self.drawn)

    def attempt(self, state: State, group: list[Candidate]) -> State | _Tried:
        """The state with the group added and saturated: a State when it proves the goal."""
        self.runs += 1
        try:
            nxt = extend(state, with_fresh_names(group, state))
            before = len(nxt.engine.db.known)
            out = nxt.engine.saturate(self.goal, run_deadline(self.deadline))
        except (ArithmeticError, LookupError, ValueError, Degenerate):
            return _Tried(state)  # a candidate the engine cannot take is skipped, not fatal
        except ddar.SoundnessError:
            # the engine derived a fact the figure refutes: a DDAR bug, caught by its numeric guard.
            # That database is discarded (never a proof); the search goes on without it.
            self.rejected += 1
            return _Tried(state)
        nxt.gain = len(nxt.engine.db.known) - before + sum(c.score for c in group) / len(group)
        return nxt if out.status == "proved" else _Tried(nxt)

    def result(self, status: str) -> SearchResult:
        """No auxiliary points: DDAR alone proved the goal, or the search did not."""
        return SearchResult(status, [], self.runs, time.monotonic() - self.began, self.rejected)


def search(
    problem: Problem,
    diagram: Diagram,
    deadline: Deadline,
    seed: int = 0,
    build: Callable[[Problem, Diagram], Engine] | None = None,
    worker: int = 0,
) -> SearchResult:
    """Find auxiliary clauses after which DDAR derives the goal (the phases of `Search`)."""
    return Search(problem, diagram, deadline, seed, build, worker).run()


def run_deadline(deadline: Deadline) -> Deadline:
    """The deadline of one DDAR run: at most PER_RUN seconds, never past the search's deadline."""
    return deadline.within(PER_RUN)
