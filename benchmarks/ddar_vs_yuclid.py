"""Side by side: geoprover's DDAR against Newclid 3.0.1 driving the Yuclid C++ engine (issue 12).

The peer is never installed into the project. Give it its own virtualenv:

    python3.11 -m venv /path/to/venv-peer
    /path/to/venv-peer/bin/pip install newclid==3.0.1 py-yuclid==3.0.0 pyyaml

``py-yuclid`` ships the ``yuclid`` binary in that venv's ``bin``; this script puts that ``bin`` first
on PATH for the peer's processes (py_yuclid finds the binary with ``shutil.which``). With
``py_yuclid`` importable, Newclid's ``GeometricSolverBuilder`` defaults to yuclid (``HEDefault``:
the yuclid rule matcher and the ``FollowDeductions`` agent); the peer child checks that it did.

    python benchmarks/ddar_vs_yuclid.py --peer-python /path/to/venv-peer/bin/python
    python benchmarks/ddar_vs_yuclid.py --peer-python ... --only 2000_p1,2004_p5 --no-write
    # an older checkout as the baseline: its own venv's python runs the geoprover side
    python benchmarks/ddar_vs_yuclid.py --peer-python ... --geoprover-python /path/to/venv-base/bin/python \
        --out benchmarks/results/ddar_vs_yuclid_base

Problems are IMO-AG-30 and JGEX-AG-231 as bundled here. The engines alternate problem by problem
(geoprover first on even-numbered problems, the peer first on odd ones), each engine on each problem
in a fresh child process (this same file run with ``--child``), killed with its process group at
``--timeout`` + 15 s wall clock.

Engine seconds (the number the ratio is about):
  geoprover  ``geoprover.ddar.prove(problem, diagram, timeout=T)`` (saturation, proof extraction and
             pruning), timed with perf_counter; parsing and drawing the diagram (seed 0) excluded.
  Newclid    ``GeometricSolver.run()``, timed with perf_counter: it runs the yuclid binary on the
             drawn setup and replays yuclid's deductions into Newclid's proof state, then checks the
             goals. Building Newclid's problem (its numeric drawing) is excluded. The yuclid binary's
             own time is recorded as well (``yuclid_seconds``). Newclid has no time limit of its own,
             so a proof finished after T seconds counts as a timeout.
Wall seconds: the whole child process (interpreter start, imports, drawing, engine), from the parent.

"Proved" for Newclid means ``run()`` returned True, i.e. every goal checks in Newclid's proof state
after the replay; yuclid's own verdict (solved / saturated) is recorded next to it.

Newclid gets each problem in its own terms (``to_newclid``; geoprover gets the bundled text as is):
- four IMO problems (2019 P2, 2020 P1, 2021 P3, 2022 P4) leave out new-point arguments
  (``x = on_line b c`` for ``x = on_line x b c``), which geoprover accepts and Newclid does not:
  a construction given exactly its output parameters too few arguments gets the clause's new
  points in those places (arity from geoprover's catalogue);
- Newclid 3.0.1 puts the new points first in ``parallelogram`` and ``square`` (AlphaGeometry's
  ``parallelogram a b c x`` is its ``parallelogram x a b c``): where Newclid's definition has the
  same parameters in another order, the arguments are reordered by parameter name (IMO 2016 P1
  and 13 JGEX problems);
- it calls ``eq_trapezoid`` ``iso_trapezoid`` (same definition; 2 JGEX problems).
The results list every problem so changed and what was changed.

Results (unless ``--no-write``): ``--out`` + ``.json`` and ``.md``, with the machine, the date, the
geoprover commit (of the checkout the geoprover python imports) and the Newclid / yuclid versions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()
SETS = ("imo_ag_30", "jgex_ag_231")
KILL_GRACE = 15.0  # seconds past --timeout before a child is killed
MARK = "@@RESULT "  # the line a child answers on (anything else it prints is ignored)


# ---------------------------------------------------------------------------------------------
# children (run by the geoprover python or the peer python; standard library at import time)


def _answer(data: dict[str, Any]) -> None:
    sys.stdout.write("\n" + MARK + json.dumps(data) + "\n")
    sys.stdout.flush()


def child_geoprover(job: dict[str, Any]) -> dict[str, Any]:
    from geoprover.api import load_problem
    from geoprover.ddar import prove
    from geoprover.numeric.diagram import draw

    problem = load_problem(name=job["name"], text=job["text"])
    t0 = time.perf_counter()
    diagram = draw(problem, seed=job["seed"])
    draw_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    proof = prove(problem, diagram, timeout=job["timeout"])
    engine_s = time.perf_counter() - t0
    return {
        "status": str(proof.status),
        "engine_seconds": engine_s,
        "draw_seconds": draw_s,
        "steps": len(proof.steps),
        # saturation alone (the verdict), before trace-back, minimisation and pruning; older
        # checkouts do not report it
        "verdict_seconds": proof.certificate.get("verdict_seconds"),
        "message": proof.message,
    }


def child_newclid(job: dict[str, Any]) -> dict[str, Any]:
    import logging

    logging.basicConfig(level=logging.WARNING)
    import numpy as np
    import py_yuclid.yuclid_adapter as adapter  # fails fast when the yuclid binary is not on PATH
    from newclid.api import GeometricSolverBuilder
    from newclid.jgex.problem_builder import JGEXProblemBuilder
    from py_yuclid.api_default import HEDefault

    yuclid: dict[str, Any] = {}
    run_yuclid = adapter.YuclidAdapter._run_yuclid

    def timed_run_yuclid(self: Any) -> Any:
        t = time.perf_counter()
        out = run_yuclid(self)
        yuclid["seconds"] = time.perf_counter() - t
        yuclid["status"] = out.status.value
        return out

    adapter.YuclidAdapter._run_yuclid = timed_run_yuclid  # type: ignore[method-assign]

    t0 = time.perf_counter()
    builder = JGEXProblemBuilder(rng=np.random.default_rng(job["seed"]))
    setup = builder.with_problem_from_txt(job["text"], job["name"]).build()
    solver_builder = GeometricSolverBuilder(rng=np.random.default_rng(job["seed"]))
    if not isinstance(solver_builder.api_default, HEDefault):
        raise RuntimeError(f"Newclid is not in yuclid mode ({type(solver_builder.api_default).__name__})")
    solver = solver_builder.build(setup)
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ok = solver.run()
    engine_s = time.perf_counter() - t0
    infos = solver.run_infos
    goals = infos.success_per_goal if infos is not None else {}
    proved = bool(ok and infos is not None and infos.success and goals and all(goals.values()))
    status = "proved" if proved else "not proved"
    message = "" if proved else "goal not reached (yuclid " + yuclid.get("status", "?") + ")"
    if proved and yuclid.get("status") != "solved":
        message = f"Newclid checks the goal but yuclid says {yuclid.get('status')}"
    if engine_s > job["timeout"]:
        status, message = "timeout", f"finished after {engine_s:.1f} s ({'proved' if proved else 'not proved'})"
    return {
        "status": status,
        "engine_seconds": engine_s,
        "draw_seconds": build_s,
        "yuclid_seconds": yuclid.get("seconds"),
        "yuclid_status": yuclid.get("status"),
        "steps": infos.steps if infos is not None else None,
        "message": message,
    }


def child_info(_job: dict[str, Any]) -> dict[str, Any]:
    import shutil
    from importlib import metadata

    out: dict[str, Any] = {"python": platform.python_version(), "executable": sys.executable}
    for dist in ("geoprover", "newclid", "py-yuclid"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    try:
        import geoprover

        out["geoprover_path"] = str(Path(geoprover.__file__).resolve().parent)
    except ImportError:
        pass
    if "py-yuclid" in out:
        out["yuclid_binary"] = shutil.which("yuclid")
    if "newclid" in out:
        from newclid.jgex.constructions import ALL_JGEX_CONSTRUCTIONS

        out["signatures"] = {str(d.name.value): [str(a) for a in d.args] for d in ALL_JGEX_CONSTRUCTIONS}
    return out


CHILDREN = {"geoprover": child_geoprover, "newclid": child_newclid, "info": child_info}


def run_child(kind: str) -> None:
    job = json.loads(sys.stdin.read() or "{}")
    try:
        _answer(CHILDREN[kind](job))
    except Exception as why:  # report, do not crash the run
        _answer({"status": "error", "engine_seconds": None, "message": f"{type(why).__name__}: {why}"[:500]})


# ---------------------------------------------------------------------------------------------
# parent


def spawn(python: str, kind: str, job: dict[str, Any], limit: float, path_prefix: str | None) -> dict[str, Any]:
    """Run one child in its own process group; kill the group (yuclid included) at ``limit`` s."""
    env = dict(os.environ)
    if path_prefix:
        env["PATH"] = path_prefix + os.pathsep + env.get("PATH", "")
    env.pop("PYTHONPATH", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [python, str(SCRIPT), "--child", kind],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(json.dumps(job), timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        wall = time.perf_counter() - t0
        return {"status": "timeout", "engine_seconds": None, "wall_seconds": wall, "message": "killed"}
    wall = time.perf_counter() - t0
    try:  # a grandchild left behind (there should be none)
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    answers = [ln[len(MARK) :] for ln in out.splitlines() if ln.startswith(MARK)]
    if answers:
        result = json.loads(answers[-1])
    else:
        tail = (err.strip().splitlines() or [""])[-1]
        result = {"status": "error", "engine_seconds": None, "message": f"exit {proc.returncode}: {tail}"[:500]}
    result["wall_seconds"] = wall
    return result


# AlphaGeometry names that Newclid 3.0.1 renamed (same definition: para d c a b, cong d a b c)
NEWCLID_NAMES = {"eq_trapezoid": "iso_trapezoid"}


def to_newclid(text: str, signatures: dict[str, list[str]]) -> tuple[str, list[str]]:
    """The problem in Newclid 3.0.1's terms, and what was changed.

    - new-point arguments left out (``x = on_line b c``) are written out (``x = on_line x b c``):
      a construction given exactly its output parameters too few arguments gets the clause's new
      points in those places (arity from geoprover's catalogue);
    - where Newclid's definition has the same parameters in another order (3.0.1 puts the new
      points first in ``parallelogram`` and ``square``), the arguments are reordered by parameter;
    - AlphaGeometry names Newclid renamed (``NEWCLID_NAMES``) are renamed.

    ``signatures`` are Newclid's parameter names per construction, as its peer child reports them.
    """
    from geoprover.catalogue.constructions import get_construction

    clauses, sep, goal = text.partition("?")
    out, changes = [], []
    for clause in clauses.split(";"):
        lhs, eq, rhs = clause.partition("=")
        if not eq:
            out.append(clause.strip())
            continue
        new_points = lhs.split()
        parts = []
        for part in rhs.split(","):
            name, *args = part.split()
            try:
                cons = get_construction(name)
            except Exception:
                parts.append(part.strip())
                continue
            want = len(cons.params) + len(cons.numbers)
            if (
                len(args) == want - len(cons.outputs)
                and len(cons.outputs) == len(new_points)
                and not set(args) & set(new_points)
            ):
                given, filled = iter(args), iter(new_points)
                args = [next(filled) if p in cons.outputs else next(given) for p in cons.params] + list(given)
                changes.append(f"wrote out {name}")
            nc_name = name if name in signatures else NEWCLID_NAMES.get(name, name)
            if nc_name != name:
                changes.append(f"renamed {name} to {nc_name}")
            ours, theirs = [*cons.params, *cons.numbers], signatures.get(nc_name, [])
            if len(args) == want and sorted(ours) == sorted(theirs) and ours != theirs:
                env = dict(zip(ours, args))
                args = [env[p] for p in theirs]
                changes.append(f"reordered {name}")
            parts.append(" ".join([nc_name, *args]))
        out.append(f"{' '.join(new_points)} = {', '.join(parts)}")
    if not changes:
        return text, []
    return "; ".join(out) + (f" ? {goal.strip()}" if sep else ""), list(dict.fromkeys(changes))


def load_sets(names: list[str], only: list[str], signatures: dict[str, list[str]]) -> list[dict[str, Any]]:
    from geoprover.language.parser import read_problem_file

    problems = []
    for set_name in names:
        path = Path(set_name)
        if not path.exists():
            path = ROOT / "problems" / set_name / f"{set_name}.txt"
        for name, text in read_problem_file(path):
            if only and not any(name == w or name.endswith(w) for w in only):
                continue
            peer_text, changes = to_newclid(text, signatures)
            problems.append(
                {"set": path.stem, "name": name, "text": text, "newclid_text": peer_text, "newclid_changes": changes}
            )
    return problems


def git_state(path: str | None) -> dict[str, Any]:
    if not path:
        return {"commit": "unknown", "dirty": None}
    run = {"capture_output": True, "text": True, "cwd": path}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], **run)
    if commit.returncode:
        return {"commit": "unknown", "dirty": None}
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], **run).stdout.strip()
    return {"commit": commit.stdout.strip(), "dirty": bool(dirty)}


def machine() -> dict[str, Any]:
    """geoprover's own machine record (``bench.machine``), plus the platform string."""
    from geoprover.bench import machine as bench_machine

    return {**bench_machine(), "platform": platform.platform()}


