"""Hypotheses → a triangular set, clause by clause, keeping the component the diagram lies on.

Each clause's facts are polynomials whose highest variables are the clause's new coordinates.
Working down from the highest new variable, the polynomials of that class are reduced against
each other (a pseudo-gcd, as in Ritt–Wu's characteristic set) until one is left: that one is the
chain member of the variable; remainders of lower class go on down. A variable no polynomial
reaches stays a free parameter. Every new polynomial is factored and only the factors that vanish
in the numeric diagram are kept (line ∩ circle through a known point, two circles through a
known point, ...); the dropped factors are non-zero in the diagram and become NDG conditions.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import flint

from ..timing import Deadline, OutOfTime
from .algebra import Poly, Ring


@dataclass
class Member:
    """One element of the triangular set: ``poly`` has class ``var`` (its leading variable)."""

    var: int
    poly: Poly
    source: str  # the clause or facts it comes from

    def initial(self, ring: Ring) -> Poly:
        return ring.coeff_top(self.poly, self.var)

    def degree(self) -> int:
        return self.poly.degrees()[self.var]


@dataclass
class Dropped:
    """A factor of a hypothesis set aside because it is non-zero in the diagram: ``poly ≠ 0`` is a
    condition of the theorem. It may be the other branch of an intersection, so it is stated
    against the members older than its clause only (``before``): reducing it by the member it was
    split from would turn "c is not the other intersection" into something always true."""

    poly: Poly
    source: str
    before: int


@dataclass
class Chain:
    members: list[Member] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)  # factors ≠ 0 in the diagram
    max_terms: int = 0
    clause_start: int = 0  # members made before the clause being triangulated
    _factors: list[Poly] = field(default_factory=list)
    _factors_for: int = -1

    def initial_factors(self, ring: Ring) -> list[Poly]:
        """Irreducible factors of the members' initials (cached per chain length)."""
        if self._factors_for != len(self.members):
            found: list[Poly] = []
            for m in self.members:
                init = m.initial(ring)
                if not init.is_constant():
                    for f, _ in init.factor()[1]:
                        if not f.is_constant() and all(f != g for g in found):
                            found.append(f)
            self._factors, self._factors_for = found, len(self.members)
        return self._factors

    def note(self, p: Poly) -> None:
        self.max_terms = max(self.max_terms, len(p))

    def drop(self, factors: Iterable[Poly], source: str) -> None:
        """Set the non-constant factors aside as conditions of the clause being triangulated."""
        self.dropped.extend(Dropped(d, source, self.clause_start) for d in factors if not d.is_constant())


def triangulate_clause(
    ring: Ring, polys: list[Poly], new_vars: list[int], source: str, chain: Chain, deadline: Deadline
) -> None:
    """Append the clause's members to ``chain`` (see the module docstring)."""
    chain.clause_start = len(chain.members)
    pending: list[Poly] = []
    simple = [m for m in chain.members if len(m.poly) <= 3 and m.initial(ring).is_constant()]
    for p in polys:
        _push(ring, _substitute(ring, p, simple), pending, chain, source)
    for v in sorted(new_vars, reverse=True):
        same = [p for p in pending if ring.cls(p) == v]
        pending = [p for p in pending if ring.cls(p) != v]
        for _ in range(3):
            same = _pseudo_gcd(ring, same, v, pending, chain, source, deadline)
            if not same or not ring.vanishes(ring.coeff_top(same[0], v)):
                break
            # the initial vanishes on the figure: it is zero modulo the older members (a line
            # that is vertical in this frame); reduce by the chain and go round again
            out: list[Poly] = []
            set_aside: list[Poly] = []
            reduced = reduce(ring, same[0], chain, deadline, dropped=set_aside)
            chain.drop(set_aside, source)
            _push(ring, reduced, out, chain, source)
            same = [q for q in out if ring.cls(q) == v]
            pending += [q for q in out if ring.cls(q) != v]
        if same:
            chain.members.append(Member(v, same[0], source))
    # second pass, lowest first: a quadratic member may factor once the members below it (made
    # after it, e.g. x = 1/2 under y² + x² − 1) are substituted
    start = len(chain.members) - sum(1 for m in chain.members if m.source == source and m.var in new_vars)
    for i in sorted(range(start, len(chain.members)), key=lambda i: chain.members[i].var):
        member = chain.members[i]
        if member.degree() < 2:
            continue
        member = _reduce_below(ring, member, chain, deadline)
        if member.degree() >= 2:
            member = split_known_root(ring, member, chain, deadline)
        if member.degree() == 2:
            member = split_double_root(ring, member, chain, deadline)
        if member.degree() == 2:
            member = split_surd(ring, member, chain)
        chain.members[i] = member
    # what is left has class below the clause's variables: relations among older points, which
    # the older members already imply or which only restrict further; not needed for the proof.


