"""A fast slice of the adversarial soundness suite (benchmarks/soundness.py).

Statements that must not be proved: the issue's reproduction (Wu proved ``cyclic b a p q`` at seed
29 with b, a, p, q on one line), goal mutants false in every configuration, degenerate probes, and
the equilateral 60°/120° pair, which may be proved only with a condition that singles out the
drawn configuration. The full sweep is ``python benchmarks/soundness.py`` (see its --help).
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from geoprover.language import parse_problem
from geoprover.numeric.diagram import draw

HERE = Path(__file__).resolve().parent
SUITE_PATH = HERE.parent / "benchmarks" / "soundness.py"


def _load_suite():
    spec = importlib.util.spec_from_file_location("soundness_suite", SUITE_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


S = _load_suite()

ENGINES = ("wu", "ddar")
PAIR_TEXT = "a b = segment a b; c = on_circle c a b, on_circle c b a ? aconst a b a c {}"


def status_of(proof) -> str:
    return str(getattr(proof.status, "value", proof.status))


def prove(engine: str, problem, diagram, gate: bool = True, timeout: float = 10.0):
    fn = S.engine_function(engine)
    kwargs = {"timeout": timeout}
    if S.accepts(fn, "numeric_gate"):
        kwargs["numeric_gate"] = gate
    return fn(problem, diagram, **kwargs)


def _bad(rows: list[dict]) -> list[str]:
    return [
        f"{r['case']} seed {r['seed']} {r['engine']} gate {r['gate']}: {r['status']} "
        f"(goal {r['goal']}; NDGs {r.get('ndg')}; configuration {r.get('configuration')})"
        for r in rows
        if r["verdict"] in ("false_proved", "failure")
    ]


@pytest.fixture(scope="module")
def slice_problems():
    return S.load_problems(["imo_ag_30"], 5) + S.load_problems(["jgex_ag_231"], 5)


# ---- the issue's reproduction and the 60°/120° pair -----------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", [0, 29, 7])
@pytest.mark.parametrize("gate", [False, True], ids=["no-gate", "gate"])
def test_issue_reproduction_not_proved(engine, seed, gate):
    problem = S.issue_problem()
    assert problem.to_text().endswith("? cyclic b a p q")
    diagram = draw(problem, seed)
    proof = prove(engine, problem, diagram, gate)
    assert status_of(proof) != "proved", f"{engine} proved {problem.goal} at seed {seed}: {proof.ndg}"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", [0, 29, 3])
def test_equilateral_pair_needs_a_configuration(engine, seed):
    """aconst a b a c 60 and 120 each hold in one of the two intersections: a proof of either must
    say which one (and the two proofs cannot say the same thing)."""
    conditions = {}
    for angle in (60, 120):
        problem = parse_problem(PAIR_TEXT.format(angle), f"equilateral_{angle}")
        diagram = draw(problem, seed)
        assert diagram.goal_holds(), "draw() picks a configuration where the goal holds"
        proof = prove(engine, problem, diagram)
        if status_of(proof) == "proved":
            conf = S.configuration_of(proof)
            assert conf, f"{engine} proved aconst {angle} at seed {seed} with no configuration condition: {proof.ndg}"
            conditions[angle] = conf
    if len(conditions) == 2:
        assert conditions[60] != conditions[120], conditions


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", [0, 29])
@pytest.mark.parametrize("angle", [60, 120])
def test_equilateral_pair_false_configuration_not_proved(engine, seed, angle):
    """Drawn in the configuration where the goal fails, with no numeric gate: never PROVED."""
    problem = parse_problem(PAIR_TEXT.format(angle), f"equilateral_{angle}")
    case = S.Case("config", "x", problem, "not_proved", (False,), "fails")
    diagram = S.draw_case(case, seed)
    assert diagram is not None and not diagram.goal_holds()
    proof = prove(engine, problem, diagram, gate=False)
    assert status_of(proof) != "proved", f"{engine} proved {problem.goal} where it is false: {proof.ndg}"


def test_equilateral_pair_through_the_portfolio():
    """The whole pipeline at seed 29: proved only with a configuration condition."""
    from geoprover.portfolio import run_portfolio

    for angle in (60, 120):
        problem = parse_problem(PAIR_TEXT.format(angle), f"equilateral_{angle}")
        proof = run_portfolio(problem, engines=list(ENGINES), timeout=20, seed=29)
        if status_of(proof) == "proved":
            assert S.configuration_of(proof), f"portfolio proved aconst {angle} with no configuration condition"


# ---- generated cases ------------------------------------------------------------------------------


def test_generator_is_deterministic(slice_problems):
    one = [c.summary() for c in S.generate(problems=slice_problems[:3] + slice_problems[5:8], mutants=2, probes=2)]
    two = [c.summary() for c in S.generate(problems=slice_problems[:3] + slice_problems[5:8], mutants=2, probes=2)]
    assert one == two
    assert {c["kind"] for c in one} == {"mutant", "probe", "config"}
    names = [c["name"] for c in one]
    assert len(names) == len(set(names)), "case names are unique"


def test_generator_ignores_the_hash_seed():
    """String-seeded RNGs, never hash(): the same cases under two PYTHONHASHSEEDs."""
    outs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, str(SUITE_PATH), "--limit", "2", "--mutants", "2", "--probes", "2", "--list"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outs.append(done.stdout)
    assert outs[0] == outs[1] and outs[0].count("\n") > 10


def test_issue_reproduction_is_a_probe():
    probes = S.degenerate_probes([], per_problem=0)
    assert [c.name for c in probes] == [f"probe:{S.ISSUE_NAME}"]
    assert probes[0].problem.to_text() == S.issue_problem().to_text()
    assert probes[0].gates == (False, True)


def test_mutants_are_false_in_every_configuration(slice_problems):
    """The filter agrees with draw(): no configuration of the mutant's figure has its goal."""
    cases = S.goal_mutants(slice_problems, per_problem=2)
    assert len(cases) >= 10
    for case in cases:
        assert S.valid_goal(case.problem.goal)
        assert case.problem.goal != next(p.goal for p in slice_problems if case.origin.startswith(p.name + ":"))
        for seed in (0, 1, 2):
            diagram = draw(case.problem, seed, configurations=16)
            assert not diagram.goal_holds(), (case.name, seed)
            assert S.residual(case.problem.goal, diagram.coords, diagram.scale) > S.FALSE_TOL