def _num(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def stats(rows: list[dict[str, Any]]) -> dict[str, Any]:
    both = [r for r in rows if r["ratio"] is not None]
    ratios = [r["ratio"] for r in both]
    walls = [r["geoprover"]["wall_seconds"] / r["newclid"]["wall_seconds"] for r in both]
    binary = [
        r["geoprover"]["engine_seconds"] / max(r["newclid"]["yuclid_seconds"], 1e-6)
        for r in both
        if r["newclid"].get("yuclid_seconds") is not None
    ]
    verdict = [
        r["geoprover"]["verdict_seconds"] / max(r["newclid"]["engine_seconds"], 1e-6)
        for r in both
        if r["geoprover"].get("verdict_seconds") is not None
    ]
    return {
        "problems": len(rows),
        "geoprover_proved": sum(r["geoprover"]["status"] == "proved" for r in rows),
        "newclid_proved": sum(r["newclid"]["status"] == "proved" for r in rows),
        "both_proved": len(both),
        "median_ratio": statistics.median(ratios) if ratios else None,
        "min_ratio": min(ratios) if ratios else None,
        "max_ratio": max(ratios) if ratios else None,
        "median_wall_ratio": statistics.median(walls) if walls else None,
        "median_ratio_to_yuclid_binary": statistics.median(binary) if binary else None,
        # geoprover's saturation alone (time to the verdict) against Newclid's run()
        "median_verdict_ratio": statistics.median(verdict) if verdict else None,
    }


def summary_line(label: str, s: dict[str, Any]) -> str:
    return (
        f"{label:12s} {s['problems']:4d} problems: geoprover {s['geoprover_proved']}, newclid {s['newclid_proved']}, "
        f"both {s['both_proved']}; engine ratio geoprover/yuclid median {_num(s['median_ratio'], 2)} "
        f"(min {_num(s['min_ratio'], 2)}, max {_num(s['max_ratio'], 2)}); "
        f"wall ratio median {_num(s['median_wall_ratio'], 2)}; "
        f"engine / yuclid binary alone median {_num(s['median_ratio_to_yuclid_binary'], 2)}; "
        f"verdict (saturation alone) / newclid median {_num(s['median_verdict_ratio'], 2)}"
    )


def markdown(meta: dict[str, Any], rows: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    gp, peer = meta["geoprover"], meta["peer"]
    md = [
        "# geoprover DDAR vs Newclid + yuclid",
        "",
        f"- date: {meta['date']}",
        f"- machine: {meta['machine']['cpu']}, {meta['machine']['cores']} cores, {meta['machine']['platform']}, "
        f"load average {meta['load_start']} at start, {meta['load_end']} at end",
        f"- geoprover: commit {gp['commit']}{' (dirty)' if gp['dirty'] else ''} at {gp.get('geoprover_path')}, "
        f"Python {gp.get('python')}",
        f"- peer: newclid {peer.get('newclid')}, py-yuclid {peer.get('py-yuclid')}, "
        f"yuclid {peer.get('yuclid_binary')}, Python {peer.get('python')}",
        f"- timeout {meta['timeout']} s a problem and engine, seed {meta['seed']}; engines alternate problem by "
        "problem, each in its own process",
        "- engine s: geoprover `ddar.prove` (drawing excluded); Newclid `GeometricSolver.run()` with yuclid "
        "(problem building excluded). wall s: the whole child process. ratio = geoprover / Newclid engine s, "
        "on problems both prove; verdict ratio = geoprover's saturation alone (before trace-back, minimisation "
        "and pruning) / Newclid engine s",
        f"- command: `{meta['command']}`",
        "",
        "| set | problems | geoprover proved | newclid proved | both | median ratio | min | max | median wall ratio "
        "| median ratio to yuclid binary | median verdict ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, s in summary.items():
        md.append(
            f"| {label} | {s['problems']} | {s['geoprover_proved']} | {s['newclid_proved']} | {s['both_proved']} | "
            f"{_num(s['median_ratio'], 2)} | {_num(s['min_ratio'], 2)} | {_num(s['max_ratio'], 2)} | "
            f"{_num(s['median_wall_ratio'], 2)} | {_num(s['median_ratio_to_yuclid_binary'], 2)} | "
            f"{_num(s['median_verdict_ratio'], 2)} |"
        )
    md += [
        "",
        "| set | problem | geoprover | engine s | wall s | newclid | engine s | wall s | yuclid s | ratio |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        g, n = r["geoprover"], r["newclid"]
        mark = " *" if r["newclid_changes"] else ""
        md.append(
            f"| {r['set']} | {r['name']}{mark} | {g['status']} | {_num(g['engine_seconds'])} | "
            f"{_num(g['wall_seconds'])} | {n['status']} | {_num(n['engine_seconds'])} | {_num(n['wall_seconds'])} | "
            f"{_num(n.get('yuclid_seconds'))} | {_num(r['ratio'], 2)} |"
        )
    changed = [r for r in rows if r["newclid_changes"]]
    if changed:
        md += ["", "\\* the problem text was put in Newclid 3.0.1's terms:", ""]
        md += [f"- {r['name']}: {', '.join(r['newclid_changes'])}" for r in changed]
    return "\n".join(md) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    ap.add_argument("--peer-python", help="python of the virtualenv holding newclid==3.0.1 and py-yuclid==3.0.0")
    ap.add_argument("--geoprover-python", default=sys.executable, help="python that imports the geoprover to time")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated sets (or problem files)")
    ap.add_argument("--only", default="", help="comma-separated problem names or name suffixes")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a problem, per engine")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=None, help="results stem (default benchmarks/results/ddar_vs_yuclid)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if args.child:
        run_child(args.child)
        return
    if not args.peer_python:
        ap.error("--peer-python is required (see the module docstring for the peer's virtualenv)")

    sys.path.insert(0, str(ROOT))  # the problem files and catalogue of this checkout
    peer_bin = str(Path(args.peer_python).parent)
    command = shlex.join([sys.executable, *sys.argv])
    gp_info = spawn(args.geoprover_python, "info", {}, 120, None)
    gp_info.update(git_state(gp_info.get("geoprover_path")))
    peer_info = spawn(args.peer_python, "info", {}, 120, peer_bin)
    for who, info, key in (("geoprover", gp_info, "geoprover_path"), ("peer", peer_info, "newclid")):
        if key not in info:
            sys.exit(f"the {who} python does not work: {info}")
    if not peer_info.get("yuclid_binary"):
        sys.exit(f"no yuclid binary on PATH for the peer ({peer_bin}): {peer_info}")
    signatures = peer_info.pop("signatures", {})
    problems = load_sets(args.sets.split(","), [w for w in args.only.split(",") if w], signatures)
    print(
        f"geoprover {gp_info['commit']}{'+dirty' if gp_info['dirty'] else ''} at {gp_info['geoprover_path']}; "
        f"newclid {peer_info['newclid']}, py-yuclid {peer_info.get('py-yuclid')}, yuclid {peer_info['yuclid_binary']}; "
        f"{len(problems)} problems, timeout {args.timeout:g} s",
        flush=True,
    )
    load_start = os.getloadavg()[0]
    rows = []
    limit = args.timeout + KILL_GRACE
    for i, p in enumerate(problems):
        gp_job = {"name": p["name"], "text": p["text"], "timeout": args.timeout, "seed": args.seed}
        peer_job = dict(gp_job, text=p["newclid_text"])
        runs = [
            ("geoprover", lambda j=gp_job: spawn(args.geoprover_python, "geoprover", j, limit, None)),
            ("newclid", lambda j=peer_job: spawn(args.peer_python, "newclid", j, limit, peer_bin)),
        ]
        if i % 2:
            runs.reverse()
        row: dict[str, Any] = {
            "set": p["set"],
            "name": p["name"],
            "newclid_changes": p["newclid_changes"],
            "newclid_text": p["newclid_text"] if p["newclid_changes"] else None,
            "first": runs[0][0],
        }
        for who, run in runs:
            row[who] = run()
        g, n = row["geoprover"], row["newclid"]
        both = g["status"] == "proved" and n["status"] == "proved"
        row["ratio"] = g["engine_seconds"] / max(n["engine_seconds"], 1e-6) if both else None
        rows.append(row)
        note = "; ".join(x for x in (g.get("message"), n.get("message")) if x)
        star = "*" if p["newclid_changes"] else " "
        print(
            f"{p['name'][-44:]:44s}{star} gp {g['status']:10s} {_num(g['engine_seconds']):>8} "
            f"{_num(g['wall_seconds']):>8} | nc {n['status']:10s} {_num(n['engine_seconds']):>8} "
            f"{_num(n['wall_seconds']):>8} | ratio {_num(row['ratio'], 2):>6}  {note[:70]}",
            flush=True,
        )
    summary = {s: stats([r for r in rows if r["set"] == s]) for s in dict.fromkeys(r["set"] for r in rows)}
    summary["overall"] = stats(rows)
    print()
    for label, s in summary.items():
        print(summary_line(label, s))
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_start": round(load_start, 2),
        "load_end": round(os.getloadavg()[0], 2),
        "geoprover": gp_info,
        "peer": peer_info,
        "script": {"path": str(SCRIPT), **git_state(str(ROOT))},
        "timeout": args.timeout,
        "seed": args.seed,
        "command": command,
    }
    if args.no_write:
        return
    stem = args.out or str(ROOT / "benchmarks" / "results" / ("ddar_vs_yuclid" + ("_partial" if args.only else "")))
    Path(stem).parent.mkdir(parents=True, exist_ok=True)
    data = {"meta": meta, "summary": summary, "results": rows}
    Path(stem + ".json").write_text(json.dumps(data, indent=1) + "\n")
    Path(stem + ".md").write_text(markdown(meta, rows, summary))
    print(f"wrote {stem}.json and {stem}.md")


if __name__ == "__main__":
    main()
