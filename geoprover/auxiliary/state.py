"""A state of the auxiliary-point search: a saturated DDAR engine, the figure it was built on, and
the auxiliary candidates added to the problem to build it."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..catalogue import complete_call
from ..model import Clause, Predicate
from .candidates import Candidate, fresh_name

if TYPE_CHECKING:
    from ..ddar import Engine


@dataclass
class State:
    engine: Engine
    coords: dict[str, np.ndarray]
    facts: list[Predicate]
    aux: list[Candidate] = field(default_factory=list)
    gain: float = 0.0  # what the last candidates taught DDAR (new facts, plus their scores)
    lemmas: list = field(default_factory=list)  # algebraic lemmas stated in the engine (lemmas.Lemma)


def extend(state: State, cands: list[Candidate]) -> State:
    """A copy of the state with the candidates' clauses added (what was derived is kept)."""
    engine = copy.deepcopy(state.engine)
    coords = dict(state.coords)
    facts = list(state.facts)
    for c in cands:
        coords.update(c.coords)
        engine.add_clause(c.clause, coords)
        facts += c.facts
    return State(engine, coords, facts, state.aux + cands, lemmas=list(state.lemmas))


def with_fresh_names(group: list[Candidate], state: State) -> list[Candidate]:
    """Candidates are generated with the same fresh name; give each its own before adding them together."""
    if len(group) == 1:
        return group
    used = set(state.coords)
    out = []
    for c in group:
        name = fresh_name(used)
        used.add(name)
        rename = {c.point: name}
        calls = tuple(
            complete_call(k.name, [rename.get(a, a) for a in k.args], (name,), "auxiliary")
            for k in c.clause.constructions
        )
        clause = Clause((name,), calls, (), c.clause.index)
        out.append(
            Candidate(
                c.kind,
                str(clause),
                name,
                c.builds_from,
                clause,
                {name: c.coords[c.point]},
                [f.rename(rename) for f in c.facts],
                c.lands_on,
                c.score,
            )
        )
    return out
