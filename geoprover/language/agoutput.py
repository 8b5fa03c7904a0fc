"""AlphaGeometry's outputs as auxiliary constructions: its language model's constrained form and
the auxiliary section of its solution file, turned into clauses of the problem language.

The model writes a new point by the facts it must satisfy, e.g. ``x00 e : C a c e 02 C b d e 03 ;``:
predicate letters (C coll, D cong, P para, T perp, ^ eqangle, O cyclic), their points, and
two-digit fact references, which are dropped. Each fact is turned into the construction that
states it for the new point, as AlphaGeometry's ``translate_constrained_to_constructive`` does
(C → on_line, T → on_tline or on_dia, D → on_circle, on_bline or eqdistance, ...). A solution
file (``--out_file``) lists the chosen points under "* Auxiliary Constructions:" with their facts
in words ("E,A,C are collinear [05]"); those are read back into the same letters.
"""

from __future__ import annotations

import re

from ..errors import ParseError

LETTERS = {"C": "coll", "D": "cong", "P": "para", "T": "perp", "^": "eqangle", "O": "cyclic"}
CONSTRAINED = re.compile(r"(?:^|;)\s*(?:x00\s+)?[a-z][a-z0-9_']*\s*:\s")  # the problem language has no ":"

SOLUTION = "* Auxiliary Constructions:"

Fact = tuple[str, list[str]]


def is_constrained(text: str) -> bool:
    """Whether ``text`` is in the model's constrained form (rather than the problem language)."""
    return bool(CONSTRAINED.search(text.strip()))


def is_solution(text: str) -> bool:
    return SOLUTION in text


def auxiliary_text(text: str) -> str:
    """Clauses of the problem language from any of the three forms (the third: clauses already)."""
    if is_solution(text):
        return solution_to_clauses(text)
    if is_constrained(text):
        return constrained_to_clauses(text)
    return text


def constrained_to_clauses(text: str) -> str:
    """``x00 e : C a c e 02 C b d e 03 ; x00 f : ...`` → ``e = on_line e a c, on_line e b d; f = ...``."""
    clauses = []
    for part in filter(None, (p.strip() for p in text.strip().split(";"))):
        head, colon, body = part.partition(":")
        tokens = head.split()
        if tokens and tokens[0] == "x00":
            tokens = tokens[1:]
        if not colon or len(tokens) != 1:
            raise ParseError(f"auxiliary point '{part}': expected 'x00 p : LETTER points ... ;'")
        point = tokens[0]
        facts: list[Fact] = []
        for tok in body.split():
            if tok.isdigit():
                continue  # a fact reference
            if tok in LETTERS:
                facts.append((tok, []))
            elif facts:
                facts[-1][1].append(tok)
            else:
                raise ParseError(f"auxiliary point '{point}': '{tok}' is not a predicate letter (C D P T ^ O)")
        clauses.append(_clause(point, facts, part))
    if not clauses:
        raise ParseError("no auxiliary point in the constrained form")
    return "; ".join(clauses)


def _clause(point: str, facts: list[Fact], where: str) -> str:
    if not 1 <= len(facts) <= 2:
        raise ParseError(f"auxiliary point '{point}' ({where}): one or two facts are needed, got {len(facts)}")
    return f"{point} = " + ", ".join(constructive(point, letter, args) for letter, args in facts)


def constructive(point: str, letter: str, args: list[str]) -> str:
    """The construction of ``point`` stating fact ``letter args`` (one of C D P T ^ O)."""
    where = f"auxiliary point '{point}': '{letter} {' '.join(args)}'"
    want = {"C": 3, "D": 4, "P": 4, "T": 4, "O": 4}
    if letter in want and len(args) != want[letter] or letter == "^" and len(args) not in (6, 8):
        raise ParseError(f"{where} has the wrong number of points")
    if point not in args:
        raise ParseError(f"{where} does not name the point")
    if letter == "C":
        others = [a for a in args if a != point]
        return f"on_line {point} {others[0]} {others[1]}"
    if letter == "O":
        others = [a for a in args if a != point]
        return f"on_circum {point} {' '.join(others[:3])}"
    a, b, c, d = args[:4]
    if letter in "TPD":
        if point in (c, d):
            a, b, c, d = c, d, a, b
        if point == b:
            a, b = b, a
        if letter != "P" and point == d:
            c, d = d, c
        if letter == "T":
            return f"on_dia {a} {b} {d}" if a == c == point else f"on_tline {a} {b} {c} {d}"
        if letter == "P":
            return f"on_pline {a} {b} {c} {d}"
        if a == c == point:
            return f"on_bline {a} {b} {d}"
        if b in (c, d):
            return f"on_circle {a} {b} {d if b == c else c}"
        return f"eqdistance {a} {b} {c} {d}"
    return _eqangle(point, args, where)


def _three_point(l1: list[str], l2: list[str]) -> list[str] | None:
    """Lines va, vc as the angle ``a v c``, when they share one point v."""
    common = set(l1) & set(l2)
    if len(common) != 1 or len(set(l1)) < 2 or len(set(l2)) < 2:
        return None
    (v,) = common
    return [l1[1] if l1[0] == v else l1[0], v, l2[1] if l2[0] == v else l2[0]]


