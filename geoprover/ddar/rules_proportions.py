"""Proportions: the bisector theorem, parallel intercepts (trapezoid and triangle), Menelaus (both
ways), Ceva."""

from __future__ import annotations

import math
from itertools import combinations

from ..timing import Deadline
from .database import Database
from .linalg import combine
from .matcher import Matcher, P, both
from .nodes import Node, SoundnessError
from .numeric import NumericIndex


class BisectRatio(Matcher):
    """``bisect_ratio`` (the angle bisector theorem) and ``ratio_bisect`` (its converse)."""

    def __call__(self, deadline: Deadline) -> int:
        """Bisector feet of the figure on a known side line: whichever of the angles and the ratio is
        known gives the other."""
        db, new = self.db, 0
        for a, b, c, d in self.ix.bisectors:
            col = db.check(P("coll", (d, b, c)))
            if col is None:
                continue
            ang = P("eqangle", (a, b, a, d, a, d, a, c))
            rat = P("eqratio", (d, b, d, c, a, b, a, c))
            ca, cr = db.check(ang), db.check(rat)
            if ca is not None and cr is None:
                new += self.add(rat, "bisect_ratio", ca + col)
            elif cr is not None and ca is None:
                new += self.add(ang, "ratio_bisect", cr + col)
        return new


class Trapezoid(Matcher):
    """``trapezoid_ratio`` and ``trapezoid_para``: ab ∥ cd, m on ad, n on bc (c = d: a triangle):
    mn ∥ ab exactly when ma : md = nb : nc."""

    def __call__(self, deadline: Deadline) -> int:
        """Intercepts of the figure (mn ∥ ab ∥ cd there): whichever of the parallel and the ratio is
        known gives the other."""
        db, new = self.db, 0
        for a, b, c, d, m, n in self.ix.trapezoids:
            # mn must be a real transversal: m, n not vertices, and (a triangle) abc not flat
            if m in (a, d) or n in (b, c) or len({a, b, m, n}) < 4 or (c == d and not self.ix.ncoll(a, b, c)):
                continue
            para = P("para", (m, n, a, b))
            rat = P("eqratio", (m, a, m, d, n, b, n, c))
            cp, cr = db.check(para), db.check(rat)
            if (cp is None) == (cr is None):
                continue
            if c == d:  # a triangle c a b cut by mn
                base = both(db, P("coll", (m, a, d)), P("coll", (n, b, c)))
            else:
                base = both(db, P("para", (a, b, c, d)), P("coll", (m, a, d)), P("coll", (n, b, c)))
            if base is None:
                continue
            if cp is not None:
                new += self.add(rat, "trapezoid_ratio", base + cp)
            else:
                new += self.add(para, "trapezoid_para", base + cr)
        return new


