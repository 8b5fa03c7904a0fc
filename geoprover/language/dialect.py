"""Newclid's extension of the language: how its numbers and goals map onto geoprover's.

Newclid (newclid 3.x) writes angles as ``45o`` (degrees) or ``1pi/4`` (a fraction of π); geoprover
keeps angles in degrees. Goals that ask for a value, and Newclid's sign and equation goals, have
no counterpart.

Triangle goals: Newclid's ``simtri`` / ``contri`` mean similar / congruent with the same orientation,
its ``simtrir`` / ``contrir`` with opposite orientations; AlphaGeometry's ``simtri`` / ``contri`` are
read without orientation (the figure fixes it), as geoprover always has. A problem is read as
Newclid's when it uses a notation of Newclid's (`newclid_notation`); its ``simtri`` / ``contri``
goals are then geoprover's ``simtric`` / ``contric``. ``simtrir`` / ``contrir`` / ``simtric`` /
``contric`` mean the same in either language.
"""

from __future__ import annotations

from fractions import Fraction

from ..errors import ConstructionError

NEWCLID_GOALS = {"simtri": "simtric", "contri": "contric"}  # a Newclid problem's goal → geoprover's

# constructions of Newclid's that AlphaGeometry's language lacks (its problems use none of them)
NEWCLID_CONSTRUCTIONS = frozenset(
    "aconst acute_triangle between between_bound cc_itangent contri contrir eqratio eqratio6 iso_trapezoid "
    "iso_trapezoid2 iso_triangle0 iso_triangle_vertex iso_triangle_vertex_angle l2const lconst on_aline0 "
    "on_pline0 r2const rconst rconst2 simtri simtrir test_r20 test_r25".split()
)
NEWCLID_PREDICATES = frozenset({"simtrir", "contrir", "r2const", "lconst", "l2const"})

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
    return name


def newclid_goal(name: str) -> str:
    """The geoprover predicate a goal of a problem in Newclid's dialect stands for."""
    return NEWCLID_GOALS.get(name, name)
