"""``geoprover bench``: its arguments, and the command that selects the problems, runs them with
``bench.run_bench`` on the chosen executor, prints the table and writes the result files after every
problem (so an interrupted run can be resumed)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .bench import (
    Executor,
    LocalExecutor,
    Row,
    Task,
    compare_alphageometry,
    run_bench,
    summarize,
    write_results,
)
from .bench_dask import DaskExecutor
from .bench_sweep import Cell, grid, summarize_sweep, sweep_markdown, write_sweep
from .engines import ENGINES
from .errors import GeoproverError

EXECUTORS = ("process", "dask")


def add_bench_parser(sub: argparse._SubParsersAction) -> None:
    """Add the ``bench`` command to the subcommands of ``geoprover``."""
    p = sub.add_parser("bench", help="run problem sets through the portfolio and record results")
    p.add_argument(
        "files", nargs="*", default=["imo_ag_30"], help="problem files or bundled set names (default imo_ag_30)"
    )
    p.add_argument("--timeout", type=float, default=300.0, help="seconds a problem (default 300)")
    p.add_argument("--timeouts", help="comma-separated time limits to sweep, e.g. 30,60,300")
    p.add_argument("--seeds", help="comma-separated diagram seeds to sweep, e.g. 0,1,2 (default 0)")
    p.add_argument("--jobs", type=int, default=1, help="problems at a time; with dask, local workers (default 1)")
    p.add_argument("--memory", type=float, default=8.0, help="memory cap per engine in GB (default 8; 0 = none)")
    p.add_argument(
        "--executor",
        default="process",
        choices=EXECUTORS,
        help="process: local processes (default); dask: a Dask cluster (pip install 'geoprover[dask]')",
    )
    p.add_argument("--scheduler", help="with --executor dask: an existing scheduler, e.g. tcp://HOST:8786")
    p.add_argument("--engine", default="all", choices=["all", *ENGINES])
    p.add_argument("--no-race", action="store_true", help="let every engine finish, to compare engines")
    p.add_argument(
        "--first",
        action="store_true",
        help="stop each problem at its first verdict (no synthetic proof looked for after Wu's)",
    )
    p.add_argument("--only", help="comma-separated problem names (or suffixes) to run")
    p.add_argument("--out", default="benchmarks/results", help="directory for the result files")
    p.add_argument("--tag", default="", help="added to the result file names")
    p.add_argument("--resume", action="store_true", help="skip problems a previous run with the same name finished")
    p.add_argument("--alphageometry", help="AlphaGeometry per-problem results (JSON) to report the union with")
    p.add_argument(
        "--reports",
        metavar="DIR",
        help="also write an HTML proof report per solved problem (re-proved after the run by its winning "
        "engine, with its auxiliary points) and DIR/index.html with the results table",
    )
    p.set_defaults(func=run_bench_cli)


def _numbers(text: str, option: str, kind: type) -> list:
    try:
        values = [kind(x) for x in text.split(",") if x.strip()]
    except ValueError:
        values = []
    if not values or (kind is float and min(values) <= 0) or len(set(values)) < len(values):
        what = "positive numbers" if kind is float else "integers"
        raise GeoproverError(f"{option} takes distinct comma-separated {what}, not '{text}'")
    return values


def _executor(args: argparse.Namespace) -> Executor:
    if args.executor == "dask":
        return DaskExecutor(args.jobs, args.scheduler)
    return LocalExecutor(args.jobs)


def run_bench_cli(args: argparse.Namespace) -> int:
    """``geoprover bench``: select the problems, run them, print the table, write the results (exit 0)."""
    from .language.parser import read_problem_file
    from .language.sets import resolve_file

    if args.timeout <= 0 or args.jobs < 1:
        raise GeoproverError("--timeout must be positive and --jobs at least 1")
    if args.scheduler and args.executor != "dask":
        raise GeoproverError("--scheduler needs --executor dask")
    sweep = args.timeouts is not None or args.seeds is not None
    if sweep and args.alphageometry:
        raise GeoproverError("--alphageometry compares one run: not with --timeouts or --seeds")
    timeouts = _numbers(args.timeouts, "--timeouts", float) if args.timeouts is not None else [args.timeout]
    seeds = _numbers(args.seeds, "--seeds", int) if args.seeds is not None else [0]
    files = [resolve_file(f) for f in args.files]
    wanted = set(args.only.split(",")) if args.only else None
    selected = [
        (str(f), name)
        for f in files
        for name, _ in read_problem_file(f)
        if wanted is None or any(name == w or name.endswith(w) for w in wanted)
    ]
    if not selected:
        raise GeoproverError("no problems selected")
    names = [name for _, name in selected]
    stem = (
        "_".join(Path(f).stem for f in files)
        + (f"_{args.engine}" if args.engine != "all" else "")
        + (f"_{args.tag}" if args.tag else "")
    )
    out = Path(args.out)
    cells = grid(stem, timeouts, seeds, sweep)
    tasks = {
        c: [
            Task(
                f,
                name,
                args.engine,
                c.timeout,
                seed=c.seed,
                race=not args.no_race,
                memory_gb=args.memory,
                first=args.first,
            )
            for f, name in selected
        ]
        for c in cells
    }
    done: dict[Cell, dict[str, Row]] = {c: _previous(out / f"{c.stem}.json") if args.resume else {} for c in cells}
    todo = [t for c in cells for t in tasks[c] if t.name not in done[c]]
    executor = _executor(args)
    base = {
        "files": [str(Path(f).name) for f in files],
        "jobs": args.jobs,
        "engine": args.engine,
        "race": not args.no_race,
        "first": args.first,
        "executor": args.executor,
    }
    if isinstance(executor, DaskExecutor):
        base["workers"] = executor.workers()
        if args.scheduler:
            base["scheduler"] = args.scheduler
    if args.memory != 8.0:
        base["memory_gb"] = args.memory

    def settings(c: Cell) -> dict:
        return {**base, "timeout": c.timeout, **({"seed": c.seed} if sweep or c.seed else {})}

    def ordered(c: Cell) -> list[Row]:
        return [done[c][n] for n in names if n in done[c]]

    def write(c: Cell) -> list[Path]:
        paths = write_results(ordered(c), settings(c), out, c.stem)
        if sweep:
            s = summarize_sweep(cells, {x: ordered(x) for x in cells}, names)
            paths += write_sweep(s, cells, {**base, "timeouts": timeouts, "seeds": seeds}, out, stem)
        return paths

    cell_of = {(c.timeout, c.seed): c for c in cells}
    total = len(cells) * len(names)
    tty = sys.stderr.isatty()

    def on_row(task: Task, row: Row) -> None:
        c = cell_of[(task.timeout, task.seed)]
        done[c][row.problem] = row
        finished = sum(len(d) for d in done.values())
        solved = sum(r.result == "proved" for d in done.values() for r in d.values())
        synthetic = sum(r.synthetic_seconds is not None for d in done.values() for r in d.values())
        bar = "#" * int(30 * finished / total)
        where = f"t{c.timeout:g} s{c.seed} " if sweep else ""
        print(
            f"\r[{bar:<30}] {finished}/{total} solved {solved} (synthetic {synthetic}) "
            if tty
            else f"[{finished}/{total}] solved {solved} (synthetic {synthetic}) {where}{_table_line(row)}",
            end="" if tty else "\n",
            file=sys.stderr,
            flush=True,
        )
        write(c)  # after every problem, so --resume can pick up

    run_bench(todo, executor, on_row)
    if tty:
        print(file=sys.stderr)
    paths = [p for c in cells for p in write(c)]
    if sweep:
        print("\n".join(sweep_markdown(summarize_sweep(cells, {c: ordered(c) for c in cells}, names))))
        print("wrote " + ", ".join(str(p) for p in dict.fromkeys(paths)))
        return 0
    rows = ordered(cells[0])
    print(f"{'problem':<60} {'result':<22} {'engine':<6} {'seconds':>8} {'synthetic proof':>15}")
    for r in rows:
        print(_table_line(r))
    s = summarize(rows)
    print(
        f"solved {s['solved']} / {s['problems']}; with a synthetic proof: {s['with_synthetic_proof']} / "
        f"{s['problems']}; by engine: {s['by_engine']}; by more than one engine: {s['by_more_than_one']}; "
        f"timeouts: {s['timeouts']}"
    )
    if args.alphageometry:
        print("\n".join(compare_alphageometry(rows, args.alphageometry)))
    if args.reports:
        paths.append(write_reports(rows, Path(args.reports), cells[0].timeout, settings(cells[0])))
    print("wrote " + ", ".join(str(p) for p in paths))
    return 0


def write_reports(rows: list[Row], directory: Path, timeout: float, settings: dict) -> Path:
    """One HTML report per solved problem and an index page; returns the index's path.

    The bench's rows keep verdicts, not proofs, so each solved problem is proved again here: by DDAR
    given the auxiliary points the search found when it has a synthetic proof (raced against Wu when
    Wu decided, so that Wu's proof is its cross-check as in ``solve``), else by the engine that won.
    """
    from dataclasses import asdict

    from .language import load_named, parse_clauses
    from .portfolio import run_portfolio
    from .report.formats import render
    from .report.index import index_page

    directory.mkdir(parents=True, exist_ok=True)
    links: dict[str, str] = {}
    for r in rows:
        if r.result != "proved":
            continue
        base = load_named(r.problem, r.file)
        problem = base
        if r.aux:
            clauses, _ = parse_clauses("; ".join(r.aux), known=base.points, start_index=len(base.clauses))
            problem = base.with_clauses(clauses)
        synthetic = r.synthetic_seconds is not None or r.engine != "wu"  # a verdict by DDAR is its own proof
        engines = (["wu", "ddar"] if r.engine == "wu" else ["ddar"]) if synthetic else ["wu"]
        proof = run_portfolio(problem, engines, timeout=timeout)
        if proof.status != "proved":
            continue
        if r.aux:
            proof.aux = [str(c) for c in problem.clauses[len(base.clauses) :]]
        name = f"{r.problem}.html"
        (directory / name).write_text(render("html", base if r.aux else problem, proof), encoding="utf-8")
        links[r.problem] = name
    index = directory / "index.html"
    index.write_text(index_page([asdict(r) for r in rows], links, settings), encoding="utf-8")
    return index


def _previous(path: Path) -> dict[str, Row]:
    """The finished rows of an earlier run with the same file name (an error is not finished: it runs again)."""
    if not path.exists():
        return {}
    return {r["problem"]: Row(**r) for r in json.loads(path.read_text())["rows"] if r["result"] != "error"}


def _table_line(r: Row) -> str:
    engine = r.engine if r.result == "proved" else "-"
    synthetic = f"{r.synthetic_seconds:.2f} {r.synthetic_engine}" if r.synthetic_seconds is not None else "-"
    return f"{r.problem[:60]:<60} {r.result:<22} {engine:<6} {r.seconds:8.2f} {synthetic:>15}"
