"""What the Dask executor costs per problem against the process pool, side by side in one run.

The same easy JGEX-AG-231 problems go through ``bench.run_bench`` (what ``geoprover bench`` runs)
on the process pool (``LocalExecutor``) and on a Dask ``LocalCluster`` (``DaskExecutor``), the
order alternating each round, with one job and with two. Timed apart: the executor's start, the
run, its shutdown. Per problem, overhead = (run time − summed wall time of the ``solve``
subprocesses / jobs) / problems; the solves' wall time is measured inside the task, the same way
for both executors. Start and shutdown are the fixed cost, paid once a bench.

    python benchmarks/executor_overhead.py [--rounds 3] [--timeout 30]

writes benchmarks/results/executor_overhead.json and .md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
EASY = [  # JGEX-AG-231 problems Wu proves in well under a second (jgex_ag_231_t300_final.md)
    "complete_012_7_Book_00EE_02_E028-3.gex",
    "complete_011_Other_Auxiliary_aux2_trapezoid.gex",
    "complete_012_7_Book_00EE_05_E051-20.gex",
    "complete_002_6_GDD_FULL_41-60_59.gex",
    "complete_004_6_GDD_FULL_21-40_40.gex",
    "complete_014_7_Book_00EE_08_E061-66.gex",
    "complete_017_ex-gao_ex160_4_e08.gex",
    "complete_017_ex-gao_gao_L_L189-1.gex",
    "complete_000_2_PWW_A018.gex",
    "complete_003_6_GDD_FULL_21-40_32.gex",
    "complete_003_6_GDD_FULL_21-40_27.gex",
    "complete_010_Other_Auxiliary_ye_aux_y1.gex",
]
JOBS = [1, 2]


def run(executor: str, jobs: int, timeout: float) -> dict:
    """One timed run: the executor's start, ``bench.run_bench``'s loop, the shutdown, each apart."""
    from concurrent.futures import as_completed

    from geoprover.bench import LocalExecutor, Task
    from geoprover.bench_dask import DaskExecutor
    from geoprover.language.parser import read_problem_file
    from geoprover.language.sets import resolve_file

    f = str(resolve_file("jgex_ag_231"))
    names = [n for n, _ in read_problem_file(f) if n.split("/")[-1] in EASY]
    tasks = [Task(f, n, "all", timeout) for n in names]
    t0 = time.monotonic()
    ex = DaskExecutor(jobs) if executor == "dask" else LocalExecutor(jobs)
    t1 = time.monotonic()
    cpu0 = _executor_cpu()
    futures = {ex.submit(t): t for t in tasks}
    rows = [fut.result() for fut in as_completed(futures)]
    t2 = time.monotonic()
    cpu = {pid: c - cpu0.get(pid, 0.0) for pid, c in _executor_cpu().items()}
    ex.shutdown()
    t3 = time.monotonic()
    solves = sum(r.wall_seconds for r in rows)
    return {
        "executor": executor,
        "problems": len(rows),
        "jobs": jobs,
        "start": round(t1 - t0, 3),
        "run": round(t2 - t1, 3),
        "shutdown": round(t3 - t2, 3),
        "solve_wall_sum": round(solves, 3),
        "executor_cpu": round(sum(cpu.values()), 3),
        "per_problem": round((t2 - t1 - solves / jobs) / len(rows), 3),
        "verdicts": {r.problem.split("/")[-1]: r.result for r in rows},
    }


def _executor_cpu() -> dict[int, float]:
    """CPU seconds so far of this process and of its children that are not solves (Dask's workers,
    nannies' helpers): what the executor itself burns while the solves run."""
    import psutil

    me = psutil.Process()
    out = {me.pid: sum(me.cpu_times()[:2])}
    for p in me.children():
        try:
            if "geoprover" not in " ".join(p.cmdline()):
                out[p.pid] = sum(p.cpu_times()[:2])
        except psutil.Error:
            pass
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=30.0)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from geoprover.bench import git_commit, machine

    load_before = os.getloadavg()
    runs = []
    for rnd in range(args.rounds):
        order = ["process", "dask"] if rnd % 2 == 0 else ["dask", "process"]
        for jobs in JOBS:
            for ex in order:
                r = run(ex, jobs, args.timeout)
                r["round"] = rnd
                runs.append(r)
                print(
                    f"round {rnd} {ex:<7} jobs={jobs} start {r['start']:5.2f} s run {r['run']:6.2f} s "
                    f"shutdown {r['shutdown']:5.2f} s solves {r['solve_wall_sum']:6.2f} s "
                    f"executor cpu {r['executor_cpu']:5.2f} s "
                    f"overhead/problem {r['per_problem']:6.3f} s",
                    flush=True,
                )
    load_after = os.getloadavg()

    def med(ex: str, jobs: int, key: str) -> float:
        return round(statistics.median(r[key] for r in runs if (r["executor"], r["jobs"]) == (ex, jobs)), 3)

    keys = ("per_problem", "start", "shutdown", "run", "solve_wall_sum", "executor_cpu")
    table = {f"{ex} jobs={j}": {k: med(ex, j, k) for k in keys} for j in JOBS for ex in ("process", "dask")}
    same = all(
        r["verdicts"] == s["verdicts"] for r in runs for s in runs if (r["round"], r["jobs"]) == (s["round"], s["jobs"])
    )
    meta = {
        "machine": machine(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "command": f"python benchmarks/executor_overhead.py --rounds {args.rounds} --timeout {args.timeout:g}",
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "problems": EASY,
        "same_verdicts": same,
        "summary": table,
        "runs": runs,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "executor_overhead.json").write_text(json.dumps(meta, indent=2) + "\n")
    m = meta["machine"]
    lines = [
        "# bench executors: process pool vs Dask LocalCluster, overhead per problem",
        "",
        f"- date: {meta['date']}; commit {meta['git_commit']}",
        f"- machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['system']} (shared with other "
        f"developers: 1-minute load average {meta['load_average_before_after'][0]} before, "
        f"{meta['load_average_before_after'][1]} after)",
        f"- command: `{meta['command']}`; {len(EASY)} easy JGEX-AG-231 problems, {args.rounds} rounds, the "
        "order of the executors alternating; medians over the rounds",
        "- overhead per problem = (run time − summed wall time of the solve subprocesses / jobs) / problems; "
        "start and shutdown: the executor's (for Dask, the LocalCluster's), paid once a bench; executor CPU: "
        "CPU seconds of the bench process and of its children other than the solves (Dask's workers) during the run",
        f"- verdicts the same for both executors in every round: {'yes' if same else 'NO'}",
        "",
        "| executor | overhead per problem (s) | start (s) | shutdown (s) | run of 12 (s) | solves' wall, summed (s) "
        "| executor CPU (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, t in table.items():
        lines.append(
            f"| {name} | {t['per_problem']:.3f} | {t['start']:.2f} | {t['shutdown']:.2f} | {t['run']:.2f} | "
            f"{t['solve_wall_sum']:.2f} | {t['executor_cpu']:.2f} |"
        )
    lines += [
        "",
        "Every run:",
        "",
        "| round | executor | jobs | start (s) | run (s) | shutdown (s) | solves (s) | executor CPU (s) "
        "| overhead per problem (s) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r['round']} | {r['executor']} | {r['jobs']} | {r['start']:.2f} | {r['run']:.2f} | "
            f"{r['shutdown']:.2f} | {r['solve_wall_sum']:.2f} | {r['executor_cpu']:.2f} | {r['per_problem']:.3f} |"
        )
    (RESULTS / "executor_overhead.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:14]))


if __name__ == "__main__":
    main()
