"""Problems written back out: canonical AlphaGeometry text, or Newclid's dialect, for other tools.

Every argument is written (no left-out new points), numbers as fractions, fixed coordinates as
``x@1.5_-2``. AlphaGeometry's language has one goal and no ``|`` section: a problem with several
goals becomes one problem per goal, and given auxiliary points become ordinary clauses. Newclid's
dialect keeps both, names its new points first in ``parallelogram`` and ``square``, writes
angles as ``45o`` (or ``7pi/12`` off whole degrees) and has no fixed coordinates. A construction
that takes no points but its new ones is written without arguments (``a b c = triangle``), as
Newclid writes it, which also marks the text as Newclid's when it is read back: its ``simtri`` /
``contri`` goals keep their orientation (geoprover's ``simtric`` / ``contric``).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from ..catalogue import NEWCLID_ORDER, get_construction
from ..errors import GeoproverError
from ..model import Clause, ConstructionCall, Predicate, Problem

# constructions the other language spells otherwise (same facts, same arguments)
NEWCLID_NAMES = {"eq_trapezoid": "iso_trapezoid"}
AG_NAMES = {"iso_trapezoid": "eq_trapezoid"}
NO_NEWCLID = {
    "on_opline": "a ray",
    "cc_tangent0": "a single common tangent",
}
NEWCLID_GOALS = {"simtric": "simtri", "contric": "contri"}  # geoprover's oriented goals, in Newclid's words
ANGLE_NUMBERS = {"s_angle", "aconst"}  # constructions whose number is an angle in degrees


def coordinate(v: float) -> str:
    text = repr(float(v))
    if "e" in text or "n" in text:
        text = f"{float(v):.20f}".rstrip("0").rstrip(".")
    return text.removesuffix(".0")


def _number(value: Fraction) -> str:
    return str(Fraction(value))


def _newclid_angle(degrees: Fraction) -> str:
    degrees = Fraction(degrees)
    if degrees.denominator == 1:
        return f"{degrees.numerator}o"
    turn = degrees / 180
    return f"{turn.numerator}pi/{turn.denominator}"


def _decls(clause: Clause, fixed: bool) -> str:
    coords = clause.fixed_coords if fixed else {}
    return " ".join(
        p + (f"@{coordinate(coords[p][0])}_{coordinate(coords[p][1])}" if p in coords else "") for p in clause.points
    )


def _call_ag(call: ConstructionCall) -> str:
    if call.name == "rotate":  # geoprover's own: the circle and the angle it is on (either language)
        x, a, o = call.args
        return f"on_circle {x} {o} {a}, s_angle {a} {o} {x} {_number(call.numbers[0])}"
    name = AG_NAMES.get(call.name, call.name)
    return " ".join((name, *call.args, *(_number(n) for n in call.numbers)))


def _call_newclid(call: ConstructionCall, where: str, new_points: tuple[str, ...] = ()) -> str:
    if call.name in NO_NEWCLID:
        raise GeoproverError(f"'{call.name}' ({NO_NEWCLID[call.name]}) has no counterpart in Newclid's dialect", where)
    cons = get_construction(call.name)
    args: tuple[str, ...] = call.args
    name = NEWCLID_NAMES.get(call.name, call.name)
    if call.args and call.args == new_points and not call.numbers and set(cons.params) == set(cons.outputs):
        return name  # free points: Newclid's shorthand
    if call.name == "rotate":
        x, a, o = call.args
        return f"on_circle {x} {o} {a}, s_angle {a} {o} {x} {_newclid_angle(call.numbers[0])}"
    if call.name == "on_aline2":  # eqangle x a x b d c d e is Newclid's eqangle3 x a b d c e
        x, a, b, c, d, e = call.args
        name, args = "eqangle3", (x, a, b, d, c, e)
    elif call.name in NEWCLID_ORDER:
        env = dict(zip(cons.params, call.args))
        args = tuple(env[p] for p in NEWCLID_ORDER[call.name])
    numbers = tuple(_newclid_angle(n) if call.name in ANGLE_NUMBERS else _number(n) for n in call.numbers)
    return " ".join((name, *args, *numbers))


def _goal_ag(goal: Predicate) -> str:
    return str(goal) if goal.value is None else " ".join((goal.name, *goal.args, _goal_number(goal)))


def _goal_number(goal: Predicate) -> str:
    value = Fraction(goal.value)
    return _number(value * 180 if goal.name == "aconst" else value)


def to_alphageometry(problem: Problem) -> list[tuple[str, str]]:
    """(name, text) pairs: the problem, or one per goal when it has several."""
    figure = "; ".join(
        f"{_decls(c, True)} = " + ", ".join(_call_ag(k) for k in c.constructions) for c in problem.clauses
    )
    if len(problem.goals) <= 1:
        goal = f" ? {_goal_ag(problem.goals[0])}" if problem.goals else ""
        return [(problem.name, figure + goal)]
    return [(f"{problem.name}_goal{k}", f"{figure} ? {_goal_ag(g)}") for k, g in enumerate(problem.goals, start=1)]


def to_newclid(problem: Problem, mirrored: Callable[[Predicate], bool] | None = None) -> tuple[str, str]:
    """(name, text) in Newclid's dialect. ``mirrored`` says whether an orientation-free simtri /
    contri goal's triangles have opposite orientations in the figure (Newclid's simtri means the
    same one); ``simtric`` / ``contric`` are Newclid's simtri / contri."""
    aux = set(problem.given_aux)
    parts: list[list[str]] = [[], []]
    for c in problem.clauses:
        where = f"{problem.name}, clause {c.index + 1} '{c}'"
        text = f"{_decls(c, False)} = " + ", ".join(_call_newclid(k, where, c.points) for k in c.constructions)
        parts[1 if set(c.points) & aux else 0].append(text)
    text = "; ".join(parts[0]) + (" | " + "; ".join(parts[1]) if parts[1] else "")
    goals = []
    for g in problem.goals:
        name = NEWCLID_GOALS.get(g.name, g.name)
        if name in ("simtri", "contri") and g.name == name and mirrored is not None and mirrored(g):
            name += "r"  # no orientation: the figure's
        args = list(g.args)
        if g.value is not None:
            value = Fraction(g.value)
            args.append(_newclid_angle(value * 180) if g.name == "aconst" else _number(value))
        goals.append(" ".join((name, *args)))
    if goals:
        text += " ? " + "; ".join(goals)
    return problem.name, text


def fixed_points(problem: Problem) -> list[str]:
    """Points with fixed coordinates (Newclid's dialect drops them)."""
    return [p for c in problem.clauses for p in c.fixed_coords]
