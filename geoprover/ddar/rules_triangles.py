"""Similar and congruent triangles: AA, SAS, SSS and right triangles (RHS), candidates from the figure."""
from __future__ import annotations

import time

from .database import HALF
from .rules_base import P, RuleBase


class TriangleRules(RuleBase):
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
    def _angle_preds(t1, t2, same: bool) -> list:
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
