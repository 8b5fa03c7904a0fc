"""Newclid's oriented triangle goals: simtri / contri keep the orientation, simtrir / contrir reverse it.

AlphaGeometry's simtri / contri (problems written in its language) stay orientation-free.
"""

from __future__ import annotations

import pytest

from geoprover.api import load_file
from geoprover.ddar import prove as ddar_prove
from geoprover.language import parse_problem
from geoprover.numeric.diagram import draw
from geoprover.wu import prove as wu_prove

# d: a reflected in line bc (abc and dbc turn opposite ways); e: a turned half a turn about the
# midpoint of bc (abc and ecb turn the same way)
NEWCLID = "a b c = triangle; d = reflect a b c; m = midpoint b c; e = mirror a m ? {}"
AG = "a b c = triangle a b c; d = reflect d a b c; m = midpoint m b c; e = on_line e a m, on_circle e m a ? {}"

TRUE = ["contrir a b c d b c", "simtrir a b c d b c", "contri a b c e c b", "simtri a b c e c b"]
FALSE = ["contri a b c d b c", "simtri a b c d b c", "contrir a b c e c b", "simtrir a b c e c b"]


def test_the_dialect_decides_the_meaning():
    assert parse_problem(NEWCLID.format("simtri a b c e c b")).goal.name == "simtric"
    assert parse_problem(NEWCLID.format("contri a b c e c b")).goal.name == "contric"
    assert parse_problem(NEWCLID.format("simtrir a b c d b c")).goal.name == "simtrir"
    assert parse_problem(AG.format("simtri a b c d b c")).goal.name == "simtri"
    assert parse_problem(AG.format("contrir a b c d b c")).goal.name == "contrir"
    # any of Newclid's notations marks a problem as Newclid's
    for text in (
        "a b c = triangle a b c; x = s_angle a b x 30o ? simtri a b c a b c",
        "a b c = triangle a b c | m = midpoint m a b ? simtri a b c a b c",
        "a b c = triangle a b c ? simtri a b c a b c; cong a b a b",
        "a b c = triangle a b c; x = parallelogram x a b c ? simtri a b c a b c",
        "a b c = triangle a b c; o = circumcenter a b c ? simtri a b c a b c",
        "a b c d = iso_trapezoid a b c d ? simtri a b c a b c",
    ):
        assert parse_problem(text).goal.name == "simtric", text


@pytest.mark.parametrize("goal", TRUE)
def test_oriented_goals_hold_in_the_right_orientation(goal):
    d = draw(parse_problem(NEWCLID.format(goal)), 0)
    assert d.goal_holds()


@pytest.mark.parametrize("goal", FALSE)
def test_oriented_goals_fail_in_the_other_orientation_and_are_not_proved(goal):
    problem = parse_problem(NEWCLID.format(goal))
    for seed in (0, 1):
        d = draw(problem, seed)
        assert d.goal_holds() is False
        for engine in (ddar_prove, wu_prove):
            assert engine(problem, d, timeout=20, numeric_gate=False).status == "not proved", (engine, seed)


@pytest.mark.parametrize("goal", TRUE)
def test_oriented_goals_are_proved_by_both_engines(goal):
    problem = parse_problem(NEWCLID.format(goal))
    d = draw(problem, 0)
    for engine in (ddar_prove, wu_prove):
        assert engine(problem, d, timeout=60).status == "proved", engine


def test_alphageometry_triangle_goals_stay_orientation_free():
    for goal in ("contri a b c d b c", "simtri a b c d b c", "contri a b c e c b", "simtri a b c e c b"):
        problem = parse_problem(AG.format(goal))
        assert draw(problem, 0).goal_holds()
        assert ddar_prove(problem, draw(problem, 0), timeout=60).status == "proved"
    bundled = [p for s in ("imo_ag_30", "jgex_ag_231") for p in load_file(s)]
    assert [p.goal.name for p in bundled if "tri" in p.goal.name] == ["simtri", "simtri", "contri"]


@pytest.mark.parametrize(
    "figure,true,false",
    [
        ("r = simtri r a b c p q", "simtri a b c p q r", "simtrir a b c p q r"),
        ("r = simtrir r a b c p q", "simtrir a b c p q r", "simtri a b c p q r"),
        ("q r = contri q r a b c p", "contri a b c p q r", "contrir a b c p q r"),
        ("q r = contrir q r a b c p", "contrir a b c p q r", "contri a b c p q r"),
    ],
)
def test_newclids_triangle_constructions_have_their_orientation(figure, true, false):
    given = "p = free" if figure.startswith("q r") else "p q = segment"
    text = f"a b c = triangle; {given}; {figure} ? {{}}"
    assert draw(parse_problem(text.format(true)), 0).goal_holds()
    assert draw(parse_problem(text.format(false)), 0).goal_holds() is False
    problem = parse_problem(text.format(true))
    for engine in (ddar_prove, wu_prove):
        assert engine(problem, draw(problem, 0), timeout=60).status == "proved", engine
