"""The numeric index's triangle loops three ways, side by side: Python, numpy (used), numba.

For every figure of a bundled set (seed 0), in one process: the vertex angles of every non-flat
triangle and the search for pairs with equal angles, as the Python loops that were in
``ddar/numeric.py`` before (a window loop over sorted angles), as ``ddar/triangles.py`` does it
(numpy; the angles by ``math.atan2`` one by one), with numpy's ``arctan2`` on whole arrays (angles
only), and as numba kernels written here. Each is the best of ``--repeat`` runs; the kernels' first
call is made before timing, and its cost (loading the compiled code from the disk cache, or
compiling) is measured apart, in fresh processes: that cost decided against numba here.

Usage: python benchmarks/numeric_kernels.py [--set imo_ag_30] [--repeat 5] [--out results/x.md]
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import time
from itertools import combinations, permutations
from pathlib import Path

import numba
import numpy as np

from geoprover.bench import git_commit, machine_line
from geoprover.ddar import triangles
from geoprover.language import bundled_sets, parse_problem_file
from geoprover.numeric.diagram import draw

EPS = 1e-7
_PERMS = triangles.PERMUTATIONS


@numba.njit(cache=True)
def _numba_vertex_angle(px: float, py: float, vx: float, vy: float, qx: float, qy: float) -> float:
    """The angle at v between vp and vq, in [0, π]."""
    ux, uy, wx, wy = px - vx, py - vy, qx - vx, qy - vy
    return math.atan2(abs(ux * wy - uy * wx), ux * wx + uy * wy)


@numba.njit(cache=True)
def numba_angles(X: np.ndarray, T: np.ndarray) -> np.ndarray:
    """For each triangle (i, j, k) of ``T`` (rows of point indices into ``X``), its angles at i, j
    and k."""
    out = np.empty((T.shape[0], 3))
    for t in range(T.shape[0]):
        a, b, c = T[t, 0], T[t, 1], T[t, 2]
        ax, ay, bx, by, cx, cy = X[a, 0], X[a, 1], X[b, 0], X[b, 1], X[c, 0], X[c, 1]
        out[t, 0] = _numba_vertex_angle(bx, by, ax, ay, cx, cy)
        out[t, 1] = _numba_vertex_angle(ax, ay, bx, by, cx, cy)
        out[t, 2] = _numba_vertex_angle(ax, ay, cx, cy, bx, by)
    return out


@numba.njit(cache=True)
def numba_similar_pairs(key: np.ndarray, ang: np.ndarray, eps: float) -> np.ndarray:
    """Pairs of triangles with equal angles: rows (s, e, p) with s < e, triangle e's vertices
    permuted by ``_PERMS[p]`` matching triangle s's angle for angle (within ``eps``).

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
                    abs(ang[s, 0] - ang[e, _PERMS[p, 0]]) < eps
                    and abs(ang[s, 1] - ang[e, _PERMS[p, 1]]) < eps
                    and abs(ang[s, 2] - ang[e, _PERMS[p, 2]]) < eps
                ):
                    if count == out.shape[0]:
                        grown = np.empty((2 * count, 3), dtype=np.int64)
                        grown[:count] = out
                        out = grown
                    out[count, 0], out[count, 1], out[count, 2] = s, e, p
                    count += 1
    return out[:count]


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


