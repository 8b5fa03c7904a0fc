"""Conventional notation: capital points, ∠ABC, AB = CD, "ABCD is cyclic", △ABC ∼ △DEF.

Everything a reader sees of a fact goes through here, so the text, Markdown, LaTeX and HTML
reports agree; the raw predicate form stays in ``--format raw`` and the JSON.
"""

from __future__ import annotations

import re
from fractions import Fraction

from ..catalogue.predicates import CONGRUENT, PREDICATES, TRIANGLE_PAIRS, orientation_of
from ..model import Predicate

CONVENTION = (
    "Angles are directed angles between lines, taken modulo 180°: ∠ABC is the angle through which "
    "line BA turns counterclockwise onto line BC, and ∠(AB, CD) the one from line AB to line CD. "
    "So ∠ABC = −∠CBA, and ∠ABC = ∠ABD when B, C, D are collinear."
)

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def point(name: str) -> str:
    """A point in capitals, a trailing number as a subscript: x6 → X₆, p1 → P₁."""
    m = re.fullmatch(r"([A-Za-z_]+?)_?(\d+)", name)
    if m:
        return m.group(1).upper() + m.group(2).translate(_SUB)
    return name.upper()


def points(*names: str) -> str:
    """Points written together: ABC."""
    return "".join(point(n) for n in names)


