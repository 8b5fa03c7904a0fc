"""Every output format of ``solve``, by name: the one place the CLI and bench ask for a report."""

from __future__ import annotations

import json

from ..errors import GeoproverError
from ..model import Problem
from ..proof import Proof
from .document import build, extended

FORMATS = ("text", "markdown", "latex", "html", "json", "raw", "graphml", "dot")


def draw_for(problem: Problem, proof: Proof, seed: int = 0) -> tuple[Problem, dict[str, list[float]]]:
    """The problem with the proof's auxiliary points and the coordinates to show it at."""
    from ..numeric.diagram import draw

    full = extended(problem, proof)
    for shown in (full, problem):  # an auxiliary point the figure cannot redraw: the problem's figure
        try:
            diagram = draw(shown, seed)
        except Exception:
            continue
        return full, {k: [float(v[0]), float(v[1])] for k, v in diagram.coords.items()}
    return full, {}  # no figure at all (the proof says why)


def render(fmt: str, problem: Problem, proof: Proof, seed: int = 0) -> str:
    """The proof in format ``fmt`` (``raw``: the engines' predicate form, as before)."""
    if fmt not in FORMATS:
        raise GeoproverError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    if fmt == "raw":
        return proof.render()
    from .graph import dot, graphml, proof_graph, summary  # networkx: only when a report is written
    from .html import html
    from .latex import latex
    from .text import markdown, text

    full, coords = draw_for(problem, proof, seed)
    doc = build(full, proof, coords)
    if fmt == "text":
        return text(doc)
    if fmt == "markdown":
        return markdown(doc)
    if fmt == "latex":
        return latex(doc, full, coords)
    if fmt == "html":
        return html(doc, full, coords)
    graph = proof_graph(doc)
    if fmt == "graphml":
        return graphml(graph)
    if fmt == "dot":
        return dot(graph)
    data = proof.to_dict()
    data["report"] = {**doc.to_dict(), "graph": summary(graph), "coordinates": coords}
    return json.dumps(data, indent=2, default=str)


def suffix_format(path: str) -> str | None:
    """The format a file name asks for: .html, .tex, .md, .json, .graphml, .dot, .txt."""
    ends = {".html": "html", ".htm": "html", ".tex": "latex", ".md": "markdown", ".json": "json"}
    ends.update({".graphml": "graphml", ".dot": "dot", ".gv": "dot", ".txt": "text"})
    for end, fmt in ends.items():
        if path.lower().endswith(end):
            return fmt
    return None
