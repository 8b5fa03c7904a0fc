"""A Schwartz–Zippel screen: the successive pseudo-division with the parameters at random values
modulo a 61-bit prime.

Exact remainder zero ⇒ the specialised one is zero whenever no initial vanishes at the chosen
values (checked), so a non-zero specialised remainder shows in milliseconds that the exact
division cannot end in zero. It never proves anything: only the exact remainder does.
"""
from __future__ import annotations

import math
import random
import time

import flint

from .algebra import Clock, Poly, Ring
from .triangulate import Chain

PRIME = 2 ** 61 - 1


def _lead(p, v: int, d: int):
    q = p
    for _ in range(d):
        q = q.derivative(v)
    return q / math.factorial(d) if d > 1 else q


def prem_mod(f, g, v: int, xv, clock: Clock):
    dg = g.degrees()[v]
    lg = _lead(g, v, dg)
    while not f.is_zero():
        df = f.degrees()[v]
        if df < dg:
            break
        lf = _lead(f, v, df)
        h = lg.gcd(lf)
        a, b = (lg / h, lf / h) if not h.is_constant() else (lg, lf)
        f = a * f - b * xv ** (df - dg) * g
        clock.check()
    return f


def screen(ring: Ring, chain: Chain, goals: list[Poly], clock: Clock, rounds: int = 2,
           seed: int = 1) -> bool:
    """False when some goal polynomial certainly does not pseudo-divide to zero."""
    ctx = flint.nmod_mpoly_ctx.get(tuple(ring.names), modulus=PRIME, ordering="lex")
    gens = ctx.gens()
    dependent = {m.var for m in chain.members}
    params = [i for i in range(len(ring.names)) if i not in dependent]
    members = sorted(chain.members, key=lambda m: m.var, reverse=True)
    rnd = random.Random(seed)
    for _ in range(rounds):
        values = {i: rnd.randrange(1, PRIME) for i in params}

        def special(p: Poly):
            used = {i: values[i] for i, d in enumerate(p.degrees()) if d and i in values}
            q = p.subs(used) if used else p
            return ctx.from_dict({tuple(int(e) for e in m): int(c) % PRIME
                                  for m, c in zip(q.monoms(), q.coeffs())})

        chain_mod = [(m.var, special(m.poly)) for m in members]
        if any(_lead(t, v, t.degrees()[v]).is_zero() for v, t in chain_mod):
            continue            # an initial vanishes at these values: no information
        for g in goals:
            r = special(g)
            step = 0.0
            for v, t in chain_mod:
                if r.is_zero():
                    break
                if r.degrees()[v]:
                    clock.check(ahead=3 * step)
                    began = time.monotonic()
                    r = prem_mod(r, t, v, gens[v], clock)
                    step = time.monotonic() - began
            if not r.is_zero():
                return False
    return True
