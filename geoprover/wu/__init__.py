"""Wu's method: polynomial encoding, triangular sets, pseudo-division, NDG conditions.

``prove(problem, diagram=None, timeout=300.0) -> Proof`` (engine name "wu").

How it works (modules):

- ``encode``: the per-predicate polynomial table over point coordinates (full angles mod π as
  one polynomial, lengths squared, tangents of multiples of 15° in Q(√3)). The first point is
  the origin and the second is (1, 0).
- ``triangulate``: clause by clause, the catalogue's facts for the new points are reduced to
  one member per new coordinate (a pseudo-gcd per class, Ritt–Wu style); coordinates no fact
  reaches stay parameters. Components are chosen with the numeric diagram: every new
  polynomial is factored and only factors vanishing in the diagram are kept; a quadratic
  sharing a root with an older coordinate is divided by it (Vieta: second intersections of a
  line or circle through a known point); a quadratic whose discriminant is 2 or 3 times a
  square splits over Q(√2) / Q(√3) (equilateral triangles). Dropped factors become NDGs.
- ``algebra``: flint ``fmpz_mpoly`` arithmetic, the pseudo-remainder (leading coefficients by
  C-level differentiation), exact factor removal, numeric zero tests.
- ``engine``: successive pseudo-division of the goal (initials' factors and non-vanishing
  factors divided out as it goes), NDG check in the diagram, the certificate.
- ``ndg``: NDG polynomials stated geometrically when a small search finds the predicate.
- ``refute``: the same division modulo a 61-bit prime at random parameters (a screen; not used
  as a gate because it misses proofs that need the exact factor removal, e.g. IMO 2004 P1).
- ``baseline``: the sympy-ring timing used by ``benchmarks/wu_bench.py``.
"""
from .engine import prove

__all__ = ["prove"]
