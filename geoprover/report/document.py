"""A proof as a reader gets it: the statement in words, numbered steps in conventional notation, the
conditions in one place. Every output format (text, Markdown, LaTeX, HTML, graph) renders this.

``build(problem, proof, coords)`` needs only the problem (with the proof's auxiliary clauses, see
``extended``), the proof as the engines return it (plain data: it may come from another process or
from JSON) and the drawn coordinates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any

from ..catalogue.predicates import TRIANGLE_PAIRS
from ..ddar.table import RULES
from ..language import parse_clauses
from ..model import Predicate, Problem
from ..proof import Proof
from .chase import Equation, Fact, Lines, angle_text, chain, chain_text
from .constructions import sentence
from .notation import CONVENTION, angle, parse_fact, statement, words

CHASES = {"angle_chase", "ratio_chase", "distance_chase"}
GIVEN = "given"


@dataclass
class Objects:
    """What a step speaks of, for the figure to highlight."""

    points: list[str] = field(default_factory=list)
    segments: list[tuple[str, str]] = field(default_factory=list)
    lines: list[tuple[str, ...]] = field(default_factory=list)  # collinear points: the whole line
    circles: list[tuple[str, ...]] = field(default_factory=list)  # through these points
    centred: list[tuple[str, str]] = field(default_factory=list)  # (centre, a point on it)
    angles: list[tuple[str, str, str, str]] = field(default_factory=list)  # ∠(ab, cd)


@dataclass
class Step:
    number: int
    statement: str  # in conventional notation
    raw: str  # the engine's predicate form
    rule: str
    reason: str  # the rule in words
    cites: list[int] = field(default_factory=list)  # earlier steps
    given: list[str] = field(default_factory=list)  # hypotheses it uses, in notation
    chain: str = ""  # what a chase adds up, e.g. ∠PBO = ∠PBC + ∠CBO [2] = …
    objects: Objects = field(default_factory=Objects)
    figure_choice: bool = False  # read off the figure (which half of a doubled angle)


@dataclass
class WuSection:
    """Wu's certificate in a reader's terms."""

    coordinates: dict[str, tuple[str, str]]
    parameters: list[str]
    order: list[str]
    triangular_set: list[dict[str, Any]]
    ndg: list[dict[str, Any]]
    remainder: str


METHODS = {"wu": "Wu's method", "ddar": "DDAR", "ddar+aux": "DDAR with auxiliary points"}


def method(engine: str) -> str:
    """An engine as a reader names it."""
    return METHODS.get(engine, engine)


@dataclass
class CrossCheck:
    """The deciding engine's own proof, shown after the synthetic one as an independent check."""

    engine: str
    seconds: float
    ndg: list[str]  # its own non-degeneracy conditions, in words
    wu: WuSection | None = None

    @property
    def line(self) -> str:
        return f"Also proved by {method(self.engine)} in {self.seconds:.2f} s."

    @property
    def summary(self) -> str:
        """What the check says in one sentence."""
        if self.wu is not None and self.wu.remainder != "":
            return (
                f"{self.line[:-1]}: the goal's pseudo-remainder by the triangular set of the hypotheses is "
                f"{self.wu.remainder}, wherever its non-degeneracy conditions hold."
            )
        return self.line

    @property
    def coordinates(self) -> str:
        """The coordinates its polynomial conditions are written in ("" if none)."""
        if self.wu is None or not self.wu.coordinates:
            return ""
        points = ", ".join(f"{p.upper()} = ({x}, {y})" for p, (x, y) in self.wu.coordinates.items())
        return f"Coordinates: {points}."


