"""The fact store of one figure: proof nodes, known facts, and the systems their equations live in.

Facts enter through ``add_fact``; each derived one is checked in the numeric diagram first (a false
one is a soundness bug and raises). A stored fact becomes lines, circles and equations
(``encode.py``); every equation remembers the node it came from (``eq_node``), which is what a
chase's provenance is read back into.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from fractions import Fraction

import numpy as np

from ..catalogue import get_construction
from ..model import Clause, Predicate
from ..numeric.checks import holds as numeric_holds
from .distance import Distances
from .encode import direction, encode, length, log_const
from .halving import pick_angle, record_halving
from .linalg import Expr, LinearSystem, combine
from .nodes import Node, SoundnessError
from .objects import Circles, Lines
from .query import check


class Store:
    """Saturable store of facts about one figure; accepts new clauses incrementally."""

    def __init__(self, coords: dict[str, np.ndarray], scale: float = 1.0) -> None:
        self.coords = dict(coords)
        self.scale = scale
        self.points: list[str] = []
        self.nodes: list[Node] = []
        self.known: dict[str, Node] = {}  # canonical text -> node
        self.lines = Lines()
        self.circles = Circles()
        self.angles = LinearSystem(Fraction(1))
        self.ratios = LinearSystem(None)
        self.eq_node: dict[int, Node] = {}
        self.angles.resolver = self._pick_angle
        self.angles.on_halve = self._halving
        self.dist = Distances(self)
        self.midpoints: dict[str, list] = {}  # m -> [(a, b, node)]
        self.version = 0  # bumps whenever anything new is learnt
        self.strict = True  # raise on a fact false in the diagram
        self.rederived: dict[tuple, bool] = {}  # rederive.derives answers (minimisation, pruning)
        self.followed: dict[str, tuple[Node, ...]] = {}  # query.check's yes answers, by fact text
        self.lean = False  # a scratch database (re-derivation): halvings need no printable proof node

    def __deepcopy__(self, memo: dict) -> "Store":
        """A copy to grow (the aux search copies one per candidate). It shares the proof nodes: a
        node is complete once its rule has made it, and growing a copy only adds new ones."""
        for n in self.nodes:
            memo[id(n)] = n
        memo[id(self.coords)] = dict(self.coords)  # points never move: the arrays are shared
        twin = object.__new__(type(self))
        memo[id(self)] = twin
        for k, v in self.__dict__.items():
            setattr(twin, k, copy.deepcopy(v, memo))
        return twin

    # ----- nodes and numeric oracle -------------------------------------------------------------
    def node(self, text: str, rule: str, premises: Iterable[Node] = (), pred: Predicate | None = None) -> Node:
        """A new proof node (premises deduplicated, in order)."""
        n = Node(len(self.nodes), text, rule, tuple(dict.fromkeys(premises)), pred)
        self.nodes.append(n)
        return n

    def true(self, pred: Predicate) -> bool:
        """``pred`` holds in the figure (three or fewer "concyclic" points: they are not collinear)."""
        if pred.name == "cyclic" and len(set(pred.args)) <= 3:
            return len(set(pred.args)) < 3 or numeric_holds(
                Predicate("ncoll", tuple(set(pred.args))), self.coords, self.scale
            )
        return numeric_holds(pred, self.coords, self.scale, 1e-6)

    def guard(self, pred: Predicate) -> None:
        """Raise SoundnessError when a fact about to be derived is false in the figure."""
        if self.strict and not self.true(pred):
            raise SoundnessError(f"derived fact '{pred}' is false in the diagram")

    def _pick_angle(self, expr: dict, options: list) -> Fraction | None:
        return pick_angle(self, expr, options)

    def _halving(self, expr: dict, chosen: Fraction, others: list, prov: dict) -> int:
        if self.lean:  # only its equation and multiple are read: no text, no premises
            terms = tuple((k, *self.lines.two(v)) for v, k in expr.items())
            node = Node(-1, "", "figure_half")
            node.reads = [("angle", terms, chosen, {})]
            node.multiple = len(others) + 1
            return self.eq_id(node)
        return record_halving(self, expr, chosen, others, prov)

    # ----- equations ----------------------------------------------------------------------------
    def eq_id(self, node: Node) -> int:
        """A new equation id standing for ``node`` in a provenance."""
        eid = len(self.eq_node)
        self.eq_node[eid] = node
        return eid

    def equate(self, system: LinearSystem, expr: Expr, const: Fraction, node: Node) -> bool:
        """Add ``expr = const`` to ``system`` on behalf of ``node``; False when it already followed."""
        new = system.add(expr, const, self.eq_id(node))
        if new:
            self.version += 1
        return new

    def add_angle(self, expr: Expr, const: Fraction, node: Node) -> bool:
        """An equation over line directions (constant in units of π, mod 1)."""
        return self.equate(self.angles, expr, const, node)

    def add_ratio(self, expr: Expr, node: Node, value: Fraction | None = None) -> bool:
        """An equation over log-lengths: ``expr = log value`` (0 without a value)."""
        if value is not None:
            expr = combine((1, expr), (-1, log_const(value)))
            for v in expr:
                if v[0] == "log":
                    self.ratios.fixed.add(v)
        return self.equate(self.ratios, expr, Fraction(0), node)

    def add_distance(self, expr: Expr, node: Node) -> bool:
        """An equation over signed positions on lines (distance chasing)."""
        new = self.dist.add(expr, self.eq_id(node))
        if new:
            self.version += 1
        return new

    def add_equations(self, node: Node) -> None:
        """Re-state a node's equations (angle: coef·dir(ab); ratio: coef·log|ab| = Σ k·log p) here."""
        for system, terms, const, logs in node.equations or ():
            if system == "angle":
                expr = combine(*((k, {direction(self, a, b): 1}) for k, a, b in terms))
                self.add_angle(expr, Fraction(const), node)
            else:
                expr = combine(
                    *((k, {length(a, b): 1}) for k, a, b in terms),
                    (-1, {("log", p): Fraction(e) for p, e in logs.items()}),
                )
                for v in expr:
                    if v[0] == "log":
                        self.ratios.fixed.add(v)
                self.equate(self.ratios, expr, Fraction(0), node)

    # ----- facts --------------------------------------------------------------------------------
    def add_fact(
        self, pred: Predicate, rule: str, premises: Iterable[Node] = (), check_new: bool = True
    ) -> Node | None:
        """Record ``pred`` (derived by ``rule`` from ``premises``); None when already known (or, with
        ``check_new``, when it already follows: a derived fact is stored once)."""
        text = str(pred)
        if text in self.known:
            return None
        if rule == "consequence":
            self.guard(pred)
        if rule not in ("given", "consequence"):
            if check_new and pred.name not in ("midp", "circle") and check(self, pred) is not None:
                return None
            self.guard(pred)
        node = self.node(text, rule, premises, pred)
        self.known[text] = node
        encode(self, pred, node)
        return node

    def add_clause(self, clause: Clause, coords: dict[str, np.ndarray] | None = None) -> None:
        """Add a clause's points and construction facts (given) and consequences."""
        if coords:
            self.coords.update(coords)
        for p in clause.points:
            if p not in self.points:
                self.points.append(p)
        for call in clause.constructions:
            cons = get_construction(call.name)
            given = [self.add_fact(f, "given") for f in cons.instantiate(call)]
            for f in cons.instantiate(call, "also"):
                self.add_fact(f, "consequence", [g for g in given if g is not None])
