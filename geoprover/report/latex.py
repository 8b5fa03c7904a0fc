"""The proof as a standalone LaTeX article that compiles with pdflatex and LaTeX's base packages only
(the figure in the picture environment: texlive-latex-base has no TikZ)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Problem
from .document import Document
from .figure import picture

_MATH = {
    "∠": r"\angle{}",
    "△": r"\triangle{}",
    "∼": r"\sim{}",
    "≅": r"\cong{}",
    "∥": r"\parallel{}",
    "∦": r"\nparallel{}",
    "⊥": r"\perp{}",
    "≠": r"\neq{}",
    "°": r"^\circ{}",
    "·": r"\cdot{}",
    "−": "-",
    "⇒": r"\Rightarrow{}",
    "→": r"\to{}",
    "½": r"\frac12{}",
    "<": "<",
}
_TEXT = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{"}
_TEXT.update({"}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "—": "---", "–": "--"})
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉", "0123456789"))


def tex(text: str) -> str:
    """Unicode proof text as LaTeX: symbols in math mode, subscripts, special characters escaped."""
    out = []
    for ch in text:
        if ch in _MATH:
            out.append(f"\\ensuremath{{{_MATH[ch]}}}")
        elif ch in _SUB:
            out.append(f"\\ensuremath{{_{_SUB[ch]}}}")
        elif ch in _TEXT:
            out.append(_TEXT[ch])
        elif ord(ch) > 127:
            out.append("?")  # nothing else is expected; an unknown glyph must not break the build
        else:
            out.append(ch)
    return "".join(out)


def latex(doc: Document, problem: Problem, coords: Mapping[str, Sequence[float]]) -> str:
    lines = [
        r"\documentclass[11pt]{article}",
        r"\usepackage[T1]{fontenc}",
        r"\usepackage{amsmath,amssymb}",
        r"\usepackage[margin=2.2cm]{geometry}",
        r"\begin{document}",
        rf"\section*{{{tex(doc.problem)}}}",
        rf"\textbf{{{tex(doc.status.upper())}}} by {tex(doc.engine)} in {doc.seconds:.2f}\,s.",
        *[tex(x) for x in ([doc.cross_check.line] if doc.cross_check else []) + [doc.no_synthetic] if x],
        "",
        r"\begin{center}",
        picture(problem, coords, doc.aux_points),
        r"\end{center}",
        "",
        r"\subsection*{Problem}",
        tex(" ".join(doc.statement)),
    ]
    if doc.message:
        lines += ["", tex(doc.message)]
    if doc.auxiliary:
        lines += ["", r"\paragraph{Auxiliary points.} " + tex(" ".join(doc.auxiliary))]
    if doc.steps:
        lines += [r"\subsection*{Proof}", r"\emph{" + tex(doc.convention) + "}", r"\begin{enumerate}"]
        for s in doc.steps:
            src = ", ".join(str(c) for c in s.cites)
            if s.given:
                src = (src + ", " if src else "") + ("the hypotheses" if len(s.given) > 1 else "a hypothesis")
            why = tex(s.reason) + (f"; from {src}" if src else "")
            lines.append(rf"\item {tex(s.statement)} \quad ({why})")
            if s.chain:
                lines.append(r"\\ {\small " + tex(s.chain) + "}")
        lines.append(r"\end{enumerate}")
    if doc.algebraic:
        lines += [r"\subsection*{Proof}", tex(doc.algebraic)]
    if doc.wu is not None:
        wu = doc.wu
        lines += [r"\subsection*{Wu's certificate}", r"\begin{itemize}"]
        coords_text = ", ".join(f"{p.upper()} = ({x}, {y})" for p, (x, y) in wu.coordinates.items())
        lines.append(r"\item Coordinates: " + tex(coords_text))
        lines.append(r"\item Variable order: " + tex(" < ".join(wu.order)))
        for t in wu.triangular_set:
            lines.append(
                rf"\item {tex(str(t['var']))} (degree {t['degree']}, {t['terms']} terms): " + tex(str(t["from"]))
            )
        lines.append(r"\item Pseudo-remainder of the goal: " + tex(wu.remainder))
        lines.append(r"\end{itemize}")
    if doc.ndg:
        lines += [r"\subsection*{Non-degeneracy conditions}", r"\begin{itemize}"]
        lines += [rf"\item {tex(c)}" for c in doc.ndg]
        lines.append(r"\end{itemize}")
    if doc.configuration or doc.configuration_note:
        lines += [r"\subsection*{Configuration (as drawn)}", tex(doc.configuration_note)]
        if doc.configuration:
            lines += [r"\begin{itemize}", *[rf"\item {tex(c)}" for c in doc.configuration], r"\end{itemize}"]
    check = doc.cross_check
    if check is not None:
        lines += [r"\subsection*{Cross-check}", tex(check.summary)]
        if check.coordinates:
            lines += ["", tex(check.coordinates)]
        if check.ndg:
            lines += ["", "Its non-degeneracy conditions (all hold in the figure):", r"\begin{itemize}"]
            lines += [rf"\item {tex(c)}" for c in check.ndg]
            lines.append(r"\end{itemize}")
    lines.append(r"\end{document}")
    return "\n".join(lines) + "\n"
