"""Benchmark runner: run whole problem sets through the portfolio and record what happened.

Each problem runs as its own ``geoprover solve --json`` process (honest timing, no shared
state), through an executor that can be swapped for a cluster one. Results go to JSON, CSV and
Markdown with the machine, date, git commit and settings. The ``geoprover bench`` command line is
``bench_cli``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from .errors import GeoproverError
from .procs import PARENT_ENV


@dataclass
class Task:
    """One problem's ``solve`` at one time limit and seed: what an executor runs."""

    file: str
    name: str
    engine: str
    timeout: float
    seed: int = 0
    race: bool = True
    memory_gb: float = 8.0
    first: bool = False  # stop at the first verdict (no synthetic proof looked for after Wu's)
    text: str | None = None  # the problem itself, for workers that cannot read ``file``

    def command(self) -> list[str]:
        where = [self.name, "--text", self.text] if self.text is not None else [self.file, self.name]
        cmd = [
            sys.executable,
            "-m",
            "geoprover",
            "solve",
            *where,
            "--json",
            "--engine",
            self.engine,
            "--timeout",
            str(self.timeout),
            "--seed",
            str(self.seed),
            "--memory",
            str(self.memory_gb),
        ]
        return cmd + ([] if self.race else ["--no-race"]) + (["--first"] if self.first else [])


@dataclass
class Row:
    """One problem's outcome: the verdict (``engine``, ``seconds``: the first engine to finish) and the
    synthetic proof shown, if any (``synthetic_engine``, ``synthetic_seconds``; ``aux`` are its points)."""

    problem: str
    file: str
    result: str
    engine: str
    seconds: float
    wall_seconds: float
    engines: dict = field(default_factory=dict)
    aux: list = field(default_factory=list)
    message: str = ""
    ddar_runs: int | None = None
    synthetic_engine: str = ""
    synthetic_seconds: float | None = None


class Executor(Protocol):
    """Runs tasks; ``submit`` returns a future of the task's Row. ``shutdown`` stops what is still
    running (its ``solve`` processes too) and drops what has not started."""

    def submit(self, task: Task) -> Future: ...

    def shutdown(self) -> None: ...


class LocalExecutor:
    """Local processes, ``jobs`` at a time."""

    def __init__(self, jobs: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=max(1, jobs))
        self.stopping = threading.Event()

    def submit(self, task: Task) -> Future:
        return self.pool.submit(run_task, task, self.stopping.is_set)

    def shutdown(self) -> None:
        self.stopping.set()
        self.pool.shutdown(wait=False, cancel_futures=True)


HARD_LIMIT_MARGIN = 30.0  # seconds past its time limit before a solve is killed from outside
_POLL = 0.25  # seconds between looks at ``stop`` while a solve runs


