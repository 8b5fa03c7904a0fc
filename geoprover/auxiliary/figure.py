"""The lines and circles of a figure, read numerically off the diagram and its facts.

Auxiliary candidates are built from these objects, and judged by whether a new point lands on one
of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from ..model import Predicate
from ..numeric.geometry import Degenerate, circumcenter, cross

LINE_PAIRS = {"para": (0, 2), "perp": (0, 2), "eqangle": (0, 2, 4, 6), "cong": (), "eqratio": (), "aconst": (0, 2)}


@dataclass
class Figure:
    coords: dict[str, np.ndarray]
    lines: list[tuple[str, ...]] = field(default_factory=list)  # maximal collinear point sets (≥ 2)
    circles: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (centre or "", points on it)
    scale: float = 1.0

    def on_line(self, p: np.ndarray, line: tuple[str, ...], tol: float = 1e-7) -> bool:
        a, b = self.coords[line[0]], self.coords[line[1]]
        d = b - a
        return abs(cross(d, p - a)) / (np.hypot(*d) * self.scale) < tol

    def on_circle(self, p: np.ndarray, circle: tuple[str, tuple[str, ...]], tol: float = 1e-7) -> bool:
        centre, pts = circle
        o, r = self.centre_radius(circle)
        return abs(np.hypot(*(p - o)) - r) / self.scale < tol

    def centre_radius(self, circle: tuple[str, tuple[str, ...]]) -> tuple[np.ndarray, float]:
        centre, pts = circle
        if centre:
            o = self.coords[centre]
        else:
            o = circumcenter(*(self.coords[q] for q in pts[:3]))
        return o, float(np.hypot(*(self.coords[pts[0]] - o)))


def _collinear(coords, a, b, c, scale) -> bool:
    d = coords[b] - coords[a]
    return abs(cross(d, coords[c] - coords[a])) / (np.hypot(*d) * scale) < 1e-7


def read_figure(coords: dict[str, np.ndarray], facts: list[Predicate], goal: Predicate | None) -> Figure:
    pts = list(coords)
    spread = np.array(list(coords.values()))
    scale = max(1e-9, float(np.max(spread.max(axis=0) - spread.min(axis=0))))
    segments: set[frozenset] = set()
    centres: dict[str, set[str]] = {}
    cyclics: list[tuple[str, ...]] = []
    for f in facts + ([goal] if goal is not None else []):
        a = f.args
        if f.name == "coll":
            segments.update(frozenset(pair) for pair in combinations(a, 2))
        elif f.name == "midp":
            segments.add(frozenset(a[1:]))
        elif f.name in ("para", "perp", "eqangle", "aconst"):
            segments.update(frozenset(a[i : i + 2]) for i in range(0, len(a) - 1, 2))
        elif f.name == "cong" and a[0] == a[2]:
            centres.setdefault(a[0], set()).update((a[1], a[3]))
        elif f.name == "circle":
            centres.setdefault(a[0], set()).update(a[1:])
        elif f.name == "cyclic":
            cyclics.append(tuple(a))
    segments = {s for s in segments if len(s) == 2}
    lines: list[tuple[str, ...]] = []
    for a, b in sorted(tuple(sorted(seg)) for seg in segments):  # sorted: no hash-seed order
        if any(a in ln and b in ln for ln in lines):
            continue
        members = tuple(p for p in pts if p in (a, b) or _collinear(coords, a, b, p, scale))
        lines.append(members)
    circles: list[tuple[str, tuple[str, ...]]] = []
    for o, on in centres.items():
        r = float(np.hypot(*(coords[min(on)] - coords[o])))
        members = tuple(p for p in pts if p != o and abs(np.hypot(*(coords[p] - coords[o])) - r) / scale < 1e-7)
        if members and not any(c == o and set(members) == set(m) for c, m in circles):
            circles.append((o, members))
    for cyc in cyclics:
        try:
            o = circumcenter(*(coords[q] for q in cyc[:3]))
        except Degenerate:
            continue
        if any(c and np.hypot(*(coords[c] - o)) / scale < 1e-7 for c, _ in circles):
            continue
        r = float(np.hypot(*(coords[cyc[0]] - o)))
        members = tuple(p for p in pts if abs(np.hypot(*(coords[p] - o)) - r) / scale < 1e-7)
        circles.append(("", members))
    return Figure(coords, lines, circles, scale)
