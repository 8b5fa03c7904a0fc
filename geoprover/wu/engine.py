"""Wu's method on a problem: encode, triangulate, pseudo-divide the goal, check the NDG conditions."""
from __future__ import annotations

import time

import numpy as np

from ..catalogue import get_construction
from ..errors import GeoproverError
from ..language.problem import Predicate, Problem
from ..numeric.diagram import Diagram, draw
from ..proof import ERROR, FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof
from .algebra import Clock, Deadline, Poly, Ring
from .encode import SQRT3, Encoder, Inexpressible, needs_sqrt3
from .ndg import describe
from .triangulate import Chain, Member, reduce, triangulate_clause

ENGINE = "wu"


class Setup:
    """Ring, coordinates and numeric values of one problem in Wu's frame.

    The first point is the origin and the second is (1, 0): every predicate is invariant under
    similarities, and two distinct points can always be moved there.
    """

    def __init__(self, problem: Problem, diagram: Diagram):
        self.problem = problem
        facts = [f for c in problem.clauses for call in c.constructions
                 for f in get_construction(call.name).instantiate(call)]
        goal = [problem.goal] if problem.goal is not None else []
        self.sqrt3 = needs_sqrt3(facts + goal)
        points = list(problem.points)
        self.origin, self.unit = points[0], points[1] if len(points) > 1 else None
        names = ["sqrt2", SQRT3]          # adjoined square roots: lowest class, unused unless needed
        for p in points:
            names += [f"{p}_x", f"{p}_y"]
        self.ring = Ring(names)
        self.coords: dict[str, tuple[Poly, Poly]] = {}
        zero, one = self.ring.const(0), self.ring.const(1)
        for p in points:
            if p == self.origin:
                self.coords[p] = (zero, zero)
            elif p == self.unit:
                self.coords[p] = (one, zero)
            else:
                self.coords[p] = (self.ring.gen(f"{p}_x"), self.ring.gen(f"{p}_y"))
        self._numeric(diagram)
        self.encoder = Encoder(self.ring, self.coords)

    def _numeric(self, diagram: Diagram) -> None:
        z = {p: complex(*diagram.coords[p]) for p in self.problem.points}
        z0 = z[self.origin]
        scale = (z[self.unit] - z0) if self.unit else 1.0
        for p, w in z.items():
            u = (w - z0) / scale
            self.ring.values[self.ring.index[f"{p}_x"]] = u.real
            self.ring.values[self.ring.index[f"{p}_y"]] = u.imag
        self.ring.values[self.ring.index["sqrt2"]] = 2 ** 0.5
        self.ring.values[self.ring.index[SQRT3]] = 3 ** 0.5

    def new_vars(self, points: tuple[str, ...]) -> list[int]:
        return [self.ring.index[f"{p}_{c}"] for p in points for c in "xy"
                if p not in (self.origin, self.unit)]


def prove(problem: Problem, diagram: Diagram | None = None, timeout: float = 300.0) -> Proof:
    """Wu's method on ``problem``; PROVED only with an exact zero remainder and NDGs non-zero."""
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
    if diagram.goal_holds() is False:
        return done(FALSE, "the goal fails in the numeric diagram")
    clock = Clock(timeout, start)
    try:
        return _run(problem, diagram, clock, proof, done)
    except Inexpressible as why:
        proof.certificate["inexpressible"] = str(why)
        return done(NOT_PROVED, f"inexpressible: {why}")
    except Deadline as why:
        return done(TIMEOUT, str(why))
    except (ArithmeticError, ValueError, KeyError) as why:    # a bug or an unsupported shape
        return done(ERROR, f"wu failed: {type(why).__name__}: {why}")


def build(problem: Problem, diagram: Diagram, clock: Clock) -> tuple[Setup, Chain, list[Poly]]:
    """The frame, the triangular set of the hypotheses and the goal's polynomials."""
    setup = Setup(problem, diagram)
    ring, enc = setup.ring, setup.encoder
    chain = Chain()
    if setup.sqrt3:
        s = ring.gen(SQRT3)
        chain.members.append(Member(ring.index[SQRT3], s * s - 3, "√3"))
    for clause in problem.clauses:
        polys: list[Poly] = []
        for call in clause.constructions:
            for fact in get_construction(call.name).instantiate(call):
                polys += enc.encode(fact)
        triangulate_clause(ring, polys, setup.new_vars(clause.points), str(clause), chain, clock)
    return setup, chain, enc.encode(problem.goal)


