"""Goal truth in the diagram, geoprover against Newclid 3.0.1, over Newclid's problem files (issue 15).

Newclid's own datasets (``newclid/problems_datasets/*.txt`` in its source repository, Apache-2.0)
are written in its dialect. For every problem, both tools draw the figure and test the goals
numerically:

  geoprover  parse, ``draw(problem, seed)``, every goal ``goal_holds`` (or the one-line error);
  Newclid    ``JGEXProblemBuilder(rng=seed).build()``: it redraws up to 100 times until the
             assumptions and goals check numerically (``nc_problem_is_valid``), else it fails.

The peer runs in its own virtualenv, never in the project's:

    python -m venv /path/to/venv-peer
    /path/to/venv-peer/bin/pip install newclid==3.0.1 pyyaml
    python benchmarks/newclid_goal_truth.py --peer-python /path/to/venv-peer/bin/python DIR/*.txt

It prints one line per problem where the two differ (geoprover true / false / error against
Newclid's valid / invalid / error) and a count per file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

MARK = "@@RESULT "


def _pairs(path: str) -> list[tuple[str, str]]:
    lines = [ln.strip() for ln in Path(path).read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    return [(lines[i], lines[i + 1]) for i in range(0, len(lines) - 1, 2)]


def newclid_child(path: str, seed: int) -> None:
    import logging

    from newclid.jgex.problem_builder import JGEXProblemBuilder

    logging.disable(logging.CRITICAL)
    out = {}
    for name, text in _pairs(path):
        try:
            JGEXProblemBuilder(rng=seed).with_problem_from_txt(text, name).build()
            out[name] = "true"
        except ValueError as err:
            cause = err.__cause__
            out[name] = "false" if "Did not even try" in str(cause) or cause is None else f"error: {cause}"[:200]
        except Exception as err:  # noqa: BLE001 - any failure of the peer is recorded
            out[name] = f"error: {type(err).__name__}: {err}"[:200]
    print(MARK + json.dumps(out))


def geoprover_side(path: str, seed: int) -> dict[str, str]:
    from geoprover.errors import GeoproverError
    from geoprover.language import parse_problem
    from geoprover.numeric.checks import goal_holds
    from geoprover.numeric.diagram import draw

    out = {}
    for name, text in _pairs(path):
        try:
            problem = parse_problem(text, name)
            d = draw(problem, seed)
            out[name] = "true" if all(goal_holds(g, d.coords, d.scale) for g in problem.goals) else "false"
        except GeoproverError as err:
            out[name] = f"error: {err}"[:200]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--peer-python", required=False)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        newclid_child(args.files[0], args.seed)
        return 0
    if not args.peer_python:
        ap.error("--peer-python is required")
    total = 0
    for path in args.files:
        run = subprocess.run(
            [args.peer_python, __file__, "--child", "--seed", str(args.seed), path],
            capture_output=True,
            text=True,
            check=False,
        )
        answer = [ln for ln in run.stdout.splitlines() if ln.startswith(MARK)]
        if not answer:
            print(f"{path}: the peer gave no answer: {run.stderr.strip().splitlines()[-1:]}")
            continue
        peer = json.loads(answer[-1][len(MARK) :])
        ours = geoprover_side(path, args.seed)
        differ = 0
        for name, mine in ours.items():
            theirs = peer.get(name, "missing")
            if mine.split(":")[0] != theirs.split(":")[0]:
                differ += 1
                print(f"{Path(path).name} {name}: geoprover {mine} | newclid {theirs}")
        total += differ
        print(f"{Path(path).name}: {len(ours)} problems, {differ} differ")
    print(f"differ in all: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
