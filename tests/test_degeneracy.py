"""Degenerate statements are false: zero segments, flat triangles, collinear 'concyclic' points,
tested relative to the figure's size."""

from __future__ import annotations

import numpy as np
import pytest

from geoprover.model import Predicate as P
from geoprover.numeric.checks import goal_holds, holds
from geoprover.numeric.degeneracy import degeneracy, flat, needs
from geoprover.numeric.geometry import Degenerate, circumcenter


def pts(**kw):
    return {k: np.array(v, dtype=float) for k, v in kw.items()}


@pytest.mark.parametrize("size", [1e-3, 1.0, 1e3])
def test_far_apart_collinear_points_are_not_concyclic_at_any_size(size):
    # three collinear points far apart have a huge "circle": the old absolute test accepted them
    c = pts(a=(0, 0), b=(size, 0), p=(2 * size, 1e-12 * size), q=(3 * size, 0))
    assert not holds(P("cyclic", ("a", "b", "p", "q")), c, 3 * size)
    assert degeneracy(P("cyclic", ("a", "b", "p", "q")), c, 3 * size) is not None


def test_circumcentre_degeneracy_is_relative():
    with pytest.raises(Degenerate):
        circumcenter(np.array([0.0, 0.0]), np.array([1e3, 0.0]), np.array([2e3, 1e-8]))
    o = circumcenter(np.array([0.0, 0.0]), np.array([1e-3, 0.0]), np.array([0.0, 1e-3]))
    assert np.allclose(o, [5e-4, 5e-4])


def test_concyclic_points_hold_and_repeated_points_do_not():
    c = pts(a=(1, 0), b=(0, 1), c=(-1, 0), d=(0, -1))
    assert holds(P("cyclic", ("a", "b", "c", "d")), c, 2)
    assert not holds(P("cyclic", ("a", "b", "c", "a")), c, 2)


def test_flat_triangles_are_neither_similar_nor_congruent():
    c = pts(a=(0, 0), b=(1, 0), c=(2, 0), x=(0, 1), y=(1, 1), z=(2, 1))
    for name in ("simtri", "contri"):
        assert not holds(P(name, ("a", "b", "c", "x", "y", "z")), c, 2)
        assert not holds(P(name, ("a", "b", "c", "a", "b", "c")), c, 2)
    assert flat(c["a"], c["b"], c["c"], 2.0)


@pytest.mark.parametrize(
    "goal",
    [
        "cong a a b c",
        "para a a b c",
        "perp a b c c",
        "eqangle a a b c a b a c",
        "eqratio a a b c a b a c",
        "midp a b b",
    ],
)
def test_zero_segments_make_a_statement_false(goal):
    c = pts(a=(0, 0), b=(1, 0), c=(0, 1))
    name, *args = goal.split()
    assert not holds(P(name, tuple(args)), c, 1.0)


def test_collinearity_of_a_repeated_point_is_a_true_fact_but_no_goal():
    # the deductive database meets twins (two names at one spot): "a, b, b' collinear" is true
    c = pts(a=(0, 0), b=(1, 0), t=(1, 0))
    assert holds(P("coll", ("a", "b", "t")), c, 1.0)
    assert not goal_holds(P("coll", ("a", "b", "t")), c, 1.0)
    assert not goal_holds(P("coll", ("a", "b", "b")), c, 1.0)


def test_needs_name_the_conditions():
    assert ("triangle", "a", "b", "c") in needs(P("cyclic", ("a", "b", "c", "d")))
    assert needs(P("simtri", tuple("abcxyz"))) == [("triangle", "a", "b", "c"), ("triangle", "x", "y", "z")]
    assert needs(P("ncoll", ("a", "b", "c"))) == []
