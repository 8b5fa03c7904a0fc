"""Newclid's dialect: its constructions, argument orders, angle notation, `|` section and goals."""

from __future__ import annotations

import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from geoprover.errors import GeoproverError
from geoprover.language import parse_problem
from geoprover.numeric.checks import goal_holds
from geoprover.numeric.diagram import draw

SAMPLE = Path(__file__).parent / "data" / "newclid_sample.txt"
EXE = shutil.which("geoprover")


def sample() -> list[tuple[str, str, str, str]]:
    """(feature, expected, name, text) of each problem of the committed Newclid sample."""
    lines = SAMPLE.read_text().splitlines()
    out = []
    for i, line in enumerate(lines):
        parts = line[2:].split(": ", 2)
        if line.startswith("# ") and len(parts) == 3 and parts[0].endswith(".txt") and i + 2 < len(lines):
            _file, feature, expected = parts
            out.append((feature, expected, lines[i + 1], lines[i + 2]))
    return out


def test_the_sample_spans_the_dialect():
    rows = sample()
    assert len(rows) >= 40
    features = {r[0] for r in rows}
    for feature in ("iso_trapezoid", "mirror", "on_circum", "trisect", "eqratio6", "o-angle", "aux", "multigoal"):
        assert feature in features


@pytest.mark.parametrize("feature,expected,name,text", sample(), ids=[r[2] for r in sample()])
def test_newclid_sample_checks_or_names_what_is_unsupported(feature, expected, name, text):
    if expected.startswith("error: "):
        with pytest.raises(GeoproverError) as err:
            parse_problem(text, name)
        assert expected.removeprefix("error: ") in str(err.value)
        assert "\n" not in str(err.value)
        return
    problem = parse_problem(text, name)
    d = draw(problem, 0)
    assert problem.goals
    assert all(goal_holds(g, d.coords, d.scale) for g in problem.goals), name


def test_the_new_point_first_or_last_decides_the_order():
    newclid = parse_problem("a b c = triangle; x = parallelogram x a b c ? para a b c x")
    ag = parse_problem("a b c = triangle; x = parallelogram a b c x ? para a b c x")
    assert newclid.clauses[1].constructions == ag.clauses[1].constructions
    sq = parse_problem("a b = segment; x y = square x y a b ? perp a b b x")
    assert sq.clauses[1].constructions[0].args == ("a", "b", "x", "y")


def test_a_new_point_in_the_middle_is_a_one_line_error():
    with pytest.raises(GeoproverError) as err:
        parse_problem("a b c = triangle; x = parallelogram a x b c ? para a b c x")
    msg = str(err.value)
    assert "clause 2 'x = parallelogram a x b c'" in msg and "first" in msg and "last" in msg


@pytest.mark.parametrize("written,degrees", [("45o", 45), ("1pi/4", 45), ("11pi/36", 55), ("120o", 120)])
def test_angles_in_degrees_or_fractions_of_pi(written, degrees):
    p = parse_problem(f"a b = segment; x = s_angle a b x {written} ? aconst b a b x {written}")
    assert p.clauses[1].constructions[0].numbers == (Fraction(degrees),)
    assert p.goal.value == Fraction(degrees, 180)


def test_the_bar_section_is_given_auxiliary_points():
    text = "a b c = triangle; o = circumcenter a b c | m = midpoint m b c; n = midpoint n a c ? perp o m b c"
    p = parse_problem(text)
    assert p.given_aux == ("m", "n") and p.points[-2:] == ["m", "n"]
    assert str(p.clauses[-1]) == "n = midpoint n a c"


def test_several_goals():
    p = parse_problem("a b c = triangle; o = circumcenter a b c ? cong o a o b; cong o b o c")
    assert [str(g) for g in p.goals] == ["cong o a o b", "cong o b o c"]
    assert p.goal == p.goals[0]
    assert p.for_goal(p.goals[1]).goals == (p.goals[1],)


@pytest.mark.parametrize(
    "goal,message",
    [
        ("acompute a b b c", "'acompute' asks to compute a value"),
        ("rcompute a b b c", "'rcompute' asks to compute a value"),
        ("sameclock a b c a c b", "'sameclock'"),
    ],
)
def test_goals_without_a_counterpart_are_refused(goal, message):
    with pytest.raises(GeoproverError) as err:
        parse_problem(f"a b c = triangle ? {goal}")
    assert message in str(err.value)


# One small problem per new construction, proved by Wu.
PROVED = [
    "a b c d = iso_trapezoid ? cong a c b d",
    "a b c = triangle; x = iso_trapezoid2 x a b c ? cyclic a b c x",
    "a b c = between a b c ? coll a b c",
    "a b = segment; x = between_bound x a b ? coll x a b",
    "a b c = triangle; x = iso_triangle_vertex x b c ? eqangle x b b c b c x c",
    "a b c = triangle; x = iso_triangle_vertex_angle x b c ? cong x b x c",
    "a b c = iso_triangle0 ? cong a b a c",
    "a b c = triangle; x = on_pline0 x a b c ? para a x b c",
    "a b c d = quadrangle; e f = segment; g = free; h = on_aline0 h a b c d e f g ? eqangle a b c d e f g h",
    "a b c = triangle; d = free; x = eqratio x a b a c d a d ? eqratio a b a c d a d x",
    "a b c d e = pentagon; x = eqratio6 x a c d e b e ? eqratio a x c x d e b e",
    "a b c = triangle; x = rconst a b c x 2 ? rconst a b c x 2",
    "a b = segment; x = rconst2 x a b 2 ? rconst x a x b 2",
    "a b c = triangle; x = r2const a b c x 3 ? r2const a b c x 3",
    "a b c = triangle; p q = segment; r = simtri r a b c p q ? eqratio a b a c p q p r",
    "a b c = triangle; p q = segment; r = simtrir r a b c p q ? simtrir a b c p q r",
    "a b c = triangle; p = free; q r = contri q r a b c p ? cong b c q r",
    "a b c = triangle; p = free; q r = contrir q r a b c p ? contrir a b c p q r",
    "a b = segment; x = aconst a b b x 30o; y = s_angle a b y 30o ? coll b x y",
    "o a w b = quadrangle; x y z i = cc_itangent x y z i o a w b ? perp o x x y",
    "o a b c = test_r20 ? perp b a b c",
    "a b c d m = test_r25 ? para a c b d",
    "a b c = acute_triangle; h = orthocenter h a b c ? perp a h b c",
    "a b c d = r_trapezoid ? perp a d c d",
    "a b c d = eq_quadrangle ? cong a d b c",
    "a b c d = eqdia_quadrangle ? cong b d a c",
]


