"""Trace back from the goal: keep only the facts it needs, number them, and print them."""
from __future__ import annotations

from fractions import Fraction

from .database import Database, Node
from ..model import Predicate
from ..numeric.checks import goal_holds
from ..numeric.degeneracy import needs, words


GOAL_STEP = {"para": "angle_chase", "perp": "angle_chase", "eqangle": "angle_chase", "aconst": "angle_chase",
             "cong": "ratio_chase", "eqratio": "ratio_chase", "rconst": "ratio_chase", "coll": "line",
             "cyclic": "circle_merge", "midp": "goal_midp", "circle": "goal_circle", "simtri": "goal_simtri",
             "contri": "goal_contri"}


def _restates(node: Node, goal_text: str) -> bool:
    """The node states the goal, its points perhaps listed in another order."""
    if node.text == goal_text:
        return True
    name, *args = goal_text.split()
    if node.pred is None or node.pred.name != name:
        return False
    if name in ("coll", "cyclic"):
        return set(node.pred.args) == set(args)
    if name in ("para", "perp", "cong"):
        pairs = lambda a: frozenset((frozenset(a[:2]), frozenset(a[2:4])))
        return pairs(node.pred.args) == pairs(args)
    return False


def needed(goal_nodes: list[Node]) -> list[Node]:
    """Every node the goal rests on, premises before conclusions (by age where the order is free:
    the global pruning can make a step cite a fact learnt after it)."""
    import heapq
    seen: dict[int, Node] = {}
    stack = list(goal_nodes)
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen[id(n)] = n
        stack.extend(n.premises)
    waiting = {k: len({id(p) for p in n.premises}) for k, n in seen.items()}
    users: dict[int, list[Node]] = {}
    for n in seen.values():
        for k in {id(p) for p in n.premises}:
            users.setdefault(k, []).append(n)
    ready = [(n.ident, k) for k, n in seen.items() if waiting[k] == 0]
    heapq.heapify(ready)
    out = []
    while ready:
        _, k = heapq.heappop(ready)
        out.append(seen[k])
        for u in users.get(k, ()):
            waiting[id(u)] -= 1
            if waiting[id(u)] == 0:
                heapq.heappush(ready, (u.ident, id(u)))
    return out


def render(db: Database, goal_text: str, goal_nodes: list[Node]) -> tuple[list[str], list[dict]]:
    """Numbered proof lines (premises first) and the same as JSON-able records."""
    goal_nodes = list(dict.fromkeys(goal_nodes))
    nodes = needed(goal_nodes)
    given = [n for n in nodes if n.rule == "given"]
    derived = [n for n in nodes if n.rule != "given"]
    number: dict[int, int] = {}
    lines, records = [], []
    for n in given:
        number[n.ident] = len(number) + 1
        lines.append(f"{number[n.ident]}. {n.text}  [premise]")
        records.append({"ref": number[n.ident], "fact": n.text, "rule": "premise", "from": []})
    for n in derived:
        number[n.ident] = len(number) + 1
        refs = [number[p.ident] for p in n.premises]
        lhs = " & ".join(f"{p.text} [{number[p.ident]}]" for p in n.premises)
        words = db.words(n.rule)
        lines.append(f"{number[n.ident]}. {lhs} ⇒ {n.text}  ({words})" if lhs
                     else f"{number[n.ident]}. {n.text}  ({words})")
        records.append({"ref": number[n.ident], "fact": n.text, "rule": n.rule, "from": refs})
    # the goal itself, when it needed a final chase over several facts
    if len(goal_nodes) != 1 or not _restates(goal_nodes[0], goal_text):
        refs = [number[g.ident] for g in goal_nodes]
        lhs = " & ".join(f"{g.text} [{number[g.ident]}]" for g in goal_nodes)
        kind = goal_text.split()[0] if goal_text else ""
        rule = GOAL_STEP.get(kind, "goal")
        lines.append(f"{len(number) + 1}. {lhs} ⇒ {goal_text}  ({db.words(rule)})")
        records.append({"ref": len(number) + 1, "fact": goal_text, "rule": rule, "from": refs})
    return lines, records


CHASES = ("angle_chase", "ratio_chase", "distance_chase")


