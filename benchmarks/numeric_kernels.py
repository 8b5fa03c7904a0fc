"""The numba kernels of DDAR's numeric index against the Python loops they replaced, side by side.

For every figure of a bundled set (seed 0), in one process: the vertex angles of every non-flat
triangle and the search for pairs with equal angles, once as the Python loops that were in
``ddar/numeric.py`` before (``math.atan2`` one by one, a window loop over sorted angles), once as
numpy's vectorised ``arctan2`` (angles only), once as the kernels of ``ddar/kernels.py``. The two
alternate figure by figure, each the best of ``--repeat`` runs; the kernels' first call (compile,
or load from the disk cache) is made before timing. Prints a Markdown table and the median ratios.

Usage: python benchmarks/numeric_kernels.py [--set imo_ag_30] [--repeat 5] [--out results/x.md]
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from itertools import combinations, permutations
from pathlib import Path

import numpy as np

from geoprover.bench import git_commit, machine_line
from geoprover.ddar import kernels
from geoprover.language import bundled_sets, parse_problem_file
from geoprover.numeric.diagram import draw

EPS = 1e-7


def _triangles(X: np.ndarray) -> np.ndarray:
    """The non-flat triangles of the figure, as the index selects them."""
    T = np.array(list(combinations(range(len(X)), 3)), dtype=np.int64)
    A, B, C = X[T[:, 0]], X[T[:, 1]], X[T[:, 2]]
    u, v = B - A, C - A
    lu, lv = np.hypot(u[:, 0], u[:, 1]), np.hypot(v[:, 0], v[:, 1])
    big = (lu >= 1e-9) & (lv >= 1e-9)
    sine = np.abs(u[:, 0] * v[:, 1] - u[:, 1] * v[:, 0]) / np.where(big, lu * lv, 1.0)
    return np.ascontiguousarray(T[big & (sine > 1e-3)])


def python_angles(X: np.ndarray, T: np.ndarray) -> list[list[float]]:
    """The replaced loop: math.atan2 over lists."""
    A, B, C = X[T[:, 0]], X[T[:, 1]], X[T[:, 2]]

    def angle(p, v, q):
        u, w = p - v, q - v
        cross = np.abs(u[:, 0] * w[:, 1] - u[:, 1] * w[:, 0]).tolist()
        dot = (u[:, 0] * w[:, 0] + u[:, 1] * w[:, 1]).tolist()
        return list(map(math.atan2, cross, dot))

    return [list(t) for t in zip(angle(B, A, C), angle(A, B, C), angle(A, C, B))]


def numpy_angles(X: np.ndarray, T: np.ndarray) -> np.ndarray:
    """numpy's arctan2 on whole arrays (its floats may differ from math.atan2 in the last bit)."""
    A, B, C = X[T[:, 0]], X[T[:, 1]], X[T[:, 2]]

    def angle(p, v, q):
        u, w = p - v, q - v
        return np.arctan2(np.abs(u[:, 0] * w[:, 1] - u[:, 1] * w[:, 0]), u[:, 0] * w[:, 0] + u[:, 1] * w[:, 1])

    return np.stack([angle(B, A, C), angle(A, B, C), angle(A, C, B)], axis=1)


def python_pairs(angs: list[list[float]]) -> list[tuple[int, int, int]]:
    """The replaced window loop over triangles sorted by their smallest angle."""
    tris = sorted(((sorted(a), i, a) for i, a in enumerate(angs)), key=lambda t: t[0][0])
    out = []
    for s in range(len(tris)):
        key1, _, ang1 = tris[s]
        for e in range(s + 1, len(tris)):
            key2, _, ang2 = tris[e]
            if key2[0] - key1[0] > EPS:
                break
            if abs(key2[1] - key1[1]) > EPS:
                continue
            for p, perm in enumerate(permutations(range(3))):
                if all(abs(ang1[m] - ang2[perm[m]]) < EPS for m in range(3)):
                    out.append((s, e, p))
    return out


def kernel_pairs(ang: np.ndarray) -> np.ndarray:
    order = np.argsort(np.min(ang, axis=1), kind="stable")
    key = np.ascontiguousarray(np.sort(ang, axis=1)[order])
    return kernels.similar_pairs(key, np.ascontiguousarray(ang[order]), EPS)


def best(repeat: int, fn, *args) -> tuple[float, object]:
    """The fastest of ``repeat`` calls of fn(*args), and its output."""
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn(*args)
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="imo_ag_30")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    warm = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    kernel_pairs(kernels.triangle_angles(warm, _triangles(warm)))  # compile or load the cache
    rows = []
    for problem in parse_problem_file(bundled_sets()[args.set]):
        try:
            d = draw(problem, 0)
        except Exception:  # a problem that cannot be drawn has no index
            continue
        X = np.array(list(d.coords.values()), dtype=float)
        T = _triangles(X)
        t_py_ang, angs = best(args.repeat, python_angles, X, T)
        t_np_ang, _ = best(args.repeat, numpy_angles, X, T)
        t_nb_ang, ang = best(args.repeat, kernels.triangle_angles, X, T)
        t_py_pairs, want = best(args.repeat, python_pairs, angs)
        t_nb_pairs, got = best(args.repeat, kernel_pairs, ang)
        assert np.array_equal(np.array(angs), ang), problem.name  # the same floats
        assert [tuple(r) for r in got.tolist()] == want, problem.name
        rows.append((problem.name, len(X), len(T), len(want), t_py_ang, t_np_ang, t_nb_ang, t_py_pairs, t_nb_pairs))
    lines = [
        f"# Numba kernels of the numeric index against the Python loops they replaced ({args.set})",
        "",
        f"- commit {git_commit()}; {machine_line()}; date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- command: `python benchmarks/numeric_kernels.py --set {args.set} --repeat {args.repeat}`",
        "- one process, figure by figure (seed 0), best of the repeats; milliseconds; every figure's kernel "
        "output is checked equal to the Python loop's (same floats, same pairs)",
        "",
        "| problem | points | triangles | similar pairs | angles: Python | angles: numpy | angles: numba "
        "| pairs: Python | pairs: numba |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, n, t, pairs, *ts in rows:
        lines.append(f"| {name} | {n} | {t} | {pairs} | " + " | ".join(f"{x * 1000:.3f}" for x in ts) + " |")
    med = statistics.median
    lines += [
        "",
        f"Median over {len(rows)} figures: angles Python/numba {med(r[4] / r[6] for r in rows):.1f}×, "
        f"angles numpy/numba {med(r[5] / r[6] for r in rows):.1f}×, "
        f"pairs Python/numba {med(r[7] / r[8] for r in rows):.1f}×.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