def listed(names: tuple[str, ...] | list[str]) -> str:
    """A, B and C."""
    shown = [point(n) for n in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def commas(names: tuple[str, ...] | list[str]) -> str:
    """A, B, C."""
    return ", ".join(point(n) for n in names)


def angle(a: str, b: str, c: str, d: str) -> str:
    """The full angle from line ab to line cd: ∠XPY when the lines share a named point P."""
    if {a, b} == {c, d}:
        return "0°"
    common = {a, b} & {c, d}
    if common:
        p = a if a in common else b
        x = b if p == a else a
        y = d if p == c else c
        return f"∠{points(x, p, y)}"
    return f"∠({points(a, b)}, {points(c, d)})"


def degrees(value: Fraction | float) -> str:
    """An angle given in degrees: 60°, 22.5°."""
    v = Fraction(value).limit_denominator(1000)
    return f"{v.numerator}°" if v.denominator == 1 else f"{float(v):g}°"


def ratio(value: Fraction) -> str:
    return str(Fraction(value).limit_denominator(10**6))


def statement(pred: Predicate) -> str:
    """A fact as a reader writes it."""
    n, a = pred.name, pred.args
    if n == "coll":
        return f"{commas(a)} are collinear"
    if n == "para":
        return f"{points(*a[:2])} ∥ {points(*a[2:])}"
    if n == "perp":
        return f"{points(*a[:2])} ⊥ {points(*a[2:])}"
    if n == "cong":
        return f"{points(*a[:2])} = {points(*a[2:])}"
    if n == "eqangle":
        return f"{angle(*a[:4])} = {angle(*a[4:])}"
    if n == "eqratio":
        return f"{points(*a[:2])}/{points(*a[2:4])} = {points(*a[4:6])}/{points(*a[6:])}"
    if n == "cyclic":
        return f"{points(*a)} is cyclic" if len(a) == 4 else f"{commas(a)} are concyclic"
    if n == "midp":
        return f"{point(a[0])} is the midpoint of {points(*a[1:])}"
    if n == "circle":
        return f"{point(a[0])} is the centre of circle {points(*a[1:])}"
    if n in TRIANGLE_PAIRS:
        sign = "≅" if n in CONGRUENT else "∼"
        turn = {True: " (same orientation)", False: " (opposite orientations)", None: ""}[orientation_of(n)]
        return f"△{points(*a[:3])} {sign} △{points(*a[3:])}{turn}"
    if n == "aconst":
        value = pred.value * 180 if pred.value is not None else Fraction(0)
        return f"{angle(*a)} = {degrees(value)}"
    if n == "rconst":
        return f"{points(*a[:2])}/{points(*a[2:])} = {ratio(pred.value if pred.value is not None else Fraction(1))}"
    if n == "r2const":
        return f"{points(*a[:2])}²/{points(*a[2:])}² = {_number(pred.value)}"
    if n == "lconst":
        return f"{points(*a)} = {_number(pred.value)}"
    if n == "l2const":
        return f"{points(*a)}² = {_number(pred.value)}"
    return condition(pred)


def _number(value: object) -> str:
    """A constant of a length or ratio predicate (Newclid's dialect)."""
    if value is None:
        return "?"
    try:
        return ratio(Fraction(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def condition(pred: Predicate) -> str:
    """A side condition (non-degeneracy, or which configuration is drawn) as a reader writes it."""
    n, a = pred.name, pred.args
    if n == "diff":
        return f"{point(a[0])} ≠ {point(a[1])}"
    if n == "ncoll":
        return f"{commas(a)} are not collinear"
    if n == "npara":
        return f"{points(*a[:2])} ∦ {points(*a[2:])}"
    if n == "nperp":
        return f"{points(*a[:2])} is not perpendicular to {points(*a[2:])}"
    if n == "sameside":
        return (
            f"{point(a[1])}, {point(a[2])} are on the same side of {point(a[0])} exactly when "
            f"{point(a[4])}, {point(a[5])} are on the same side of {point(a[3])}"
        )
    if n == "ccw":
        return f"{commas(a)} are counterclockwise"
    if n == "cw":
        return f"{commas(a)} are clockwise"
    if n == "same_side":
        return f"{point(a[2])} and {point(a[3])} are on the same side of line {points(*a[:2])}"
    if n == "opposite_sides":
        return f"{point(a[2])} and {point(a[3])} are on opposite sides of line {points(*a[:2])}"
    if n == "same_direction":
        return f"{points(a[0], a[1])} and {points(a[2], a[3])} point the same way"
    if n == "opposite_direction":
        return f"{points(a[0], a[1])} and {points(a[2], a[3])} point opposite ways"
    return f"{n} {' '.join(point(x) for x in a)}"


def parse_fact(text: str, known: set[str] | None = None) -> Predicate | None:
    """A fact printed in the predicate form (``eqangle b p b c b a b d``) read back, or None for
    facts printed otherwise (chase equations, figure choices)."""
    words = text.split()
    if not words or words[0] not in PREDICATES:
        return None
    name, *args = words
    spec = PREDICATES[name]
    value = None
    if spec.numbers:
        if len(args) < spec.points + spec.numbers:
            return None
        try:
            value = Fraction(args[-1])
        except ValueError:
            return None
        args = args[: -spec.numbers]
        if name == "aconst":
            value = value / 180
    if len(args) < spec.points or (not spec.variadic and len(args) != spec.points):
        return None
    if known is not None and not set(args) <= known:
        return None
    return Predicate(name, tuple(args), value)


_STOP = {"and", "are", "as", "is", "of", "on", "to", "not", "the", "line", "lines", "side", "sides", "drawn", "or"}
_STOP |= {"all", "each", "first", "goal", "in", "them", "up", "with"}  # words of the "false in all" message


def words(text: str, known: set[str]) -> str:
    """Free text naming points (engine messages, conditions) with its point names in capitals:
    a word made of point names (``ae``, ``cob``) is written in capitals, English words are kept."""
    pred = parse_fact(text, known)
    if pred is not None:
        return statement(pred)
    if text.startswith("polynomial"):
        return text  # a polynomial in coordinate variables stays as the algebra printed it
    names = sorted(known, key=len, reverse=True)

    def split(word: str) -> list[str] | None:
        if not word:
            return []
        for n in names:
            if word.startswith(n):
                rest = split(word[len(n) :])
                if rest is not None:
                    return [n, *rest]
        return None

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in _STOP and word not in known:
            return word
        parts = split(word)
        if parts is None or len(parts) > 4 or (word in _STOP and len(parts) > 1):
            return word
        return points(*parts)

    def run(m: re.Match[str]) -> str:  # "c o p" → "cop": a triangle named point by point
        return "".join(m.group(0).split())

    if names:
        name = "(?:" + "|".join(re.escape(n) for n in names) + ")"
        text = re.sub(rf"(?<![\w,]){name}(?: {name}){{2,}}(?![\w(])", run, text)
    return re.sub(r"(?<![\w_^*])[a-z][a-z0-9]*(?![\w_^*(])", fix, text)
