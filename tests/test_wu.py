"""Wu's method: classic theorems proved, false variants not, flint vs sympy, NDGs in the diagram."""

from __future__ import annotations

import random

import pytest

from geoprover.language import load_named, parse_problem
from geoprover.numeric.diagram import draw
from geoprover.proof import FALSE, NOT_PROVED, PROVED
from geoprover.wu import prove
from geoprover.wu.algebra import Ring

CLASSICS = {
    "orthocenter": "a b c = triangle a b c; h = orthocenter h a b c ? perp c h a b",
    "simson": "a b c = triangle a b c; o = circle o a b c; p = on_circle p o a; x = foot x p b c; "
    "y = foot y p c a; z = foot z p a b ? coll x y z",
    "nine_point": "a b c = triangle a b c; d = midpoint d b c; e = midpoint e c a; f = midpoint f a b; "
    "h = foot h a b c ? cyclic d e f h",
    "euler_line": "a b c = triangle a b c; h = orthocenter h a b c; o = circle o a b c; d = midpoint d b c; "
    "e = midpoint e c a; g = on_line g a d, on_line g b e ? coll o g h",
    "pappus": "a b = segment a b; c = on_line c a b; d = free d; e = free e; f = on_line f d e; "
    "p = on_line p a e, on_line p b d; q = on_line q a f, on_line q c d; "
    "r = on_line r b f, on_line r c e ? coll p q r",
    "butterfly": "o a = segment o a; b = on_circle b o a; m = midpoint m a b; c = on_circle c o a; "
    "d = on_line d c m, on_circle d o a; e = on_circle e o a; f = on_line f e m, on_circle f o a; "
    "p = on_line p c e, on_line p a b; q = on_line q d f, on_line q a b ? cong m p m q",
    "miquel": "a b c = triangle a b c; d = on_line d b c; e = on_line e c a; f = on_line f a b; "
    "o1 = circle o1 a e f; o2 = circle o2 b f d; p = on_circle p o1 f, on_circle p o2 f ? cyclic c d e p",
    "bisector_ratio": "a b c = triangle a b c; d = angle_bisector d b a c, on_line d b c ? eqratio d b d c a b a c",
    "chords": "o a = segment o a; b = on_circle b o a; c = on_circle c o a; d = on_circle d o a; "
    "p = on_line p a b, on_line p c d ? eqratio p a p c p d p b",
    "centroid": "a b c = triangle a b c; d = midpoint d b c; e = midpoint e c a; f = midpoint f a b; "
    "g = on_line g a d, on_line g b e ? coll c g f",
    "menelaus_midline": "a b c = triangle a b c; m = midpoint m a b; n = on_pline n m b c, on_line n a c ? midp n a c",
    "thales": "a b = segment a b; o = midpoint o a b; c = on_circle c o a ? perp c a c b",
    "inscribed_angle": "a b c = triangle a b c; o = circle o a b c; d = on_circle d o a ? eqangle c a c b d a d b",
}

FALSE_VARIANTS = {
    "simson_off_circle": "a b c = triangle a b c; p = free p; x = foot x p b c; y = foot y p c a; "
    "z = foot z p a b ? coll x y z",
    "nine_point_wrong": "a b c = triangle a b c; d = midpoint d b c; e = midpoint e c a; f = on_line f a b; "
    "h = foot h a b c ? cyclic d e f h",
    "euler_wrong": "a b c = triangle a b c; h = orthocenter h a b c; o = circle o a b c; d = midpoint d b c; "
    "g = on_line g a d ? coll o g h",
    "chords_wrong": "o a = segment o a; b = on_circle b o a; c = on_circle c o a; d = on_circle d o a; "
    "p = on_line p a b, on_line p c d ? eqratio p a p b p c p d",
}


