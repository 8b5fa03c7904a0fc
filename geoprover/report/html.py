"""The HTML proof report: one self-contained page (no external URL: it works offline).

The figure is inline SVG beside the numbered steps; hovering or clicking a step lights up the points,
lines, circles and angles it speaks of; a slider and Previous/Next buttons replay the proof; the
conditions, Wu's certificate and the proof as a collapsible tree follow.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape

from ..model import Problem
from .document import Document, Step, WuSection
from .figure import Frame, highlight, svg
from .graph import proof_graph, summary

STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 24px;background:#2d4a73;color:white}header h1{margin:0;font-size:20px}
main{display:flex;gap:24px;padding:16px 24px;align-items:flex-start}
#figure-box{position:sticky;top:8px;flex:0 0 auto;background:white;border:1px solid #ddd;padding:8px}
#text{flex:1 1 auto;max-width:760px}
.step{padding:6px 8px;margin:2px 0;border-left:4px solid transparent;cursor:pointer;list-style:none}
#steps{padding-left:0}
.step:hover{background:#eef3fb}.step.current{border-left-color:#e8590c;background:#fff4e6}
.step.done{color:#222}.step.cited{border-left-color:#74a9e8;background:#eef5ff}.step.later{color:#999}
.reason{color:#555;font-style:italic;font-size:90%}.chain{font-family:monospace;font-size:88%;color:#333;
display:block;margin:2px 0 0 18px;white-space:normal}
.pt.hl circle{fill:#e8590c;stroke:#e8590c}.pt.hl text{fill:#e8590c;font-weight:bold}
#hl line{stroke:#e8590c;stroke-width:3}#hl circle{stroke:#e8590c;stroke-width:2.5;fill:none}
#hl path{fill:#e8590c;fill-opacity:.35;stroke:#e8590c}
#controls{margin:8px 0}#controls button{margin-right:6px}
.box{background:white;border:1px solid #ddd;padding:8px 14px;margin:12px 0}
details{margin-left:14px}details>div{margin-left:28px}summary{cursor:pointer}code,pre{font-size:85%}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
"""

# nothing but the page itself: no request can leave it
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
EVERY = "<li>the goal holds in every configuration drawn</li>"

SCRIPT = """
const HL = JSON.parse(document.getElementById('hl-data').textContent);
const N = HL.length - 1;
let current = 0;
const NS = 'http://www.w3.org/2000/svg';
function draw(n) {
  const g = document.getElementById('hl');
  while (g.firstChild) g.removeChild(g.firstChild);
  document.querySelectorAll('.pt.hl').forEach(e => e.classList.remove('hl'));
  const h = HL[n];
  if (!h) return;
  for (const [x1, y1, x2, y2] of h.lines) {
    const e = document.createElementNS(NS, 'line');
    e.setAttribute('x1', x1); e.setAttribute('y1', y1); e.setAttribute('x2', x2); e.setAttribute('y2', y2);
    g.appendChild(e);
  }
  for (const [cx, cy, r] of h.circles) {
    const e = document.createElementNS(NS, 'circle');
    e.setAttribute('cx', cx); e.setAttribute('cy', cy); e.setAttribute('r', r);
    g.appendChild(e);
  }
  for (const d of h.arcs) {
    const e = document.createElementNS(NS, 'path');
    e.setAttribute('d', d); g.appendChild(e);
  }
  for (const p of h.points) {
    const e = document.getElementById('pt-' + p);
    if (e) e.classList.add('hl');
  }
  document.getElementById('figure').dataset.step = n;
}
function show(n) {
  current = Math.max(0, Math.min(N, n));
  document.querySelectorAll('.step').forEach(e => {
    const k = +e.dataset.step;
    e.classList.toggle('current', k === current);
    e.classList.toggle('done', k < current);
    e.classList.toggle('later', current > 0 && k > current);
  });
  const on = document.getElementById('step-' + current);
  const cites = on ? on.dataset.cites.split(', ').filter(x => x) : [];
  document.querySelectorAll('.step').forEach(e => e.classList.toggle('cited', cites.includes(e.dataset.step)));
  document.getElementById('slider').value = current;
  document.getElementById('where').textContent = current ? 'step ' + current + ' of ' + N : 'the goal';
  draw(current);
}
document.querySelectorAll('.step').forEach(e => {
  e.addEventListener('click', () => show(+e.dataset.step));
  e.addEventListener('mouseenter', () => draw(+e.dataset.step));
  e.addEventListener('mouseleave', () => draw(current));
});
document.getElementById('slider').addEventListener('input', e => show(+e.target.value));
document.getElementById('prev').addEventListener('click', () => show(current - 1));
document.getElementById('next').addEventListener('click', () => show(current + 1));
document.addEventListener('keydown', e => {
  if (e.key === 'ArrowRight') show(current + 1);
  if (e.key === 'ArrowLeft') show(current - 1);
});
show(0);
"""


