"""Wu's method: polynomial encoding, triangular sets, pseudo-division, NDG conditions.

``prove(problem, diagram=None, timeout=300.0) -> Proof`` (engine name "wu").

How it works (modules):

- ``frame``: the ring of one problem and its points' coordinates. The first point is the origin
  and the second is (1, 0) (or an angle bisector's free vertex and arm, in half-angle coordinates).
- ``encode``: the per-predicate polynomial table over point coordinates (full angles mod π as
  one polynomial, lengths squared, tangents of multiples of 15° in Q(√3)).
- ``triangulate``: clause by clause, the catalogue's facts for the new points are reduced to
  one member per new coordinate (a pseudo-gcd per class, Ritt–Wu style); coordinates no fact
  reaches stay parameters. Components are chosen with the numeric diagram: every new
  polynomial is factored and only factors vanishing in the diagram are kept; a quadratic
  sharing a root with an older coordinate is divided by it (Vieta: second intersections of a
  line or circle through a known point); a quadratic whose discriminant is 2 or 3 times a
  square splits over Q(√2) / Q(√3) (equilateral triangles). Dropped factors become NDGs.
- ``algebra``: flint ``fmpz_mpoly`` arithmetic, the pseudo-remainder (leading coefficients by
  C-level differentiation), exact factor removal, numeric zero tests.
- ``engine``: ``prove``: the frame, the triangular set, successive pseudo-division of the goal
  (initials' factors and non-vanishing factors divided out as it goes). A division still
  running after ``engine.QUICK`` seconds is interrupted once for the numeric screen. Time is a
  ``geoprover.timing.Deadline`` passed down to every loop.
- ``conditions``: the goal's own non-degeneracy (tested by the algebra too), and every NDG
  condition of a proof checked in the diagram.
- ``certificate``: the certificate's head (frame, parameters, order, triangular set) as data and lines.
- ``ndg``: NDG polynomials stated geometrically when a small search finds the predicate.
- ``refute``: the numeric screen: generic complex points of the diagram's branch of the
  triangular set (parameters moved slightly, members solved by Newton's method); a goal clearly
  non-zero there cannot pseudo-divide to zero, so Wu stops with NOT_PROVED. Never a proof.
- ``kernels``: numba kernels evaluating sparse polynomials and their partial derivatives at many
  points in one call (compiled code cached on disk).
"""

from .engine import prove

__all__ = ["prove"]
