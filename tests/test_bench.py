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
