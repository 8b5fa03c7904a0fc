"""The report's notation: every predicate's rendering, every construction in words, chase sums."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from geoprover.catalogue.constructions import CONSTRUCTIONS
from geoprover.catalogue.predicates import PREDICATES
from geoprover.model import Clause, ConstructionCall, Predicate
from geoprover.report.chase import Equation, Fact, Lines, chain, chain_text
from geoprover.report.constructions import PHRASES, sentence
from geoprover.report.notation import condition, parse_fact, point, statement, words

P = Predicate
EXPECTED = {
    P("coll", ("a", "b", "c")): "A, B, C are collinear",
    P("para", ("a", "b", "c", "d")): "AB ∥ CD",
    P("perp", ("a", "b", "c", "d")): "AB ⊥ CD",
    P("cong", ("a", "b", "c", "d")): "AB = CD",
    P("eqangle", ("b", "p", "b", "c", "b", "a", "b", "d")): "∠PBC = ∠ABD",
    P("eqangle", ("a", "b", "c", "d", "p", "q", "p", "r")): "∠(AB, CD) = ∠QPR",
    P("eqratio", ("a", "b", "c", "d", "e", "f", "g", "h")): "AB/CD = EF/GH",
    P("cyclic", ("a", "b", "c", "d")): "ABCD is cyclic",
    P("cyclic", ("a", "b", "c", "d", "e")): "A, B, C, D, E are concyclic",
    P("midp", ("m", "a", "b")): "M is the midpoint of AB",
    P("circle", ("o", "a", "b", "c")): "O is the centre of circle ABC",
    P("simtri", ("a", "b", "c", "d", "e", "f")): "△ABC ∼ △DEF",
    P("contri", ("a", "b", "c", "d", "e", "f")): "△ABC ≅ △DEF",
    P("simtric", ("a", "b", "c", "d", "e", "f")): "△ABC ∼ △DEF (same orientation)",
    P("simtrir", ("a", "b", "c", "d", "e", "f")): "△ABC ∼ △DEF (opposite orientations)",
    P("contric", ("a", "b", "c", "d", "e", "f")): "△ABC ≅ △DEF (same orientation)",
    P("contrir", ("a", "b", "c", "d", "e", "f")): "△ABC ≅ △DEF (opposite orientations)",
    P("aconst", ("b", "a", "b", "c"), Fraction(1, 3)): "∠ABC = 60°",
    P("rconst", ("a", "b", "c", "d"), Fraction(1, 2)): "AB/CD = 1/2",
    P("r2const", ("a", "b", "c", "d"), Fraction(1, 3)): "AB²/CD² = 1/3",
    P("lconst", ("a", "b"), Fraction(3)): "AB = 3",
    P("l2const", ("a", "b"), Fraction(2)): "AB² = 2",
    P("diff", ("a", "b")): "A ≠ B",
    P("ncoll", ("a", "b", "c")): "A, B, C are not collinear",
    P("npara", ("a", "b", "c", "d")): "AB ∦ CD",
    P("nperp", ("a", "b", "c", "d")): "AB is not perpendicular to CD",
    P("sameside", ("a", "b", "c", "x", "y", "z")): (
        "B, C are on the same side of A exactly when Y, Z are on the same side of X"
    ),
    P("ccw", ("a", "b", "c")): "A, B, C are counterclockwise",
    P("cw", ("a", "b", "c")): "A, B, C are clockwise",
    P("same_side", ("a", "b", "x", "y")): "X and Y are on the same side of line AB",
    P("opposite_sides", ("a", "b", "x", "y")): "X and Y are on opposite sides of line AB",
    P("same_direction", ("p", "x", "q", "r")): "PX and QR point the same way",
    P("opposite_direction", ("p", "x", "q", "r")): "PX and QR point opposite ways",
}


def test_every_predicate_has_a_rendering():
    assert {p.name for p in EXPECTED} == set(PREDICATES)


@pytest.mark.parametrize("pred", list(EXPECTED), ids=lambda p: str(p))
def test_predicate_rendering(pred):
    assert statement(pred) == EXPECTED[pred]
    if PREDICATES[pred.name].condition:
        assert condition(pred) == EXPECTED[pred]


def test_points_in_capitals_with_subscripts():
    assert point("x6") == "X₆" and point("p1") == "P₁" and point("a") == "A"
    assert statement(P("cong", ("x6", "a", "p1", "b"))) == "X₆A = P₁B"


def test_raw_facts_read_back_and_free_text_in_capitals():
    assert parse_fact("eqangle b p b c b a b d") == P("eqangle", ("b", "p", "b", "c", "b", "a", "b", "d"))
    assert parse_fact("aconst a b a c 60") == P("aconst", ("a", "b", "a", "c"), Fraction(1, 3))
    assert parse_fact("∠(ca, cb) = ∠(ao, ab) + 90°") is None
    known = set("acdefop")
    assert words("triangles c o p and a o p are oriented as drawn", known) == (
        "triangles COP and AOP are oriented as drawn"
    )
    assert words("f and d are on opposite sides of line ae", known) == "F and D are on opposite sides of line AE"
    assert words("polynomial ≠ 0: c_x^2*d_y - d_x", known) == "polynomial ≠ 0: c_x^2*d_y - d_x"


def test_every_construction_has_words():
    assert set(CONSTRUCTIONS) <= set(PHRASES), set(CONSTRUCTIONS) - set(PHRASES)


@pytest.mark.parametrize("name", sorted(CONSTRUCTIONS))
def test_construction_in_words(name):
    cons = CONSTRUCTIONS[name]
    # distinct names, none a letter of the placeholders' alphabet, so a leftover shows
    names = {p: f"{p}{i}" for i, p in enumerate(cons.params, start=1)}
    call = ConstructionCall(name, tuple(names[p] for p in cons.params), tuple(Fraction(30) for _ in cons.numbers))
    text = sentence(Clause(tuple(names[p] for p in cons.outputs), (call,)))
    assert text.startswith("Let ") and text.endswith(".")
    assert "{" not in text and "}" not in text
    for p in cons.params:  # every point it names is written in capitals
        assert not re.search(rf"(?<![\w]){names[p]}(?![\w])", text), text
    for p in cons.outputs:
        assert point(names[p]) in text, text


def test_auxiliary_point_in_words():
    call = ConstructionCall("foot", ("x", "a", "b", "i"))
    assert sentence(Clause(("x",), (call,))) == "Let X be the foot of the perpendicular from A to BI."
    two = Clause(("e",), (ConstructionCall("on_line", ("e", "a", "c")), ConstructionCall("on_line", ("e", "b", "d"))))
    assert sentence(two) == "Let E be the intersection of lines AC and BD."


def test_angle_chase_shows_the_sum():
    # ∠PBO = ∠PBC + ∠CBO: with ∠PBC = ∠ABD (4) and ∠CBO = ∠DBQ (5), ∠PBO = ∠ABQ
    facts = [
        Fact("4", P("eqangle", ("b", "p", "b", "c", "b", "a", "b", "d"))),
        Fact("5", P("eqangle", ("b", "c", "b", "o", "b", "d", "b", "q"))),
    ]
    found = chain(P("eqangle", ("b", "p", "b", "o", "b", "a", "b", "q")), facts, Lines(), {})
    assert found is not None
    text = chain_text(*found)
    assert text.startswith("∠PBO = ") and text.endswith("∠ABQ [5]"), text
    assert "[4]" in text


def test_ratio_chase_shows_the_product():
    facts = [Fact("1", P("cong", ("o", "a", "o", "b"))), Fact("2", P("cong", ("o", "b", "o", "c")))]
    found = chain(P("cong", ("o", "a", "o", "c")), facts, Lines(), {})
    assert found is not None
    assert chain_text(*found) == "OA = OB [1] = OC [2]"


def test_chase_never_halves_an_angle():
    # 2∠ABC = 0 does not give ∠ABC = 0 mod 180°: no chain is claimed
    facts = [Fact("1", P("aconst", ("b", "a", "b", "c"), Fraction(0)))]
    assert chain(P("para", ("b", "a", "b", "c")), facts, Lines(), {}) is not None
    doubled = [Fact("1", None, [Equation("angle", ((Fraction(2), "b", "c"), (Fraction(-2), "b", "a")))])]
    assert chain(P("para", ("b", "a", "b", "c")), doubled, Lines(), {}) is None
