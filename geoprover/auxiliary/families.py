"""Candidate families: one generator per kind of auxiliary construction, all with one signature.

A family takes the figure and the focus (the goal's points, or every point when there is no goal)
and yields, for each site of the figure it builds on (a pair of points, a line and a point off it,
a circle, ...), the templates it builds there (possibly none). A template is (kind, constructions
as (name, arguments after the new point), the points it is built from).

``FAMILIES`` lists them in groups: the families of one group build on the same sites and are
interleaved site by site. The order of the templates is the order in which the candidates draw
their random tie-breaks, so it is part of the search's behaviour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import combinations

from .figure import Figure

Template = tuple[str, list[tuple[str, tuple[str, ...]]], tuple[str, ...]]
Family = Callable[[Figure, set[str]], Iterator[list[Template]]]


# --- sites ---------------------------------------------------------------------------------------
def _pairs(fig: Figure) -> Iterator[tuple[str, str]]:
    return combinations(list(fig.coords), 2)


def _points_off_lines(fig: Figure) -> Iterator[tuple[tuple[str, ...], str]]:
    for line in fig.lines:
        for p in fig.coords:
            if p not in line:
                yield line, p


def _focus_off_line_pairs(fig: Figure, focus: set[str]) -> Iterator[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """(l1, l2, p): two lines, one of them through the focus, and a focus point on neither."""
    for l1 in fig.lines:
        for l2 in fig.lines:
            if l1 is l2 or not (set(l1) | set(l2)) & focus:
                continue
            for p in sorted(focus):
                if p not in l1 and p not in l2:
                    yield l1, l2, p


def _triples_near_focus(fig: Figure, focus: set[str]) -> Iterator[tuple[str, str, str]]:
    for a, b, c in combinations(list(fig.coords), 3):
        if len({a, b, c} & focus) >= 2:
            yield a, b, c


def _centred_circles(fig: Figure) -> list[tuple[str, tuple[str, ...]]]:
    return [(centre, on) for centre, on in fig.circles if centre]


def _chords(fig: Figure, on: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(p, q): a line of the figure through p on the circle, q another point of that line."""
    for line in fig.lines:
        for p in line:
            if p in on:
                yield p, line[1] if line[0] == p else line[0]


# --- families ------------------------------------------------------------------------------------
def midpoints(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    for a, b in _pairs(fig):
        yield [("midpoint", [("midpoint", (a, b))], (a, b))]


def mirrors(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """Each point of a pair mirrored in the other."""
    for a, b in _pairs(fig):
        yield [("mirror", [("mirror", (a, b))], (a, b)), ("mirror", [("mirror", (b, a))], (a, b))]


def feet(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    for line, p in _points_off_lines(fig):
        yield [("foot", [("foot", (p, line[0], line[1]))], (p, line[0], line[1]))]


def reflections(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    for line, p in _points_off_lines(fig):
        yield [("reflect", [("reflect", (p, line[0], line[1]))], (p, line[0], line[1]))]


def intersections(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """Two lines of the figure with no common point."""
    for l1, l2 in combinations(fig.lines, 2):
        if not set(l1) & set(l2):
            yield [("intersection", [("on_line", l1[:2]), ("on_line", l2[:2])], l1[:2] + l2[:2])]


def parallels(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """The parallel to l2 through a focus point, meeting l1."""
    for l1, l2, p in _focus_off_line_pairs(fig, focus):
        yield [("parallel", [("on_pline", (p,) + l2[:2]), ("on_line", l1[:2])], (p,) + l1[:2] + l2[:2])]


def perpendiculars(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """The perpendicular to l2 through a focus point, meeting l1."""
    for l1, l2, p in _focus_off_line_pairs(fig, focus):
        yield [("perpendicular", [("on_tline", (p,) + l2[:2]), ("on_line", l1[:2])], (p,) + l1[:2] + l2[:2])]


def circumcenters(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    for a, b, c in _triples_near_focus(fig, focus):
        yield [("circumcenter", [("circumcenter", (a, b, c))], (a, b, c))]


def second_intersections(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """A line through a point of a circle with a centre meets it again."""
    for centre, on in _centred_circles(fig):
        yield [
            ("second intersection", [("on_line", (p, q)), ("on_circle", (centre, p))], (p, q, centre))
            for p, q in _chords(fig, on)
        ]


def tangents(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """The tangent at a point of a circle with a centre, meeting a line."""
    for centre, on in _centred_circles(fig):
        yield [
            ("tangent", [("lc_tangent", (p, centre)), ("on_line", line[:2])], (p, centre) + line[:2])
            for p in on
            for line in fig.lines
            if p not in line
        ]


def second_intersections_circum(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """A line through a point of a circle known by three of its points meets it again."""
    for centre, on in fig.circles:
        if centre or len(on) < 3:
            continue
        out: list[Template] = []
        for p, q in _chords(fig, on):
            rim = tuple(x for x in on if x != p)[:2]
            out.append(("second intersection", [("on_line", (p, q)), ("on_circum", (p,) + rim)], (p, q) + rim))
        yield out


def bisectors(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """The bisector of an angle of a triangle meeting the opposite side, at each vertex."""
    for a, b, c in _triples_near_focus(fig, focus):
        yield [
            ("bisector", [("angle_bisector", (x, y, z)), ("on_line", (x, z))], (x, y, z))
            for x, y, z in ((a, b, c), (b, c, a), (c, a, b))
        ]


def circles_meet(fig: Figure, focus: set[str]) -> Iterator[list[Template]]:
    """The second common point of two circles with centres through a common point."""
    for (o1, on1), (o2, on2) in combinations(_centred_circles(fig), 2):
        yield [("circles meet", [("intersection_cc", (o1, o2, p))], (o1, o2, p)) for p in sorted(set(on1) & set(on2))]


FAMILIES: tuple[tuple[Family, ...], ...] = (
    (midpoints, mirrors),
    (feet, reflections),
    (intersections,),
    (parallels, perpendiculars),
    (circumcenters,),
    (second_intersections, tangents),
    (second_intersections_circum,),
    (bisectors,),
    (circles_meet,),
)


def templates(fig: Figure, goal_points: set[str]) -> list[Template]:
    """Every family's templates on the figure, in ``FAMILIES`` order (a group's families site by site)."""
    focus = goal_points or set(fig.coords)
    out: list[Template] = []
    for group in FAMILIES:
        for sites in zip(*(family(fig, focus) for family in group), strict=True):
            for built in sites:
                out.extend(built)
    return out
