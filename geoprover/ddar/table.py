"""Load the rule table (rules.txt): every rule's key, statement and wording for proofs."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Rule:
    key: str
    statement: str
    words: str


def load_rules() -> dict[str, Rule]:
    text = resources.files(__package__).joinpath("rules.txt").read_text()
    rules = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, statement, words = (f.strip() for f in line.split("|"))
        rules[key] = Rule(key, statement, words)
    return rules


RULES = load_rules()
