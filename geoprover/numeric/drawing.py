"""A picture of a diagram: points labelled, the lines and circles of its facts, the goal in red."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..catalogue import TRIANGLE_PAIRS
from ..model import Predicate
from .diagram import Diagram
from .geometry import Degenerate, circumcenter

SEGMENT_PREDICATES = {"para": 2, "perp": 2, "eqangle": 4, "eqratio": 4, "cong": 2, **dict.fromkeys(TRIANGLE_PAIRS, 0)}


def _segments(pred: Predicate) -> list[tuple[str, ...]]:
    a = pred.args
    if pred.name == "coll":
        return [tuple(a)]
    if pred.name == "midp":
        return [(a[1], a[0], a[2])]
    if pred.name in TRIANGLE_PAIRS:
        return [(a[0], a[1]), (a[1], a[2]), (a[2], a[0]), (a[3], a[4]), (a[4], a[5]), (a[5], a[3])]
    if pred.name in SEGMENT_PREDICATES or pred.name in ("aconst", "rconst"):
        return [tuple(a[i : i + 2]) for i in range(0, len(a) - 1, 2)]
    return []


def _circles(pred: Predicate, coords: dict[str, np.ndarray]) -> list[tuple[np.ndarray, float]]:
    a = pred.args
    try:
        if pred.name == "cyclic":
            o = circumcenter(*(coords[p] for p in a[:3]))
            return [(o, float(np.hypot(*(coords[a[0]] - o))))]
        if pred.name == "circle":
            return [(coords[a[0]], float(np.hypot(*(coords[a[1]] - coords[a[0]]))))]
        if pred.name == "cong" and a[0] == a[2] and pred.args[1] != pred.args[3]:
            return [(coords[a[0]], float(np.hypot(*(coords[a[1]] - coords[a[0]]))))]
    except Degenerate:
        return []
    return []


def render(diagram: Diagram, path: str | Path, title: str | None = None) -> Path:
    """Write the picture; the format follows the file's suffix (.svg, .png, .pdf)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    coords = diagram.coords
    fig, ax = plt.subplots(figsize=(7, 7))
    ax.set_aspect("equal")
    ax.axis("off")
    goal = diagram.problem.goal
    layers = [(f, "#4a6fa5", 0.9, 1) for f in diagram.facts]
    if goal is not None:
        layers.append((goal, "#d62728", 2.0, 3))
    seen: set = set()
    for pred, colour, width, z in layers:
        for seg in _segments(pred):
            key = (frozenset(seg), colour)
            if key in seen or len(set(seg)) < 2:
                continue
            seen.add(key)
            pts = np.array([coords[p] for p in seg])
            d = pts[-1] - pts[0]
            t = (pts - pts[0]) @ d / max(float(d @ d), 1e-12)
            ends = pts[[int(np.argmin(t)), int(np.argmax(t))]]
            ax.plot(ends[:, 0], ends[:, 1], color=colour, lw=width, zorder=z)
        for centre, r in _circles(pred, coords):
            key = (round(centre[0], 6), round(centre[1], 6), round(r, 6), colour)
            if key in seen:
                continue
            seen.add(key)
            ax.add_patch(plt.Circle(centre, r, fill=False, color=colour, lw=width, zorder=z))
    goal_points = set(goal.args) if goal is not None else set()
    for name, p in coords.items():
        colour = "#d62728" if name in goal_points else "black"
        ax.plot(p[0], p[1], "o", color=colour, ms=4, zorder=4)
        ax.annotate(name, p, xytext=(4, 4), textcoords="offset points", fontsize=10, zorder=5)
    ax.set_title(title or diagram.problem.name, fontsize=9)
    ax.autoscale_view()
    path = Path(path)
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)
    return path