def _ordered(ang: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(np.min(ang, axis=1), kind="stable")
    return np.ascontiguousarray(np.sort(ang, axis=1)[order]), np.ascontiguousarray(ang[order])


def numpy_pairs(ang: np.ndarray) -> np.ndarray:
    return triangles.similar_pairs(*_ordered(ang), EPS)


def numba_pairs(ang: np.ndarray) -> np.ndarray:
    return numba_similar_pairs(*_ordered(ang), EPS)


FIRST_CALL = """
import time, numpy as np, sys
sys.path.insert(0, sys.argv[1])
import numeric_kernels as k
X = np.random.default_rng(0).random((6, 2)); T = k._triangles(X)
t = time.perf_counter(); ang = k.numba_angles(X, T); k.numba_pairs(ang); print(time.perf_counter() - t)
"""


def first_call_seconds(times: int = 3) -> list[float]:
    """The numba kernels' first call in fresh processes (imports not counted)."""
    here = str(Path(__file__).resolve().parent)
    out = []
    for _ in range(times):
        run = subprocess.run([sys.executable, "-c", FIRST_CALL, here], capture_output=True, text=True, check=True)
        out.append(float(run.stdout.split()[-1]))
    return out


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
    numba_pairs(numba_angles(warm, _triangles(warm)))  # compile or load the cache before timing
    first = first_call_seconds()
    rows = []
    for problem in parse_problem_file(bundled_sets()[args.set]):
        try:
            d = draw(problem, 0)
        except Exception:  # a problem that cannot be drawn has no index
            continue
        X = np.array(list(d.coords.values()), dtype=float)
        T = _triangles(X)
        t_py_ang, angs = best(args.repeat, python_angles, X, T)
        t_used_ang, used = best(args.repeat, triangles.triangle_angles, X, T)
        t_np_ang, _ = best(args.repeat, numpy_angles, X, T)
        t_nb_ang, ang = best(args.repeat, numba_angles, X, T)
        t_py_pairs, want = best(args.repeat, python_pairs, angs)
        t_np_pairs, got_np = best(args.repeat, numpy_pairs, used)
        t_nb_pairs, got_nb = best(args.repeat, numba_pairs, ang)
        assert np.array_equal(np.array(angs).reshape(-1, 3), ang) and np.array_equal(used, ang), problem.name
        assert [tuple(r) for r in got_np.tolist()] == want == [tuple(r) for r in got_nb.tolist()], problem.name
        rows.append(
            (problem.name, len(X), len(T), len(want), t_py_ang, t_used_ang, t_np_ang, t_nb_ang)
            + (t_py_pairs, t_np_pairs, t_nb_pairs)
        )
    med = statistics.median
    lines = [
        f"# The numeric index's triangle loops: Python, numpy (used) and numba, side by side ({args.set})",
        "",
        f"- commit {git_commit()}; {machine_line()}; date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- command: `python benchmarks/numeric_kernels.py --set {args.set} --repeat {args.repeat}`",
        "- one process, figure by figure (seed 0), best of the repeats; milliseconds. Every figure's outputs "
        "are checked equal (the same floats, the same pairs in the same order)",
        "- angles: Python = math.atan2 over lists (what ddar/triangles.py keeps), numpy = arctan2 on arrays "
        "(not used: it can differ in the last bit), numba = a kernel; pairs: Python = the old window loop, "
        "numpy = ddar/triangles.py, numba = a kernel",
        "- the numba kernels' first call in a fresh process (loading their cached compiled code): "
        + ", ".join(f"{x * 1000:.0f}" for x in first)
        + " ms",
        "",
        "| problem | points | triangles | similar pairs | angles: Python | angles: used | angles: numpy "
        "| angles: numba | pairs: Python loop | pairs: numpy (used) | pairs: numba |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, n, t, pairs, *ts in rows:
        lines.append(f"| {name} | {n} | {t} | {pairs} | " + " | ".join(f"{x * 1000:.3f}" for x in ts) + " |")
    saved = med((r[4] + r[8]) - (r[7] + r[10]) for r in rows)
    lines += [
        "",
        f"Median over {len(rows)} figures: pairs Python loop / numpy {med(r[8] / r[9] for r in rows):.1f}×, "
        f"numpy / numba {med(r[9] / r[10] for r in rows):.1f}×; angles math.atan2 / numba "
        f"{med(r[4] / r[7] for r in rows):.1f}×.",
        f"numba would save a median {saved * 1000:.2f} ms an index build over the Python loops, and "
        f"{med((r[5] + r[9]) - (r[7] + r[10]) for r in rows) * 1000:.2f} ms over what is used; its first call costs "
        f"{med(first) * 1000:.0f} ms a process, more than a DDAR proof's few index builds take in all, so DDAR "
        "uses numpy (numba stays where it pays: Wu's evaluation kernels).",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
