"""Wu's conditions mean something: branch factors stated as they are, the goal's non-degeneracy
stated and checked, set-aside factors checked with a margin that can fail."""

from __future__ import annotations

import pytest

from geoprover.language import parse_problem
from geoprover.numeric.diagram import draw
from geoprover.proof import FALSE, NOT_PROVED, PROVED
from geoprover.timing import Deadline
from geoprover.wu import conditions as wu_conditions
from geoprover.wu import engine as wu_engine
from geoprover.wu.algebra import NON_ZERO, VANISH, Ring, Unclear
from geoprover.wu.triangulate import Dropped

EQUILATERAL = "a b = segment a b; c = on_circle c a b, on_circle c b a ? aconst a b a c {}"


def wu(text: str, seed: int = 0, **kw):
    problem = parse_problem(text, "t")
    return wu_engine.prove(problem, draw(problem, seed), timeout=30, **kw)


def test_the_branch_factor_is_a_printed_condition_and_the_two_branches_exclude_each_other():
    conds = {}
    for angle in (60, 120):
        proof = wu(EQUILATERAL.format(angle), seed=1)
        assert proof.status == PROVED
        branch = [c for c in proof.ndg if "c_y" in c]
        assert len(branch) == 1, proof.ndg  # not reduced to "c, a, b not collinear"
        conds[angle] = branch[0]
    assert conds[60] != conds[120]
    assert {conds[60], conds[120]} == {"polynomial ≠ 0: sqrt3 + 2*c_y", "polynomial ≠ 0: sqrt3 - 2*c_y"}


def test_the_goal_non_degeneracy_is_printed():
    proof = wu("a b c = triangle a b c; o = circle o a b c; d = on_circle d o a ? cyclic a b c d")
    assert proof.status == PROVED
    assert "a, b, c not collinear" in proof.ndg and "a, b, d not collinear" in proof.ndg


def test_a_goal_degenerate_on_the_whole_component_is_refused_by_the_algebra(monkeypatch):
    # with the numeric test of the goal's conditions fooled (where the conditions look it up), the
    # remainder by the chain still says no
    monkeypatch.setattr(wu_conditions, "need_fails", lambda *a: False)
    proof = wu("a b c = triangle a b c; d = midpoint d a b; e = on_line e a b ? cyclic a d b e", numeric_gate=False)
    assert proof.status == FALSE
    assert "whole component" in proof.message


@pytest.mark.parametrize("goal", ["cyclic a d b e", "simtri a d b b d a", "cong a a b b", "perp a a d b"])
def test_degenerate_goals_are_false_without_the_numeric_gate(goal):
    proof = wu(f"a b c = triangle a b c; d = midpoint d a b; e = on_line e a b ? {goal}", numeric_gate=False)
    assert proof.status == FALSE and "degenerate" in proof.message


def test_a_set_aside_factor_barely_non_zero_fails_the_check():
    problem = parse_problem("a b c = triangle a b c; d = midpoint d b c ? midp d c b", "t")
    diagram = draw(problem, 0)
    setup, chain, _ = wu_engine.build(problem, diagram, Deadline.after(30))
    ring = setup.ring
    x = ring.gen("c_x")
    k = 10**6
    near = k * x - round(k * ring.values[ring.index["c_x"]])  # relative value about 1e-7 … 1e-6
    assert VANISH <= ring.relative(near) < NON_ZERO
    chain.dropped.append(Dropped(near, "test", 0))
    ok, lines, _ = wu_conditions.check_ndg(setup, chain, problem, diagram)
    assert not ok and any("FAILS" in line for line in lines)


def test_no_factor_of_a_hypothesis_vanishing_is_unclear_not_a_guess():
    ring = Ring(["x", "y"])
    ring.values[:] = [2.0, 3.0]
    x, y = ring.gens
    with pytest.raises(Unclear):
        ring.select_factors((x - 1) * (y - 1), strict=True)
    kept, dropped = ring.select_factors((x - 1) * (y - 1))  # a goal's remainder may keep either
    assert len(dropped) == 1


def test_variable_factors_set_aside_from_a_hypothesis_are_recorded():
    ring = Ring(["x", "y"])
    ring.values[:] = [2.0, 0.0]
    x, y = ring.gens
    dropped: list = []
    assert ring.simplify(x * y, dropped) == y and dropped == [x]


def test_unclear_factor_choice_is_not_proved(monkeypatch):
    def unclear(self, p, max_terms=4000, strict=False):
        if strict:
            raise Unclear("test")
        return p, []

    monkeypatch.setattr(Ring, "select_factors", unclear)
    proof = wu(EQUILATERAL.format(60), seed=1)
    assert proof.status == NOT_PROVED and "unclear" in proof.message
