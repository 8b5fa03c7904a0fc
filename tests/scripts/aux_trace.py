"""Print, as JSON, what the auxiliary-point search sees and does on a few problems: the candidates
of the base figure in order and the first random batches. Run under two PYTHONHASHSEED values by
tests/test_reproducible.py; the outputs must be identical."""

from __future__ import annotations

import json
import sys

import numpy as np

from geoprover.auxiliary.candidates import generate
from geoprover.auxiliary.figure import read_figure
from geoprover.language import load_named
from geoprover.numeric.diagram import draw

out = {}
for name in sys.argv[1:]:
    problem = load_named(name)
    diagram = draw(problem, 0)
    fig = read_figure(diagram.coords, diagram.facts, problem.goal)
    cands = generate(problem, diagram.coords, fig, np.random.default_rng(0), limit=400)
    out[name] = [(c.text, round(float(c.score), 9)) for c in cands]
print(json.dumps(out))
