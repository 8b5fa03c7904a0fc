"""A numeric screen: does the goal vanish on the component of the triangular set the diagram is on?

When the exact division ends in zero, D·g lies in the ideal of the triangular set, where D is a
product of initials and dropped factors, each non-zero in the diagram (see ``triangulate.reduce``).
So g vanishes at every point of the set's zero locus near the diagram at which D does not, and D
is non-zero at generic points of every branch through the diagram. The screen samples such
points: the parameters are moved from their diagram values by a small random complex step and the
members are solved one by one for their variables by Newton's method from the diagram's values
(each member is univariate once the variables below it are known), which follows the diagram's
branch. If a goal polynomial is clearly non-zero at every sample, beyond a first-order bound on
the rounding and Newton errors, the exact pseudo-division cannot end in zero and Wu may stop.

It can only make Wu give up early; it never proves anything. When in doubt (Newton does not
converge, a sample drifts far, error bounds are wide, the goal looks non-zero at the diagram
itself) it does not refute.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .algebra import Poly, Ring
from .kernels import Sparse
from .triangulate import Chain

STEP = 1e-3  # size of the random move of the parameters (relative)
DRIFT = 0.05  # a sample whose dependent coordinate moved further is not trusted
RHO = 1e-13  # relative rounding error of one evaluation (generous for float64)
SAFETY = 1e3  # |g| must exceed its error bound this many times
FLOOR = 1e-9  # ... and this fraction of the size of its terms
MAX_NEWTON = 40
MESSAGE = (
    "goal fails at generic points of the diagram's component: the triangular set does not "
    "imply it (numeric screen; the exact pseudo-remainder cannot be zero)"
)


@dataclass
class Verdict:
    refuted: bool
    reason: str  # why it refuted or why it could not
    samples: int = 0  # samples that converged and stayed near the diagram
    margin: float = 0.0  # smallest |g| / error bound over the samples (the refuting goal)
    seconds: float = 0.0


def screen(ring: Ring, chain: Chain, goals: list[Poly], samples: int = 4, seed: int = 1) -> Verdict:
    """Whether some goal polynomial is clearly non-zero at generic points of the diagram's branch."""
    began = time.monotonic()

    def verdict(refuted: bool, reason: str, **more) -> Verdict:
        return Verdict(refuted, reason, seconds=time.monotonic() - began, **more)

    n = len(ring.names)
    members = sorted(chain.members, key=lambda m: m.var)
    dependent = [m.var for m in members]
    base = ring.values.astype(np.complex128)
    rng = np.random.default_rng(seed)
    points = np.repeat(base[None, :], samples + 1, axis=0)  # row 0: the diagram itself
    free = np.ones(n, dtype=bool)
    free[dependent] = False
    move = rng.normal(size=(samples, n)) + 1j * rng.normal(size=(samples, n))
    points[1:, free] += (STEP / np.sqrt(2)) * move[:, free] * np.maximum(1.0, np.abs(base[free]))
    error = np.zeros((samples + 1, n))  # first-order bound on each coordinate's error
    good = np.ones(samples + 1, dtype=bool)

    for k, m in enumerate(members):
        v, below = m.var, dependent[:k]
        poly = Sparse.of(m.poly, n)
        x = points[:, v]
        converged = np.zeros(samples + 1, dtype=bool)
        for _ in range(MAX_NEWTON):
            value, size, d = poly.at(points, (v,))
            settled = np.abs(value) <= RHO * size  # at the rounding level: no step helps
            with np.errstate(all="ignore"):
                step = np.where(settled, 0, value / d[:, 0])
            step[~np.isfinite(step)] = np.inf
            x = points[:, v] = np.where(np.isfinite(step), x - step, x)
            converged = settled | (np.abs(step) <= 1e-14 * np.maximum(1.0, np.abs(x)))
            if converged.all():
                break
        value, size, d = poly.at(points, (*below, v))
        with np.errstate(all="ignore"):
            propagated = np.einsum("rj,rj->r", np.abs(d[:, :-1]), error[:, below]) if below else 0.0
            error[:, v] = (np.maximum(np.abs(value), RHO * size) + propagated) / np.abs(d[:, -1])
        near = np.abs(x - base[v]) <= DRIFT * max(1.0, abs(base[v]))
        good &= converged & near & np.isfinite(error[:, v])
        if not good[0] or abs(x[0] - base[v]) > 1e-6 * max(1.0, abs(base[v])):
            return verdict(False, f"the diagram is not a regular point of the member of {ring.names[v]}")
    if good[1:].sum() < min(3, samples):
        return verdict(False, "Newton's method did not settle on enough samples", samples=int(good[1:].sum()))
    for g in goals:
        value, size, d = Sparse.of(g, n).at(points, dependent)
        bound = RHO * size + np.einsum("rj,rj->r", np.abs(d), error[:, dependent])
        clear = (np.abs(value) > SAFETY * bound) & (np.abs(value) > FLOOR * size)
        if clear[0]:
            return verdict(False, "the goal looks non-zero at the diagram itself")
        if clear[1:][good[1:]].all():
            margin = float(np.min(np.abs(value[1:][good[1:]]) / bound[1:][good[1:]]))
            return verdict(True, MESSAGE, samples=int(good[1:].sum()), margin=margin)
    return verdict(False, "the goal vanishes at the samples (to their accuracy)", samples=int(good[1:].sum()))
