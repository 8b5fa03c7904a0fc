"""Numba kernels of the numeric index: the loops over all triangles of a figure.

An auxiliary-point search rebuilds the index of every extended figure, and its similar-triangle
candidates are the one part of it that loops in Python over every triangle (about a thousand for
twenty points). Here both loops are compiled: the vertex angles (``math.atan2`` as in Python, so
the floats are the same ones) and the window search for triangles with equal angles.
``benchmarks/numeric_kernels.py`` measures them against the Python loops they replaced. Compiled
code is cached on disk (``cache=True``): only a machine's first run pays for compilation.
"""

from __future__ import annotations

import math

import numba
import numpy as np

# the permutations of three vertices, in itertools.permutations order
PERMUTATIONS = np.array([(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)], dtype=np.int64)


@numba.njit(cache=True)
def _vertex_angle(px: float, py: float, vx: float, vy: float, qx: float, qy: float) -> float:
    """The angle at v between vp and vq, in [0, π]."""
    ux, uy, wx, wy = px - vx, py - vy, qx - vx, qy - vy
    return math.atan2(abs(ux * wy - uy * wx), ux * wx + uy * wy)


@numba.njit(cache=True)
def triangle_angles(X: np.ndarray, T: np.ndarray) -> np.ndarray:
    """For each triangle (i, j, k) of ``T`` (rows of point indices into ``X``), its angles at i, j
    and k."""
    out = np.empty((T.shape[0], 3))
    for t in range(T.shape[0]):
        a, b, c = T[t, 0], T[t, 1], T[t, 2]
        ax, ay, bx, by, cx, cy = X[a, 0], X[a, 1], X[b, 0], X[b, 1], X[c, 0], X[c, 1]
        out[t, 0] = _vertex_angle(bx, by, ax, ay, cx, cy)
        out[t, 1] = _vertex_angle(ax, ay, bx, by, cx, cy)
        out[t, 2] = _vertex_angle(ax, ay, cx, cy, bx, by)
    return out


@numba.njit(cache=True)
def similar_pairs(key: np.ndarray, ang: np.ndarray, eps: float) -> np.ndarray:
    """Pairs of triangles with equal angles: rows (s, e, p) with s < e, triangle e's vertices
    permuted by ``PERMUTATIONS[p]`` matching triangle s's angle for angle (within ``eps``).

    ``key`` holds each triangle's angles sorted, and the triangles come ordered by their smallest
    angle, so the candidates of s are the window after it whose smallest angle is within ``eps``.
    """
    m = key.shape[0]
    out = np.empty((64, 3), dtype=np.int64)
    count = 0
    for s in range(m):
        for e in range(s + 1, m):
            if key[e, 0] - key[s, 0] > eps:
                break
            if abs(key[e, 1] - key[s, 1]) > eps:
                continue
            for p in range(6):
                if (
                    abs(ang[s, 0] - ang[e, PERMUTATIONS[p, 0]]) < eps
                    and abs(ang[s, 1] - ang[e, PERMUTATIONS[p, 1]]) < eps
                    and abs(ang[s, 2] - ang[e, PERMUTATIONS[p, 2]]) < eps
                ):
                    if count == out.shape[0]:
                        grown = np.empty((2 * count, 3), dtype=np.int64)
                        grown[:count] = out
                        out = grown
                    out[count, 0], out[count, 1], out[count, 2] = s, e, p
                    count += 1
    return out[:count]
