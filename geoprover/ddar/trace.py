"""Trace back from the goal: keep only the facts it needs, premises first, and no idle chase premise.

``needed`` lists the proof graph under the goal; ``minimize`` drops chase premises a fresh chase
(``rederive.py``) does not need. Printing is ``render.py``; checking the steps in the figure and
listing what they rely on is ``conditions.py``; dropping whole steps is ``prune.py``.
"""

from __future__ import annotations

import heapq

from .database import Database
from .nodes import Node
from .rederive import derives, justify, rederivable
from .table import CHASES


def restates(node: Node, goal_text: str) -> bool:
    """The node states the goal, its points perhaps listed in another order."""
    if node.text == goal_text:
        return True
    name, *args = goal_text.split()
    if node.pred is None or node.pred.name != name:
        return False
    if name in ("coll", "cyclic"):
        return set(node.pred.args) == set(args)
    if name in ("para", "perp", "cong"):

        def pairs(a):
            return frozenset((frozenset(a[:2]), frozenset(a[2:4])))

        return pairs(node.pred.args) == pairs(args)
    return False


def needed(goal_nodes: list[Node]) -> list[Node]:
    """Every node the goal rests on, premises before conclusions (by age where the order is free:
    the global pruning can make a step cite a fact learnt after it)."""
    seen: dict[int, Node] = {}
    stack = list(goal_nodes)
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen[id(n)] = n
        stack.extend(n.premises)
    waiting = {k: len({id(p) for p in n.premises}) for k, n in seen.items()}
    users: dict[int, list[Node]] = {}
    for n in seen.values():
        for k in {id(p) for p in n.premises}:
            users.setdefault(k, []).append(n)
    ready = [(n.ident, k) for k, n in seen.items() if waiting[k] == 0]
    heapq.heapify(ready)
    out = []
    while ready:
        _, k = heapq.heappop(ready)
        out.append(seen[k])
        for u in users.get(k, ()):
            waiting[id(u)] -= 1
            if waiting[id(u)] == 0:
                heapq.heappush(ready, (u.ident, id(u)))
    return out


def minimize(db: Database, goal_nodes: list[Node]) -> None:
    """Drop chase premises the chase does not need (greedy, one at a time), so no step is idle."""
    for node in needed(goal_nodes):
        if node.rule not in CHASES or node.pred is None or len(node.premises) < 2:
            continue
        if any(p.pred is None and not p.equations and p.rule != "figure_half" for p in node.premises):
            continue
        keep = list(node.premises)
        if not rederivable(db, keep, node.pred):
            continue  # relies on something only the full database states; leave as is
        used = justify(db, keep, node, lambda q: q.premises)  # the facts a fresh chase uses
        if used is not None and len(used[1]) < len(keep) and derives(db, used[1], node):
            keep = list(used[1])
        changed = True
        while changed:  # to a fixpoint: a choice replayed with fewer facts can settle differently
            changed = False
            for p in list(keep):
                trial = [q for q in keep if q is not p]
                if rederivable(db, trial, node.pred):
                    keep, changed = trial, True
        node.premises = tuple(keep)