@pytest.mark.parametrize("name", sorted(CLASSICS))
def test_classic_proved(name):
    proof = prove(parse_problem(CLASSICS[name]), timeout=30)
    assert proof.status == PROVED, proof.render()
    assert proof.engine == "wu"
    assert "remainder = 0" in proof.steps
    assert proof.certificate["remainder"] == 0
    assert proof.certificate["triangular_set"]


@pytest.mark.parametrize("name", sorted(FALSE_VARIANTS))
def test_false_variant_not_proved(name):
    proof = prove(parse_problem(FALSE_VARIANTS[name]), timeout=30)
    assert proof.status != PROVED
    assert proof.status == FALSE


@pytest.mark.parametrize("name", sorted(CLASSICS))
def test_ndg_hold_in_diagram(name):
    problem = parse_problem(CLASSICS[name])
    diagram = draw(problem, seed=0)
    proof = prove(problem, diagram, timeout=30)
    assert proof.certificate["ndg"], "a proof states its NDG conditions"
    assert all(entry["holds"] for entry in proof.certificate["ndg"])
    assert not any("FAILS" in line for line in proof.ndg)


def test_ndg_geometric_statements():
    proof = prove(parse_problem(CLASSICS["simson"]), timeout=30)
    assert any("not collinear" in line or "parallel" in line or "≠" in line for line in proof.ndg)


def test_other_seeds_agree():
    problem = parse_problem(CLASSICS["butterfly"])
    for seed in (1, 2):
        assert prove(problem, draw(problem, seed=seed), timeout=30).proved


def test_imo_2000_p1_proves():
    proof = prove(load_named("translated_imo_2000_p1"), timeout=30)
    assert proof.proved


def test_timeout_honoured():
    proof = prove(load_named("translated_imo_2000_p1"), timeout=0.0)
    assert proof.status in ("timeout", PROVED) and proof.seconds < 15


def _random_poly(ring: Ring, rnd: random.Random, terms: int, degs: list[int]):
    p = ring.const(0)
    for _ in range(terms):
        mono = ring.const(rnd.randint(-5, 5))
        for g, d in zip(ring.gens, degs):
            mono = mono * g ** rnd.randint(0, d)
        p = p + mono
    return p


def test_flint_and_sympy_prem_agree():
    pytest.importorskip("sympy")  # an optional dependency: pip install '.[test]' has it
    from sympy import ZZ
    from sympy.polys.rings import ring as sring

    ring = Ring(["u", "v", "x", "y"])
    R, *gens = sring("u,v,x,y", ZZ)
    rnd = random.Random(7)

    def conv(p):
        return R.from_dict({tuple(int(e) for e in m): int(c) for m, c in zip(p.monoms(), p.coeffs())})

    for _ in range(10):
        f = _random_poly(ring, rnd, 8, [2, 2, 2, 3])
        g = _random_poly(ring, rnd, 5, [1, 2, 1, 2])
        if g.degrees()[3] == 0:
            continue
        ours = ring.prem(f, g, 3)
        theirs = conv(f).prem(conv(g), gens[3])
        init = conv(ring.coeff_top(g, 3))
        # our multipliers are divided by gcds, sympy's are full powers of the initial:
        # the two remainders agree up to a factor dividing a power of the initial
        a, b = conv(ours), theirs
        if not a:
            assert not b
            continue
        assert (
            (b * a.LC) % a == 0
            or any(b == a * init**k * s for k in range(4) for s in (1, -1))
            or (a * b.LC - b * a.LC) == 0
            or _divides_power(a, b, init)
        )


def _divides_power(a, b, init) -> bool:
    for k in range(5):
        q, r = (a * init**k).div(b) if b else (0, a)
        if not r and (q.is_ground):
            return True
        q, r = (b * init**k).div(a)
        if not r and q.is_ground:
            return True
    return False


SURD_CASES = {
    "napoleon_like": "a b c = triangle a b c; d = eq_triangle d a b; e = eq_triangle e a c; "
    "f = eq_triangle f c b ? para e d c f",
    "fermat_point_lines": "a b c = triangle a b c; d = eq_triangle d b c; e = eq_triangle e c a; "
    "f = eq_triangle f a b ? cong a d b e",
}


