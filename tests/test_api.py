"""The README's Python API example, as written there."""

from geoprover import load_problem, prove
from geoprover.api import add_auxiliary, check


def test_readme_api_example():
    problem = load_problem("translated_imo_2000_p1")
    proof = prove(problem, timeout=60)
    assert proof.status == "proved" and proof.engine in ("wu", "ddar", "ddar+aux")
    assert "PROVED" in proof.render()
    extended = add_auxiliary(problem, "x = midpoint x a b")
    assert check(extended, seed=1).goal_holds


def test_load_problem_from_text():
    p = load_problem(text="a b c = triangle a b c; m = midpoint m b c ? midp m b c")
    assert p.goal is not None and p.points == ["a", "b", "c", "m"]
