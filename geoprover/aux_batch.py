"""``geoprover bench --aux-candidates FILE``: AlphaGeometry's proposals tried problem by problem.

FILE is JSON lines, ``{"problem": name, "candidates": [aux strings in beam order]}``. Each
problem's candidates are tried in order within its time limit, Wu and DDAR racing on the figure
extended by the candidate; the first proof wins and the row says which candidate gave it. A
candidate that cannot be translated or drawn is reported and skipped, never fatal to the batch.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import GeoproverError
from .language.agoutput import auxiliary_text
from .language.parser import parse_clauses, parse_problem, read_problem_file
from .language.sets import resolve_file
from .model import Problem
from .portfolio import run_portfolio
from .proof import PROVED

ENGINES = ["wu", "ddar"]


@dataclass
class Attempt:
    candidate: int
    text: str
    result: str  # proved, not proved, timeout, ..., or "skipped: why"
    seconds: float = 0.0
    engine: str = ""


@dataclass
class BatchRow:
    problem: str
    result: str  # proved or not proved
    candidate: int | None  # the candidate (0-based, beam order) that gave the proof
    seconds: float
    attempts: list[Attempt] = field(default_factory=list)


def read_candidates(path: str | Path) -> list[tuple[str, list[str]]]:
    """(problem, candidates) of each line of a JSON-lines file."""
    out = []
    try:
        lines = Path(path).read_text().splitlines()
    except OSError as err:
        raise GeoproverError(f"cannot read {path}: {err.strerror}") from None
    for k, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            name, cands = row["problem"], row["candidates"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise GeoproverError(f'{path}:{k}: expected {{"problem": ..., "candidates": [...]}} ({err})') from None
        if not isinstance(name, str) or not isinstance(cands, list) or not all(isinstance(c, str) for c in cands):
            raise GeoproverError(f"{path}:{k}: 'problem' must be a name and 'candidates' a list of strings")
        out.append((name, cands))
    return out


def extend(problem: Problem, candidate: str) -> Problem:
    """The problem with a candidate's auxiliary points (any of the accepted forms) appended."""
    text = auxiliary_text(candidate).strip().rstrip(";")
    clauses, goal = parse_clauses(text, known=problem.points, start_index=len(problem.clauses))
    if goal is not None:
        raise GeoproverError("a candidate may not carry a goal")
    return problem.with_clauses(clauses)


def try_candidates(problem: Problem, candidates: list[str], timeout: float, seed: int = 0) -> BatchRow:
    """Candidates in order until one gives a proof or the time is up."""
    start = time.monotonic()
    row = BatchRow(problem.name, "not proved", None, 0.0)
    for k, cand in enumerate(candidates):
        left = timeout - (time.monotonic() - start)
        if left <= 0:
            break
        try:
            extended = extend(problem, cand)
        except GeoproverError as err:
            row.attempts.append(Attempt(k, cand, f"skipped: {err}"))
            continue
        t0 = time.monotonic()
        try:
            proof = run_portfolio(extended, ENGINES, timeout=left, seed=seed)
        except GeoproverError as err:  # e.g. the extended figure cannot be drawn
            row.attempts.append(Attempt(k, cand, f"skipped: {err}", time.monotonic() - t0))
            continue
        row.attempts.append(Attempt(k, cand, proof.status, time.monotonic() - t0, proof.engine or ""))
        if proof.status == PROVED:
            row.result, row.candidate = PROVED, k
            break
    row.seconds = time.monotonic() - start
    return row


def run(args: argparse.Namespace) -> int:
    """The batch: every problem of the candidates file, found in the given problem files."""
    if args.timeout <= 0:
        raise GeoproverError("--timeout must be positive")
    texts: dict[str, tuple[str, str]] = {}
    for f in args.files:
        path = resolve_file(f)
        for name, text in read_problem_file(path):
            texts.setdefault(name, (str(path), text))
    rows = []
    for name, cands in read_candidates(args.aux_candidates):
        if name not in texts:
            rows.append(BatchRow(name, "not proved", None, 0.0, [Attempt(-1, "", "skipped: no such problem")]))
            print(f"{name[:60]:<60} skipped: no such problem in {', '.join(args.files)}", flush=True)
            continue
        source, text = texts[name]
        row = try_candidates(parse_problem(text, name, source), cands, args.timeout)
        rows.append(row)
        for a in row.attempts:
            if a.result.startswith("skipped"):
                print(f"  {name}: candidate {a.candidate} {a.result}", flush=True)
        which = f"candidate {row.candidate}" if row.candidate is not None else f"none of {len(cands)}"
        print(f"{name[:60]:<60} {row.result:<11} {which:<14} {row.seconds:8.2f}", flush=True)
    solved = sum(r.result == PROVED for r in rows)
    print(f"solved {solved} / {len(rows)} with auxiliary candidates")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / (Path(args.aux_candidates).stem + (f"_{args.tag}" if args.tag else "") + "_aux_candidates.json")
    path.write_text(json.dumps({"timeout": args.timeout, "rows": [asdict(r) for r in rows]}, indent=2))
    print(f"wrote {path}")
    return 0
