"""What an angle or ratio chase adds up: ∠PBO = ∠PBC + ∠CBO = … = ∠DBA, each "=" citing a fact.

A chase step lists the facts it combines; the reader wants the sum. Each fact is written as linear
equations (directions of lines mod 180°, or logarithms of lengths), the coefficients taking the cited
facts to the conclusion are solved for exactly, and the conclusion's left side is rewritten one fact
at a time into its right side. Lines are the point sets the proof knows to be collinear. When the
facts do not add up this way (a distance chase, a fact stated otherwise), there is no chain and the
step is shown by its cited facts alone.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ..catalogue.predicates import CONGRUENT, TRIANGLE_PAIRS
from ..model import Predicate
from .notation import degrees, points

Form = dict  # variable → coefficient: a line (frozenset of points) or a segment (frozenset of two)
HALF = Fraction(1, 2)
MAX_TERMS = 4  # an intermediate expression longer than this makes the chain unreadable: no chain


@dataclass(frozen=True)
class Equation:
    """Σ k·var = const: ``system`` "angle" (directions, const in units of 180°) or "ratio"
    (log-lengths, const a ratio as log-primes {prime: exponent})."""

    system: str
    terms: tuple[tuple[Fraction, str, str], ...]
    const: Fraction = Fraction(0)
    primes: tuple[tuple[int, Fraction], ...] = ()


@dataclass
class Fact:
    """A fact of a proof as the chase reads it: a predicate, or the equations it states."""

    label: str  # how a chain cites it: "4", or "given"
    pred: Predicate | None = None
    equations: list[Equation] = field(default_factory=list)
    choice: bool = False  # a figure-read choice: the chase uses it whole, not its premises doubled
    text: str = ""  # the fact in notation (a long chase's sum names hypotheses by it)


class Lines:
    """Lines as point sets: the collinearities a proof states, merged."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self.sets: list[frozenset[str]] = []
        for g in groups:
            self.add(g)

    def add(self, pts: Iterable[str]) -> None:
        new = frozenset(pts)
        if len(new) < 2:
            return
        keep = []
        for s in self.sets:
            if len(s & new) >= 2:
                new |= s
            else:
                keep.append(s)
        self.sets = [*keep, new]

    def of(self, a: str, b: str) -> frozenset[str]:
        for s in self.sets:
            if a in s and b in s:
                return s
        return frozenset((a, b))


def _add(form: Form, var: object, k: Fraction) -> None:
    form[var] = form.get(var, Fraction(0)) + k
    if form[var] == 0:
        del form[var]


def _angle(lines: Lines, a: str, b: str, c: str, d: str) -> Form:
    """∠(ab → cd) = dir(cd) − dir(ab)."""
    out: Form = {}
    _add(out, lines.of(c, d), Fraction(1))
    _add(out, lines.of(a, b), Fraction(-1))
    return out


