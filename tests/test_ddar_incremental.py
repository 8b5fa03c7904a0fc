"""Incremental DDAR for the auxiliary search: a grown copy of a saturated engine keeps what its
matchers tried and what its checks answered, and still derives what a fresh engine derives."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from geoprover import ddar
from geoprover.auxiliary.figure import read_figure
from geoprover.auxiliary.search import Search
from geoprover.auxiliary.state import extend
from geoprover.ddar import triangles
from geoprover.ddar.linalg import LinearSystem
from geoprover.ddar.registry import Matchers
from geoprover.language import load_named, parse_clauses, parse_problem
from geoprover.model import Predicate
from geoprover.numeric.diagram import Diagram, draw
from geoprover.timing import Deadline

P = Predicate

# DDAR alone stops; the midpoint of bc (with the centre) gives the right angle at the foot
ORTHO = "a b c = triangle a b c; o = circle o a b c; h = orthocenter h a b c ? eqangle b a b h b o b c"


def _saturated(text: str):
    problem = parse_problem(text)
    diagram = draw(problem, 0)
    engine = ddar.build(problem, diagram)
    engine.saturate(problem.goal)
    return problem, diagram, engine


def test_a_grown_copy_leaves_the_original_as_it_was():
    problem, diagram, engine = _saturated(ORTHO)
    known, rows = dict(engine.db.known), dict(engine.db.angles.rows)
    twin = copy.deepcopy(engine)
    (clause,), _ = parse_clauses("m = midpoint m b c", known=problem.points)
    assert twin.extend(clause)
    twin.saturate(problem.goal)
    assert len(twin.db.known) > len(known)
    assert engine.db.known == known and engine.db.angles.rows == rows
    assert "m" not in engine.db.points and "m" not in engine.db.coords


def test_matchers_are_forked_with_their_state_onto_the_copy():
    _, _, engine = _saturated(ORTHO)
    twin = copy.deepcopy(engine)
    assert twin.matchers is not engine.matchers
    for old, new in zip(engine.matchers.order, twin.matchers.order):
        assert new.db is twin.db and old.db is engine.db
        for key, value in vars(old).items():
            if isinstance(value, (set, list, dict)) and key not in ("db", "ix"):
                assert getattr(new, key) == value and getattr(new, key) is not value


@pytest.mark.parametrize("name", ["translated_imo_2009_p2", "translated_imo_2020_p1"])
def test_grown_copies_derive_what_fresh_engines_derive(name):
    """For the first candidates of a search: the goal proved by the grown copy iff by a fresh engine
    on the extended problem, and the grown copy knows at least the fresh engine's facts."""
    problem = load_named(name)
    diagram = draw(problem, 0)
    search = Search(problem, diagram, Deadline.after(120))
    if search.ddar_alone():
        pytest.skip("DDAR alone proves it")
    for cand in search.candidates(search.base, 12):
        grown = extend(search.base, [cand])
        grown_out = grown.engine.saturate(problem.goal)
        extended = problem.with_clauses([cand.clause])
        fresh = ddar.build(extended, _diagram_of(diagram, extended, grown))
        fresh.use_last_resort = False
        fresh_out = fresh.saturate(problem.goal)
        assert (grown_out.status == "proved") == (fresh_out.status == "proved"), cand.text


def _diagram_of(diagram, extended, state):
    """The extended problem's diagram: the base figure with the state's auxiliary points."""
    facts = diagram.facts + [f for c in state.aux for f in c.facts]
    return Diagram(extended, dict(state.coords), diagram.seed, diagram.attempts, diagram.scale, facts)


def test_a_matcher_that_found_nothing_waits_for_a_change():
    _, _, engine = _saturated(ORTHO)
    m: Matchers = engine.matchers
    calls = []

    def counting(deadline):
        calls.append(1)
        return 0

    counting.quiet = None
    assert m.run(counting, Deadline.never()) and len(calls) == 1
    assert not m.run(counting, Deadline.never()) and len(calls) == 1  # nothing changed: skipped
    engine.db.version += 1
    assert m.run(counting, Deadline.never()) and len(calls) == 2


