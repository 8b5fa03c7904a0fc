"""What a proof relies on in the figure: every step re-checked there (``verify``), the goal's own
non-degeneracy (``goal_conditions``) and the side conditions its rule steps read off the figure
(``side_conditions``), all printed among the proof's non-degeneracy conditions."""

from __future__ import annotations

from ..model import Predicate
from ..numeric.checks import goal_holds
from ..numeric.degeneracy import needs, words
from .database import Database
from .nodes import Node
from .trace import needed


def verify(db: Database, goal_nodes: list[Node], goal: Predicate | None = None) -> list[str]:
    """Every step of the proof, and the goal itself (of any kind, its non-degeneracy included),
    re-checked in the diagram: the facts that fail (empty when sound)."""
    bad = [] if goal is None or goal_holds(goal, db.coords, db.scale, 1e-6) else [f"the goal {goal}"]
    for node in needed(goal_nodes):
        if node.pred is not None:
            ok = db.true(node.pred)
        elif node.check is not None:
            ok = node.check()
        else:
            ok = False
        if not ok:
            bad.append(node.text)
    return bad


def goal_conditions(goal: Predicate) -> list[str]:
    """The goal's own non-degeneracy (four concyclic points not collinear, triangles not flat, …)."""
    return [words(n) for n in needs(goal) if n[0] != "repeated"]


def side_conditions(goal_nodes: list[Node]) -> list[str]:
    """The figure-read conditions the proof's rule steps rely on (all hold in the diagram)."""
    out: dict[str, None] = {}
    for node in needed(goal_nodes):
        pred, rule = node.pred, node.rule
        if rule == "figure_half":
            out[node.text] = None
        for cond in node.conditions:
            out[cond] = None
        if pred is None:
            continue
        a = pred.args
        if rule.startswith("sim_"):
            out[f"ncoll {a[0]} {a[1]} {a[2]}"] = None
            out[f"ncoll {a[3]} {a[4]} {a[5]}"] = None
            if rule in ("sim_sas", "sim_sss", "sim_rhs"):  # AA fixes the orientation itself
                out[f"triangles {' '.join(a[:3])} and {' '.join(a[3:])} are oriented as drawn"] = None
        elif rule in ("cyclic_conv", "iso_trapezoid", "arc_midpoint") and len(set(a)) >= 4:
            out[f"ncoll {a[0]} {a[1]} {a[2]}"] = None
            if rule == "iso_trapezoid":
                out[f"{' '.join(a[:4])} is no parallelogram"] = None
            if rule == "arc_midpoint":  # cyclic a m r n: am = an would make any r on the axis fit
                out[f"{a[0]}{a[1]} ≠ {a[0]}{a[3]}"] = None
        elif rule in ("iso_sides", "iso_angles") and pred.name in ("cong", "eqangle"):
            out[f"ncoll {' '.join(dict.fromkeys(a))}"] = None
        elif rule == "distance_chase":  # |ab| = ±(x_b − x_a): the sign is the order of a and b
            out[f"the points of {' '.join(dict.fromkeys(a))} lie on their lines in the order drawn"] = None
        elif rule == "chords_angle":  # equal chords: equal or opposite full angles, by orientation
            out[f"chords {a[1]}{a[3]} and {a[5]}{a[7]} are oriented on their circle as drawn"] = None
        elif rule == "trapezoid_para":
            out[f"{a[0]} {a[1]} divide their transversals on the sides drawn"] = None
        elif rule == "bisect_ratio":  # eqratio d b d c a b a c
            out[f"ncoll {a[4]} {a[5]} {a[7]}"] = None
        elif rule == "ratio_bisect":  # eqangle a b a d a d a c
            out[f"ncoll {a[0]} {a[1]} {a[7]}"] = None
    return list(out)
