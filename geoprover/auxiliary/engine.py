"""The "aux" engine: DDAR, then DDAR with the auxiliary points the search finds."""

from __future__ import annotations

from .. import ddar
from ..model import Problem
from ..numeric.degeneracy import degeneracy
from ..numeric.diagram import Diagram, draw
from ..proof import FALSE, PROVED, Proof, state_configuration, state_false
from ..timing import Deadline
from .search import search


def prove(
    problem: Problem,
    diagram: Diagram | None = None,
    timeout: float = 300.0,
    seed: int = 0,
    numeric_gate: bool = True,
    worker: int = 0,
) -> Proof:
    """DDAR, then DDAR with auxiliary points; the proof lists the points it added.

    ``numeric_gate=False`` skips the early "goal false in the diagram" answer (soundness suite);
    a degenerate goal is refused either way. ``worker=1`` searches the candidates in the second
    worker's order (``search.Search``).
    """
    deadline = Deadline.after(timeout)
    diagram = diagram or draw(problem, seed)
    if numeric_gate and diagram.goal_holds() is False:
        return state_false(Proof(problem.name, str(problem.goal), "ddar+aux", FALSE), diagram)
    degenerate = problem.goal is not None and degeneracy(problem.goal, diagram.coords, diagram.scale)
    if degenerate:
        return Proof(
            problem.name, str(problem.goal), "ddar+aux", FALSE, message=f"the goal is degenerate: {degenerate}"
        )
    result = search(problem, diagram, deadline, seed, worker=worker)
    if result.status != PROVED:
        return Proof(
            problem.name,
            str(problem.goal),
            "ddar+aux",
            result.status,
            deadline.elapsed(),
            certificate={"ddar_runs": result.runs, "rejected_states": result.rejected},
            message=f"no proof after {result.runs} DDAR runs",
        )
    extended = problem.with_clauses([c.clause for c in result.aux])
    coords = {**diagram.coords, **{k: v for c in result.aux for k, v in c.coords.items()}}
    facts = diagram.facts + [f for c in result.aux for f in c.facts]
    ext_diagram = Diagram(extended, coords, diagram.seed, diagram.attempts, diagram.scale, facts)
    proof = ddar.prove(extended, ext_diagram, timeout=max(1.0, deadline.left()), lemmas=tuple(result.lemmas))
    proof.engine = "ddar+aux" if result.aux else "ddar"
    proof.problem = problem.name
    proof.aux = [c.text for c in result.aux]
    proof.certificate = {**proof.certificate, "ddar_runs": result.runs + 1, "rejected_states": result.rejected}
    if worker:
        proof.certificate["search_worker"] = worker
    cited = {r["fact"] for r in proof.certificate.get("proof", []) if r["rule"] == "algebraic_lemma"}
    proof.certificate["algebraic_lemmas"] = sorted(cited)
    if cited:  # the engine's name says the proof cites lemmas proved by Wu's method
        proof.engine += "+lemma"
    if proof.status == PROVED:  # the configurations are those of the problem's own figure
        proof.message = ""
        state_configuration(proof, diagram)
    proof.seconds = deadline.elapsed()
    return proof


def prove_second_worker(problem: Problem, diagram: Diagram | None = None, timeout: float = 300.0) -> Proof:
    """The aux engine as the search's second worker: the portfolio starts it on the core Wu's
    method leaves free once it has proved the goal without a readable proof."""
    return prove(problem, diagram, timeout, worker=1)
