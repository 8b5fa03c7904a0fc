"""Which half of a doubled angle holds: a side condition read off the figure, made a proof node.

Mod π, an equation g·x = c leaves g values of x; the angle system asks the figure (``pick_angle``)
and, when it halves a row, ``record_halving`` makes the choice a ``figure_half`` node that every
chase using the row cites (a mirror image of the figure may have the other value).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING

from .query import chase_nodes, line_nodes

if TYPE_CHECKING:
    from .store import Store


def angle_value(db: Store, expr: dict) -> float:
    """Numeric value of a combination of line directions, in units of π, mod 1."""
    total = 0.0
    for v, k in expr.items():
        pts = db.lines.two(v)
        pa, pb = db.coords[pts[0]], db.coords[pts[1]]
        total += float(k) * ((math.atan2(pb[1] - pa[1], pb[0] - pa[0]) / math.pi) % 1.0)
    return total % 1.0


def pick_angle(db: Store, expr: dict, options: list) -> Fraction | None:
    """The constant among ``options`` that ``expr`` has in the figure, or None."""
    value = angle_value(db, expr)
    for c in options:
        gap = abs(value - float(c)) % 1.0
        if min(gap, 1 - gap) < 1e-6:
            return c
    return None


def record_halving(db: Store, expr: dict, chosen: Fraction, others: list, prov: dict) -> int:
    """A doubled angle was halved: mod π, g·x = c leaves g values of x and the figure picked one.

    Which one is not implied by the premises (a mirror image can have the other), so the choice is
    a side condition read off the figure; it becomes a proof node that every chase using it cites.
    Returns the equation id the halved row adds to its provenance.
    """
    terms = tuple((k, *db.lines.two(v)) for v, k in sorted(expr.items(), key=lambda t: -t[1]))

    def deg(c):
        return f"{float(c) * 180:g}°"

    pos = [f"{a}{b}" for k, a, b in terms if k == 1]
    neg = [f"{a}{b}" for k, a, b in terms if k == -1]
    if len(pos) == len(neg) and len(pos) + len(neg) == len(terms):  # a sum of angles ∠(l → m)
        lhs = " + ".join(f"∠({l}, {m})" for l, m in zip(neg, pos))
    else:
        lhs = " + ".join(f"{k}·dir({a}{b})" for k, a, b in terms)
    text = f"{lhs} = {deg(chosen)}, not {' or '.join(deg(o) for o in others)} (as drawn)"
    # its premises give g·x = c (the row before halving); the figure only picks the solution
    basis = chase_nodes(db, prov)
    lines = line_nodes(
        db,
        [n.pred for n in basis],
        [(a, b) for _, a, b in terms]
        + [(a, b) for n in basis for eq in (n.equations or ()) if eq[0] == "angle" for _, a, b in eq[1]],
    )
    node = db.node(text, "figure_half", basis + [x for x in lines if x not in basis])
    eq = [("angle", terms, chosen, {})]
    node.reads = eq
    node.multiple = len(others) + 1
    node.check = lambda e=dict(expr), c=chosen: pick_angle(db, e, [c]) is not None
    return db.eq_id(node)