def test_mutants_not_proved(slice_problems):
    """First 5 problems of each set, 2 mutants each, 2 seeds, Wu and DDAR with no numeric gate."""
    cases = S.goal_mutants(slice_problems, per_problem=2)
    tasks = S.make_tasks(cases, [0, 1], list(ENGINES))
    assert tasks and all(not t.gate for t in tasks)
    rows = S.run_tasks(tasks, timeout=2.0, hard_limit=12.0, progress=False)
    assert len(rows) == len(tasks)
    assert not _bad(rows), "\n".join(_bad(rows))
    assert sum(r["status"] == "not proved" for r in rows) >= len(rows) // 2


def test_degenerate_probes_not_proved(slice_problems):
    """Degenerate goals with no numeric gate: the engines themselves must refuse them."""
    cases = S.degenerate_probes(slice_problems, per_problem=2)
    kinds = {c.name.rsplit(":", 1)[-1] for c in cases}
    assert len(kinds) >= 6, kinds
    tasks = S.make_tasks(cases, [0], list(ENGINES), gate_mode="off")
    rows = S.run_tasks(tasks, timeout=3.0, hard_limit=15.0, progress=False)
    assert len(rows) == len(tasks)
    assert not _bad(rows), "\n".join(_bad(rows))


def test_probe_shapes(slice_problems):
    """Probes are degenerate by construction: flat triangles, collinear 'concyclic' points, zero
    segments, repeated points."""
    cases = S.degenerate_probes(slice_problems[:3], per_problem=len(S.PROBE_KINDS))
    for case in cases[1:]:
        goal, kind = case.problem.goal, case.name.rsplit(":", 1)[-1]
        c = S._configurations(case.problem, 0, 1)[0].coords  # the figure the probe was made from
        if kind.startswith("cyclic_3coll") or kind.startswith("cyclic_4coll"):
            assert any(S._flat(c[a], c[b], c[d]) for a, b, d in itertools.combinations(goal.args, 3))
        elif kind.endswith("_flat") or kind.endswith("_self"):
            assert S._flat(*(c[p] for p in goal.args[:3]))
        elif kind.endswith("_zero"):
            assert goal.args[0] == goal.args[1]
        elif kind == "cyclic_repeat":
            assert goal.args[0] == goal.args[-1]


SQUARES = (
    "a b c = triangle a b c; e d = square a c e d; f g = square c b f g; h = midpoint h a e; "
    "i = midpoint i b g; j = midpoint j a b ? cong h j i j"
)


