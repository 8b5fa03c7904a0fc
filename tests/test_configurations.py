"""Configurations: branch picks are recorded, replayed the other way, and described in words."""

from __future__ import annotations

import numpy as np

from geoprover.language import parse_problem
from geoprover.numeric.checks import holds
from geoprover.numeric.configurations import redraw, survey
from geoprover.numeric.diagram import draw

EQUILATERAL = "a b = segment a b; c = on_circle c a b, on_circle c b a ? aconst a b a c {}"


def test_a_flipped_branch_redraws_the_same_figure_with_the_other_intersection():
    d = draw(parse_problem(EQUILATERAL.format(60), "eq"), seed=3)
    assert len(d.choices) == 1
    other = redraw(d, frozenset([0]))
    assert other is not None
    assert np.allclose(other.coords["a"], d.coords["a"]) and np.allclose(other.coords["b"], d.coords["b"])
    c = d.choices[0]
    assert np.allclose(other.coords["c"], c.candidates[1 - c.taken])
    assert np.allclose(redraw(d, frozenset()).coords["c"], d.coords["c"])


def test_60_and_120_each_hold_in_one_configuration_under_exclusive_conditions():
    found = {}
    for angle in (60, 120):
        d = draw(parse_problem(EQUILATERAL.format(angle), "eq"), seed=1)
        s = survey(d)
        assert s.dependent and s.holds < s.drawn
        assert len(s.conditions) == 1
        found[angle] = (s.conditions[0], d)
    (c60, d60), (c120, d120) = found[60], found[120]
    assert c60.name == "ccw" and c120.name == "cw"
    # each condition holds in its own figure and fails in the other configuration
    assert holds(c60, d60.coords, d60.scale) and not holds(c60, d120.coords, d120.scale)
    assert holds(c120, d120.coords, d120.scale) and not holds(c120, d60.coords, d60.scale)


def test_orientation_decides_when_the_goal_fails_in_the_mirror_image():
    # the apex d is on the far side of bc from a either way: only the orientation of b, c, d says which
    d = draw(parse_problem("a b c = triangle; d = on_circle d b c, on_circle d c b ? aconst b c b d 60", "t"), 2)
    s = survey(d)
    assert [c.name for c in s.conditions] in (["ccw"], ["cw"])
    assert s.conditions[0].args[2] == "d"


def test_a_mirror_free_side_condition_when_orientation_does_not_matter():
    text = "a b c = triangle; o = circle o a b c; d = on_line d a o, on_circle d o a ? perp b d b a"
    s = survey(draw(parse_problem(text, "t"), 0))
    # d is the antipode of a (the other intersection is a itself, refused), so nothing depends on a branch
    assert not s.dependent and s.conditions == []


def test_a_goal_true_in_every_configuration_needs_no_condition():
    s = survey(draw(parse_problem(EQUILATERAL.replace("aconst a b a c {}", "cong a b a c"), "eq"), 0))
    assert not s.dependent and s.holds == s.drawn == 3 and s.words == []


def test_a_samplers_random_orientation_is_a_branch_too():
    # both squares outward or both inward: the goal holds; one of each: it fails
    text = (
        "a b c = triangle a b c; e d = square a c e d; f g = square c b f g; h = midpoint h a e; "
        "i = midpoint i b g; j = midpoint j a b ? cong h j i j"
    )
    d = draw(parse_problem(text, "t"), 0)
    assert [c.point for c in d.choices] == ["e", "f"]
    s = survey(d)
    assert s.dependent and len(s.conditions) == 2 and s.confirmed
    # the flipped square is the other orientation of the same base
    other = redraw(d, frozenset([0]))
    assert np.allclose(other.coords["a"], d.coords["a"]) and not np.allclose(other.coords["e"], d.coords["e"])


def test_conditions_are_tried_on_other_figures_and_a_pick_tied_to_another_point_is_said_so():
    # e is on the ray cb exactly when d (free on line ac) is on the ray ca: no condition on e alone will do
    text = "a b = segment a b; c = on_bline c a b; d = on_line d a c; e = on_circle e c d, on_line e b c ? cong a e b d"
    s = survey(draw(parse_problem(text, "t"), 0))
    assert s.tried > 20 and s.confirmed
    assert [c.name for c in s.conditions] == ["sameside"]
    assert "exactly when" in s.words[0]


