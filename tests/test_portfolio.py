"""The portfolio: the first verdict decides, a synthetic proof is looked for after a certificate,
losers are stopped, time limits hold, crashes are contained."""

import os
import time

import pytest

from geoprover import engines as registry
from geoprover.language import parse_problem
from geoprover.portfolio import run_portfolio
from geoprover.proof import ERROR, FALSE, NOT_PROVED, PROVED, TIMEOUT

PROBLEM = "a b c = triangle a b c; h = orthocenter h a b c ? perp a h b c"


@pytest.fixture(autouse=True)
def fake_engines(monkeypatch, tmp_path):
    names = ("fast", "slow", "later", "gives_up", "crash", "hard_crash", "hog")
    for name in (*names, "certificate", "synthetic", "refutes", "times_out"):
        monkeypatch.setitem(registry.ENGINES, name, f"fake_engines:{name}")
    monkeypatch.setenv("FAKE_ENGINE_MARK", str(tmp_path / "slow.pid"))
    return tmp_path / "slow.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead too
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def _stopped(mark) -> bool:
    """Whether the slow engine is not running (killed before it could write its pid counts too)."""
    pid = mark.read_text() if mark.exists() else ""
    return not pid or not _alive(int(pid))


def test_winner_reported_and_loser_stopped(fake_engines):
    p = parse_problem(PROBLEM)
    start = time.monotonic()
    proof = run_portfolio(p, ["slow", "later"], timeout=30)
    assert proof.status == PROVED and proof.engine == "later"
    assert time.monotonic() - start < 10
    pid = int(fake_engines.read_text())
    time.sleep(0.2)
    assert not _alive(pid)


def test_timeout_is_honoured():
    p = parse_problem(PROBLEM)
    start = time.monotonic()
    proof = run_portfolio(p, ["slow"], timeout=1.5)
    took = time.monotonic() - start
    assert proof.status == TIMEOUT
    assert took < 3.5


def test_crash_does_not_lose_the_other_proof():
    p = parse_problem(PROBLEM)
    for crasher in ("crash", "hard_crash"):
        proof = run_portfolio(p, [crasher, "later"], timeout=30, race=False)
        assert proof.status == PROVED and proof.engine == "later"
        assert proof.certificate["engines"][crasher]["status"] == ERROR


def test_memory_cap_contains_a_hog():
    p = parse_problem(PROBLEM)
    proof = run_portfolio(p, ["hog", "later"], timeout=30, memory_gb=1.0, race=False)
    assert proof.status == PROVED and proof.engine == "later"
    assert proof.certificate["engines"]["hog"]["status"] == ERROR


def test_no_race_keeps_every_outcome():
    p = parse_problem(PROBLEM)
    proof = run_portfolio(p, ["fast", "gives_up", "later"], timeout=30, race=False)
    assert proof.engine == "later" and proof.verdict.engine == "fast"  # the readable proof is shown
    assert set(proof.certificate["engines"]) == {"fast", "gives_up", "later"}
    proof = run_portfolio(p, ["fast", "gives_up", "later"], timeout=30, race=False, first=True)
    assert proof.engine == "fast" and proof.cross_check is None
    assert set(proof.certificate["engines"]) == {"fast", "gives_up", "later"}


def test_a_certificate_first_then_the_synthetic_proof_is_shown_with_it_as_cross_check():
    proof = run_portfolio(parse_problem(PROBLEM), ["certificate", "later"], timeout=30)
    assert proof.status == PROVED and proof.engine == "later" and proof.readable
    assert proof.verdict.engine == "certificate" and proof.verdict.status == PROVED
    assert proof.verdict.seconds < proof.seconds
    assert proof.synthetic.engine == "later" and proof.synthetic.status == PROVED
    assert proof.synthetic.seconds == round(proof.seconds, 3)
    check = proof.cross_check
    assert check.engine == "certificate" and check.status == PROVED and check.ndg == ["a ≠ b"]
    assert check.cross_check is None and "engines" not in check.certificate
    assert {k: v["status"] for k, v in proof.certificate["engines"].items()} == {"certificate": PROVED, "later": PROVED}
    assert "also proved by certificate in" in proof.render()


def test_the_core_a_certificate_frees_goes_to_the_searchs_second_worker(monkeypatch):
    monkeypatch.setitem(registry.SECOND_WORKERS, "slow", "later")  # "later" stands in for aux's second worker
    proof = run_portfolio(parse_problem(PROBLEM), ["certificate", "slow"], timeout=30)
    assert proof.status == PROVED and proof.engine == "later" and proof.readable
    assert proof.verdict.engine == "certificate" and proof.cross_check.engine == "certificate"
    assert set(proof.certificate["engines"]) == {"certificate", "later"}


def test_no_second_worker_with_first_or_without_a_race(monkeypatch):
    monkeypatch.setitem(registry.SECOND_WORKERS, "slow", "later")
    proof = run_portfolio(parse_problem(PROBLEM), ["certificate", "slow"], timeout=30, first=True)
    assert proof.engine == "certificate" and set(proof.certificate["engines"]) == {"certificate"}
    monkeypatch.setitem(registry.SECOND_WORKERS, "later", "fast")
    proof = run_portfolio(parse_problem(PROBLEM), ["gives_up", "later"], timeout=30, race=False)
    assert proof.engine == "later" and "fast" not in proof.certificate["engines"]  # engines compared alone


