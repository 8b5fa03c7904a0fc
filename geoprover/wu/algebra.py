"""Exact polynomial arithmetic for Wu's method on top of python-flint's ``fmpz_mpoly``.

python-flint has no pseudo-remainder; it is written here with the leading coefficient in the
main variable taken by repeated C-level differentiation (no term-by-term Python loops).
"""

from __future__ import annotations

import math

import flint
import numpy as np

from ..timing import Deadline, OutOfTime

Poly = flint.fmpz_mpoly


class TooLarge(OutOfTime):
    """A product would be too large for memory: the budget is spent as surely as by the clock.

    It is an `OutOfTime` so that every stage that gives up on a sub-task when its time is up gives
    up on it in the same way; ``wu.prove`` catches it first and says "gave up", not "timeout".
    """


class Unclear(Exception):
    """No factor of a hypothesis clearly vanishes in the diagram: which component the figure lies
    on cannot be read off it, so no branch is chosen (and nothing is proved)."""


VANISH = 1e-7  # relative value below which a factor vanishes in the diagram
NON_ZERO = 1e-5  # relative value a factor set aside must exceed: its "≠ 0" can fail


# Bound on len(a)·len(f) + len(b)·len(g) in one pseudo-division step (tens of bytes a term; the
# largest step of a proved IMO-AG-30 / JGEX-AG-231 problem measured 1.4e7): beyond it a product
# could exhaust the machine's memory, and FLINT aborts the process when an allocation fails.
MAX_PRODUCT_TERMS = 5 * 10**7


