"""Numba kernels: sparse polynomials and their partial derivatives at many points in one call.

A flint polynomial is converted once to a compressed sparse form (per term its coefficient and
the (variable, exponent) pairs with a non-zero exponent); the kernel then evaluates it at a batch
of real or complex points, with the size of its terms (for relative zero tests) and the partial
derivatives in chosen variables (for Newton's method and error bounds). Compiled code is cached
on disk (``cache=True``), so only the first run on a machine pays for compilation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numba
import numpy as np

from .algebra import Poly


@dataclass(frozen=True)
class Sparse:
    """A polynomial as arrays: term t has coefficient ``coeffs[t]`` and the factors
    ``var[k] ** exp[k]`` for k in ``ptr[t]:ptr[t + 1]``."""

    nvars: int
    coeffs: np.ndarray  # float64 (terms,)
    ptr: np.ndarray  # int64 (terms + 1,)
    var: np.ndarray  # int64 (non-zero exponents,)
    exp: np.ndarray  # int64 (non-zero exponents,)

    @classmethod
    def of(cls, p: Poly, nvars: int) -> "Sparse":
        monoms = p.monoms()
        if not monoms:
            empty = np.zeros(0, dtype=np.int64)
            return cls(nvars, np.zeros(0), np.zeros(1, dtype=np.int64), empty, empty)
        exps = np.array(monoms, dtype=np.int64).reshape(len(monoms), nvars)
        rows, cols = np.nonzero(exps)  # row-major: the factors of each term in order
        ptr = np.zeros(len(monoms) + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=len(monoms)), out=ptr[1:])
        coeffs = np.array([float(c) for c in p.coeffs()])
        return cls(nvars, coeffs, ptr, cols.astype(np.int64), exps[rows, cols])

    def __len__(self) -> int:
        return len(self.coeffs)

    def at(
        self, points: np.ndarray, wrt: tuple[int, ...] | list[int] = ()
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Values, sizes (sum of |term|) and partial derivatives in ``wrt`` at every row of ``points``.

        ``points`` has one row per point and one column per variable (float64 or complex128);
        the derivatives come as an array (points, len(wrt)).
        """
        points = np.ascontiguousarray(points)
        if points.dtype != np.complex128:
            points = points.astype(np.float64)
        slot = np.full(self.nvars, -1, dtype=np.int64)
        for i, v in enumerate(wrt):
            slot[v] = i
        values = np.zeros(len(points), dtype=points.dtype)
        sizes = np.zeros(len(points))
        derivs = np.zeros((len(points), len(wrt)), dtype=points.dtype)
        _evaluate(self.coeffs.astype(points.dtype), self.ptr, self.var, self.exp, points, slot, values, sizes, derivs)
        return values, sizes, derivs


@numba.njit(cache=True, nogil=True)
def _ipow(x, e):
    out = x * 0 + 1
    while e:
        if e & 1:
            out = out * x
        x = x * x
        e >>= 1
    return out


@numba.njit(cache=True, nogil=True)
def _evaluate(coeffs, ptr, var, exp, points, slot, values, sizes, derivs):
    for i in range(points.shape[0]):
        x = points[i]
        total = values[i] * 0
        size = 0.0
        for t in range(coeffs.shape[0]):
            term = coeffs[t]
            for k in range(ptr[t], ptr[t + 1]):
                term = term * _ipow(x[var[k]], exp[k])
            total += term
            size += abs(term)
            for k in range(ptr[t], ptr[t + 1]):
                s = slot[var[k]]
                if s < 0:
                    continue
                # d/dx_v of c·Π x_u^e_u, without dividing by x_v (it may be zero)
                d = coeffs[t] * exp[k] * _ipow(x[var[k]], exp[k] - 1)
                for j in range(ptr[t], ptr[t + 1]):
                    if j != k:
                        d = d * _ipow(x[var[j]], exp[j])
                derivs[i, s] += d
        values[i] = total
        sizes[i] = size