@dataclass
class Document:
    problem: str
    status: str
    engine: str
    seconds: float
    convention: str
    statement: list[str]  # the hypotheses, a sentence a clause
    auxiliary: list[str]  # the auxiliary points, in words
    goal: str
    goal_raw: str
    aux_points: list[str]
    points: list[str]
    steps: list[Step] = field(default_factory=list)
    ndg: list[str] = field(default_factory=list)
    configuration: list[str] = field(default_factory=list)
    configuration_note: str = ""
    message: str = ""
    wu: WuSection | None = None
    readable: bool = False
    goal_objects: Objects = field(default_factory=Objects)
    cross_check: CrossCheck | None = None  # the verdict's own proof, when a synthetic proof is shown
    no_synthetic: str = ""  # why the proof shown is a certificate, when a synthetic one was looked for

    @property
    def verdict_line(self) -> str:
        """The head: who proved it and when."""
        return f"{self.status.upper()} by {self.engine} in {self.seconds:.2f} s"

    @property
    def algebraic(self) -> str:
        """What a Wu proof says in one paragraph (a DDAR proof says it step by step; one with no
        step says its goal is a hypothesis)."""
        if self.readable and not self.steps and self.status == "proved":
            return f"{self.goal} is one of the hypotheses."
        if self.wu is None or self.status != "proved":
            return ""
        return (
            "By Wu's method: in the coordinates below the hypotheses become the triangular set below, and "
            f"the goal's pseudo-remainder by it is {self.wu.remainder}, so {self.goal} holds wherever the "
            "non-degeneracy conditions hold."
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def extended(problem: Problem, proof: Proof) -> Problem:
    """The problem with the proof's auxiliary clauses appended (the points its steps name)."""
    if not proof.aux:
        return problem
    clauses, _ = parse_clauses("; ".join(proof.aux), known=problem.points, start_index=len(problem.clauses))
    return problem.with_clauses(clauses)


def _fraction(text: str) -> Fraction:
    return Fraction(str(text))


def _equations(record: Mapping[str, Any]) -> list[Equation]:
    out = []
    for eq in record.get("equations", ()):
        terms = tuple((_fraction(k), a, b if isinstance(b, str) else "".join(b)) for k, a, b in eq["terms"])
        primes = tuple((int(p), _fraction(k)) for p, k in eq.get("primes", {}).items())
        out.append(Equation(eq["system"], terms, _fraction(eq.get("const", "0")), primes))
    return out


_ANGLE = re.compile(r"∠\((\w+), (\w+)\)")


def _pair(word: str, known: set[str]) -> tuple[str, str] | None:
    for i in range(1, len(word)):
        if word[:i] in known and word[i:] in known:
            return word[:i], word[i:]
    return None


def fact_text(raw: str, pred: Predicate | None, known: set[str]) -> str:
    """A fact in notation: a predicate by its rendering, an equation with its angles renamed."""
    if pred is not None:
        return statement(pred)

    def one(m: re.Match[str]) -> str:
        a, b = _pair(m.group(1), known), _pair(m.group(2), known)
        return angle(*a, *b) if a and b else m.group(0)

    text = _ANGLE.sub(one, raw)
    text = re.sub(r"\|(\w+)\|", lambda m: m.group(1), text)  # |ab| = sin 30°·|xy| → AB = sin 30°·XY
    text = re.sub(r"(-?\d+)·dir\((\w+)\)", lambda m: f"{m.group(1)}·dir({m.group(2)})", text)
    return words(text, known)


def objects_of(pred: Predicate | None, equations: Sequence[Equation] = ()) -> Objects:
    """The points, lines, circles and angles a fact names."""
    obj = Objects()
    if pred is None:
        for eq in equations:
            pairs = [(a, b) for _, a, b in eq.terms]
            obj.segments += pairs
            if eq.system == "angle":
                for (a, b), (c, d) in zip(pairs[::2], pairs[1::2]):
                    obj.angles.append((a, b, c, d))
        obj.points = list(dict.fromkeys(p for s in obj.segments for p in s))
        return obj
    n, a = pred.name, pred.args
    obj.points = list(dict.fromkeys(a))
    if n == "coll":
        obj.lines.append(tuple(a))
    elif n in ("para", "perp", "cong", "rconst", "npara", "nperp"):
        obj.segments += [(a[0], a[1]), (a[2], a[3])]
        if n in ("perp",):
            obj.angles.append(tuple(a[:4]))  # type: ignore[arg-type]
    elif n == "aconst":
        obj.segments += [(a[0], a[1]), (a[2], a[3])]
        obj.angles.append(tuple(a[:4]))  # type: ignore[arg-type]
    elif n == "eqangle":
        obj.segments += [(a[i], a[i + 1]) for i in range(0, 8, 2)]
        obj.angles += [tuple(a[:4]), tuple(a[4:])]  # type: ignore[list-item]
    elif n == "eqratio":
        obj.segments += [(a[i], a[i + 1]) for i in range(0, 8, 2)]
    elif n == "cyclic":
        obj.circles.append(tuple(a))
    elif n == "circle":
        obj.centred.append((a[0], a[1]))
    elif n == "midp":
        obj.segments.append((a[1], a[2]))
    elif n in TRIANGLE_PAIRS:
        for t in (a[:3], a[3:]):
            obj.segments += [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])]
    elif n == "ncoll":
        obj.segments += [(a[i], a[(i + 1) % len(a)]) for i in range(len(a))]
    return obj


