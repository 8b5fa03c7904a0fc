"""The extended law of sines (ddar/rules_sines.py): circumradii in the ratio chase."""

from __future__ import annotations

import numpy as np
import pytest

from geoprover.ddar import prove
from geoprover.ddar.conditions import verify
from geoprover.ddar.engine import Engine
from geoprover.ddar.trace import needed
from geoprover.language import load_named
from geoprover.model import Predicate as P
from geoprover.proof import PROVED
from geoprover.timing import Deadline


def _on_circle(centre, radius, degrees):
    t = np.radians(degrees)
    return np.array(centre) + radius * np.array([np.cos(t), np.sin(t)])


def _two_equal_circles(mirror: bool) -> dict:
    """Chords ab and pq of equal length in two circles of radius 1 (centres o, s)."""
    pts = {
        "o": np.array([0.0, 0.0]),
        "a": _on_circle((0, 0), 1, 10),
        "b": _on_circle((0, 0), 1, 80),
        "c": _on_circle((0, 0), 1, 200),
        "s": np.array([5.0, 0.5]),
    }
    sign = -1 if mirror else 1
    for name, deg in (("p", 100), ("q", 100 + sign * 70), ("r", 100 + sign * 190)):
        pts[name] = _on_circle((5, 0.5), 1, deg)
    return pts


@pytest.mark.parametrize("mirror", [False, True])
def test_equal_chords_in_equal_circles_subtend_equal_or_opposite_angles(mirror):
    coords = _two_equal_circles(mirror)
    engine = Engine.from_points(coords)
    for g in ("circle o a b c", "circle s p q r", "cong o a s p", "cong a b p q"):
        name, *args = g.split()
        engine.db.add_fact(P(name, tuple(args)), "given")
    same = P("eqangle", ("c", "a", "c", "b", "r", "p", "r", "q"))
    opposite = P("eqangle", ("c", "a", "c", "b", "r", "q", "r", "p"))
    assert engine.db.check(same) is None and engine.db.check(opposite) is None
    engine._ensure().named("sine_law")(Deadline.never())
    right, wrong = (opposite, same) if mirror else (same, opposite)
    found = engine.db.check(right)
    assert found is not None
    assert engine.db.check(wrong) is None
    steps = needed(found)
    assert {"sine_angle", "circumradius"} <= {n.rule for n in steps}
    assert verify(engine.db, found) == []


def test_unequal_chords_give_nothing():
    coords = _two_equal_circles(False)
    coords["q"] = _on_circle((5, 0.5), 1, 150)  # pq ≠ ab now
    engine = Engine.from_points(coords)
    for g in ("circle o a b c", "circle s p q r", "cong o a s p"):
        name, *args = g.split()
        engine.db.add_fact(P(name, tuple(args)), "given")
    engine._ensure().named("sine_law")(Deadline.never())
    across = [
        n.text
        for n in engine.db.nodes
        if n.rule == "sine_angle" and set(n.pred.args) & {"a", "b", "c"} and set(n.pred.args) & {"p", "q", "r"}
    ]
    assert across == []
    # within one circle it may restate isosceles triangles (radii); all of it holds
    assert all(engine.db.true(n.pred) for n in engine.db.nodes if n.rule == "sine_angle")


def test_circumradius_carries_a_length_into_an_angle_in_a_real_problem():
    """AD = AE and FB = FD, GE = GC on the circumcircle: circles AFD and AGE have the radius of
    ABC (law of sines), so their angles at F and G opposite the equal sides AD, AE agree."""
    proof = prove(load_named("translated_imo_2018_p1"), timeout=60, strict=True)
    assert proof.status == PROVED, proof.render()
    rules = {r["rule"] for r in proof.certificate["proof"]}
    assert {"sine_law", "sine_angle"} <= rules
    assert any("oriented as drawn" in c for c in proof.ndg)
