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
    assert "is FALSE in all 68 configurations tried (64 random figures; 4 mirror images of the first 4" in out.stdout


FALSE_EVERYWHERE = (
    "a b c = triangle; d = on_line a b, on_circle b c; e = on_line a c, on_circle c b; f = on_line c d, "
    "on_line b e; i = incenter a b c; h = orthocenter d e f ? coll i h f"
)


def test_a_false_goal_says_how_many_configurations_were_tried():
    out = run("check", "--text", FALSE_EVERYWHERE)
    assert out.returncode == 1
    assert "is FALSE in all 92 configurations tried (64 random figures; 12 with other branch choices" in out.stdout
    out = run("check", "--text", FALSE_EVERYWHERE, "--json")
    tried = json.loads(out.stdout)["configurations_tried"]
    assert tried["total"] == 92 and tried["mirrored"] == 16 and tried["branch_picks"] == 2
    out = run("solve", "--text", FALSE_EVERYWHERE, "--json")
    data = json.loads(out.stdout)
    assert out.returncode == 1 and data["status"] == "false in the diagram"
    assert data["configurations"]["tried"]["total"] == 92
    assert data["message"].startswith("the goal is false in all 92 configurations tried")


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


# Wu's method decides this one in a fraction of a second; DDAR proves it too, about ten times slower.
WU_THEN_DDAR = "translated_imo_2003_p4"
# Wu decides this one at once; DDAR with auxiliary points finds no proof even in 300 s.
WU_ONLY = "translated_imo_2008_p1b"


def test_solve_shows_the_synthetic_proof_with_wu_as_cross_check():
    out = run("solve", WU_THEN_DDAR, "--timeout", "120", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    # the proof shown is synthetic, proved by DDAR and checked as always, whoever decided first
    assert data["status"] == "proved" and data["readable"] and data["engine"] in ("ddar", "ddar+aux")
    synthetic = {"engine": data["engine"], "status": "proved", "seconds": round(data["seconds"], 3), "message": ""}
    assert data["synthetic"] == synthetic
    assert data["verdict"]["status"] == "proved" and data["verdict"]["seconds"] <= data["synthetic"]["seconds"]
    assert data["certificate"]["proof"] and data["ndg"]
    if data["verdict"]["engine"] == "wu":  # Wu decided: its own proof is kept beside the synthetic one
        check = data["cross_check"]
        assert check["engine"] == "wu" and check["status"] == "proved" and check["ndg"]
        assert check["seconds"] == pytest.approx(data["verdict"]["seconds"], abs=1e-3)
        assert check["certificate"]["remainder"] == 0
        engines = {e: o["status"] for e, o in data["certificate"]["engines"].items()}
        assert engines["wu"] == "proved" and set(engines) <= {"wu", "aux", "aux2"}  # aux2: the second worker
        assert "proved" in (engines.get("aux"), engines.get("aux2"))
    else:  # DDAR finished first on a loaded machine: nothing to cross-check
        assert data["cross_check"] is None
    out = run("solve", WU_THEN_DDAR, "--timeout", "120")
    assert out.returncode == 0, out.stderr
    head, second = out.stdout.split("\n")[:2]
    assert head.startswith(f"{WU_THEN_DDAR}: PROVED by ddar") and "\nProof.\n  1. " in out.stdout
    if second.startswith("Also proved by Wu's method in "):
        check = out.stdout.split("\nCross-check. ", 1)[1]
        assert check.startswith("Also proved by Wu's method in ") and "pseudo-remainder" in check
        assert "Its non-degeneracy conditions (all hold in the figure):" in check


def test_solve_first_stops_at_the_first_verdict():
    out = run("solve", WU_THEN_DDAR, "--timeout", "120", "--json", "--first")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["status"] == "proved" and data["cross_check"] is None
    assert data["verdict"]["engine"] == data["engine"] and len(data["certificate"]["engines"]) == 1
    if data["engine"] == "wu":  # as before: Wu's certificate, no synthetic proof looked for
        assert data["synthetic"] is None and not data["readable"]
    out = run("solve", WU_THEN_DDAR, "--timeout", "120", "--first")
    assert out.returncode == 0 and "Cross-check" not in out.stdout and "No synthetic proof" not in out.stdout


def test_solve_without_a_synthetic_proof_in_the_time_shows_wu_and_says_so():
    out = run("solve", WU_ONLY, "--timeout", "10", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["status"] == "proved" and data["engine"] == "wu" and data["verdict"]["engine"] == "wu"
    # the search and its second worker, started on the core Wu freed
    assert data["synthetic"]["status"] == "timeout" and data["synthetic"]["engine"] == "aux+aux2"
    assert data["synthetic"]["message"] == "no synthetic proof was found in the time (10 s)"
    assert data["cross_check"] is None and data["certificate"]["remainder"] == 0
    said = "No synthetic proof was found in the time (10 s); the proof below is the certificate of Wu's method."
    assert data["report"]["no_synthetic"] == said and data["report"]["wu"]["triangular_set"]
