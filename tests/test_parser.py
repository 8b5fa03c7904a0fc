"""The problem language: every benchmark problem parses; the parts come out typed."""

from fractions import Fraction

import pytest

from geoprover.api import load_file
from geoprover.language import bundled_sets, load_named, parse_problem


@pytest.mark.parametrize("set_name,count", [("imo_ag_30", 30), ("jgex_ag_231", 231), ("hageo_dev", 205)])
def test_every_bundled_problem_parses(set_name, count):
    problems = load_file(set_name)
    assert len(problems) == count
    assert all(p.goal is not None and p.clauses for p in problems)


def test_bundled_sets_are_found():
    assert set(bundled_sets()) == {"imo_ag_30", "jgex_ag_231", "hageo_dev"}


def test_clauses_constructions_and_goal():
    p = parse_problem("a b c = triangle a b c; d = on_line d a b, on_circle d c a ? cong c d c a")
    assert p.points == ["a", "b", "c", "d"]
    assert [c.name for c in p.clauses[1].constructions] == ["on_line", "on_circle"]
    assert p.clauses[1].constructions[1].args == ("d", "c", "a")
    assert str(p.goal) == "cong c d c a"


def test_new_points_left_out_of_arguments_are_filled_in():
    p = load_named("translated_imo_2019_p2")
    assert p.clauses[0].constructions[0].args == ("a", "b", "c")
    assert p.clauses[1].constructions[0].args == ("a1", "b", "c")
    p = load_named("translated_imo_2021_p3")
    # e = on_aline d a d c b  ->  on_aline e d a d c b
    assert p.clauses[2].constructions[0].args == ("e", "d", "a", "d", "c", "b")


def test_fixed_coordinates():
    p = load_named("translated_imo_2008_p6")
    fixed = p.clauses[0].fixed_coords
    assert fixed["x"] == (4.96, -0.13)
    assert set(fixed) == {"x", "y", "z"}


def test_numbers_in_constructions():
    p = parse_problem("a b = segment a b; c = s_angle b a c 60 ? cong a b a c")
    call = p.clauses[1].constructions[0]
    assert call.numbers == (Fraction(60),)


def test_name_lookup_by_suffix_and_file():
    assert load_named("imo_2000_p1").name == "translated_imo_2000_p1"
    assert load_named("translated_imo_2000_p1", "imo_ag_30").name == "translated_imo_2000_p1"


def test_round_trip_text():
    p = load_named("translated_imo_2000_p1")
    again = parse_problem(p.to_text(), p.name)
    assert again.clauses == p.clauses and again.goal == p.goal