class Ring:
    """Polynomials in named variables (lowest Wu class first) with numeric values to test factors."""

    def __init__(self, names: list[str]) -> None:
        self.names = list(names)
        self.ctx = flint.fmpz_mpoly_ctx.get(tuple(self.names), "lex")
        self.gens = self.ctx.gens()
        self.index = {n: i for i, n in enumerate(self.names)}
        self.values = np.zeros(len(self.names))  # numeric diagram value of every variable

    def gen(self, name: str) -> Poly:
        return self.gens[self.index[name]]

    def const(self, value: int) -> Poly:
        return self.ctx.constant(value)

    # --- structure -------------------------------------------------------------------------
    def cls(self, p: Poly) -> int:
        """Index of the highest variable present (-1 for a constant)."""
        degs = p.degrees()
        for i in range(len(degs) - 1, -1, -1):
            if degs[i]:
                return i
        return -1

    @staticmethod
    def deg(p: Poly, v: int) -> int:
        return p.degrees()[v] if not p.is_zero() else -1

    @staticmethod
    def coeff_top(p: Poly, v: int, d: int | None = None) -> Poly:
        """The coefficient of v^d, d = deg_v p (the initial when v is p's class)."""
        if d is None:
            d = p.degrees()[v]
        q = p
        for _ in range(d):
            q = q.derivative(v)
        return q / math.factorial(d) if d > 1 else q

    # --- arithmetic ------------------------------------------------------------------------
    def prem(self, f: Poly, g: Poly, v: int, deadline: Deadline | None = None) -> Poly:
        """Pseudo-remainder of f by g in variable v (multipliers reduced by their gcd)."""
        dg = g.degrees()[v]
        lg = self.coeff_top(g, v, dg)
        xv = self.gens[v]
        lg_const = lg.is_constant()
        while not f.is_zero():
            df = f.degrees()[v]
            if df < dg:
                break
            lf = self.coeff_top(f, v, df)
            a, b = lg, lf
            if not lg_const:
                h = lg.gcd(lf)
                if not h.is_one():
                    a, b = lg / h, lf / h
            if len(a) * len(f) + len(b) * len(g) > MAX_PRODUCT_TERMS:
                raise TooLarge(
                    f"a pseudo-division step of {len(f)} by {len(g)} terms would exceed "
                    f"{MAX_PRODUCT_TERMS:.0e} product terms"
                )
            f = a * f - b * xv ** (df - dg) * g
            if deadline is not None:
                deadline.check()
        return f

    @staticmethod
    def primitive(p: Poly) -> Poly:
        """p without its integer content, positive leading coefficient."""
        if p.is_zero():
            return p
        c = p.content()
        if c != 1 and c != 0:
            p = p / c
        return -p if p.leading_coefficient() < 0 else p

    def simplify(self, p: Poly, dropped: list[Poly] | None = None) -> Poly:
        """Drop the integer content, variable factors non-zero in the diagram, and the sign
        (the variable factors dropped are appended to ``dropped``)."""
        if p.is_zero():
            return p
        c = p.content()
        if c != 1 and c != 0:
            p = p / c
        mono = p.term_content()
        if not mono.is_constant():
            # a variable factor may only go when it is non-zero in the diagram (a dependent
            # coordinate such as y of a point on the x-axis is identically zero on the figure)
            (exps,) = mono.monoms()
            drop = self.const(1)
            for i, e in enumerate(exps):
                if e and abs(self.values[i]) > 1e-9:
                    drop = drop * self.gens[i] ** e
            if not drop.is_one():
                p = p / drop
                if dropped is not None:
                    dropped.extend(self.gens[i] for i, e in enumerate(exps) if e and abs(self.values[i]) > 1e-9)
        if p.leading_coefficient() < 0:
            p = -p
        return p

    @staticmethod
    def divide_out(p: Poly, f: Poly) -> Poly:
        """p with every power of f that divides it exactly removed."""
        while not p.is_zero() and len(p) >= len(f):
            q, rem = divmod(p, f)
            if not rem.is_zero():
                break
            p = q
        return p

    # --- numerics --------------------------------------------------------------------------
    def evaluate(self, p: Poly) -> tuple[float, float]:
        """Value at the diagram and the size of its terms (for a relative zero test)."""
        if p.is_zero():
            return 0.0, 1.0
        exps = np.array(p.monoms(), dtype=float)
        coeffs = np.array([float(c) for c in p.coeffs()])
        with np.errstate(all="ignore"):
            terms = coeffs * np.prod(np.power(self.values[None, :], exps), axis=1)
        return float(terms.sum()), float(np.abs(terms).sum())

    def relative(self, p: Poly) -> float:
        """|p| at the diagram over the size of its terms (1 or 0 for a single term).

        A single term c·x^e·y^f vanishes exactly when one of its variables does; measuring it
        against itself would always give 1 (y of a point on the x-axis is zero, not "non-zero").
        """
        if len(p) == 1:
            (exps,) = p.monoms()
            small = any(e and abs(self.values[i]) < 1e-9 for i, e in enumerate(exps))
            return 0.0 if small else 1.0
        value, size = self.evaluate(p)
        return abs(value) / size if size > 0 else 0.0

    def vanishes(self, p: Poly, tol: float = VANISH) -> bool:
        return self.relative(p) < tol

    def select_factors(self, p: Poly, max_terms: int = 4000, strict: bool = False) -> tuple[Poly, list[Poly]]:
        """Keep the irreducible factors of p that vanish in the diagram.

        Returns the kept product and the dropped factors; the dropped ones are non-zero in the
        diagram and become non-degeneracy conditions of anything derived from the kept part.
        ``strict`` (a hypothesis, whose kept factor picks the figure's component) raises Unclear
        when no factor vanishes; otherwise (a goal's remainder, where keeping any factor is
        sound) the one closest to zero is kept.
        """
        p = self.primitive(p)
        if p.is_zero() or p.is_constant() or len(p) > max_terms:
            return p, []
        _, factors = p.factor()
        if len(factors) == 1 and factors[0][1] == 1:
            return p, []
        scored = [(self.relative(f), f, e) for f, e in factors]
        keep = [(f, e) for r, f, e in scored if r < VANISH]
        if not keep and strict:
            raise Unclear(
                f"no factor of a {len(p)}-term hypothesis vanishes in the diagram "
                f"(closest: {min(r for r, _, _ in scored):.1e})"
            )
        if not keep:  # numerically unclear: keep the one closest to zero
            best = min(scored, key=lambda t: t[0])
            keep = [(best[1], best[2])]
        dropped = [f for _, f, _ in scored if all(f != k for k, _ in keep)]
        out = self.const(1)
        for f, _ in keep:  # multiplicities carry no information about the zero set
            out = out * f
        return self.primitive(out), dropped
