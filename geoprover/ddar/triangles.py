"""The numeric index's loops over all triangles of a figure: vertex angles and equal-angle pairs.

An auxiliary-point search rebuilds the index of every extended figure (about a thousand triangles
for twenty points), so these two are vectorised. The angles keep ``math.atan2`` one by one (numpy's
``arctan2`` can differ in the last bit, and the index's tolerances are compared against them);
the pair search is numpy over a window of triangles whose smallest angles are within ``eps``.

Numba kernels of both were measured against these (``benchmarks/numeric_kernels.py``): several
times faster a call, but their first call in a process costs about half a second (loading the
compiled code), which is more than a DDAR proof's index builds take in all; so numpy it is.
"""

from __future__ import annotations

import math

import numpy as np

# the permutations of three vertices, in itertools.permutations order
PERMUTATIONS = np.array([(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)], dtype=np.int64)


def triangle_angles(X: np.ndarray, T: np.ndarray) -> np.ndarray:
    """For each triangle (i, j, k) of ``T`` (rows of point indices into ``X``), its angles at i, j
    and k, in [0, π]."""
    A, B, C = X[T[:, 0]], X[T[:, 1]], X[T[:, 2]]

    def angle(p: np.ndarray, v: np.ndarray, q: np.ndarray) -> list[float]:  # at v, between vp and vq
        u, w = p - v, q - v
        cross = np.abs(u[:, 0] * w[:, 1] - u[:, 1] * w[:, 0]).tolist()
        dot = (u[:, 0] * w[:, 0] + u[:, 1] * w[:, 1]).tolist()
        return list(map(math.atan2, cross, dot))

    return np.array([angle(B, A, C), angle(A, B, C), angle(A, C, B)], dtype=float).T.reshape(-1, 3)


def similar_pairs(key: np.ndarray, ang: np.ndarray, eps: float) -> np.ndarray:
    """Pairs of triangles with equal angles: rows (s, e, p) with s < e, triangle e's vertices
    permuted by ``PERMUTATIONS[p]`` matching triangle s's angle for angle (within ``eps``), in the
    order of a loop over s, then e, then p.

    ``key`` holds each triangle's angles sorted, and the triangles come ordered by their smallest
    angle, so the candidates of s are the triangles after it whose smallest angle exceeds its own
    by at most ``eps`` (a run: the differences grow along the sorted order).
    """
    m = len(key)
    if m < 2:
        return np.zeros((0, 3), dtype=np.int64)
    first = key[:, 0]
    ends = np.searchsorted(first, first + 2 * eps, side="right")  # a window that holds the run
    counts = np.maximum(ends - np.arange(m) - 1, 0)
    s = np.repeat(np.arange(m), counts)
    starts = np.cumsum(counts) - counts
    e = np.arange(counts.sum()) - np.repeat(starts, counts) + s + 1
    near = (key[e, 0] - key[s, 0] <= eps) & (np.abs(key[e, 1] - key[s, 1]) <= eps)
    s, e = s[near], e[near]
    rows = []
    for p, perm in enumerate(PERMUTATIONS):
        match = np.all(np.abs(ang[s] - ang[e][:, perm]) < eps, axis=1)
        rows.append(np.stack([s[match], e[match], np.full(int(match.sum()), p)], axis=1))
    out = np.concatenate(rows).astype(np.int64)
    return out[np.lexsort((out[:, 2], out[:, 1], out[:, 0]))]