def _distinct(conditions: list[str]) -> list[str]:
    """Each condition once: "C, A, B not collinear" and "A, B, C are not collinear" are one."""
    out, seen = [], set()
    for c in conditions:
        m = re.fullmatch(r"(.+?) (?:are )?not collinear", c)
        key = ("ncoll", frozenset(m.group(1).split(", "))) if m else ("text", c)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _reason(rule: str) -> str:
    r = RULES.get(rule)
    return r.words if r else rule.replace("_", " ")


def _wu(cert: Mapping[str, Any]) -> WuSection | None:
    if "triangular_set" not in cert:
        return None
    coords = {p: (str(x), str(y)) for p, (x, y) in cert.get("coordinates", {}).items()}
    return WuSection(
        coordinates=coords,
        parameters=list(cert.get("parameters", [])),
        order=list(cert.get("order", [])),
        triangular_set=[dict(t) for t in cert.get("triangular_set", [])],
        ndg=[dict(d) for d in cert.get("ndg", [])],
        remainder=str(cert.get("remainder", "")),
    )


def build(problem: Problem, proof: Proof, coords: Mapping[str, Sequence[float]]) -> Document:
    """The reader's proof (``problem``: extended with the proof's auxiliary clauses)."""
    known = set(problem.points)
    first_aux = len(problem.clauses) - len(proof.aux)
    given_aux = set(getattr(problem, "given_aux", ()))  # a problem's own auxiliary points (its | section)
    aux = [c for c in problem.clauses if c.index >= first_aux or (given_aux and set(c.points) <= given_aux)]
    base = [c for c in problem.clauses if c not in aux]
    goal_pred = problem.goal
    goal = statement(goal_pred) if goal_pred is not None else ""
    doc = Document(
        problem=proof.problem,
        status=str(proof.status),
        engine=proof.engine,
        seconds=proof.seconds,
        convention=CONVENTION,
        statement=[sentence(c) for c in base] + ([f"Prove that {goal}."] if goal else []),
        auxiliary=[sentence(c) for c in aux],
        goal=goal,
        goal_raw=proof.goal,
        aux_points=[p for c in aux for p in c.points],
        points=list(problem.points),
        message=words(proof.message, known) if proof.message else "",
        readable=proof.readable,
        goal_objects=objects_of(goal_pred),
    )
    records = proof.certificate.get("proof", []) if proof.readable else []
    _steps(doc, records, known, coords)
    figure = {s.raw: s.statement for s in doc.steps if s.figure_choice}
    shown = [figure.get(c, words(c, known)) for c in proof.ndg]
    # what is read off the figure (which half of an angle, orientations) is a configuration condition
    drawn = [c for c in shown if "as drawn" in c]
    doc.ndg = _distinct([c for c in shown if "as drawn" not in c])
    doc.configuration = _distinct([words(c, known) for c in proof.configuration] + drawn)
    cf = proof.configurations
    if proof.proved and cf and cf.get("holds", 0) < cf.get("drawn", 0):
        doc.configuration_note = (
            f"The goal holds in {cf['holds']} of the {cf['drawn']} configurations drawn; "
            "the proof is for the one drawn, singled out by the conditions below."
        )
    doc.wu = _wu_words(problem, proof, known)
    check = proof.cross_check
    if check is not None:
        ndg = _distinct([words(c, known) for c in check.ndg])
        doc.cross_check = CrossCheck(check.engine, check.seconds, ndg, _wu_words(problem, check, known))
    if proof.no_synthetic:
        note = proof.no_synthetic
        doc.no_synthetic = f"{note[0].upper()}{note[1:]}; the proof below is the certificate of {method(proof.engine)}."
    return doc


