"""End to end through the installed console script."""

import json
import shutil
import subprocess

import pytest

EXE = shutil.which("geoprover")
pytestmark = pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")


def run(*args, timeout=120):
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout)


def test_help_everywhere():
    for cmd in ([], ["check"], ["draw"], ["list"], ["solve"], ["bench"]):
        out = run(*cmd, "--help")
        assert out.returncode == 0 and "usage: geoprover" in out.stdout


def test_check_true_goal():
    out = run("check", "translated_imo_2000_p1")
    assert out.returncode == 0
    assert "goal cong e p e q holds in the diagram" in out.stdout


def test_check_false_goal_exit_1():
    out = run("check", "--text", "a b c = triangle a b c; m = midpoint m b c ? perp a m b c")
    assert out.returncode == 1
    assert "FALSE in the diagram" in out.stdout


def test_check_json_and_file_name_form():
    out = run("check", "imo_ag_30", "translated_imo_2004_p5", "--json", "--seed", "3")
    data = json.loads(out.stdout)
    assert out.returncode == 0 and data["goal_holds"] is True and data["seed"] == 3
    assert set(data["points"]) >= {"a", "b", "c", "o", "d", "p"}


def test_list():
    out = run("list", "imo_ag_30")
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 30
    data = json.loads(run("list", "--json").stdout)
    assert len(data) == 30 + 231 + 205


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_draw(tmp_path, suffix):
    path = tmp_path / f"fig{suffix}"
    out = run("draw", "translated_imo_2000_p1", "-o", str(path))
    assert out.returncode == 0 and path.stat().st_size > 1000


def test_bad_input_one_line_exit_2():
    out = run("check", "--text", "a b c = triangle a b c; d = on_line d a q")
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "point 'q' is not defined" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("engine", ["wu", "ddar", "aux", "all"])
def test_solve_json_every_engine(engine):
    out = run(
        "solve",
        "--text",
        "a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c",
        "--engine",
        engine,
        "--json",
        "--timeout",
        "60",
    )
    data = json.loads(out.stdout)
    assert out.returncode == 0 and data["status"] == "proved"
    assert data["engine"] in ("wu", "ddar", "ddar+aux") and data["seconds"] < 60


def test_solve_text_shows_the_proof_and_false_goal_exit_1():
    out = run("solve", "translated_imo_2004_p5", "--timeout", "120")
    assert out.returncode == 0 and "PROVED" in out.stdout
    out = run("solve", "--text", "a b c = triangle a b c; m = midpoint m b c ? perp a m b c")
    assert out.returncode == 1 and "false in the diagram".upper() in out.stdout.upper()


REPRODUCTION = (
    "b c = segment; d = free; e = eqdistance d b c; t = on_bline b d, on_bline c e; "
    "a = eqangle2 b t e; p = on_line a b, on_line c d; q = on_line a b, on_line c t; "
    "r = on_line a e, on_line c d; s = on_line a e, on_line d t ? cyclic b a p q"
)


@pytest.mark.parametrize("seed", ["0", "29"])
def test_solve_four_collinear_points_are_not_concyclic(seed):
    out = run("solve", "--seed", seed, "--timeout", "20", "--text", REPRODUCTION)
    assert out.returncode == 1 and "PROVED" not in out.stdout.replace("NOT PROVED", "")


def test_solve_states_the_configuration_it_proves():
    text = "a b = segment a b; c = on_circle c a b, on_circle c b a ? aconst a b a c {}"
    seen = {}
    for angle in ("60", "120"):
        out = run("solve", "--seed", "1", "--timeout", "30", "--json", "--text", text.format(angle))
        assert out.returncode == 0
        data = json.loads(out.stdout)
        assert data["configurations"]["holds"] < data["configurations"]["drawn"]
        seen[angle] = data["configuration"]
    assert seen["60"] == ["a, b, c are counterclockwise"] and seen["120"] == ["a, b, c are clockwise"]
    out = run("solve", "--seed", "1", "--timeout", "30", "--text", text.format("60"))
    assert "holds in 1 of 3 configurations drawn" in out.stdout
    # the default text is in conventional notation, the configuration conditions in one section
    shown = out.stdout.split("Configuration (as drawn):", 1)[1]
    assert "The goal holds in 1 of the 3 configurations drawn" in shown
    assert "A, B, C are counterclockwise" in shown
    out = run("solve", "--seed", "1", "--timeout", "30", "--format", "raw", "--text", text.format("60"))
    assert "a, b, c are counterclockwise (as drawn)" in out.stdout  # the engines' form, as before