MAX_REDUCE_BELOW = 300  # terms: larger members are left as they are


def _reduce_below(ring: Ring, member: Member, chain: Chain, deadline: Deadline) -> Member:
    """The member pseudo-divided by the members of lower class, if that lowers its size."""
    q, v = member.poly, member.var
    if len(q) > MAX_REDUCE_BELOW:
        return member
    for m in sorted(chain.members, key=lambda m: m.var, reverse=True):
        if m.var < v and q.degrees()[m.var]:
            q = ring.primitive(ring.prem(q, m.poly, m.var, deadline))
            if len(q) > 20 * MAX_REDUCE_BELOW:  # growing, not simplifying: keep the member
                return member
    if q.is_zero() or ring.cls(q) != v:
        return member
    kept, dropped = ring.select_factors(q, strict=True)
    if kept.is_constant() or ring.cls(kept) != v:
        return member
    if len(kept) >= len(member.poly) and ring.deg(kept, v) >= member.degree():
        return member
    chain.drop(dropped, member.source)
    return Member(v, kept, member.source)


def _pseudo_gcd(
    ring: Ring, same: list[Poly], v: int, pending: list[Poly], chain: Chain, source: str, deadline: Deadline
) -> list[Poly]:
    """Reduce the polynomials of class v against each other until one is left."""
    while len(same) > 1:
        deadline.check()
        same.sort(key=lambda p: (ring.deg(p, v), ring.vanishes(ring.coeff_top(p, v)), len(p)))
        f, rest = same[0], same[1:]
        same = [f]
        for g in rest:
            r = ring.prem(g, f, v, deadline)
            chain.note(r)
            out: list[Poly] = []
            _push(ring, r, out, chain, source)
            for q in out:
                (same if ring.cls(q) == v else pending).append(q)
    return same


def _substitute(ring: Ring, p: Poly, simple: list["Member"]) -> Poly:
    """Eliminate coordinates fixed by short members with constant initial (x = 1/2, y = 0, ...)."""
    for m in sorted(simple, key=lambda m: m.var, reverse=True):
        if not p.is_zero() and p.degrees()[m.var]:
            p = ring.prem(p, m.poly, m.var)
    return p


def _push(ring: Ring, p: Poly, out: list[Poly], chain: Chain, source: str) -> None:
    if p.is_zero():
        return
    kept, dropped = ring.select_factors(p, strict=True)
    chain.drop(dropped, source)
    if not kept.is_zero() and not kept.is_constant():
        out.append(kept)


def reduce(
    ring: Ring,
    g: Poly,
    chain: Chain,
    deadline: Deadline,
    factor_below: int = 1000,
    divide_below: int = 200_000,
    dropped: list[Poly] | None = None,
) -> Poly:
    """Successive pseudo-division of g by the chain, highest class first.

    Exact factors of the running remainder are divided out (the remainder is zero when the rest
    is): factors of the initials (as Java Geometry Expert does), and, while the remainder is
    small enough to factor, every factor that does not vanish in the diagram. For a goal that
    costs nothing (a zero factor makes the product zero). When the remainder stands for a
    hypothesis (``dropped`` given), the factors set aside are conditions: they are collected
    there, variable factors included.
    """
    r, out = (
        ring.select_factors(g, strict=dropped is not None)
        if len(g) <= factor_below
        else (ring.simplify(g, dropped), [])
    )
    if dropped is not None:
        dropped.extend(out)
    initial_factors = chain.initial_factors(ring)
    step = 0.0
    for m in sorted(chain.members, key=lambda m: m.var, reverse=True):
        if r.is_zero():
            break
        if r.degrees()[m.var] == 0:
            continue
        deadline.check(ahead=3 * step)  # a step is rarely over 3× the previous one
        began = time.monotonic()
        r = ring.prem(r, m.poly, m.var, deadline)
        chain.note(r)
        r = ring.simplify(r, dropped)
        if len(r) <= divide_below:
            present = r.degrees()
            for f in initial_factors:
                # a factor with a variable r lacks cannot divide r
                if all(present[i] >= e for i, e in enumerate(f.degrees())):
                    r = ring.divide_out(r, f)
                    deadline.check()
        if 0 < len(r) <= factor_below:
            r, out = ring.select_factors(r, strict=dropped is not None)
            if dropped is not None:
                dropped.extend(out)
        step = time.monotonic() - began
    return r


SPLIT_BUDGET = 3.0  # seconds to confirm one candidate root before giving it up


