"""Race the engines in separate processes; the first proof wins and the others are stopped."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import queue
import resource
import time
import traceback

from .engines import DEFAULT_ENGINES, engine
from .model import Problem
from .numeric.diagram import Diagram, draw
from .procs import die_with_parent
from .proof import ERROR, FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof, state_configuration

DEFAULT_MEMORY_GB = 8.0


def _child(name: str, problem: Problem, diagram: Diagram, timeout: float, memory_gb: float, out, parent: int) -> None:
    die_with_parent(parent)  # a killed solve must not leave its engines running
    os.dup2(2, 1)  # whatever an engine's C libraries print (FLINT's abort message) must not reach our stdout
    try:
        if memory_gb > 0:
            limit = int(memory_gb * 2**30)
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
) -> Proof:
    """The first proof among ``engines`` (Wu and DDAR with auxiliary points by default), or the most
    informative failure.

    With ``race=False`` every engine runs to its end (for benchmarks that compare engines); the
    first proof is still the answer, and every engine's outcome is kept in ``certificate["engines"]``.
    """
    start = time.monotonic()
    names = list(engines or DEFAULT_ENGINES)
    for n in names:
        engine(n)  # unknown names fail here, before any process starts
    diagram = diagram or draw(problem, seed)
    if diagram.goal_holds() is False:
        from .numeric.degeneracy import degeneracy

        why = degeneracy(problem.goal, diagram.coords, diagram.scale)
        message = (
            f"the goal is degenerate in the diagram ({why}); a degenerate statement is false"
            if why
            else "the goal does not hold in the diagram; nothing to prove"
        )
        return Proof(problem.name, str(problem.goal), "numeric", FALSE, time.monotonic() - start, message=message)
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    procs = {
        n: ctx.Process(target=_child, args=(n, problem, diagram, timeout, memory_gb, out, os.getpid()), daemon=True)
        for n in names
    }
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
            if results[name].status == PROVED and race:
                break
    finally:
        for p in procs.values():
            if p.is_alive():
                p.kill()
        for p in procs.values():
            p.join(timeout=2)
        out.close()
    proofs = sorted((r for r in results.values() if r.status == PROVED), key=lambda r: r.seconds)
    if proofs:
        winner = proofs[0]
        winner.certificate = {**winner.certificate, "engines": {k: _outcome(v) for k, v in results.items()}}
        if not winner.configurations:  # an engine plugged in from outside may not say it
            state_configuration(winner, diagram)
        return winner
    return _best_failure(problem, names, results, time.monotonic() - start)


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
        TIMEOUT if len(results) < len(names) else next(s for s in (FALSE, NOT_PROVED, TIMEOUT, ERROR) if s in finished)
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