def _step(s: Step) -> str:
    cited = ", ".join(str(c) for c in s.cites)
    given = "; ".join(escape(g) for g in s.given)
    src = []
    if cited:
        src.append(f"from {cited}")
    if given:
        src.append(f"given {given}")
    why = escape(s.reason) + (f" — {' ; '.join(src)}" if src else "")
    chain = f'<span class="chain">{escape(s.chain)}</span>' if s.chain else ""
    return (
        f'<li class="step" id="step-{s.number}" data-step="{s.number}" data-cites="{cited}" title="{escape(s.raw)}">'
        f"<b>{s.number}.</b> {escape(s.statement)} <span class='reason'>({why})</span>{chain}</li>"
    )


def _tree(doc: Document) -> str:
    """The proof as a collapsible tree from the goal down (a step met twice is referred to)."""
    if not doc.steps:
        return ""
    by = {s.number: s for s in doc.steps}
    seen: set[int] = set()

    def node(n: int) -> str:
        s = by[n]
        if n in seen:
            return f"<div>{n}. {escape(s.statement)} <i>(see above)</i></div>"
        seen.add(n)
        kids = "".join(node(c) for c in s.cites) + "".join(f"<div>{escape(g)} <i>(given)</i></div>" for g in s.given)
        return (
            f"<details open><summary>{n}. {escape(s.statement)} <i>[{escape(s.reason)}]</i></summary>{kids}</details>"
        )

    return node(doc.steps[-1].number)


def _wu(doc: Document) -> str:
    return "" if doc.wu is None else _wu_section(doc.wu, "wu", "Wu's method")


def _cross_check(doc: Document) -> str:
    """The verdict's own proof after the synthetic one: Wu's certificate as an independent check."""
    check = doc.cross_check
    if check is None:
        return ""
    conditions = "".join(f"<li>{escape(c)}</li>" for c in check.ndg)
    head = (
        f'<section class="box" id="cross-check"><h2>Cross-check</h2><p>{escape(check.summary)}</p>'
        f"<p>{escape(check.coordinates)}</p>"
        f"<h3>Its non-degeneracy conditions</h3><ul>{conditions or '<li>none</li>'}</ul></section>"
    )
    return head + ("" if check.wu is None else _wu_section(check.wu, "cross-check-wu", "Cross-check: Wu's method"))


def _wu_section(wu: WuSection, anchor: str, title: str) -> str:
    coords = "".join(
        f"<tr><td>{escape(p.upper())}</td><td><code>({escape(x)}, {escape(y)})</code></td></tr>"
        for p, (x, y) in wu.coordinates.items()
    )
    members = "".join(
        f"<tr><td><code>{escape(str(t['var']))}</code></td><td>{escape(str(t['degree']))}</td>"
        f"<td>{escape(str(t['terms']))}</td><td>{escape(str(t['from']))}</td>"
        f"<td><code>{escape(str(t.get('poly', '')))}</code></td></tr>"
        for t in wu.triangular_set
    )
    ndg = "".join(
        f"<tr><td>{escape(str(d.get('kind', '')))}</td><td>{escape(str(d.get('statement', '')))}</td>"
        f"<td>{'holds' if d.get('holds') else 'fails'}</td></tr>"
        for d in wu.ndg
    )
    return (
        f'<section class="box" id="{anchor}"><h2>{escape(title)}</h2><h3>Coordinates</h3>'
        f"<table><tr><th>point</th><th>coordinates</th></tr>{coords}</table>"
        f"<p>Parameters: {escape(', '.join(wu.parameters) or 'none')}; variable order "
        f"<code>{escape(' < '.join(wu.order))}</code></p>"
        "<h3>Triangular set</h3><table><tr><th>variable</th><th>degree</th><th>terms</th><th>from</th>"
        f"<th>polynomial</th></tr>{members}</table>"
        "<h3>Certificate</h3>"
        f"<p>The goal's pseudo-remainder by the triangular set is <b>{escape(wu.remainder)}</b>, under the "
        "non-degeneracy conditions:</p>"
        f"<table><tr><th>kind</th><th>condition</th><th>in the figure</th></tr>{ndg}</table></section>"
    )