@pytest.mark.parametrize("name", sorted(SURD_CASES))
def test_orientation_components(name):
    """Equilateral triangles and 60° turns: the quadratic splits over Q(√3) and the diagram's root is kept."""
    problem = parse_problem(SURD_CASES[name])
    proof = prove(problem, timeout=30)
    if proof.status == FALSE:
        pytest.skip("the bundled diagram draws the other orientation")
    assert proof.proved, proof.render()
    assert any(t["var"] == "sqrt3" for t in proof.certificate["triangular_set"])


def test_vieta_split_makes_members_linear():
    """Second intersection of a line with a circle through a known point: the member is linear."""
    proof = prove(parse_problem(CLASSICS["butterfly"]), timeout=30)
    degrees = {t["var"]: t["degree"] for t in proof.certificate["triangular_set"]}
    assert degrees["d_x"] == 1 and degrees["f_x"] == 1


@pytest.mark.parametrize("name", ["simson", "butterfly", "miquel", "nine_point"])
def test_proof_holds_on_other_figures_of_the_component(name):
    """Soundness cross-check: every other random figure on which the triangular set vanishes and
    the NDG polynomials do not must satisfy the goal."""
    import numpy as np

    from geoprover.numeric.diagram import draw_once
    from geoprover.timing import Deadline
    from geoprover.wu.engine import build

    problem = parse_problem(CLASSICS[name])
    setup, chain, _ = build(problem, draw(problem, seed=0), Deadline.after(30))
    ring = setup.ring
    rng = np.random.default_rng(3)
    checked = 0
    for k in range(6):
        other = draw_once(problem, rng, k)
        setup._numeric(other)
        on = all(ring.vanishes(m.poly, 1e-6) for m in chain.members)
        ndg = all(not ring.vanishes(m.initial(ring), 1e-6) for m in chain.members) and all(
            not ring.vanishes(d.poly, 1e-6) for d in chain.dropped
        )
        if on and ndg:
            checked += 1
            assert other.goal_holds()
    assert checked


def _isosceles_diagram(problem):
    """A special figure of a free triangle: c on the bisector of ab, so ``cong c a c b`` holds in it."""
    import numpy as np

    from geoprover.numeric.diagram import Diagram

    coords = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.5, 0.75), "h": (0.5, 1 / 3)}
    return Diagram(problem, {p: np.array(xy) for p, xy in coords.items()}, seed=0)


SPECIAL = "a b c = triangle a b c; h = orthocenter h a b c ? cong c a c b"


def _screen(problem, diagram=None):
    from geoprover.timing import Deadline
    from geoprover.wu.engine import build
    from geoprover.wu.refute import screen

    setup, chain, goals = build(problem, diagram or draw(problem, seed=0), Deadline.after(30))
    return setup, chain, goals, screen(setup.ring, chain, goals)


def test_screen_refutes_a_goal_true_only_in_a_special_figure():
    problem = parse_problem(SPECIAL)
    diagram = _isosceles_diagram(problem)
    assert diagram.goal_holds()
    *_, verdict = _screen(problem, diagram)
    assert verdict.refuted and verdict.samples >= 3, verdict


def test_screen_refutes_a_wrong_goal_polynomial_on_a_chain():
    """Hand-made chain x = u², y² = x at u = 1: x − u and y − x vanish there but not on the branch."""
    import numpy as np

    from geoprover.wu.refute import screen
    from geoprover.wu.triangulate import Chain, Member

    ring = Ring(["u", "x", "y"])
    u, x, y = ring.gens
    ring.values = np.array([1.0, 1.0, 1.0])
    chain = Chain([Member(1, x - u * u, "x = u²"), Member(2, y * y - x, "y² = x")])
    assert screen(ring, chain, [x - u]).refuted
    assert screen(ring, chain, [y - x]).refuted
    # y − u vanishes on the diagram's branch y = +u (the exact remainder does not: the chain is
    # reducible), and x − u², y² − u² on the whole component: none is refuted
    for g in (y - u, x - u * u, y * y - u * u):
        assert not screen(ring, chain, [g]).refuted