class MenelausCeva(Matcher):
    """``menelaus``, ``menelaus_conv`` and ``ceva``: triangles whose three side lines are known lines, with a known
    transversal or three known concurrent cevians, give a product of three ratios equal to 1
    (linear in log-lengths)."""

    def __init__(self, db: Database, ix: NumericIndex) -> None:
        super().__init__(db, ix)
        self.done: set = set()  # (a, b, c, d, e, f) stated

    def __call__(self, deadline: Deadline) -> int:
        """Triples of known lines meeting pairwise in a non-flat triangle, with a known transversal or
        concurrent cevians; each instance once."""
        db, new = self.db, 0
        lines = sorted(db.lines.alive(), key=lambda o: o.ident)
        for x, y, z in combinations(lines, 3):
            meet = [x.points & y.points, y.points & z.points, z.points & x.points]
            if any(len(m) != 1 for m in meet):
                continue
            (c,), (a,), (b,) = (tuple(m) for m in meet)
            if len({a, b, c}) < 3 or not self.ix.ncoll(a, b, c):
                continue
            sides = [
                (d, e, f)
                for d in sorted(x.points - {b, c})
                for e in sorted(y.points - {c, a})
                for f in sorted(z.points - {a, b})
            ]
            for d, e, f in sides:
                key = (a, b, c, d, e, f)
                if key in self.done:
                    continue
                if not self.ix.distinct(a, b, c, d, e, f):  # points at one spot: a segment of length 0
                    continue
                kind, prem = None, None
                col = db.coll_nodes((d, e, f))
                if col is not None:
                    kind, prem = "menelaus", col
                else:
                    p = self._concurrent(a, d, b, e, c, f)
                    if p is not None:
                        kind, prem = "ceva", p
                if kind is None:
                    new += self._converse(a, b, c, d, e, f)
                    continue
                self.done.add(key)
                expr = self._product(a, b, c, d, e, f)
                if db.ratio_holds(expr) is not None:
                    continue
                base = db.coll_nodes((d, b, c)) + db.coll_nodes((e, c, a)) + db.coll_nodes((f, a, b))
                node = self._product_node(key, kind, list(dict.fromkeys(base + prem)))
                node.conditions = (f"ncoll {a} {b} {c}",)
                new += db.add_ratio(expr, node)
        return new

    def _product(self, a: str, b: str, c: str, d: str, e: str, f: str):
        """af·bd·ce : fb·dc·ea as log-lengths (Menelaus' and Ceva's product)."""
        db = self.db
        return combine(
            (1, {db.seg(a, f): 1}),
            (-1, {db.seg(f, b): 1}),
            (1, {db.seg(b, d): 1}),
            (-1, {db.seg(d, c): 1}),
            (1, {db.seg(c, e): 1}),
            (-1, {db.seg(e, a): 1}),
        )

    def _product_node(self, pts: tuple[str, ...], rule: str, premises: list[Node]) -> Node:
        """A proof node stating af·bd·ce = fb·dc·ea for pts = (a, b, c, d, e, f), checked in the figure."""
        a, b, c, d, e, f = pts
        value = sum(k * math.log(self.ix.dist(*v[1:])) for v, k in self._product(*pts).items())
        if abs(value) > 1e-6:
            raise SoundnessError(f"{rule} product false in the figure for {pts}")
        node = self.db.node(f"{a}{f}·{b}{d}·{c}{e} = {f}{b}·{d}{c}·{e}{a}", rule, premises)
        node.check = lambda v=value: abs(v) < 1e-6
        node.equations = [("ratio", ((1, a, f), (-1, f, b), (1, b, d), (-1, d, c), (1, c, e), (-1, e, a)), 0, {})]
        return node

    def _converse(self, a: str, b: str, c: str, d: str, e: str, f: str) -> int:
        """``menelaus_conv``: d, e, f on the side lines bc, ca, ab, collinear in the figure, with
        af·bd·ce = fb·dc·ea known: then they are collinear, provided an odd number of them lie
        outside their sides (the signed product is then −1, not +1, and fixes the line). Which of
        them lie outside is read off the figure and printed."""
        db = self.db
        key = ("conv", a, b, c, d, e, f)
        if key in self.done or not self._figure_collinear(d, e, f) or db.coll_nodes((d, e, f)) is not None:
            return 0
        prov = db.ratio_holds(self._product(a, b, c, d, e, f))
        if prov is None:
            return 0
        self.done.add(key)
        sides = ((d, b, c), (e, c, a), (f, a, b))
        inside = [self._between(p, u, v) for p, u, v in sides]
        if inside.count(False) % 2 == 0:  # an even count would mean the signed product is +1: not Menelaus
            raise SoundnessError(f"menelaus_conv: {d} {e} {f} collinear with an even number outside")
        product = self._product_node((a, b, c, d, e, f), "ratio_chase", db.chase_nodes(prov))
        where = ", ".join(
            f"{p} {'inside' if within else 'outside'} segment {u}{v}" for (p, u, v), within in zip(sides, inside)
        )
        on_sides = db.coll_nodes((d, b, c)) + db.coll_nodes((e, c, a)) + db.coll_nodes((f, a, b))
        pred = P("coll", (d, e, f))
        node = db.add_fact(pred, "menelaus_conv", list(dict.fromkeys(on_sides + [product])))
        if node is None:
            return 0
        node.conditions = (f"ncoll {a} {b} {c}", f"{where} (as drawn)")
        return 1

    def _between(self, p: str, u: str, v: str) -> bool:
        """p lies inside segment uv in the figure (p is on line uv)."""
        pu, pv = self.db.coords[u] - self.db.coords[p], self.db.coords[v] - self.db.coords[p]
        return float(pu @ pv) < 0

    def _figure_collinear(self, d: str, e: str, f: str) -> bool:
        """d, e, f on one line of the figure (three distinct spots)."""
        return any({d, e, f} <= set(line) for line in self.ix.lines)

    def _concurrent(self, a: str, d: str, b: str, e: str, c: str, f: str) -> list[Node] | None:
        """The facts making lines ad, be, cf meet at one named point, if they are known to."""
        db = self.db
        la, lb, lc = (db.lines.collinear((u, v)) for u, v in ((a, d), (b, e), (c, f)))
        if la is None or lb is None or lc is None:
            return None
        common = (la.points & lb.points & lc.points) - {a, b, c, d, e, f}
        if len(la.points) < 3 or not common:
            return None
        p = sorted(common)[0]
        prem = []
        for u, v in ((a, d), (b, e), (c, f)):
            got = db.coll_nodes((u, v, p))
            if got is None:
                return None
            prem += got
        return prem
