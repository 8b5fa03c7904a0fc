"""The predicates of the problem language: their shapes and meanings.

Angles are full angles between lines, modulo π, as in AlphaGeometry: ∠(ab, cd) is the rotation
taking line ab to line cd.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import ConstructionError
from ..model import Predicate


@dataclass(frozen=True)
class PredicateSpec:
    name: str
    points: int  # number of point arguments (minimum when variadic)
    variadic: bool = False
    numbers: int = 0  # trailing numeric arguments
    condition: bool = False  # a side condition (diff, ncoll, ...), not a goal fact
    meaning: str = ""


PREDICATES: dict[str, PredicateSpec] = {
    s.name: s
    for s in (
        PredicateSpec("coll", 3, variadic=True, meaning="the points lie on one line"),
        PredicateSpec("para", 4, meaning="line ab is parallel to line cd"),
        PredicateSpec("perp", 4, meaning="line ab is perpendicular to line cd"),
        PredicateSpec("cong", 4, meaning="segments ab and cd have equal length"),
        PredicateSpec("eqangle", 8, meaning="∠(ab, cd) = ∠(ef, gh) as full angles mod π"),
        PredicateSpec("eqratio", 8, meaning="ab : cd = ef : gh"),
        PredicateSpec("cyclic", 4, variadic=True, meaning="the points lie on one circle"),
        PredicateSpec("midp", 3, meaning="m is the midpoint of ab"),
        PredicateSpec("circle", 4, meaning="o is the centre of the circle through a, b, c"),
        PredicateSpec("simtri", 6, meaning="triangles abc and pqr are similar"),
        PredicateSpec("contri", 6, meaning="triangles abc and pqr are congruent"),
        # Newclid's meanings: its simtri / contri keep the orientation, simtrir / contrir reverse it
        PredicateSpec("simtric", 6, meaning="triangles abc and pqr are similar with the same orientation"),
        PredicateSpec("simtrir", 6, meaning="triangles abc and pqr are similar with opposite orientations"),
        PredicateSpec("contric", 6, meaning="triangles abc and pqr are congruent with the same orientation"),
        PredicateSpec("contrir", 6, meaning="triangles abc and pqr are congruent with opposite orientations"),
        PredicateSpec("aconst", 4, numbers=1, meaning="∠(ab, cd) is the given angle (degrees)"),
        PredicateSpec("rconst", 4, numbers=1, meaning="ab : cd is the given ratio"),
        PredicateSpec("r2const", 4, numbers=1, meaning="ab² : cd² is the given ratio (Newclid)"),
        PredicateSpec("lconst", 2, numbers=1, meaning="ab is the given length (Newclid)"),
        PredicateSpec("l2const", 2, numbers=1, meaning="ab² is the given number (Newclid)"),
        PredicateSpec("diff", 2, condition=True, meaning="the points are distinct"),
        PredicateSpec("ncoll", 3, variadic=True, condition=True, meaning="the points are not collinear"),
        PredicateSpec("npara", 4, condition=True, meaning="ab is not parallel to cd"),
        PredicateSpec("nperp", 4, condition=True, meaning="ab is not perpendicular to cd"),
        PredicateSpec(
            "sameside",
            6,
            condition=True,
            meaning="b, c on the same side of a exactly when y, z are on the same side of x",
        ),
        # sign conditions that single out one configuration of a figure (numeric/configurations.py)
        PredicateSpec("ccw", 3, condition=True, meaning="a, b, c are counterclockwise"),
        PredicateSpec("cw", 3, condition=True, meaning="a, b, c are clockwise"),
        PredicateSpec("same_side", 4, condition=True, meaning="x and y are on the same side of line ab"),
        PredicateSpec("opposite_sides", 4, condition=True, meaning="x and y are on opposite sides of line ab"),
        PredicateSpec("same_direction", 4, condition=True, meaning="(x − p)·(r − q) > 0, for p x q r"),
        PredicateSpec("opposite_direction", 4, condition=True, meaning="(x − p)·(r − q) < 0, for p x q r"),
    )
}

GOAL_PREDICATES = tuple(n for n, s in PREDICATES.items() if not s.condition)

# oriented triangle pairs: name → (the orientation-free predicate, same orientation?)
ORIENTED = {
    "simtric": ("simtri", True),
    "simtrir": ("simtri", False),
    "contric": ("contri", True),
    "contrir": ("contri", False),
}
TRIANGLE_PAIRS = frozenset({"simtri", "contri", *ORIENTED})  # predicates on two triangles abc, pqr
CONGRUENT = frozenset({"contri", "contric", "contrir"})


def orientation_of(name: str) -> bool | None:
    """For a triangle-pair predicate: True (same orientation), False (opposite), None (either)."""
    return ORIENTED[name][1] if name in ORIENTED else None


def parse_number(text: str) -> Fraction:
    return Fraction(text)


def make_predicate(name: str, args: list[str], where: str = "") -> Predicate:
    """Check a predicate's shape and build it; numbers are read from the trailing arguments.

    For ``aconst`` the number is in degrees and is stored as a fraction of π.
    """
    spec = PREDICATES.get(name)
    if spec is None:
        raise ConstructionError(f"unknown predicate '{name}'", where)
    points, numbers = args[: len(args) - spec.numbers], args[len(args) - spec.numbers :]
    if spec.numbers and len(args) > spec.points + spec.numbers and name in ("rconst", "r2const"):
        # "rconst a b c d 1 2" writes the ratio as two integers
        points, numbers = args[: spec.points], args[spec.points :]
    ok = len(points) >= spec.points if spec.variadic else len(points) == spec.points
    if not ok or len(args) < spec.points + spec.numbers:
        want = f"at least {spec.points}" if spec.variadic else str(spec.points)
        raise ConstructionError(
            f"'{name}' takes {want} points{' and a number' if spec.numbers else ''}, got {len(args)} arguments", where
        )
    for p in points:
        if not _is_name(p):
            raise ConstructionError(f"'{name}' expects a point name, got '{p}'", where)
    value = None
    if spec.numbers:
        try:
            nums = [Fraction(n) for n in numbers]
        except (ValueError, ZeroDivisionError):
            raise ConstructionError(f"'{name}' expects a number, got '{' '.join(numbers)}'", where) from None
        value = nums[0] if len(nums) == 1 else nums[0] / nums[1]
        if name == "aconst":
            value = value / 180
    return Predicate(name, tuple(points), value)


def _is_name(text: str) -> bool:
    return bool(text) and text[0].isalpha()
