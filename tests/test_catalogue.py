"""The catalogue: every construction draws, and its drawn points satisfy every fact it asserts."""

import numpy as np
import pytest

from geoprover.catalogue import CONSTRUCTIONS, PREDICATES
from geoprover.language import parse_problem
from geoprover.numeric.checks import MARGINS, RESIDUALS
from geoprover.numeric.diagram import draw

# Inputs that meet a construction's preconditions where free points would not.
SETUPS = {
    "2l1c": "o = free o; a = free a; b = on_circle b o a; d = on_circle d o a; c = on_line c b d",
    "e5128": "b c = segment b c; a = on_tline a b b c; d = on_circle d c b",
    "tangent": "o = free o; b = free b; a = free a",
}
SEEDS = range(8)
NUMBERS = {"rconst": "2", "rconst2": "2", "r2const": "3", "lconst": "1", "l2const": "2"}  # else 45 (degrees)

# Every construction newclid 3.0.1 defines (newclid/jgex/constructions/_index.py).
NEWCLID = """free segment between triangle r_triangle acute_triangle iso_triangle iso_triangle0 ieq_triangle risos
triangle12 quadrangle rectangle isquare trapezoid r_trapezoid iso_trapezoid eq_quadrangle eqdia_quadrangle pentagon
on_line on_pline on_pline0 on_tline on_aline on_aline0 on_bline on_circle on_circum on_dia intersection_ll
intersection_lp intersection_pp intersection_lt intersection_tt intersection_lc intersection_cc tangent lc_tangent
cc_tangent cc_itangent angle_bisector angle_mirror eqdistance foot incenter incenter2 excenter excenter2 midpoint
mirror orthocenter reflect shift trisect trisegment between_bound iso_triangle_vertex iso_triangle_vertex_angle
eq_triangle iso_trapezoid2 parallelogram square circle circumcenter psquare nsquare centroid aconst s_angle eqangle2
eqangle3 rconst rconst2 r2const eqratio eqratio6 lconst l2const simtri simtrir contri contrir 2l1c e5128 3peq
test_r20 test_r25 ninepoints""".split()


def _problem_for(name: str):
    cons = CONSTRUCTIONS[name]
    setup = SETUPS.get(name) or "; ".join(f"{p} = free {p}" for p in cons.inputs)
    args = " ".join(cons.params + tuple(NUMBERS.get(name, "45") for _ in cons.numbers))
    text = f"{setup + '; ' if setup else ''}{' '.join(cons.outputs)} = {name} {args}"
    return parse_problem(text, name), cons


def test_catalogue_has_all_94_constructions():
    assert len(CONSTRUCTIONS) == 94


def test_catalogue_has_every_newclid_construction():
    assert sorted(set(NEWCLID) - set(CONSTRUCTIONS)) == []


def test_every_predicate_has_a_numeric_check():
    assert set(PREDICATES) == set(RESIDUALS) | set(MARGINS)


@pytest.mark.parametrize("name", sorted(CONSTRUCTIONS))
def test_drawn_points_satisfy_the_construction(name):
    problem, cons = _problem_for(name)
    call = problem.clauses[-1].constructions[0]
    asserted = cons.instantiate(call) + cons.instantiate(call, "also")
    for seed in SEEDS:
        d = draw(problem, seed)
        for fact in asserted:
            assert d.holds(fact, tol=1e-6), (name, seed, str(fact), d.residual(fact))
        new = [d.coords[p] for p in problem.clauses[-1].points]
        old = [d.coords[p] for p in problem.points if p not in problem.clauses[-1].points]
        assert all(np.hypot(*(n - o)) > 1e-3 for n in new for o in old)


def test_constructions_read_their_facts_from_one_table():
    foot = CONSTRUCTIONS["foot"]
    assert foot.outputs == ("x",) and foot.inputs == ("a", "b", "c")
    assert [str(t.name) for t in foot.facts] == ["perp", "coll"]
    assert [t.name for t in foot.requires] == ["ncoll"]


def test_every_drawing_step_names_a_primitive_or_a_sampler():
    # the catalogue sits below the numeric layer and cannot check this itself
    from geoprover.numeric.loci import PRIMITIVES
    from geoprover.numeric.samplers import SAMPLERS

    for cons in CONSTRUCTIONS.values():
        for step, _args in cons.draw:
            assert (step[1:] in SAMPLERS) if step.startswith("@") else (step in PRIMITIVES), (cons.name, step)
