"""Candidate facts read off the diagram: what could be proved, found by bucketing numbers.

Rules only try to derive facts that are numerically true, so the search is driven by the figure:
collinear and concyclic point sets, equal lengths, equidistant points, midpoints, similar triangles.

Points at one spot (hand-built figures, auxiliary points landing on old ones) would make segments of
length zero, whose lines and ratios mean nothing: of each such cluster only the first point takes part
in candidates (``coincident`` maps the others to it), so no candidate names a zero-length segment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, permutations

import numpy as np

from . import triangles

REL = 1e-6


@lru_cache(maxsize=64)
def _combinations(n: int, k: int) -> np.ndarray:
    """The k-subsets of range(n) as rows, in itertools order (read-only: shared by every index)."""
    out = np.array(list(combinations(range(n), k)), dtype=np.int64).reshape(-1, k)
    out.flags.writeable = False
    return out


@dataclass
class Apart:
    """``apart(a, b)``: a and b are at different spots of the figure. ``coords`` is read when asked
    (points drawn later count), and a deep copy of a database reads the copy's coordinates."""

    coords: dict
    tol: float

    def __call__(self, a: str, b: str) -> bool:
        """a and b are different names at different spots."""
        return a != b and float(np.hypot(*(self.coords[a] - self.coords[b]))) >= self.tol