def _mini(db: Database, facts, figures) -> Database:
    """A fresh database holding the cited figure-read choices ``figures`` (as the equations they
    state) and ``facts`` in the order they were learnt. It may halve rows itself, but each such
    halving is a mark in the provenance that ``_valid`` rejects unless used only as a multiple."""
    from .engine import separate
    mini = Database(db.coords, db.scale)
    separate(mini)
    mini.strict = False
    # the choices first, so that rows they settle are never halved again by the fresh database
    by_age = lambda ns: sorted(ns, key=lambda n: n.ident)
    for p in by_age(figures) + by_age(facts):
        if p.rule == "figure_half":
            mini.add_equations(Node(p.ident, p.text, "cited_choice", equations=p.reads))
        elif p.pred is not None:
            mini.add_fact(p.pred, "given")
        else:
            mini.add_equations(p)
    return mini


def _valid(mini: Database, prov) -> bool:
    """A derivation needs no uncited choice: each of the fresh database's own halvings (weight λ
    on a row x = (c + jπ)/g) is used a multiple of g times, i.e. only as g·x = c, which holds."""
    if prov is None:
        return False
    for e, k in prov.items():
        node = mini.eq_node[e]
        if node.rule == "figure_half" and Fraction(k) % node.multiple != 0:
            return False
    return True


def _angle_goal(mini: Database, pred):
    """``pred`` as an angle equation (expr, const), or None for other predicates."""
    from .database import HALF
    n, a = pred.name, pred.args
    if n == "eqangle":
        return mini._sum((1, mini.angle_expr(*a[:4])), (-1, mini.angle_expr(*a[4:]))), 0
    if n in ("para", "perp", "aconst"):
        return mini.angle_expr(*a), {"para": 0, "perp": HALF, "aconst": pred.value}[n]
    return None


def _checked_mini(db: Database, premises) -> Database | None:
    """A fresh database of ``premises`` in which each cited figure-read choice is justified: its
    doubled form follows from the facts and earlier choices (it picks a solution, never asserts
    more); None when one is not."""
    figures = sorted((p for p in premises if p.rule == "figure_half"), key=lambda n: n.ident)
    facts = [p for p in premises if p.rule != "figure_half"]
    for i, f in enumerate(figures):
        if not _choice_follows(_mini(db, facts, figures[:i]), f):
            return None
    return _mini(db, facts, figures)


def _choice_follows(mini: Database, f: Node) -> bool:
    """The doubled form g·x = c of a figure-read choice follows in ``mini`` by chasing alone."""
    g = f.multiple
    for _system, terms, chosen, _logs in f.reads:
        expr = mini._sum(*((g * k, {mini.d(a, b): 1}) for k, a, b in terms))
        if not _valid(mini, mini.angle_holds(expr, g * chosen)):
            return False
    return True


def _equation(mini: Database, eq):
    """A node's stated equation in ``mini``: (system, expr, const)."""
    system, terms, const, logs = eq
    if system == "angle":
        return "angle", mini._sum(*((k, {mini.d(a, b): 1}) for k, a, b in terms)), Fraction(const)
    length = getattr(mini, "length", mini.seg)     # a term may be a log-length or another ratio variable
    expr = mini._sum(*((k, {length(a, b): 1}) for k, a, b in terms),
                     (-1, {("log", p): Fraction(e) for p, e in logs.items()}))
    return "ratio", expr, Fraction(0)


def _holds_in(mini: Database, target: Node) -> bool:
    """``target`` (a fact, a figure-read choice, or a node stating equations) follows in ``mini``
    by chasing, with no halving but the cited ones."""
    if target.rule == "figure_half" and target.reads:
        return _choice_follows(mini, target)
    pred = target.pred
    if pred is None:
        if not target.equations:
            return False
        for eq in target.equations:
            system, expr, const = _equation(mini, eq)
            prov = mini.angle_holds(expr, const) if system == "angle" else mini.ratios.holds(expr)
            if not (_valid(mini, prov) if system == "angle" else prov is not None):
                return False
        return True
    goal = _angle_goal(mini, pred)
    if goal is not None:
        return _valid(mini, mini.angle_holds(*goal))
    if pred.name in ("simtri", "contri"):     # its angle parts must not rest on an uncited halving
        x, y, z, p, q, r = pred.args
        same = mini.orientation(x, y, z) == mini.orientation(p, q, r)
        if not all(_valid(mini, mini.angle_holds(e, c)) for e, c in mini.similar_angle_eqs(x, y, z, p, q, r, same)[:2]):
            return False
    return mini.check(pred) is not None


