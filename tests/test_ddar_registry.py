"""The rule registry (ddar/registry.py) and the rule table (ddar/rules.txt) name the same rules,
each matcher writes only the rules it is registered for, and each keeps its own state."""

from __future__ import annotations

import inspect

from geoprover.ddar import build, registry
from geoprover.ddar.matcher import Matcher
from geoprover.ddar.registry import DATABASE_RULES, LAST_RESORT, REGISTRY, RUN_ORDER, Matchers, produced_rules
from geoprover.ddar.table import CHASES, GOAL_STEP, RULES
from geoprover.language import parse_problem
from geoprover.numeric.diagram import draw

# steps a matcher may write on the way to its own (chases citing what it rests on, a circle's
# merged facts, a halved doubled angle, a centre's radii): the database's, not the rule's
ON_THE_WAY = set(CHASES) | {"circle_merge", "figure_half", "radius"}


def test_table_and_registry_name_the_same_rules():
    table = set(RULES)
    assert produced_rules() <= table, produced_rules() - table
    assert set(DATABASE_RULES) <= table, set(DATABASE_RULES) - table
    assert table <= produced_rules() | set(DATABASE_RULES), table - produced_rules() - set(DATABASE_RULES)


def test_the_database_keys_are_what_the_database_writes():
    assert set(CHASES) <= set(DATABASE_RULES)
    assert set(GOAL_STEP.values()) <= set(DATABASE_RULES)
    assert {"given", "consequence"} <= set(DATABASE_RULES)


def test_every_matcher_is_registered_once_under_one_name():
    names = [r.name for r in RUN_ORDER + LAST_RESORT]
    assert len(names) == len(set(names)) == len(REGISTRY)
    classes = [r.matcher for r in RUN_ORDER + LAST_RESORT]
    assert len(classes) == len(set(classes))
    from geoprover.ddar import rules_circles, rules_lengths, rules_proportions, rules_sines, rules_triangles

    defined = {
        c
        for m in (rules_circles, rules_lengths, rules_proportions, rules_sines, rules_triangles)
        for _, c in inspect.getmembers(m, inspect.isclass)
        if issubclass(c, Matcher) and c is not Matcher and c.__module__ == m.__name__
    }
    assert defined == set(classes)
    keys = [k for r in RUN_ORDER + LAST_RESORT for k in r.produces]
    assert len(keys) == len(set(keys)), "a rule key belongs to one matcher"


def test_run_order_is_data():
    engine = build(
        parse_problem("a b c = triangle a b c ? cong a b a b"), draw(parse_problem("a b c = triangle a b c"), 0)
    )
    m = engine._ensure()
    assert [type(x) for x in m.order] == [r.matcher for r in RUN_ORDER]
    assert [type(x) for x in m.last_resort] == [r.matcher for r in LAST_RESORT]
    assert m.named("sine_law") is m.last_resort[0]


def test_matchers_keep_their_own_state():
    """No state shared between matchers: two matchers never hold the same container."""
    problem = parse_problem("a b c = triangle a b c; o = circumcenter o a b c; d = on_circum d a b c ? cong o a o d")
    engine = build(problem, draw(problem, 0))
    engine.saturate()
    m = engine.matchers
    containers = {}
    for matcher in m.order + m.last_resort:
        for name, value in vars(matcher).items():
            if name in ("db", "ix") or not isinstance(value, (set, list, dict)):
                continue
            assert id(value) not in containers, (name, containers.get(id(value)))
            containers[id(value)] = (type(matcher).__name__, name)
    assert not hasattr(Matchers(engine.db, m.ix), "inscribed_done")


def spy_on(engine) -> dict[str, set[str]]:
    """Wrap each working matcher: the rules of the nodes each one writes, by registered name."""
    m = engine._ensure()
    made: dict[str, set[str]] = {r.name: set() for r in RUN_ORDER + LAST_RESORT}
    db = engine.db

    def spy(name, matcher):
        def run(deadline):
            before = len(db.nodes)
            out = matcher(deadline)
            made[name] |= {n.rule for n in db.nodes[before:]}
            return out

        return run

    m.order = [spy(r.name, x) for r, x in zip(RUN_ORDER, m.order)]
    m.last_resort = [spy(r.name, x) for r, x in zip(LAST_RESORT, m.last_resort)]
    return made


def check_matchers_write_only_their_rules(text: str) -> set[str]:
    problem = parse_problem(text)
    engine = build(problem, draw(problem, 0))
    made = spy_on(engine)
    engine.saturate(problem.goal)
    for name, rules in made.items():
        assert rules <= set(REGISTRY[name].produces) | ON_THE_WAY, (name, rules)
    return {rule for rules in made.values() for rule in rules}


def test_matchers_write_only_their_rules_on_real_problems():
    from geoprover.language import load_named

    seen: set[str] = set()
    for name in ("translated_imo_2018_p1", "translated_imo_2004_p5", "translated_imo_2013_p4"):
        problem = load_named(name)
        engine = build(problem, draw(problem, 0))
        made = spy_on(engine)
        engine.saturate(problem.goal)
        for matcher, rules in made.items():
            assert rules <= set(REGISTRY[matcher].produces) | ON_THE_WAY, (name, matcher, rules)
            seen |= rules
    assert {"sine_law", "sine_angle"} <= seen


def test_registry_module_is_the_one_place():
    """The engine takes its matchers from the registry (no list of rules elsewhere)."""
    from geoprover.ddar import engine

    assert engine.Matchers is registry.Matchers
