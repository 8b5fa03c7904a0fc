"""Print a traced proof: numbered lines, premises first, each derived line with the rule in words."""

from __future__ import annotations

from .database import Database
from .nodes import Node
from .table import GOAL_STEP
from .trace import needed, restates


def _equations(node: Node) -> dict:
    """A fact that is no predicate as its equations (what the report's chase display adds up)."""
    eqs = node.equations or node.reads
    if node.pred is not None or not eqs:
        return {}
    out = []
    for system, terms, const, primes in eqs:
        out.append(
            {
                "system": system,
                "terms": [[str(k), a, b] for k, a, b in terms],
                "const": str(const),
                "primes": {str(p): str(k) for p, k in (primes or {}).items()},
            }
        )
    return {"equations": out}


def render(db: Database, goal_text: str, goal_nodes: list[Node]) -> tuple[list[str], list[dict]]:
    """Numbered proof lines (premises first) and the same as JSON-able records."""
    goal_nodes = list(dict.fromkeys(goal_nodes))
    nodes = needed(goal_nodes)
    given = [n for n in nodes if n.rule == "given"]
    derived = [n for n in nodes if n.rule != "given"]
    number: dict[int, int] = {}
    lines, records = [], []
    for n in given:
        number[n.ident] = len(number) + 1
        lines.append(f"{number[n.ident]}. {n.text}  [premise]")
        records.append({"ref": number[n.ident], "fact": n.text, "rule": "premise", "from": []})
    for n in derived:
        number[n.ident] = len(number) + 1
        refs = [number[p.ident] for p in n.premises]
        lhs = " & ".join(f"{p.text} [{number[p.ident]}]" for p in n.premises)
        words = db.words(n.rule)
        lines.append(
            f"{number[n.ident]}. {lhs} ⇒ {n.text}  ({words})" if lhs else f"{number[n.ident]}. {n.text}  ({words})"
        )
        records.append({"ref": number[n.ident], "fact": n.text, "rule": n.rule, "from": refs, **_equations(n)})
    # the goal itself, when it needed a final chase over several facts
    if len(goal_nodes) != 1 or not restates(goal_nodes[0], goal_text):
        refs = [number[g.ident] for g in goal_nodes]
        lhs = " & ".join(f"{g.text} [{number[g.ident]}]" for g in goal_nodes)
        kind = goal_text.split()[0] if goal_text else ""
        rule = GOAL_STEP.get(kind, "goal")
        lines.append(f"{len(number) + 1}. {lhs} ⇒ {goal_text}  ({db.words(rule)})")
        records.append({"ref": len(number) + 1, "fact": goal_text, "rule": rule, "from": refs})
    return lines, records
