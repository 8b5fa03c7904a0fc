"""sympy baseline for ``wu_bench.py``: the goal's successive pseudo-division timed in both backends.

Both sides run the same plain algorithm (pseudo-remainder by each member, highest class first,
integer content removed after each step) on the same triangular set, so the ratio measures the
polynomial backend only. Needs sympy: ``pip install '.[baseline]'``.
"""

from __future__ import annotations

import signal
import time

from geoprover.model import Problem
from geoprover.numeric.diagram import draw
from geoprover.timing import Deadline
from geoprover.wu.algebra import Poly, Ring
from geoprover.wu.engine import build
from geoprover.wu.triangulate import Member


class _Budget(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Budget()


def flint_plain(ring: Ring, g: Poly, members: list[Member]) -> Poly:
    r = g
    for m in members:
        if r.is_zero():
            break
        if r.degrees()[m.var]:
            r = ring.primitive(ring.prem(r, m.poly, m.var))
    return r


def sympy_plain(ring: Ring, g: Poly, members: list[Member]) -> tuple[object, float]:
    from sympy import ZZ
    from sympy.polys.rings import ring as sring

    R, *gens = sring(",".join(f"v{i}" for i in range(len(ring.names))), ZZ)

    def conv(p: Poly) -> object:
        return R.from_dict({tuple(int(x) for x in e): int(c) for e, c in zip(p.monoms(), p.coeffs())})

    chain = [(gens[m.var], conv(m.poly)) for m in members]
    r = conv(g)
    start = time.perf_counter()
    for x, t in chain:
        if not r:
            break
        if r.degree(x) > 0:
            r = r.prem(t, x)
            r = r.primitive()[1]
    return r, time.perf_counter() - start


def time_sympy_prem(problem: Problem, budget: float = 60.0) -> dict:
    """Seconds of the goal's pseudo-division in flint and in sympy's ring, and their ratio."""
    diagram = draw(problem, seed=0)
    setup, chain, goal_polys = build(problem, diagram, Deadline.after(budget))
    ring = setup.ring
    members = sorted(chain.members, key=lambda m: m.var, reverse=True)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(max(1, int(budget)))
    try:
        start = time.perf_counter()
        flint_zero = all(flint_plain(ring, g, members).is_zero() for g in goal_polys)
        t_flint = time.perf_counter() - start
    except _Budget:
        signal.signal(signal.SIGALRM, old)
        return {"flint_prem_s": f">{budget:.0f}", "sympy_over_flint": None}
    out = {"flint_prem_s": round(t_flint, 5), "flint_plain_zero": flint_zero}
    signal.alarm(max(1, int(budget)))
    try:
        t_sympy = 0.0
        zero = True
        for g in goal_polys:
            r, t = sympy_plain(ring, g, members)
            t_sympy += t
            zero = zero and not r
        out.update(
            {
                "sympy_prem_s": round(t_sympy, 5),
                "sympy_zero": zero,
                "sympy_over_flint": round(t_sympy / max(t_flint, 1e-6), 1),
            }
        )
    except _Budget:
        out.update(
            {
                "sympy_prem_s": f">{budget:.0f}",
                "sympy_over_flint": None,
                "sympy_over_flint_min": round(budget / max(t_flint, 1e-6), 1),
            }
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return out