@dataclass
class NumericIndex:
    """The candidates of one figure, computed once per point set (the engine rebuilds it when
    clauses add points): rules look their instances up here instead of searching."""

    points: list[str]
    coords: dict[str, np.ndarray]
    scale: float
    lines: list[tuple[str, ...]] = field(default_factory=list)
    circles: list[tuple[tuple[str, ...], str | None]] = field(default_factory=list)
    equidistant: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # o -> groups
    mid: list[tuple[str, str, str]] = field(default_factory=list)
    equal_segments: list[list[tuple[str, str]]] = field(default_factory=list)
    similar: list[tuple[tuple[str, str, str], tuple[str, str, str], bool]] = field(default_factory=list)
    bisectors: list[tuple[str, str, str, str]] = field(default_factory=list)
    right: set = field(default_factory=set)  # (b, a, c): angle at b between ba, bc is right
    trapezoids: list = field(default_factory=list)  # (a, b, c, d, m, n): ab ∥ cd ∥ mn, m on ad, n on bc
    coincident: dict[str, str] = field(default_factory=dict)  # a point -> the earlier point at its spot

    def __post_init__(self) -> None:
        self.tol = REL * self.scale
        self._triangle_angles: list | None = None
        self.points = self._distinct(self.points)
        names = self.points
        self.X = np.array([self.coords[p] for p in names], dtype=float)
        diff = self.X[:, None, :] - self.X[None, :, :]
        self.D = np.hypot(diff[..., 0], diff[..., 1])
        self.on_line = self._on_line()
        self.through_pair = self._through_pairs()
        self._lines()
        self._circles()
        self._lengths()
        self._triangles()
        self._trapezoids()

    def _distinct(self, names: list[str]) -> list[str]:
        """The points of ``names`` not at the spot of an earlier one (the others go to ``coincident``)."""
        kept: list[str] = []
        for p in names:
            at = self.coords[p]
            same = next((q for q in kept if np.hypot(*(self.coords[q] - at)) < self.tol), None)
            if same is None:
                kept.append(p)
            else:
                self.coincident[p] = same
        return kept

    def distinct(self, *pts: str) -> bool:
        """No two of ``pts`` (different names) at one spot: rules over known lines and circles ask
        this before naming segments between them."""
        names = list(dict.fromkeys(pts))
        return all(np.hypot(*(self.coords[a] - self.coords[b])) >= self.tol for a, b in combinations(names, 2))

    def dist(self, a: str, b: str) -> float:
        """|ab| in the figure."""
        return float(np.hypot(*(self.coords[a] - self.coords[b])))

    def ncoll(self, a: str, b: str, c: str, margin: float = 1e-3) -> bool:
        """a, b, c clearly not collinear in the figure (sine of the angle at a above ``margin``)."""
        pa, pb, pc = self.coords[a], self.coords[b], self.coords[c]
        u, v = pb - pa, pc - pa
        lu, lv = math.hypot(*u), math.hypot(*v)
        if lu < 1e-9 or lv < 1e-9:
            return False
        return abs(u[0] * v[1] - u[1] * v[0]) / (lu * lv) > margin

    def _on_line(self) -> np.ndarray:
        """``on_line[i, j, k]``: point k on line ij (distance below tol; False where i and j are
        closer than 1e-9), for all triples at once: lines and trapezoids both read it."""
        X = self.X
        U = X[None, :, :] - X[:, None, :]  # U[i, j] = X[j] - X[i]
        lu = np.hypot(U[..., 0], U[..., 1])
        cross = np.abs(U[:, :, None, 0] * U[:, None, :, 1] - U[:, :, None, 1] * U[:, None, :, 0])
        with np.errstate(divide="ignore", invalid="ignore"):
            on = cross / lu[:, :, None] < self.tol
        on &= (lu >= 1e-9)[:, :, None]
        return on

    def _through_pairs(self) -> dict[tuple[int, int], list[int]]:
        """For each pair i < j, the points on line ij (by index, ascending), read off ``on_line``
        in one pass."""
        rows = _combinations(len(self.points), 2)
        if not len(rows):
            return {}
        pairs = list(map(tuple, rows.tolist()))
        pair_of, point = np.nonzero(self.on_line[rows[:, 0], rows[:, 1]])
        ends = np.searchsorted(pair_of, np.arange(len(pairs) + 1)).tolist()
        point = point.tolist()
        return {pq: point[ends[t] : ends[t + 1]] for t, pq in enumerate(pairs)}

    def _lines(self) -> None:
        names = self.points
        seen = set()
        for (i, j), on in self.through_pair.items():
            if (i, j) in seen or not self.on_line[i, j, j]:
                continue
            if len(on) >= 3:
                for a, b in combinations(on, 2):
                    seen.add((a, b))
                self.lines.append(tuple(names[k] for k in on))

    def _circles(self) -> None:
        """Circles through three points holding a fourth point or a centre; all triples at once."""
        names, X, n = self.points, self.X, len(self.points)
        if n < 3:
            return
        T = _combinations(n, 3)
        a, b, c = X[T[:, 0]], X[T[:, 1]], X[T[:, 2]]
        d = 2 * (a[:, 0] * (b[:, 1] - c[:, 1]) + b[:, 0] * (c[:, 1] - a[:, 1]) + c[:, 0] * (a[:, 1] - b[:, 1]))
        ok = np.abs(d) >= 1e-9 * self.scale**2
        d = np.where(ok, d, 1.0)
        sa, sb, sc = (np.einsum("ij,ij->i", v, v) for v in (a, b, c))
        ux = (sa * (b[:, 1] - c[:, 1]) + sb * (c[:, 1] - a[:, 1]) + sc * (a[:, 1] - b[:, 1])) / d
        uy = (sa * (c[:, 0] - b[:, 0]) + sb * (a[:, 0] - c[:, 0]) + sc * (b[:, 0] - a[:, 0])) / d
        r = np.hypot(a[:, 0] - ux, a[:, 1] - uy)
        ok &= r <= 1e3 * self.scale
        dist = np.hypot(X[None, :, 0] - ux[:, None], X[None, :, 1] - uy[:, None])
        on = np.abs(dist - r[:, None]) < self.tol
        centre = dist < self.tol
        keep = ok & ((on.sum(axis=1) >= 4) | centre.any(axis=1))
        seen: set = set()
        rows = np.flatnonzero(keep)
        for t, on_t, centre_t in zip(map(tuple, T[rows].tolist()), on[rows].tolist(), centre[rows].tolist()):
            if t in seen:
                continue
            pts = [m for m, yes in enumerate(on_t) if yes]
            mid = next((m for m, yes in enumerate(centre_t) if yes), None)
            seen.update(combinations(pts, 3))
            self.circles.append((tuple(names[m] for m in pts), names[mid] if mid is not None else None))

    def _lengths(self) -> None:
        names, n, D = self.points, len(self.points), self.D
        orders = np.argsort(D, axis=1)
        for i in range(n):
            order = orders[i]
            groups = self._runs(D[i][order], order)
            self.equidistant[names[i]] = [
                tuple(names[k] for k in g) for g in groups if len(g) >= 2 and D[i, g[0]] > self.tol
            ]
        pos = {p: i for i, p in enumerate(names)}
        pairs = _combinations(n, 2)
        if len(pairs):
            length = D[pairs[:, 0], pairs[:, 1]]
            order = np.argsort(length, kind="stable")
            for g in self._runs(length[order], order):
                if len(g) >= 2:
                    self.equal_segments.append([(names[pairs[k, 0]], names[pairs[k, 1]]) for k in g])
        halves = (self.X[pairs[:, 0]] + self.X[pairs[:, 1]]) / 2
        at = halves[None, :, :] - self.X[:, None, :]  # at[i, pair]: from point i to the pair's midpoint
        near = np.hypot(at[..., 0], at[..., 1]) < self.tol
        own = np.arange(n)[:, None]
        near &= (pairs[None, :, 0] != own) & (pairs[None, :, 1] != own)
        for i, q in zip(*(a.tolist() for a in np.nonzero(near))):
            self.mid.append((names[i], names[pairs[q, 0]], names[pairs[q, 1]]))
        for line in self.lines:
            off = np.ones(n, dtype=bool)  # the points a off the line
            off[[pos[p] for p in line]] = False
            for d in line:
                for b, c in combinations([p for p in line if p != d], 2):
                    i, j, k = pos[d], pos[b], pos[c]
                    # ab : ac = db : dc, all a at once
                    ratio = np.abs(D[i, j] * D[:, k] - D[i, k] * D[:, j]) < self.tol * self.scale
                    for a in np.flatnonzero(ratio & off).tolist():
                        self.bisectors.append((names[a], b, c, d))
        U = self.X[None, :, :] - self.X[:, None, :]  # U[j, k] = X[k] - X[j], for every vertex j at once
        lu = np.hypot(U[..., 0], U[..., 1])
        u, v = U[:, pairs[:, 0]], U[:, pairs[:, 1]]
        lu_, lv_ = lu[:, pairs[:, 0]], lu[:, pairs[:, 1]]
        dot = u[..., 0] * v[..., 0] + u[..., 1] * v[..., 1]
        right = (lu_ > self.tol) & (lv_ > self.tol) & (np.abs(dot) < REL * lu_ * lv_)
        right &= (pairs[None, :, 0] != own) & (pairs[None, :, 1] != own)
        for j, q in zip(*(a.tolist() for a in np.nonzero(right))):
            self.right.add((names[j], names[pairs[q, 0]], names[pairs[q, 1]]))

    def _runs(self, values: np.ndarray, items: np.ndarray) -> list[list[int]]:
        """``items`` (sorted by ``values``) cut into runs of values less than tol apart, step by step."""
        if not len(items):
            return []
        ends = [0, *(np.flatnonzero(np.diff(values) >= self.tol) + 1).tolist(), len(items)]
        flat = items.tolist()
        return [flat[a:b] for a, b in zip(ends, ends[1:])]

    def _triangles(self) -> None:
        """The figure's non-flat triangles with their angles, and the pairs with equal angles (the
        loops over all triangles are vectorised in ``triangles.py``)."""
        names, X = self.points, self.X
        if len(names) < 3:
            self._tri_names, self._tri_angles = [], np.zeros((0, 3))
            return
        T = _combinations(len(names), 3)
        A, B, C = X[T[:, 0]], X[T[:, 1]], X[T[:, 2]]
        u, v = B - A, C - A
        lu, lv = np.hypot(u[:, 0], u[:, 1]), np.hypot(v[:, 0], v[:, 1])
        big = (lu >= 1e-9) & (lv >= 1e-9)
        sine = np.abs(u[:, 0] * v[:, 1] - u[:, 1] * v[:, 0]) / np.where(big, lu * lv, 1.0)
        T = T[big & (sine > 1e-3)]
        ang = triangles.triangle_angles(X, T)
        self._tri_names = [(names[i], names[j], names[k]) for i, j, k in T.tolist()]
        self._tri_angles = ang
        order = np.argsort(np.min(ang, axis=1), kind="stable")  # as a stable sort by smallest angle
        key = np.sort(ang, axis=1)[order]
        pairs = triangles.similar_pairs(key, ang[order], 1e-7)
        for s, e, p in pairs.tolist():
            t1, t2 = self._tri_names[order[s]], self._tri_names[order[e]]
            q = tuple(t2[m] for m in triangles.PERMUTATIONS[p].tolist())
            self.similar.append((t1, q, self._orient(t1) == self._orient(q)))

    @property
    def triangle_angles(self) -> list[tuple[tuple[str, str, str], list[float]]]:
        """Each non-flat triangle (x, y, z) with its angles at x, y and z (the law of sines reads
        them; built on first use)."""
        if self._triangle_angles is None:
            self._triangle_angles = list(zip(self._tri_names, self._tri_angles.tolist()))
        return self._triangle_angles

    def _orient(self, t) -> int:
        a, b, c = (self.coords[p] for p in t)
        return 1 if (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0 else -1

    @staticmethod
    def _angle(p, v, q) -> float:
        u, w = p - v, q - v
        return math.atan2(abs(u[0] * w[1] - u[1] * w[0]), float(u @ w))

    def _trapezoids(self) -> None:
        """Three parallel lines cut by two transversals a-m-d and b-n-c (a, b on one line, d, c on another)."""
        names = self.points
        on: dict[frozenset, frozenset] = {}
        for (i, j), members in self.through_pair.items():
            on[frozenset((names[i], names[j]))] = frozenset(names[k] for k in members)
        lines = sorted(set(on.values()), key=sorted)

        def direction(line):
            a, b = sorted(line)[:2]
            d = self.coords[b] - self.coords[a]
            return math.atan2(d[1], d[0]) % math.pi

        dirs = sorted((direction(l), l) for l in lines)
        classes, cur = [], [dirs[0]] if dirs else []
        for x, y in zip(dirs, dirs[1:]):
            if y[0] - x[0] < 1e-7:
                cur.append(y)
            else:
                classes.append(cur)
                cur = [y]
        if cur:
            classes.append(cur)
        if len(classes) > 1 and abs(classes[0][0][0] + math.pi - classes[-1][0][0]) < 1e-7:
            classes[0] = classes[0] + classes.pop()
        self._thales(on)
        line_of = {}
        for cls in classes:
            if len(cls) < 3:
                continue
            for _, l in cls:
                for p in l:
                    line_of[(p, id(cls))] = l
            ls = [l for _, l in cls]
            for l1, l2 in combinations(ls, 2):
                trans: dict = {}
                for a in sorted(l1):
                    for d in sorted(l2):
                        if a == d:  # two nearly parallel lines through one point
                            continue
                        for m in sorted(on[frozenset((a, d))]):
                            if m in (a, d):
                                continue
                            l3 = line_of.get((m, id(cls)))
                            if l3 is None or l3 in (l1, l2):
                                continue
                            trans.setdefault(l3, []).append((a, d, m))
                for ts in trans.values():
                    for (a, d, m), (b, c, k) in combinations(ts, 2):
                        if a != b and d != c and m != k:
                            self.trapezoids.append((a, b, c, d, m, k))

    def _thales(self, on: dict) -> None:
        """Triangle v a b cut by mn ∥ ab (m on va, n on vb): stored as the trapezoid (a, b, v, v, m, n).

        Both roles of the two parallels are kept: the ratio ma : mv and the ratio am : av are
        different equations for the ratio chase (one is about parts, the other about wholes).
        """
        lines = {line for line in on.values() if len(line) >= 3}  # a side needs v and two points
        through: dict[str, list] = {}
        for line in lines:
            for p in line:
                through.setdefault(p, []).append(line)
        for v, ls in sorted(through.items()):
            for l1, l2 in combinations(sorted(ls, key=sorted), 2):
                side1 = sorted(p for p in l1 if p != v)
                side2 = sorted(p for p in l2 if p != v)
                if len(side1) < 2 or len(side2) < 2:
                    continue
                for a, m in permutations(side1, 2):
                    for b, n in permutations(side2, 2):
                        u = self.coords[b] - self.coords[a]
                        w = self.coords[n] - self.coords[m]
                        if abs(u[0] * w[1] - u[1] * w[0]) < REL * np.hypot(*u) * np.hypot(*w):
                            self.trapezoids.append((a, b, v, v, m, n))
