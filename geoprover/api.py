"""The Python API: load a problem, check it numerically, prove it.

from geoprover import load_problem, prove
problem = load_problem(NAME)   # a name from a bundled set, or load_problem(text="...")
proof = prove(problem, timeout=60)
print(proof.render())
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import GeoproverError
from .language import Problem, load_named, parse_clauses, parse_problem
from .language.parser import parse_problem_file
from .language.sets import resolve_file
from .numeric.diagram import Diagram, draw
from .proof import Proof


def load_problem(
    name: str | None = None,
    file: str | Path | None = None,
    text: str | None = None,
    goal: str | None = None,
    free_points: bool = False,
) -> Problem:
    """A problem by name (searched in the bundled sets or in ``file``; a unique suffix is enough),
    or parsed from ``text`` (then ``name`` only names it), or a GeoGebra drawing (``file`` a .ggb,
    with ``goal`` in the problem language; ``free_points`` draws its free points anew instead of
    keeping GeoGebra's coordinates). Bad input raises GeoproverError."""
    if file is not None and str(file).lower().endswith(".ggb"):
        from .language.ggb import read_ggb

        figure = read_ggb(file, free_points)
        return parse_problem(figure + (f" ? {goal}" if goal else ""), name or Path(file).stem, str(file))
    if goal is not None:
        raise GeoproverError("a goal is given separately only for a GeoGebra drawing (.ggb)")
    if text is not None:
        return parse_problem(text, name or "problem")
    if name is None:
        raise GeoproverError("give a problem name or its text")
    return load_named(name, str(file) if file else None)


def load_file(file: str | Path) -> list[Problem]:
    """Every problem of a problem file (a path or the name of a bundled set)."""
    return parse_problem_file(resolve_file(str(file)))


def add_auxiliary(problem: Problem, aux_text: str) -> Problem:
    """The problem with auxiliary constructions appended before the goal: clauses of the problem
    language, AlphaGeometry's constrained form (``x00 e : C a c e 02 ... ;``) or its solution file."""
    from .language.agoutput import auxiliary_text

    try:
        aux_text = auxiliary_text(aux_text).strip().rstrip(";")
        if not aux_text:
            return problem
        clauses, goal = parse_clauses(aux_text, known=problem.points, start_index=len(problem.clauses))
    except GeoproverError as err:
        raise err.located(f"{problem.name}, auxiliary constructions") from None
    if goal is not None:
        raise GeoproverError("auxiliary constructions may not carry a goal", f"{problem.name}, auxiliary constructions")
    return problem.with_clauses(clauses)


@dataclass
class CheckResult:
    problem: Problem
    diagram: Diagram

    @property
    def goal_holds(self) -> bool | None:
        return self.diagram.goal_holds()


def check(problem: Problem, seed: int = 0) -> CheckResult:
    """Draw the problem with ``seed`` and test its goal numerically: ``.goal_holds`` is True, False
    (false or degenerate in the diagram) or None (no goal); ``.diagram`` has the coordinates."""
    return CheckResult(problem, draw(problem, seed))


def prove(problem: Problem, engine: str = "all", timeout: float = 300.0, seed: int = 0, first: bool = False) -> Proof:
    """Prove the goal with one engine ("wu", "ddar", "aux"), or race Wu against DDAR with auxiliary
    points (``engine="all"``, each in its own process). The first to finish decides; when that is
    Wu's method, DDAR goes on looking for a synthetic proof within ``timeout`` and, when it finds
    one, that proof is returned with Wu's as its ``cross_check`` (``first=True``: the first proof).

    Returns a `Proof` whose ``status`` is proved, not proved, false in the diagram, timeout or error,
    within about ``timeout`` seconds; ``seed`` picks the numeric diagram every engine checks against.
    """
    from .portfolio import run_portfolio

    engines = None if engine == "all" else [engine]
    return run_portfolio(problem, engines=engines, timeout=timeout, seed=seed, first=first)


def prove_each(
    problem: Problem, engine: str = "all", timeout: float = 300.0, seed: int = 0, first: bool = False
) -> list[Proof]:
    """One `Proof` per goal of a problem with several goals (Newclid's ``? g1; g2``), each goal
    proved alone on the same figure with ``timeout`` seconds."""
    if len(problem.goals) <= 1:
        return [prove(problem, engine, timeout, seed, first)]
    return [prove(problem.for_goal(g), engine, timeout, seed, first) for g in problem.goals]
