"""What the Dask executor costs per problem against the process pool, side by side in one run.

The same easy JGEX-AG-231 problems go through ``geoprover bench --executor process`` and
``--executor dask`` (a LocalCluster the bench starts itself), alternating the order each round, at
6 and 12 problems with one job and at 12 problems with two. For each run: the client's elapsed
time, the summed wall time of the ``solve`` subprocesses (measured inside the task, the same for both
executors), and their difference, the overhead. The overhead's growth from 6 to 12 problems is the
cost per problem; what is left at 6 problems is the fixed cost (the cluster's start and stop).

    python benchmarks/executor_overhead.py [--rounds 3] [--timeout 30]

writes benchmarks/results/executor_overhead.json and .md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
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
CONFIGS = [(6, 1), (12, 1), (12, 2)]  # (problems, jobs)


def run(executor: str, n: int, jobs: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "geoprover", "bench", "jgex_ag_231", "--only", ",".join(EASY[:n])]
        cmd += ["--timeout", str(timeout), "--jobs", str(jobs), "--executor", executor, "--out", out]
        start = time.monotonic()
        done = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.monotonic() - start
        if done.returncode != 0:
            raise SystemExit(f"{executor}: exit {done.returncode}: {done.stderr.strip()[-500:]}")
        rows = json.loads((Path(out) / "jgex_ag_231.json").read_text())["rows"]
    solves = sum(r["wall_seconds"] for r in rows)
    return {
        "executor": executor,
        "problems": n,
        "jobs": jobs,
        "elapsed": round(elapsed, 3),
        "solve_wall_sum": round(solves, 3),
        "overhead": round(elapsed - solves / jobs, 3),
        "verdicts": {r["problem"].split("/")[-1]: r["result"] for r in rows},
    }


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
        for n, jobs in CONFIGS:
            for ex in order:
                r = run(ex, n, jobs, args.timeout)
                r["round"] = rnd
                runs.append(r)
                print(
                    f"round {rnd} {ex:<7} n={n:<2} jobs={jobs} elapsed {r['elapsed']:6.2f} s "
                    f"solves {r['solve_wall_sum']:6.2f} s overhead {r['overhead']:5.2f} s",
                    flush=True,
                )
    load_after = os.getloadavg()

    def med(ex: str, n: int, jobs: int, key: str) -> float:
        return statistics.median(r[key] for r in runs if (r["executor"], r["problems"], r["jobs"]) == (ex, n, jobs))

    table = {}
    for ex in ("process", "dask"):
        per_problem = (med(ex, 12, 1, "overhead") - med(ex, 6, 1, "overhead")) / 6
        table[ex] = {
            "per_problem": round(per_problem, 3),
            "fixed": round(med(ex, 6, 1, "overhead") - 6 * per_problem, 3),
            **{f"elapsed_n{n}_j{j}": med(ex, n, j, "elapsed") for n, j in CONFIGS},
            **{f"overhead_n{n}_j{j}": med(ex, n, j, "overhead") for n, j in CONFIGS},
        }
    same = all(
        r["verdicts"] == s["verdicts"]
        for r in runs
        for s in runs
        if r["round"] == s["round"] and (r["problems"], r["jobs"]) == (s["problems"], s["jobs"])
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
        "- overhead = client's elapsed time − (summed wall time of the solve subprocesses) / jobs; "
        "per problem = (overhead at 12 − overhead at 6 problems, one job) / 6; fixed = what is left at 6",
        f"- verdicts the same for both executors in every round: {'yes' if same else 'NO'}",
        "",
        "| executor | per problem (s) | fixed (s) | elapsed 6 × 1 job (s) | elapsed 12 × 1 job (s) | "
        "elapsed 12 × 2 jobs (s) | overhead 12 × 2 jobs (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for ex, t in table.items():
        lines.append(
            f"| {ex} | {t['per_problem']:.3f} | {t['fixed']:.2f} | {t['elapsed_n6_j1']:.2f} | "
            f"{t['elapsed_n12_j1']:.2f} | {t['elapsed_n12_j2']:.2f} | {t['overhead_n12_j2']:.2f} |"
        )
    lines += [
        "",
        "Every run:",
        "",
        "| round | executor | problems | jobs | elapsed (s) | solves (s) | overhead (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r['round']} | {r['executor']} | {r['problems']} | {r['jobs']} | {r['elapsed']:.2f} | "
            f"{r['solve_wall_sum']:.2f} | {r['overhead']:.2f} |"
        )
    (RESULTS / "executor_overhead.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:16]))


if __name__ == "__main__":
    main()
