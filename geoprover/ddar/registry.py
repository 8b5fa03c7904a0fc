"""The rule registry: which matcher produces which rules of rules.txt, and in which order they run.

This is the one place a rule key is bound to the code that finds its instances. ``RUN_ORDER`` runs
every round; ``LAST_RESORT`` only when a whole round of ``RUN_ORDER`` added nothing (the law of
sines: proofs that do not need it stay as they were, and the auxiliary-point search can leave it
out). ``DATABASE_RULES`` are the steps the database itself writes (construction facts, chases,
merged lines and circles, figure-read choices) or a proof's final line. Every key of rules.txt is
one of those or produced by a registered matcher, and every key a matcher produces is in the table
(``tests/test_ddar_registry.py``). The order is behaviour: the goal is checked after each matcher,
so the earlier rules are the ones a proof uses where they suffice.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from ..timing import Deadline
from .database import Database
from .matcher import Matcher
from .numeric import NumericIndex
from .rules_circles import Center, Central, Chords, CyclicConv, Inscribed
from .rules_lengths import BisectorPerp, Distances, Isosceles, MidpDetect, ParaColl, RightMedian, RightTrig
from .rules_proportions import BisectRatio, MenelausCeva, Trapezoid
from .rules_sines import SineLaw
from .rules_triangles import Similar


@dataclass(frozen=True)
class Registered:
    """A matcher under its name, with the rule keys (rules.txt) of the steps it writes."""

    name: str
    matcher: type[Matcher]
    produces: tuple[str, ...]


RUN_ORDER: tuple[Registered, ...] = (
    Registered("para_coll", ParaColl, ("para_coll",)),
    Registered("inscribed", Inscribed, ("inscribed",)),
    Registered("central", Central, ("central",)),
    Registered("cyclic_conv", CyclicConv, ("cyclic_conv", "iso_trapezoid", "arc_midpoint")),
    Registered("center", Center, ("center",)),
    Registered("isosceles", Isosceles, ("iso_angles", "iso_sides")),
    Registered("bisector_perp", BisectorPerp, ("bisector_perp",)),
    Registered("chords", Chords, ("chords_angle", "chords_cong")),
    Registered("right_median", RightMedian, ("right_median",)),
    Registered("midp_detect", MidpDetect, ("midp_detect",)),
    Registered("bisect_ratio", BisectRatio, ("bisect_ratio", "ratio_bisect")),
    Registered("trapezoid", Trapezoid, ("trapezoid_ratio", "trapezoid_para")),
    Registered("distances", Distances, ("distance_chase",)),
    Registered("menelaus_ceva", MenelausCeva, ("menelaus", "menelaus_conv", "ceva")),
    Registered("right_trig", RightTrig, ("right_trig",)),
    Registered("similar", Similar, ("sim_aa", "sim_sss", "sim_sas", "sim_rhs")),
)

# run only when the rules above add nothing: they give shorter proofs where they suffice
LAST_RESORT: tuple[Registered, ...] = (Registered("sine_law", SineLaw, ("sine_law", "circumradius", "sine_angle")),)

REGISTRY: dict[str, Registered] = {r.name: r for r in RUN_ORDER + LAST_RESORT}

# rule keys no matcher owns: where each step comes from
DATABASE_RULES: dict[str, str] = {
    "given": "a construction's defining fact (store.add_clause)",
    "consequence": "a construction's listed consequence (store.add_clause)",
    "angle_chase": "a fact the angle system implies (query.chase)",
    "ratio_chase": "a fact the ratio system implies (query.chase; rules_sines.py states one over circumradii)",
    "distance_chase": "a fact the distance system implies (query.chase)",
    "line": "a goal's points on one known line (the final proof line, table.GOAL_STEP)",
    "circle_merge": "points on one known circle (matcher.cyclic_premise, table.GOAL_STEP)",
    "radius": "a circle's points at one distance from its known centre (encode.radii)",
    "figure_half": "which half of a doubled angle holds, read off the figure (halving.py)",
    "algebraic_lemma": "a fact proved by Wu's method, given to the database (Engine.add_lemma)",
    "goal_midp": "a midpoint goal from its two facts (table.GOAL_STEP)",
    "goal_circle": "a centre goal from its two facts (table.GOAL_STEP)",
    "goal_simtri": "a similarity goal from its angles and ratios (table.GOAL_STEP)",
    "goal_contri": "a congruence goal from its similarity and one side (table.GOAL_STEP)",
}


def produced_rules() -> set[str]:
    """Every rule key a registered matcher can write."""
    return {key for r in REGISTRY.values() for key in r.produces}


class Matchers:
    """The registered matchers at work on one database and its numeric index, each with its own
    state; forked onto a copy of the database, and given a new index when points are added."""

    def __init__(self, db: Database, index: NumericIndex) -> None:
        self.db = db
        self.ix = index
        self.order: list[Matcher] = [r.matcher(db, index) for r in RUN_ORDER]
        self.last_resort: list[Matcher] = [r.matcher(db, index) for r in LAST_RESORT]

    def fork(self, db: Database) -> "Matchers":
        """The same matchers, with copies of their state, at work on ``db`` (a copy of this
        database that is about to grow)."""
        twin = copy.copy(self)
        twin.db = db
        twin.order = [m.fork(db) for m in self.order]
        twin.last_resort = [m.fork(db) for m in self.last_resort]
        return twin

    def rebind(self, index: NumericIndex) -> None:
        """Read the candidates of a grown figure (new points), keeping what was tried."""
        self.ix = index
        for m in self.order + self.last_resort:
            m.rebind(index)
            m.quiet = None  # new candidates: every matcher looks again

    def named(self, name: str) -> Matcher:
        """The working matcher registered as ``name``."""
        names = [r.name for r in RUN_ORDER + LAST_RESORT]
        return (self.order + self.last_resort)[names.index(name)]

    def state(self) -> tuple[int, int]:
        """What the database has learnt so far, as a key that changes with every new fact."""
        return self.db.version, len(self.db.known)

    def run(self, matcher: Matcher, deadline: Deadline) -> bool:
        """Run ``matcher`` unless it found nothing last time and the database has not changed
        since (a matcher is a function of the database and its own state); whether it ran."""
        before = self.state()
        if getattr(matcher, "quiet", None) == before:  # (a plain callable has none)
            return False
        matcher(deadline)
        after = self.state()
        matcher.quiet = after if after == before and not deadline.expired() else None
        return True

    def run_last_resort(self, deadline: Deadline) -> None:
        """One pass of the last-resort matchers."""
        for matcher in self.last_resort:
            self.run(matcher, deadline)
