"""Auxiliary-point search: when DDAR saturates without the goal, add constructions and rerun.

Each state is a saturated DDAR engine plus the auxiliary clauses that built it; a state grows by
copying the engine and adding only the new clause, so what was derived is kept. `Search` runs the
phases in order, each one method:

0. ``ddar_alone``: DDAR on the problem as it is (without, then with, its last-resort rules);
1. ``single_points``: every candidate alone, best first (with a batch of the next few now and then),
   for at most half the time;
2. ``algebraic_lemmas``: facts of the figure DDAR did not reach, proved by Wu's method (at most
   MAX_LEMMAS, ``lemmas.py``), are stated in the base state; then the single points go on (from the
   top when lemmas were added);
3. ``second_points``: on the states that taught DDAR most, a second point, best first;
4. ``random_batches``: until the time is up, random batches drawn from the best candidates;

and once a state proves the goal, ``minimal`` drops the auxiliary points the proof does not need.

A second worker (``worker=1``, started by the portfolio on the core Wu's method leaves free) runs
the same phases over the same candidates in another order: the pool from its middle on, the kept
states from the last one back, and its own random batches; the two searches need not talk.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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
from .lemmas import Lemma, prove_lemma
from .lemmas import candidates as lemma_candidates
from .state import State, extend, with_fresh_names

if TYPE_CHECKING:
    from ..ddar import Engine

LIMIT = 600  # candidates tried alone, best first
WIDTH = 80  # second points tried on each kept state
BEAM = 12  # states that get a second point
BATCH = 6  # candidates tried together
TOP = 120  # random batches are drawn from this many best candidates
PER_RUN = 20.0  # seconds one DDAR run may take
PURE_SHARE = 0.5  # of the time left after DDAR alone, for single points before any lemma
MAX_LEMMAS = 3  # algebraic lemmas a proof may cite
LEMMA_SHARE = 0.25  # of the time left, for proving lemmas


@dataclass
class SearchResult:
    status: str
    aux: list[Candidate]
    runs: int
    seconds: float
    rejected: int = 0  # extended databases dropped because they derived a fact the figure refutes
    lemmas: list[Lemma] = field(default_factory=list)  # algebraic lemmas stated in the proving state


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
        lemmas: bool = True,
    ) -> None:
        self.problem, self.diagram, self.deadline = problem, diagram, deadline
        self.worker = worker
        self.use_lemmas = lemmas
        self.next_single = 0  # the next candidate of the pool for single_points
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
        pure = self.deadline.within(PURE_SHARE * self.deadline.left()) if self.use_lemmas else self.deadline
        for phase in (
            lambda: self.single_points(pure),
            self.algebraic_lemmas,
            self.single_points,
            self.second_points,
            self.random_batches,
        ):
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

    def single_points(self, until: Deadline | None = None) -> State | None:
        """Every candidate alone, best first, and every BATCH-th one with the next BATCH together;
        from where the last call stopped (``until``: stop then, to go on later)."""
        until = until or self.deadline
        base = self.base
        if not self.pool:
            self.pool = self.candidates(base, LIMIT)
        pool = self.pool
        if self.worker:  # the other worker starts at the top: this one from the middle, then the top
            pool = pool[len(pool) // 2 :] + pool[: len(pool) // 2]
        for i in range(self.next_single, len(pool)):
            cand = pool[i]
            groups = [[cand]] + ([pool[i + 1 : i + 1 + BATCH]] if i % BATCH == 0 and i + 1 < len(pool) else [])
            for group in groups:
                if until.expired():
                    self.next_single = i
                    return None
                result = self.attempt(base, group)
                if not isinstance(result, _Tried):
                    return result
                if len(group) == 1 and result.state is not base:
                    self.tried.append(result.state)
        self.next_single = len(pool)
        return None

    def algebraic_lemmas(self) -> State | None:
        """Facts of the figure DDAR did not reach, proved by Wu's method on the clauses they depend
        on, stated in the base state one by one (a state that proves the goal with them is the
        answer); with any, the single points start again from the top on the new base."""
        if not self.use_lemmas or self.deadline.expired():
            return None
        budget = self.deadline.within(LEMMA_SHARE * self.deadline.left())
        base = self.base
        for pred in lemma_candidates(self.problem, base.engine, self.goal):
            if budget.expired() or len(base.lemmas) >= MAX_LEMMAS:
                break
            lemma = prove_lemma(self.problem, self.diagram, pred, budget)
            if lemma is None:
                continue
            self.runs += 1
            trial = extend(base, [])
            if not trial.engine.add_lemma(lemma.pred, lemma.conditions):
                continue  # it follows from the lemmas before it
            trial.lemmas = base.lemmas + [lemma]
            out = trial.engine.saturate(self.goal, run_deadline(self.deadline))
            base = trial
            if out.status == "proved":
                return trial
        if base is not self.base:
            self.base, self.next_single = base, 0
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
        return SearchResult(
            PROVED, keep, self.runs + extra, time.monotonic() - self.began, self.rejected, _union(found, self.base)
        )

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


def _union(found: State, base: State) -> list[Lemma]:
    """The lemmas of the proving state and of the base the minimal proof was rebuilt from."""
    return list({str(k.pred): k for k in found.lemmas + base.lemmas}.values())


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
