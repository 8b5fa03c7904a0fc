"""The numeric screen of Wu's method (geoprover/wu/refute.py) on the bundled problem sets.

Per problem, in a subprocess: draw the diagram, build the triangular set, time the screen (warm:
numba's import and kernel loading are paid once per process and reported apart), then run the
exact method alone (no screen) with the same timeout. Checks that no problem the exact method
proves is refuted by the screen (the count must be 0). Writes benchmarks/results/wu_screen.{json,md}.

    python benchmarks/wu_screen.py                      # both sets, 60 s per problem
    python benchmarks/wu_screen.py --sets imo_ag_30 --timeout 30 --only translated_imo_2004_p1
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wu_bench import ROOT, SETS, commit, names_of  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"

CHILD = r"""
import json, sys, time
import numpy as np
from geoprover.wu.algebra import Ring
t = time.monotonic()
from geoprover.wu.kernels import Sparse
ring = Ring(["u"])
Sparse.of(ring.gens[0] + 1, 1).at(np.zeros((1, 1), dtype=complex), (0,))
warmup = time.monotonic() - t
from geoprover.language import load_named
from geoprover.numeric.diagram import draw
from geoprover.timing import Deadline, OutOfTime
from geoprover.wu import engine
from geoprover.wu.encode import Inexpressible
from geoprover.wu.refute import screen
name, timeout = sys.argv[1], float(sys.argv[2])
out = {"warmup": round(warmup, 3)}
try:
    problem = load_named(name)
    diagram = draw(problem, seed=0)
    if diagram.goal_holds() is False:
        out["screen"] = "goal false in the diagram"
    else:
        t = time.monotonic()
        setup, chain, goals = engine.build(problem, diagram, Deadline.after(timeout))
        out["build"] = round(time.monotonic() - t, 3)
        v = screen(setup.ring, chain, goals)
        out.update(screen="refuted" if v.refuted else "not refuted", reason=v.reason, samples=v.samples,
                   screen_s=round(v.seconds, 5), members=len(chain.members))
        # sensitivity: "x_v equals its diagram value" (2^40·x_v − round(2^40·value)) holds in the
        # diagram; it is false on the component unless x_v is constant there
        q, refuted, kept, unchanged = 2 ** 40, 0, [], 0
        for m in chain.members:
            value = round(float(setup.ring.values[m.var]) * q)
            w = screen(setup.ring, chain, [q * setup.ring.gens[m.var] - value])
            if w.refuted:
                refuted += 1
            else:
                unchanged += "vanishes" in w.reason     # x_v did not move: constant on the component
                alone = sum(1 for d in m.poly.degrees() if d) == 1
                kept.append(setup.ring.names[m.var] + ("" if alone else " (depends on others)"))
        out.update(constants_refuted=refuted, constants_kept=kept, constants_unchanged=unchanged)
except (OutOfTime, Inexpressible) as why:
    out["screen"] = f"no triangular set ({type(why).__name__})"
