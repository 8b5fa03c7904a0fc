"""Auxiliary points: candidates are valid, new constructions; the search finds what DDAR needs."""

import numpy as np

from geoprover.auxiliary import prove as aux_prove
from geoprover.auxiliary.candidates import generate
from geoprover.auxiliary.figure import read_figure
from geoprover.language import load_named, parse_clauses, parse_problem
from geoprover.numeric.diagram import draw
from geoprover.proof import FALSE, PROVED


def _figure(text):
    p = parse_problem(text)
    d = draw(p, 0)
    return p, d, read_figure(d.coords, d.facts, p.goal)


def test_figure_reads_lines_and_circles():
    p, d, fig = _figure(
        "a b c = triangle a b c; o = circle o a b c; m = midpoint m a b; "
        "d = on_line d c m, on_circle d o c ? cong o d o a"
    )
    assert any({"a", "b"} <= set(ln) for ln in fig.lines)
    assert any(c == "o" and set(on) >= {"a", "b", "c"} for c, on in fig.circles)


def test_candidates_are_clauses_of_the_language_and_new():
    p, d, fig = _figure("a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c")
    cands = generate(p, d.coords, fig, np.random.default_rng(0))
    assert len(cands) > 20
    kinds = {c.kind for c in cands}
    assert {"midpoint", "foot", "circumcenter"} <= kinds
    for c in cands:
        (clause,), goal = parse_clauses(c.text, known=p.points)
        assert goal is None and clause.points == (c.point,)
        assert c.point not in p.points
        assert all(np.hypot(*(c.coords[c.point] - q)) > 1e-6 for q in d.coords.values())
    scores = [c.score for c in cands]
    assert scores == sorted(scores, reverse=True)


def test_feet_of_altitudes_land_on_lines():
    p, d, fig = _figure("a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c")
    cands = generate(p, d.coords, fig, np.random.default_rng(0))
    a, b, c = (d.coords[k] for k in "abc")
    u = (c - b) / np.hypot(*(c - b))
    at_foot = b + ((a - b) @ u) * u
    foot = next(k for k in cands if np.hypot(*(k.coords[k.point] - at_foot)) < 1e-9)
    assert foot.lands_on >= 1  # built from two of the lines through it, it lands on the third


def test_search_adds_points_where_ddar_alone_stops():
    p = load_named("translated_imo_2009_p2")
    proof = aux_prove(p, timeout=60)
    assert proof.status == PROVED
    assert proof.certificate["ddar_runs"] >= 1
    assert all(" = " in a for a in proof.aux)


def test_false_goal_is_not_searched():
    p = parse_problem("a b c = triangle a b c; m = midpoint m b c ? perp a m b c")
    assert aux_prove(p, timeout=30).status == FALSE


def test_the_second_worker_searches_the_same_candidates_in_another_order():
    from geoprover.auxiliary import Search
    from geoprover.auxiliary.engine import prove_second_worker
    from geoprover.timing import Deadline

    p = load_named("translated_imo_2009_p2")
    d = draw(p, 0)
    orders = []
    for worker in (0, 1):
        tried: list = []
        search = Search(p, d, Deadline.after(60), worker=worker)
        attempt = search.attempt
        search.attempt = lambda state, group, tried=tried, attempt=attempt: (
            tried.append(group[0].text) or attempt(state, group)
        )
        search.run()
        orders.append(tried)
    assert orders[0][0] != orders[1][0]
    proof = prove_second_worker(p, timeout=60)
    assert proof.status == PROVED and proof.certificate["search_worker"] == 1


def test_a_kept_drawing_is_not_reused_for_another_point_of_the_same_name():
    """Sibling states of the search give one auxiliary name to different points: a candidate over
    that name must be drawn where the point of its own state is (hageo_dev 2020CHNSouthEastMOg11p2
    drew "x2 = midpoint x2 i x1" at the midpoint of another state's x1)."""
    p, d, fig = _figure("a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c")
    drawn: dict = {}
    checked = 0
    for spot in ((0.3, 0.2), (-0.4, 0.9)):
        coords = {**d.coords, "x1": np.array(spot)}
        grown = p.with_clauses(parse_clauses("x1 = free x1", known=p.points)[0])
        for cand in generate(
            grown, coords, read_figure(coords, d.facts, p.goal), np.random.default_rng(0), drawn=drawn
        ):
            if cand.text.startswith(f"{cand.point} = midpoint {cand.point} a x1"):
                assert np.allclose(cand.coords[cand.point], (coords["a"] + coords["x1"]) / 2)
                checked += 1
    assert checked == 2
