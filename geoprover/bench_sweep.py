"""``bench --timeouts ... --seeds ...``: the grid of runs, and the one table that sums it up.

Each cell of the grid (a time limit and a diagram seed) writes the usual result files under its own
name; this module adds the summary: solved (and with a synthetic proof) per time limit and seed,
and the problems whose verdict changes with the seed at a fixed time limit, which is how
seed-dependence gets found.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .bench import Row, run_record


@dataclass(frozen=True)
class Cell:
    """One run of the grid: every selected problem at ``timeout`` seconds with diagram ``seed``; its
    result files are ``stem.json|csv|md``."""

    timeout: float
    seed: int
    stem: str


def grid(stem: str, timeouts: list[float], seeds: list[int], sweep: bool) -> list[Cell]:
    """The cells, time limit by time limit; outside a sweep the one cell keeps the plain name."""
    return [Cell(t, s, f"{stem}_t{t:g}_s{s}" if sweep else stem) for t in timeouts for s in seeds]


@dataclass
class SeedDependent:
    """A problem whose result is not the same for every seed at one time limit."""

    problem: str
    timeout: float
    results: dict[int, str]  # seed -> result

    @property
    def proved_in(self) -> int:
        return sum(r == "proved" for r in self.results.values())


@dataclass
class SweepSummary:
    timeouts: list[float]
    seeds: list[int]
    problems: int
    solved: dict[float, dict[int, int]]  # timeout -> seed -> solved
    solved_any_seed: dict[float, int]
    solved_every_seed: dict[float, int]
    seed_dependent: list[SeedDependent]
    missing: int  # runs not finished (an interrupted sweep)
    synthetic: dict[float, dict[int, int]] = field(default_factory=dict)  # timeout -> seed -> with a synthetic proof


def summarize_sweep(cells: list[Cell], rows: dict[Cell, list[Row]], problems: list[str]) -> SweepSummary:
    """Solved counts per cell, and every problem whose result differs between the seeds of one time
    limit (only problems with every seed finished are compared)."""
    timeouts = sorted({c.timeout for c in cells})
    seeds = sorted({c.seed for c in cells})
    result = {(c.timeout, c.seed, r.problem): r.result for c in cells for r in rows.get(c, [])}
    solved = {t: {s: sum(result.get((t, s, p)) == "proved" for p in problems) for s in seeds} for t in timeouts}
    any_seed = {t: sum(any(result.get((t, s, p)) == "proved" for s in seeds) for p in problems) for t in timeouts}
    every_seed = {t: sum(all(result.get((t, s, p)) == "proved" for s in seeds) for p in problems) for t in timeouts}
    dependent = []
    for t in timeouts:
        for p in problems:
            got = {s: result.get((t, s, p)) for s in seeds}
            if None not in got.values() and len(set(got.values())) > 1:
                dependent.append(SeedDependent(p, t, got))
    missing = len(cells) * len(problems) - len(result)
    found = {(c.timeout, c.seed, r.problem) for c in cells for r in rows.get(c, []) if r.synthetic_seconds is not None}
    synthetic = {t: {s: sum((t, s, p) in found for p in problems) for s in seeds} for t in timeouts}
    return SweepSummary(timeouts, seeds, len(problems), solved, any_seed, every_seed, dependent, missing, synthetic)


def sweep_markdown(s: SweepSummary) -> list[str]:
    """The summary as Markdown lines: a solved table, then the seed-dependent problems."""
    head = " | ".join(f"seed {x}" for x in s.seeds)
    lines = [
        f"Solved of {s.problems} problems" + (f" ({s.missing} runs not finished)" if s.missing else "") + ":",
        "",
        f"| timeout (s) | {head} | any seed | every seed |",
        "|---|" + "---|" * (len(s.seeds) + 2),
    ]
    for t in s.timeouts:
        cells = " | ".join(str(s.solved[t][x]) for x in s.seeds)
        lines.append(f"| {t:g} | {cells} | {s.solved_any_seed[t]} | {s.solved_every_seed[t]} |")
    if s.synthetic:
        lines += ["", "With a synthetic proof:", "", f"| timeout (s) | {head} |", "|---|" + "---|" * len(s.seeds)]
        for t in s.timeouts:
            lines.append(f"| {t:g} | " + " | ".join(str(s.synthetic[t][x]) for x in s.seeds) + " |")
    lines += ["", f"Problems whose verdict depends on the seed: {len(s.seed_dependent)}"]
    if s.seed_dependent:
        lines += [
            "",
            f"| problem | timeout (s) | {head} | proved in |",
            "|---|---|" + "---|" * (len(s.seeds) + 1),
        ]
        for d in s.seed_dependent:
            got = " | ".join(d.results[x] for x in s.seeds)
            lines.append(f"| {d.problem} | {d.timeout:g} | {got} | {d.proved_in} of {len(s.seeds)} seeds |")
    return lines


def write_sweep(s: SweepSummary, cells: list[Cell], settings: dict, out: Path, stem: str) -> list[Path]:
    """``stem_sweep.json`` and ``stem_sweep.md``, with machine, date, commit and the cells' files."""
    out.mkdir(parents=True, exist_ok=True)
    meta = {
        **run_record(settings),
        "cells": [{"timeout": c.timeout, "seed": c.seed, "results": f"{c.stem}.json"} for c in cells],
    }
    paths = [out / f"{stem}_sweep.json", out / f"{stem}_sweep.md"]
    paths[0].write_text(json.dumps({**meta, "summary": asdict(s)}, indent=2, default=str) + "\n")
    m = meta["machine"]
    head = [
        f"# Sweep: {settings.get('files')}",
        "",
        f"- date: {meta['date']}; commit {meta['git_commit']}",
        f"- machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['system']}",
        f"- settings: {json.dumps(settings)}",
        f"- per-run files: {', '.join(c['results'] for c in meta['cells'])}",
        "",
    ]
    paths[1].write_text("\n".join(head + sweep_markdown(s)) + "\n")
    return paths