def test_an_engine_that_gives_up_frees_its_core_for_the_searchs_second_worker(monkeypatch):
    monkeypatch.setitem(registry.SECOND_WORKERS, "later", "fast")  # "fast" stands in for aux2
    proof = run_portfolio(parse_problem(PROBLEM), ["gives_up", "later"], timeout=30)
    assert set(proof.certificate["engines"]) == {"gives_up", "later", "fast"}
    assert proof.engine == "later" and proof.readable  # the readable proof is shown


def test_first_stops_at_the_certificate(fake_engines):
    start = time.monotonic()
    proof = run_portfolio(parse_problem(PROBLEM), ["certificate", "slow"], timeout=30, first=True)
    assert proof.engine == "certificate" and proof.cross_check is None and proof.synthetic is None
    assert proof.verdict.engine == "certificate"
    assert time.monotonic() - start < 10
    time.sleep(0.2)
    assert _stopped(fake_engines)


def test_no_synthetic_proof_in_the_time_shows_the_certificate_and_says_so(fake_engines):
    proof = run_portfolio(parse_problem(PROBLEM), ["certificate", "slow"], timeout=2)
    assert proof.status == PROVED and proof.engine == "certificate" and not proof.readable
    assert proof.cross_check is None and proof.verdict.engine == "certificate"
    assert proof.synthetic.status == TIMEOUT and proof.synthetic.engine == "slow"
    assert proof.synthetic.message == "no synthetic proof was found in the time (2 s)"
    assert "no synthetic proof was found in the time (2 s)" in proof.render()
    time.sleep(0.2)
    assert _stopped(fake_engines)  # stopped at the time limit


def test_a_search_that_ends_without_a_proof_says_why():
    for searcher, status, why in (("gives_up", NOT_PROVED, "saturated"), ("crash", ERROR, "boom")):
        proof = run_portfolio(parse_problem(PROBLEM), ["certificate", searcher], timeout=30)
        assert proof.status == PROVED and proof.engine == "certificate"
        assert proof.synthetic.status == status and why in proof.synthetic.message


def test_a_synthetic_proof_first_changes_nothing(fake_engines):
    start = time.monotonic()
    proof = run_portfolio(parse_problem(PROBLEM), ["slow", "synthetic"], timeout=30)
    assert proof.engine == "synthetic" and proof.cross_check is None
    assert proof.verdict.engine == proof.synthetic.engine == "synthetic"
    assert time.monotonic() - start < 10
    time.sleep(0.2)
    assert _stopped(fake_engines)


def test_a_timed_out_certificate_engine_leaves_the_race_to_the_other():
    proof = run_portfolio(parse_problem(PROBLEM), ["times_out", "later"], timeout=30)
    assert proof.engine == "later" and proof.verdict.engine == "later" and proof.cross_check is None


def test_a_refutation_first_is_the_verdict_and_no_search_follows(fake_engines):
    start = time.monotonic()
    proof = run_portfolio(parse_problem(PROBLEM), ["refutes", "slow"], timeout=30)
    assert proof.status == FALSE and proof.synthetic is None and proof.cross_check is None
    assert time.monotonic() - start < 10
    time.sleep(0.2)
    assert _stopped(fake_engines)
    proof = run_portfolio(parse_problem(PROBLEM), ["refutes", "later"], timeout=30, race=False)
    assert proof.status == FALSE  # a proof after the refutation does not overturn it


def test_the_portfolio_record_survives_json():
    import json

    from geoprover.proof import Proof

    proof = run_portfolio(parse_problem(PROBLEM), ["certificate", "later"], timeout=30)
    back = Proof(**json.loads(json.dumps(proof.to_dict())))
    assert back.to_dict() == proof.to_dict()
    assert back.cross_check.engine == "certificate" and back.verdict.status == PROVED


def test_all_fail_reports_not_proved():
    proof = run_portfolio(parse_problem(PROBLEM), ["gives_up", "crash"], timeout=30)
    assert proof.status == NOT_PROVED


def test_false_goal_never_reaches_the_engines():
    p = parse_problem("a b c = triangle a b c; h = orthocenter h a b c ? perp a h a c")
    start = time.monotonic()
    proof = run_portfolio(p, ["slow"], timeout=30)
    assert proof.status == FALSE and time.monotonic() - start < 1.5


def test_ctrl_c_leaves_no_stray_processes(tmp_path):
    import signal
    import subprocess
    import sys

    mark = tmp_path / "slow.pid"
    env = {
        **os.environ,
        "GEOPROVER_ENGINES": "slow=fake_engines:slow",
        "FAKE_ENGINE_MARK": str(mark),
        "PYTHONPATH": os.path.dirname(__file__) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    # a shell that started us in the background may have set SIGINT to "ignore": a terminal would not
    proc = subprocess.Popen(
        [sys.executable, "-m", "geoprover", "solve", "--text", PROBLEM, "--engine", "slow"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    for _ in range(200):
        if mark.exists() and mark.read_text():
            break
        time.sleep(0.05)
    child = int(mark.read_text())
    assert _alive(child)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 130 and "interrupted" in err
    time.sleep(0.2)
    assert not _alive(child)


def test_engine_noise_on_stdout_does_not_spoil_json(tmp_path):
    import json
    import subprocess
    import sys

    env = {
        **os.environ,
        "GEOPROVER_ENGINES": "noisy=fake_engines:noisy",
        "PYTHONPATH": os.path.dirname(__file__) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    out = subprocess.run(
        [sys.executable, "-m", "geoprover", "solve", "--text", PROBLEM, "--engine", "noisy", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(out.stdout)["status"] == PROVED
    assert "FLINT exception" in out.stderr
