"""Wu's method on a problem: encode, triangulate, pseudo-divide the goal, check the NDG conditions."""

from __future__ import annotations

import time
from collections.abc import Callable

from ..catalogue import get_construction
from ..errors import GeoproverError
from ..model import Problem
from ..numeric.diagram import Diagram, draw
from ..proof import ERROR, FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof, state_configuration, state_false
from ..timing import Deadline, OutOfTime
from .algebra import Poly, Ring, TooLarge, Unclear
from .certificate import cert_lines, certificate_head
from .conditions import check_ndg, goal_degeneracy
from .encode import SQRT3, UNIT, Inexpressible
from .frame import Setup
from .triangulate import Chain, Member, reduce, triangulate_clause

ENGINE = "wu"
QUICK = 1.0  # seconds of exact division before the numeric screen is consulted


def prove(problem: Problem, diagram: Diagram | None = None, timeout: float = 300.0, numeric_gate: bool = True) -> Proof:
    """Wu's method on ``problem``; PROVED only with an exact zero remainder and NDGs non-zero.

    ``numeric_gate=False`` skips the early "goal false in the diagram" answer, so that the
    algebra alone is tested (the soundness suite): it must still refuse degenerate goals.
    """
    start = time.monotonic()
    goal_text = str(problem.goal) if problem.goal is not None else ""
    proof = Proof(problem.name, goal_text, ENGINE, NOT_PROVED)

    def done(status: str, message: str = "") -> Proof:
        proof.status, proof.message = status, message or proof.message
        proof.seconds = time.monotonic() - start
        return proof

    if problem.goal is None:
        return done(ERROR, "the problem has no goal")
    try:
        if diagram is None:
            diagram = draw(problem, seed=0)
    except GeoproverError as why:
        return done(ERROR, f"cannot draw the diagram: {why}")
    if numeric_gate and diagram.goal_holds() is False:
        state_false(proof, diagram)
        return done(FALSE)
    deadline = Deadline.after(timeout, start)
    try:
        return _run(problem, diagram, deadline, proof, done)
    except Inexpressible as why:
        proof.certificate["inexpressible"] = str(why)
        return done(NOT_PROVED, f"inexpressible: {why}")
    except TooLarge as why:
        return done(NOT_PROVED, f"gave up: {why}")
    except Unclear as why:
        return done(NOT_PROVED, f"numerically unclear: {why}")
    except OutOfTime as why:
        return done(TIMEOUT, str(why))
    except (ArithmeticError, ValueError, KeyError) as why:  # a bug or an unsupported shape
        return done(ERROR, f"wu failed: {type(why).__name__}: {why}")


def build(problem: Problem, diagram: Diagram, deadline: Deadline) -> tuple[Setup, Chain, list[Poly]]:
    """The frame, the triangular set of the hypotheses and the goal's polynomials."""
    setup = Setup(problem, diagram)
    ring, enc = setup.ring, setup.encoder
    chain = Chain()
    if setup.sqrt3:
        s = ring.gen(SQRT3)
        chain.members.append(Member(ring.index[SQRT3], s * s - 3, "√3"))
    unit_free = True  # the unit length is fixed by the first clause that states a length
    for clause in problem.clauses:
        polys: list[Poly] = []
        lengths = False
        for call in clause.constructions:
            for fact in get_construction(call.name).instantiate(call):
                polys += enc.encode(fact)
                lengths = lengths or fact.name in ("lconst", "l2const")
        new_vars = setup.new_vars(clause.points)
        if lengths and unit_free:
            new_vars, unit_free = [ring.index[UNIT], *new_vars], False
        triangulate_clause(ring, polys, new_vars, str(clause), chain, deadline)
    return setup, chain, enc.encode(problem.goal)


def _run(problem: Problem, diagram: Diagram, deadline: Deadline, proof: Proof, done: Callable[..., Proof]) -> Proof:
    setup, chain, goal_polys = build(problem, diagram, deadline)
    ring = setup.ring
    defined = {m.var for m in chain.members}
    cert = certificate_head(setup, chain, defined)
    proof.certificate.update(cert)
    degenerate = goal_degeneracy(setup, chain, problem, diagram, deadline)
    if degenerate:
        proof.steps = cert_lines(cert) + [f"degenerate goal: {degenerate}"]
        return done(FALSE, f"the goal is degenerate: {degenerate}")
    remainders = reduce_goal(ring, chain, goal_polys, deadline, proof.certificate)
    proof.certificate["max_terms"] = chain.max_terms
    if remainders is None:
        proof.steps = cert_lines(cert) + ["numeric screen: the goal fails at generic points of the component"]
        return done(NOT_PROVED, proof.certificate["screen"]["reason"])
    proof.certificate["remainder_terms"] = [len(r) for r in remainders]
    if any(not r.is_zero() for r in remainders):
        proof.steps = cert_lines(cert) + [f"remainder ≠ 0 ({max(len(r) for r in remainders)} terms)"]
        return done(
            NOT_PROVED,
            "the pseudo-remainder of the goal is not zero "
            "(not a consequence on the diagram's component of this encoding)",
        )
    ndg_ok, ndg_lines, ndg_data = check_ndg(setup, chain, problem, diagram)
    proof.certificate["ndg"] = ndg_data
    proof.certificate["remainder"] = 0
    proof.steps = cert_lines(cert) + [f"ndg: {d['statement']}" for d in ndg_data] + ["remainder = 0"]
    proof.ndg = ndg_lines
    if not ndg_ok:
        return done(NOT_PROVED, "remainder = 0 but an NDG condition fails in the diagram")
    proof.message = "remainder = 0"
    state_configuration(proof, diagram)
    return done(PROVED)


def reduce_goal(
    ring: Ring, chain: Chain, goal_polys: list[Poly], deadline: Deadline, certificate: dict
) -> list[Poly] | None:
    """The goal's remainders, or None when the numeric screen shows they cannot all be zero.

    Most divisions end well within QUICK seconds, and the screen's fixed cost (importing numba
    and loading its cached kernels, ~0.4 s) exceeds most whole proofs; a longer division is
    interrupted once for the screen, then restarted unless the screen refutes the goal.
    """
    if QUICK > 0:  # 0: screen first
        quick = deadline.within(QUICK)
        try:
            return [reduce(ring, g, chain, quick) for g in goal_polys]
        except TooLarge:
            raise  # no budget would help
        except OutOfTime:
            deadline.check()
    try:
        from .refute import screen

        verdict = screen(ring, chain, goal_polys)
    except Exception as why:  # the screen is an optimisation: never let it cost a proof
        certificate["screen"] = {"refuted": False, "reason": f"screen failed: {type(why).__name__}: {why}"}
    else:
        certificate["screen"] = {
            "refuted": verdict.refuted,
            "reason": verdict.reason,
            "samples": verdict.samples,
            "seconds": round(verdict.seconds, 4),
        }
        if verdict.refuted:
            return None
    return [reduce(ring, g, chain, deadline) for g in goal_polys]
