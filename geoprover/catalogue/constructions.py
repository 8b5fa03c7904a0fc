"""The construction catalogue, read from ``table.txt``: the one place constructions are defined."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from importlib import resources

from ..errors import ConstructionError
from ..model import ConstructionCall, Predicate
from .predicates import PREDICATES, make_predicate


@dataclass(frozen=True)
class Template:
    """A predicate written over a construction's parameter names."""

    name: str
    args: tuple[str, ...]

    def instantiate(self, env: dict[str, str]) -> Predicate:
        return make_predicate(self.name, [env.get(a, a) for a in self.args])


@dataclass(frozen=True)
class Construction:
    name: str
    params: tuple[str, ...]  # point parameters, signature order
    numbers: tuple[str, ...]  # numeric parameters (after the points)
    outputs: tuple[str, ...]  # the parameters that are new points
    requires: tuple[Template, ...]  # preconditions on the inputs
    facts: tuple[Template, ...]  # what defines the new points
    also: tuple[Template, ...]  # consequences of the facts
    draw: tuple[tuple[str, tuple[str, ...]], ...]  # loci primitives, or one ("@sampler", ())

    @property
    def inputs(self) -> tuple[str, ...]:
        return tuple(p for p in self.params if p not in self.outputs)

    @property
    def sampler(self) -> str | None:
        return self.draw[0][0][1:] if self.draw and self.draw[0][0].startswith("@") else None

    def env(self, call: ConstructionCall) -> dict[str, str]:
        env = dict(zip(self.params, call.args))
        env.update({n: str(v) for n, v in zip(self.numbers, call.numbers)})
        return env

    def instantiate(self, call: ConstructionCall, which: str = "facts") -> list[Predicate]:
        env = self.env(call)
        return [t.instantiate(env) for t in getattr(self, which)]


def _templates(text: str) -> tuple[Template, ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, *args = part.split()
        if name not in PREDICATES:
            raise ValueError(f"catalogue: unknown predicate {name!r}")
        out.append(Template(name, tuple(args)))
    return tuple(out)


def _parse_line(line: str) -> Construction:
    signature, outputs, requires, facts, draw = (f.strip() for f in line.split("|"))
    name, *params = signature.split()
    points = tuple(p for p in params if not p.startswith("#"))
    numbers = tuple(p[1:] for p in params if p.startswith("#"))
    facts, _, also = facts.partition(";")
    steps = tuple((s.split()[0], tuple(s.split()[1:])) for s in draw.split(",") if s.strip())
    return Construction(
        name, points, numbers, tuple(outputs.split()), _templates(requires), _templates(facts), _templates(also), steps
    )


def _load() -> dict[str, Construction]:
    text = resources.files(__package__).joinpath("table.txt").read_text()
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            c = _parse_line(line)
            table[c.name] = c
    return table


CONSTRUCTIONS: dict[str, Construction] = _load()

# Newclid's parameter order where it differs from AlphaGeometry's (the table's): the new points first.
NEWCLID_ORDER: dict[str, tuple[str, ...]] = {
    "parallelogram": ("x", "a", "b", "c"),
    "square": ("x", "y", "a", "b"),
}


def _reorder(cons: Construction, args: list[str], new_points: tuple[str, ...], where: str) -> list[str]:
    """Arguments in the table's order: where Newclid orders them otherwise, the position of the
    clause's new points says which language the text is written in."""
    other = NEWCLID_ORDER.get(cons.name)
    if other is None or len(args) != len(cons.params) + len(cons.numbers):
        return args

    def builds(order: tuple[str, ...]) -> bool:
        return all(args[order.index(p)] in new_points for p in cons.outputs)

    if builds(cons.params):
        return args
    if builds(other):
        env = dict(zip(other, args))
        return [env[p] for p in cons.params] + args[len(other) :]
    outs = " ".join(cons.outputs)
    raise ConstructionError(
        f"'{cons.name}' must name its new point{'s' if len(cons.outputs) > 1 else ''} {outs} first "
        f"(Newclid: {' '.join(other)}) or last (AlphaGeometry: {' '.join(cons.params)})",
        where,
    )


def get_construction(name: str, where: str = "") -> Construction:
    try:
        return CONSTRUCTIONS[name]
    except KeyError:
        raise ConstructionError(f"unknown construction '{name}'", where) from None


def complete_call(name: str, args: list[str], new_points: tuple[str, ...], where: str) -> ConstructionCall:
    """Write out a construction's arguments, filling new-point arguments the text left out.

    ``x = on_line b c`` stands for ``x = on_line x b c``: when exactly the construction's output
    parameters are missing, the clause's new points fill them in order.
    """
    cons = get_construction(name, where)
    want = len(cons.params) + len(cons.numbers)
    if (
        len(args) == want - len(cons.outputs)
        and len(cons.outputs) == len(new_points)
        and not set(args) & set(new_points)
    ):
        given = iter(args)
        filled = iter(new_points)
        args = [next(filled) if p in cons.outputs else next(given) for p in cons.params] + list(given)
    args = _reorder(cons, args, new_points, where)
    if len(args) != want:
        raise ConstructionError(
            f"'{name}' takes {want} arguments ({' '.join(cons.params + tuple('#' + n for n in cons.numbers))}), "
            f"got {len(args)}",
            where,
        )
    points, numbers = args[: len(cons.params)], args[len(cons.params) :]
    for p in points:
        if not p[0].isalpha():
            raise ConstructionError(f"'{name}' expects a point name, got '{p}'", where)
    try:
        values = tuple(Fraction(n) for n in numbers)
    except (ValueError, ZeroDivisionError):
        raise ConstructionError(f"'{name}' expects a number, got '{' '.join(numbers)}'", where) from None
    return ConstructionCall(name, tuple(points), values)
