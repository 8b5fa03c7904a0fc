"""``bench --executor dask`` on a real LocalCluster with real worker processes: the same verdicts as
the process pool, a worker killed mid-problem, an interrupted client resumed, and the error when Dask
is not installed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geoprover.cli import main

EASY = [  # JGEX-AG-231 problems that take well under a second
    "complete_012_7_Book_00EE_02_E028-3.gex",
    "complete_008_7_Book_LLL_L057-2.gex",
    "complete_011_Other_Auxiliary_aux2_trapezoid.gex",
    "complete_012_7_Book_00EE_05_E051-20.gex",
    "complete_002_6_GDD_FULL_41-60_59.gex",
]
HARD = ["translated_imo_2008_p6", "translated_imo_2011_p6"]  # unsolved at 300 s: a sure timeout at a few

FALSE_ONE = "false_one\na b c = triangle a b c; m = midpoint m b c ? perp a m b c\n"


def verdicts(path: Path) -> dict[str, str]:
    return {r["problem"].split("/")[-1]: r["result"] for r in json.loads(path.read_text())["rows"]}


def bench_process(args: list[str]) -> subprocess.Popen:
    """``geoprover bench`` as its own process, as a user runs it (stderr holds the progress lines)."""
    return subprocess.Popen(
        [sys.executable, "-m", "geoprover", "bench", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(cond, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        got = cond()
        if got:
            return got
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_without_dask_it_is_one_line_naming_the_extra(tmp_path, monkeypatch, capsys):
    f = tmp_path / "tiny.txt"
    f.write_text(FALSE_ONE)
    monkeypatch.setitem(sys.modules, "distributed", None)  # "import distributed" now raises ImportError
    monkeypatch.setitem(sys.modules, "dask", None)
    assert main(["bench", str(f), "--executor", "dask", "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'geoprover[dask]'" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --executor dask"),
        (["--timeouts", "30,x"], "--timeouts takes distinct comma-separated positive numbers"),
        (["--seeds", "1,1"], "--seeds takes distinct comma-separated integers"),
    ],
)
def test_bad_executor_usage_is_one_line(tmp_path, capsys, args, message):
    f = tmp_path / "tiny.txt"
    f.write_text(FALSE_ONE)
    assert main(["bench", str(f), "--out", str(tmp_path / "r"), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


pytest.importorskip("distributed")
import psutil  # noqa: E402  (distributed's own dependency)
from distributed import Client, LocalCluster  # noqa: E402


def test_local_cluster_gives_the_process_pools_verdicts(tmp_path):
    tiny = tmp_path / "tiny.txt"
    tiny.write_text(FALSE_ONE)
    common = ["jgex_ag_231", str(tiny), "--only", ",".join([*EASY, "false_one"]), "--timeout", "20", "--jobs", "2"]
    assert main(["bench", *common, "--out", str(tmp_path / "pool")]) == 0
    assert main(["bench", *common, "--out", str(tmp_path / "dask"), "--executor", "dask"]) == 0
    pool, dask = (tmp_path / d / "jgex_ag_231_tiny.json" for d in ("pool", "dask"))
    assert len(verdicts(dask)) == 6
    assert verdicts(dask) == verdicts(pool)
    assert set(verdicts(dask).values()) == {"proved", "false in the diagram"}
    settings = json.loads(dask.read_text())["settings"]
    assert settings["executor"] == "dask" and settings["workers"] == 2
    assert "| false_one | false in the diagram |" in dask.with_suffix(".md").read_text()


@pytest.fixture
def cluster():
    """A cluster of our own, so that the test can find and kill its worker processes."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # as README says to start one
        c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(c)
    yield c, client
    client.close()
    c.close()


def solving(client: Client, name: str) -> tuple[int, psutil.Process] | None:
    """(worker pid, its solve process) for the worker now solving ``name``, if one is."""
    try:
        pids = client.run(os.getpid, wait=True)
    except Exception:
        return None
    for pid in pids.values():
        try:
            for child in psutil.Process(pid).children():
                if name in " ".join(child.cmdline()):
                    return pid, child
        except psutil.NoSuchProcess:
            continue
    return None


