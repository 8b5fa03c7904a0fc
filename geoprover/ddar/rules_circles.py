"""Circles: inscribed and central angles, concyclic points, centres, equal chords."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from itertools import combinations

from ..timing import Deadline
from .database import Database
from .encode import HALF
from .linalg import combine
from .matcher import Matcher, P, angle_true, cyclic_premise, first_time
from .nodes import SoundnessError
from .numeric import NumericIndex
from .objects import Obj


def rich_circles(db: Database) -> Iterator[tuple[Obj, list[str]]]:
    """Known circles with four points or more (fewer state no angle), with their points sorted."""
    for circle in db.circles.alive():
        pts = sorted(circle.points)
        if len(pts) >= 4:
            yield circle, pts


class Inscribed(Matcher):
    """``inscribed``: two points of a known circle see each chord under equal angles."""

    def __init__(self, db: Database, ix: NumericIndex) -> None:
        super().__init__(db, ix)
        self.done: set = set()  # circles (as point sets) and instances (a, b, c, d) tried

    def __call__(self, deadline: Deadline) -> int:
        """Each known circle of four points or more once (and again when it grows): every chord with two
        viewers; the first viewer against each other (equalities chain through it)."""
        db, new = self.db, 0
        for circle, pts in rich_circles(db):
            key0 = (frozenset(pts),)
            if key0 in self.done:
                continue
            self.done.add(key0)
            for a, b in combinations(pts, 2):
                others = [p for p in pts if p not in (a, b)]
                c = others[0]
                for d in others[1:]:
                    if not first_time(self.ix, self.done, (a, b, c, d), (a, b, c, d)):
                        continue
                    expr = combine((1, db.angle_expr(c, a, c, b)), (-1, db.angle_expr(d, a, d, b)))
                    if db.angle_holds(expr) is not None:
                        continue
                    pred = P("eqangle", (c, a, c, b, d, a, d, b))
                    new += self.add(pred, "inscribed", cyclic_premise(db, circle, (a, b, c, d)))
        return new


class Central(Matcher):
    """``central``: ∠(ca → cb) = ∠(ao → ab) + 90° for chord ab, c on the circle, o its centre."""

    def __init__(self, db: Database, ix: NumericIndex) -> None:
        super().__init__(db, ix)
        self.done: set = set()  # (o, x, y, c, points on the circle) tried

    def __call__(self, deadline: Deadline) -> int:
        """Known circles with a known centre: each chord, both ways, against one other point of the circle."""
        db, new = self.db, 0
        for circle in db.circles.alive():
            o = circle.center
            if o is None or len(circle.points) < 3:
                continue
            pts = sorted(circle.points)
            for a, b in combinations(pts, 2):
                c = next(p for p in pts if p not in (a, b))
                for x, y in ((a, b), (b, a)):
                    if not first_time(self.ix, self.done, (o, x, y, c, len(pts)), (o, x, y, c)):
                        continue
                    expr = combine((1, db.angle_expr(c, x, c, y)), (-1, db.angle_expr(x, o, x, y)))
                    if db.angle_holds(expr, HALF) is not None:
                        continue
                    prem = cyclic_premise(db, circle, (x, y, c)) + list(circle.center_nodes)
                    # stated as: ∠(cx → cy) = ∠(xo → xy) + 90°
                    node = db.node(f"∠({c}{x}, {c}{y}) = ∠({x}{o}, {x}{y}) + 90°", "central", prem)
                    node.check = lambda e=expr: angle_true(db, e, HALF)
                    node.equations = [("angle", ((1, c, y), (-1, c, x), (-1, x, y), (1, x, o)), HALF, {})]
                    if not angle_true(db, expr, HALF):
                        raise SoundnessError(f"central angle equation false: {node.text}")
                    if db.add_angle(expr, HALF, node):
                        new += 1
        return new


class CyclicConv(Matcher):
    """Four points concyclic in the figure but not yet known to be: ``cyclic_conv`` (equal angles
    on one chord), else ``iso_trapezoid`` or ``arc_midpoint``."""

    def __call__(self, deadline: Deadline) -> int:
        """Viewers of a chord are grouped by the hashed normal form of the angle they see it under,
        so equal angles are found by lookup, not pair by pair."""
        db, new = self.db, 0
        for pts, _centre in self.ix.circles:
            if len(pts) < 4 or db.circles.containing(pts) is not None:
                continue
            for x, y in combinations(pts, 2):
                groups: dict = {}
                for u in pts:
                    if u in (x, y):
                        continue
                    expr, const = db.angles.normal_form(db.angle_expr(u, x, u, y))
                    groups.setdefault((tuple(sorted(expr.items())), const), []).append(u)
                for viewers in groups.values():
                    for u, v in combinations(viewers, 2):
                        if db.circles.containing((x, y, u, v)) is not None:
                            continue
                        prov = db.angle_holds(combine((1, db.angle_expr(u, x, u, y)), (-1, db.angle_expr(v, x, v, y))))
                        prem = db.chase(P("eqangle", (u, x, u, y, v, x, v, y)), "angle_chase", prov)
                        new += self.add(P("cyclic", (x, y, u, v)), "cyclic_conv", prem)
            for quad in combinations(pts, 4):
                if db.circles.containing(quad) is not None:
                    continue
                new += self._iso_trapezoid(quad) or self._arc_midpoint(quad)
        return new

    def _arc_midpoint(self, quad) -> int:
        """r on a bisector of angle man with rm = rn: r is a midpoint of an arc mn of circle amn
        (the figure has the four points concyclic, so am ≠ an)."""
        db = self.db
        for r in quad:
            for a in quad:
                if a == r:
                    continue
                m, n = (p for p in quad if p not in (a, r))
                if abs(self.ix.dist(a, m) - self.ix.dist(a, n)) < 1e-3 * self.ix.scale:
                    continue  # am = an: the bisector is the perpendicular bisector of mn itself
                cg = db.check(P("cong", (r, m, r, n)))
                if cg is None:
                    continue
                ang = db.check(P("eqangle", (a, m, a, r, a, r, a, n)))
                if ang is not None:
                    return self.add(P("cyclic", (a, m, r, n)), "arc_midpoint", cg + ang)
        return 0

    def _iso_trapezoid(self, quad) -> int:
        """ab ∥ cd with equal legs ad = bc, and the four points concyclic in the figure (so it is no
        parallelogram): an isosceles trapezoid, which is cyclic."""
        db = self.db
        a, b, c, d = quad
        for w, x, y, z in ((a, b, c, d), (a, c, b, d), (a, d, b, c)):
            for p1, p2, q1, q2 in ((w, x, y, z), (w, x, z, y)):
                # p1p2 ∥ q1q2 (or q2q1); legs p1q2 and p2q1, or the diagonals p1q1 and p2q2
                if db.check(P("para", (p1, p2, q1, q2))) is None:
                    continue
                if not (db.true(P("npara", (p1, q2, p2, q1))) and db.true(P("npara", (p1, q1, p2, q2)))):
                    continue  # a parallelogram (or a rectangle) in the figure: not this rule's case
                for legs in (((p1, q2), (p2, q1)), ((p1, q1), (p2, q2))):
                    cg = db.check(P("cong", legs[0] + legs[1]))
                    if cg is not None:
                        prem = db.check(P("para", (p1, p2, q1, q2))) + cg
                        return self.add(P("cyclic", (a, b, c, d)), "iso_trapezoid", prem)
        return 0


class Center(Matcher):
    """``center``: points known equidistant from o lie on a circle centred at o."""

    def __call__(self, deadline: Deadline) -> int:
        """Points equidistant from o in the figure, grouped by the hashed normal form of log|ob|: a
        group of three or more known equal lengths is a circle centred at o."""
        db, new = self.db, 0
        for o, groups in self.ix.equidistant.items():
            for g in groups:
                if len(g) < 3:
                    continue
                circ = db.circles.containing(g)
                if circ is not None and circ.center == o:
                    continue
                # classes of points known equidistant from o: lookup by the hashed normal form of log|ob|
                buckets: dict = {}
                for b in g:
                    expr, const, _ = db.ratios.reduce({db.seg(o, b): Fraction(1)})
                    buckets.setdefault((tuple(sorted(expr.items(), key=repr)), const), []).append(b)
                for known in buckets.values():
                    if len(known) < 3:
                        continue
                    prem = []
                    for b in known[1:]:
                        prem += db.check(P("cong", (o, known[0], o, b)))
                    existing = db.circles.containing(known)
                    if existing is not None and existing.center == o:
                        continue
                    x, y = known[:2]
                    for z in known[2:]:
                        have = [c for c in db.circles.alive() if c.center == o and z in c.points]
                        if have and x in have[0].points and y in have[0].points:
                            continue
                        pred = P("circle", (o, x, y, z))
                        node = db.add_fact(pred, "center", prem, check_new=False)
                        new += node is not None
        return new


class Chords(Matcher):
    """Equal chords of a known circle: ``chords_angle`` (they subtend equal angles) and
    ``chords_cong`` (the converse)."""

    def __call__(self, deadline: Deadline) -> int:
        """Pairs of chords of a known circle equal in the figure: whichever of the length and the
        angle is known gives the other."""
        db, new = self.db, 0
        for circle, pts in rich_circles(db):
            inside = set(pts)
            for group in self.ix.equal_segments:
                segs = [s for s in group if s[0] in inside and s[1] in inside]
                for (a, b), (p, q) in combinations(segs, 2):
                    # a vertex apart from the chord's ends (points at one spot: no angle)
                    r = next((x for x in pts if x not in (a, b) and self.ix.distinct(x, a, b)), None)
                    s = next((x for x in pts if x not in (p, q) and self.ix.distinct(x, p, q)), None)
                    if r is None or s is None:
                        continue
                    ang = P("eqangle", (r, a, r, b, s, p, s, q))
                    if not db.true(ang):
                        ang = P("eqangle", (r, a, r, b, s, q, s, p))
                    cong = P("cong", (a, b, p, q))
                    cc, ca = db.check(cong), db.check(ang)
                    cyc = cyclic_premise(db, circle, tuple(dict.fromkeys((a, b, p, q, r, s))))
                    if cc is not None and ca is None:
                        new += self.add(ang, "chords_angle", cyc + cc)
                    elif ca is not None and cc is None:
                        new += self.add(cong, "chords_cong", cyc + ca)
        return new
