"""The report's modules one by one, on proofs made in-process (no CLI, no browser)."""

from __future__ import annotations

import json
import re

import pytest

from geoprover.api import load_problem
from geoprover.ddar import prove as ddar_prove
from geoprover.report.document import build, extended
from geoprover.report.figure import Frame, highlight, picture, svg
from geoprover.report.formats import draw_for, render, suffix_format
from geoprover.report.html import html
from geoprover.report.latex import latex, tex
from geoprover.report.text import markdown, text
from geoprover.wu import prove as wu_prove

P5 = "translated_imo_2004_p5"


@pytest.fixture(scope="module")
def p5():
    problem = load_problem(P5)
    proof = ddar_prove(problem, timeout=120)
    full, coords = draw_for(problem, proof)
    return full, proof, coords, build(full, proof, coords)


@pytest.fixture(scope="module")
def p5_aux():
    problem = load_problem(P5)
    proof = ddar_prove(problem, timeout=120)
    proof.aux = ["x = foot x a b o"]  # as the aux engine records its points
    full, coords = draw_for(problem, proof)
    return full, proof, coords, build(full, proof, coords)


def test_document_states_hypotheses_once(p5):
    _, proof, _, doc = p5
    premises = sum(1 for r in proof.certificate["proof"] if r["rule"] == "premise")
    assert premises and len(doc.steps) == len(proof.certificate["proof"]) - premises
    assert [s.number for s in doc.steps] == list(range(1, len(doc.steps) + 1))
    assert all(c < s.number for s in doc.steps for c in s.cites)
    assert doc.statement[-1] == "Prove that AP = CP." and doc.steps[-1].statement == "AP = CP"
    assert not any(re.search(r"\b(eqangle|cong|ncoll)\b", s.statement) for s in doc.steps)
    assert all("as drawn" not in c for c in doc.ndg) and any("as drawn" in c for c in doc.configuration)


def test_document_round_trips_through_json(p5):
    full, proof, coords, doc = p5
    again = build(full, type(proof)(**json.loads(json.dumps(proof.to_dict(), default=str))), coords)
    assert again.to_dict() == doc.to_dict()


def test_auxiliary_points_in_words_and_dashed(p5_aux):
    full, _, coords, doc = p5_aux
    assert doc.auxiliary == ["Let X be the foot of the perpendicular from A to BO."]
    assert doc.aux_points == ["x"] and extended(load_problem(P5), p5_aux[1]).points[-1] == "x"
    picture_svg = svg(full, coords, doc.aux_points, doc.goal_objects)
    assert 'id="pt-x"' in picture_svg and 'class="pt aux"' in picture_svg
    assert 'stroke-dasharray="6 4" class="aux"' in picture_svg


def test_highlight_names_what_a_step_speaks_of(p5):
    _, _, coords, doc = p5
    frame = Frame(coords)
    cyclic = next(s for s in doc.steps if s.statement.endswith("is cyclic"))
    shown = highlight(cyclic.objects, frame)
    assert len(shown["circles"]) == 1 and set(shown["points"]) == {"b", "d", "o", "p"}
    angle = next(s for s in doc.steps if s.statement.startswith("∠") and " = ∠" in s.statement)
    assert highlight(angle.objects, frame)["arcs"]


def test_text_and_markdown(p5):
    _, _, _, doc = p5
    out = text(doc)
    assert out.count(doc.convention) == 1 and "Proof." in out and "Configuration (as drawn):" in out
    md = markdown(doc)
    assert md.startswith(f"# {P5}") and "## Non-degeneracy conditions" in md


def test_latex_escapes_and_is_an_article(p5):
    full, _, coords, doc = p5
    assert tex("∠ABC = 90°, X₂ & 50%") == (
        "\\ensuremath{\\angle{}}ABC = 90\\ensuremath{^\\circ{}}, X\\ensuremath{_2} \\& 50\\%"
    )
    out = latex(doc, full, coords)
    assert out.startswith("\\documentclass") and out.rstrip().endswith("\\end{document}")
    assert "\\begin{picture}" in picture(full, coords, doc.aux_points) and "tikz" not in out


def test_html_has_figure_steps_replay_conditions(p5):
    full, _, coords, doc = p5
    page = html(doc, full, coords)
    for part in ("<svg", 'id="hl"', 'id="slider"', 'id="prev"', 'id="next"', 'id="conditions"', "<details"):
        assert part in page
    data = json.loads(re.search(r'id="hl-data">(.*?)</script>', page, re.S).group(1))
    assert len(data) == len(doc.steps) + 1  # the goal, then one entry a step


def test_wu_document_has_coordinates_triangular_set_certificate():
    problem = load_problem(P5)
    proof = wu_prove(problem, timeout=120)
    full, coords = draw_for(problem, proof)
    doc = build(full, proof, coords)
    assert doc.wu is not None and doc.wu.coordinates["a"] == ("0", "0") and doc.wu.remainder == "0"
    assert doc.wu.triangular_set[0]["poly"] == "2*o_x - 1"
    assert doc.wu.triangular_set[0]["from"] == "Let O be the circumcentre of triangle ABC."
    assert "pseudo-remainder" in doc.algebraic
    assert "Triangular set" in html(doc, full, coords)


def test_formats_by_name_and_suffix(p5):
    full, proof, _, _ = p5
    problem = load_problem(P5)
    assert render("raw", problem, proof) == proof.render()
    assert json.loads(render("json", problem, proof))["report"]["goal"] == "AP = CP"
    assert suffix_format("a/b.tex") == "latex" and suffix_format("x.html") == "html" and suffix_format("x") is None