def test_counterexample_search_reads_the_printed_conditions():
    """cong h j i j holds when both squares are drawn on the same side: other figures refute the bare
    statement, and a condition that excludes them (here Wu's dropped branch factors) removes them."""
    problem = parse_problem(SQUARES, "two_squares")
    case = S.Case("config", "two_squares", problem, "configuration")
    bare = S.condition_counterexample(case, [], [])
    assert bare is not None and not bare["unevaluated"] and bare["goal_residual"] > S.FALSE_TOL
    assert S.ndg_violated("h ≠ j", {"h": np.zeros(2), "j": np.zeros(2)}, 1.0, ["h", "j"]) is True
    assert S.ndg_violated("something unreadable", {}, 1.0, []) is None


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "text",
    [
        SQUARES,
        "a b = segment a b; c = on_bline c a b; d = on_line d a c; e = on_circle e c d, on_line e b c ? cong a d b e",
    ],
    ids=["squares", "lc_branch"],
)
def test_printed_theorem_has_no_counterexample(engine, text):
    """A configuration-dependent goal proved at seed 0: no other figure of the construction may have
    the goal false while the proof's configuration conditions and every NDG it prints hold."""
    problem = parse_problem(text, "branchy")
    diagram = draw(problem, 0)
    proof = prove(engine, problem, diagram)
    if status_of(proof) != "proved":
        return
    case = S.Case("config", f"branchy:{text}", problem, "configuration")
    conditions = S._conditions_of(getattr(proof, "configurations", None))
    frame = proof.certificate.get("frame") if engine == "wu" else None
    counter = S.condition_counterexample(case, conditions, [str(c) for c in proof.ndg], frame, diagram.coords)
    assert counter is None or counter["unevaluated"], f"{engine}'s printed theorem is false in {counter}: {proof.ndg}"


# ---- the runner ---------------------------------------------------------------------------------


def test_runner_judges_and_kills(monkeypatch, tmp_path):
    """A PROVED probe is a false PROVED; a hanging engine is killed at the hard limit."""
    from geoprover import engines as registry

    monkeypatch.syspath_prepend(str(HERE))
    for name in ("fast", "slow"):
        monkeypatch.setitem(registry.ENGINES, name, f"fake_engines:{name}")
    monkeypatch.setenv("FAKE_ENGINE_MARK", str(tmp_path / "mark"))
    probe = S.degenerate_probes([], per_problem=0)[0]
    rows = S.run_tasks(S.make_tasks([probe], [0], ["fast", "slow"]), timeout=1.0, hard_limit=3.0, progress=False)
    by_engine = {r["engine"]: r for r in rows}
    assert by_engine["fast"]["verdict"] == "false_proved"
    assert by_engine["slow"]["status"] == "killed" and by_engine["slow"]["verdict"] == "ok"
    pid = int((tmp_path / "mark").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_judge_config_rules():
    assert S.judge("config", "configuration", "proved", [], None) == "failure"
    assert S.judge("config", "configuration", "proved", ["a, b, c are clockwise"], None) == "ok"
    assert S.judge("config", "not_proved", "proved", ["x"], False) == "false_proved"
    assert S.judge("mutant", "not_proved", "not proved", [], False) == "ok"
    assert S.judge("probe", "not_proved", "undrawable", [], None) == "undrawable"


def test_cli_writes_the_report(tmp_path):
    out = tmp_path / "soundness.md"
    code = S.main(
        ["--limit", "1", "--kinds", "probe", "--probes", "1", "--seeds", "1", "--timeout", "3", "--out", str(out)]
    )
    text = out.read_text()
    assert "## Counts per kind × engine × gate" in text and "False PROVED" in text
    assert "command: `" in text and "commit:" in text and "Python" in text
    assert out.with_suffix(".json").exists() and out.with_suffix(".jsonl").exists()
    assert code == (0 if "**false PROVED: 0**" in text else 1)


# ---- slower slices -------------------------------------------------------------------------------


@pytest.mark.slow
def test_config_cases_slice():
    """Hand-made two-configuration figures and the first bundled figures' pairs, 3 seeds."""
    problems = S.load_problems(limit=5)
    cases = S.config_pairs(problems, per_problem=1, branch=1)
    rows = S.run_tasks(S.make_tasks(cases, [0, 1, 29], list(ENGINES)), timeout=5.0, progress=False)
    assert not _bad(rows), "\n".join(_bad(rows))


@pytest.mark.slow
def test_larger_mutant_and_probe_slice():
    problems = S.load_problems(limit=15)
    cases = S.goal_mutants(problems, per_problem=3) + S.degenerate_probes(problems, per_problem=3)
    rows = S.run_tasks(S.make_tasks(cases, [0, 1, 2], list(ENGINES)), timeout=10.0, progress=False)
    assert not _bad(rows), "\n".join(_bad(rows))