def _seg(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def _sum(*parts: tuple[Fraction | int, Form]) -> Form:
    out: Form = {}
    for k, f in parts:
        for v, c in f.items():
            _add(out, v, Fraction(k) * c)
    return out


def _log_primes(value: Fraction) -> dict[int, Fraction]:
    out: dict[int, Fraction] = {}
    for n, sign in ((value.numerator, 1), (value.denominator, -1)):
        p = 2
        while p * p <= n:
            while n % p == 0:
                out[p] = out.get(p, Fraction(0)) + sign
                n //= p
            p += 1
        if n > 1:
            out[n] = out.get(n, Fraction(0)) + sign
    return {p: k for p, k in out.items() if k}


@dataclass
class Row:
    """One equation of a fact: form = const (angles mod 1, ratios as log-primes)."""

    label: str
    form: Form
    const: Fraction | dict[int, Fraction]
    choice: bool = False
    text: str = ""


def orientation(coords: Mapping[str, Sequence[float]], a: str, b: str, c: str) -> int:
    pa, pb, pc = coords[a], coords[b], coords[c]
    cr = (pb[0] - pa[0]) * (pc[1] - pa[1]) - (pb[1] - pa[1]) * (pc[0] - pa[0])
    return 1 if cr > 0 else -1


def rows(fact: Fact, system: str, lines: Lines, coords: Mapping[str, Sequence[float]]) -> list[Row]:
    """The equations a fact states in one system."""
    out: list[Row] = []
    lab = fact.label if fact.label != "given" or not fact.text else f"given: {fact.text}"
    for eq in fact.equations:
        if eq.system != system:
            continue
        form: Form = {}
        for k, a, b in eq.terms:
            _add(form, lines.of(a, b) if system == "angle" else _seg(a, b), k)
        out.append(Row(lab, form, eq.const % 1 if system == "angle" else dict(eq.primes), fact.choice))
    p = fact.pred
    if p is None:
        return out
    n, a = p.name, p.args
    if system == "angle":
        if n == "para":
            out.append(Row(lab, _angle(lines, *a), Fraction(0)))
        elif n == "perp":
            out.append(Row(lab, _angle(lines, *a), HALF))
        elif n == "aconst" and p.value is not None:
            out.append(Row(lab, _angle(lines, *a), p.value % 1))
        elif n == "eqangle":
            out.append(Row(lab, _sum((1, _angle(lines, *a[:4])), (-1, _angle(lines, *a[4:]))), Fraction(0)))
        elif n in TRIANGLE_PAIRS and all(x in coords for x in a):
            x, y, z, u, v, w = a
            s = 1 if orientation(coords, x, y, z) == orientation(coords, u, v, w) else -1
            for (p1, p2, p3), (q1, q2, q3) in (((x, y, z), (u, v, w)), ((y, z, x), (v, w, u)), ((z, x, y), (w, u, v))):
                form = _sum((1, _angle(lines, p2, p1, p2, p3)), (-s, _angle(lines, q2, q1, q2, q3)))
                out.append(Row(lab, form, Fraction(0)))
        return out
    one = Fraction(1)
    if n == "cong":
        out.append(Row(lab, _sum((1, {_seg(*a[:2]): one}), (-1, {_seg(*a[2:]): one})), {}))
    elif n == "rconst" and p.value is not None and p.value > 0:
        out.append(Row(lab, _sum((1, {_seg(*a[:2]): one}), (-1, {_seg(*a[2:]): one})), _log_primes(p.value)))
    elif n == "eqratio":
        parts = [{_seg(*a[i : i + 2]): one} for i in range(0, 8, 2)]
        out.append(Row(lab, _sum((1, parts[0]), (-1, parts[1]), (-1, parts[2]), (1, parts[3])), {}))
    elif n == "midp":
        m, x, y = a
        out.append(Row(lab, _sum((1, {_seg(m, x): one}), (-1, {_seg(m, y): one})), {}))
        out.append(Row(lab, _sum((1, {_seg(m, x): one}), (-1, {_seg(x, y): one})), {2: Fraction(-1)}))
    elif n == "circle":
        o, *pts = a
        for q in pts[1:]:
            out.append(Row(lab, _sum((1, {_seg(o, pts[0]): one}), (-1, {_seg(o, q): one})), {}))
    elif n in TRIANGLE_PAIRS:
        x, y, z, u, v, w = a

        def r(p1: str, p2: str, p3: str, p4: str) -> Form:
            return _sum((1, {_seg(p1, p2): one}), (-1, {_seg(p3, p4): one}))

        out.append(Row(lab, _sum((1, r(x, y, y, z)), (-1, r(u, v, v, w))), {}))
        out.append(Row(lab, _sum((1, r(y, z, z, x)), (-1, r(v, w, w, u))), {}))
        if n in CONGRUENT:
            out.append(Row(lab, r(x, y, u, v), {}))
    return out


def sides(pred: Predicate, lines: Lines) -> tuple[str, Form, Form, Fraction | dict[int, Fraction]] | None:
    """A conclusion as (system, left side, right side, constant of the right side), or None."""
    n, a = pred.name, pred.args
    one = Fraction(1)
    if n == "eqangle":
        return "angle", _angle(lines, *a[:4]), _angle(lines, *a[4:]), Fraction(0)
    if n in ("para", "perp"):
        return "angle", _angle(lines, *a), {}, Fraction(0) if n == "para" else HALF
    if n == "aconst" and pred.value is not None:
        return "angle", _angle(lines, *a), {}, pred.value % 1
    if n == "cong":
        return "ratio", {_seg(*a[:2]): one}, {_seg(*a[2:]): one}, {}
    if n == "rconst" and pred.value is not None and pred.value > 0:
        return "ratio", {_seg(*a[:2]): one}, {_seg(*a[2:]): one}, _log_primes(pred.value)
    if n == "eqratio":
        left = _sum((1, {_seg(*a[:2]): one}), (-1, {_seg(*a[2:4]): one}))
        right = _sum((1, {_seg(*a[4:6]): one}), (-1, {_seg(*a[6:]): one}))
        return "ratio", left, right, {}
    return None


def solve(target: Form, available: list[Row]) -> tuple[list[Fraction], list[list[Fraction]]] | None:
    """Σ c·row.form = target by exact Gaussian elimination: one solution c and a basis of the
    combinations adding up to nothing (the other solutions), or None."""
    variables = sorted({v for r in available for v in r.form} | set(target), key=repr)
    n = len(available)
    matrix = [[r.form.get(v, Fraction(0)) for r in available] + [target.get(v, Fraction(0))] for v in variables]
    pivots: list[int] = []
    row = 0
    for col in range(n):
        pick = next((i for i in range(row, len(matrix)) if matrix[i][col] != 0), None)
        if pick is None:
            continue
        matrix[row], matrix[pick] = matrix[pick], matrix[row]
        lead = matrix[row][col]
        matrix[row] = [x / lead for x in matrix[row]]
        for i in range(len(matrix)):
            if i != row and matrix[i][col] != 0:
                f = matrix[i][col]
                matrix[i] = [x - f * y for x, y in zip(matrix[i], matrix[row])]
        pivots.append(col)
        row += 1
    if any(all(x == 0 for x in m[:n]) and m[n] != 0 for m in matrix):
        return None
    coef = [Fraction(0)] * n
    for i, col in enumerate(pivots):
        coef[col] = matrix[i][n]
    basis = []
    for free in (c for c in range(n) if c not in pivots):
        v = [Fraction(0)] * n
        v[free] = Fraction(1)
        for i, col in enumerate(pivots):
            v[col] = -matrix[i][free]
        basis.append(v)
    return coef, basis


ORDERS = 40  # orders of the cited facts tried for a whole-number combination
SEARCH = 4  # how far along each other solution the whole-number search looks (in steps of 1/den)


def _whole(coef: list[Fraction], basis: list[list[Fraction]]) -> list[Fraction] | None:
    """A solution in whole numbers among coef + Σ t·basis (t on a small grid), the smallest first."""
    if all(c.denominator == 1 for c in coef):
        return coef
    if not basis or len(basis) > 3:
        return None
    den = 1
    for x in [*coef, *(v for b in basis for v in b)]:
        den = den * x.denominator // math.gcd(den, x.denominator)
    if den > 12:
        return None
    grid = [Fraction(k, den) for k in range(-SEARCH * den, SEARCH * den + 1)]
    best: list[Fraction] | None = None

    def walk(i: int, current: list[Fraction]) -> None:
        nonlocal best
        if i == len(basis):
            if all(c.denominator == 1 for c in current):
                key = (sum(1 for c in current if c), sum(abs(c) for c in current))
                if best is None or key < (sum(1 for c in best if c), sum(abs(c) for c in best)):
                    best = list(current)
            return
        for t in grid:
            walk(i + 1, [c + t * b for c, b in zip(current, basis[i])])

    walk(0, coef)
    return best


def combination(target: Form, available: list[Row], whole: bool) -> list[tuple[Fraction, Row]] | None:
    """The cited rows with their coefficients (``whole``: whole numbers only, as mod 180° nothing
    may be halved but by a figure-read choice), or None."""
    found = solve(target, available)
    if found is None:
        return None
    coef = _whole(*found) if whole else found[0]
    if coef is not None:
        return [(c, r) for c, r in zip(coef, available) if c != 0]
    # other bases: the engine's own combination is usually a basic one in some order of the facts
    shuffle = random.Random(len(available))
    for _ in range(ORDERS):
        order = list(available)
        shuffle.shuffle(order)
        again = solve(target, order)
        if again is not None and all(c.denominator == 1 for c in again[0]):
            return [(c, r) for c, r in zip(again[0], order) if c != 0]
    return None


# ----- writing expressions ------------------------------------------------------------------------
def _pick(line: frozenset[str], avoid: str | None, prefer: Sequence[str]) -> str:
    for p in prefer:
        if p in line and p != avoid:
            return p
    return sorted(q for q in line if q != avoid)[0]


def angle_name(l1: frozenset[str], l2: frozenset[str], prefer: Sequence[str]) -> str:
    """∠XPY for lines meeting at a named point P, else ∠(AB, CD)."""
    common = [p for p in prefer if p in l1 and p in l2] or sorted(l1 & l2)
    if common:
        p = common[0]
        return f"∠{points(_pick(l1, p, prefer), p, _pick(l2, p, prefer))}"
    a = _pick(l1, None, prefer)
    c = _pick(l2, None, prefer)
    return f"∠({points(a, _pick(l1, a, prefer))}, {points(c, _pick(l2, c, prefer))})"


def _coef(k: Fraction, first: bool) -> str:
    sign = "" if first else " + "
    if k < 0:
        sign = "−" if first else " − "
        k = -k
    return sign + ("" if k == 1 else f"{k}·" if k.denominator != 1 else f"{k}")


def angle_terms(
    form: Form, prefer: Sequence[str], familiar: frozenset[tuple[object, object]] = frozenset()
) -> list[tuple[Fraction, str]]:
    """A zero-sum combination of directions as a sum of angles: angles the facts name first
    (``familiar``: (from line, to line) pairs), then lines meeting at a named point."""
    left = dict(form)
    out: dict[str, Fraction] = {}
    while left:
        pos = [v for v, k in left.items() if k > 0]
        neg = [v for v, k in left.items() if k < 0]
        if not pos or not neg:
            return []
        pairs = [(a, b) for a in neg for b in pos]
        a, b = max(pairs, key=lambda ab: ((ab[0], ab[1]) in familiar, bool(ab[0] & ab[1])))
        m = min(-left[a], left[b])
        name = angle_name(a, b, prefer)
        out[name] = out.get(name, Fraction(0)) + m
        _add(left, a, m)
        _add(left, b, -m)
    return [(k, n) for n, k in out.items() if k]


def angle_text(
    form: Form, const: Fraction, prefer: Sequence[str], familiar: frozenset[tuple[object, object]] = frozenset()
) -> str:
    terms = angle_terms(form, prefer, familiar)
    if form and not terms:
        return ""
    text = "".join(_coef(k, i == 0) + name for i, (k, name) in enumerate(terms))
    c = (const % 1) * 180
    if c:
        text = f"{text} + {degrees(c)}" if text else degrees(c)
    return text or "0°"


def _seg_name(v: object) -> str:
    if isinstance(v, frozenset):
        return points(*sorted(v))
    return str(v)


def ratio_text(form: Form, const: dict[int, Fraction], prefer: Sequence[str]) -> str:
    """A product of lengths: CP·OA/OC, a constant factor first."""

    def name(v: object) -> str:
        if isinstance(v, frozenset) and len(v) == 2:
            a, b = sorted(v, key=lambda p: (prefer.index(p) if p in prefer else len(prefer), p))
            return points(a, b)
        return _seg_name(v)

    def power(v: object, k: Fraction) -> str:
        return name(v) if k == 1 else f"{name(v)}^{k}"

    num = [power(v, k) for v, k in form.items() if k > 0]
    den = [power(v, -k) for v, k in form.items() if k < 0]
    value = Fraction(1)
    for p, k in const.items():
        if k.denominator != 1:
            return ""
        value *= Fraction(p) ** int(k)
    text = "·".join(num) or "1"
    if den:
        text += "/" + (den[0] if len(den) == 1 else "(" + "·".join(den) + ")")
    if value != 1:
        text = f"{value}·{text}"
    return text


@dataclass(frozen=True)
class Link:
    """One "=" of a chain: the expression reached and the facts used to reach it."""

    expression: str
    cites: tuple[str, ...]


def chain(
    conclusion: Predicate,
    facts: list[Fact],
    lines: Lines,
    coords: Mapping[str, Sequence[float]],
) -> tuple[str, list[Link]] | None:
    """The conclusion's left side rewritten fact by fact into its right side, or None."""
    for f in facts:
        if f.pred is not None and f.pred.name in ("coll", "midp"):
            lines.add(f.pred.args)
    shape = sides(conclusion, lines)
    if shape is None:
        return None
    system, left, right, rconst = shape
    available = [r for f in facts for r in rows(f, system, lines, coords)]
    target = _sum((1, left), (-1, right))
    if not target and system == "angle" and rconst == 0:  # one angle: its lines are the same lines
        same = tuple(
            f.label if f.label != "given" or not f.text else f"given: {f.text}"
            for f in facts
            if f.pred is not None and f.pred.name in ("coll", "midp")
        )
        if same:
            prefer = list(dict.fromkeys(conclusion.args))
            return angle_text(left, Fraction(0), prefer), [Link(angle_text(right, Fraction(0), prefer[4:]), same)]
    if not available:
        return None
    used = combination(target, available, whole=system == "angle")
    if used is None:
        return None
    if system == "angle":
        total = sum((c * r.const for c, r in used), Fraction(0))  # type: ignore[operator]
        if (total - rconst) % 1 != 0:  # type: ignore[operator]
            return None
    else:
        total_p: dict[int, Fraction] = {}
        for c, r in used:
            for p, k in r.const.items():  # type: ignore[union-attr]
                total_p[p] = total_p.get(p, Fraction(0)) + c * k
        if {p: k for p, k in total_p.items() if k} != {p: k for p, k in rconst.items() if k}:  # type: ignore[union-attr]
            return None
    prefer = list(dict.fromkeys(conclusion.args))
    for f in facts:
        if f.pred is not None:
            prefer += [p for p in f.pred.args if p not in prefer]

    familiar = frozenset(_named_angles([conclusion, *(f.pred for f in facts if f.pred is not None)], lines))

    def show(form: Form, const: object) -> str:
        if system == "angle":
            return angle_text(form, const, prefer, familiar)  # type: ignore[arg-type]
        return ratio_text(form, const, prefer)  # type: ignore[arg-type]

    # rewrite greedily: the next fact is the one leaving the shortest expression
    current: Form = dict(left)
    const: object = Fraction(0) if system == "angle" else {}
    links: list[Link] = []
    todo = list(used)
    start = show(current, const)
    if not start:
        return None
    while todo:
        best = None
        for i, (c, r) in enumerate(todo):
            trial = _sum((1, current), (-c, r.form))
            score = (len(angle_terms(trial, prefer, familiar)) if system == "angle" else len(trial), len(trial))
            if best is None or score < best[0]:
                best = (score, i, trial)
        assert best is not None
        _, i, current = best
        c, r = todo.pop(i)
        if system == "angle":
            const = const + c * r.const  # type: ignore[operator]
        else:
            merged = dict(const)  # type: ignore[call-overload]
            for p, k in r.const.items():  # type: ignore[union-attr]
                merged[p] = merged.get(p, Fraction(0)) + c * k
            const = {p: k for p, k in merged.items() if k}
        text = show(current, const)
        if not text or len(current) > MAX_TERMS + 1:
            return start, [Link(show(right, rconst) or "", tuple(_sum_text(used)))]
        if links and links[-1].expression == text:
            links[-1] = Link(text, links[-1].cites + (r.label,))
        elif text == start and not links:
            continue
        else:
            links.append(Link(text, (r.label,)))
    return start, _merge_cites(links)


def _named_angles(preds: list[Predicate], lines: Lines) -> list[tuple[object, object]]:
    """The angles (from line, to line) that facts write, both ways round."""
    out: list[tuple[object, object]] = []
    for p in preds:
        a = p.args
        quads = [a[:4], a[4:]] if p.name == "eqangle" else [a[:4]] if p.name in ("para", "perp", "aconst") else []
        for q in quads:
            l1, l2 = lines.of(q[0], q[1]), lines.of(q[2], q[3])
            out += [(l1, l2), (l2, l1)]
    return out


def _sum_text(used: list[tuple[Fraction, Row]]) -> list[str]:
    """The coefficients of a long chase: "[3] − [4] + 2·[9]" reads as one citation list."""
    total: dict[str, Fraction] = {}
    for c, r in used:
        total[r.label] = total.get(r.label, Fraction(0)) + c
    out = ""
    for label, k in ((lab, k) for lab, k in total.items() if k):
        shown = f"({label.removeprefix('given: ')})"
        mag = "" if abs(k) == 1 else f"{abs(k)}·"
        out += ("−" if k < 0 else "") + mag + shown if not out else (" − " if k < 0 else " + ") + mag + shown
    return ["adding " + out]


def _merge_cites(links: list[Link]) -> list[Link]:
    out: list[Link] = []
    for link in links:
        cites = tuple(dict.fromkeys(link.cites))
        out.append(Link(link.expression, cites))
    return out


def chain_text(start: str, links: list[Link], cite: str = "[{}]") -> str:
    """∠A = ∠B [4] = ∠C [5, 7]: the chain in one line."""
    parts = [start]
    for link in links:
        parts.append(f"= {link.expression} {cite.format(', '.join(link.cites))}")
    return " ".join(parts)
