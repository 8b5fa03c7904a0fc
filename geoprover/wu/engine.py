"""Wu's method on a problem: encode, triangulate, pseudo-divide the goal, check the NDG conditions."""
from __future__ import annotations

import math
import time


from ..catalogue import get_construction
from ..errors import GeoproverError
from ..model import Predicate, Problem
from ..numeric.diagram import Diagram, draw
from ..proof import ERROR, FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof
from ..numeric.degeneracy import need_fails, needs, words
from .algebra import NON_ZERO, Clock, Deadline, Poly, Ring, TooLarge, Unclear
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
        self.origin, self.unit = choose_frame(problem)
        names = ["sqrt2", SQRT3]          # adjoined square roots: lowest class, unused unless needed
        for p in points:
            names += [f"{p}_x", f"{p}_y"]
        self.ring = Ring(names)
        self.coords: dict[str, tuple[Poly, Poly]] = {}
        zero, one = self.ring.const(0), self.ring.const(1)
        self.polar = polar_points(problem, self.origin, self.unit)
        for p in points:
            if p == self.origin:
                self.coords[p] = (zero, zero)
            elif p == self.unit:
                self.coords[p] = (one, zero)
            elif p in self.polar:
                # p = r·(cos θ, sin θ) with t = tan(θ/2), r = u(1 + t²): |op| = u(1 + t²) is a
                # polynomial, so the bisectors at the origin split over Q
                u, t = self.ring.gen(f"{p}_x"), self.ring.gen(f"{p}_y")
                self.coords[p] = (u * (1 - t * t), 2 * u * t)
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
            x, y = u.real, u.imag
            if p in self.polar:
                t = math.tan(math.atan2(y, x) / 2)
                x, y = abs(u) / (1 + t * t), t
            self.ring.values[self.ring.index[f"{p}_x"]] = x
            self.ring.values[self.ring.index[f"{p}_y"]] = y
        self.ring.values[self.ring.index["sqrt2"]] = 2 ** 0.5
        self.ring.values[self.ring.index[SQRT3]] = 3 ** 0.5

    def new_vars(self, points: tuple[str, ...]) -> list[int]:
        return [self.ring.index[f"{p}_{c}"] for p in points for c in "xy"
                if p not in (self.origin, self.unit)]


def _free_points(problem: Problem) -> list[str]:
    """Points whose clause has no facts (triangle, free, segment, ...), in order."""
    return [p for clause in problem.clauses
            if all(not get_construction(c.name).facts for c in clause.constructions) for p in clause.points]


def _bisectors(problem: Problem):
    """(vertex, arm, arm) of every angle-bisector fact ``eqangle v a v x v x v c``."""
    for clause in problem.clauses:
        for call in clause.constructions:
            for f in get_construction(call.name).instantiate(call):
                if f.name == "eqangle":
                    v, a, v2, x, v3, x2, v4, c = f.args
                    if v == v2 == v3 == v4 and x == x2:
                        yield v, a, c


def choose_frame(problem: Problem) -> tuple[str, str | None]:
    """Origin and unit point: the first two points, or a free bisector vertex and a free arm.

    Any two distinct points can be moved to (0, 0) and (1, 0) by a similarity; with the
    vertex of an angle bisector at the origin and its arms at rational distance (see
    ``polar_points``) the internal and external bisectors separate.
    """
    points = list(problem.points)
    default = (points[0], points[1] if len(points) > 1 else None)
    free = _free_points(problem)
    for v, a, c in _bisectors(problem):
        if v in free and a in free and c in free and len({v, a, c}) == 3:
            return v, a
    return default


def polar_points(problem: Problem, origin: str, unit: str | None) -> set[str]:
    """Free points to place in half-angle coordinates so that angle bisectors at the origin split.

    An angle bisector fact ``eqangle v a v x v x v c`` at the origin v covers the internal and
    the external bisector; they separate over Q when |va| and |vc| are polynomials. |v unit| = 1;
    a point drawn freely (its clause has no facts) gets rational distance from the origin in the
    half-angle parametrisation.
    """
    free = set(_free_points(problem))
    chosen: set[str] = set()
    for v, a, c in _bisectors(problem):
        if v != origin:
            continue
        arms = [p for p in (a, c) if p != unit]
        if all(p in free and p != origin for p in arms):
            chosen.update(arms)
    return chosen


def prove(problem: Problem, diagram: Diagram | None = None, timeout: float = 300.0,
          numeric_gate: bool = True) -> Proof:
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
        return done(FALSE, "the goal fails in the numeric diagram")
    clock = Clock(timeout, start)
    try:
        return _run(problem, diagram, clock, proof, done)
    except Inexpressible as why:
        proof.certificate["inexpressible"] = str(why)
        return done(NOT_PROVED, f"inexpressible: {why}")
    except TooLarge as why:
        return done(NOT_PROVED, f"gave up: {why}")
    except Unclear as why:
        return done(NOT_PROVED, f"numerically unclear: {why}")
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
    degenerate = goal_degeneracy(setup, chain, problem, diagram, clock)
    if degenerate:
        proof.steps = cert_lines(cert) + [f"degenerate goal: {degenerate}"]
        return done(FALSE, f"the goal is degenerate: {degenerate}")
    remainders = reduce_goal(ring, chain, goal_polys, clock, proof.certificate)
    proof.certificate["max_terms"] = chain.max_terms
    if remainders is None:
        proof.steps = cert_lines(cert) + ["numeric screen: the goal fails at generic points of the component"]
        return done(NOT_PROVED, proof.certificate["screen"]["reason"])
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


QUICK = 1.0     # seconds of exact division before the numeric screen is consulted
GOAL_NDG_BUDGET = 2.0    # seconds to test that a goal's non-degeneracy is not identically violated