def test_check_keeps_yes_answers_and_asks_the_figure_first():
    _, _, engine = _saturated("a b c = triangle a b c; m = midpoint m a b ? cong m a m b")
    db = engine.db
    yes = db.check(P("cong", ("m", "a", "m", "b")))
    text = str(P("cong", ("m", "a", "m", "b")))
    assert yes is not None and (text in db.followed or text in db.known)
    assert db.check(P("cong", ("m", "a", "m", "c"))) is None  # false in the figure


def test_follows_agrees_with_holds():
    s = LinearSystem(None)
    s.add({"x": 1, "y": -1}, 0, 0)
    s.add({"y": 1, "z": -2}, 0, 1)
    assert s.follows({"x": 1, "z": -2}) and set(s.holds({"x": 1, "z": -2})) == {0, 1}
    assert not s.follows({"x": 1, "z": -1}) and s.holds({"x": 1, "z": -1}) is None
    assert s.normal_form({"x": 2}) == ({"z": 4}, 0)


def test_linear_system_copy_grows_on_its_own():
    s = LinearSystem(None)
    s.add({"x": 1, "y": -1}, 0, 0)
    twin = copy.deepcopy(s)
    twin.add({"y": 1, "z": -1}, 0, 1)
    assert twin.follows({"x": 1, "z": -1}) and not s.follows({"x": 1, "z": -1})
    assert len(s.rows) == 1 and len(twin.rows) == 2


def _reference_similar(key, ang, eps):
    """The Python loop the kernel replaced."""
    from itertools import permutations

    out = []
    for s in range(len(key)):
        for e in range(s + 1, len(key)):
            if key[e][0] - key[s][0] > eps:
                break
            if abs(key[e][1] - key[s][1]) > eps:
                continue
            for p, perm in enumerate(permutations(range(3))):
                if all(abs(ang[s][m] - ang[e][perm[m]]) < eps for m in range(3)):
                    out.append((s, e, p))
    return out


def test_vectorised_similar_pairs_match_the_python_loop():
    rng = np.random.default_rng(3)
    # a square with its centre and midpoints: many equal angles, isosceles triangles (several permutations)
    X = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0.5, 0.5], [0.5, 0], [1, 0.5], [0.5, 1], [0, 0.5]], dtype=float)
    X = np.vstack([X, rng.normal(size=(6, 2))])
    from itertools import combinations

    T = np.array(list(combinations(range(len(X)), 3)), dtype=np.int64)
    A, B, C = X[T[:, 0]], X[T[:, 1]], X[T[:, 2]]
    cross = np.abs((B - A)[:, 0] * (C - A)[:, 1] - (B - A)[:, 1] * (C - A)[:, 0])
    T = np.ascontiguousarray(T[cross > 1e-9])
    ang = triangles.triangle_angles(X, T)
    assert np.allclose(ang.sum(axis=1), np.pi)
    order = np.argsort(ang.min(axis=1), kind="stable")
    key = np.ascontiguousarray(np.sort(ang, axis=1)[order])
    got = [tuple(r) for r in triangles.similar_pairs(key, ang[order], 1e-7).tolist()]
    want = _reference_similar(key.tolist(), ang[order].tolist(), 1e-7)
    assert got == want and len(got) > 100


def test_kept_drawings_give_the_candidates_a_fresh_drawing_gives():
    problem = parse_problem("a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c")
    d = draw(problem, 0)
    from geoprover.auxiliary.candidates import generate

    fig = read_figure(d.coords, d.facts, problem.goal)
    drawn: dict = {}
    first = generate(problem, d.coords, fig, np.random.default_rng(0), drawn=drawn)
    again = generate(problem, d.coords, fig, np.random.default_rng(0), drawn=drawn)
    fresh = generate(problem, d.coords, fig, np.random.default_rng(0))
    assert drawn and [c.text for c in first] == [c.text for c in again] == [c.text for c in fresh]
    for a, b in zip(again, fresh):
        assert np.allclose(a.coords[a.point], b.coords[b.point]) and a.facts == b.facts
