"""DDAR runs per second inside the auxiliary-point search (issue 6): the speed that buys coverage.

Runs the search alone on the given problems for a fixed time and prints runs, seconds, runs/s.
Usage: python benchmarks/aux_rate.py [--seconds 30] NAME [NAME ...]
"""

from __future__ import annotations

import argparse

from geoprover.auxiliary.search import search
from geoprover.language import load_named
from geoprover.numeric.diagram import draw
from geoprover.timing import Deadline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="+")
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args()
    for name in args.names:
        problem = load_named(name)
        diagram = draw(problem, 0)
        deadline = Deadline.after(args.seconds)
        result = search(problem, diagram, deadline)
        took = deadline.elapsed()
        print(
            f"{problem.name}: {result.status}, {result.runs} DDAR runs in {took:.1f} s = "
            f"{result.runs / took:.1f} runs/s; aux {[c.text for c in result.aux]}",
            flush=True,
        )


if __name__ == "__main__":
    main()