def _eqangle(point: str, args: list[str], where: str) -> str:
    if len(args) == 8:  # full angles ∠(l1, l2) = ∠(l3, l4): as angles at a vertex when they are
        left, right = _three_point(args[0:2], args[2:4]), _three_point(args[4:6], args[6:8])
        if left is not None and right is not None:
            args = left + right
    if len(args) == 6:  # ∠abc = ∠def, the angles at b and e
        a, b, c, d, e, f = args
        if point in (d, e, f):
            a, b, c, d, e, f = d, e, f, a, b, c
        x, b, y, c, d = b, c, e, d, f
        if point == b:
            a, b, c, d = b, a, d, c
        if point == d and x == y:
            return f"angle_bisector {point} {b} {x} {c}"
        if point == x:
            return f"eqangle3 {x} {a} {b} {y} {c} {d}"
        if [a, x, b, c, y, d].count(point) > 1:
            raise ParseError(f"{where} names the point twice")
        return f"on_aline {a} {x} {b} {c} {y} {d}"
    lines = [args[0:2], args[2:4], args[4:6], args[6:8]]  # ∠(l1, l2) = ∠(l3, l4) of full angles
    if sum(point in line for line in lines) != 1:
        raise ParseError(f"{where} names the point in more than one line")
    k = next(i for i, line in enumerate(lines) if point in line)
    # the same equation with the point's line last: l2-l1 = l4-l3 ⇔ l1-l2 = l3-l4 ⇔ ...
    order = {0: (3, 2, 1, 0), 1: (2, 3, 0, 1), 2: (1, 0, 3, 2), 3: (0, 1, 2, 3)}[k]
    l1, l2, l3, l4 = (lines[i] for i in order)
    g = l4[1] if l4[0] == point else l4[0]
    return f"on_aline0 {point} {' '.join(l1 + l2 + l3)} {g}"


# ---- the solution file ------------------------------------------------------------------------
NAME = r"[A-Z](?:_\d+)?"


def _names(text: str) -> list[str]:
    return [n.replace("_", "").lower() for n in re.findall(NAME, text)]


def _statement(text: str) -> tuple[str, list[str]] | None:
    """A fact in AlphaGeometry's words → (letter or construction, points), or None if unknown."""
    text = re.sub(r"\s*\[\d+\]\s*$", "", text.strip())
    patterns = [
        (r"(.+) are collinear", "C"),
        (r"(.+) are concyclic", "O"),
        (r"(\S+) \u27c2 (\S+)", "T"),
        (r"(\S+) \u2225 (\S+)", "P"),
        (r"(\S+) is midpoint of (\S+)", "midpoint"),
        (r"(\S+) is the circumcenter of \\?\\Delta (\S+)", "circle"),
        (r"(\S+) is the foot of (\S+) on (\S+)", "foot"),
        (r"(\u2220\S+) = (\u2220\S+)", "^"),
        (r"([A-Z_0-9]+) = ([A-Z_0-9]+)", "D"),
    ]
    for pattern, kind in patterns:
        m = re.fullmatch(pattern, text)
        if m is None:
            continue
        if kind == "^":
            return kind, _angle(m.group(1)) + _angle(m.group(2))
        names = _names(" ".join(m.groups()))
        if kind == "D" and len(names) != 4:
            return None
        return kind, names
    return None


def _angle(text: str) -> list[str]:
    """``∠ABC`` → lines BA, BC; ``∠(AB-CD)`` → lines AB, CD."""
    pts = _names(text)
    if text.startswith("\u2220(") and len(pts) == 4:
        return pts
    if len(pts) == 3:
        a, b, c = pts
        return [b, a, b, c]
    raise ParseError(f"cannot read the angle '{text}'")


def solution_to_clauses(text: str) -> str:
    """The "* Auxiliary Constructions:" section of an AlphaGeometry solution file as clauses."""
    section = text.split(SOLUTION, 1)[1].split("* Proof steps:", 1)[0]
    lines = [ln.strip() for ln in section.strip().splitlines() if ln.strip()]
    if not lines or not lines[0].endswith(": Points"):
        raise ParseError("the solution's auxiliary constructions have no 'Points' line")
    points = [t.lower() for t in lines[0].removesuffix(": Points").split()]  # "G1", where facts say "G_1"
    if not points:
        return ""
    facts = []
    for ln in lines[1:]:
        if ln.startswith("="):
            break
        fact = _statement(ln)
        if fact is None:
            raise ParseError(f"cannot read the auxiliary fact '{ln}'")
        facts.append(fact)
    clauses, done = [], set()
    for p in points:
        later = set(points) - done - {p}
        mine = [f for f in facts if p in f[1] and not later & set(f[1])]
        if not mine:
            raise ParseError(f"the solution states no fact of its auxiliary point '{p}'")
        parts = []
        for kind, args in mine[:2]:
            if kind in ("midpoint", "circle", "foot"):
                if args[0] != p:
                    raise ParseError(f"cannot build '{p}' from '{kind} {' '.join(args)}'")
                parts = [f"{kind} {' '.join(args)}"]
                break
            parts.append(constructive(p, kind, args))
        clauses.append(f"{p} = " + ", ".join(parts))
        done.add(p)
    return "; ".join(clauses)
