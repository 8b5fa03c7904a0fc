"""Auxiliary points: candidates from the figure, and the search that adds them for DDAR.

- ``figure``: the lines and circles of a figure, read numerically off the diagram;
- ``families``: one generator per kind of candidate (midpoint, foot, intersection, ...);
- ``candidates``: the families' templates drawn, kept when new, and ranked;
- ``state``: a saturated DDAR engine with the candidates that built it;
- ``search``: the search, one method per phase (`Search`);
- ``lemmas``: facts of an earlier stage of the figure that DDAR did not reach, proved by Wu's
  method and stated in the search's base state (cited "algebraic lemma" steps);
- ``engine``: ``prove``, the "aux" engine: DDAR, then DDAR with the points found.
"""

from .engine import prove
from .search import Search, search

__all__ = ["prove", "search", "Search"]
