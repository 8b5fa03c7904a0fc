"""Load the rule table (rules.txt): every rule's key, statement and wording for proofs."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Rule:
    """One row of rules.txt."""

    key: str
    statement: str
    words: str


def load_rules() -> dict[str, Rule]:
    """The rows of rules.txt by key."""
    text = resources.files(__package__).joinpath("rules.txt").read_text()
    rules = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, statement, words = (f.strip() for f in line.split("|"))
        rules[key] = Rule(key, statement, words)
    return rules


RULES = load_rules()

# the rules a chase step is named by (a linear combination of equations, not a rule instance)
CHASES = ("angle_chase", "ratio_chase", "distance_chase")

# the rule printed on a proof's last line when the goal needed a final step over several facts
GOAL_STEP = {
    "para": "angle_chase",
    "perp": "angle_chase",
    "eqangle": "angle_chase",
    "aconst": "angle_chase",
    "cong": "ratio_chase",
    "eqratio": "ratio_chase",
    "rconst": "ratio_chase",
    "coll": "line",
    "cyclic": "circle_merge",
    "midp": "goal_midp",
    "circle": "goal_circle",
    "simtri": "goal_simtri",
    "contri": "goal_contri",
    "simtric": "goal_simtri",
    "simtrir": "goal_simtri",
    "contric": "goal_contri",
    "contrir": "goal_contri",
}
