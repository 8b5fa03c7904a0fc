"""Constructions in words: "Let X be the foot of the perpendicular from A to BI".

The problem's statement and its auxiliary points are read from here; a construction missing from
``PHRASES`` (or given an empty phrase there) is stated by the facts that define it ("Let X be a point
such that ∠(AB, CX) = 30°").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..catalogue import get_construction
from ..model import Clause, ConstructionCall
from .notation import listed, point, points, statement


class Kind(StrEnum):
    """How a phrase joins a sentence."""

    POINT = "point"  # a noun phrase naming the new point: "the midpoint of AB"
    LOCUS = "locus"  # where the new point lies: "on line AB"
    SHAPE = "shape"  # what the new points form together: "a triangle"
    LET = "let"  # a whole sentence: "Let I be the incentre of ABC, and X, Y, Z …"


@dataclass(frozen=True)
class Phrase:
    kind: Kind
    text: str  # {name} is a parameter's point, {name} placeholders written together give "ABC"


P, L, S, T = Kind.POINT, Kind.LOCUS, Kind.SHAPE, Kind.LET

PHRASES: dict[str, Phrase] = {
    "angle_bisector": Phrase(L, "on the bisector of ∠{a}{b}{c}"),
    "angle_mirror": Phrase(L, "on the reflection of line {b}{a} in line {b}{c}"),
    "circle": Phrase(P, "the circumcentre of triangle {a}{b}{c}"),
    "circumcenter": Phrase(P, "the circumcentre of triangle {a}{b}{c}"),
    "eq_quadrangle": Phrase(S, "a quadrilateral with {a}{d} = {b}{c}"),
    "eq_trapezoid": Phrase(S, "an isosceles trapezoid with {a}{b} ∥ {c}{d} and {a}{d} = {b}{c}"),
    "eq_triangle": Phrase(P, "a point such that triangle {x}{b}{c} is equilateral"),
    "eqangle2": Phrase(L, "such that ∠{b}{a}{x} = ∠{x}{c}{b}"),
    "eqdia_quadrangle": Phrase(S, "a quadrilateral with equal diagonals {a}{c} = {b}{d}"),
    "eqdistance": Phrase(L, "on the circle centred at {a} with radius {b}{c}"),
    "foot": Phrase(P, "the foot of the perpendicular from {a} to {b}{c}"),
    "free": Phrase(S, "a point"),
    "incenter": Phrase(P, "the incentre of triangle {a}{b}{c}"),
    "incenter2": Phrase(
        T, "Let {i} be the incentre of triangle {a}{b}{c}, touching {b}{c}, {c}{a}, {a}{b} at {x}, {y}, {z}"
    ),
    "excenter": Phrase(P, "the excentre of triangle {a}{b}{c} opposite {a}"),
    "excenter2": Phrase(
        T,
        "Let {i} be an excentre of triangle {a}{b}{c}, and {x}, {y}, {z} the feet of the perpendiculars "
        "from {i} to {b}{c}, {c}{a}, {a}{b}",
    ),
    "centroid": Phrase(
        T, "Let {x}, {y}, {z} be the midpoints of {b}{c}, {c}{a}, {a}{b}, and {i} the centroid of triangle {a}{b}{c}"
    ),
    "ninepoints": Phrase(
        T,
        "Let {x}, {y}, {z} be the midpoints of {b}{c}, {c}{a}, {a}{b}, and {i} the centre of the "
        "nine-point circle of triangle {a}{b}{c}",
    ),
    "intersection_cc": Phrase(P, "the second intersection of the circles centred at {o} and {w} through {a}"),
    "intersection_lc": Phrase(P, "the second intersection of line {a}{b} with the circle centred at {o} through {b}"),
    "intersection_ll": Phrase(P, "the intersection of lines {a}{b} and {c}{d}"),
    "intersection_lp": Phrase(P, "the intersection of line {a}{b} with the line through {c} parallel to {m}{n}"),
    "intersection_lt": Phrase(P, "the intersection of line {a}{b} with the line through {c} perpendicular to {d}{e}"),
    "intersection_pp": Phrase(
        P, "the intersection of the lines through {a} parallel to {b}{c} and through {d} parallel to {e}{f}"
    ),
    "intersection_tt": Phrase(
        P, "the intersection of the lines through {a} perpendicular to {b}{c} and through {d} perpendicular to {e}{f}"
    ),
    "iso_triangle": Phrase(S, "an isosceles triangle with {a}{b} = {a}{c}"),
    "lc_tangent": Phrase(L, "on the tangent at {a} to the circle centred at {o} through {a}"),
    "midpoint": Phrase(P, "the midpoint of {a}{b}"),
    "mirror": Phrase(P, "the reflection of {a} in {b}"),
    "nsquare": Phrase(P, "the image of {b} under the rotation about {a} by −90°"),
    "on_aline": Phrase(L, "such that ∠{x}{a}{b} = ∠{c}{d}{e}"),
    "on_aline2": Phrase(L, "such that ∠{a}{x}{b} = ∠{c}{d}{e}"),
    "on_bline": Phrase(L, "on the perpendicular bisector of {a}{b}"),
    "on_circle": Phrase(L, "on the circle centred at {o} through {a}"),
    "on_line": Phrase(L, "on line {a}{b}"),
    "on_pline": Phrase(L, "on the line through {a} parallel to {b}{c}"),
    "on_tline": Phrase(L, "on the line through {a} perpendicular to {b}{c}"),
    "orthocenter": Phrase(P, "the orthocentre of triangle {a}{b}{c}"),
    "parallelogram": Phrase(P, "the point making {a}{b}{c}{x} a parallelogram"),
    "pentagon": Phrase(S, "a pentagon"),
    "psquare": Phrase(P, "the image of {b} under the rotation about {a} by 90°"),
    "quadrangle": Phrase(S, "a quadrilateral"),
    "r_trapezoid": Phrase(S, "a right trapezoid with {a}{b} ∥ {c}{d} and {a}{b} ⊥ {a}{d}"),
    "r_triangle": Phrase(S, "a triangle with a right angle at {a}"),
    "rectangle": Phrase(S, "a rectangle"),
    "reflect": Phrase(P, "the reflection of {a} in line {b}{c}"),
    "risos": Phrase(S, "an isosceles right triangle with the right angle at {a}"),
    "s_angle": Phrase(L, "such that ∠{a}{b}{x} = {y}°"),
    "segment": Phrase(S, "a segment"),
    "shift": Phrase(P, "the point making {x}{b}{d}{c} a parallelogram"),
    "square": Phrase(T, "Let {x} and {y} be the points making {a}{b}{x}{y} a square"),
    "isquare": Phrase(S, "a square"),
    "trapezoid": Phrase(S, "a trapezoid with {a}{b} ∥ {c}{d}"),
    "triangle": Phrase(S, "a triangle"),
    "triangle12": Phrase(S, "a triangle with {a}{b} = ½·{a}{c}"),
    "2l1c": Phrase(
        T,
        "Let {i} be the centre of a circle touching line {a}{c} at {x}, line {b}{c} at {y} and the circle "
        "centred at {o} through {a} at {z}",
    ),
    "e5128": Phrase(
        T,
        "Let {x} be a point on the circle centred at {c} through {b}, and {y} the point of line {a}{b} on "
        "line {x}{d}, such that ∠{b}{a}{d} = ∠{a}{x}{y}",
    ),
    "3peq": Phrase(
        T,
        "Let {x}, {y}, {z} be collinear points on lines {a}{b}, {a}{c}, {b}{c} with {z} the midpoint of {x}{y}",
    ),
    "trisect": Phrase(T, "Let {x} and {y} be the points of {a}{c} that trisect ∠{a}{b}{c}"),
    "trisegment": Phrase(T, "Let {x} and {y} be the points dividing {a}{b} into three equal parts"),
    "on_dia": Phrase(L, "on the circle with diameter {a}{b}"),
    "ieq_triangle": Phrase(S, "an equilateral triangle"),
    "on_opline": Phrase(L, "on the ray from {a} away from {b}"),
    "cc_tangent0": Phrase(
        T,
        "Let {x}{y} be a common tangent of the circles centred at {o} through {a} and at {w} through {b}, "
        "touching them at {x} and {y}",
    ),
    "cc_tangent": Phrase(
        T,
        "Let {x}{y} and {z}{i} be the common tangents of the circles centred at {o} through {a} and at {w} "
        "through {b}, touching them at {x}, {y} and at {z}, {i}",
    ),
    "eqangle3": Phrase(L, "such that ∠{a}{x}{b} = ∠{e}{d}{f}"),
    "tangent": Phrase(
        T, "Let {x} and {y} be the points where the tangents from {a} touch the circle centred at {o} through {b}"
    ),
    "on_circum": Phrase(L, "on circle {a}{b}{c}"),
    # Newclid's dialect
    "acute_triangle": Phrase(S, "an acute triangle"),
    "iso_triangle0": Phrase(S, "an isosceles triangle with {a}{b} = {a}{c}"),
    "iso_triangle_vertex": Phrase(L, "on the perpendicular bisector of {b}{c}"),
    "iso_triangle_vertex_angle": Phrase(L, "such that ∠{x}{b}{c} = ∠{b}{c}{x}"),
    "iso_trapezoid": Phrase(S, "an isosceles trapezoid with {a}{b} ∥ {c}{d} and {a}{d} = {b}{c}"),
    "iso_trapezoid2": Phrase(P, "the point making {a}{b}{c}{x} an isosceles trapezoid with {a}{b} ∥ {c}{x}"),
    "between": Phrase(T, "Let {a}, {b}, {c} be collinear points with {c} between {a} and {b}"),
    "between_bound": Phrase(L, "on segment {a}{b}"),
    "on_pline0": Phrase(L, "on the line through {a} parallel to {b}{c}"),
    "on_aline0": Phrase(L, ""),
    "cc_itangent": Phrase(
        T,
        "Let {x}{y} and {z}{i} be the internal common tangents of the circles centred at {o} through {a} and "
        "at {w} through {b}, touching them at {x}, {y} and at {z}, {i}",
    ),
    "aconst": Phrase(L, ""),
    "rconst": Phrase(L, ""),
    "rconst2": Phrase(L, ""),
    "r2const": Phrase(L, ""),
    "eqratio": Phrase(L, ""),
    "eqratio6": Phrase(L, ""),
    "lconst": Phrase(L, "on the circle centred at {a} with radius {l}"),
    "l2const": Phrase(L, ""),
    "simtri": Phrase(P, "the point such that △{a}{b}{c} ∼ △{p}{q}{r}"),
    "simtrir": Phrase(P, "the point such that △{a}{b}{c} ∼ △{p}{q}{r} with the opposite orientation"),
    "contri": Phrase(T, "Let {q} and {r} be the points such that △{a}{b}{c} ≅ △{p}{q}{r}"),
    "contrir": Phrase(
        T, "Let {q} and {r} be the points such that △{a}{b}{c} ≅ △{p}{q}{r} with the opposite orientation"
    ),
    "test_r20": Phrase(T, "Let {a}{c} be a diameter of a circle centred at {o}, and {b} a point on it"),
    "test_r25": Phrase(T, "Let {a}{b} and {c}{d} be segments with the common midpoint {m}"),
    "rotate": Phrase(P, "the image of {a} under the rotation about {o} by {y}°"),
}


def _fill(text: str, env: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        key = m.group(1)
        value = env.get(key, key)
        return value if key in env and not env[key].isidentifier() else point(value)

    return re.sub(r"\{(\w+)\}", one, text)


def phrase(call: ConstructionCall) -> Phrase:
    """One construction of a clause in words (by its defining facts when it has no phrase)."""
    cons = get_construction(call.name)
    env = cons.env(call)
    known = PHRASES.get(call.name)
    if known is not None and known.text:  # an empty phrase: the defining facts say it best
        return Phrase(known.kind, _fill(known.text, env))
    facts = cons.instantiate(call)
    if not facts:
        return Phrase(S, "points")
    return Phrase(L, "such that " + " and ".join(statement(f) for f in facts))


def sentence(clause: Clause) -> str:
    """A clause as the sentence a problem's statement would have."""
    parts = [phrase(c) for c in clause.constructions]
    subject = points(*clause.points) if len(clause.points) > 1 else point(clause.points[0])
    lets = [p.text for p in parts if p.kind == T]
    shapes = [p.text for p in parts if p.kind == S]
    if lets or shapes:
        said = lets + [f"Let {subject} be {s}" for s in shapes]
        rest = [p.text for p in parts if p.kind in (P, L)]
        text = "; ".join(said)
        return text + (f", {' and '.join(rest)}" if rest else "") + "."
    nouns = [p.text for p in parts if p.kind == P]
    loci = [p.text for p in parts if p.kind == L]
    if len(clause.points) > 1:
        subject = listed(list(clause.points))
    if nouns:
        extra = [f"{point(clause.points[0])} is {n}" for n in nouns[1:]]
        tail = " and ".join(loci + extra)
        return f"Let {subject} be {nouns[0]}" + (f", {tail}" if tail else "") + "."
    lines = [m.group(1) for x in loci if (m := re.fullmatch(r"on line (\S+)", x))]
    if len(lines) == 2 == len(loci):
        return f"Let {subject} be the intersection of lines {lines[0]} and {lines[1]}."
    return f"Let {subject} be a point {' and '.join(loci)}.".replace(" and such that ", " and ")
