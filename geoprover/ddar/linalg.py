"""Incremental exact Gaussian elimination over Q, with provenance.

One instance chases angles (variables: line directions, constants mod 1 = mod π), another ratios
(variables: log-lengths; constants are written with one variable per prime, which is never a pivot).
Rows are kept fully reduced, so the normal form of any expression is one substitution pass; every
row remembers which input equations it combines, which is what the proof trace-back reads.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from fractions import Fraction
from math import gcd

Expr = dict  # variable -> coefficient (int when integral: Python ints are far faster than Fractions)
ZERO = Fraction(0)


def _n(x):
    """A coefficient as an int when it is integral."""
    if type(x) is Fraction and x.denominator == 1:
        return x.numerator
    return x


def _div(a, k):
    """a / k exactly (k ≠ 0), an int when integral (ints stay ints without a Fraction)."""
    if k == 1:
        return a
    if k == -1:
        return -a
    if type(a) is int and type(k) is int:
        q, r = divmod(a, k)
        return q if not r else Fraction(a, k)
    return _n(Fraction(a) / k)


def _gcd(values) -> Fraction:
    """The gcd of integral coefficients (1 when one is not integral)."""
    g = 0
    for k in values:
        if k.denominator != 1:
            return Fraction(1)
        g = gcd(g, abs(k.numerator))
    return Fraction(max(g, 1))


def combine(*terms: tuple[int | Fraction, Expr]) -> Expr:
    """Σ sign·expr over (sign, expr) pairs of sparse linear expressions, zero terms dropped."""
    out: dict = {}
    for sign, e in terms:
        for v, k in e.items():
            out[v] = out.get(v, 0) + sign * k
    return {v: (k.numerator if type(k) is Fraction and k.denominator == 1 else k) for v, k in out.items() if k}


class LinearSystem:
    """Equations ``Σ k·v = c`` (mod ``modulus`` when given), kept as fully reduced rows, one per
    pivot, each with its provenance: the input equations it is a combination of."""

    def __init__(self, modulus: Fraction | None = None) -> None:
        self.modulus = modulus
        # an integral modulus reduces int constants without a Fraction (mod π: every int is 0)
        self._int_modulus = int(modulus) if modulus is not None and modulus.denominator == 1 else None
        self.rows: dict[Hashable, tuple[Expr, Fraction, dict[int, Fraction]]] = {}
        self.occurs: dict[Hashable, set] = {}  # non-pivot var -> pivots whose row mentions it
        self.order: dict[Hashable, int] = {}  # variable age: newer variables are pivoted first
        self.fixed: set = set()  # variables never used as pivots (log primes)
        self.equations = 0
        self.pending: list = []
        # (expr, candidate constants) -> the constant true in the diagram
        self.resolver: Callable[[Expr, list], Fraction | None] | None = None
        # (halved expr, chosen, other constants, provenance) -> id of the side condition
        self.on_halve: Callable[[Expr, Fraction, list, dict], int] | None = None

    def __deepcopy__(self, memo: dict) -> "LinearSystem":
        """A copy to grow (the aux search copies one per candidate). Rows are replaced, never
        changed in place, so the copy shares them; the indexes that do change are copied."""
        twin = object.__new__(type(self))
        memo[id(self)] = twin
        twin.__dict__.update(self.__dict__)
        twin.rows = dict(self.rows)
        twin.occurs = {v: set(pivots) for v, pivots in self.occurs.items()}
        twin.order = dict(self.order)
        twin.fixed = set(self.fixed)
        twin.pending = list(self.pending)
        twin.resolver = copy.deepcopy(self.resolver, memo)  # bound to the copied store
        twin.on_halve = copy.deepcopy(self.on_halve, memo)
        return twin

    def _norm(self, c: Fraction) -> Fraction:
        if self.modulus is None:
            return _n(c)
        if type(c) is int and self._int_modulus is not None:
            return c % self._int_modulus
        return _n(c % self.modulus)

    def _age(self, v: Hashable) -> int:
        if v not in self.order:
            self.order[v] = len(self.order)
        return self.order[v]

    def reduce(self, expr: Expr, const: Fraction = ZERO, prov: dict | None = None) -> tuple[Expr, Fraction, dict]:
        """Normal form of ``expr = const``: (expr', const', provenance of substituted rows)."""
        out: dict = {}
        prov = dict(prov) if prov else {}
        c = _n(const)
        for v, k in expr.items():
            if not k:
                continue
            if type(k) is not int:
                k = _n(k)  # encoders write Fraction(1): integral coefficients are kept as ints
            row = self.rows.get(v)
            if row is None:
                out[v] = out.get(v, 0) + k
                continue
            rexpr, rconst, rprov = row  # v = -sum(rest) + rconst, encoded as v + rest = rconst
            if rconst:
                c -= k * rconst
            for w, kw in rexpr.items():
                if w != v:
                    out[w] = out.get(w, 0) - k * kw
            for e, ke in rprov.items():
                prov[e] = prov.get(e, 0) - k * ke
        out = {v: _n(k) for v, k in out.items() if k}
        prov = {e: _n(k) for e, k in prov.items() if k}
        return out, self._norm(c), prov

    def normal(self, var: Hashable) -> tuple[Expr, Fraction]:
        """Normal form of one variable, without provenance (cheap; for hashing and filtering)."""
        row = self.rows.get(var)
        if row is None:
            return {var: 1}, 0
        rexpr, rconst, _ = row
        return {w: -kw for w, kw in rexpr.items() if w != var}, rconst

    def follows(self, expr: Expr, const: Fraction = ZERO) -> bool:
        """Whether ``expr = const`` follows: the normal form without provenance. Most questions a
        saturation asks are answered no, and a row's provenance is often far longer than the row,
        so ``holds`` asks this first and reads provenance only for a yes."""
        out, c = self.normal_form(expr, const)
        return not out and c == 0

    def normal_form(self, expr: Expr, const: Fraction = ZERO) -> tuple[Expr, Fraction]:
        """The normal form of ``expr = const`` without provenance (for yes/no and for hashing)."""
        out: dict = {}
        c = _n(const)
        rows = self.rows
        for v, k in expr.items():
            if not k:
                continue
            row = rows.get(v)
            if row is None:
                out[v] = out.get(v, 0) + k
                continue
            rexpr, rconst, _ = row
            if rconst:
                c -= k * rconst
            for w, kw in rexpr.items():
                if w != v:
                    out[w] = out.get(w, 0) - k * kw
        return {
            v: (k.numerator if type(k) is Fraction and k.denominator == 1 else k) for v, k in out.items() if k
        }, self._norm(c)

    def holds(self, expr: Expr, const: Fraction = ZERO) -> dict | None:
        """Provenance {equation id: coefficient} if ``expr = const`` follows, else None."""
        if not self.follows(expr, const):
            return None
        red, c, prov = self.reduce(expr, const)
        return prov if not red and c == 0 else None

    def add(self, expr: Expr, const: Fraction, eq_id: int) -> bool:
        """Add ``expr = const`` (equation ``eq_id``); False when it already follows (or, mod π, while
        it has no ±1 coefficient to pivot on: it waits in ``pending`` until a later row gives one)."""
        for v in expr:
            self._age(v)
        red, c, prov = self.reduce(expr, ZERO, {eq_id: 1})
        c = self._norm(const + c)  # red = const + c  (reduce moved substituted constants to the left)
        if not self._candidates(red):
            return False
        if self.modulus is not None and not self._units(red):
            red, c, prov = self._halve(red, c, prov)
            if not self._units(red):
                self.pending.append((expr, const, eq_id))
                return False
        pivot = self._pivot(red)
        expr_p, const_p, prov_p = self._solved_for(pivot, red, c, prov)
        self._eliminate(pivot, expr_p, const_p, prov_p)
        self._install(pivot, expr_p, const_p, prov_p)
        self.equations += 1
        self._retry_pending()
        return True

    # ----- the steps of add -------------------------------------------------------------------------
    def _candidates(self, red: Expr) -> list:
        """Variables a row may pivot on (log primes never are)."""
        return [v for v in red if v not in self.fixed]

    def _units(self, red: Expr) -> list:
        """Pivot candidates with coefficient ±1 (mod π the only ones: dividing would lose solutions)."""
        return [v for v in self._candidates(red) if abs(red[v]) == 1]

    def _halve(self, red: Expr, c, prov: dict) -> tuple[Expr, Fraction, dict]:
        """Mod π, divide a row g·x = c (g the gcd of its coefficients) by g when the diagram says which
        of the g solutions x = (c + jπ)/g holds; the choice, a side condition read off the figure,
        joins the provenance (``on_halve`` gives its equation id), so every conclusion resting on
        the row cites it. The row unchanged when there is nothing to halve or no figure to ask."""
        g = _gcd(red.values())
        if g <= 1 or self.resolver is None:
            return red, c, prov
        options = [self._norm((c + j) / g) for j in range(int(g))]
        chosen = self.resolver({v: _div(k, g) for v, k in red.items()}, options)
        if chosen is None:
            return red, c, prov
        red = {v: _div(k, g) for v, k in red.items()}
        prov = {e: _div(k, g) for e, k in prov.items()}
        if self.on_halve is not None:
            # a zero equation of weight 1 in the provenance
            mark = self.on_halve(dict(red), chosen, [o for o in options if o != chosen], dict(prov))
            prov[mark] = prov.get(mark, 0) + 1
        return red, chosen, prov

    def _pivot(self, red: Expr) -> Hashable:
        """The newest variable with a ±1 coefficient, else the newest candidate."""
        candidates = self._candidates(red)
        unit = [v for v in candidates if abs(red[v]) == 1]
        return max(unit or candidates, key=lambda v: self.order[v])

    def _solved_for(self, pivot: Hashable, red: Expr, c, prov: dict) -> tuple[Expr, Fraction, dict]:
        """The row divided by the pivot's coefficient."""
        k = red[pivot]
        if k == 1:
            return red, self._norm(c), prov
        expr_p = {v: _div(kv, k) for v, kv in red.items()}
        const_p = self._norm(_div(c, k))
        prov_p = {e: _div(ke, k) for e, ke in prov.items()}
        return expr_p, const_p, prov_p

    def _eliminate(self, pivot: Hashable, expr_p: Expr, const_p, prov_p: dict) -> None:
        """Substitute the new row into every row that mentions its pivot (rows stay fully reduced)."""
        for other in list(self.occurs.pop(pivot, ())):
            oexpr, oconst, oprov = self.rows[other]
            f = oexpr[pivot]
            nexpr = dict(oexpr)
            del nexpr[pivot]
            for v, kv in expr_p.items():
                if v == pivot:
                    continue
                nv = _n(nexpr.get(v, 0) - f * kv)
                if nv:
                    nexpr[v] = nv
                else:
                    nexpr.pop(v, None)
                    if v != other:
                        self.occurs.get(v, set()).discard(other)
            nprov = dict(oprov)
            for e, ke in prov_p.items():
                ne = _n(nprov.get(e, 0) - f * ke)
                if ne:
                    nprov[e] = ne
                else:
                    nprov.pop(e, None)
            self.rows[other] = (nexpr, self._norm(oconst - f * const_p) if const_p else oconst, nprov)
            for v in nexpr:
                if v != other:
                    self.occurs.setdefault(v, set()).add(other)

    def _install(self, pivot: Hashable, expr_p: Expr, const_p, prov_p: dict) -> None:
        """Keep the new row under its pivot, indexed by the variables it mentions."""
        self.rows[pivot] = (expr_p, const_p, prov_p)
        for v in expr_p:
            if v != pivot:
                self.occurs.setdefault(v, set()).add(pivot)

    def _retry_pending(self) -> None:
        """Rows kept aside for want of a ±1 pivot may have one now."""
        if self.pending:
            waiting, self.pending = self.pending, []
            for e, c, i in waiting:
                self.add(e, c, i)
