"""``prove``: DDAR on a problem, from the drawn figure to a checked, pruned, printed proof."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Problem
from ..numeric.degeneracy import degeneracy
from ..proof import ERROR, FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof, state_configuration, state_false
from ..timing import Deadline
from .conditions import goal_conditions, side_conditions, verify
from .engine import Engine
from .nodes import SoundnessError
from .prune import prune
from .render import render
from .trace import minimize

if TYPE_CHECKING:
    from ..numeric.diagram import Diagram


def build(problem: Problem, diagram: Diagram) -> Engine:
    """An engine holding the problem's construction facts (not yet saturated)."""
    engine = Engine(diagram.coords, diagram.scale)
    for clause in problem.clauses:
        engine.add_clause(clause)
    return engine


def prove(
    problem: Problem,
    diagram: Diagram | None = None,
    timeout: float = 300.0,
    strict: bool = False,
    prune_budget: float = 5.0,
    numeric_gate: bool = True,
    lemmas: tuple = (),
) -> Proof:
    """Saturate the problem's facts until its goal follows; the proof keeps only needed steps,
    and then (within ``prune_budget`` seconds) no step the rest of the proof does not need.

    A derived fact false in the diagram is a soundness bug: with ``strict`` (tests) it raises
    SoundnessError, otherwise the result is ERROR with a message saying so, never PROVED.
    ``numeric_gate=False`` skips the early "goal false in the diagram" answer (soundness suite).
    ``lemmas`` (each with ``pred`` and ``conditions``: facts proved by Wu's method) are stated
    before saturation; a proof that uses one cites it and prints its conditions.
    """
    deadline = Deadline.after(timeout)
    goal_text = str(problem.goal) if problem.goal is not None else ""
    proof = Proof(problem.name, goal_text, "ddar", NOT_PROVED)
    try:
        if diagram is None:
            from ..numeric.diagram import draw

            diagram = draw(problem, seed=0)
        if problem.goal is None:
            proof.status, proof.message = ERROR, "the problem has no goal"
            return proof
        if numeric_gate and diagram.goal_holds() is False:
            return state_false(proof, diagram)
        degenerate = degeneracy(problem.goal, diagram.coords, diagram.scale)
        if degenerate:  # a statement about degenerate objects is false, never vacuously true
            proof.status, proof.message = FALSE, f"the goal is degenerate: {degenerate}"
            return proof
        engine = build(problem, diagram)
        for lemma in lemmas:
            engine.add_lemma(lemma.pred, lemma.conditions)
        outcome = engine.saturate(problem.goal, deadline)
        verdict_seconds = deadline.elapsed()  # the rest is trace-back, minimisation and checks
        db = engine.db
        derived = sum(1 for n in db.known.values() if n.rule != "given")
        proof.certificate = {
            "facts": len(db.known),
            "derived": derived,
            "nodes": len(db.nodes),
            "angle_equations": db.angles.equations,
            "ratio_equations": db.ratios.equations,
            "rounds": outcome.rounds,
            "verdict_seconds": round(verdict_seconds, 4),
        }
        if outcome.status == "proved":
            minimize(db, outcome.goal_nodes)
            before = len(render(db, goal_text, outcome.goal_nodes)[1])
            # never past the time limit
            goal_nodes = prune(db, problem.goal, outcome.goal_nodes, budget=deadline.within(prune_budget))
            bad = verify(db, goal_nodes, problem.goal)
            if bad:
                raise SoundnessError(f"proof steps false in the diagram: {bad}")
            steps, records = render(db, goal_text, goal_nodes)
            proof.status, proof.steps, proof.readable = PROVED, steps, True
            if diagram.choices or diagram.state is not None:  # a figure drawn from the problem
                state_configuration(proof, diagram)
            proof.ndg = goal_conditions(problem.goal) + side_conditions(goal_nodes)
            proof.certificate.update(
                {"proof": records, "proof_length": len(records), "pruned_steps": before - len(records)}
            )
        elif outcome.status == "timeout":
            proof.status, proof.message = TIMEOUT, f"no proof within {timeout:.0f} s"
        else:
            proof.message = "saturated: nothing new follows"
    except SoundnessError as why:
        if strict:
            raise
        proof.status, proof.message = ERROR, f"soundness bug, no proof reported: {why}"
    except Exception as why:  # a drawing or engine failure is reported, not raised
        proof.status, proof.message = ERROR, f"{type(why).__name__}: {why}"
    finally:
        proof.seconds = deadline.elapsed()
    return proof
