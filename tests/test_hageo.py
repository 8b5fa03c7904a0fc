"""The bundled HAGeo-409 development half (``hageo_dev``, MIT licence): every problem parses and checks."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from geoprover.api import check, load_file
from geoprover.language import bundled_sets, load_named
from geoprover.numeric.checks import goal_holds

EXE = shutil.which("geoprover")


def test_the_set_is_bundled_with_its_licence():
    path = bundled_sets()["hageo_dev"]
    assert (path.parent / "LICENSE").read_text().startswith("The problems in hageo_dev.txt")
    problems = load_file("hageo_dev")
    assert len(problems) == 205 and len({p.name for p in problems}) == 205
    assert all(p.goals and p.clauses for p in problems)


def test_every_problem_checks():
    """As `geoprover check` does: drawn at seed 0, every goal holds there, non-degenerate."""
    failures = []
    for problem in load_file("hageo_dev"):
        d = check(problem, 0).diagram
        if not all(goal_holds(g, d.coords, d.scale) for g in problem.goals):
            failures.append(problem.name)
    assert failures == []


def test_problems_are_found_by_name():
    p = load_named("2014EGMOp2")
    assert p.source.endswith("hageo_dev.txt")
    assert load_named("2014EGMOp2", "hageo_dev").to_text() == p.to_text()


@pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")
def test_cli_check_list_and_bench_by_set_name(tmp_path):
    out = subprocess.run([EXE, "check", "hageo_dev", "2014EGMOp2"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "holds in the diagram" in out.stdout
    out = subprocess.run([EXE, "list", "hageo_dev"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 205
    args = ["bench", "hageo_dev", "--only", "2005CTSTp1", "--engine", "ddar", "--timeout", "30"]
    args += ["--out", str(tmp_path / "b")]
    out = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rows = json.loads((tmp_path / "b" / "hageo_dev_ddar.json").read_text())["rows"]
    assert [r["problem"].split("/")[-1] for r in rows] == ["2005CTSTp1"]
