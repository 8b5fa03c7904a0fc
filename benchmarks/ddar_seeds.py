"""DDAR on one set under several diagram seeds, in strict mode (a false derived fact raises).

    python benchmarks/ddar_seeds.py imo_ag_30 --seeds 1 2 3 --timeout 30

Checks that results do not hang on one lucky drawing and that no seed exposes a soundness bug.
In-process and sequential (1 process); prints proved counts per seed and every error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from geoprover.ddar import prove
    from geoprover.language import parse_problem
    from geoprover.language.parser import read_problem_file
    from geoprover.language.sets import resolve_file
    from geoprover.numeric.diagram import draw

    ap = argparse.ArgumentParser()
    ap.add_argument("set")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--timeout", type=float, default=30.0)
    args = ap.parse_args()
    problems = read_problem_file(resolve_file(args.set))
    for seed in args.seeds:
        proved, start = 0, time.perf_counter()
        for name, text in problems:
            problem = parse_problem(text, name)
            try:
                diagram = draw(problem, seed=seed)
            except Exception as why:  # a figure that cannot be drawn is not DDAR's failure
                print(f"seed {seed} {name}: cannot draw: {why}")
                continue
            result = prove(problem, diagram, timeout=args.timeout, strict=True)
            proved += result.status == "proved"
            if result.status == "error":
                print(f"seed {seed} {name}: error: {result.message}")
        print(f"seed {seed}: proved {proved} / {len(problems)} in {time.perf_counter() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()
