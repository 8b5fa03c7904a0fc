"""Lines and circles as merged objects: every known-collinear (concyclic) point set is one object.

A fact about a line is then stated once, whatever two of its points name it. Each object keeps the
fact nodes that built it, for the proof.

Two names at one spot (``apart`` says which pairs are not) do not fix a line: objects merge only
on two (circles: three) points at different spots, and such a pair never names a line.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any


def _distinct(a: str, b: str) -> bool:
    return a != b


def spots(pts: Collection[str], apart: Callable[[str, str], bool]) -> int:
    """How many different places the points of ``pts`` occupy."""
    if apart is _distinct or len(pts) < 2:
        return len(pts)
    reps: list[str] = []
    for p in sorted(pts):
        if all(apart(p, q) for q in reps):
            reps.append(p)
    return len(reps)


@dataclass
class Obj:
    """A line or circle: its points, the facts that built it, and (circles) a known centre."""

    ident: int
    points: set
    nodes: list = field(default_factory=list)  # (node, frozenset of the points it states)
    center: str | None = None
    center_nodes: list = field(default_factory=list)

    def __deepcopy__(self, memo: dict) -> "Obj":
        """A copy to grow: its own point set and lists (their items, nodes and frozensets, are shared)."""
        twin = Obj(self.ident, set(self.points), list(self.nodes), self.center, list(self.center_nodes))
        memo[id(self)] = twin
        return twin


class Lines:
    """Union of known-collinear point sets; ``line(a, b)`` names the object through a and b."""

    def __init__(self, apart: Callable[[str, str], bool] = _distinct) -> None:
        self.apart = apart
        self.objs: dict[int, Obj] = {}
        self.parent: dict[int, int] = {}
        self.pair: dict[frozenset, int] = {}
        self.through: dict[str, set[int]] = {}
        self.count = 0

    def __deepcopy__(self, memo: dict) -> "Lines":
        """A copy to grow: its own objects and indexes (keys and ids are immutable, so shallow
        copies of the dicts will do; ``apart`` reads the copied store's coordinates)."""
        twin = object.__new__(type(self))
        memo[id(self)] = twin
        twin.__dict__.update(self.__dict__)
        twin.apart = copy.deepcopy(self.apart, memo)
        twin.objs = {i: copy.deepcopy(o, memo) for i, o in self.objs.items()}
        twin.parent = dict(self.parent)
        twin.pair = dict(self.pair)
        twin.through = {p: set(ids) for p, ids in self.through.items()}
        return twin

    def find(self, i: int) -> int:
        """The line object ``i`` was merged into (union-find, with path halving)."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _new(self, pts: set) -> int:
        i = self.count
        self.count += 1
        self.objs[i] = Obj(i, set(pts))
        self.parent[i] = i
        for p in pts:
            self.through.setdefault(p, set()).add(i)
        return i

    def line(self, a: str, b: str) -> int:
        """The line through a and b (a new two-point line the first time the pair is named)."""
        key = frozenset((a, b))
        i = self.pair.get(key)
        if i is None:
            i = self._new({a, b})
            self.pair[key] = i
            return i
        return self.find(i)

    def two(self, i: int) -> tuple[str, str]:
        """Two points naming line ``i`` (for its direction): the first by name and the first after it
        at another spot."""
        pts = sorted(self.objs[i].points)
        return pts[0], next((q for q in pts[1:] if self.apart(pts[0], q)), pts[1])

    def collinear(self, pts: Iterable[str]) -> Obj | None:
        """The known line holding all of ``pts``, or None."""
        pts = list(dict.fromkeys(pts))
        if len(pts) < 2:
            return None
        obj = self.objs[self.line(pts[0], pts[1])]
        return obj if all(p in obj.points for p in pts) else None

    def add(self, pts: Iterable[str], node: Any) -> tuple[int, list[int]]:
        """State that ``pts`` are collinear; returns (kept line, absorbed lines)."""
        pts = set(pts)
        pairs = [(a, b) for a, b in combinations(sorted(pts), 2) if self.apart(a, b)]
        if not pairs:  # all at one spot: no line is named
            a, b = sorted(pts)[:2]
            return self.line(a, b), []
        group = {self.line(a, b) for a, b in pairs}
        members = set(pts)
        for i in group:
            members |= self.objs[i].points
        changed = True
        while changed:
            changed = False
            for p in list(members):
                for j in list(self.through.get(p, ())):
                    if j in group or self.parent[j] != j:
                        continue
                    if spots(self.objs[j].points & members, self.apart) >= 2:
                        group.add(j)
                        members |= self.objs[j].points
                        changed = True
        kept = max(group, key=lambda i: (len(self.objs[i].points), -i))
        absorbed = [i for i in group if i != kept]
        obj = self.objs[kept]
        for i in absorbed:
            self.parent[i] = kept
            old = self.objs[i]
            obj.nodes.extend(old.nodes)
            for p in old.points:
                self.through[p].discard(i)
        new_points = members - obj.points
        obj.points = members
        obj.nodes.append((node, frozenset(pts)))
        for p in members:
            self.through.setdefault(p, set()).add(kept)
        if absorbed or new_points:
            for a, b in combinations(members, 2):
                if self.apart(a, b):
                    self.pair[frozenset((a, b))] = kept
        return kept, absorbed

    def alive(self) -> list[Obj]:
        """The lines not merged into others, with three points or more (two points state nothing)."""
        return [o for i, o in self.objs.items() if self.parent[i] == i and len(o.points) >= 3]


class Circles:
    """Known-concyclic point sets (three or more points, or a centre and two points)."""

    def __init__(self, apart: Callable[[str, str], bool] = _distinct) -> None:
        self.apart = apart
        self.objs: dict[int, Obj] = {}
        self.count = 0
        self.version = 0

    def __deepcopy__(self, memo: dict) -> "Circles":
        """A copy to grow: its own circle objects (``apart`` reads the copied store's coordinates)."""
        twin = object.__new__(type(self))
        memo[id(self)] = twin
        twin.__dict__.update(self.__dict__)
        twin.apart = copy.deepcopy(self.apart, memo)
        twin.objs = {i: copy.deepcopy(o, memo) for i, o in self.objs.items()}
        return twin

    def alive(self) -> list[Obj]:
        """The known circles."""
        return list(self.objs.values())

    def containing(self, pts: Iterable[str]) -> Obj | None:
        """The known circle holding all of ``pts``, or None."""
        pts = set(pts)
        for o in self.objs.values():
            if pts <= o.points:
                return o
        return None

    def add(self, pts: Iterable[str], node: Any, center: str | None = None, center_nodes: Iterable = ()) -> Obj:
        """Add a circle through ``pts`` (with ``center`` if known), merging with circles it meets."""
        pts = set(pts)
        merged = [
            o
            for o in self.objs.values()
            if spots(o.points & pts, self.apart) >= 3 or (center is not None and o.center == center and o.points & pts)
        ]
        i = self.count
        self.count += 1
        obj = Obj(i, set(pts), [(node, frozenset(pts))] if node is not None else [])
        if center is not None:
            obj.center, obj.center_nodes = center, list(center_nodes)
        for o in merged:
            del self.objs[o.ident]
            obj.points |= o.points
            obj.nodes = o.nodes + obj.nodes
            if obj.center is None and o.center is not None:
                obj.center, obj.center_nodes = o.center, o.center_nodes
            elif o.center is not None:
                obj.center_nodes = o.center_nodes + obj.center_nodes
        self.objs[i] = obj
        self.version += 1
        return obj
