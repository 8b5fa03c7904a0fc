"""Proof reports end to end through the installed CLI (``solve --format … -o …``), and per module."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from geoprover.api import load_problem
from geoprover.ddar import prove as ddar_prove
from geoprover.report.document import build
from geoprover.report.formats import draw_for
from geoprover.report.graph import dot, graphml, longest_chain, proof_graph, rule_counts

_HERE = Path(sys.executable).parent / "geoprover"
EXE = str(_HERE) if _HERE.exists() else shutil.which("geoprover")
pytestmark = pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")
P5 = "translated_imo_2004_p5"


def run(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout)  # type: ignore[list-item]


@pytest.fixture(scope="module")
def p5_doc():
    problem = load_problem(P5)
    proof = ddar_prove(problem, timeout=120)
    full, coords = draw_for(problem, proof)
    return build(full, proof, coords)


def test_default_text_is_conventional_notation():
    out = run("solve", P5, "--engine", "ddar")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "Let O be the circumcentre of triangle ABC." in text and "Prove that AP = CP." in text
    assert "Let P be a point such that ∠PBC = ∠ABD and ∠PDC = ∠ADB." in text
    assert "directed angles between lines, taken modulo 180°" in text  # the convention, once
    assert text.count("modulo 180°") == 1
    assert "[premise]" not in text and "eqangle" not in text  # hypotheses stated once, no predicates
    assert "△COP ∼ △AOP" in text and "BDOP is cyclic" in text
    assert "OD = OA [given: OD = OA] = OB [given: OA = OB] = OC [given: OB = OC]" in text  # a chase's sum
    assert "(as drawn)" in text


def test_raw_keeps_the_predicate_form():
    out = run("solve", P5, "--engine", "ddar", "--format", "raw")
    assert out.returncode == 0
    assert "1. cong o a o b  [premise]" in out.stdout and "⇒ cong a p c p" in out.stdout


def test_json_keeps_raw_steps_and_adds_the_report(tmp_path):
    path = tmp_path / "p5.json"
    out = run("solve", P5, "--engine", "ddar", "--format", "json", "-o", str(path))
    assert out.returncode == 0 and "wrote" in out.stdout
    data = json.loads(path.read_text())
    assert data["steps"][0] == "1. cong o a o b  [premise]"
    report = data["report"]
    assert report["goal"] == "AP = CP" and report["steps"][-1]["statement"] == "AP = CP"
    assert report["graph"]["longest_chain"] and report["graph"]["rules"]
    plain = json.loads(run("solve", P5, "--engine", "ddar", "--json").stdout)  # what bench reads: unchanged
    assert "report" not in plain and plain["steps"] == data["steps"]


def test_markdown_and_auxiliary_points_in_words():
    out = run("solve", P5, "--engine", "ddar", "--aux", "x = foot x a b o", "--format", "markdown")
    assert out.returncode == 0
    assert out.stdout.startswith(f"# {P5}") and "## Proof" in out.stdout


def test_graph_exports(tmp_path):
    for fmt, check in (("graphml", lambda t: ET.fromstring(t)), ("dot", lambda t: t.startswith("digraph"))):
        path = tmp_path / f"p5.{fmt}"
        out = run("solve", P5, "--engine", "ddar", "--format", fmt, "-o", str(path))
        assert out.returncode == 0, out.stderr
        assert check(path.read_text())


def test_graph_structure(p5_doc):
    g = proof_graph(p5_doc)
    steps = [n for n, d in g.nodes(data=True) if d["kind"] == "step"]
    assert len(steps) == len(p5_doc.steps)
    chain = longest_chain(g)
    assert chain[-1] == p5_doc.steps[-1].number and chain == sorted(chain)
    counts = rule_counts(g)
    assert sum(counts.values()) == len(steps) and counts["angle_chase"] >= 2
    assert "<graphml" in graphml(g) and "->" in dot(g)


def test_html_report_is_self_contained(tmp_path):
    path = tmp_path / "p5.html"
    out = run("solve", P5, "--engine", "ddar", "--format", "html", "-o", str(path))
    assert out.returncode == 0, out.stderr
    page = path.read_text()
    assert "<svg" in page and 'id="slider"' in page and 'id="next"' in page
    assert 'id="step-3"' in page and "Non-degeneracy" in page and "<details" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    assert "src=" not in page and "<link" not in page


def test_wu_report_shows_coordinates_triangular_set_certificate(tmp_path):
    path = tmp_path / "wu.html"
    out = run("solve", P5, "--engine", "wu", "--format", "html", "-o", str(path))
    assert out.returncode == 0, out.stderr
    page = path.read_text()
    assert "Coordinates" in page and "Triangular set" in page and "pseudo-remainder" in page
    assert "2*o_x - 1" in page


def test_auxiliary_points_are_dashed(tmp_path):
    path = tmp_path / "aux.html"
    out = run("solve", P5, "--engine", "ddar", "--aux", "x = foot x a b o", "--format", "html", "-o", str(path))
    assert out.returncode == 0
    page = path.read_text()
    assert "Let X be the foot of the perpendicular from A to BO." in page
    assert 'stroke-dasharray="6 4" class="aux"' in page and 'class="pt aux"' in page


@pytest.mark.skipif(
    shutil.which("pdflatex") is None, reason="pdflatex is not installed (apt-get install texlive-latex-base)"
)
@pytest.mark.parametrize("engine", ["ddar", "wu"])
def test_latex_compiles_standalone(tmp_path, engine):
    tex = tmp_path / "p5.tex"
    out = run("solve", P5, "--engine", engine, "--format", "latex", "-o", str(tex))
    assert out.returncode == 0, out.stderr
    assert tex.read_text().startswith("\\documentclass")
    done = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert (tmp_path / "p5.pdf").stat().st_size > 1000


def test_unknown_format_is_a_usage_error():
    out = run("solve", P5, "--engine", "ddar", "--format", "pdf")
    assert out.returncode == 2


def test_bench_writes_reports_and_an_index(tmp_path):
    out = run(
        "bench",
        "imo_ag_30",
        "--only",
        P5,
        "--engine",
        "ddar",
        "--timeout",
        "60",
        "--out",
        str(tmp_path / "results"),
        "--reports",
        str(tmp_path / "reports"),
    )
    assert out.returncode == 0, out.stderr
    index = (tmp_path / "reports" / "index.html").read_text()
    assert f'<a href="{P5}.html">{P5}</a>' in index and "Solved 1 of 1" in index
    assert "<svg" in (tmp_path / "reports" / f"{P5}.html").read_text()


def test_several_goals_write_a_report_each_and_given_points_are_auxiliary(tmp_path):
    text = "a b c = triangle; o = circumcenter a b c | m = midpoint m b c ? perp o m b c; cong o a o b"
    path = tmp_path / "two.html"
    out = run("solve", "--engine", "ddar", "--timeout", "30", "--text", text, "-o", str(path))
    assert out.returncode == 0, out.stderr
    first, second = (tmp_path / "two.goal1.html").read_text(), (tmp_path / "two.goal2.html").read_text()
    assert "Prove that OM ⊥ BC." in first and "Prove that OA = OB." in second
    assert "Let M be the midpoint of BC." in first.split("Auxiliary points.")[1]
    assert "OA = OB is one of the hypotheses." in second


@pytest.fixture(scope="module")
def p5_checked():
    """P5's synthetic proof as the portfolio shows it after Wu decided first: Wu's as its cross-check."""
    from geoprover.proof import PROVED, Outcome
    from geoprover.wu import prove as wu_prove

    problem = load_problem(P5)
    proof, wu = ddar_prove(problem, timeout=120), wu_prove(problem, timeout=120)
    assert proof.status == wu.status == PROVED
    proof.verdict = Outcome("wu", PROVED, wu.seconds)
    proof.synthetic = Outcome(proof.engine, PROVED, proof.seconds)
    proof.cross_check = wu
    return problem, proof


def test_every_format_shows_the_synthetic_proof_with_wu_as_cross_check(p5_checked, tmp_path):
    from geoprover.report.formats import render

    problem, proof = p5_checked
    text = render("text", problem, proof)
    head, rest = text.split("\n", 1)
    assert head.startswith(f"{P5}: PROVED by ddar in") and rest.startswith("Also proved by Wu's method in")
    assert "Proof.\n  1." in text and "△COP ∼ △AOP" in text  # the synthetic proof, step by step
    check = text.split("Cross-check. ", 1)[1]
    assert check.startswith("Also proved by Wu's method in") and "pseudo-remainder" in check
    assert "Its non-degeneracy conditions (all hold in the figure):" in check and "D ≠ B" in check
    assert "Coordinates: A = (0, 0), B = (1, 0), C = (c_x, c_y)" in check  # what its polynomials are written in
    md = render("markdown", problem, proof)
    assert "## Cross-check" in md and "- D ≠ B" in md.split("## Cross-check", 1)[1]
    assert "also proved by wu in" in render("raw", problem, proof)
    page = render("html", problem, proof)
    assert 'id="cross-check"' in page and "Cross-check: Wu&#x27;s method" in page and "2*o_x - 1" in page
    assert "Also proved by Wu&#x27;s method in" in page.split("</header>", 1)[0]
    data = json.loads(render("json", problem, proof))
    assert data["cross_check"]["engine"] == "wu" and data["verdict"]["engine"] == "wu"
    assert data["synthetic"]["status"] == "proved" and "D ≠ B" in data["report"]["cross_check"]["ndg"]
    graph = render("graphml", problem, proof)
    assert ET.fromstring(graph) is not None and "Also proved by Wu's method" in graph
    assert "// Also proved by Wu's method" in render("dot", problem, proof)
    tex = render("latex", problem, proof)
    assert "\\subsection*{Cross-check}" in tex and "Also proved by Wu's method" in tex
    if shutil.which("pdflatex"):
        (tmp_path / "p5.tex").write_text(tex)
        done = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "p5.tex"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout[-2000:]


def test_a_certificate_shown_says_no_synthetic_proof_was_found():
    from geoprover.proof import PROVED, TIMEOUT, Outcome
    from geoprover.report.formats import render
    from geoprover.wu import prove as wu_prove

    problem = load_problem(P5)
    wu = wu_prove(problem, timeout=120)
    wu.verdict = Outcome("wu", PROVED, wu.seconds)
    wu.synthetic = Outcome("aux", TIMEOUT, 300.0, "no synthetic proof was found in the time (300 s)")
    said = "No synthetic proof was found in the time (300 s); the proof below is the certificate of Wu's method."
    text = render("text", problem, wu)
    assert text.split("\n")[1] == said and "Triangular set" in text and "Cross-check" not in text
    for fmt in ("markdown", "latex", "html"):
        assert "No synthetic proof was found in the time (300 s)" in render(fmt, problem, wu), fmt
    assert "no synthetic proof was found in the time (300 s)" in render("raw", problem, wu)
