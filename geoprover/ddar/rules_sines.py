"""The extended law of sines: |yz| = 2R·|sin x| in a triangle xyz with circumradius R.

Each triangle gets a log-circumradius variable R(xyz) in the ratio system. Angles whose sines are
equal (the angle chase knows ∠x = ±∠p mod π) give |yz| : R(xyz) = |qr| : R(pqr); triangles on one
known circle share its radius (and a known centre gives it as a length); and conversely, when the
ratio chase shows |yz| : R(xyz) = |qr| : R(pqr), the sines are equal and ∠x = ±∠p, the sign as drawn.
This carries length facts into angles across circles nobody named, e.g. chords of equal length in
circles of equal radius subtend equal angles.
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import combinations

import numpy as np

from ..timing import Deadline
from .database import Database
from .linalg import Expr, combine
from .matcher import Matcher, P, cyclic_premise
from .nodes import Node, SoundnessError
from .numeric import NumericIndex

TOL = 1e-9


def _circumradius(pa, pb, pc) -> float:
    a, b, c = (float(np.hypot(*(u - v))) for u, v in ((pb, pc), (pc, pa), (pa, pb)))
    cross = abs((pb[0] - pa[0]) * (pc[1] - pa[1]) - (pb[1] - pa[1]) * (pc[0] - pa[0]))
    return a * b * c / (2 * cross)


class SineLaw(Matcher):
    """``sine_law``, ``circumradius`` and ``sine_angle``: circumradius variables in the ratio chase
    (a last-resort matcher: it runs when no other rule adds anything)."""

    def __init__(self, db: Database, ix: NumericIndex) -> None:
        super().__init__(db, ix)
        self.done: set = set()  # vertex angles, ties and class pairs already stated
        self.groups: list | None = None  # vertex angles grouped by equal |sin| (built once)

    def rebind(self, ix: NumericIndex) -> None:
        """The grown figure's angles are grouped again on the next call."""
        self.ix = ix
        self.groups = None

    # ----- numeric side ---------------------------------------------------------------------
    def _sine_groups(self) -> list[list[tuple[str, str, str]]]:
        """Vertex angles (x, y, z) = the angle at x of triangle xyz, grouped by equal |sin| (the
        triangles' angles are the numeric index's; nearly flat ones are left out)."""
        entries = []
        for (x, y, z), ang in self.ix.triangle_angles:
            if math.sin(ang[0]) <= 1e-2:
                continue
            for vertex, t in zip(((x, y, z), (y, z, x), (z, x, y)), ang):
                entries.append((math.sin(t), *vertex))
        entries.sort()
        groups, cur, last = [], [], None
        for s, v, p, q in entries:
            if last is not None and s - last > TOL:
                if len(cur) > 1:
                    groups.append(cur)
                cur = []
            cur.append((v, p, q))
            last = s
        if len(cur) > 1:
            groups.append(cur)
        return groups

    def _radius_value(self, tri) -> float:
        c = self.db.coords
        return _circumradius(*(c[p] for p in tri))

    # ----- the three steps -------------------------------------------------------------------
    def _sine_expr(self, m: tuple[str, str, str], r: tuple[str, str, str]) -> Expr:
        """log|yz| − log R(xyz) − log|qr| + log R(pqr) for vertex angles m = (x, y, z), r = (p, q, r)."""
        db = self.db
        (_, y, z), (_, q, s) = m, r
        return combine((1, {db.seg(y, z): 1}), (-1, {db.radius(m): 1}), (-1, {db.seg(q, s): 1}), (1, {db.radius(r): 1}))

    def _ratio_node(self, text: str, rule: str, premises, terms, value: float) -> Node:
        """A proof node stating Σ k·log|ab| = 0 (terms (k, a, b); a = "R": the triangle b's
        circumradius), whose numeric value ``value`` must be zero in the figure."""
        if abs(value) > 1e-6:
            raise SoundnessError(f"{self.db.words(rule)}: false in the figure: {text}")
        node = self.db.node(text, rule, premises)
        node.check = lambda v=value: abs(v) < 1e-6
        node.equations = [("ratio", terms, 0, {})]
        return node

    def _sine_node(self, text: str, rule: str, premises, m, r) -> Node:
        (x, y, z), (p, q, s) = m, r
        value = (
            math.log(self.ix.dist(y, z))
            - math.log(self._radius_value(m))
            - math.log(self.ix.dist(q, s))
            + math.log(self._radius_value(r))
        )
        node = self._ratio_node(text, rule, premises, ((1, y, z), (-1, "R", m), (-1, q, s), (1, "R", r)), value)
        node.conditions = (f"ncoll {x} {y} {z}", f"ncoll {p} {q} {s}")
        return node

    def _tie(self, tri) -> int:
        """A triangle on a known circle has that circle's radius (its centre's distance, if known)."""
        db, new = self.db, 0
        circle = db.circles.containing(tri)
        if circle is None:
            return 0
        base = tuple(sorted(circle.points)[:3])
        key = ("tie", tuple(sorted(tri)), base)
        if key in self.done:
            return 0
        self.done.add(key)
        if tuple(sorted(tri)) != base:
            expr = combine((1, {db.radius(tri): 1}), (-1, {db.radius(base): 1}))
            if db.ratio_holds(expr) is None:
                prem = cyclic_premise(db, circle, tuple(sorted(set(tri) | set(base))))
                t, b = "".join(sorted(tri)), "".join(base)
                value = math.log(self._radius_value(tri)) - math.log(self._radius_value(base))
                node = self._ratio_node(
                    f"R({t}) = R({b})", "circumradius", prem, ((1, "R", tuple(tri)), (-1, "R", base)), value
                )
                new += db.equate(db.ratios, expr, Fraction(0), node)
        o = circle.center
        if o is not None and ("centre", base, o) not in self.done:
            self.done.add(("centre", base, o))
            expr = combine((1, {db.radius(base): 1}), (-1, {db.seg(o, base[0]): 1}))
            if db.ratio_holds(expr) is None:
                prem = cyclic_premise(db, circle, base) + list(circle.center_nodes)
                value = math.log(self._radius_value(base)) - math.log(self.ix.dist(o, base[0]))
                node = self._ratio_node(
                    f"R({''.join(base)}) = |{o}{base[0]}|",
                    "circumradius",
                    prem,
                    ((1, "R", base), (-1, o, base[0])),
                    value,
                )
                new += db.equate(db.ratios, expr, Fraction(0), node)
        return new

    def _angle_class(self, m, cache: dict):
        """A hashable normal form of the vertex angle m up to sign (equal keys: ∠x = ±∠p by the
        angle chase), and the sign that maps m to it."""
        db = self.db
        x, y, z = m
        pair = (db.d(x, y), db.d(x, z))
        got = cache.get(pair)
        if got is not None:
            return got
        total: dict = {}
        const = Fraction(0)
        for v, k in db.angle_expr(x, y, x, z).items():
            nf = cache.get(v)
            if nf is None:
                nf = cache[v] = db.angles.normal(v)
            vexpr, vconst = nf
            const += k * vconst
            for w, kw in vexpr.items():
                total[w] = total.get(w, 0) + k * kw
        pos = (tuple(sorted((w, k) for w, k in total.items() if k)), const % 1)
        neg = (tuple((w, -k) for w, k in pos[0]), (-const) % 1)
        cache[pair] = got = (pos, 1) if pos <= neg else (neg, -1)
        return got

    def __call__(self, deadline: Deadline) -> int:
        """Within each group of numerically equal sines, angles the chase shows equal or opposite
        form one class: each member is linked to the class's first (equalities chain), then the
        converse is tried between the classes."""
        db, new = self.db, 0
        if self.groups is None:
            self.groups = self._sine_groups()
        cache: dict = {}
        for group in self.groups:
            classes: dict = {}
            for m in group:
                key, sign = self._angle_class(m, cache)
                if key not in classes:
                    classes[key] = (m, sign)
                    if m not in self.done:
                        self.done.add(m)
                        new += self._tie(m)
                    continue
                if m in self.done:
                    continue
                self.done.add(m)
                r, rsign = classes[key]
                expr = self._sine_expr(m, r)
                if db.ratio_holds(expr) is None:
                    (x, y, z), (p, q, s) = m, r
                    pred = P("eqangle", (x, y, x, z, p, q, p, s) if sign == rsign else (x, y, x, z, p, s, p, q))
                    prov = db.check(pred)
                    if prov is None:  # the normal forms said so; the chase must agree
                        raise SoundnessError(f"law of sines: angle classes disagree with the chase: {pred}")
                    text = f"|{y}{z}| : R({x}{y}{z}) = |{q}{s}| : R({p}{q}{s})"
                    node = self._sine_node(text, "sine_law", prov, m, r)
                    new += db.equate(db.ratios, expr, Fraction(0), node)
                new += self._tie(m)
            reps = [m for m, _ in classes.values()]
            if len(reps) > 8:  # many sine classes of one value: a coincidence of the figure
                continue
            for m, r in combinations(reps, 2):
                if (m, r) not in self.done:
                    got = self._sine_angle(m, r)
                    if got is not None:
                        self.done.add((m, r))
                        new += got
        return new

    def _sine_angle(self, m, r) -> int | None:
        """Sines in proportion to the circumradii: ∠x = ±∠p, whichever the figure shows (None while
        neither the angle nor the ratio chase relates the two)."""
        db = self.db
        prov = db.ratio_holds(self._sine_expr(m, r))
        if prov is None:
            return None
        (x, y, z), (p, q, s) = m, r
        same = P("eqangle", (x, y, x, z, p, q, p, s))
        opposite = P("eqangle", (x, y, x, z, p, s, p, q))
        pred = same if db.true(same) else opposite
        text = f"|{y}{z}| : R({x}{y}{z}) = |{q}{s}| : R({p}{q}{s})"
        basis = db.chase_nodes(prov)
        if len(basis) == 1 and basis[0].text == text:
            ratio = basis[0]
        else:
            ratio = self._sine_node(text, "ratio_chase", basis, m, r)
        node = db.add_fact(pred, "sine_angle", [ratio])
        if node is None:
            return 0
        node.conditions = (f"ncoll {x} {y} {z}", f"ncoll {p} {q} {s}", f"angles at {x} and {p} are oriented as drawn")
        return 1