def html(doc: Document, problem: Problem, coords: Mapping[str, Sequence[float]]) -> str:
    """The self-contained report page."""
    frame = Frame(coords)
    data = [highlight(doc.goal_objects, frame)] + [highlight(s.objects, frame) for s in doc.steps]
    figure = svg(problem, coords, doc.aux_points, doc.goal_objects)
    steps = "".join(_step(s) for s in doc.steps)
    g = summary(proof_graph(doc))
    rules = ", ".join(f"{k}: {v}" for k, v in g["rules"].items())  # type: ignore[union-attr]
    conditions = "".join(f"<li>{escape(c)}</li>" for c in doc.ndg)
    config = "".join(f"<li>{escape(c)}</li>" for c in doc.configuration)
    note = f"<p>{escape(doc.configuration_note)}</p>" if doc.configuration_note else ""
    aux = f"<p><b>Auxiliary points.</b> {escape(' '.join(doc.auxiliary))}</p>" if doc.auxiliary else ""
    message = f"<p>{escape(doc.message)}</p>" if doc.message else ""
    proof = (
        f'<p class="reason">{escape(doc.convention)}</p>'
        '<div id="controls"><button id="prev" type="button">◀ Previous</button>'
        '<button id="next" type="button">Next ▶</button>'
        f'<input id="slider" type="range" min="0" max="{len(doc.steps)}" value="0" aria-label="replay"> '
        '<span id="where"></span></div>'
        f'<ol id="steps">{steps}</ol>'
        if doc.steps
        else f"<p>{escape(doc.algebraic) or 'No proof.'}</p>"
        '<div id="controls" hidden><button id="prev"></button><button id="next"></button>'
        '<input id="slider" type="range" min="0" max="0"><span id="where"></span></div><ol id="steps"></ol>'
    )
    graph = (
        f'<section class="box" id="graph"><h2>The proof as a tree</h2><p>{g["steps"]} steps; longest chain: '
        f"{' → '.join(str(n) for n in g['longest_chain'])}; steps per rule: {escape(rules)}</p>"  # type: ignore[union-attr]
        f"{_tree(doc)}</section>"
        if doc.steps
        else ""
    )
    payload = json.dumps(data).replace("</", "<\\/")
    verdict = "<br>".join(
        escape(x) for x in [doc.verdict_line, doc.cross_check.line if doc.cross_check else "", doc.no_synthetic] if x
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(doc.problem)}: proof</title>
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<style>{STYLE}</style></head><body>
<header><h1>{escape(doc.problem)}</h1><div>{verdict}</div></header>
<main><div id="figure-box">{figure}</div><div id="text">
<section class="box" id="statement"><h2>Problem</h2><p>{escape(" ".join(doc.statement))}</p>{aux}{message}</section>
<section class="box" id="proof"><h2>Proof</h2>{proof}</section>
<section class="box" id="conditions"><h2>Conditions</h2><h3>Non-degeneracy</h3><ul>{conditions or "<li>none</li>"}</ul>
<h3>Configuration (as drawn)</h3>{note}<ul>{config or EVERY}</ul></section>
{_wu(doc)}{graph}{_cross_check(doc)}
</div></main>
<script type="application/json" id="hl-data">{payload}</script>
<script>{SCRIPT}</script>
</body></html>
"""
