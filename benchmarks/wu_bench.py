"""Run Wu's method alone on a bundled problem set, one subprocess per problem with a hard limit.

Writes benchmarks/results/wu_<set>[_<tag>].json and .md: machine, date, commit, timeout, and per
problem the status, seconds, variable count, largest polynomial (terms), and on proved problems
the time of the goal's pseudo-division with flint against the same with sympy's ring (ratio;
``wu_baseline.py``, needs ``pip install '.[baseline]'``, or ``--no-baseline``).

    python benchmarks/wu_bench.py imo_ag_30 --timeout 60
    python benchmarks/wu_bench.py jgex_ag_231 --timeout 30 --only 1,2,3
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = ROOT / "benchmarks" / "results"
SETS = {
    "imo_ag_30": ROOT / "problems/imo_ag_30/imo_ag_30.txt",
    "jgex_ag_231": ROOT / "problems/jgex_ag_231/jgex_ag_231.txt",
}

CHILD = r"""
import json, sys, time
from geoprover.language import load_named
from geoprover.wu import prove
name, timeout, baseline, here = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]
if baseline:
    sys.path.insert(0, here)
    from wu_baseline import time_sympy_prem
t = time.monotonic()
try:
    problem = load_named(name)
except Exception as why:
    print(json.dumps({"status": "bad input", "message": str(why)}))
    raise SystemExit
proof = prove(problem, timeout=timeout)
c = proof.certificate
out = {"status": proof.status, "seconds": round(proof.seconds, 3), "message": proof.message,
       "variables": c.get("variables"), "max_terms": c.get("max_terms"),
       "members": len(c.get("triangular_set", [])), "inexpressible": c.get("inexpressible")}
print(json.dumps(out), flush=True)
if baseline and proof.proved:
    print(json.dumps(time_sympy_prem(problem, budget=min(30.0, max(5.0, timeout - (time.monotonic() - t))))),
          flush=True)
"""


def names_of(path: Path) -> list[str]:
    lines = [l.strip() for l in path.read_text().splitlines()]
    return [l for i, l in enumerate(lines) if l and i % 2 == 0 and not l.startswith("#")]


def run_one(name: str, timeout: float, baseline: bool) -> dict:
    t = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, name, str(timeout), "1" if baseline else "0", str(HERE)],
            capture_output=True,
            text=True,
            timeout=timeout * 2 + 30,
            cwd=ROOT,
        )
        out, err = done.stdout, done.stderr
    except subprocess.TimeoutExpired as killed:
        out = killed.stdout.decode() if isinstance(killed.stdout, bytes) else (killed.stdout or "")
        err = "killed by the hard limit"
    lines = [json.loads(l) for l in out.strip().splitlines() if l.startswith("{")]
    if lines:
        row = lines[0]
        for extra in lines[1:]:
            row.update(extra)
    else:
        row = {"status": "timeout" if err == "killed by the hard limit" else "error", "message": err[-500:]}
    row["wall"] = round(time.monotonic() - t, 2)
    return {"problem": name, **row}


def commit() -> str:
    if (ROOT / "COMMIT").exists():  # a snapshot made with `git archive` (see README)
        return (ROOT / "COMMIT").read_text().strip()
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    except OSError:
        return "?"


def write(set_name: str, tag: str, rows: list[dict], timeout: float) -> None:
    from geoprover.bench import machine_line

    head = {
        "set": set_name,
        "engine": "wu",
        "timeout": timeout,
        "machine": machine_line(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "proved": sum(r["status"] == "proved" for r in rows),
        "problems": len(rows),
    }
    stem = RESULTS / f"wu_{set_name}{'_' + tag if tag else ''}"
    stem.with_suffix(".json").write_text(json.dumps({**head, "rows": rows}, indent=1))
    ratios = [r["sympy_over_flint"] for r in rows if r.get("sympy_over_flint")]
    md = [
        f"# Wu's method alone on {set_name}",
        "",
        f"- timeout {timeout:g} s per problem (hard-killed at 2×+30 s), 1 process at a time",
        f"- machine: {head['machine']}",
        f"- date: {head['date']}, commit {head['commit']}",
        f"- proved: **{head['proved']} / {head['problems']}**",
    ]
    cut = [r for r in rows if r.get("sympy_over_flint_min")]
    if cut:
        md.append(
            f"- sympy did not finish the goal's pseudo-division within its budget on {len(cut)} proved "
            f"problems (ratio shown as a lower bound; not in the median)"
        )
    if ratios:
        ratios.sort()
        md.append(
            f"- pseudo-division of the goal, sympy ring / flint time on proved problems: median "
            f"{ratios[len(ratios) // 2]:.1f}×, range {ratios[0]:.1f}–{ratios[-1]:.1f}× ({len(ratios)} problems)"
        )
    md += [
        "",
        "| problem | status | seconds | variables | largest poly (terms) | sympy/flint prem | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = (
            f"{r['sympy_over_flint']:.1f}×"
            if r.get("sympy_over_flint")
            else (
                f">{r['sympy_over_flint_min']:.0f}× (sympy cut at {r['sympy_prem_s']} s)"
                if r.get("sympy_over_flint_min")
                else ""
            )
        )
        note = (r.get("message") or "")[:90].replace("|", "/")
        md.append(
            f"| {r['problem']} | {r['status']} | {r.get('seconds', r['wall'])} | {r.get('variables') or ''} | "
            f"{r.get('max_terms') or ''} | {ratio} | {note} |"
        )
    stem.with_suffix(".md").write_text("\n".join(md) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--only", default="", help="comma-separated problem names or 1-based indices")
    ap.add_argument("--tag", default="", help="suffix of the result files (default: t<timeout>)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the sympy pseudo-division timing")
    args = ap.parse_args()
    names = names_of(SETS[args.set])
    if args.only:
        want = args.only.split(",")
        names = [n for i, n in enumerate(names, 1) if n in want or str(i) in want]
    tag = args.tag or f"t{args.timeout:g}"
    rows = []
    for name in names:
        row = run_one(name, args.timeout, not args.no_baseline)
        rows.append(row)
        print(
            f"{name:40s} {row['status']:22s} {row.get('seconds', row['wall'])!s:>8} "
            f"vars={row.get('variables')} terms={row.get('max_terms')} {row.get('message', '')[:60]}",
            flush=True,
        )
        write(args.set, tag, rows, args.timeout)


if __name__ == "__main__":
    main()