def kill_worker_mid_problem(client: Client, name: str) -> None:
    """Kill -9 the worker process running ``name``'s solve; its solve and engines must go with it."""
    pid, solve = wait_for(lambda: solving(client, name), 40, f"a worker solving {name}")
    tree = [solve, *solve.children(recursive=True)]
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in tree), 10, "orphans")


def test_a_killed_worker_is_retried_once_then_the_problem_is_an_error(cluster, tmp_path):
    c, client = cluster
    out = tmp_path / "r"
    only = ",".join([*EASY[:2], *HARD])
    bench = bench_process(
        ["imo_ag_30", "jgex_ag_231", "--only", only, "--timeout", "4", "--executor", "dask"]
        + ["--scheduler", c.scheduler_address, "--out", str(out)]
    )
    try:
        kill_worker_mid_problem(client, HARD[0])  # first death: rerun elsewhere
        kill_worker_mid_problem(client, HARD[1])  # one death only: the rerun gives its verdict
        kill_worker_mid_problem(client, HARD[0])  # second death: KilledWorker
        stdout, stderr = bench.communicate(timeout=60)
    finally:
        bench.kill()
    assert bench.returncode == 0, stderr
    assert "note:" not in stderr
    rows = {
        r["problem"].split("/")[-1]: r for r in json.loads((out / "imo_ag_30_jgex_ag_231.json").read_text())["rows"]
    }
    assert set(rows) == {*EASY[:2], *HARD}  # every problem accounted for
    assert rows[HARD[0]]["result"] == "error"
    assert "the worker died while running it, 2 times" in rows[HARD[0]]["message"]
    assert rows[HARD[1]]["result"] == "timeout"
    assert all(rows[n]["result"] == "proved" for n in EASY[:2])
    assert "solved 2 / 4" in stdout


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def test_interrupted_client_leaves_nothing_running_and_resume_runs_only_the_missing(tmp_path):
    out = tmp_path / "r"
    args = ["jgex_ag_231", "imo_ag_30", "--only", ",".join([*EASY[:4], *HARD]), "--timeout", "6"]  # easy first
    args += ["--executor", "dask", "--jobs", "2", "--out", str(out)]
    result = out / "jgex_ag_231_imo_ag_30.json"

    def finished() -> int:
        try:
            return len(json.loads(result.read_text())["rows"])
        except (OSError, ValueError):
            return 0

    bench = bench_process(args)
    try:
        wait_for(
            lambda: finished() >= 4 and any("solve" in " ".join(p.cmdline()) for p in descendants(bench.pid)),
            60,
            "the easy problems done and a hard one running",
        )
        tree = descendants(bench.pid)
        assert finished() < 6
        bench.send_signal(signal.SIGINT)  # Ctrl-C, to the client only
        _, stderr = bench.communicate(timeout=30)
    finally:
        bench.kill()
    assert bench.returncode == 130 and "interrupted" in stderr
    wait_for(
        lambda: not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in tree),
        15,
        "the workers and their solves to be gone",
    )
    first = {r["problem"]: r for r in json.loads(result.read_text())["rows"]}
    assert 4 <= len(first) < 6

    again = bench_process([*args, "--resume"])
    stdout, stderr = again.communicate(timeout=60)
    assert again.returncode == 0, stderr
    ran = [line for line in stderr.splitlines() if line.startswith("[")]
    assert len(ran) == 6 - len(first)  # only the missing problems ran
    assert all(f"[{len(first) + i}/6]" in line for i, line in enumerate(ran, 1))
    rows = {r["problem"]: r for r in json.loads(result.read_text())["rows"]}
    assert len(rows) == 6 and all(rows[p] == r for p, r in first.items())
    assert {rows[p]["result"] for p in rows if p.split("/")[-1] in HARD} == {"timeout"}


def test_a_bad_scheduler_address_is_one_line(tmp_path, capsys):
    f = tmp_path / "tiny.txt"
    f.write_text(FALSE_ONE)
    args = ["bench", str(f), "--executor", "dask", "--scheduler", "nonsense", "--out", str(tmp_path / "r")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler at nonsense" in err