print(json.dumps(out), flush=True)
engine.QUICK = float("inf")        # the exact method alone, never interrupted for the screen
proof = engine.prove(load_named(name), timeout=timeout)
print(json.dumps({"exact": proof.status, "exact_s": round(proof.seconds, 3)}), flush=True)
"""


def run_one(name: str, timeout: float) -> dict:
    t = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, name, str(timeout)],
            capture_output=True,
            text=True,
            timeout=3 * timeout + 60,
            cwd=ROOT,
        )
        out, err = done.stdout, done.stderr
    except subprocess.TimeoutExpired as killed:
        out = killed.stdout.decode() if isinstance(killed.stdout, bytes) else (killed.stdout or "")
        err = "killed by the hard limit"
    row = {"problem": name}
    for line in out.splitlines():
        if line.startswith("{"):
            row.update(json.loads(line))
    row.setdefault("screen", "error")
    row.setdefault("exact", "error")
    if row["screen"] == "error" or row["exact"] == "error":
        row["error"] = err.strip()[-300:]
    row["wall"] = round(time.monotonic() - t, 2)
    return row


def summary(rows: list[dict]) -> dict:
    timed = [r["screen_s"] for r in rows if "screen_s" in r]
    return {
        "problems": len(rows),
        "screened": len(timed),
        "screen_median_s": statistics.median(timed) if timed else None,
        "screen_max_s": max(timed) if timed else None,
        "warmup_median_s": statistics.median([r["warmup"] for r in rows if "warmup" in r] or [0]),
        "refuted": sum(r["screen"] == "refuted" for r in rows),
        "exact_proved": sum(r["exact"] == "proved" for r in rows),
        "wrong_refutations": sum(r["screen"] == "refuted" and r["exact"] == "proved" for r in rows),
        "constants_refuted": sum(r.get("constants_refuted", 0) for r in rows),
        "constants_tried": sum(r.get("constants_refuted", 0) + len(r.get("constants_kept", [])) for r in rows),
        "kept_not_univariate": sum("depends" in k for r in rows for k in r.get("constants_kept", [])),
        "kept_unchanged": sum(r.get("constants_unchanged", 0) for r in rows),
    }


def write(results: dict[str, list[dict]], timeout: float) -> None:
    from geoprover.bench import machine_line

    head = {
        "engine": "wu screen",
        "timeout": timeout,
        "machine": machine_line(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
    }
    sums = {s: summary(rows) for s, rows in results.items()}
    (RESULTS / "wu_screen.json").write_text(json.dumps({**head, "summary": sums, "sets": results}, indent=1))
    md = [
        "# Wu's method: the numeric screen (geoprover/wu/refute.py)",
        "",
        f"- machine: {head['machine']}",
        f"- date: {head['date']}, commit {head['commit']}",
        f"- per problem: diagram (seed 0), triangular set, the screen (4 complex samples, warm), then the "
        f"exact method alone (no screen) with a {timeout:g} s limit, 1 process at a time",
        "- command: `python benchmarks/wu_screen.py" + (f" --timeout {timeout:g}" if timeout != 60 else "") + "`",
        "",
        "| set | problems | screened | screen median | screen max | numba import + first call (median) "
        "| refuted | exact proved | **proved but refuted** |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s, v in sums.items():

        def ms(x):
            return f"{1000 * x:.2f} ms" if x is not None else "–"

        md.append(
            f"| {s} | {v['problems']} | {v['screened']} | {ms(v['screen_median_s'])} | "
            f"{ms(v['screen_max_s'])} | {v['warmup_median_s']:.2f} s | {v['refuted']} | "
            f"{v['exact_proved']} | **{v['wrong_refutations']}** |"
        )
    md += [
        "",
        "Sensitivity: on every triangular set, each dependent coordinate x_v is screened against the "
        'false goal "x_v equals its diagram value" (2^40·x_v − round(2^40·value), zero in the diagram, '
        "non-zero on the component unless x_v is constant there):",
        "",
    ]
    for s, v in sums.items():
        md.append(
            f"- {s}: refuted {v['constants_refuted']} of {v['constants_tried']} coordinates. Of the "
            f"{v['constants_tried'] - v['constants_refuted']} not refuted, {v['kept_unchanged']} did not "
            f"move at the samples beyond their error bounds (constant on the component as far as the screen "
            f"can tell; "
            f"{v['constants_tried'] - v['constants_refuted'] - v['kept_not_univariate']} of them have a "
            f"univariate member such as 2·o_x − 1) and "
            f"{v['constants_tried'] - v['constants_refuted'] - v['kept_unchanged']} were left for another "
            f"reason (Newton, regularity); per problem in wu_screen.json, `constants_kept`"
        )
    for s, rows in results.items():
        md += [
            "",
            f"## {s}: problems the exact method does not prove, and screen outcomes other than 'the goal vanishes'",
            "",
            "| problem | exact | exact s | screen | screen ms | reason |",
            "|---|---|---|---|---|---|",
        ]
        for r in rows:
            if r["exact"] == "proved" and r["screen"] == "not refuted" and "vanishes" in r.get("reason", ""):
                continue
            ms = f"{1000 * r['screen_s']:.2f}" if "screen_s" in r else ""
            md.append(
                f"| {r['problem']} | {r['exact']} | {r.get('exact_s', '')} | {r['screen']} | {ms} | "
                f"{(r.get('reason') or r.get('error') or '')[:100].replace('|', '/')} |"
            )
    (RESULTS / "wu_screen.md").write_text("\n".join(md) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="imo_ag_30,jgex_ag_231")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds for the build and for the exact run")
    ap.add_argument("--only", default="", help="comma-separated problem names")
    args = ap.parse_args()
    results: dict[str, list[dict]] = {}
    for s in args.sets.split(","):
        names = [n for n in names_of(SETS[s]) if not args.only or n in args.only.split(",")]
        results[s] = []
        for name in names:
            row = run_one(name, args.timeout)
            results[s].append(row)
            print(
                f"{name[-50:]:50s} {row['screen']:12s} {row.get('screen_s', '')!s:>9} "
                f"exact={row['exact']} {row.get('exact_s', '')}",
                flush=True,
            )
            write(results, args.timeout)
    for s, v in ((s, summary(rows)) for s, rows in results.items()):
        print(s, v)
        if v["wrong_refutations"]:
            raise SystemExit(f"FAIL: {v['wrong_refutations']} problems proved by the exact method were refuted")


if __name__ == "__main__":
    main()