def need_poly(setup: Setup, need: tuple[str, ...]) -> Poly:
    """The polynomial whose non-vanishing is the need: |ab|² for a ≠ b, a cross product for a triangle."""
    enc = setup.encoder
    kind, *pts = need
    if kind == "segment":
        (dx, dy) = enc.vec(pts[0], pts[1])
        return dx * dx + dy * dy
    (q,) = enc.encode(Predicate("coll", tuple(pts)))
    return q


def goal_degeneracy(setup: Setup, chain: Chain, problem: Problem, diagram: Diagram, clock: Clock) -> str:
    """Why the goal is degenerate ("b, a, p are collinear"), or "" when its conditions hold.

    A degenerate goal is false, never vacuously true: the concyclicity determinant vanishes for
    four collinear points, the similarity equations for flat triangles. Each condition must hold
    in the diagram and must not vanish on the whole component (its remainder by the chain is
    non-zero); it is then printed with the other NDG conditions.
    """
    for need in needs(problem.goal):
        if need[0] == "repeated":
            return f"a point is repeated in {problem.goal}"
        if need_fails(need, diagram.coords, diagram.scale):
            return f"{words(need)} fails in the diagram"
        trial = Clock(min(GOAL_NDG_BUDGET, max(0.0, clock.limit - clock.elapsed())))
        try:
            if reduce(setup.ring, need_poly(setup, need), chain, trial).is_zero():
                return f"{words(need)} fails on the whole component (remainder 0)"
        except Deadline:
            clock.check()
    return ""


def reduce_goal(ring: Ring, chain: Chain, goal_polys: list[Poly], clock: Clock,
                certificate: dict) -> list[Poly] | None:
    """The goal's remainders, or None when the numeric screen shows they cannot all be zero.

    Most divisions end well within QUICK seconds, and the screen's fixed cost (importing numba
    and loading its cached kernels, ~0.4 s) exceeds most whole proofs; a longer division is
    interrupted once for the screen, then restarted unless the screen refutes the goal.
    """
    if QUICK > 0:           # 0: screen first
        quick = Clock(min(QUICK, max(0.0, clock.limit - clock.elapsed())))
        try:
            return [reduce(ring, g, chain, quick) for g in goal_polys]
        except TooLarge:
            raise               # no budget would help
        except Deadline:
            clock.check()
    try:
        from .refute import screen
        verdict = screen(ring, chain, goal_polys)
    except Exception as why:        # the screen is an optimisation: never let it cost a proof
        certificate["screen"] = {"refuted": False, "reason": f"screen failed: {type(why).__name__}: {why}"}
    else:
        certificate["screen"] = {"refuted": verdict.refuted, "reason": verdict.reason,
                                 "samples": verdict.samples, "seconds": round(verdict.seconds, 4)}
        if verdict.refuted:
            return None
    return [reduce(ring, g, chain, clock) for g in goal_polys]


def certificate_head(setup: Setup, chain: Chain, defined: set[int]) -> dict:
    ring = setup.ring
    used = set(defined)
    for m in chain.members:
        used.update(i for i, d in enumerate(m.poly.degrees()) if d)
    order = sorted(used)
    members = sorted(chain.members, key=lambda m: m.var)
    return {
        "frame": {"origin": setup.origin, "unit": setup.unit, "half_angle": sorted(setup.polar)},
        "parameters": [ring.names[i] for i in order if i not in defined],
        "dependent": [ring.names[m.var] for m in members],
        "order": [ring.names[i] for i in order],
        "variables": len(order),
        "triangular_set": [{"var": ring.names[m.var], "degree": m.degree(), "terms": len(m.poly),
                            "initial_terms": len(m.initial(ring)), "from": m.source} for m in members],
    }


def cert_lines(cert: dict) -> list[str]:
    polar = "".join(f", {p} = ({p}_x(1 − {p}_y²), 2·{p}_x·{p}_y)" for p in cert["frame"]["half_angle"])
    lines = [f"frame: {cert['frame']['origin']} = (0, 0), {cert['frame']['unit']} = (1, 0){polar}",
             f"parameters: {', '.join(cert['parameters'])}",
             f"variable order (Wu classes): {' < '.join(cert['order'])}",
             f"triangular set ({len(cert['triangular_set'])} members):"]
    for t in cert["triangular_set"]:
        lines.append(f"  {t['var']}: degree {t['degree']}, {t['terms']} terms "
                     f"(initial {t['initial_terms']} terms)  [{t['from']}]")
    return lines


def check_ndg(setup: Setup, chain: Chain, problem: Problem, diagram: Diagram):
    """Initials, dropped factors, the goal's own conditions and construction side conditions,
    each checked in the diagram with a margin that can fail (NON_ZERO: a factor set aside as
    non-zero must be clearly so, well above the level at which factors count as vanishing)."""
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
            entry["relative_value"] = float(f"{ring.relative(poly):.3g}")
        data.append(entry)
        lines.append(statement + ("" if holds else "  [FAILS in the diagram]"))

    for m in chain.members:
        init = m.initial(ring)
        if init.is_constant():
            continue
        holds = not ring.vanishes(init, NON_ZERO)
        for text in describe(setup, init, chain):
            add("initial", text, holds, init)
    for d in chain.dropped:
        holds = not ring.vanishes(d.poly, NON_ZERO)
        for text in describe(setup, d.poly, chain, before=d.before):
            add("factor", text, holds, d.poly)
    for need in needs(problem.goal):
        add("goal", words(need), not need_fails(need, diagram.coords, diagram.scale))
    for clause in problem.clauses:
        for call in clause.constructions:
            for req in get_construction(call.name).instantiate(call, "requires"):
                add("side", str(req), diagram.holds(req))
    return ok, lines, data