def split_known_root(ring: Ring, member: Member, chain: Chain, deadline: Deadline) -> Member:
    """Divide out a root the member shares with an older coordinate (Vieta).

    A line through an older point of a circle, or a second intersection of two circles, gives a
    member q(v) with q(w) = 0 on the chain for an older coordinate w. Then
    q(v) − q(w) = (v − w)·h(v, w) and, with v ≠ w in the diagram, h (one degree lower) replaces q.
    """
    v, q = member.var, member.poly
    used = set()
    for m in chain.members:
        used.update(i for i, d in enumerate(m.poly.degrees()) if d)
    for w in sorted(used | {i for i, d in enumerate(q.degrees()) if d}, reverse=True):
        if w == v:
            continue
        saved = ring.values[v]
        ring.values[v] = ring.values[w]
        near = ring.vanishes(q, 1e-8)
        ring.values[v] = saved
        if not near or abs(ring.values[v] - ring.values[w]) < 1e-7:
            continue
        gens = list(ring.gens)
        gens[v] = ring.gens[w]
        qw = q.compose(*gens)
        trial = deadline.within(SPLIT_BUDGET)
        try:
            if not reduce(ring, qw, chain, trial).is_zero():
                continue
        except OutOfTime:
            deadline.check()
            continue
        h = (q - qw) / (ring.gens[v] - ring.gens[w])
        kept, dropped = ring.select_factors(h, strict=True)
        if kept.is_constant() or ring.cls(kept) != v:
            continue
        chain.drop([ring.gens[v] - ring.gens[w], *dropped], member.source)
        chain.note(h)
        out = Member(v, kept, member.source)
        return split_known_root(ring, out, chain, deadline) if out.degree() >= 2 else out
    return member


SURDS = {2: "sqrt2", 3: "sqrt3"}  # square roots the ring may adjoin (lowest class)


def _quadratic(ring: Ring, q: Poly, v: int) -> tuple[Poly, Poly, Poly]:
    a = ring.coeff_top(q, v, 2)
    b = q.derivative(v).subs({ring.names[v]: 0})
    c = q.subs({ring.names[v]: 0})
    return a, b, c


def split_double_root(ring: Ring, member: Member, chain: Chain, deadline: Deadline) -> Member:
    """A tangency: when the discriminant of A v² + B v + C is zero on the chain, 2Av + B = 0.

    (2Av + B)² = B² − 4AC + 4A·q, so q = 0 and a zero discriminant give 2Av + B = 0.
    """
    v, q = member.var, member.poly
    a, b, c = _quadratic(ring, q, v)
    disc = b * b - 4 * a * c
    if disc.is_zero() or not ring.vanishes(disc, 1e-8):
        return member
    trial = deadline.within(SPLIT_BUDGET)
    try:
        if not reduce(ring, disc, chain, trial).is_zero():
            return member
    except OutOfTime:
        deadline.check()
        return member
    lin = ring.primitive(2 * a * ring.gens[v] + b)
    return Member(v, lin, member.source)


def split_surd(ring: Ring, member: Member, chain: Chain) -> Member:
    """Split a quadratic whose roots lie in a field Q(√k)(parameters), k = 2 or 3.

    For q = A v² + B v + C with discriminant B² − 4AC = k·(m R)² (R a polynomial),
    q = 0 ⇔ (2Av + B − m R √k)(2Av + B + m R √k) = 0 given (√k)² = k: the factor vanishing in the
    diagram is kept (equilateral triangles, 60° turns) and the other becomes an NDG condition.
    """
    v, q = member.var, member.poly
    a, b, c = _quadratic(ring, q, v)
    disc = b * b - 4 * a * c
    if disc.is_zero():
        return member
    content = disc.content()
    prim = disc / content
    for sign in (1, -1):
        try:
            root = (sign * prim).sqrt()
        except Exception:
            continue
        k, m = _squarefree(int(content) * sign)
        if k not in SURDS or SURDS[k] not in ring.index:
            return member
        s = ring.gen(SURDS[k])
        lin = 2 * a * ring.gens[v] + b
        plus, minus = lin + m * root * s, lin - m * root * s
        keep, drop = (plus, minus) if ring.relative(plus) < ring.relative(minus) else (minus, plus)
        if not ring.vanishes(keep):
            return member
        sv = ring.index[SURDS[k]]
        if all(m2.var != sv for m2 in chain.members):
            chain.members.append(Member(sv, s * s - k, f"√{k}"))
        chain.drop([drop], member.source)
        return Member(v, ring.primitive(keep), member.source)
    return member


def _squarefree(n: int) -> tuple[int, int]:
    """n = k·m² with k squarefree (k keeps the sign)."""
    if n == 0:
        return 0, 0
    k, m = (1 if n > 0 else -1), 1
    for p, e in flint.fmpz(abs(n)).factor():
        m *= int(p) ** (e // 2)
        if e % 2:
            k *= int(p)
    return k, m
