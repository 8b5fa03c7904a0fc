"""AlphaGeometry's outputs: its constrained form, its solution file, and a batch of candidates."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from geoprover.api import add_auxiliary
from geoprover.errors import GeoproverError
from geoprover.language import parse_problem
from geoprover.language.agoutput import auxiliary_text, constrained_to_clauses, is_constrained
from geoprover.numeric.diagram import draw

EXE = shutil.which("geoprover")
FIGURE = "a b c d = quadrangle; m = midpoint m a c; n = midpoint n b d"


@pytest.mark.parametrize(
    "constrained,clauses",
    [
        ("x00 e : C a c e 02 C b d e 03 ;", "e = on_line e a c, on_line e b d"),
        ("x00 e : T a e b c 02 ;", "e = on_tline e a b c"),
        ("x00 e : T e a e b 01 ;", "e = on_dia e b a"),
        ("x00 e : P e a b c 04 ;", "e = on_pline e a b c"),
        ("x00 e : D e a e b 01 ;", "e = on_bline e b a"),
        ("x00 e : D e a a b 03 ;", "e = on_circle e a b"),
        ("x00 e : D a e c d 01 ;", "e = eqdistance e a c d"),
        ("x00 e : O a b c e 05 ;", "e = on_circum e a b c"),
        ("x00 e : ^ a b e c d m 02 ;", "e = on_aline e b a m d c"),
        ("x00 e : ^ a e b c d m 02 ;", "e = eqangle3 e a b d c m"),
        ("x00 e : ^ b a b e b e b c 01 ;", "e = angle_bisector e c b a"),
        ("x00 e : ^ a b c d m n n e 02 ;", "e = on_aline0 e a b c d m n n"),
        (
            "e : C a c e 02 ; x00 f : P f a b c 04 D f a a b 05 ;",
            "e = on_line e a c; f = on_pline f a b c, on_circle f a b",
        ),
    ],
)
def test_every_predicate_letter(constrained, clauses):
    assert is_constrained(constrained)
    assert constrained_to_clauses(constrained) == clauses
    problem = add_auxiliary(parse_problem(FIGURE + " ? para m n m n"), constrained)
    draw(problem, 0)  # the extended figure draws


@pytest.mark.parametrize(
    "bad,message",
    [
        ("x00 e : Q a b c 01 ;", "'Q' is not a predicate letter"),
        ("x00 e : C a b 01 ;", "wrong number of points"),
        ("x00 e : C a b c 01 ;", "does not name the point"),
        ("x00 e : C a b e 01 C a c e 02 C b c e 03 ;", "one or two facts"),
    ],
)
def test_untranslatable_constrained_forms(bad, message):
    with pytest.raises(GeoproverError, match=message):
        constrained_to_clauses(bad)


SOLUTION = """
==========================
 * From theorem premises:
A B C D M N : Points
M is midpoint of AC [00]
N is midpoint of BD [01]

 * Auxiliary Constructions:
E F G : Points
A,C,E are collinear [02]
B,D,E are collinear [03]
FA = FB [04]
\u2220BAF = \u2220FAC [05]
G is midpoint of BC [06]

 * Proof steps:
001. A,C,E are collinear [02] & B,D,E are collinear [03] \u21d2  E,A,C are collinear [07]
==========================
"""


def test_a_solution_file_gives_its_auxiliary_constructions():
    assert auxiliary_text(SOLUTION) == (
        "e = on_line e a c, on_line e b d; f = on_bline f b a, angle_bisector f c a b; g = midpoint g b c"
    )
    problem = add_auxiliary(parse_problem(FIGURE + "; p = midpoint p a b ? para p m b c"), SOLUTION)
    assert problem.points[-3:] == ["e", "f", "g"]
    assert draw(problem, 0).goal_holds()


@pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")
def test_cli_aux_detects_the_form(tmp_path):
    text = FIGURE + "; p = midpoint p a b ? para p m b c"
    for aux in ("x00 g : C b c g 01 D g b g c 02 ;", "g = midpoint g b c"):
        out = subprocess.run(
            [EXE, "solve", "--engine", "wu", "--timeout", "30", "--text", text, "--aux", aux],
            capture_output=True,
            text=True,
            timeout=90,
        )
        assert out.returncode == 0 and "PROVED" in out.stdout, out.stdout + out.stderr
    (tmp_path / "solution.txt").write_text(SOLUTION)
    out = subprocess.run(
        [EXE, "solve", "--engine", "wu", "--timeout", "30", "--text", text, "--aux", str(tmp_path / "solution.txt")],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert out.returncode == 0 and "PROVED" in out.stdout
    out = subprocess.run(
        [
            EXE,
            "draw",
            "--text",
            FIGURE + " ? para m n m n",
            "--aux",
            "x00 g : Q a b 01 ;",
            "-o",
            str(tmp_path / "f.svg"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "'Q' is not a predicate letter" in out.stderr


@pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")
def test_a_three_problem_aux_candidates_batch(tmp_path):
    (tmp_path / "set.txt").write_text(
        "quad\n" + FIGURE + " ? para m n m n\n"
        "alt\na b c = triangle; h = orthocenter h a b c ? perp a h b c\n"
        "med\na b c = triangle; m = midpoint m b c; n = midpoint n a c ? para m n a b\n"
    )
    rows = [
        {"problem": "quad", "candidates": ["x00 e : Q a c e 02 ;", "x00 e : C a c e 02 C b d e 03 ;"]},
        {"problem": "alt", "candidates": ["f = foot f a b c"]},
        {"problem": "med", "candidates": ["x00 g : C a m g 01 C b n g 02 ;"]},
    ]
    (tmp_path / "cands.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = subprocess.run(
        [EXE, "bench", str(tmp_path / "set.txt"), "--aux-candidates", str(tmp_path / "cands.jsonl")]
        + ["--timeout", "60", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "quad: candidate 0 skipped" in out.stdout and "solved 3 / 3" in out.stdout
    result = json.loads((tmp_path / "out" / "cands_aux_candidates.json").read_text())
    assert [r["candidate"] for r in result["rows"]] == [1, 0, 0]
    assert result["rows"][0]["attempts"][0]["result"].startswith("skipped")


def test_solution_names_with_digits():
    text = (
        "\n * Auxiliary Constructions:\nE1 : Points\nA,C,E_1 are collinear [02]\nE_1A = E_1C [03]\n\n * Proof steps:\n"
    )
    assert auxiliary_text(text) == "e1 = on_line e1 a c, on_bline e1 c a"
