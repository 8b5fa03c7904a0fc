"""The figure of a report: inline SVG (elements a step can light up) and TikZ for LaTeX.

Drawn from the problem's construction facts at the drawn coordinates: lines of collinear points,
the segments and circles the facts name, the sides of the given shapes; whatever names an auxiliary
point is dashed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from ..catalogue import get_construction
from ..model import Predicate, Problem
from .document import Objects, objects_of
from .notation import point

SIZE = 560.0  # the SVG's drawing area in pixels
MARGIN = 30.0


@dataclass
class Shapes:
    """What the figure draws, by point names."""

    segments: dict[frozenset[str], tuple[str, str]] = field(default_factory=dict)
    circles: dict[frozenset[str], tuple[str, ...]] = field(default_factory=dict)
    centred: dict[tuple[str, str], None] = field(default_factory=dict)
    dashed: set[object] = field(default_factory=set)


def _facts(problem: Problem) -> list[tuple[Predicate, tuple[str, ...], str]]:
    """(fact, the clause's new points, how the construction is drawn) for every construction."""
    out = []
    for clause in problem.clauses:
        for call in clause.constructions:
            cons = get_construction(call.name)
            facts = cons.instantiate(call)
            if cons.sampler:  # a shape drawn whole: its sides
                pts = list(dict.fromkeys(call.args))
                if len(pts) >= 2:
                    ring = pts if len(pts) > 2 else pts[:2]
                    for i, a in enumerate(ring):
                        b = ring[(i + 1) % len(ring)]
                        if a != b and not (len(ring) == 2 and i == 1):
                            out.append((Predicate("coll", (a, b)), clause.points, "side"))
            out += [(f, clause.points, "fact") for f in facts]
    return out


def shapes(problem: Problem, aux_points: Sequence[str]) -> Shapes:
    """The lines, segments and circles of the figure."""
    found = Shapes()
    aux = set(aux_points)
    for pred, _, _ in _facts(problem):
        obj = objects_of(pred)
        dashed = bool(aux & set(pred.args))
        for line in obj.lines:
            _add_segment(found, line, dashed)
        for a, b in obj.segments:
            if a != b:
                _add_segment(found, (a, b), dashed)
        for c in obj.circles:
            key = frozenset(c)
            found.circles.setdefault(key, c)
            if dashed:
                found.dashed.add(key)
        if pred.name == "cong" and pred.args[0] == pred.args[2] and pred.args[1] != pred.args[3]:
            found.centred[(pred.args[0], pred.args[1])] = None
            if dashed:
                found.dashed.add((pred.args[0], pred.args[1]))
        for o, a in obj.centred:
            found.centred[(o, a)] = None
    if problem.goal is not None:
        for a, b in objects_of(problem.goal).segments:
            if a != b:
                _add_segment(found, (a, b), False)
    return found


def _add_segment(found: Shapes, pts: Sequence[str], dashed: bool) -> None:
    key = frozenset(pts)
    if len(key) < 2:
        return
    for other in list(found.segments):  # a longer run of collinear points replaces its parts
        if key <= other:
            return
    found.segments[key] = tuple(pts)  # type: ignore[assignment]
    if dashed:
        found.dashed.add(key)


class Frame:
    """Figure coordinates to SVG pixels (y up becomes y down)."""

    def __init__(self, coords: Mapping[str, Sequence[float]]) -> None:
        self.coords = {k: (float(v[0]), float(v[1])) for k, v in coords.items()}
        xs = [p[0] for p in self.coords.values()] or [0.0]
        ys = [p[1] for p in self.coords.values()] or [0.0]
        self.x0, self.y1 = min(xs), max(ys)
        span = max(max(xs) - self.x0, self.y1 - min(ys), 1e-9)
        self.k = (SIZE - 2 * MARGIN) / span
        self.width = (max(xs) - self.x0) * self.k + 2 * MARGIN
        self.height = (self.y1 - min(ys)) * self.k + 2 * MARGIN

    def xy(self, name: str) -> tuple[float, float]:
        x, y = self.coords[name]
        return self.to(x, y)

    def to(self, x: float, y: float) -> tuple[float, float]:
        return (round(MARGIN + (x - self.x0) * self.k, 2), round(MARGIN + (self.y1 - y) * self.k, 2))


def _extremes(frame: Frame, pts: Sequence[str]) -> tuple[str, str]:
    """The two outermost of collinear points."""
    known = [p for p in pts if p in frame.coords]
    a = known[0]
    far = max(known, key=lambda p: math.dist(frame.coords[a], frame.coords[p]))
    other = max(known, key=lambda p: math.dist(frame.coords[far], frame.coords[p]))
    return far, other


def _circle(frame: Frame, pts: Sequence[str]) -> tuple[float, float, float] | None:
    """Centre and radius (pixels) of the circle through the first three points."""
    if len(pts) < 3 or not all(p in frame.coords for p in pts[:3]):
        return None
    (ax, ay), (bx, by), (cx, cy) = (frame.coords[p] for p in pts[:3])
    d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
    if abs(d) < 1e-12:
        return None
    ux = ((ax**2 + ay**2) * (by - cy) + (bx**2 + by**2) * (cy - ay) + (cx**2 + cy**2) * (ay - by)) / d
    uy = ((ax**2 + ay**2) * (cx - bx) + (bx**2 + by**2) * (ax - cx) + (cx**2 + cy**2) * (bx - ax)) / d
    sx, sy = frame.to(ux, uy)
    return sx, sy, round(math.dist((ux, uy), (ax, ay)) * frame.k, 2)


def _centred(frame: Frame, o: str, a: str) -> tuple[float, float, float] | None:
    if o not in frame.coords or a not in frame.coords:
        return None
    sx, sy = frame.xy(o)
    return sx, sy, round(math.dist(frame.coords[o], frame.coords[a]) * frame.k, 2)


def _meet(frame: Frame, a: str, b: str, c: str, d: str) -> tuple[float, float] | None:
    """Where lines ab and cd cross, in figure coordinates."""
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = (frame.coords[p] for p in (a, b, c, d))
    den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if abs(den) < 1e-12:
        return None
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
    return x1 + t * (x2 - x1), y1 + t * (y2 - y1)


def _arc(frame: Frame, a: str, b: str, c: str, d: str, radius: float = 22.0) -> str | None:
    """An SVG path marking ∠(ab, cd) at the lines' crossing."""
    if not all(p in frame.coords for p in (a, b, c, d)) or a == b or c == d:
        return None
    at = _meet(frame, a, b, c, d)
    if at is None:
        return None

    def away(p: str, q: str) -> tuple[float, float]:
        # the ray from the crossing towards the farther of p, q
        fp, fq = frame.coords[p], frame.coords[q]
        far = fp if math.dist(fp, at) >= math.dist(fq, at) else fq
        n = math.dist(far, at) or 1.0
        return (far[0] - at[0]) / n, (far[1] - at[1]) / n

    u, v = away(a, b), away(c, d)
    sx, sy = frame.to(*at)
    p1 = (round(sx + radius * u[0], 2), round(sy - radius * u[1], 2))
    p2 = (round(sx + radius * v[0], 2), round(sy - radius * v[1], 2))
    cross = u[0] * v[1] - u[1] * v[0]
    sweep = 0 if cross > 0 else 1  # SVG's y points down: counterclockwise in the figure is sweep 0
    return f"M {sx} {sy} L {p1[0]} {p1[1]} A {radius} {radius} 0 0 {sweep} {p2[0]} {p2[1]} Z"


def highlight(obj: Objects, frame: Frame) -> dict[str, list]:
    """The shapes lighting up a step: lines, circles, angle marks (pixels) and point names."""
    lines = []
    for pts in [*obj.lines, *obj.segments]:
        known = [p for p in pts if p in frame.coords]
        if len(set(known)) >= 2:
            a, b = _extremes(frame, known)
            lines.append([*frame.xy(a), *frame.xy(b)])
    circles = [c for pts in obj.circles if (c := _circle(frame, pts))]
    circles += [c for o, a in obj.centred if (c := _centred(frame, o, a))]
    arcs = [p for a in obj.angles if (p := _arc(frame, *a))]
    return {
        "points": [p for p in obj.points if p in frame.coords],
        "lines": lines,
        "circles": [list(c) for c in circles],
        "arcs": arcs,
    }


def svg(problem: Problem, coords: Mapping[str, Sequence[float]], aux_points: Sequence[str], goal: Objects) -> str:
    """The figure as an inline SVG: ``#base`` (the construction), ``#hl`` (filled by the page's
    script for the step shown), ``#points``; auxiliary objects dashed."""
    frame = Frame(coords)
    found = shapes(problem, aux_points)
    aux = set(aux_points)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="figure" viewBox="0 0 {frame.width:.0f} {frame.height:.0f}" '
        f'width="{frame.width:.0f}" height="{frame.height:.0f}" role="img" aria-label="figure">',
        '<g id="base" fill="none" stroke="#4a6fa5" stroke-width="1.2">',
    ]
    for key, pts in found.segments.items():
        known = [p for p in pts if p in frame.coords]
        if len(set(known)) < 2:
            continue
        a, b = _extremes(frame, known)
        (x1, y1), (x2, y2) = frame.xy(a), frame.xy(b)
        dash = ' stroke-dasharray="6 4" class="aux"' if key in found.dashed else ""
        names = " ".join(sorted(key))
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" data-points="{escape(names)}"{dash}/>')
    seen: set[tuple[float, float, float]] = set()
    for key, pts in found.circles.items():
        c = _circle(frame, pts)
        if c and (r := tuple(round(v) for v in c)) not in seen:
            seen.add(r)  # type: ignore[arg-type]
            dash = ' stroke-dasharray="6 4" class="aux"' if key in found.dashed else ""
            out.append(f'<circle cx="{c[0]}" cy="{c[1]}" r="{c[2]}" data-points="{escape(" ".join(pts))}"{dash}/>')
    for o, a in found.centred:
        c = _centred(frame, o, a)
        if c and (r := tuple(round(v) for v in c)) not in seen:
            seen.add(r)  # type: ignore[arg-type]
            dash = ' stroke-dasharray="6 4" class="aux"' if (o, a) in found.dashed or {o, a} & aux else ""
            out.append(f'<circle cx="{c[0]}" cy="{c[1]}" r="{c[2]}" data-centre="{escape(o)}"{dash}/>')
    out.append("</g>")
    goal_shapes = highlight(goal, frame)
    out.append('<g id="goal" fill="none" stroke="#d62728" stroke-width="2">')
    out += [f'<line x1="{a}" y1="{b}" x2="{c}" y2="{d}"/>' for a, b, c, d in goal_shapes["lines"]]
    out += [f'<circle cx="{a}" cy="{b}" r="{r}"/>' for a, b, r in goal_shapes["circles"]]
    out.append("</g>")
    out.append('<g id="hl"></g>')
    out.append('<g id="points">')
    for name in coords:
        x, y = frame.xy(name)
        cls = "pt aux" if name in aux else "pt"
        fill = "white" if name in aux else "black"
        out.append(
            f'<g class="{cls}" id="pt-{escape(name)}" data-point="{escape(name)}">'
            f'<circle cx="{x}" cy="{y}" r="3.5" fill="{fill}" stroke="black"/>'
            f'<text x="{x + 6}" y="{y - 6}" font-size="14" font-family="sans-serif">{escape(point(name))}</text></g>'
        )
    out.append("</g></svg>")
    return "\n".join(out)


