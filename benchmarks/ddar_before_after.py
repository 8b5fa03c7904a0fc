"""DDAR at two checkouts side by side: engine seconds and proof lines per problem, in one run.

Each checkout is installed in its own virtualenv; the two engines alternate problem by problem,
one process each, so the machine's load falls on both alike. Speed is read as the per-problem
ratio after / before from this one run, never from absolute times of different runs.

    python benchmarks/ddar_before_after.py --before /work/venv-base/bin/python \\
        --after /work/venv-new/bin/python --sets imo_ag_30 [--only 2003_p4,...] [--timeout 60]

Results go to benchmarks/results/ddar_before_after_<sets>.json and .md (machine, date, commits).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
from geoprover.api import load_problem
from geoprover.ddar import prove
from geoprover.numeric.diagram import draw
job = json.loads(sys.argv[1])
problem = load_problem(name=job["name"], text=job["text"])
diagram = draw(problem, seed=0)
t0 = time.perf_counter()
proof = prove(problem, diagram, timeout=job["timeout"])
seconds = time.perf_counter() - t0
from geoprover.bench import git_commit  # the commit of the checkout this child imported
print(json.dumps({"status": str(proof.status), "seconds": seconds, "lines": len(proof.steps), "commit": git_commit()}))
"""


def problems(sets: list[str], only: list[str]) -> list[tuple[str, str, str]]:
    """(set, name, text) of the bundled sets, in file order."""
    from geoprover.language.parser import read_problem_file
    from geoprover.language.sets import resolve_file

    out = []
    for name_of_set in sets:
        for name, text in read_problem_file(resolve_file(name_of_set)):
            if not only or any(name.endswith(o) for o in only):
                out.append((name_of_set, name, text))
    return out


def run(python: str, name: str, text: str, timeout: float) -> dict[str, Any]:
    """One problem in one child process, killed at timeout + 15 s."""
    job = json.dumps({"name": name, "text": text, "timeout": timeout})
    try:
        # -P: the child imports the geoprover its virtualenv holds, never one in the current directory
        done = subprocess.run([python, "-P", "-c", CHILD, job], capture_output=True, text=True, timeout=timeout + 15)
    except subprocess.TimeoutExpired:
        return {"status": "killed", "seconds": None, "lines": None}
    if done.returncode != 0:
        return {"status": "error", "seconds": None, "lines": None, "message": done.stderr.strip()[-300:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ratio(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="python of the virtualenv holding the earlier checkout")
    ap.add_argument("--after", required=True, help="python of the virtualenv holding the later checkout")
    ap.add_argument("--sets", default="imo_ag_30")
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    sets = args.sets.split(",")
    rows = []
    for i, (name_of_set, name, text) in enumerate(problems(sets, [o for o in args.only.split(",") if o])):
        order = [("before", args.before), ("after", args.after)]
        if i % 2:
            order.reverse()
        row: dict[str, Any] = {"set": name_of_set, "name": name}
        for label, python in order:
            row[label] = run(python, name, text, args.timeout)
        b, a = row["before"], row["after"]
        both = b["status"] == a["status"] == "proved"
        row["ratio"] = a["seconds"] / max(b["seconds"], 1e-6) if both else None
        rows.append(row)
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "—"
        print(
            f"{name[-40:]:40s} before {b['status']:10s} {b.get('seconds') or 0:7.2f} s {b.get('lines')} lines | "
            f"after {a['status']:10s} {a.get('seconds') or 0:7.2f} s {a.get('lines')} lines | after/before {ratio}",
            flush=True,
        )
    ratios = [r["ratio"] for r in rows if r["ratio"] is not None]
    slower = [r for r in rows if r["ratio"] is not None and r["ratio"] > 1.1]
    summary = {
        "problems": len(rows),
        "before_proved": sum(r["before"]["status"] == "proved" for r in rows),
        "after_proved": sum(r["after"]["status"] == "proved" for r in rows),
        "median_ratio": statistics.median(ratios) if ratios else None,
        "slower_by_more_than_10_percent": [r["name"] for r in slower],
        "lines_before": sum(r["before"]["lines"] or 0 for r in rows if r["ratio"] is not None),
        "lines_after": sum(r["after"]["lines"] or 0 for r in rows if r["ratio"] is not None),
    }
    print(json.dumps(summary, indent=1))
    if not args.no_write:
        commits = {k: next((r[k].get("commit") for r in rows if r[k].get("commit")), None) for k in ("before", "after")}
        meta = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"platform": platform.platform(), "cores": os.cpu_count(), "python": platform.python_version()},
            "commits": commits,
            "timeout": args.timeout,
            "command": " ".join([Path(sys.argv[0]).name, *(argv or sys.argv[1:])]),
        }
        stem = ROOT / "benchmarks" / "results" / f"ddar_before_after_{'_'.join(sets)}"
        stem.with_suffix(".json").write_text(json.dumps({"meta": meta, "summary": summary, "rows": rows}, indent=1))
        md = [
            f"# DDAR before ({commits['before']}) and after ({commits['after']}), side by side",
            "",
            f"- {meta['date']}, {meta['machine']['platform']}, {meta['machine']['cores']} cores; timeout "
            f"{args.timeout:g} s; engines alternate problem by problem, one process each",
            f"- command: `{meta['command']}`",
            f"- proved: before {summary['before_proved']}, after {summary['after_proved']} of {len(rows)}; median "
            f"after/before engine seconds {summary['median_ratio']:.2f} on problems both prove; proof lines "
            f"{summary['lines_before']} before, {summary['lines_after']} after",
            f"- slower by more than 10%: {', '.join(summary['slower_by_more_than_10_percent']) or 'none'}",
            "",
            "| problem | before | s | lines | after | s | lines | after/before |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in rows:
            b, a = r["before"], r["after"]
            md.append(
                f"| {r['name']} | {b['status']} | {b.get('seconds') or 0:.2f} | {b.get('lines')} | {a['status']} | "
                f"{a.get('seconds') or 0:.2f} | {a.get('lines')} | "
                f"{_ratio(r['ratio'])} |"
            )
        stem.with_suffix(".md").write_text("\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
