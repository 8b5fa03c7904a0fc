"""Newclid's extension of the language: how its numbers and goals map onto geoprover's.

Newclid (newclid 3.x) writes angles as ``45o`` (degrees) or ``1pi/4`` (a fraction of π); geoprover
keeps angles in degrees. Its ``simtrir`` / ``contrir`` goals (mirror-image similarity and
congruence) are geoprover's ``simtri`` / ``contri``, which do not look at orientation: the diagram
fixes it. Goals that ask for a value, and Newclid's sign and equation goals, have no counterpart.
"""

from __future__ import annotations

from fractions import Fraction

from ..errors import ConstructionError

GOAL_ALIASES = {"simtrir": "simtri", "contrir": "contri"}

COMPUTE_GOALS = ("acompute", "rcompute", "lcompute")

UNSUPPORTED_GOALS = {
    "sameclock": "an orientation",
    "obtuse_angle": "an inequality",
    "nsameside": "an inequality",
    "lequation": "a linear equation of lengths",
    "aequation": "a linear equation of angles",
    "pythagorean_premises": "an internal predicate",
    "pythagorean_conclusions": "an internal predicate",
}


def angle_degrees(token: str) -> str:
    """``45o`` → ``45``, ``1pi/4`` → ``45``: an angle constant in degrees, as geoprover writes it."""
    if token.endswith("o"):
        return token[:-1]
    n, _, d = token.partition("pi")
    value = Fraction(n) * 180 / (Fraction(d[1:]) if d else 1)
    return str(value)


def check_goal_name(name: str, where: str) -> str:
    """The geoprover predicate a goal named ``name`` stands for; refuses what has none."""
    if name in COMPUTE_GOALS:
        raise ConstructionError(
            f"'{name}' asks to compute a value, which geoprover does not do: state the value and prove it "
            f"(e.g. 'aconst a b c d 45o' or 'rconst a b c d 1/2')",
            where,
        )
    if name in UNSUPPORTED_GOALS:
        raise ConstructionError(f"Newclid's '{name}' ({UNSUPPORTED_GOALS[name]}) is not supported as a goal", where)
    return GOAL_ALIASES.get(name, name)
