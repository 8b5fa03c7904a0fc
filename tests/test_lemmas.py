"""Algebraic lemmas: facts of an earlier stage of the figure, proved by Wu's method, cited by DDAR
with their conditions."""

import pytest

from geoprover import ddar
from geoprover.auxiliary import prove as aux_prove
from geoprover.auxiliary.lemmas import Lemma, candidates, closure, figure_facts, prove_lemma, restricted
from geoprover.language import load_named, parse_problem
from geoprover.model import Predicate
from geoprover.numeric.diagram import draw
from geoprover.proof import PROVED
from geoprover.timing import Deadline

# the circumcentre o and the orthocentre h come first; the goal is about the centroid g built last
EULER = (
    "a b c = triangle a b c; o = circumcenter o a b c; h = orthocenter h a b c; m = midpoint m b c; "
    "n = midpoint n a c; g = on_line g a m, on_line g b n ? coll o g h"
)


def test_closure_follows_the_construction_arguments():
    p = parse_problem(EULER)
    assert closure(p, {"h"}) == [0, 2]
    assert closure(p, {"g"}) == [0, 3, 4, 5]
    sub = restricted(p, Predicate("perp", ("a", "h", "b", "c")))
    assert [c.points for c in sub.clauses] == [("a", "b", "c"), ("h",)]
    assert str(sub.goal) == "perp a h b c"


def test_a_lemma_is_proved_on_the_clauses_it_depends_on_with_its_conditions():
    p = parse_problem(EULER)
    d = draw(p, 0)
    lemma = prove_lemma(p, d, Predicate("cong", ("o", "a", "o", "b")), Deadline.after(10))
    assert lemma is not None and lemma.conditions
    assert prove_lemma(p, d, Predicate("cong", ("o", "a", "h", "a")), Deadline.after(10)) is None  # false


def test_candidates_speak_of_the_figure_before_the_goals_last_point_or_name_one_goal_point():
    p = parse_problem(EULER)
    d = draw(p, 0)
    engine = ddar.build(p, d)
    engine.saturate(p.goal, Deadline.after(20))
    found = candidates(p, engine, p.goal)
    late = ["g" in c.args for c in found]  # g is the goal's last point
    assert late == sorted(late)  # the earlier figure's facts first
    assert all(len(set(c.args) & {"o", "g", "h"}) == 1 for c in found if "g" in c.args)
    assert all(engine.db.check(c) is None for c in found)  # only what DDAR does not know
    assert all(d.holds(c) for c in found)


def test_ddar_cites_a_lemma_and_prints_its_conditions():
    p = parse_problem(EULER.replace("? coll o g h", "? para o g o h"))
    assert ddar.prove(p, draw(p, 0), timeout=30).status != PROVED  # DDAR alone has no Euler line
    lemma = Lemma(Predicate("coll", ("o", "g", "h")), ("special condition of the lemma",), 0.0)
    proof = ddar.prove(p, draw(p, 0), timeout=30, lemmas=(lemma,))
    assert proof.status == PROVED
    assert any(r["rule"] == "algebraic_lemma" for r in proof.certificate["proof"])
    assert "special condition of the lemma" in proof.ndg
    assert any("algebraic lemma" in s for s in proof.steps)


def test_a_lemma_that_does_not_hold_is_refused():
    p = parse_problem("a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c")
    lemma = Lemma(Predicate("cong", ("a", "h", "b", "c")), (), 0.0)
    proof = ddar.prove(p, draw(p, 0), timeout=30, lemmas=(lemma,))
    assert proof.status != PROVED or not any(r["rule"] == "algebraic_lemma" for r in proof.certificate["proof"])


@pytest.mark.slow
def test_the_search_proves_with_a_lemma_where_it_has_none():
    """hageo_dev 2011G5: DDAR with auxiliary points alone does not reach it in 60 s; with a lemma of
    the figure before x (i, p, k collinear) it does, and the proof cites it."""
    proof = aux_prove(load_named("2011G5"), timeout=60)
    assert proof.status == PROVED
    assert proof.certificate["algebraic_lemmas"] and proof.engine.endswith("+lemma")
    assert all("x" not in lemma.split()[1:] for lemma in proof.certificate["algebraic_lemmas"])


def test_harmonic_divisions_of_a_line_are_figure_facts():
    # the feet of the internal and external bisectors from a divide bc harmonically
    text = (
        "a b c = triangle; d = on_line d b c, angle_bisector d b a c; e = on_line e b c, on_tline e a a d; "
        "f = midpoint f a e ? cong f a f e"
    )
    problem = parse_problem(text, "harmonic")
    engine = ddar.build(problem, draw(problem, 0))
    engine.saturate()
    found = [f for f in figure_facts(engine.matchers.ix) if f.name == "eqratio"]
    assert Predicate("eqratio", ("d", "b", "d", "c", "e", "b", "e", "c")) in found
    # the ratio chase knows this one (two bisector ratios), so it is not offered as a lemma
    assert all(c.name != "eqratio" for c in candidates(problem, engine, problem.goal))
    lemma = prove_lemma(problem, draw(problem, 0), found[0], Deadline.after(10))
    assert lemma is not None  # and Wu's method proves it
