"""Rule matchers, one class per matcher, by subject; ``registry.py`` binds them to rule keys.

- ``base``: the ``Matcher`` interface and shared premises (facts on a known circle, numeric checks);
- ``lengths``: collinearity, isosceles triangles, perpendicular bisectors, midpoints, distance
  chasing, right-triangle ratios;
- ``circles``: inscribed and central angles, concyclic points, centres, equal chords;
- ``proportions``: the bisector theorem, parallel intercepts, Menelaus, Ceva;
- ``triangles``: similar triangles, one small function per criterion (AA, SSS, SAS, RHS);
- ``sines``: the extended law of sines (circumradius variables; a last-resort matcher).
"""
from .base import Matcher
from .circles import Center, Central, Chords, CyclicConv, Inscribed
from .lengths import BisectorPerp, Distances, Isosceles, MidpDetect, ParaColl, RightMedian, RightTrig
from .proportions import BisectRatio, MenelausCeva, Trapezoid
from .sines import SineLaw
from .triangles import Similar

__all__ = ["Matcher", "ParaColl", "Inscribed", "Central", "CyclicConv", "Center", "Isosceles", "BisectorPerp",
           "Chords", "RightMedian", "MidpDetect", "BisectRatio", "Trapezoid", "Distances", "MenelausCeva",
           "RightTrig", "Similar", "SineLaw"]
