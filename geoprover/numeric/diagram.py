"""Random coordinates that satisfy a problem's constructions: the numeric model of the figure."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import combinations, islice

import numpy as np

from ..catalogue import get_construction
from ..errors import DrawError, GeoproverError
from ..model import Clause, Predicate, Problem
from . import loci
from .checks import goal_holds, holds, residual
from .geometry import Circle, Degenerate, Line, intersect
from .samplers import SAMPLERS, SignChooser

MIN_SEPARATION = 1e-3  # new points must stand this far (relative to the figure) from old ones
DRAW_TOL = 1e-6  # a drawn construction's facts must hold this well
CLAUSE_TRIES = 12
DIAGRAM_TRIES = 40
GOAL_TRIES = 16
FLIP_BASES = 4  # random figures whose other configurations are tried when none has the goal
FLIP_TRIES = 31  # other configurations tried first per figure (every one of up to 5 branch picks)
FLIP_LIMIT = 255  # then up to this many per figure and orientation (every one of up to 8 picks)
MORE_RANDOM = 48  # random figures drawn after the enumeration, before the goal is called false


@dataclass
class ConfigurationsTried:
    """Every configuration drawn while looking for one where the goal holds: what "false" rests on.

    A goal is called false only after random figures, every branch choice (intersections of two
    loci, orientations a sampler picks) of the first few of them, the same with their free points
    reflected (the other orientation, which differs where the problem fixes an angle), and more
    random figures all fail it.
    """

    random: int = 0  # independent random figures
    bases: int = 0  # random figures whose branch choices were enumerated
    picks: int = 0  # most branch picks in one of them
    flipped: int = 0  # figures redrawn with some branch picks taken the other way
    mirrored: int = 0  # figures redrawn with their free points reflected (branch choices again)

    @property
    def total(self) -> int:
        return self.random + self.flipped + self.mirrored

    def words(self) -> str:
        parts = [f"{self.random} random figures"]
        if self.flipped:
            parts.append(
                f"{self.flipped} with other branch choices of the first {self.bases} "
                f"({self.picks} intersection or orientation pick{'s' if self.picks != 1 else ''} at most)"
            )
        if self.mirrored:
            every = " with every branch choice" if self.picks else ""
            parts.append(f"{self.mirrored} mirror images of the first {self.bases}{every} (the other orientation)")
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "random": self.random,
            "enumerated_figures": self.bases,
            "branch_picks": self.picks,
            "flipped": self.flipped,
            "mirrored": self.mirrored,
        }


@dataclass
class Choice:
    """A point drawn as one of several intersections of its loci: the other branches are other
    configurations of the same figure (`configurations.py` describes and replays them)."""

    point: str
    clause: int
    candidates: tuple[np.ndarray, ...]
    taken: int
    before: tuple[str, ...]  # the points drawn before it, which a description may name
    near: tuple[str, ...]  # the points its constructions name (preferred in descriptions)


@dataclass
class Branches:
    """The branch picks of one drawing, and the picks to take the other way when replaying."""

    flips: frozenset[int] = frozenset()
    made: list[Choice] = field(default_factory=list)

    def pick(
        self, point: str, clause: Clause, candidates: list[np.ndarray], existing: dict, rng: np.random.Generator
    ) -> np.ndarray:
        k = int(rng.integers(len(candidates)))  # drawn even when flipped: the stream stays aligned
        if len(self.made) in self.flips:
            k = (k + 1) % len(candidates)
        self.record(point, clause, candidates, k, existing)
        return candidates[k]

    def record(self, point: str, clause: Clause, candidates: list[np.ndarray], k: int, existing: dict) -> None:
        near = tuple(dict.fromkeys(a for c in clause.constructions for a in c.args if a in existing and a != point))
        self.made.append(Choice(point, clause.index, tuple(candidates), k, tuple(existing), near))

    def sample(
        self,
        sampler: Callable[..., dict],
        rng: np.random.Generator,
        inputs: dict,
        clause: Clause,
        env: dict,
        existing: dict,
    ) -> dict:
        """Run a sampler, recording each orientation it picks at random as a branch (the other
        orientation redrawn from the same random state gives the other candidate)."""
        state = rng.bit_generator.state
        chooser = SignChooser(rng, len(self.made), self.flips)
        out = sampler(chooser, inputs)
        first = len(self.made)
        for j in range(chooser.count):
            other_rng = np.random.default_rng()
            other_rng.bit_generator.state = state
            other = sampler(SignChooser(other_rng, first, self.flips ^ {first + j}), inputs)
            shift = {q: float(np.hypot(*(np.asarray(out[q]) - np.asarray(other[q])))) for q in out}
            moved = max(out, key=lambda q: shift[q])
            # the sampler's points that stay put (a square's base) may describe the pick too
            still = {env[q]: np.asarray(out[q], float) for q in out if shift[q] < 1e-9 and env[q] in env.values()}
            self.record(
                env[moved],
                clause,
                [np.asarray(out[moved], float), np.asarray(other[moved], float)],
                0,
                {**existing, **still},
            )
        return out


@dataclass
class Diagram:
    problem: Problem
    coords: dict[str, np.ndarray]
    seed: int
    attempts: int = 1
    scale: float = 1.0
    facts: list[Predicate] = field(default_factory=list)  # every construction fact, instantiated
    choices: list[Choice] = field(default_factory=list)  # branch picks, in drawing order
    state: dict | None = None  # random state that redraws this figure
    flips: frozenset[int] = frozenset()  # branch picks taken against the random stream (with state)
    mirrored: bool = False  # free points reflected (the other orientation), with state
    tried: ConfigurationsTried | None = None  # the search behind it, when the first figure missed the goal

    def holds(self, pred: Predicate, tol: float = 1e-7) -> bool:
        return holds(pred, self.coords, self.scale, tol)

    def residual(self, pred: Predicate) -> float:
        return residual(pred, self.coords, self.scale)

    def goal_holds(self) -> bool | None:
        """Whether the goal holds, non-degenerate (None when there is no goal)."""
        if self.problem.goal is None:
            return None
        return goal_holds(self.problem.goal, self.coords, self.scale)

    def point(self, name: str) -> np.ndarray:
        return self.coords[name]

    def configurations_tried(self) -> dict:
        """The counts of `ConfigurationsTried` (this figure alone when it was the first drawn)."""
        return self.tried.to_dict() if self.tried is not None else {"total": 1, "random": 1}

    def false_goal_message(self) -> str:
        """Why the goal is called false: every configuration tried fails it."""
        if self.tried is None or self.tried.total <= 1:
            return "the goal is false in the diagram"
        return f"the goal is false in all {self.tried.total} configurations tried ({self.tried.words()})"


def _extent(coords: dict[str, np.ndarray]) -> float:
    if len(coords) < 2:
        return 1.0
    pts = np.array(list(coords.values()))
    return max(1e-9, float(np.max(pts.max(axis=0) - pts.min(axis=0))))


def _draw_clause(
    clause: Clause,
    coords: dict[str, np.ndarray],
    rng: np.random.Generator,
    branches: Branches | None = None,
    mirrored: bool = False,
) -> dict[str, np.ndarray]:
    scale = _extent(coords)
    fixed = clause.fixed_coords
    if fixed and set(fixed) == set(clause.points):
        return {p: np.array(fixed[p]) for p in clause.points}
    if mirrored and not fixed and not any(a in coords for c in clause.constructions for a in c.args):
        # free points (a triangle, a segment) reflected: what follows is built on the mirror image
        return {p: v * np.array([-1.0, 1.0]) for p, v in _draw_clause(clause, coords, rng, branches).items()}
    new: dict[str, np.ndarray] = {}
    loci_of: dict[str, list] = {p: [] for p in clause.points}
    for call in clause.constructions:
        cons = get_construction(call.name)
        for req in cons.instantiate(call, "requires"):
            if not holds(req, coords, scale):
                raise Degenerate(f"precondition '{req}' fails")
        env = dict(zip(cons.params, call.args))
        if cons.sampler:
            inputs = {p: coords[env[p]] for p in cons.inputs}
            out = (
                branches.sample(SAMPLERS[cons.sampler], rng, inputs, clause, env, coords)
                if branches
                else SAMPLERS[cons.sampler](rng, inputs)
            )
            for param, value in out.items():
                loci_of[env[param]].append(np.asarray(value, dtype=float))
            continue
        (target,) = cons.outputs
        numbers = [float(n) for n in call.numbers]
        for step, args in cons.draw:
            pts = [coords[env[a]] for a in args if a in env and a not in cons.numbers]
            extra = [numbers[cons.numbers.index(a)] for a in args if a in cons.numbers]
            loci_of[env[target]].append(loci.PRIMITIVES[step](*pts, *extra))
    for p in clause.points:
        if p in fixed:
            new[p] = np.array(fixed[p])
            continue
        new[p] = _meet(loci_of[p], {**coords, **new}, rng, scale, branches, p, clause)
    return new


def _meet(
    shapes: list,
    existing: dict[str, np.ndarray],
    rng: np.random.Generator,
    scale: float,
    branches: Branches | None = None,
    point: str = "",
    clause: Clause | None = None,
) -> np.ndarray:
    """The new point: a given point, a random point of one locus, or an intersection of loci."""
    points = [s for s in shapes if isinstance(s, np.ndarray)]
    curves = [s for s in shapes if isinstance(s, (Line, Circle))]
    if points:
        return points[0]
    if len(curves) == 1:
        return curves[0].sample(rng, 1.0)
    candidates = intersect(curves[0], curves[1])
    fresh = [c for c in candidates if all(np.hypot(*(c - q)) > MIN_SEPARATION * scale for q in existing.values())]
    if not fresh:
        raise Degenerate("the loci meet only at existing points")
    if len(fresh) == 1:
        return fresh[0]
    if branches is None:
        return fresh[int(rng.integers(len(fresh)))]
    return branches.pick(point, clause, fresh, existing, rng)


def _check_clause(clause: Clause, new: dict[str, np.ndarray], coords: dict[str, np.ndarray]) -> list[Predicate]:
    for p, v in new.items():
        if not np.all(np.isfinite(v)) or np.max(np.abs(v)) > 1e3:
            raise Degenerate(f"point '{p}' is out of the picture")
    scale = _extent({**coords, **new})
    names = list(coords)
    for i, p in enumerate(clause.points):
        others = names + list(clause.points[:i])
        for q in others:
            if np.hypot(*(new[p] - (coords[q] if q in coords else new[q]))) < MIN_SEPARATION * scale:
                raise Degenerate(f"point '{p}' coincides with '{q}'")
    everything = {**coords, **new}
    facts = []
    for call in clause.constructions:
        cons = get_construction(call.name)
        for fact in cons.instantiate(call) + cons.instantiate(call, "also"):
            if not holds(fact, everything, scale, DRAW_TOL):
                raise Degenerate(f"fact '{fact}' fails in the drawing")
            facts.append(fact)
    return facts


def draw_clause(
    clause: Clause, coords: dict[str, np.ndarray], rng: np.random.Generator
) -> tuple[dict[str, np.ndarray], list[Predicate]]:
    """Draw one more clause into an existing figure: its new points and the facts they satisfy.

    Raises `Degenerate` when the clause cannot be drawn there (used by the auxiliary-point search).
    """
    new = _draw_clause(clause, coords, rng)
    return new, _check_clause(clause, new, coords)


def draw(problem: Problem, seed: int = 0, configurations: int = GOAL_TRIES) -> Diagram:
    """A diagram of the problem in which its goal holds, if one of its configurations has it.

    Constructions that meet in two points (a line and a circle, two circles) or that come in two
    orientations leave the figure's configuration open; the statement is taken in a configuration
    where it holds. ``configurations`` random figures are drawn first; when the goal fails in all
    of them, the first few are redrawn with their branch picks taken the other way (same random
    numbers, other intersections: `other_configurations`) and the first where the goal holds is
    returned. When none has the goal, the last random figure is returned and the goal is false in
    it: a goal false in every configuration is reported false. A proof found in a configuration
    the goal does not hold in everywhere says which one it is (`proof.state_configuration`).
    """
    rng = np.random.default_rng(seed)
    tried = ConfigurationsTried(random=1)
    diagram = draw_once(problem, rng, seed)
    drawn = [diagram]
    for _ in range(configurations - 1):
        if diagram.goal_holds() is not False:
            return diagram
        diagram = draw_once(problem, rng, seed)
        tried.random += 1
        drawn.append(diagram)
    if diagram.goal_holds() is not False or configurations <= 1:
        return diagram
    for other in _enumerated(drawn[:FLIP_BASES], tried):
        if other.goal_holds():
            other.tried = tried
            return other
    for _ in range(MORE_RANDOM):
        try:
            other = draw_once(problem, rng, seed)
        except GeoproverError:
            continue
        tried.random += 1
        if other.goal_holds():
            other.tried = tried
            return other
    diagram.tried = tried
    return diagram


def _enumerated(bases: list[Diagram], tried: ConfigurationsTried) -> Iterator[Diagram]:
    """Other configurations of ``bases``, counted in ``tried``: the first few branch choices of
    each, then every choice up to `FLIP_LIMIT`, then the same for their mirror images."""
    tried.bases = len(bases)
    tried.picks = max((len(b.choices) for b in bases), default=0)
    for first, limit in ((0, FLIP_TRIES), (FLIP_TRIES, FLIP_LIMIT)):
        for base in bases:
            for other in other_configurations(base, limit, first):
                tried.flipped += 1
                yield other
    for base in bases:
        reflected = redraw(base, frozenset(), mirrored=True)
        if reflected is None:
            continue
        tried.mirrored += 1
        yield reflected
        for other in other_configurations(reflected, FLIP_LIMIT):
            tried.mirrored += 1
            yield other


def flip_sets(count: int) -> Iterator[frozenset[int]]:
    """Sets of branch picks to take the other way: one pick, then two, ... (never none)."""
    for size in range(1, count + 1):
        for picks in combinations(range(count), size):
            yield frozenset(picks)


def other_configurations(diagram: Diagram, limit: int = FLIP_TRIES, first: int = 0) -> Iterator[Diagram]:
    """The figure redrawn with some of its branch picks taken the other way (the ``first`` to
    ``limit``-th sets of picks, fewest picks first)."""
    if diagram.state is None:
        return
    for flips in islice(flip_sets(len(diagram.choices)), first, limit):
        other = redraw(diagram, flips)
        if other is not None:
            yield other


def redraw(diagram: Diagram, flips: frozenset[int], mirrored: bool | None = None) -> Diagram | None:
    """The same figure with the branch picks in ``flips`` taken the other way, and its free points
    reflected when ``mirrored`` says so (default: as the figure has them). None: not drawable."""
    if diagram.state is None:
        return None
    rng = np.random.default_rng()
    rng.bit_generator.state = diagram.state
    mirror = diagram.mirrored if mirrored is None else mirrored
    try:
        return draw_once(diagram.problem, rng, diagram.seed, tries=1, flips=diagram.flips ^ flips, mirrored=mirror)
    except GeoproverError:
        return None


def draw_once(
    problem: Problem,
    rng: np.random.Generator,
    seed: int = 0,
    tries: int = DIAGRAM_TRIES,
    flips: frozenset[int] = frozenset(),
    mirrored: bool = False,
) -> Diagram:
    """Draw the problem; redraw degenerate attempts; after ``tries`` give up with a DrawError.

    ``flips`` takes those branch picks (numbered in drawing order) the other way: with the
    random state of a diagram (``Diagram.state``) and ``tries=1`` this redraws the same figure
    in another configuration. ``mirrored`` reflects the free points (the other orientation).
    """
    worst: tuple[int, str] = (-1, "")
    for attempt in range(1, tries + 1):
        coords: dict[str, np.ndarray] = {}
        facts: list[Predicate] = []
        state = rng.bit_generator.state
        branches = Branches(flips)
        for clause in problem.clauses:
            for _ in range(CLAUSE_TRIES):
                mark = len(branches.made)
                try:
                    new = _draw_clause(clause, coords, rng, branches, mirrored)
                    facts.extend(_check_clause(clause, new, coords))
                    coords.update(new)
                    break
                except (Degenerate, ValueError, ZeroDivisionError, FloatingPointError) as why:
                    del branches.made[mark:]
                    if clause.index >= worst[0]:
                        worst = (clause.index, str(why) or type(why).__name__)
            else:
                break
        else:
            made = branches.made
            return Diagram(problem, coords, seed, attempt, _extent(coords), facts, made, state, flips, mirrored)
    index, why = worst
    clause = problem.clauses[index]
    raise DrawError(f"cannot be drawn after {tries} attempts: {why}", f"{problem.name}, clause {index + 1} '{clause}'")
