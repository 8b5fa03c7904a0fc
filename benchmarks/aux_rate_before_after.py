"""DDAR runs per second in the auxiliary-point search at two checkouts, side by side, in one run.

Each checkout is installed in its own virtualenv. For every problem the two alternate (before,
after, before, after, ... ``--rounds`` times), one process each, each running the search alone
for ``--seconds`` seconds on the seed-0 figure (``auxiliary.search``, as in ``aux_rate.py``): the
machine's load falls on both alike, and the ratio after / before is read from this one run.

    python benchmarks/aux_rate_before_after.py --before /work/venv-before/bin/python \\
        --after /work/venv-after/bin/python [--seconds 30] [--rounds 2] NAME [NAME ...]

The result goes to benchmarks/results/aux_rate_before_after.md (machine, date, both commits).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys
from geoprover.auxiliary.search import search
from geoprover.bench import git_commit
from geoprover.language import load_named
from geoprover.numeric.diagram import draw
from geoprover.timing import Deadline
job = json.loads(sys.argv[1])
problem = load_named(job["name"])
diagram = draw(problem, 0)
deadline = Deadline.after(job["seconds"])
result = search(problem, diagram, deadline)
took = deadline.elapsed()
print(json.dumps({"runs": result.runs, "seconds": took, "status": str(result.status), "commit": git_commit()}))
"""


def run(python: str, name: str, seconds: float) -> dict:
    """One search in a child process of ``python`` (started outside the repository: ``-P`` keeps the
    checkout of that virtualenv the one imported)."""
    job = json.dumps({"name": name, "seconds": seconds})
    out = subprocess.run(
        [python, "-P", "-c", CHILD, job], capture_output=True, text=True, timeout=seconds + 120, cwd="/"
    )
    if out.returncode != 0:
        raise SystemExit(f"{python} on {name}: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from geoprover.bench import machine_line

    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="+")
    ap.add_argument("--before", required=True, help="python of the virtualenv holding the earlier checkout")
    ap.add_argument("--after", required=True, help="python of the virtualenv holding the later checkout")
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "aux_rate_before_after.md")
    args = ap.parse_args()
    rows, commits = [], {}
    for name in args.names:
        rates: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(args.rounds):
            for side in ("before", "after"):
                got = run(getattr(args, side), name, args.seconds)
                commits[side] = got["commit"]
                rates[side].append(got["runs"] / got["seconds"])
                print(f"{name} {side}: {got['runs']} runs in {got['seconds']:.1f} s ({got['status']})", flush=True)
        rows.append((name, statistics.median(rates["before"]), statistics.median(rates["after"])))
    lines = [
        "# Auxiliary-point search: DDAR runs per second, before and after (issue 12, item 3)",
        "",
        f"- {machine_line()}; date {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- before: {commits['before']}; after: {commits['after']}; each problem {args.rounds} rounds of "
        f"before, after (one process each, {args.seconds:g} s of search each); the median of the rounds",
        f"- command: `python benchmarks/aux_rate_before_after.py --before BEFORE_PY --after AFTER_PY "
        f"--seconds {args.seconds:g} --rounds {args.rounds} {' '.join(args.names)}`",
        "- the seconds include the search's own work between DDAR runs (candidate generation and drawing)",
        "",
        "| problem | before (runs/s) | after (runs/s) | after / before |",
        "|---|---|---|---|",
    ]
    for name, b, a in rows:
        lines.append(f"| {name} | {b:.1f} | {a:.1f} | {a / b:.2f}× |")
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text)


if __name__ == "__main__":
    main()