def test_a_goal_that_hangs_on_where_a_free_point_fell_is_reported_dependent():
    # f free on line ab: the bisector of angle cbf is the internal or the external one of the square
    text = (
        "a b c d = isquare a b c d; e = midpoint e b a; f = on_line f a b; "
        "g = on_tline g e d e, angle_bisector g c b f ? cong d e e g"
    )
    s = survey(draw(parse_problem(text, "t"), 0))
    assert s.dependent and s.conditions == [] and s.refuted > 0


# EGMO 2014 P2 as HAGeo-409 writes it (MIT licence): D, E and M each one of two intersections; the
# goal holds in 2 of the 8 configurations, and the 16 random figures of seed 0 miss both
EGMO_2014_P2 = (
    "a b c = triangle; d = on_line a b, on_circle b c; e = on_line a c, on_circle c b; f = on_line c d, "
    "on_line b e; i = incenter a b c; h = orthocenter d e f; m = on_bline b c, on_circum a b c ? coll i h m"
)


def test_when_no_random_figure_has_the_goal_the_other_branches_of_one_are_tried():
    problem = parse_problem(EGMO_2014_P2, "egmo")
    d = draw(problem, 0)
    assert d.goal_holds() and d.flips  # found by taking branch picks the other way
    # the flipped figure replays as itself, and its survey is relative to it
    again = redraw(d, frozenset())
    assert all(np.allclose(again.coords[p], d.coords[p]) for p in d.coords)
    s = survey(d)
    assert s.dependent and s.holds < s.drawn and s.conditions and s.confirmed
    assert all(holds(c, d.coords, d.scale) for c in s.conditions)


def test_a_goal_false_in_every_configuration_stays_false():
    d = draw(parse_problem(EQUILATERAL.format(50), "eq"), seed=0)
    assert d.goal_holds() is False
    d = draw(parse_problem(EGMO_2014_P2.replace("coll i h m", "coll i h f"), "egmo"), 0)
    assert d.goal_holds() is False


def test_a_false_goal_says_how_many_configurations_were_tried():
    d = draw(parse_problem(EGMO_2014_P2.replace("coll i h m", "coll i h f"), "egmo"), 0)
    tried = d.tried
    assert d.goal_holds() is False and tried is not None
    # 16 random figures, every branch choice of the first 4 (3 picks: 7 each), their mirror
    # images with every choice (8 each), then 48 more random figures
    assert tried.random == 16 + 48 and tried.bases == 4 and tried.picks == 3
    assert tried.flipped == 4 * 7 and tried.mirrored == 4 * 8
    assert tried.total == 16 + 48 + 28 + 32
    assert d.false_goal_message().startswith(f"the goal is false in all {tried.total} configurations tried")
    assert tried.to_dict()["total"] == tried.total


def test_a_goal_found_at_once_records_no_search():
    d = draw(parse_problem(EQUILATERAL.format(60), "eq"), seed=0)
    assert d.goal_holds() and d.tried is None


def test_a_mirrored_figure_reflects_the_free_points_and_builds_the_rest_on_them():
    problem = parse_problem("a b c = triangle; h = orthocenter a b c; x = s_angle b a x 40 ? perp a h b c", "m")
    d = draw(problem, 1)
    m = redraw(d, frozenset(), mirrored=True)
    assert m is not None and m.mirrored
    for p in "abc":
        assert np.allclose(m.coords[p], d.coords[p] * np.array([-1.0, 1.0]))
    assert np.allclose(m.coords["h"], d.coords["h"] * np.array([-1.0, 1.0]))  # built on the image
    # the constant angle is not reflected: x is the other orientation, not the image of d's x
    assert not np.allclose(m.coords["x"], d.coords["x"] * np.array([-1.0, 1.0]))
    assert all(holds(f, m.coords, m.scale, 1e-6) for f in m.facts)
    assert redraw(m, frozenset()).mirrored  # a mirrored figure replays mirrored


# seven line-circle intersections: 127 other branch choices per figure, beyond the first 31
SEVEN_PICKS = (
    "a b c = triangle; d = on_bline d a b, on_circle d a c; e = on_bline e b c, on_circle e b a; "
    "f = on_bline f c a, on_circle f c b; g = on_bline g a b, on_circle g b c; h = on_bline h b c, on_circle h c a; "
    "i = on_bline i c a, on_circle i a b; j = on_bline j d e, on_circle j d f ? perp a b b c"
)


def test_every_branch_choice_of_up_to_eight_picks_is_tried_before_false():
    d = draw(parse_problem(SEVEN_PICKS, "seven"), 0)
    assert d.goal_holds() is False and d.tried.picks == 7
    assert 4 * 31 < d.tried.flipped <= 4 * 127
