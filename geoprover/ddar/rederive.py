"""Re-derivation by chasing alone: does a fact follow from a few given facts of a proof?

A fresh database (``_mini``) holds just those facts; a cited figure-read choice counts as the
equation it states only when the other facts give its doubled form (it picks a solution, never
asserts more), and no other halving is allowed. ``rederivable`` / ``derives`` answer yes or no;
``justify`` names the facts a fresh chase used (minimisation and pruning build on both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction

from ..catalogue import TRIANGLE_PAIRS
from ..model import Predicate
from .database import Database
from .encode import HALF
from .engine import separate
from .linalg import combine
from .nodes import Node
from .table import CHASES, GOAL_STEP


def _mini(db: Database, facts, figures, lean: bool = False) -> Database:
    """A fresh database holding the cited figure-read choices ``figures`` (as the equations they
    state) and ``facts`` in the order they were learnt. It may halve rows itself, but each such
    halving is a mark in the provenance that ``_valid`` rejects unless used only as a multiple."""
    mini = Database(db.coords, db.scale)
    separate(mini)
    mini.strict = False
    mini.lean = lean  # a yes/no answer needs no printable halving steps

    # the choices first, so that rows they settle are never halved again by the fresh database
    def by_age(ns):
        return sorted(ns, key=lambda n: n.ident)

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
    n, a = pred.name, pred.args
    if n == "eqangle":
        return combine((1, mini.angle_expr(*a[:4])), (-1, mini.angle_expr(*a[4:]))), 0
    if n in ("para", "perp", "aconst"):
        return mini.angle_expr(*a), {"para": 0, "perp": HALF, "aconst": pred.value}[n]
    return None


def _choice_follows(mini: Database, f: Node, later: frozenset = frozenset()) -> bool:
    """The doubled form g·x = c of a figure-read choice follows in ``mini`` by chasing alone, using
    none of the choices ``later`` (idents) that ``mini`` holds."""
    g = f.multiple
    for _system, terms, chosen, _logs in f.reads:
        expr = combine(*((g * k, {mini.d(a, b): 1}) for k, a, b in terms))
        prov = mini.angle_holds(expr, g * chosen)
        if not _valid(mini, prov):
            return False
        if later and any(mini.eq_node[e].rule == "cited_choice" and mini.eq_node[e].ident in later for e in prov):
            return False
    return True


def _justified(db: Database, mini: Database, facts: list, figures: list) -> bool:
    """Each cited choice's doubled form follows from the facts and the choices before it.

    Cheapest first: a derivation in ``mini`` (which holds them all) that uses no choice from the
    checked one on; then one in a database of the facts alone; a database of the facts and the
    earlier choices is built only for a choice neither shows."""
    doubtful = [
        i for i, f in enumerate(figures) if not _choice_follows(mini, f, frozenset(p.ident for p in figures[i:]))
    ]
    if not doubtful:
        return True
    alone = _mini(db, facts, [], True)
    doubtful = [i for i in doubtful if not _choice_follows(alone, figures[i])]
    if doubtful and doubtful[0] == 0:  # the first choice has nothing but the facts to rest on
        return False
    return all(_choice_follows(_mini(db, facts, figures[:i], True), figures[i]) for i in doubtful)


def _equation(mini: Database, eq):
    """A node's stated equation in ``mini``: (system, expr, const)."""
    system, terms, const, logs = eq
    if system == "angle":
        return "angle", combine(*((k, {mini.d(a, b): 1}) for k, a, b in terms)), Fraction(const)
    length = mini.length  # a term may be a log-length or another ratio variable (a circumradius)
    expr = combine(
        *((k, {length(a, b): 1}) for k, a, b in terms), (-1, {("log", p): Fraction(e) for p, e in logs.items()})
    )
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
    if pred.name in TRIANGLE_PAIRS:  # its angle parts must not rest on an uncited halving
        x, y, z, p, q, r = pred.args
        same = mini.orientation(x, y, z) == mini.orientation(p, q, r)
        if not all(_valid(mini, mini.angle_holds(e, c)) for e, c in mini.similar_angle_eqs(x, y, z, p, q, r, same)[:2]):
            return False
    return mini.check(pred) is not None


def rederivable(db: Database, premises: Iterable[Node], pred: Predicate) -> bool:
    """Does ``pred`` follow by chasing alone from ``premises`` (a fresh database)?

    A cited figure-read choice (``figure_half``: x = (c + jπ)/g) counts as the equation it states,
    but only when the other premises (and earlier choices) imply g·x = c: it may pick a solution,
    never assert more. Any other halving the fresh database needs makes the answer no.
    """
    return derives(db, premises, Node(-1, str(pred), "goal", (), pred))


def derives(db: Database, premises: Iterable[Node], target: Node) -> bool:
    """Does ``target`` (a fact, a figure-read choice or a node stating equations) follow by
    chasing alone from ``premises``, cited choices justified (see ``rederivable``)?"""
    premises = list(premises)
    # the answer depends on the premises' facts and the target's statement, not on who asks
    key = (frozenset(p.ident for p in premises), target.ident if target.ident >= 0 else target.text)
    known = db.rederived.get(key)
    if known is None:
        figures = sorted((p for p in premises if p.rule == "figure_half"), key=lambda n: n.ident)
        facts = [p for p in premises if p.rule != "figure_half"]
        mini = _mini(db, facts, figures, lean=True)
        # the target first: most trials fail there, before a database per choice is built
        known = db.rederived[key] = _holds_in(mini, target) and _justified(db, mini, facts, figures)
    return known


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
            else:  # the fresh database's own steps (radius, halving, chase)
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
            expr = combine(*((g * k, {mini.d(a, b): 1}) for k, a, b in terms))
            prov = mini.angle_holds(expr, g * chosen)
            if prov is None:
                return None
            nodes += mini.chase_nodes(prov) + mini.line_nodes([], [(a, b) for _, a, b in terms])
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
            nodes += mini.chase_nodes(prov) + (
                mini.line_nodes([], [(a, b) for _, a, b in eq[1]]) if system == "angle" else []
            )
        return ("angle_chase" if systems == {"angle"} else "ratio_chase"), nodes
    found = mini.check(pred)
    if found is None:
        return None
    if len(found) == 1 and found[0].rule in CHASES:  # a chase of the fresh database (its facts are given)
        return found[0].rule, list(found[0].premises)
    return GOAL_STEP.get(pred.name, "goal"), list(found)


def justify(
    db: Database, pool: list[Node], target: Node, premises_of: Callable[[Node], Iterable[Node]]
) -> tuple[str, tuple[Node, ...]] | None:
    """(rule, premises) deriving ``target`` by chasing from facts of ``pool``, or None.

    The fresh database of the whole pool names the facts its chase used, and a cited figure-read
    choice brings the facts it rests on (``premises_of``: the proof's current premises). Not yet
    confirmed: ``prune._without`` checks the result with ``derives`` and makes it small (``_shrink``)."""
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
    while stack:  # a choice cites the facts that give its doubled form
        q = stack.pop()
        if q in keep:
            continue
        keep[q] = None
        if q.rule == "figure_half":
            stack.extend(premises_of(q))
    return rule, tuple(sorted(keep, key=lambda n: n.ident))