def _wu_words(problem: Problem, proof: Proof, known: set[str]) -> WuSection | None:
    """A Wu proof's certificate with each member's clause and each condition in words."""
    wu = _wu(proof.certificate) if proof.engine == "wu" else None
    if wu is not None:
        said = {str(c): sentence(c) for c in problem.clauses}
        for t in wu.triangular_set:
            t["from"] = said.get(str(t.get("from")), t.get("from"))
        for d in wu.ndg:
            d["statement"] = words(str(d.get("statement", "")), known)
    return wu


def _steps(
    doc: Document, records: list[dict[str, Any]], known: set[str], coords: Mapping[str, Sequence[float]]
) -> None:
    """Hypotheses stated once (not as steps); every derived fact a numbered step."""
    facts: dict[int, Fact] = {}
    number: dict[int, int] = {}
    texts: dict[int, str] = {}
    lines = Lines()
    drawn: list[tuple[str, str, str]] | None = None
    for rec in records:
        ref, raw = int(rec["ref"]), str(rec["fact"])
        pred = parse_fact(raw, known)
        eqs = _equations(rec)
        texts[ref] = fact_text(raw, pred, known)
        given = rec["rule"] in ("premise", GIVEN)
        label = GIVEN if given else str(len(number) + 1)
        facts[ref] = Fact(label, pred, eqs, choice=rec["rule"] == "figure_half", text=texts[ref])
        if pred is not None and pred.name in ("coll", "midp"):
            lines.add(pred.args)
        if given:
            continue
        number[ref] = len(number) + 1
        cited = [int(r) for r in rec.get("from", [])]
        step = Step(
            number=number[ref],
            statement=texts[ref],
            raw=raw,
            rule=str(rec["rule"]),
            reason=_reason(str(rec["rule"])),
            cites=[number[r] for r in cited if r in number],
            given=[texts[r] for r in cited if r not in number and r in texts],
            objects=objects_of(pred, eqs),
            figure_choice=rec["rule"] == "figure_half",
        )
        if step.figure_choice and eqs and " = " in raw:
            step.statement = _choice_text(eqs[0], raw, lines)
        if step.rule in CHASES and pred is not None:
            cites = [facts[r] for r in cited if r in facts]
            found = chain(pred, cites, Lines(lines.sets), coords)
            if found is None:  # the engine's lines may merge collinear points no cited fact names
                drawn = drawn if drawn is not None else drawn_lines(coords)
                found = chain(pred, cites, Lines([*lines.sets, *drawn]), coords)
            if found is not None:
                step.chain = chain_text(*found)
        doc.steps.append(step)


def drawn_lines(coords: Mapping[str, Sequence[float]]) -> list[tuple[str, str, str]]:
    """Triples of points collinear in the figure (relative to its size)."""
    pts = list(coords)
    if len(pts) < 3:
        return []
    xs = [float(coords[p][0]) for p in pts]
    ys = [float(coords[p][1]) for p in pts]
    size = max(max(xs) - min(xs), max(ys) - min(ys), 1e-12)
    out = []
    for i, a in enumerate(pts):
        for j in range(i + 1, len(pts)):
            for k in range(j + 1, len(pts)):
                b, c = pts[j], pts[k]
                (x1, y1), (x2, y2), (x3, y3) = coords[a][:2], coords[b][:2], coords[c][:2]
                if abs((x2 - x1) * (y3 - y1) - (y2 - y1) * (x3 - x1)) < 1e-9 * size * size:
                    out.append((a, b, c))
    return out


def _choice_text(eq: Equation, raw: str, lines: Lines) -> str:
    """A figure choice as a sum of angles, with its "not …, as drawn" tail."""
    form: dict = {}
    for k, a, b in eq.terms:
        line = lines.of(a, b)
        form[line] = form.get(line, Fraction(0)) + k
    lhs = angle_text({v: k for v, k in form.items() if k}, Fraction(0), [p for _, a, b in eq.terms for p in (a, b)])
    return f"{lhs} = {raw.split(' = ', 1)[1]}" if lhs else raw