def picture(problem: Problem, coords: Mapping[str, Sequence[float]], aux_points: Sequence[str]) -> str:
    """The figure in LaTeX's own picture environment (straight ``\\qbezier`` lines, circles of eight
    arcs), so the article needs no package beyond LaTeX itself; auxiliary objects are dotted."""
    frame = Frame(coords)
    found = shapes(problem, aux_points)
    unit = 0.25  # mm per pixel: the 560-pixel figure is 14 cm wide

    def p(x: float, y: float) -> str:
        return f"({x:.1f},{frame.height - y:.1f})"

    def seg(a: tuple[float, float], b: tuple[float, float], dotted: bool) -> str:
        dots = f"[{max(8, int(math.dist(a, b) / 4))}]" if dotted else ""
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        return f"\\qbezier{dots}{p(*a)}{p(*mid)}{p(*b)}"

    def circle(cx: float, cy: float, r: float, dotted: bool) -> list[str]:
        out = []
        k = r / math.cos(math.pi / 8)
        for i in range(8):
            t0, t1, tm = i * math.pi / 4, (i + 1) * math.pi / 4, (i + 0.5) * math.pi / 4
            a = (cx + r * math.cos(t0), cy + r * math.sin(t0))
            b = (cx + r * math.cos(t1), cy + r * math.sin(t1))
            m = (cx + k * math.cos(tm), cy + k * math.sin(tm))
            dots = f"[{max(6, int(r * math.pi / 4 / 4))}]" if dotted else ""
            out.append(f"\\qbezier{dots}{p(*a)}{p(*m)}{p(*b)}")
        return out

    out = [f"\\setlength{{\\unitlength}}{{{unit}mm}}", f"\\begin{{picture}}({frame.width:.0f},{frame.height:.0f})"]
    for key, pts in found.segments.items():
        known = [q for q in pts if q in frame.coords]
        if len(set(known)) >= 2:
            a, b = _extremes(frame, known)
            out.append(seg(frame.xy(a), frame.xy(b), key in found.dashed))
    for key, pts in found.circles.items():
        if c := _circle(frame, pts):
            out += circle(*c, key in found.dashed)
    for o, a in found.centred:
        if c := _centred(frame, o, a):
            out += circle(*c, (o, a) in found.dashed)
    for name in coords:
        x, y = frame.xy(name)
        label = point(name)
        label = label[0] + (f"_{{{label[1:].translate(_UNSUB)}}}" if len(label) > 1 else "")
        dot = "\\circle{6}" if name in aux_points else "\\circle*{6}"
        out.append(f"\\put{p(x, y)}{{{dot}}}\\put{p(x + 5, y - 5)}{{${label}$}}")
    out.append("\\end{picture}")
    return "\n".join(out)


_UNSUB = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
