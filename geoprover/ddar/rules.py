"""Rule matchers: each finds the instances of one rule of rules.txt through indexes.

Candidates come from the numeric index (only numerically true conclusions are tried); premises
are confirmed symbolically in the database (lines, circles, the angle and ratio systems).
Each matcher returns how many new facts it added.
"""
from __future__ import annotations

import time
from fractions import Fraction
from itertools import combinations

from ..language.problem import Predicate
from .database import HALF, Database
from .numeric import NumericIndex

P = Predicate


def _both(db: Database, *preds: Predicate):
    out = []
    for p in preds:
        c = db.check(p)
        if c is None:
            return None
        out += c
    return out


class Matchers:
    """The rule instances still open for one database and its numeric index."""

    def __init__(self, db: Database, index: NumericIndex) -> None:
        self.db = db
        self.ix = index
        self.inscribed_done: set = set()
        self.central_done: set = set()
        self.similar_open = list(index.similar)
        self.deadline: float | None = None
        self.order = [self.para_coll, self.inscribed, self.central, self.cyclic_conv, self.center,
                      self.isosceles, self.bisector_perp, self.chords, self.right_median,
                      self.midp_detect, self.bisect_ratio, self.trapezoid, self.distances, self.menelaus_ceva, self.right_trig,
                      self.similar]
        self.transversals_done: set = set()

    def add(self, pred: Predicate, rule: str, premises) -> int:
        return 1 if self.db.add_fact(pred, rule, premises) is not None else 0

    # ---- lines ------------------------------------------------------------------------------
    def para_coll(self) -> int:
        db, new = self.db, 0
        for line in self.ix.lines:
            if db.lines.collinear(line) is not None:
                continue
            a = line[0]
            for b, c in combinations(line[1:], 2):
                if db.lines.collinear((a, b, c)) is not None:
                    continue
                prov = db.angle_holds(db.angle_expr(a, b, a, c))
                if prov is not None:
                    prem = db.chase(P("para", (a, b, a, c)), "angle_chase", prov)
                    new += self.add(P("coll", (a, b, c)), "para_coll", prem)
            for b, c, d in combinations(line, 3):
                if db.lines.collinear((b, c, d)) is None:
                    prov = db.angle_holds(db.angle_expr(b, c, b, d))
                    if prov is not None:
                        prem = db.chase(P("para", (b, c, b, d)), "angle_chase", prov)
                        new += self.add(P("coll", (b, c, d)), "para_coll", prem)
        return new

    # ---- circles ----------------------------------------------------------------------------
    def _cyclic_premise(self, circle, pts) -> list:
        db = self.db
        pred = P("cyclic", tuple(pts))
        if str(pred) in db.known:
            return [db.known[str(pred)]]
        for node, stated in circle.nodes:
            if set(pts) <= stated:
                return [node]
        nodes = [n for n, _ in circle.nodes] + list(circle.center_nodes)
        return [db.node(str(pred), "circle_merge", nodes, pred)]

    def inscribed(self) -> int:
        db, new = self.db, 0
        for circle in db.circles.alive():
            pts = sorted(circle.points)
            if len(pts) < 4:
                continue
            key0 = (frozenset(pts),)
            if key0 in self.inscribed_done:
                continue
            self.inscribed_done.add(key0)
            for a, b in combinations(pts, 2):
                others = [p for p in pts if p not in (a, b)]
                c = others[0]
                for d in others[1:]:
                    key = (a, b, c, d)
                    if key in self.inscribed_done:
                        continue
                    self.inscribed_done.add(key)
                    expr = db._sum((1, db.angle_expr(c, a, c, b)), (-1, db.angle_expr(d, a, d, b)))
                    if db.angle_holds(expr) is not None:
                        continue
                    pred = P("eqangle", (c, a, c, b, d, a, d, b))
                    new += self.add(pred, "inscribed", self._cyclic_premise(circle, (a, b, c, d)))
        return new

    def central(self) -> int:
        """∠(ca → cb) = ∠(ao → ab) + 90° for chord ab, c on the circle, o its centre."""
        db, new = self.db, 0
        for circle in db.circles.alive():
            o = circle.center
            if o is None or len(circle.points) < 3:
                continue
            pts = sorted(circle.points)
            for a, b in combinations(pts, 2):
                c = next(p for p in pts if p not in (a, b))
                for x, y in ((a, b), (b, a)):
                    key = (o, x, y, c, len(pts))
                    if key in self.central_done:
                        continue
                    self.central_done.add(key)
                    expr = db._sum((1, db.angle_expr(c, x, c, y)), (-1, db.angle_expr(x, o, x, y)))
                    if db.angle_holds(expr, HALF) is not None:
                        continue
                    prem = self._cyclic_premise(circle, (x, y, c)) + list(circle.center_nodes)
                    # stated as: ∠(cx → cy) = ∠(xo → xy) + 90°
                    node = db.node(f"∠({c}{x}, {c}{y}) = ∠({x}{o}, {x}{y}) + 90°", "central", prem)
                    node.check = (lambda e=expr: self._angle_true(e, HALF))
                    node.equations = [("angle", ((1, c, y), (-1, c, x), (-1, x, y), (1, x, o)), HALF, {})]
                    if not self._angle_true(expr, HALF):
                        from .database import SoundnessError
                        raise SoundnessError(f"central angle equation false: {node.text}")
                    if db.add_angle(expr, HALF, node):
                        new += 1
        return new

    def _angle_true(self, expr, const) -> bool:
        """Numeric truth of an equation over line directions (mod π)."""
        import math
        db = self.db
        total = -float(const) * math.pi
        for v, k in expr.items():
            obj = db.lines.objs[v]
            a, b = sorted(obj.points)[:2]
            pa, pb = db.coords[a], db.coords[b]
            total += float(k) * (math.atan2(pb[1] - pa[1], pb[0] - pa[0]) % math.pi)
        r = total % math.pi
        return min(r, math.pi - r) < 1e-6

    def cyclic_conv(self) -> int:
        """Equal angles on one chord: viewers of a chord are grouped by the hashed normal form of
        the angle they see it under, so equal angles are found by lookup, not pair by pair."""
        db, new = self.db, 0
        for pts, _centre in self.ix.circles:
            if len(pts) < 4 or db.circles.containing(pts) is not None:
                continue
            for x, y in combinations(pts, 2):
                groups: dict = {}
                for u in pts:
                    if u in (x, y):
                        continue
                    expr, const, _ = db.angles.reduce(db.angle_expr(u, x, u, y))
                    groups.setdefault((tuple(sorted(expr.items())), const), []).append(u)
                for viewers in groups.values():
                    for u, v in combinations(viewers, 2):
                        if db.circles.containing((x, y, u, v)) is not None:
                            continue
                        prov = db.angle_holds(db._sum((1, db.angle_expr(u, x, u, y)),
                                                      (-1, db.angle_expr(v, x, v, y))))
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
                    continue    # am = an: the bisector is the perpendicular bisector of mn itself
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
        for (w, x, y, z) in ((a, b, c, d), (a, c, b, d), (a, d, b, c)):
            for (p1, p2, q1, q2) in ((w, x, y, z), (w, x, z, y)):
                # p1p2 ∥ q1q2 (or q2q1); legs p1q2 and p2q1, or the diagonals p1q1 and p2q2
                if db.check(P("para", (p1, p2, q1, q2))) is None:
                    continue
                if not (db.true(P("npara", (p1, q2, p2, q1))) and db.true(P("npara", (p1, q1, p2, q2)))):
                    continue    # a parallelogram (or a rectangle) in the figure: not this rule's case
                for legs in (((p1, q2), (p2, q1)), ((p1, q1), (p2, q2))):
                    cg = db.check(P("cong", legs[0] + legs[1]))
                    if cg is not None:
                        prem = db.check(P("para", (p1, p2, q1, q2))) + cg
                        return self.add(P("cyclic", (a, b, c, d)), "iso_trapezoid", prem)
        return 0


    def center(self) -> int:
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

    # ---- lengths ----------------------------------------------------------------------------
    def isosceles(self) -> int:
        db, new = self.db, 0
        for o, groups in self.ix.equidistant.items():
            for g in groups:
                for a, b in combinations(g, 2):
                    if not self.ix.ncoll(o, a, b):
                        continue
                    ang = P("eqangle", (a, o, a, b, b, a, b, o))
                    cong = P("cong", (o, a, o, b))
                    ca, cc = db.check(ang), db.check(cong)
                    if cc is not None and ca is None:
                        new += self.add(ang, "iso_angles", cc)
                    elif ca is not None and cc is None:
                        new += self.add(cong, "iso_sides", ca)
        return new

    def bisector_perp(self) -> int:
        db, new = self.db, 0
        eq: dict = {}
        for o, groups in self.ix.equidistant.items():
            for g in groups:
                for a, b in combinations(sorted(g), 2):
                    eq.setdefault((a, b), []).append(o)
        for (a, b), os in eq.items():
            if len(os) < 2:
                continue
            for p, q in combinations(os, 2):
                goal = P("perp", (p, q, a, b))
                if db.check(goal) is not None:
                    continue
                prem = _both(db, P("cong", (p, a, p, b)), P("cong", (q, a, q, b)))
                if prem is not None:
                    new += self.add(goal, "bisector_perp", prem)
        return new

    def chords(self) -> int:
        db, new = self.db, 0
        for circle in db.circles.alive():
            pts = sorted(circle.points)
            if len(pts) < 4:
                continue
            inside = set(pts)
            for group in self.ix.equal_segments:
                segs = [s for s in group if s[0] in inside and s[1] in inside]
                for (a, b), (p, q) in combinations(segs, 2):
                    r = next(x for x in pts if x not in (a, b))
                    s = next(x for x in pts if x not in (p, q))
                    ang = P("eqangle", (r, a, r, b, s, p, s, q))
                    if not db.true(ang):
                        ang = P("eqangle", (r, a, r, b, s, q, s, p))
                    cong = P("cong", (a, b, p, q))
                    cc, ca = db.check(cong), db.check(ang)
                    cyc = self._cyclic_premise(circle, tuple(dict.fromkeys((a, b, p, q, r, s))))
                    if cc is not None and ca is None:
                        new += self.add(ang, "chords_angle", cyc + cc)
                    elif ca is not None and cc is None:
                        new += self.add(cong, "chords_cong", cyc + ca)
        return new

    def right_median(self) -> int:
        db, new = self.db, 0
        for m, items in list(db.midpoints.items()):
            for x, y, node in items:
                for (b, u, v) in self.ix.right:
                    if {u, v} != {x, y} or b == m:
                        continue
                    goal = P("cong", (m, x, m, b))
                    if db.check(goal) is not None:
                        continue
                    pp = db.check(P("perp", (b, x, b, y)))
                    if pp is not None:
                        new += self.add(goal, "right_median", [node] + pp)
        return new

    def midp_detect(self) -> int:
        db, new = self.db, 0
        for m, a, b in self.ix.mid:
            goal = P("midp", (m, a, b))
            if str(goal) in db.known or any({x, y} == {a, b} for x, y, _ in db.midpoints.get(m, ())):
                continue
            prem = _both(db, P("coll", (m, a, b)), P("cong", (m, a, m, b)))
            if prem is not None:
                new += self.add(goal, "midp_detect", prem)
        return new

    def bisect_ratio(self) -> int:
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

    def trapezoid(self) -> int:
        """ab ∥ cd, m on ad, n on bc: mn ∥ ab exactly when ma : md = nb : nc."""
        db, new = self.db, 0
        for a, b, c, d, m, n in self.ix.trapezoids:
            para = P("para", (m, n, a, b))
            rat = P("eqratio", (m, a, m, d, n, b, n, c))
            cp, cr = db.check(para), db.check(rat)
            if (cp is None) == (cr is None):
                continue
            if c == d:    # a triangle c a b cut by mn
                base = _both(db, P("coll", (m, a, d)), P("coll", (n, b, c)))
            else:
                base = _both(db, P("para", (a, b, c, d)), P("coll", (m, a, d)), P("coll", (n, b, c)))
            if base is None:
                continue
            if cp is not None:
                new += self.add(rat, "trapezoid_ratio", base + cp)
            else:
                new += self.add(para, "trapezoid_para", base + cr)
        return new

    def distances(self) -> int:
        """Equal lengths found by distance chasing go to the database, and the other way round."""
        db, new = self.db, 0
        for group in self.ix.equal_segments:
            for (a, b), (c, d) in combinations(group, 2):
                pred = P("cong", (a, b, c, d))
                expr = db.dist.equal(a, b, c, d)
                dprov = db.dist.holds(expr)
                rprov = db.ratio_holds(db.ratio_expr(a, b, c, d))
                if dprov is not None and rprov is None:
                    (via,) = db.chase(pred, "distance_chase", dprov)
                    new += self.add(pred, "distance_chase", via.premises if via.text == str(pred) else [via])
                elif rprov is not None and dprov is None:
                    db.add_distance(expr, db.chase(pred, "ratio_chase", rprov)[0])
        return new

    def menelaus_ceva(self) -> int:
        """Triangles whose three side lines are known lines: a known transversal (Menelaus) or three
        known concurrent cevians (Ceva) give a product of three ratios equal to 1, linear in log-lengths."""
        import math
        db, new = self.db, 0
        lines = sorted(db.lines.alive(), key=lambda o: o.ident)
        for x, y, z in combinations(lines, 3):
            meet = [x.points & y.points, y.points & z.points, z.points & x.points]
            if any(len(m) != 1 for m in meet):
                continue
            (c,), (a,), (b,) = (tuple(m) for m in meet)
            if len({a, b, c}) < 3 or not self.ix.ncoll(a, b, c):
                continue
            sides = [(d, e, f) for d in sorted(x.points - {b, c}) for e in sorted(y.points - {c, a})
                     for f in sorted(z.points - {a, b})]
            for d, e, f in sides:
                key = (a, b, c, d, e, f)
                if key in self.transversals_done:
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
                    continue
                self.transversals_done.add(key)
                expr = db._sum((1, {db.seg(a, f): 1}), (-1, {db.seg(f, b): 1}), (1, {db.seg(b, d): 1}),
                               (-1, {db.seg(d, c): 1}), (1, {db.seg(c, e): 1}), (-1, {db.seg(e, a): 1}))
                if db.ratio_holds(expr) is not None:
                    continue
                value = sum(k * math.log(self.ix.dist(*v[1:])) for v, k in expr.items())
                if abs(value) > 1e-6:
                    from .database import SoundnessError
                    raise SoundnessError(f"{kind} product false in the figure for {key}")
                base = [n for o in (x, y, z) for n, _ in o.nodes]
                text = f"{a}{f}·{b}{d}·{c}{e} = {f}{b}·{d}{c}·{e}{a}"
                node = db.node(text, kind, list(dict.fromkeys(base + prem)))
                node.check = (lambda v=value: abs(v) < 1e-6)
                node.equations = [("ratio", ((1, a, f), (-1, f, b), (1, b, d), (-1, d, c), (1, c, e), (-1, e, a)), 0, {})]
                new += db.add_ratio(expr, node)
        return new

    # sin and cos of 30°, 45°, 60° as prime exponents: √3/2 = 3^(1/2) · 2^(-1)
    TRIG = {Fraction(1, 6): ({2: -1}, {3: Fraction(1, 2), 2: -1}),
            Fraction(1, 4): ({2: Fraction(-1, 2)}, {2: Fraction(-1, 2)}),
            Fraction(1, 3): ({3: Fraction(1, 2), 2: -1}, {2: -1})}

    def right_trig(self) -> int:
        """A right triangle with a 30°, 45° or 60° angle: its sides are in the known ratios."""
        db, new = self.db, 0
        for (b, a, c) in sorted(self.ix.right):
            for x, y in ((a, c), (c, a)):      # the acute angle at x, the other acute vertex y
                key = ("trig", b, x, y)
                if key in self.inscribed_done:
                    continue
                expr = db.angle_expr(x, b, x, y)
                value = db.angle_value(expr)
                theta = min(value, 1 - value)
                const = next((t for t in self.TRIG if abs(theta - float(t)) < 1e-6), None)
                if const is None:
                    continue
                signed = const if abs(value - float(const)) < 1e-6 else (1 - const)
                pa = db.angle_holds(expr, signed)
                pr = db.angle_holds(db.angle_expr(b, x, b, y), HALF)
                if pa is None or pr is None:
                    continue
                self.inscribed_done.add(key)
                sin, cos = self.TRIG[const]
                prem = db.chase(P("aconst", (x, b, x, y), signed), "angle_chase", pa) + \
                    db.chase(P("perp", (b, x, b, y)), "angle_chase", pr)
                deg = int(const * 180)
                node = db.node(f"|{b}{y}| = sin {deg}°·|{x}{y}|, |{b}{x}| = cos {deg}°·|{x}{y}|", "right_trig", prem)
                opp = db._sum((1, db.ratio_expr(b, y, x, y)), (-1, {("log", p): k for p, k in sin.items()}))
                adj = db._sum((1, db.ratio_expr(b, x, x, y)), (-1, {("log", p): k for p, k in cos.items()}))
                import math
                ok = all(abs(sum(float(k) * (math.log(self.ix.dist(*v[1:])) if v[0] == "s" else math.log(v[1]))
                                 for v, k in e.items())) < 1e-6 for e in (opp, adj))
                if not ok:
                    from .database import SoundnessError
                    raise SoundnessError(f"trigonometric ratios false in the figure: {node.text}")
                node.check = (lambda ok=ok: ok)
                node.equations = [("ratio", ((1, b, y), (-1, x, y)), 0, sin), ("ratio", ((1, b, x), (-1, x, y)), 0, cos)]
                for e in (opp, adj):
                    for v in e:
                        if v[0] == "log":
                            db.ratios.fixed.add(v)
                    new += db._eq(db.ratios, e, Fraction(0), node)
        return new

    def _concurrent(self, a, d, b, e, c, f):
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

    # ---- similar triangles ------------------------------------------------------------------
    def _zero(self, system, expr, const, cache) -> bool:
        """Does ``expr = const`` hold? Summed from cached normal forms of single variables."""
        total: dict = {}
        c = -const if const else 0
        for v, k in expr.items():
            nf = cache.get(v)
            if nf is None:
                nf = cache[v] = system.normal(v)
            vexpr, vconst = nf
            c += k * vconst
            for w, kw in vexpr.items():
                total[w] = total.get(w, 0) + k * kw
        if any(total.values()):
            return False
        return (c % system.modulus if system.modulus is not None else c) == 0

    def similar(self) -> int:
        db, new = self.db, 0
        still = []
        version = (db.angles.equations, db.ratios.equations)
        acache: dict = {}
        rcache: dict = {}
        for count, (t1, t2, same) in enumerate(self.similar_open):
            if self.deadline is not None and count % 64 == 0 and time.perf_counter() > self.deadline:
                still.extend(self.similar_open[count:])
                break
            if (db.angles.equations, db.ratios.equations) != version:
                version = (db.angles.equations, db.ratios.equations)
                acache, rcache = {}, {}
            a, b, c = t1
            p, q, r = t2
            angles = db.similar_angle_eqs(a, b, c, p, q, r, same)
            ratios = db.similar_ratio_eqs(a, b, c, p, q, r)
            fa = [self._zero(db.angles, e, k, acache) for e, k in angles]
            fr = [self._zero(db.ratios, e, 0, rcache) for e in ratios]
            if all(fa) and all(fr):
                continue          # nothing left to learn from this pair
            if sum(fa) == 0 and sum(fr) < 2:
                still.append((t1, t2, same))
                continue          # no similarity criterion can hold yet
            ha = [db.angle_holds(e, k) if f else None for (e, k), f in zip(angles, fa)]
            hr = [db.ratio_holds(e) if f else None for e, f in zip(ratios, fr)]
            nang = sum(h is not None for h in ha)
            nrat = sum(h is not None for h in hr)
            if nang == 3 and nrat == 2:
                continue          # nothing left to learn from this pair
            rule = None
            astated = self._angle_preds(t1, t2, same)
            rstated = [P("eqratio", (a, b, b, c, p, q, q, r)), P("eqratio", (b, c, c, a, q, r, r, p))]
            prov_a = [("angle", h, astated[k]) for k, h in enumerate(ha) if h is not None]
            prov_r = [("ratio", h, rstated[k]) for k, h in enumerate(hr) if h is not None]
            if nang >= 2:
                rule, provs = "sim_aa", prov_a[:2]
            elif nrat >= 2:
                rule, provs = "sim_sss", prov_r[:2]
            elif nang == 1:
                # SAS: the known angle must sit between the sides of a known ratio
                i = next(k for k, h in enumerate(ha) if h is not None)
                v = (i + 1) % 3
                sas = self._sas(t1, t2, v)
                if sas is not None:
                    x = [t1[(v - 1) % 3], t1[v], t1[(v + 1) % 3]]
                    y = [t2[(v - 1) % 3], t2[v], t2[(v + 1) % 3]]
                    stated = P("eqratio", (x[1], x[0], x[1], x[2], y[1], y[0], y[1], y[2]))
                    rule, provs = "sim_sas", [prov_a[0], ("ratio", sas, stated)]
                else:
                    rhs = self._rhs(t1, t2, v)
                    if rhs is not None:
                        rule, provs = "sim_rhs", [prov_a[0]] + rhs
            if rule is None:
                still.append((t1, t2, same))
                continue
            prem = []
            for kind, prov, stated in provs:
                prem += db.chase(stated, "angle_chase" if kind == "angle" else "ratio_chase", prov)
            pred = P("simtri", (a, b, c, p, q, r))
            text = str(pred)
            node = db.known.get(text) or db.node(text, rule, prem, pred)
            db.known[text] = node
            db._guard(pred)
            for (e, k), h in zip(angles, ha):
                if h is None and db.add_angle(e, k, node):
                    new += 1
            for e, h in zip(ratios, hr):
                if h is None and db.add_ratio(e, node):
                    new += 1
        self.similar_open = still
        return new

    @staticmethod
    def _angle_preds(t1, t2, same: bool) -> list[Predicate]:
        """The three angle equalities of a similarity, in the order of similar_angle_eqs."""
        a, b, c = t1
        p, q, r = t2
        out = []
        for (x, y, z), (u, v, w) in (((a, b, c), (p, q, r)), ((b, c, a), (q, r, p)), ((c, a, b), (r, p, q))):
            out.append(P("eqangle", (y, x, y, z, v, u, v, w) if same else (y, x, y, z, v, w, v, u)))
        return out

    def _rhs(self, t1, t2, v):
        """Right angle at vertex v in both, and leg : hypotenuse equal: (kind, provenance, stated)."""
        db = self.db
        x0, xv, x1 = t1[(v - 1) % 3], t1[v], t1[(v + 1) % 3]
        y0, yv, y1 = t2[(v - 1) % 3], t2[v], t2[(v + 1) % 3]
        if (xv, x0, x1) not in self.ix.right and (xv, x1, x0) not in self.ix.right:
            return None
        right = db.angle_holds(db.angle_expr(xv, x0, xv, x1), HALF)
        if right is None:
            return None
        for (xl, yl) in ((x0, y0), (x1, y1)):
            e = db._sum((1, db.ratio_expr(xv, xl, x0, x1)), (-1, db.ratio_expr(yv, yl, y0, y1)))
            prov = db.ratio_holds(e)
            if prov is not None:
                return [("angle", right, P("perp", (xv, x0, xv, x1))),
                        ("ratio", prov, P("eqratio", (xv, xl, x0, x1, yv, yl, y0, y1)))]
        return None

    def _sas(self, t1, t2, i):
        """Provenance of the ratio of the two sides around vertex ``i``, if known."""
        db = self.db
        x = [t1[(i - 1) % 3], t1[i], t1[(i + 1) % 3]]
        y = [t2[(i - 1) % 3], t2[i], t2[(i + 1) % 3]]
        e = db._sum((1, db.ratio_expr(x[1], x[0], x[1], x[2])), (-1, db.ratio_expr(y[1], y[0], y[1], y[2])))
        return db.ratio_holds(e)