@pytest.mark.parametrize("text", PROVED)
def test_each_new_construction_proves_a_small_problem(text):
    from geoprover.wu import prove

    problem = parse_problem(text)
    diagram = draw(problem, 0)
    assert diagram.goal_holds()
    proof = prove(problem, diagram, timeout=30)
    assert proof.status == "proved", text


@pytest.mark.parametrize(
    "text,proved",
    [
        ("o = free; t = lconst t o 2; u = l2const u o 4 ? cong o t o u", True),
        ("a = free; b = lconst b a 3; c = lconst c a 3 ? cong a b a c", True),
        ("o o1 = segment; t = lconst t o 2 ? lconst o t 2", True),
        ("a = free; b = lconst b a 3; c = lconst c a 4 ? cong a b a c", False),
        ("a b = segment; c = lconst c a 2; d = lconst d b 3 ? cong a c b d", False),
        ("o o1 = segment; t = l2const t o 2 ? lconst o t 2", False),
    ],
)
def test_lengths_are_multiples_of_a_unit_in_wus_frame(text, proved):
    from geoprover.wu import prove

    problem = parse_problem(text)
    diagram = draw(problem, 0)
    assert diagram.goal_holds() is proved
    assert (prove(problem, diagram, timeout=30, numeric_gate=False).status == "proved") is proved


@pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")
def test_cli_checks_and_proves_each_goal_and_reports_given_points():
    text = "a b c = triangle; o = circumcenter a b c | m = midpoint m b c ? perp o m b c; cong o a o b"
    out = subprocess.run([EXE, "check", "--text", text], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert "given auxiliary points: m" in out.stdout
    assert "goal perp o m b c holds" in out.stdout and "goal cong o a o b holds" in out.stdout
    out = subprocess.run(
        [EXE, "solve", "--engine", "wu", "--timeout", "30", "--text", text], capture_output=True, text=True, timeout=90
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "goal 1 of 2" in out.stdout and "goal 2 of 2" in out.stdout


@pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")
def test_cli_refuses_a_compute_goal_in_one_line():
    out = subprocess.run(
        [EXE, "check", "--text", "a b c = triangle ? acompute a b b c"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "acompute" in out.stderr
    assert "Traceback" not in out.stderr


def test_api_proves_each_goal():
    from geoprover.api import prove_each

    p = parse_problem("a b c = triangle; o = circumcenter a b c ? cong o a o b; cong o b o c")
    proofs = prove_each(p, engine="wu", timeout=30)
    assert [pr.goal for pr in proofs] == ["cong o a o b", "cong o b o c"]
    assert all(pr.status == "proved" for pr in proofs)


# --- which common tangent gets the first names (Newclid's sketch_cc_tangent / sketch_cc_itangent) ---
def _tangents(kind: str, r1: float, r2: float) -> dict:
    text = f"o@0_0 = free o; a@{r1}_0 = free a; w@3_0 = free w; b@3_{r2} = free b; x y z i = {kind} x y z i o a w b"
    return draw(parse_problem(text, "t"), 0).coords


def test_cc_tangent_names_as_newclid_does():
    # x y: on the right of the line from the larger circle's centre to the smaller's
    big_o = _tangents("cc_tangent", 1, 0.5)
    assert big_o["x"][1] < 0 and big_o["y"][1] < 0 and big_o["z"][1] > 0 and big_o["i"][1] > 0
    big_w = _tangents("cc_tangent", 0.5, 1)
    assert big_w["x"][1] > 0 and big_w["y"][1] > 0 and big_w["z"][1] < 0


def test_cc_itangent_names_as_newclid_does():
    # x (on circle o) on the right of o→w whichever circle is larger; y on the other side
    for r1, r2 in ((1, 0.5), (0.5, 1)):
        c = _tangents("cc_itangent", r1, r2)
        assert c["x"][1] < 0 and c["y"][1] > 0 and c["z"][1] > 0 and c["i"][1] < 0


def test_the_tangents_labelling_is_a_branch_of_the_figure():
    from geoprover.numeric.configurations import redraw

    text = "o a = segment; w = free; b = lconst b w 1/4; x y z i = cc_tangent x y z i o a w b"
    d = draw(parse_problem(text, "t"), 0)
    [choice] = [c for c in d.choices if c.clause == 3]
    other = redraw(d, frozenset([d.choices.index(choice)]))
    assert np.allclose(other.coords["x"], d.coords["z"]) and np.allclose(other.coords["i"], d.coords["y"])
