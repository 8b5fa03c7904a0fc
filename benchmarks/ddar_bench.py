"""Run DDAR alone on a problem set, one problem at a time, with a hard time limit per problem.

    python benchmarks/ddar_bench.py imo_ag_30 --timeout 300 [--only 2000_p1,2004_p5] [--no-write]

Each problem runs in a child process (killed at timeout + 10 s, so a hung problem cannot stall the
run); results go to benchmarks/results/ddar_<set>.json and .md with machine, date and git commit.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _solve(name: str, text: str, source: str, timeout: float, queue) -> None:
    from geoprover.ddar import prove
    from geoprover.language import parse_problem
    from geoprover.numeric.diagram import draw

    try:
        problem = parse_problem(text, name, source)
        t0 = time.perf_counter()
        diagram = draw(problem, seed=0)
        draw_s = time.perf_counter() - t0
        proof = prove(problem, diagram, timeout=timeout)
        queue.put(
            {
                "status": proof.status,
                "seconds": round(proof.seconds, 3),
                "draw_seconds": round(draw_s, 3),
                "facts": proof.certificate.get("facts"),
                "derived": proof.certificate.get("derived"),
                "proof_length": proof.certificate.get("proof_length"),
                "pruned_steps": proof.certificate.get("pruned_steps"),
                "message": proof.message,
            }
        )
    except Exception as why:  # report, do not crash the run
        queue.put({"status": "error", "seconds": None, "message": f"{type(why).__name__}: {why}"})


def run_one(name: str, text: str, source: str, timeout: float) -> dict:
    queue = mp.Queue()
    proc = mp.Process(target=_solve, args=(name, text, source, timeout, queue))
    start = time.perf_counter()
    proc.start()
    proc.join(timeout + 10)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return {"status": "timeout", "seconds": round(time.perf_counter() - start, 3), "message": "killed"}
    try:
        return queue.get(timeout=1)
    except Exception:
        return {"status": "error", "seconds": None, "message": f"child exited with {proc.exitcode}"}


def main() -> None:
    from geoprover.bench import machine_line
    from geoprover.language.parser import read_problem_file
    from geoprover.language.sets import resolve_file

    ap = argparse.ArgumentParser()
    ap.add_argument("set", help="imo_ag_30, jgex_ag_231 or a problem file")
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--only", default="", help="comma-separated name suffixes")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    path = resolve_file(args.set)
    problems = read_problem_file(path)
    if args.only:
        wanted = args.only.split(",")
        problems = [(n, t) for n, t in problems if any(n.endswith(w) for w in wanted)]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    rows = []
    for name, text in problems:
        r = run_one(name, text, str(path), args.timeout)
        r["problem"] = name
        rows.append(r)
        print(
            f"{name:45s} {r['status']:22s} {r.get('seconds')!s:>8} s  "
            f"facts={r.get('facts')} derived={r.get('derived')} "
            f"len={r.get('proof_length')}  {r.get('message', '')[:60]}",
            flush=True,
        )
    solved = [r for r in rows if r["status"] == "proved"]
    times = [r["seconds"] for r in solved]
    summary = {
        "set": path.stem,
        "problems": len(rows),
        "proved": len(solved),
        "median_seconds_proved": statistics.median(times) if times else None,
        "max_seconds_proved": max(times) if times else None,
        "timeout": args.timeout,
        "machine": machine_line(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "command": "python " + " ".join(sys.argv),
    }
    print(json.dumps(summary, indent=1))
    if args.no_write:
        return
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    stem = f"ddar_{path.stem}" + ("_partial" if args.only else "")
    (out / f"{stem}.json").write_text(json.dumps({"summary": summary, "results": rows}, indent=1))
    md = [
        f"# DDAR on {path.stem}",
        "",
        f"- proved: **{len(solved)} / {len(rows)}**",
        f"- median seconds (proved): {summary['median_seconds_proved']}",
        f"- max seconds (proved): {summary['max_seconds_proved']}",
        f"- time limit: {args.timeout} s a problem, 1 process",
        f"- machine: {summary['machine']}",
        f"- date: {summary['date']}, commit {commit}",
        f"- command: `{summary['command']}`",
        "",
        "seconds: `prove()` wall time after the diagram is drawn (drawing time is `draw_seconds` in the JSON; "
        "process start-up excluded). facts: all facts stored (premises + derived); derived: facts the rules "
        "added; proof length: numbered proof lines, premises included; pruned: proof lines the global "
        "minimality pass took out (the proof before it had proof length + pruned lines).",
        "",
        "| problem | status | seconds | facts | derived | proof length | pruned |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        md.append(
            f"| {r['problem']} | {r['status']} | {r.get('seconds')} | {r.get('facts')} | {r.get('derived')} "
            f"| {r.get('proof_length')} | {r.get('pruned_steps')} |"
        )
    (out / f"{stem}.md").write_text("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
