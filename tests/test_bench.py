"""The benchmark runner end to end on a tiny set: table, three result files, resume, AG union."""

import json

import pytest

from geoprover.cli import main

TINY = """orthocenter
a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c
false_one
a b c = triangle a b c; m = midpoint m b c ? perp a m b c
"""


@pytest.fixture
def tiny(tmp_path):
    f = tmp_path / "tiny.txt"
    f.write_text(TINY)
    return f


def test_bench_writes_json_csv_markdown_and_resumes(tiny, tmp_path, capsys):
    out = tmp_path / "results"
    assert main(["bench", str(tiny), "--engine", "ddar", "--timeout", "30", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "solved 1 / 2" in printed
    data = json.loads((out / "tiny_ddar.json").read_text())
    assert {r["problem"]: r["result"] for r in data["rows"]} == {
        "orthocenter": "proved",
        "false_one": "false in the diagram",
    }
    assert data["machine"]["cores"] and data["git_commit"] and data["settings"]["timeout"] == 30
    assert (out / "tiny_ddar.csv").read_text().count("\n") == 3
    assert "| orthocenter | proved | ddar |" in (out / "tiny_ddar.md").read_text()
    # resume: nothing left to run, the same rows come back
    assert main(["bench", str(tiny), "--engine", "ddar", "--timeout", "30", "--out", str(out), "--resume"]) == 0
    again = json.loads((out / "tiny_ddar.json").read_text())
    assert [r["seconds"] for r in again["rows"]] == [r["seconds"] for r in data["rows"]]


def test_alphageometry_union(tiny, tmp_path, capsys):
    ag = tmp_path / "ag.json"
    ag.write_text(json.dumps({"orthocenter": False, "false_one": True}))
    out = tmp_path / "r"
    assert (
        main(["bench", str(tiny), "--engine", "ddar", "--timeout", "30", "--out", str(out), "--alphageometry", str(ag)])
        == 0
    )
    printed = capsys.readouterr().out
    assert "| orthocenter | yes | no | yes |" in printed
    assert "| **total** | **1** | **1** | **2** |" in printed


def test_aux_constructions_extend_the_problem():
    from geoprover.api import add_auxiliary, load_problem

    p = load_problem("translated_imo_2000_p1")
    q = add_auxiliary(p, "x = midpoint x a b; y = on_line y a c, on_line y b d")
    assert q.points[-2:] == ["x", "y"] and q.goal == p.goal
    assert len(q.clauses) == len(p.clauses) + 2


def test_sweep_writes_a_file_per_cell_and_one_summary(tiny, tmp_path, capsys):
    out = tmp_path / "sweep"
    args = ["bench", str(tiny), "--engine", "ddar", "--timeouts", "10,20", "--seeds", "0,1", "--jobs", "2"]
    assert main([*args, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| timeout (s) | seed 0 | seed 1 | any seed | every seed |" in printed
    assert "| 10 | 1 | 1 | 1 | 1 |" in printed and "| 20 | 1 | 1 | 1 | 1 |" in printed
    assert "Problems whose verdict depends on the seed: 0" in printed
    for t in ("10", "20"):
        for s in (0, 1):
            cell = json.loads((out / f"tiny_ddar_t{t}_s{s}.json").read_text())
            assert cell["settings"]["timeout"] == float(t) and cell["settings"]["seed"] == s
            assert {r["problem"]: r["result"] for r in cell["rows"]}["orthocenter"] == "proved"
    summary = json.loads((out / "tiny_ddar_sweep.json").read_text())
    assert summary["summary"]["missing"] == 0 and len(summary["cells"]) == 4
    assert (out / "tiny_ddar_sweep.md").read_text().startswith("# Sweep:")


def test_sweep_summary_finds_the_seed_dependent_problems():
    from geoprover.bench import Row
    from geoprover.bench_sweep import grid, summarize_sweep, sweep_markdown

    cells = grid("s", [30.0, 60.0], [0, 1, 2], sweep=True)

    def row(problem: str, result: str) -> Row:
        synthetic = 2.0 if result == "proved" and problem == "p" else None  # p has a synthetic proof
        return Row(problem, "f", result, "wu", 1.0, 1.0, synthetic_seconds=synthetic)

    verdicts = {  # (timeout, seed) -> results of p, q, r
        (30.0, 0): ["proved", "timeout", "proved"],
        (30.0, 1): ["proved", "proved", "proved"],
        (30.0, 2): ["proved", "timeout", "not proved"],
        (60.0, 0): ["proved", "proved", "proved"],
        (60.0, 1): ["proved", "proved", "proved"],
    }  # (60, 2) not run yet
    rows = {
        c: [row(p, v) for p, v in zip("pqr", verdicts[(c.timeout, c.seed)])]
        for c in cells
        if (c.timeout, c.seed) in verdicts
    }
    s = summarize_sweep(cells, rows, ["p", "q", "r"])
    assert s.solved[30.0] == {0: 2, 1: 3, 2: 1} and s.solved_any_seed[30.0] == 3 and s.solved_every_seed[30.0] == 1
    assert [(d.problem, d.timeout, d.proved_in) for d in s.seed_dependent] == [("q", 30.0, 1), ("r", 30.0, 2)]
    assert s.missing == 3
    text = "\n".join(sweep_markdown(s))
    assert "| q | 30 | timeout | proved | timeout | 1 of 3 seeds |" in text
    assert "(3 runs not finished)" in text
    assert s.synthetic[30.0] == {0: 1, 1: 1, 2: 1} and s.synthetic[60.0] == {0: 1, 1: 1, 2: 0}
    assert "With a synthetic proof:" in text and "| 60 | 1 | 1 | 0 |" in text


def test_a_problem_with_several_goals_is_one_row_proved_only_when_every_goal_is(tmp_path, capsys):
    sets = tmp_path / "goals.txt"
    sets.write_text(
        "both\na b c = triangle a b c; m = midpoint m a b; n = midpoint n a c ? para m n b c; cong m a m b\n"
        "second_false\na b c = triangle a b c; m = midpoint m a b; n = midpoint n a c ? para m n b c; cong m a n a\n"
    )
    out = tmp_path / "out"
    main(["bench", str(sets), "--engine", "ddar", "--timeout", "30", "--out", str(out)])
    rows = {r["problem"]: r for r in json.loads((out / "goals_ddar.json").read_text())["rows"]}
    assert rows["both"]["result"] == "proved" and rows["both"]["message"].startswith("2 goals:")
    assert rows["second_false"]["result"] == "false in the diagram"
    assert "goal 1 (para m n b c): proved" in rows["second_false"]["message"]


def test_bench_records_the_verdict_and_the_synthetic_proof_apart(tmp_path, capsys):
    """Wu decides both hageo_dev problems; DDAR proves 2012CTSTp2 too, and nothing proves 2002CTSTp25
    (a complete quadrilateral's harmonic bisector) synthetically in the time."""
    import csv

    out = tmp_path / "both"
    only = "2012CTSTp2,2002CTSTp25"
    assert main(["bench", "hageo_dev", "--only", only, "--timeout", "20", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "solved 2 / 2; with a synthetic proof: 1 / 2" in printed
    data = json.loads((out / "hageo_dev.json").read_text())
    assert data["summary"]["solved"] == 2 and data["summary"]["with_synthetic_proof"] == 1
    assert data["settings"]["first"] is False
    rows = {r["problem"]: r for r in data["rows"]}
    both, wu_only = rows["2012CTSTp2"], rows["2002CTSTp25"]
    assert both["result"] == "proved" and both["synthetic_engine"] in ("ddar", "ddar+aux")
    assert both["seconds"] <= both["synthetic_seconds"]  # the verdict comes first, or with the synthetic proof
    assert wu_only["result"] == "proved" and wu_only["engine"] == "wu"
    assert wu_only["synthetic_seconds"] is None and wu_only["synthetic_engine"] == ""
    md = (out / "hageo_dev.md").read_text()
    assert "solved 2 / 2; with a synthetic proof 1 / 2" in md
    assert "| 2002CTSTp25 | proved | wu |" in md
    with (out / "hageo_dev.csv").open() as fh:
        table = {r["problem"]: r for r in csv.DictReader(fh)}
    assert table["2012CTSTp2"]["synthetic_seconds"] and table["2002CTSTp25"]["synthetic_seconds"] == ""


def test_bench_first_looks_for_no_synthetic_proof_after_wu(tmp_path, capsys):
    out = tmp_path / "first"
    args = ["bench", "imo_ag_30", "--only", "translated_imo_2008_p1b", "--timeout", "20", "--first"]
    assert main([*args, "--out", str(out)]) == 0
    data = json.loads((out / "imo_ag_30.json").read_text())
    (row,) = data["rows"]
    assert data["settings"]["first"] is True and row["result"] == "proved"
    assert row["engine"] == "wu" and row["synthetic_seconds"] is None
    assert set(row["engines"]) == {"wu"}  # stopped at Wu's verdict


def test_answer_times_read_the_verdict_and_the_synthetic_proof():
    from geoprover.bench import _all_goals, answer_times

    wu_then_ddar = {
        "status": "proved",
        "engine": "ddar",
        "seconds": 1.5,
        "readable": True,
        "verdict": {"engine": "wu", "status": "proved", "seconds": 0.1},
        "synthetic": {"engine": "ddar", "status": "proved", "seconds": 1.5},
    }
    wu_alone = {
        "status": "proved",
        "engine": "wu",
        "seconds": 0.2,
        "verdict": {"engine": "wu", "status": "proved", "seconds": 0.2},
        "synthetic": {"engine": "aux", "status": "timeout", "seconds": 30.0},
    }
    t = answer_times(wu_then_ddar)
    assert (t.engine, t.seconds, t.synthetic_engine, t.synthetic_seconds) == ("wu", 0.1, "ddar", 1.5)
    t = answer_times(wu_alone)
    assert (t.engine, t.seconds, t.synthetic_seconds) == ("wu", 0.2, None)
    older = {"status": "proved", "engine": "ddar", "seconds": 0.4, "readable": True}  # before the verdict field
    assert answer_times(older).synthetic_seconds == 0.4
    assert answer_times({"status": "timeout", "engine": "wu+aux", "seconds": 30.0}).synthetic_seconds is None
    one = _all_goals([wu_then_ddar, wu_then_ddar])
    assert answer_times(one).seconds == 0.2 and answer_times(one).synthetic_seconds == 3.0
    assert answer_times(_all_goals([wu_then_ddar, wu_alone])).synthetic_seconds is None


def test_the_summary_counts_synthetic_proofs_citing_no_lemma_apart():
    from geoprover.bench import Row, summarize

    rows = [
        Row("p", "f", "proved", "wu", 1.0, 1.0, synthetic_engine="ddar+aux", synthetic_seconds=2.0),
        Row("q", "f", "proved", "wu", 1.0, 1.0, synthetic_engine="ddar+aux+lemma", synthetic_seconds=3.0),
        Row("r", "f", "proved", "wu", 1.0, 1.0),
    ]
    s = summarize(rows)
    assert (s["solved"], s["with_synthetic_proof"], s["with_synthetic_proof_no_lemma"]) == (3, 2, 1)