def test_screen_engine_reports_not_proved(monkeypatch):
    """Through ``prove``: with no quick exact attempt the screen answers first."""
    import geoprover.wu.engine as engine

    monkeypatch.setattr(engine, "QUICK", 0.0)
    problem = parse_problem(SPECIAL)
    proof = prove(problem, _isosceles_diagram(problem), timeout=30)
    assert proof.status == NOT_PROVED and "generic points" in proof.message
    assert proof.certificate["screen"]["refuted"]
    proof = prove(parse_problem(CLASSICS["simson"]), timeout=30)
    assert proof.proved


@pytest.mark.parametrize(
    "text",
    [
        CLASSICS["simson"],
        CLASSICS["butterfly"],
        CLASSICS["miquel"],
        CLASSICS["bisector_ratio"],
        SURD_CASES["napoleon_like"],
    ],
)
def test_screen_never_refutes_a_proved_goal(text):
    problem = parse_problem(text)
    *_, verdict = _screen(problem)
    assert not verdict.refuted, verdict
    assert prove(problem, timeout=30).status in (PROVED, FALSE)


@pytest.mark.parametrize("name", ["translated_imo_2004_p1", "translated_imo_2000_p1"])
def test_screen_never_refutes_a_proved_imo_goal(name):
    """IMO 2004 P1 is proved only with the exact factor removal (the old mod-p screen rejected it)."""
    problem = load_named(name)
    *_, verdict = _screen(problem)
    assert not verdict.refuted and verdict.samples >= 3, verdict
    assert prove(problem, timeout=60).proved


def test_kernel_agrees_with_flint():
    """Values and partial derivatives of random polynomials at integer points (exact in float64)."""
    import numpy as np

    from geoprover.wu.kernels import Sparse

    ring = Ring(["u", "v", "x", "y"])
    rnd = random.Random(5)
    for _ in range(5):
        p = _random_poly(ring, rnd, 12, [3, 2, 3, 2])
        points = [[rnd.randint(-4, 4) for _ in range(4)] for _ in range(6)]
        sparse = Sparse.of(p, 4)
        for dtype in (np.float64, np.complex128):
            values, sizes, derivs = sparse.at(np.array(points, dtype=dtype), (0, 3))
            for row, pt in enumerate(points):
                assert values[row] == int(p(*pt))
                assert derivs[row, 0] == int(p.derivative(0)(*pt))
                assert derivs[row, 1] == int(p.derivative(3)(*pt))
                assert sizes[row] >= abs(values[row])
    values, sizes, _ = Sparse.of(ring.const(0), 4).at(np.ones((2, 4)))
    assert not values.any() and not sizes.any()


def test_half_angle_frame_separates_bisectors():
    """Internal vs external bisector at a free vertex: the goal holds for the internal one only."""
    text = (
        "a b c = triangle a b c; e = on_line e a b, on_circle e a c; d = angle_bisector d b a c, "
        "on_line d b c; f = on_pline f e b c, on_line f a c ? eqangle e d e c e c e f"
    )
    proof = prove(parse_problem(text), timeout=30)
    assert proof.proved, proof.render()
    assert proof.certificate["frame"]["half_angle"]


def test_product_guard_gives_up(monkeypatch):
    """A pseudo-division step whose product could exhaust memory stops Wu (FLINT would abort)."""
    import geoprover.wu.algebra as algebra

    monkeypatch.setattr(algebra, "MAX_PRODUCT_TERMS", 10)
    proof = prove(load_named("translated_imo_2004_p1"), timeout=30)
    assert proof.status == NOT_PROVED and "gave up" in proof.message