def rederivable(db: Database, premises, pred) -> bool:
    """Does ``pred`` follow by chasing alone from ``premises`` (a fresh database)?

    A cited figure-read choice (``figure_half``: x = (c + jπ)/g) counts as the equation it states,
    but only when the other premises (and earlier choices) imply g·x = c: it may pick a solution,
    never assert more. Any other halving the fresh database needs makes the answer no.
    """
    return _derives(db, premises, Node(-1, str(pred), "goal", (), pred))


def _derives(db: Database, premises, target: Node) -> bool:
    mini = _checked_mini(db, premises)
    return mini is not None and _holds_in(mini, target)


def _origin(mini: Database, pool: list[Node]):
    """Maps a node of the fresh database ``mini`` back to the pool facts it stands for."""
    by_text = {}
    for p in pool:
        if p.pred is not None:
            by_text.setdefault(p.text, p)
    figures = {p.ident: p for p in pool if p.rule == "figure_half"}
    pooled = {id(p) for p in pool}

    def back(n: Node) -> list[Node]:
        out, stack, seen = [], [n], set()
        while stack:
            m = stack.pop()
            if id(m) in seen:
                continue
            seen.add(id(m))
            if id(m) in pooled:
                out.append(m)
            elif m.rule == "cited_choice":
                out.append(figures[m.ident])
            elif m.rule == "given" and m.text in by_text:
                out.append(by_text[m.text])
            else:                      # the fresh database's own steps (radius, halving, chase)
                stack.extend(m.premises)
        return out
    return back


def _candidates(mini: Database, target: Node):
    """(rule, premises in ``mini``) of a chase giving ``target`` in ``mini``, or None."""
    pred = target.pred
    if target.rule == "figure_half" and target.reads:
        nodes: list = []
        g = target.multiple
        for _system, terms, chosen, _logs in target.reads:
            expr = mini._sum(*((g * k, {mini.d(a, b): 1}) for k, a, b in terms))
            prov = mini.angle_holds(expr, g * chosen)
            if prov is None:
                return None
            nodes += mini._chase_nodes(prov) + mini.line_nodes([], [(a, b) for _, a, b in terms])
        return "figure_half", nodes
    if pred is None:
        if not target.equations:
            return None
        nodes, systems = [], set()
        for eq in target.equations:
            system, expr, const = _equation(mini, eq)
            prov = mini.angle_holds(expr, const) if system == "angle" else mini.ratios.holds(expr)
            if prov is None:
                return None
            systems.add(system)
            nodes += mini._chase_nodes(prov) + (mini.line_nodes([], [(a, b) for _, a, b in eq[1]])
                                               if system == "angle" else [])
        return ("angle_chase" if systems == {"angle"} else "ratio_chase"), nodes
    found = mini.check(pred)
    if found is None:
        return None
    if len(found) == 1 and found[0].rule in CHASES:    # a chase of the fresh database (its facts are given)
        return found[0].rule, list(found[0].premises)
    return GOAL_STEP.get(pred.name, "goal"), list(found)


def _justify(db: Database, pool: list[Node], target: Node, premises_of) -> tuple | None:
    """(rule, premises) deriving ``target`` by chasing from facts of ``pool``, or None.

    The fresh database of the whole pool names the facts its chase used, and a cited figure-read
    choice brings the facts it rests on (``premises_of``: the proof's current premises). Not yet
    confirmed: ``_without`` checks the result with ``_derives`` and makes it small (``_shrink``)."""
    pool = sorted(pool, key=lambda n: n.ident)
    figures = [p for p in pool if p.rule == "figure_half"]
    mini = _mini(db, [p for p in pool if p.rule != "figure_half"], figures)
    got = _candidates(mini, target)
    if got is None:
        return None
    rule, nodes = got
    back = _origin(mini, pool)
    keep: dict[Node, None] = {}
    stack = [q for n in nodes for q in back(n)]
    while stack:                    # a choice cites the facts that give its doubled form
        q = stack.pop()
        if q in keep:
            continue
        keep[q] = None
        if q.rule == "figure_half":
            stack.extend(premises_of(q))
    return rule, tuple(sorted(keep, key=lambda n: n.ident))


