"""Does a fact follow, and from which facts? ``check`` dispatches on the predicate (``CHECKS``).

An answer is the list of proof nodes the fact rests on: the known fact itself, the facts that put
points on one line or circle, or one chase node (angle, ratio or distance chase) citing the facts
whose equations combine to it. ``None`` means it does not follow (yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from ..catalogue import CONGRUENT, ORIENTED, TRIANGLE_PAIRS, orientation_of
from ..model import Predicate
from .encode import (
    angle_equation,
    log_const,
    orientation,
    ratio_equation,
    ratio_expr,
    similar_angle_eqs,
    similar_ratio_eqs,
)
from .linalg import Expr, combine
from .nodes import Node

if TYPE_CHECKING:
    from .store import Store

Answer = list[Node] | None

_PAIRED = {"para", "perp", "eqangle", "aconst", "cong", *TRIANGLE_PAIRS}


def _same_statement(p: Predicate | None, q: Predicate) -> bool:
    """para/perp/cong over the same two segments (each written either way round)."""
    if p is None or p.name != q.name or p.name not in ("para", "perp", "cong"):
        return False

    def pairs(r):
        return frozenset((frozenset(r.args[:2]), frozenset(r.args[2:])))

    return pairs(p) == pairs(q)


def _cover(want: set, stated: list, overlap: int) -> list:
    """Few of an object's facts that together put ``want`` on it: chained facts share at least
    ``overlap`` points (2 for lines, 3 for circles), so their union is one line or circle."""
    for node, pts in stated:
        if want <= pts:
            return [node]
    if not stated:
        return []
    node, pts = max(stated, key=lambda t: len(t[1] & want))
    chosen, members = [node], set(pts)
    while not want <= members:
        joinable = [(n, q) for n, q in stated if n not in chosen and len(q & members) >= overlap]
        if not joinable:
            return [n for n, _ in stated]
        node, pts = max(joinable, key=lambda t: (len(t[1] & (want - members)), len(t[1] - members)))
        if not pts - members:
            return [n for n, _ in stated]
        chosen.append(node)
        members |= pts
    return chosen


# ----- the systems ------------------------------------------------------------------------------
def angle_holds(db: Store, expr: Expr, const: Fraction = Fraction(0)) -> dict | None:
    """Provenance of ``expr = const`` (mod π) in the angle system, or None."""
    return db.angles.holds(expr, const % 1)


def ratio_holds(db: Store, expr: Expr, value: Fraction | None = None) -> dict | None:
    """Provenance of ``expr = log value`` (0 without a value) in the ratio system, or None."""
    if value is not None:
        expr = combine((1, expr), (-1, log_const(value)))
    return db.ratios.holds(expr)


def chase_nodes(db: Store, prov: dict) -> list[Node]:
    """The facts behind a provenance; a figure-read choice brings the facts it picks a solution
    of (a chase may cancel them from its own provenance, yet the choice rests on them)."""
    out: dict[int, Node] = {}
    stack = [db.eq_node[e] for e in prov]
    while stack:
        n = stack.pop()
        if n.ident in out:
            continue
        out[n.ident] = n
        if n.rule == "figure_half":
            stack.extend(n.premises)
    return sorted(out.values(), key=lambda n: n.ident)


def line_nodes(db: Store, preds: Iterable[Predicate | None], extra_pairs: Iterable[tuple[str, str]] = ()) -> list[Node]:
    """The collinearity facts behind the lines these predicates name (a chase identifies every
    pair of points of a line with the line itself)."""
    out: dict[int, Node] = {}
    for x, y in extra_pairs:
        obj = db.lines.objs[db.lines.line(x, y)]
        if x != y and len(obj.points) > 2:
            for node, _ in obj.nodes:
                out.setdefault(node.ident, node)
    for pred in preds:
        if pred is None or pred.name not in _PAIRED:
            continue
        a = pred.args
        pairs = (
            [(a[0], a[1]), (a[1], a[2]), (a[2], a[0]), (a[3], a[4]), (a[4], a[5]), (a[5], a[3])]
            if pred.name in TRIANGLE_PAIRS
            else [(a[i], a[i + 1]) for i in range(0, len(a) - 1, 2)]
        )
        for x, y in pairs:
            if x == y:
                continue
            obj = db.lines.objs[db.lines.line(x, y)]
            if len(obj.points) > 2:
                for node, _ in obj.nodes:
                    out.setdefault(node.ident, node)
    return list(out.values())


def chase(db: Store, pred: Predicate, system: str, prov: dict) -> list[Node]:
    """The premises for ``pred``: the one fact it is, or an angle/ratio/distance chase node."""
    text = str(pred)
    if text in db.known:
        return [db.known[text]]
    nodes = chase_nodes(db, prov)
    if len(nodes) == 1 and _same_statement(nodes[0].pred, pred):
        return nodes  # the same fact with its points written in another order
    lines = (
        line_nodes(
            db,
            [pred] + [n.pred for n in nodes],
            [(a, b) for n in nodes for eq in (n.equations or ()) if eq[0] == "angle" for _, a, b in eq[1]],
        )
        if system != "ratio_chase"
        else []
    )
    if (
        not lines
        and len(nodes) == 1
        and (nodes[0].text == text or (len(prov) == 1 and abs(next(iter(prov.values()))) == 1))
    ):
        return nodes  # the fact restates one known equation
    n = db.node(text, system, nodes + [x for x in lines if x not in nodes], pred)
    return [n]


def coll_nodes(db: Store, pts: Iterable[str]) -> Answer:
    """The collinearity facts putting ``pts`` on one known line, or None."""
    obj = db.lines.collinear(pts)
    if obj is None:
        return None
    return _cover(set(pts), obj.nodes, 2)


def circle_nodes(db: Store, pts: Iterable[str]) -> Answer:
    """The facts putting ``pts`` on one known circle, or None."""
    obj = db.circles.containing(pts)
    if obj is None:
        return None
    want = set(pts)
    for node, stated in obj.nodes:
        if want <= stated:
            return [node]
    return [n for n, _ in obj.nodes] + list(obj.center_nodes)


# ----- one check per predicate ------------------------------------------------------------------
def _coll(db: Store, pred: Predicate) -> Answer:
    pts = list(dict.fromkeys(pred.args))
    if len(pts) <= 2:
        return []
    return coll_nodes(db, pts)


def _angle(db: Store, pred: Predicate) -> Answer:
    prov = angle_holds(db, *angle_equation(db, pred))
    return None if prov is None else chase(db, pred, "angle_chase", prov)


def _ratio(db: Store, pred: Predicate) -> Answer:
    """cong / eqratio / rconst by the ratio chase; an equal or proportional length also by the
    distance chase (sums of collinear segments)."""
    expr, v = ratio_equation(pred)
    prov = ratio_holds(db, expr, v)
    if prov is None and pred.name in ("cong", "rconst"):
        dprov = db.dist.holds(db.dist.equal(*pred.args, factor=v if v is not None else 1))
        return None if dprov is None else chase(db, pred, "distance_chase", dprov)
    return None if prov is None else chase(db, pred, "ratio_chase", prov)


def _cyclic(db: Store, pred: Predicate) -> Answer:
    pts = list(dict.fromkeys(pred.args))
    if len(pts) <= 3:
        return []
    return circle_nodes(db, pts)


def _midp(db: Store, pred: Predicate) -> Answer:
    m, x, y = pred.args
    c1 = check(db, Predicate("coll", (m, x, y)))
    c2 = c1 is not None and check(db, Predicate("cong", (m, x, m, y)))
    return None if c1 is None or c2 is None else c1 + c2


def _circle(db: Store, pred: Predicate) -> Answer:
    o, x, y, z = pred.args
    c1 = check(db, Predicate("cong", (o, x, o, y)))
    c2 = c1 is not None and check(db, Predicate("cong", (o, x, o, z)))
    return None if c1 is None or c2 is None else c1 + c2


def _similar(db: Store, pred: Predicate) -> Answer:
    """simtri / contri: two vertex angles and both side ratios (contri: and one side) follow.

    The oriented ones (Newclid's: ``simtric`` same orientation, ``simtrir`` opposite) take the
    vertex angles as directed angles of that orientation; in a figure where the triangles turn
    the other way they do not hold.
    """
    x, y, z, p, q, r = pred.args
    same = orientation(db, x, y, z) == orientation(db, p, q, r)
    wanted = orientation_of(pred.name)
    if wanted is not None and wanted != same:
        return None
    out: list = []
    for e, c in similar_angle_eqs(db, x, y, z, p, q, r, same)[:2]:
        prov = angle_holds(db, e, c)
        if prov is None:
            return None
        out += chase_nodes(db, prov)
    for e in similar_ratio_eqs(x, y, z, p, q, r):
        prov = ratio_holds(db, e)
        if prov is None:
            return None
        out += chase_nodes(db, prov)
    if pred.name in CONGRUENT:
        prov = ratio_holds(db, ratio_expr(x, y, p, q))
        if prov is None:
            return None
        out += chase_nodes(db, prov)
    return list(dict.fromkeys(out))


CHECKS: dict[str, Callable[["Store", Predicate], Answer]] = {
    "coll": _coll,
    "para": _angle,
    "perp": _angle,
    "eqangle": _angle,
    "aconst": _angle,
    "cong": _ratio,
    "eqratio": _ratio,
    "rconst": _ratio,
    "cyclic": _cyclic,
    "midp": _midp,
    "circle": _circle,
    "simtri": _similar,
    "contri": _similar,
    **dict.fromkeys(ORIENTED, _similar),
}


# asked of the figure before the chase: rules ask these often of facts false in the figure, where
# the numeric test is far cheaper than reducing the equation (angle questions are mostly true)
_FIGURE_FIRST = frozenset({"cong", "para"})


def check(db: Store, pred: Predicate) -> Answer:
    """The facts ``pred`` follows from (one chase node or known facts), or None. Side conditions
    (ncoll, ...) are read off the figure by rules, never proved, so they have no check.

    A yes is kept (``Store.followed``): facts only accumulate, so what followed once still follows
    from the same premises, and a saturation asks the same question round after round (the
    auxiliary search, in every extended copy of a state). A fact false in the figure is answered
    no without a chase: anything that follows is true there (the store's numeric guard)."""
    text = str(pred)
    if text in db.known:
        return [db.known[text]]
    answer = db.followed.get(text)
    if answer is not None:
        return list(answer)
    if pred.name in _FIGURE_FIRST and db.strict and not db.true(pred):
        return None  # false in the figure, so it cannot follow: no chase needed
    checker = CHECKS.get(pred.name)
    answer = None if checker is None else checker(db, pred)
    if answer is not None:
        db.followed[text] = tuple(answer)
    return answer
