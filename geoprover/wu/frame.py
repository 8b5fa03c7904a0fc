"""Wu's frame: the ring of one problem, its points' coordinates and their values in the diagram.

The first point is the origin and the second is (1, 0), unless an angle bisector at a free vertex
asks for that vertex at the origin and its free arms in half-angle coordinates (``polar_points``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..catalogue import get_construction
from ..model import Problem
from ..numeric.diagram import Diagram
from .algebra import Poly, Ring
from .encode import SQRT3, UNIT, Encoder, needs_sqrt3


class Setup:
    """Ring, coordinates and numeric values of one problem in Wu's frame.

    The first point is the origin and the second is (1, 0): every predicate is invariant under
    similarities, and two distinct points can always be moved there.
    """

    def __init__(self, problem: Problem, diagram: Diagram) -> None:
        self.problem = problem
        facts = [
            f
            for c in problem.clauses
            for call in c.constructions
            for f in get_construction(call.name).instantiate(call)
        ]
        goal = [problem.goal] if problem.goal is not None else []
        self.sqrt3 = needs_sqrt3(facts + goal)
        points = list(problem.points)
        self.origin, self.unit = choose_frame(problem)
        names = ["sqrt2", SQRT3, UNIT]  # adjoined square roots and the unit length: lowest class
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
        self.ring.values[self.ring.index[UNIT]] = 1 / abs(scale) if abs(scale) > 0 else 1.0
        self.ring.values[self.ring.index["sqrt2"]] = 2**0.5
        self.ring.values[self.ring.index[SQRT3]] = 3**0.5

    def new_vars(self, points: tuple[str, ...]) -> list[int]:
        return [self.ring.index[f"{p}_{c}"] for p in points for c in "xy" if p not in (self.origin, self.unit)]


def _free_points(problem: Problem) -> list[str]:
    """Points whose clause has no facts (triangle, free, segment, ...), in order."""
    return [
        p
        for clause in problem.clauses
        if all(not get_construction(c.name).facts for c in clause.constructions)
        for p in clause.points
    ]


def _bisectors(problem: Problem) -> Iterator[tuple[str, str, str]]:
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
