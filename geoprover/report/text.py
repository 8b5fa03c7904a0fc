"""The proof as plain text (the default of ``solve``) and as Markdown."""

from __future__ import annotations

from .document import Document, Step


def _cited(step: Step) -> str:
    parts = [str(c) for c in step.cites]
    if step.given:
        parts.append("the hypotheses" if len(step.given) > 1 else "a hypothesis")
    return ", ".join(parts)


def _head(doc: Document) -> list[str]:
    lines = [f"{doc.problem}: {doc.verdict_line}"]
    if doc.cross_check is not None:
        lines.append(doc.cross_check.line)
    if doc.no_synthetic:
        lines.append(doc.no_synthetic)
    return lines


def _cross_check_lines(doc: Document, bullet: str = "  ") -> list[str]:
    """The verdict's own proof after the synthetic one: what it says and the conditions it needs."""
    check = doc.cross_check
    if check is None:
        return []
    out = [check.summary]
    if check.coordinates:
        out.append(check.coordinates)
    if check.ndg:
        out += ["Its non-degeneracy conditions (all hold in the figure):", *[f"{bullet}{c}" for c in check.ndg]]
    return out


def _wu_lines(doc: Document) -> list[str]:
    wu = doc.wu
    if wu is None:
        return []
    out = ["Coordinates:"]
    out += [f"  {p.upper()} = ({x}, {y})" for p, (x, y) in wu.coordinates.items()]
    out.append(f"Parameters: {', '.join(wu.parameters) or 'none'}; variable order {' < '.join(wu.order)}")
    out.append(f"Triangular set ({len(wu.triangular_set)} members):")
    for t in wu.triangular_set:
        out.append(f"  {t['var']} (degree {t['degree']}, {t['terms']} terms) — {t['from']}")
        out.append(f"      {t.get('poly', '')}")
    if wu.remainder != "":
        out.append(f"The goal's pseudo-remainder by the triangular set is {wu.remainder}.")
    return out


def text(doc: Document) -> str:
    """Conventional notation, for a terminal."""
    lines = _head(doc)
    if doc.message:
        lines.append(doc.message)
    lines.append("")
    lines.append("Problem. " + " ".join(doc.statement))
    if doc.auxiliary:
        lines.append("Auxiliary points. " + " ".join(doc.auxiliary))
    if doc.steps:
        lines += ["", doc.convention, "", "Proof."]
        for s in doc.steps:
            why = f"{s.reason}; from {_cited(s)}" if _cited(s) else s.reason
            lines.append(f"  {s.number}. {s.statement}  ({why})")
            if s.chain:
                lines.append(f"       {s.chain}")
        if doc.steps[-1].statement != doc.goal:
            lines.append(f"  Hence {doc.goal}.")
    if doc.algebraic:
        lines += ["", "Proof. " + doc.algebraic]
    lines += _wu_lines(doc)
    if doc.ndg:
        lines += ["", "Non-degeneracy conditions (all hold in the figure):"]
        lines += [f"  {c}" for c in doc.ndg]
    if doc.configuration or doc.configuration_note:
        lines += ["", "Configuration (as drawn):"]
        if doc.configuration_note:
            lines.append(f"  {doc.configuration_note}")
        lines += [f"  {c}" for c in doc.configuration]
    check = _cross_check_lines(doc)
    if check:
        lines += ["", f"Cross-check. {check[0]}", *check[1:]]
    return "\n".join(lines)


def markdown(doc: Document) -> str:
    """The same for a README, an issue or a notebook."""
    lines = [f"# {doc.problem}", "", f"**{doc.status.upper()}** by {doc.engine} in {doc.seconds:.2f} s", ""]
    lines += [x for line in _head(doc)[1:] for x in (line, "")]
    if doc.message:
        lines += [doc.message, ""]
    lines += ["## Problem", "", " ".join(doc.statement), ""]
    if doc.auxiliary:
        lines += ["**Auxiliary points.** " + " ".join(doc.auxiliary), ""]
    if doc.steps:
        lines += ["## Proof", "", f"*{doc.convention}*", ""]
        for s in doc.steps:
            why = f"{s.reason}; from {_cited(s)}" if _cited(s) else s.reason
            lines.append(f"{s.number}. {s.statement} — *{why}*")
            if s.chain:
                lines.append(f"   `{s.chain}`")
        lines.append("")
    if doc.algebraic:
        lines += ["## Proof", "", doc.algebraic, ""]
    wu = _wu_lines(doc)
    if wu:
        lines += ["## Wu's certificate", "", "```", *wu, "```", ""]
    if doc.ndg:
        lines += ["## Non-degeneracy conditions", "", *[f"- {c}" for c in doc.ndg], ""]
    if doc.configuration or doc.configuration_note:
        lines += ["## Configuration (as drawn)", ""]
        if doc.configuration_note:
            lines += [doc.configuration_note, ""]
        lines += [f"- {c}" for c in doc.configuration]
        lines.append("")
    check = _cross_check_lines(doc, bullet="- ")
    if check:
        lines += ["## Cross-check", ""]
        for line in check:  # a paragraph each, the bullets of the list together
            if not line.startswith("- ") and lines[-1]:
                lines.append("")
            lines += [line] if line.startswith("- ") else [line, ""]
    return "\n".join(lines).rstrip() + "\n"
