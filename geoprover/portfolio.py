"""Race the engines in separate processes: the first to finish decides, then the best proof is shown.

The verdict is the first proof (or refutation). When that proof is a certificate only (Wu's), the
engines still running go on looking for a synthetic proof within the same time limit, with the
machine to themselves (an engine with a second worker, the auxiliary search, starts it on the freed
core); the answer is then that proof, the verdict's proof beside it as a cross-check.
``first=True`` stops at the verdict, as a plain race.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import queue
import resource
import time
import traceback

from .engines import DEFAULT_ENGINES, SECOND_WORKERS, engine
from .model import Problem
from .numeric.diagram import Diagram, draw
from .procs import die_with_parent
from .proof import ERROR, FALSE, NOT_PROVED, PROVED, TIMEOUT, Outcome, Proof, state_configuration, state_false

DEFAULT_MEMORY_GB = 8.0


def _child(name: str, problem: Problem, diagram: Diagram, timeout: float, memory_gb: float, out, parent: int) -> None:
    die_with_parent(parent)  # a killed solve must not leave its engines running
    os.dup2(2, 1)  # whatever an engine's C libraries print (FLINT's abort message) must not reach our stdout
    try:
        if memory_gb > 0:
            # on top of what the forked child already maps (the parent's libraries and threads,
            # over a gigabyte in a test run), so the cap bounds what the engine itself takes
            limit = _address_space() + int(memory_gb * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        proof = engine(name)(problem, diagram, timeout=timeout)
        out.put((name, json.loads(json.dumps(proof.to_dict(), default=str))))  # plain data only
    except MemoryError:
        out.put((name, {"status": ERROR, "message": "out of memory"}))
    except BaseException as err:  # an engine's crash must not lose the other's result
        out.put(
            (
                name,
                {
                    "status": ERROR,
                    "message": f"{type(err).__name__}: {err}",
                    "certificate": {"traceback": traceback.format_exc(limit=8)},
                },
            )
        )


def _address_space() -> int:
    """Bytes of address space this process maps now (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except OSError:
        return 0


def _proof(problem: Problem, name: str, data: dict, seconds: float) -> Proof:
    fields = {k: v for k, v in data.items() if k in Proof.__dataclass_fields__}
    fields.update(problem=problem.name, goal=str(problem.goal), seconds=seconds)
    fields.setdefault("engine", name)  # the engine's own name says more ("ddar+aux") than its key
    return Proof(**fields)


def run_portfolio(
    problem: Problem,
    engines: list[str] | None = None,
    timeout: float = 300.0,
    seed: int = 0,
    memory_gb: float = DEFAULT_MEMORY_GB,
    diagram: Diagram | None = None,
    race: bool = True,
    first: bool = False,
) -> Proof:
    """The proof to show among ``engines`` (Wu and DDAR with auxiliary points by default), or the most
    informative failure.

    The first proof or refutation decides (``verdict``). A first proof that is not readable is shown
    only when no engine finds a readable one before the time limit (``synthetic`` says what the
    search did); otherwise the readable proof is shown with the first as its ``cross_check``. With
    ``first=True`` the first proof is the answer and the others are stopped at once.
    With ``race=False`` every engine runs to its end (for benchmarks that compare engines). Every
    engine's outcome is kept in ``certificate["engines"]``.
    """
    start = time.monotonic()
    names = list(engines or DEFAULT_ENGINES)
    for n in names:
        engine(n)  # unknown names fail here, before any process starts
    diagram = diagram or draw(problem, seed)
    if diagram.goal_holds() is False:
        from .numeric.degeneracy import degeneracy

        why = degeneracy(problem.goal, diagram.coords, diagram.scale)
        refuted = state_false(Proof(problem.name, str(problem.goal), "numeric", FALSE), diagram)
        if why:
            refuted.message = f"the goal is degenerate in the diagram ({why}); a degenerate statement is false"
        refuted.seconds = time.monotonic() - start
        return refuted
    ctx = mp.get_context("fork")
    out = ctx.Queue()

    def process(name: str, seconds: float) -> mp.Process:
        """An engine's process, given ``seconds``."""
        args = (name, problem, diagram, seconds, memory_gb, out, os.getpid())
        return ctx.Process(target=_child, args=args, daemon=True)

    procs = {n: process(n, timeout) for n in names}
    results: dict[str, Proof] = {}
    try:
        for p in procs.values():
            p.start()
        deadline = start + timeout
        while len(results) < len(names):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                name, data = out.get(timeout=min(left, 0.2))
            except queue.Empty:
                for n, p in procs.items():  # a child killed from outside (OOM killer, signal)
                    if n not in results and not p.is_alive() and p.exitcode not in (0, None):
                        results[n] = _proof(
                            problem,
                            n,
                            {"status": ERROR, "message": f"engine died (exit {p.exitcode})"},
                            time.monotonic() - start,
                        )
                continue
            results[name] = _proof(problem, name, data, time.monotonic() - start)
            if race and _settled(results, first):
                break
            if race:  # a finished engine (a certificate, or Wu giving up) frees a core for the search
                for helper in _second_workers(names, results):
                    names.append(helper)
                    procs[helper] = process(helper, deadline - time.monotonic())
                    procs[helper].start()
    finally:
        for p in procs.values():
            if p.is_alive():
                p.kill()
        for p in procs.values():
            p.join(timeout=2)
        out.close()
    return _answer(problem, names, results, diagram, first, timeout, time.monotonic() - start)


def _second_workers(names: list[str], results: dict[str, Proof]) -> list[str]:
    """The second workers to start now that a finished engine has freed a core (a certificate-only
    proof, or an engine that gave up): one for each engine still searching that has one (and not
    started yet)."""
    running = [n for n in names if n not in results]
    return [SECOND_WORKERS[n] for n in running if n in SECOND_WORKERS and SECOND_WORKERS[n] not in names]


def _settled(results: dict[str, Proof], first: bool) -> bool:
    """Whether to stop the engines still running: a refutation ends the race, and so does a proof,
    unless it is a certificate only and the others may still find a readable one."""
    decided = [r for r in results.values() if r.status in (PROVED, FALSE)]
    if any(r.status == FALSE for r in decided):
        return True
    return bool(decided) and (first or any(r.readable for r in decided))


def _answer(
    problem: Problem,
    names: list[str],
    results: dict[str, Proof],
    diagram: Diagram,
    first: bool,
    timeout: float,
    seconds: float,
) -> Proof:
    """The proof to show, with the verdict, the synthetic search and the cross-check stated."""
    decided = sorted((r for r in results.values() if r.status in (PROVED, FALSE)), key=lambda r: r.seconds)
    if not decided or decided[0].status != PROVED:  # no proof, or refuted first: no proof is shown
        return _best_failure(problem, names, results, seconds)
    verdict = decided[0]
    readable = [r for r in decided if r.status == PROVED and r.readable]
    shown = verdict if first or verdict.readable or not readable else readable[0]
    shown.verdict = Outcome(verdict.engine, verdict.status, round(verdict.seconds, 3), verdict.message)
    if shown is not verdict:
        shown.cross_check = verdict
    searchers = [n for n in names if results.get(n) is not verdict]
    if shown.readable:
        shown.synthetic = Outcome(shown.engine, PROVED, round(shown.seconds, 3))
    elif searchers and not first:
        shown.synthetic = _no_synthetic(searchers, results, timeout, seconds)
    shown.certificate = {**shown.certificate, "engines": {k: _outcome(v) for k, v in results.items()}}
    if not shown.configurations:  # an engine plugged in from outside may not say it
        state_configuration(shown, diagram)
    return shown


def _no_synthetic(searchers: list[str], results: dict[str, Proof], timeout: float, seconds: float) -> Outcome:
    """What the engines looking for a readable proof did when none was found: cut off by the time
    limit, or each finished without one."""
    engines = "+".join(searchers)
    done = [results[n] for n in searchers if n in results]
    if len(done) < len(searchers) or any(r.status == TIMEOUT for r in done):
        return Outcome(engines, TIMEOUT, round(seconds, 3), f"no synthetic proof was found in the time ({timeout:g} s)")
    said = "; ".join(f"{r.engine}: {r.status}{' (' + r.message + ')' if r.message else ''}" for r in done)
    status = ERROR if all(r.status == ERROR for r in done) else NOT_PROVED
    return Outcome(engines, status, round(max(r.seconds for r in done), 3), f"no synthetic proof was found ({said})")


def _outcome(proof: Proof) -> dict:
    out = {"status": proof.status, "seconds": round(proof.seconds, 3), "message": proof.message}
    if "ddar_runs" in proof.certificate:
        out["ddar_runs"] = proof.certificate["ddar_runs"]
    return out


def _best_failure(problem: Problem, names: list[str], results: dict[str, Proof], seconds: float) -> Proof:
    """No proof: say what each engine did; an unfinished engine means the time ran out."""
    summary = "; ".join(f"{k}: {v.status}{' (' + v.message + ')' if v.message else ''}" for k, v in results.items())
    finished = {r.status for r in results.values()}
    status = (
        FALSE
        if FALSE in finished  # a refutation stops the race: the unfinished engines were stopped, not out of time
        else TIMEOUT
        if len(results) < len(names)
        else next(s for s in (NOT_PROVED, TIMEOUT, ERROR) if s in finished)
    )
    engines = "+".join(names) if status == TIMEOUT or len(names) > 1 else names[0]
    return Proof(
        problem.name,
        str(problem.goal),
        engines,
        status,
        seconds,
        certificate={"engines": {k: _outcome(v) for k, v in results.items()}},
        message=summary or "no proof within the time limit",
    )
