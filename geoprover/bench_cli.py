"""``geoprover bench``: its arguments, and the command that selects the problems, runs them with
``bench.run_bench``, prints the table and writes the result files after every problem."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .bench import LocalExecutor, Row, Task, compare_alphageometry, run_bench, summarize, write_results
from .engines import ENGINES
from .errors import GeoproverError


def add_bench_parser(sub: argparse._SubParsersAction) -> None:
    """Add the ``bench`` command to the subcommands of ``geoprover``."""
    p = sub.add_parser("bench", help="run problem sets through the portfolio and record results")
    p.add_argument(
        "files", nargs="*", default=["imo_ag_30"], help="problem files or bundled set names (default imo_ag_30)"
    )
    p.add_argument("--timeout", type=float, default=300.0, help="seconds a problem (default 300)")
    p.add_argument("--jobs", type=int, default=1, help="problems at a time (default 1)")
    p.add_argument("--engine", default="all", choices=["all", *ENGINES])
    p.add_argument("--no-race", action="store_true", help="let every engine finish, to compare engines")
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


def run_bench_cli(args: argparse.Namespace) -> int:
    """``geoprover bench``: select the problems, run them, print the table, write the results (exit 0)."""
    from .language.parser import read_problem_file
    from .language.sets import resolve_file

    if args.timeout <= 0 or args.jobs < 1:
        raise GeoproverError("--timeout must be positive and --jobs at least 1")
    files = [resolve_file(f) for f in args.files]
    wanted = set(args.only.split(",")) if args.only else None
    tasks = [
        Task(str(f), name, args.engine, args.timeout, race=not args.no_race)
        for f in files
        for name, _ in read_problem_file(f)
        if wanted is None or any(name == w or name.endswith(w) for w in wanted)
    ]
    if not tasks:
        raise GeoproverError("no problems selected")
    stem = (
        "_".join(Path(f).stem for f in files)
        + (f"_{args.engine}" if args.engine != "all" else "")
        + (f"_{args.tag}" if args.tag else "")
    )
    out = Path(args.out)
    previous: dict[str, Row] = {}
    if args.resume and (out / f"{stem}.json").exists():
        for r in json.loads((out / f"{stem}.json").read_text())["rows"]:
            if r["result"] != "error":  # an error is not a finished run: try it again
                previous[r["problem"]] = Row(**r)
    todo = [t for t in tasks if t.name not in previous]
    settings = {
        "files": [str(Path(f).name) for f in files],
        "timeout": args.timeout,
        "jobs": args.jobs,
        "engine": args.engine,
        "race": not args.no_race,
    }
    done_rows: dict[str, Row] = dict(previous)
    tty = sys.stderr.isatty()

    def on_row(i: int, n: int, row: Row) -> None:
        done_rows[row.problem] = row
        solved = sum(r.result == "proved" for r in done_rows.values())
        bar = "#" * int(30 * i / n)
        print(
            f"\r[{bar:<30}] {i}/{n} solved {solved} " if tty else f"[{i}/{n}] {_table_line(row)}",
            end="" if tty else "\n",
            file=sys.stderr,
            flush=True,
        )
        ordered = [done_rows[t.name] for t in tasks if t.name in done_rows]
        write_results(ordered, settings, out, stem)  # after every problem, so --resume can pick up

    run_bench(todo, LocalExecutor(args.jobs), on_row)
    if tty:
        print(file=sys.stderr)
    rows = [done_rows[t.name] for t in tasks if t.name in done_rows]
    paths = write_results(rows, settings, out, stem)
    print(f"{'problem':<60} {'result':<22} {'engine':<6} {'seconds':>8}")
    for r in rows:
        print(_table_line(r))
    s = summarize(rows)
    print(
        f"solved {s['solved']} / {s['problems']}; by engine: {s['by_engine']}; by more than one engine: "
        f"{s['by_more_than_one']}; timeouts: {s['timeouts']}"
    )
    if args.alphageometry:
        print("\n".join(compare_alphageometry(rows, args.alphageometry)))
    if args.reports:
        paths.append(write_reports(rows, Path(args.reports), args.timeout, settings))
    print("wrote " + ", ".join(str(p) for p in paths))
    return 0


def write_reports(rows: list[Row], directory: Path, timeout: float, settings: dict) -> Path:
    """One HTML report per solved problem and an index page; returns the index's path.

    The bench's rows keep verdicts, not proofs, so each solved problem is proved again here by the
    engine that won (DDAR given the auxiliary points the search found): seconds for most problems.
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
        engine = "wu" if r.engine == "wu" else "ddar"
        proof = run_portfolio(problem, [engine], timeout=timeout)
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


def _table_line(r: Row) -> str:
    engine = r.engine if r.result == "proved" else "-"
    return f"{r.problem[:60]:<60} {r.result:<22} {engine:<6} {r.seconds:8.2f}"