def run_task(task: Task, stop: Callable[[], bool] | None = None) -> Row:
    """Run one ``solve --json`` and read its answer; it is killed at its time limit plus a margin, or
    as soon as ``stop()`` says so (the bench was interrupted), and it dies with the calling thread."""
    start = time.monotonic()
    env = {**os.environ, PARENT_ENV: str(os.getpid())}
    proc = subprocess.Popen(task.command(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    stdout = stderr = ""
    why = ""
    try:
        while True:
            try:
                stdout, stderr = proc.communicate(timeout=_POLL if stop else task.timeout + HARD_LIMIT_MARGIN)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() - start > task.timeout + HARD_LIMIT_MARGIN:
                    why = "killed after the time limit"
                elif stop is not None and stop():
                    why = "cancelled"
                else:
                    continue
                proc.kill()
                proc.communicate()
                break
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    wall = time.monotonic() - start
    data = None if why else _last_json(stdout)
    if data is None:
        status = "timeout" if why == "killed after the time limit" else "error"
        why = why or (stderr.strip().splitlines() or [f"no output (exit code {proc.returncode})"])[-1]
        return Row(task.name, task.file, status, task.engine, wall, wall, message=why)
    cert = data.get("certificate", {})
    runs = cert.get("ddar_runs", cert.get("engines", {}).get("aux", {}).get("ddar_runs"))
    times = answer_times(data)
    return Row(
        task.name,
        task.file,
        data["status"],
        times.engine,
        round(times.seconds, 3),
        round(wall, 3),
        cert.get("engines", {}),
        data.get("aux", []),
        data.get("message", ""),
        runs,
        times.synthetic_engine,
        None if times.synthetic_seconds is None else round(times.synthetic_seconds, 3),
    )


@dataclass
class Times:
    """When an answer was decided, and when its synthetic proof was found (None: none was)."""

    engine: str
    seconds: float
    synthetic_engine: str = ""
    synthetic_seconds: float | None = None


def answer_times(data: dict) -> Times:
    """The verdict's engine and seconds and the synthetic proof's of one ``solve --json`` answer (an
    answer without the portfolio's ``verdict``, from an older version, is its own verdict)."""
    verdict = data.get("verdict") or {"engine": data.get("engine", ""), "seconds": data.get("seconds") or 0.0}
    synthetic = data.get("synthetic")
    if synthetic is None and data.get("readable") and data.get("status") == "proved":
        synthetic = {"engine": data.get("engine", ""), "status": "proved", "seconds": data.get("seconds")}
    if data.get("status") != "proved" or not synthetic or synthetic.get("status") != "proved":
        return Times(verdict["engine"], verdict["seconds"])
    return Times(verdict["engine"], verdict["seconds"], synthetic["engine"], synthetic["seconds"])


def _last_json(text: str) -> dict | None:
    """The JSON answer of ``geoprover solve --json``, even if something printed before it; a
    problem with several goals answers a list, read as one answer (``_all_goals``)."""
    start = max(text.rfind("\n{"), text.rfind("\n["))
    start = 0 if text.startswith(("{", "[")) and start < 0 else start + 1
    try:
        data = json.loads(text[start:]) if text.strip() else None
    except json.JSONDecodeError:
        return None
    return _all_goals(data) if isinstance(data, list) else data


def _all_goals(answers: list[dict]) -> dict | None:
    """The answers to a problem's several goals as one: proved when every goal is, else the first
    goal's answer that is not; the seconds add up, and the message says how each goal went."""
    if not answers or not all(isinstance(a, dict) and "status" in a for a in answers):
        return None
    first_short = next((a for a in answers if a["status"] != "proved"), answers[-1])
    each = "; ".join(
        f"goal {k} ({a.get('goal', '?')}): {a['status']} by {a.get('engine')}" for k, a in enumerate(answers, 1)
    )
    times = [answer_times(a) for a in answers]
    seconds = sum(t.seconds for t in times)
    synthetic = None  # the problem has a synthetic proof when every goal has one
    if all(t.synthetic_seconds is not None for t in times):
        engines = "+".join(dict.fromkeys(t.synthetic_engine for t in times))
        synthetic = {"engine": engines, "status": "proved", "seconds": sum(t.synthetic_seconds or 0.0 for t in times)}
    return {
        **first_short,
        "seconds": sum(a.get("seconds") or 0.0 for a in answers),
        "verdict": {"engine": answer_times(first_short).engine, "seconds": seconds},
        "synthetic": synthetic,
        "aux": [x for a in answers for x in a.get("aux", [])],
        "message": f"{len(answers)} goals: {each}",
    }


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "host": platform.node(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def machine_line() -> str:
    """The machine in one line, for result headers."""
    m = machine()
    return f"{m['cpu']}, {m['cores']} cores, Python {m['python']}"


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=Path(__file__).resolve().parent
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "") if out.returncode == 0 else "unknown"
    except OSError:
        return "unknown"


def summarize(rows: list[Row]) -> dict:
    solved = [r for r in rows if r.result == "proved"]
    by_engine: dict[str, int] = {}
    both = 0
    for r in rows:
        provers = {e for e, o in r.engines.items() if o.get("status") == "proved"}
        if r.result == "proved" and not provers:
            provers.add(r.engine)
        for e in provers:
            by_engine[e] = by_engine.get(e, 0) + 1
        both += len(provers) > 1
    synthetic = [r for r in solved if r.synthetic_seconds is not None]
    return {
        "problems": len(rows),
        "solved": len(solved),
        "with_synthetic_proof": len(synthetic),
        # of those, the proofs citing no algebraic lemma (Wu's method) at all
        "with_synthetic_proof_no_lemma": sum("lemma" not in r.synthetic_engine for r in synthetic),
        "by_engine": by_engine,
        "by_more_than_one": both,
        "timeouts": sum(r.result == "timeout" for r in rows),
        "median_seconds_solved": sorted(r.seconds for r in solved)[len(solved) // 2] if solved else None,
        "median_seconds_synthetic": (
            sorted(r.synthetic_seconds or 0.0 for r in synthetic)[len(synthetic) // 2] if synthetic else None
        ),
    }


def run_record(settings: dict) -> dict:
    """What every result file opens with: machine, date, commit and the run's settings."""
    return {
        "machine": machine(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "settings": settings,
    }


def write_results(rows: list[Row], settings: dict, out: Path, stem: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    meta = {**run_record(settings), "summary": summarize(rows)}
    paths = [out / f"{stem}.json", out / f"{stem}.csv", out / f"{stem}.md"]
    paths[0].write_text(json.dumps({**meta, "rows": [asdict(r) for r in rows]}, indent=2, default=str) + "\n")
    with paths[1].open("w", newline="") as fh:
        w = csv.writer(fh)
        head = ["problem", "result", "engine", "seconds", "synthetic_engine", "synthetic_seconds", "wall_seconds"]
        w.writerow([*head, "aux", "ddar_runs", "message"])
        for r in rows:
            w.writerow(
                [r.problem, r.result, r.engine, r.seconds, r.synthetic_engine, r.synthetic_seconds, r.wall_seconds]
                + [" ; ".join(r.aux), r.ddar_runs, r.message]
            )
    paths[2].write_text(markdown(rows, meta))
    return paths


def markdown(rows: list[Row], meta: dict) -> str:
    s = meta["summary"]
    m = meta["machine"]
    lines = [
        f"# Benchmark: {meta['settings'].get('files')}",
        "",
        f"- date: {meta['date']}; commit {meta['git_commit']}",
        f"- machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['system']}",
        f"- settings: {json.dumps(meta['settings'])}",
        f"- solved {s['solved']} / {s['problems']}; with a synthetic proof {s['with_synthetic_proof']} / "
        f"{s['problems']} ({s.get('with_synthetic_proof_no_lemma', s['with_synthetic_proof'])} citing no algebraic "
        f"lemma); by engine {s['by_engine']}; timeouts {s['timeouts']}; "
        f"median seconds: verdict (solved) {s['median_seconds_solved']}, synthetic proof "
        f"{s['median_seconds_synthetic']}",
        "",
        "seconds: when the verdict came (the first engine to finish); synthetic proof: when the synthetic proof "
        "shown was found, by which engine (blank: none was found).",
        "",
        "| problem | result | engine | seconds | synthetic proof | DDAR runs | auxiliary points |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        synthetic = f"{r.synthetic_seconds:.2f} ({r.synthetic_engine})" if r.synthetic_seconds is not None else ""
        lines.append(
            f"| {r.problem} | {r.result} | {r.engine if r.result == 'proved' else ''} | {r.seconds:.2f} | "
            f"{synthetic} | {r.ddar_runs if r.ddar_runs is not None else ''} | {'; '.join(r.aux)} |"
        )
    return "\n".join(lines) + "\n"


def run_bench(tasks: list[Task], executor: Executor, on_row: Callable[[Task, Row], None]) -> list[Row]:
    """Run every task on ``executor``, handing each row to ``on_row`` as it arrives (not in task order);
    the executor is shut down at the end or on an interrupt, so nothing keeps running."""
    rows = []
    try:
        futures = {executor.submit(t): t for t in tasks}
        position = {fut: i for i, fut in enumerate(futures)}
        pending = set(futures)
        while pending:
            # woken twice a second: a Ctrl-C that the system gave to another thread (a cluster's)
            # is then raised here at once, not at the next finished task
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=position.__getitem__):
                row = fut.result()
                rows.append(row)
                on_row(futures[fut], row)
    finally:
        executor.shutdown()
    return rows


def compare_alphageometry(rows: list[Row], ag_path: str) -> list[str]:
    """Problem-by-problem union with AlphaGeometry's outcomes: {"problem": true/false, ...} or a list of rows."""
    try:
        data = json.loads(Path(ag_path).read_text())
    except (OSError, json.JSONDecodeError) as err:
        raise GeoproverError(f"cannot read AlphaGeometry results '{ag_path}': {err}") from None
    if isinstance(data, list):
        data = {d["problem"]: bool(d.get("solved")) for d in data}
    ag = {k.split("/")[-1]: bool(v) for k, v in data.items()}
    out = ["| problem | geoprover | AlphaGeometry | union |", "|---|---|---|---|"]
    ours = ag_only = union = 0
    for r in rows:
        mine = r.result == "proved"
        theirs = ag.get(r.problem, ag.get(r.problem.split("/")[-1], False))
        ours += mine
        ag_only += theirs
        union += mine or theirs
        out.append(
            f"| {r.problem} | {'yes' if mine else 'no'} | {'yes' if theirs else 'no'} | "
            f"{'yes' if mine or theirs else 'no'} |"
        )
    out.append(f"| **total** | **{ours}** | **{ag_only}** | **{union}** |")
    return out
