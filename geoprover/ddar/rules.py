"""Rule matchers: each finds the instances of one rule of rules.txt through indexes.

Candidates come from the numeric index (only numerically true conclusions are tried); premises
are confirmed symbolically in the database (lines, circles, the angle, ratio and distance systems).
Each matcher returns how many new facts it added; they live in rules_*.py by subject.
"""
from __future__ import annotations

from .database import Database
from .numeric import NumericIndex
from .rules_circles import CircleRules
from .rules_lengths import LengthRules
from .rules_proportions import ProportionRules
from .rules_sines import SineRules
from .rules_triangles import TriangleRules


class Matchers(LengthRules, CircleRules, ProportionRules, TriangleRules, SineRules):
    """The rule instances still open for one database and its numeric index."""

    def __init__(self, db: Database, index: NumericIndex) -> None:
        self.db = db
        self.ix = index
        self.inscribed_done: set = set()
        self.central_done: set = set()
        self.transversals_done: set = set()
        self.similar_open = list(index.similar)
        self.sine_done: set = set()
        self.sine_groups: list | None = None
        self.deadline: float | None = None
        self.order = [self.para_coll, self.inscribed, self.central, self.cyclic_conv, self.center,
                      self.isosceles, self.bisector_perp, self.chords, self.right_median,
                      self.midp_detect, self.bisect_ratio, self.trapezoid, self.distances,
                      self.menelaus_ceva, self.right_trig, self.similar]
        # run only when the rules above add nothing: they give shorter proofs where they suffice
        self.last_resort = [self.sine_law]