def _run(problem: Problem, diagram: Diagram, clock: Clock, proof: Proof, done) -> Proof:
    setup, chain, goal_polys = build(problem, diagram, clock)
    ring = setup.ring
    defined = {m.var for m in chain.members}
    cert = certificate_head(setup, chain, defined)
    proof.certificate.update(cert)
    remainders = []
    for g in goal_polys:
        r = reduce(ring, g, chain, clock)
        remainders.append(r)
    proof.certificate["max_terms"] = chain.max_terms
    proof.certificate["remainder_terms"] = [len(r) for r in remainders]
    if any(not r.is_zero() for r in remainders):
        proof.steps = cert_lines(cert) + [f"remainder ≠ 0 ({max(len(r) for r in remainders)} terms)"]
        return done(NOT_PROVED, "the pseudo-remainder of the goal is not zero "
                                "(not a consequence on the diagram's component of this encoding)")
    ndg_ok, ndg_lines, ndg_data = check_ndg(setup, chain, problem, diagram)
    proof.certificate["ndg"] = ndg_data
    proof.certificate["remainder"] = 0
    proof.steps = cert_lines(cert) + [f"ndg: {d['statement']}" for d in ndg_data] + ["remainder = 0"]
    proof.ndg = ndg_lines
    if not ndg_ok:
        return done(NOT_PROVED, "remainder = 0 but an NDG condition fails in the diagram")
    return done(PROVED, "remainder = 0")


def certificate_head(setup: Setup, chain: Chain, defined: set[int]) -> dict:
    ring = setup.ring
    used = set(defined)
    for m in chain.members:
        used.update(i for i, d in enumerate(m.poly.degrees()) if d)
    order = sorted(used)
    members = sorted(chain.members, key=lambda m: m.var)
    return {
        "frame": {"origin": setup.origin, "unit": setup.unit},
        "parameters": [ring.names[i] for i in order if i not in defined],
        "dependent": [ring.names[m.var] for m in members],
        "order": [ring.names[i] for i in order],
        "variables": len(order),
        "triangular_set": [{"var": ring.names[m.var], "degree": m.degree(), "terms": len(m.poly),
                            "initial_terms": len(m.initial(ring)), "from": m.source} for m in members],
    }


def cert_lines(cert: dict) -> list[str]:
    lines = [f"frame: {cert['frame']['origin']} = (0, 0), {cert['frame']['unit']} = (1, 0)",
             f"parameters: {', '.join(cert['parameters'])}",
             f"variable order (Wu classes): {' < '.join(cert['order'])}",
             f"triangular set ({len(cert['triangular_set'])} members):"]
    for t in cert["triangular_set"]:
        lines.append(f"  {t['var']}: degree {t['degree']}, {t['terms']} terms "
                     f"(initial {t['initial_terms']} terms)  [{t['from']}]")
    return lines


def check_ndg(setup: Setup, chain: Chain, problem: Problem, diagram: Diagram):
    """Initials, dropped factors and construction side conditions, each checked in the diagram."""
    ring = setup.ring
    ok = True
    data, lines = [], []
    seen: set[str] = set()

    def add(kind: str, statement: str, holds: bool, poly: Poly | None = None) -> None:
        nonlocal ok
        key = statement
        if statement.startswith("diff "):          # diff a b = diff b a
            key = "diff " + " ".join(sorted(statement.split()[1:]))
        if key in seen:
            return
        seen.add(key)
        ok = ok and holds
        entry = {"kind": kind, "statement": statement, "holds": bool(holds)}
        if poly is not None:
            entry["terms"] = len(poly)
        data.append(entry)
        lines.append(statement + ("" if holds else "  [FAILS in the diagram]"))

    for m in chain.members:
        init = m.initial(ring)
        if init.is_constant():
            continue
        holds = not ring.vanishes(init, 1e-9)
        for text in describe(setup, init, chain):
            add("initial", text, holds, init)
    for d, _src in chain.dropped:
        holds = not ring.vanishes(d, 1e-9)
        for text in describe(setup, d, chain):
            add("factor", text, holds, d)
    for clause in problem.clauses:
        for call in clause.constructions:
            for req in get_construction(call.name).instantiate(call, "requires"):
                add("side", str(req), diagram.holds(req))
    return ok, lines, data
