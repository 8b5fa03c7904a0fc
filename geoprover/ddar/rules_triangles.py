"""Similar and congruent triangles: AA, SSS, SAS and right triangles (RHS), candidates from the figure.

The numeric index lists the pairs of triangles similar in the figure (with their orientation); a
pair waits in ``Similar.open`` until one criterion holds symbolically, then its missing angle and
ratio equations are stated as one ``simtri`` step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from ..model import Predicate
from ..timing import Deadline
from .database import Database
from .encode import HALF
from .linalg import Expr, LinearSystem, combine
from .matcher import Matcher, P
from .numeric import NumericIndex

Triangle = tuple[str, str, str]
Cited = tuple[str, dict, Predicate]  # (system, provenance, the fact stated) of one premise
Criterion = tuple[str, list[Cited]]  # (rule key, its premises)


def zero_by_normal_forms(system: LinearSystem, expr: Expr, const: Fraction | int, cache: dict) -> bool:
    """Does ``expr = const`` hold? Summed from cached normal forms of single variables (a cheap
    filter: no provenance)."""
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


def angle_preds(t1: Triangle, t2: Triangle, same: bool) -> list[Predicate]:
    """The three angle equalities of a similarity, in the order of similar_angle_eqs."""
    a, b, c = t1
    p, q, r = t2
    out = []
    for (x, y, z), (u, v, w) in (((a, b, c), (p, q, r)), ((b, c, a), (q, r, p)), ((c, a, b), (r, p, q))):
        out.append(P("eqangle", (y, x, y, z, v, u, v, w) if same else (y, x, y, z, v, w, v, u)))
    return out


def _around(t: Triangle, v: int) -> list[str]:
    """The vertices of ``t`` as (before v, v, after v)."""
    return [t[(v - 1) % 3], t[v], t[(v + 1) % 3]]


@dataclass
class Pair:
    """A candidate pair with what the chases know of it: the provenance of each of its three
    angle and two ratio equations (None: not known), and the known ones as citable premises."""

    t1: Triangle
    t2: Triangle
    same: bool
    angles: list  # provenance per vertex angle, or None
    ratios: list  # provenance per side ratio, or None

    def cited_angles(self) -> list[Cited]:
        """The known angle equations as premises to cite."""
        stated = angle_preds(self.t1, self.t2, self.same)
        return [("angle", h, stated[k]) for k, h in enumerate(self.angles) if h is not None]

    def cited_ratios(self) -> list[Cited]:
        """The known ratio equations as premises to cite."""
        (a, b, c), (p, q, r) = self.t1, self.t2
        stated = [P("eqratio", (a, b, b, c, p, q, q, r)), P("eqratio", (b, c, c, a, q, r, r, p))]
        return [("ratio", h, stated[k]) for k, h in enumerate(self.ratios) if h is not None]

    def known_angles(self) -> int:
        """How many of the three angle equations the chase knows."""
        return sum(h is not None for h in self.angles)

    def known_ratios(self) -> int:
        """How many of the two ratio equations the chase knows."""
        return sum(h is not None for h in self.ratios)


# ----- the criteria, tried in this order -----------------------------------------------------------
def by_aa(db: Database, ix: NumericIndex, pair: Pair) -> Criterion | None:
    """Two equal angles (the orientation follows)."""
    if pair.known_angles() >= 2:
        return "sim_aa", pair.cited_angles()[:2]
    return None


def by_sss(db: Database, ix: NumericIndex, pair: Pair) -> Criterion | None:
    """Both side ratios equal (the orientation as drawn)."""
    if pair.known_ratios() >= 2:
        return "sim_sss", pair.cited_ratios()[:2]
    return None


def _one_angle(pair: Pair) -> int | None:
    """With exactly one known angle equation: the vertex it is the angle at."""
    if pair.known_angles() != 1:
        return None
    i = next(k for k, h in enumerate(pair.angles) if h is not None)
    return (i + 1) % 3  # similar_angle_eqs lists the angles at b, c, a


def by_sas(db: Database, ix: NumericIndex, pair: Pair) -> Criterion | None:
    """One equal angle between sides in one ratio (the orientation as drawn)."""
    v = _one_angle(pair)
    if v is None:
        return None
    x, y = _around(pair.t1, v), _around(pair.t2, v)
    e = combine((1, db.ratio_expr(x[1], x[0], x[1], x[2])), (-1, db.ratio_expr(y[1], y[0], y[1], y[2])))
    prov = db.ratio_holds(e)
    if prov is None:
        return None
    stated = P("eqratio", (x[1], x[0], x[1], x[2], y[1], y[0], y[1], y[2]))
    return "sim_sas", [pair.cited_angles()[0], ("ratio", prov, stated)]


def by_rhs(db: Database, ix: NumericIndex, pair: Pair) -> Criterion | None:
    """Right angles at the vertex of the one known angle, and leg : hypotenuse equal."""
    v = _one_angle(pair)
    if v is None:
        return None
    x0, xv, x1 = _around(pair.t1, v)
    y0, yv, y1 = _around(pair.t2, v)
    if (xv, x0, x1) not in ix.right and (xv, x1, x0) not in ix.right:
        return None
    right = db.angle_holds(db.angle_expr(xv, x0, xv, x1), HALF)
    if right is None:
        return None
    for xl, yl in ((x0, y0), (x1, y1)):
        e = combine((1, db.ratio_expr(xv, xl, x0, x1)), (-1, db.ratio_expr(yv, yl, y0, y1)))
        prov = db.ratio_holds(e)
        if prov is not None:
            return "sim_rhs", [
                pair.cited_angles()[0],
                ("angle", right, P("perp", (xv, x0, xv, x1))),
                ("ratio", prov, P("eqratio", (xv, xl, x0, x1, yv, yl, y0, y1))),
            ]
    return None


CRITERIA: tuple[Callable[[Database, NumericIndex, Pair], Criterion | None], ...] = (by_aa, by_sss, by_sas, by_rhs)


class Similar(Matcher):
    """``sim_aa``, ``sim_sss``, ``sim_sas``, ``sim_rhs``: the first criterion that holds for a pair
    similar in the figure makes it a ``simtri`` step, which states the equations still missing."""

    def __init__(self, db: Database, ix: NumericIndex) -> None:
        super().__init__(db, ix)
        self.open = list(ix.similar)  # pairs some equation of which is still unknown

    def rebind(self, ix: NumericIndex) -> None:
        """The grown figure's new similar pairs join the open ones (settled pairs stay settled)."""
        old = set(self.ix.similar)
        self.open += [pair for pair in ix.similar if pair not in old]
        self.ix = ix

    def __call__(self, deadline: Deadline) -> int:
        """The open pairs, cheaply filtered by normal forms first; a pair leaves the list once every
        equation of it is known. Stops early (the rest stay open) when ``deadline`` passes."""
        db, new = self.db, 0
        still = []
        version = (db.angles.equations, db.ratios.equations)
        acache: dict = {}
        rcache: dict = {}
        for count, (t1, t2, same) in enumerate(self.open):
            if count % 64 == 0 and deadline.expired():
                still.extend(self.open[count:])
                break
            if (db.angles.equations, db.ratios.equations) != version:
                version = (db.angles.equations, db.ratios.equations)
                acache, rcache = {}, {}
            a, b, c = t1
            p, q, r = t2
            angles = db.similar_angle_eqs(a, b, c, p, q, r, same)
            ratios = db.similar_ratio_eqs(a, b, c, p, q, r)
            fa = [zero_by_normal_forms(db.angles, e, k, acache) for e, k in angles]
            fr = [zero_by_normal_forms(db.ratios, e, 0, rcache) for e in ratios]
            if all(fa) and all(fr):
                continue  # nothing left to learn from this pair
            if sum(fa) == 0 and sum(fr) < 2:
                still.append((t1, t2, same))
                continue  # no similarity criterion can hold yet
            pair = Pair(
                t1,
                t2,
                same,
                [db.angle_holds(e, k) if f else None for (e, k), f in zip(angles, fa)],
                [db.ratio_holds(e) if f else None for e, f in zip(ratios, fr)],
            )
            if pair.known_angles() == 3 and pair.known_ratios() == 2:
                continue  # nothing left to learn from this pair
            found = next((got for got in (crit(db, self.ix, pair) for crit in CRITERIA) if got is not None), None)
            if found is None:
                still.append((t1, t2, same))
                continue
            new += self._state(pair, *found, angles, ratios)
        self.open = still
        return new

    def _state(self, pair: Pair, rule: str, cited: list[Cited], angles: list, ratios: list) -> int:
        """The ``simtri`` step by ``rule`` from ``cited``, and the equations it adds."""
        db, new = self.db, 0
        prem = []
        for kind, prov, stated in cited:
            prem += db.chase(stated, "angle_chase" if kind == "angle" else "ratio_chase", prov)
        pred = P("simtri", (*pair.t1, *pair.t2))
        text = str(pred)
        node = db.known.get(text) or db.node(text, rule, prem, pred)
        db.known[text] = node
        db.guard(pred)
        for (e, k), h in zip(angles, pair.angles):
            if h is None and db.add_angle(e, k, node):
                new += 1
        for e, h in zip(ratios, pair.ratios):
            if h is None and db.add_ratio(e, node):
                new += 1
        return new
