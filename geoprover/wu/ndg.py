"""Non-degeneracy polynomials → geometric statements where a small search finds one.

A polynomial (or each of its irreducible factors) is compared, up to a constant, with the
polynomials of "a ≠ b", "a, b, c not collinear", "ab ∦ cd", "ab ⊥̸ cd" and "|ab| ≠ |cd|" over the
points it involves plus the two frame points; otherwise it is stated as a polynomial.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from ..model import Predicate
from .algebra import Poly
from .frame import Setup
from .triangulate import Chain, Member, _substitute

MAX_POINTS = 6


def _same_up_to_constant(p: Poly, q: Poly) -> bool:
    if q.is_zero() or len(p) != len(q):
        return False
    return p * q.leading_coefficient() == q * p.leading_coefficient()


def _points_of(setup: Setup, p: Poly) -> list[str]:
    ring = setup.ring
    used = {ring.names[i] for i, d in enumerate(p.degrees()) if d}
    pts = [q for q in setup.problem.points if f"{q}_x" in used or f"{q}_y" in used]
    for frame in (setup.origin, setup.unit):
        if frame is not None and frame not in pts:
            pts.append(frame)
    return pts


def _candidates(points: list[str]) -> Iterator[tuple[str, Predicate]]:
    for a, b in combinations(points, 2):
        yield f"{a} ≠ {b}", Predicate("cong", (a, b, a, a))
    for a, b, c in combinations(points, 3):
        yield f"{a}, {b}, {c} not collinear", Predicate("coll", (a, b, c))
    pairs = list(combinations(points, 2))
    for (a, b), (c, d) in combinations(pairs, 2):
        yield f"{a}{b} not parallel to {c}{d}", Predicate("para", (a, b, c, d))
        yield f"{a}{b} not perpendicular to {c}{d}", Predicate("perp", (a, b, c, d))
        yield f"|{a}{b}| ≠ |{c}{d}|", Predicate("cong", (a, b, c, d))


def describe_one(setup: Setup, p: Poly, simple: Sequence[Member] = ()) -> str:
    """One statement of p ≠ 0: a geometric one when p is one up to a constant, else the polynomial."""
    pts = _points_of(setup, p)
    p = setup.ring.primitive(_substitute(setup.ring, p, simple))
    if len(pts) <= MAX_POINTS:
        for text, pred in _candidates(pts):
            (q,) = setup.encoder.encode(pred)
            q = _substitute(setup.ring, q, simple)
            if _same_up_to_constant(p, setup.ring.primitive(q)):
                return text
    return f"polynomial ≠ 0: {p if len(p) <= 12 else f'{len(p)} terms, degree {p.total_degree()}'}"


def describe(setup: Setup, p: Poly, chain: Chain | None = None, before: int | None = None) -> list[str]:
    """Statements whose conjunction says p ≠ 0 (one per irreducible factor).

    Candidates are compared after substituting the chain's short members with constant initial
    (x = 1/2, y = 0), the same substitution the hypotheses went through; with ``before``, only
    the members older than that (a dropped factor is never reduced by its own branch's member).
    """
    if p.is_constant():
        return []
    members = (
        chain.members[:before]
        if chain is not None and before is not None
        else (chain.members if chain is not None else [])
    )
    simple = [m for m in members if len(m.poly) <= 3 and m.initial(setup.ring).is_constant()]
    if len(p) > 200:
        return [describe_one(setup, p, simple)]
    _, factors = p.factor()
    return [describe_one(setup, f, simple) for f, _ in factors if not f.is_constant()]
