"""Parse the problem language with lark, then type-check it against the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lark import Lark, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..catalogue import complete_call, get_construction, make_predicate
from ..errors import ConstructionError, GeoproverError, ParseError
from ..model import Clause, ConstructionCall, Predicate, Problem
from .dialect import NEWCLID_CONSTRUCTIONS, NEWCLID_PREDICATES, angle_degrees, check_goal_name, newclid_goal


@lru_cache(maxsize=1)
def _lark() -> Lark:
    grammar = resources.files(__package__).joinpath("grammar.lark").read_text()
    return Lark(grammar, parser="lalr", maybe_placeholders=False)


class _ToRaw(Transformer):
    """Tree → plain tuples; typing against the catalogue happens afterwards."""

    def __init__(self) -> None:
        super().__init__()
        self.angles = False  # an angle written 45o or 1pi/4 (Newclid's notation)

    def start(self, items):
        clauses = items[0]
        aux = next((i[1] for i in items[1:] if i[0] == "aux"), [])
        goals = next((i[1] for i in items[1:] if i[0] == "goals"), [])
        return clauses, aux, goals

    def clauses(self, items):
        return list(items)

    def aux(self, items):
        return ("aux", items[0])

    def goals(self, items):
        return ("goals", list(items))

    def clause(self, items):
        decls = [i for i in items if i[0] == "decl"]
        cons = [i for i in items if i[0] == "cons"]
        return decls, cons

    def decl(self, items):
        name = str(items[0])
        fixed = items[1] if len(items) > 1 else None
        return ("decl", name, fixed)

    def fixed(self, items):
        x, y = str(items[0]).split("_")
        return (float(x), float(y))

    def construction(self, items):
        return ("cons", str(items[0]), [str(a) for a in items[1:]])

    def goal(self, items):
        return (str(items[0]), [str(a) for a in items[1:]])

    def arg(self, items):
        token = items[0]
        if token.type == "ANGLE":
            self.angles = True
            return angle_degrees(str(token))
        return token


def _syntax_error(err: UnexpectedInput, text: str) -> ParseError:
    col = getattr(err, "column", 0) or 0
    pos = getattr(err, "pos_in_stream", None)
    if isinstance(err, UnexpectedEOF) or pos is None and not col:
        return ParseError("syntax error: unexpected end of problem")
    near = text[max(col - 1, 0) : max(col - 1, 0) + 12]
    if isinstance(err, UnexpectedToken):
        what = "'" + str(err.token) + "'" if err.token.type != "$END" else "end of problem"
        expected = sorted(err.expected)
        hint = " (expected " + ", ".join(_describe(e) for e in expected[:4]) + ")" if expected else ""
        return ParseError(f"syntax error at column {col}: unexpected {what}{hint}")
    if isinstance(err, UnexpectedCharacters):
        return ParseError(f"syntax error at column {col}: unexpected character '{text[col - 1]}' near '{near}'")
    return ParseError(f"syntax error at column {col} near '{near}'")


def _describe(terminal: str) -> str:
    return {
        "EQUAL": "'='",
        "SEMICOLON": "';'",
        "COMMA": "','",
        "QMARK": "'?'",
        "NAME": "a name",
        "NUMBER": "a number",
        "COORD": "coordinates x_y",
        "AT": "'@'",
        "ANGLE": "an angle",
        "VBAR": "'|'",
        "$END": "end",
    }.get(terminal, terminal)


@dataclass(frozen=True)
class Parsed:
    """A problem text, typed: its clauses (a ``|`` section's appended), those points, its goals."""

    clauses: list[Clause]
    aux_points: tuple[str, ...]
    goals: tuple[Predicate, ...]
    newclid: bool = False  # written in Newclid's dialect (`newclid_notation`)


def parse_text(text: str, known: list[str] | None = None, start_index: int = 0) -> Parsed:
    """Parse and type-check ``text``; ``known`` are points defined before it (for auxiliary clauses)."""
    text = text.strip()
    if not text:
        raise ParseError("empty problem")
    raw = _ToRaw()
    try:
        raw_clauses, raw_aux, raw_goals = raw.transform(_lark().parse(text))
    except UnexpectedInput as err:
        _refuse_unsupported_goals(text)  # Newclid's equation goals ("lequation ... * ...") do not parse
        raise _syntax_error(err, text) from None
    defined: list[str] = list(known or [])
    clauses = _type_clauses(raw_clauses + raw_aux, defined, start_index)
    aux_points = tuple(p for c in clauses[len(raw_clauses) :] for p in c.points)
    newclid = newclid_notation(raw_clauses + raw_aux, clauses, raw_goals, bool(raw_aux) or raw.angles)
    goals = []
    for k, (name, args) in enumerate(raw_goals, start=1):
        where = "goal" if len(raw_goals) == 1 else f"goal {k}"
        name = check_goal_name(name, where)
        goal = make_predicate(newclid_goal(name) if newclid else name, args, where)
        if goal.name in ("diff", "ncoll", "npara", "nperp", "sameside"):
            raise ConstructionError(f"'{goal.name}' is a side condition, not a goal", where)
        for p in goal.args:
            if p not in defined:
                raise ConstructionError(f"point '{p}' is not defined", where)
        goals.append(goal)
    return Parsed(clauses, aux_points, tuple(goals), newclid)


def newclid_notation(raw_clauses: list, clauses: list[Clause], raw_goals: list, marked: bool) -> bool:
    """Whether a problem is written in Newclid's dialect: it uses a notation AlphaGeometry's problems
    do not: a ``|`` section or an angle written ``45o`` (``marked``), several goals, a construction or
    goal predicate only Newclid has, a construction that leaves out its new points
    (``a b c = triangle``), or the new point first where the two languages order arguments
    differently (``x = parallelogram x a b c``)."""
    if marked or len(raw_goals) > 1 or any(name in NEWCLID_PREDICATES for name, _ in raw_goals):
        return True
    for (_, cons), clause in zip(raw_clauses, clauses):
        for (_, cname, args), call in zip(cons, clause.constructions):
            if cname in NEWCLID_CONSTRUCTIONS:
                return True
            written = [a for a in args if a[0].isalpha()]
            if len(written) != len(call.args) or tuple(written) != call.args:
                return True
    return False


def _refuse_unsupported_goals(text: str) -> None:
    """Name a goal geoprover has no counterpart for, rather than the syntax it trips on."""
    _, qmark, goals = text.partition("?")
    for k, goal in enumerate(goals.split(";") if qmark else [], start=1):
        words = goal.split()
        if words:
            check_goal_name(words[0], "goal" if goals.count(";") == 0 else f"goal {k}")


def parse_clauses(
    text: str, known: list[str] | None = None, start_index: int = 0
) -> tuple[list[Clause], Predicate | None]:
    """Clauses and the (first) goal of ``text``; see `parse_text`."""
    parsed = parse_text(text, known, start_index)
    return parsed.clauses, parsed.goals[0] if parsed.goals else None


def _type_clauses(raw_clauses: list, defined: list[str], start_index: int) -> list[Clause]:
    """Check each clause against the catalogue; ``defined`` grows with the clauses' points."""
    clauses: list[Clause] = []
    for k, (decls, cons) in enumerate(raw_clauses, start=start_index + 1):
        names = tuple(d[1] for d in decls)
        where = f"clause {k} '{_clause_text(decls, cons)}'"
        for n in names:
            if n in defined:
                raise ConstructionError(f"point '{n}' is defined twice", where)
        if len(set(names)) != len(names):
            raise ConstructionError("a point is declared twice in one clause", where)
        calls: list[ConstructionCall] = []
        covered: set[str] = set()
        for _, cname, args in cons:
            call = complete_call(cname, args, names, where)
            spec = get_construction(cname)
            env = dict(zip(spec.params, call.args))
            for param, point in env.items():
                if param in spec.outputs:
                    if point not in names:
                        raise ConstructionError(
                            f"'{cname}' builds '{point}', which this clause does not declare", where
                        )
                    covered.add(point)
                elif point not in defined:
                    why = "is defined later" if any(point in d[1] for d in decls) else "is not defined"
                    if point in names:
                        why = "is being defined in this clause"
                    raise ConstructionError(f"point '{point}' {why}", where)
            calls.append(call)
        missing = [n for n in names if n not in covered]
        if missing:
            raise ConstructionError(f"no construction builds '{missing[0]}'", where)
        fixed = tuple((d[1], d[2]) for d in decls if d[2] is not None)
        clauses.append(Clause(names, tuple(calls), fixed, k - 1))
        defined.extend(names)
    return clauses


def _clause_text(decls, cons) -> str:
    return " ".join(d[1] for d in decls) + " = " + ", ".join(" ".join([c[1]] + c[2]) for c in cons)


def parse_problem(text: str, name: str = "problem", source: str = "<text>") -> Problem:
    try:
        parsed = parse_text(text)
    except GeoproverError as err:
        raise err.located(f"{source}:{name}" if source != "<text>" else name) from None
    goal = parsed.goals[0] if parsed.goals else None
    return Problem(name, parsed.clauses, goal, source, text.strip(), goals=parsed.goals, given_aux=parsed.aux_points)


def read_problem_file(path: str | Path) -> list[tuple[str, str]]:
    """(name, text) pairs of a file of name-line / problem-line pairs."""
    path = Path(path)
    try:
        lines = [ln.strip() for ln in path.read_text().splitlines() if ln.strip()]
    except OSError as err:
        raise GeoproverError(f"cannot read {path}: {err.strerror}") from None
    if len(lines) % 2:
        raise ParseError(f"{path}: expected name and problem lines in pairs, got {len(lines)} lines")
    return [(lines[i], lines[i + 1]) for i in range(0, len(lines), 2)]


def parse_problem_file(path: str | Path) -> list[Problem]:
    return [parse_problem(text, name, str(path)) for name, text in read_problem_file(path)]