def minimize(db: Database, goal_nodes: list[Node]) -> None:
    """Drop chase premises the chase does not need (greedy, one at a time), so no step is idle."""
    for node in needed(goal_nodes):
        if node.rule not in CHASES or node.pred is None or len(node.premises) < 2:
            continue
        if any(p.pred is None and not p.equations and p.rule != "figure_half" for p in node.premises):
            continue
        keep = list(node.premises)
        if not rederivable(db, keep, node.pred):
            continue     # relies on something only the full database states; leave as is
        used = _justify(db, keep, node, lambda q: q.premises)    # the facts a fresh chase uses
        if used is not None and len(used[1]) < len(keep) and _derives(db, used[1], node):
            keep = list(used[1])
        changed = True
        while changed:   # to a fixpoint: a choice replayed with fewer facts can settle differently
            changed = False
            for p in list(keep):
                trial = [q for q in keep if q is not p]
                if rederivable(db, trial, node.pred):
                    keep, changed = trial, True
        node.premises = tuple(keep)


def verify(db: Database, goal_nodes: list[Node], goal: Predicate | None = None) -> list[str]:
    """Every step of the proof, and the goal itself (of any kind, its non-degeneracy included),
    re-checked in the diagram: the facts that fail (empty when sound)."""
    bad = [] if goal is None or goal_holds(goal, db.coords, db.scale, 1e-6) else [f"the goal {goal}"]
    for node in needed(goal_nodes):
        if node.pred is not None:
            ok = db.true(node.pred)
        elif node.check is not None:
            ok = node.check()
        else:
            ok = False
        if not ok:
            bad.append(node.text)
    return bad


def goal_conditions(goal: Predicate) -> list[str]:
    """The goal's own non-degeneracy (four concyclic points not collinear, triangles not flat, …)."""
    return [words(n) for n in needs(goal) if n[0] != "repeated"]


def side_conditions(goal_nodes: list[Node]) -> list[str]:
    """The figure-read conditions the proof's rule steps rely on (all hold in the diagram)."""
    out: dict[str, None] = {}
    for node in needed(goal_nodes):
        pred, rule = node.pred, node.rule
        if rule == "figure_half":
            out[node.text] = None
        for cond in node.conditions:
            out[cond] = None
        if pred is None:
            continue
        a = pred.args
        if rule.startswith("sim_"):
            out[f"ncoll {a[0]} {a[1]} {a[2]}"] = None
            out[f"ncoll {a[3]} {a[4]} {a[5]}"] = None
            if rule in ("sim_sas", "sim_sss", "sim_rhs"):   # AA fixes the orientation itself
                out[f"triangles {' '.join(a[:3])} and {' '.join(a[3:])} are oriented as drawn"] = None
        elif rule in ("cyclic_conv", "iso_trapezoid", "arc_midpoint") and len(set(a)) >= 4:
            out[f"ncoll {a[0]} {a[1]} {a[2]}"] = None
            if rule == "iso_trapezoid":
                out[f"{' '.join(a[:4])} is no parallelogram"] = None
            if rule == "arc_midpoint":    # cyclic a m r n: am = an would make any r on the axis fit
                out[f"{a[0]}{a[1]} ≠ {a[0]}{a[3]}"] = None
        elif rule in ("iso_sides", "iso_angles") and pred.name in ("cong", "eqangle"):
            out[f"ncoll {' '.join(dict.fromkeys(a))}"] = None
        elif rule == "distance_chase":   # |ab| = ±(x_b − x_a): the sign is the order of a and b
            out[f"the points of {' '.join(dict.fromkeys(a))} lie on their lines in the order drawn"] = None
        elif rule == "chords_angle":     # equal chords: equal or opposite full angles, by orientation
            out[f"chords {a[1]}{a[3]} and {a[5]}{a[7]} are oriented on their circle as drawn"] = None
        elif rule == "trapezoid_para":
            out[f"{a[0]} {a[1]} divide their transversals on the sides drawn"] = None
        elif rule == "bisect_ratio":      # eqratio d b d c a b a c
            out[f"ncoll {a[4]} {a[5]} {a[7]}"] = None
        elif rule == "ratio_bisect":      # eqangle a b a d a d a c
            out[f"ncoll {a[0]} {a[1]} {a[7]}"] = None
    return list(out)
