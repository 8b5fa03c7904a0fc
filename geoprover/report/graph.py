"""The proof as a graph: facts and steps in a networkx DiGraph, exported as GraphML or DOT.

Fact nodes (``h…`` a hypothesis, ``f…`` a derived fact) point to the steps that use them; a step
(``s…``) points to the fact it derives. The longest chain and the steps per rule come from it.
"""

from __future__ import annotations

import io
from collections import Counter

import networkx as nx

from .document import Document


def proof_graph(doc: Document) -> nx.DiGraph:
    """The dependency structure of a readable proof (a Wu proof: one step from the hypotheses)."""
    g = nx.DiGraph(problem=doc.problem, engine=doc.engine, status=doc.status)
    if doc.cross_check is not None:  # the verdict's own proof, an independent check of this one
        g.graph["cross_check"] = doc.cross_check.line
    hyps: dict[str, str] = {}

    def hypothesis(text: str) -> str:
        if text not in hyps:
            hyps[text] = f"h{len(hyps) + 1}"
            g.add_node(hyps[text], kind="fact", given=True, label=text, rule="given")
        return hyps[text]

    if not doc.steps:
        for sentence in doc.statement[:-1] if doc.goal else doc.statement:
            g.add_edge(hypothesis(sentence), "s1")
        g.add_node("s1", kind="step", rule=doc.engine, label=f"{doc.engine} ({doc.status})", number=1)
        g.add_node("f1", kind="fact", given=False, label=doc.goal, rule=doc.engine)
        g.add_edge("s1", "f1")
        return g
    for s in doc.steps:
        step, fact = f"s{s.number}", f"f{s.number}"
        g.add_node(step, kind="step", rule=s.rule, label=s.reason, number=s.number)
        g.add_node(fact, kind="fact", given=False, label=s.statement, rule=s.rule, number=s.number)
        g.add_edge(step, fact)
        for c in s.cites:
            g.add_edge(f"f{c}", step)
        for text in s.given:
            g.add_edge(hypothesis(text), step)
    return g


def longest_chain(g: nx.DiGraph) -> list[int]:
    """The step numbers of the longest dependency chain, first step first."""
    path = nx.dag_longest_path(g) if g.number_of_nodes() else []
    return [g.nodes[n]["number"] for n in path if g.nodes[n].get("kind") == "step" and "number" in g.nodes[n]]


def rule_counts(g: nx.DiGraph) -> dict[str, int]:
    """How many steps each rule makes, most used first."""
    counts = Counter(d["rule"] for _, d in g.nodes(data=True) if d.get("kind") == "step")
    return dict(counts.most_common())


def summary(g: nx.DiGraph) -> dict[str, object]:
    """What the JSON and the reports say of the graph."""
    return {
        "steps": sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "step"),
        "facts": sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "fact"),
        "longest_chain": longest_chain(g),
        "rules": rule_counts(g),
    }


def graphml(g: nx.DiGraph) -> str:
    out = io.BytesIO()
    nx.write_graphml(g, out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def _q(text: object) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(g: nx.DiGraph) -> str:
    """Graphviz DOT, written here (networkx's writer needs pydot or pygraphviz)."""
    lines = [f"digraph {_q(g.graph.get('problem', 'proof'))} {{", "  rankdir=BT;"]
    if "cross_check" in g.graph:
        lines.append(f"  // {g.graph['cross_check']}")
    for n, d in g.nodes(data=True):
        shape = "box" if d.get("kind") == "step" else "ellipse"
        style = ', style="dashed"' if d.get("given") else ""
        label = f"{d.get('number', '')}. {d['label']}" if d.get("kind") == "step" else d["label"]
        lines.append(f"  {_q(n)} [shape={shape}, label={_q(label)}{style}];")
    for a, b in g.edges:
        lines.append(f"  {_q(a)} -> {_q(b)};")
    lines.append("}")
    return "\n".join(lines) + "\n"
