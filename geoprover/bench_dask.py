"""``bench --executor dask``: every problem's ``solve`` is one task on a Dask cluster, an existing one
(``--scheduler tcp://HOST:8786``) or a ``LocalCluster`` of ``--jobs`` single-thread worker processes.

The task runs ``bench.run_task`` in the worker, so the time limit, ``RLIMIT_AS`` and the ``solve``
subprocess are the same as on one machine, and a runaway problem kills its subprocess, never the
worker. Tasks go to the scheduler only while a worker thread is free, so a task never waits on a
worker behind another one; a worker's death therefore fails (``KilledWorker``, the scheduler rerunning
nothing itself: ``allowed-failures`` 0) only the task it was running, which this client sends once
more, and records as an error after a second death. Dask is an optional extra, imported only here
and only when asked for.
"""

from __future__ import annotations

import signal
import sys
import threading
import uuid
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any

from .bench import Row, Task, run_task
from .errors import GeoproverError

EXTRA = "geoprover[dask]"
MAX_DEATHS = 2  # workers that may die running one problem: the first death gets it a second try
SCHEDULER_RERUNS = 0  # distributed.scheduler.allowed-failures: the reruns are this client's
CONNECT_TIMEOUT = "10s"
PUMP_EVERY = 5.0  # seconds between looks for new worker threads


def _distributed() -> Any:
    """The ``distributed`` module, or the one-line usage error that names the extra to install."""
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError:
        raise GeoproverError(f"--executor dask needs Dask: pip install '{EXTRA}'") from None
    return distributed


@dataclass
class _Job:
    """A task on its way through the cluster: its bench future, and the workers that died running it."""

    task: Task
    out: Future
    deaths: int = 0
    attempt: int = 0
    last_worker: str = ""


class DaskExecutor:
    """Tasks on a Dask cluster; ``submit`` hands back a plain ``concurrent.futures.Future`` of the Row,
    settled as the Dask result arrives, so ``bench.run_bench`` treats both executors alike."""

    def __init__(self, jobs: int, scheduler: str | None = None) -> None:
        distributed = _distributed()
        import dask

        self.cluster = None
        if scheduler:
            try:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as err:
                raise GeoproverError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
        else:
            quiet = {  # the reruns are ours; a worker's profiler samples a thread that only waits for its solve
                "distributed.scheduler.allowed-failures": SCHEDULER_RERUNS,
                "distributed.worker.profile.enabled": False,
            }
            with dask.config.set(quiet):
                self.cluster = distributed.LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
                )
            self.client = distributed.Client(self.cluster)
        self.run_id = uuid.uuid4().hex[:8]
        self.texts: dict[str, dict[str, str]] = {}
        self.lock = threading.Lock()
        self.queue: deque[_Job] = deque()
        self.running: dict[str, Any] = {}  # key -> Dask future, sent and not yet done
        self.threads = 1  # worker threads at the last look
        self.closed = False
        self.stopping = threading.Event()
        try:
            if self.cluster is not None:  # Ctrl-C in a terminal reaches every process: our workers leave it to us
                self.client.register_plugin(_ignore_interrupts(distributed), name="geoprover-ignore-sigint")
            reruns = self.client.run_on_scheduler(_allowed_failures)
        except BaseException:
            self.shutdown()
            raise
        if reruns != SCHEDULER_RERUNS:
            print(
                f"geoprover: note: this scheduler itself reruns a task whose worker died ({reruns} time(s)); "
                f"start it with DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES={SCHEDULER_RERUNS} to leave it to bench",
                file=sys.stderr,
            )
        threading.Thread(target=self._keep_pumping, name="geoprover-dask-pump", daemon=True).start()

    def workers(self) -> int:
        """How many workers the cluster has now."""
        return len(self.client.nthreads())

    def submit(self, task: Task) -> Future:
        """Queue the task here; it goes to the scheduler when a worker thread is free (see ``_pump``)."""
        out: Future = Future()
        out.set_running_or_notify_cancel()
        with self.lock:
            self.queue.append(_Job(replace(task, text=self._text(task)), out))  # workers need not see our files
        if len(self.running) < self.threads:  # else the next result sends it: no scheduler call per task
            self._pump()
        return out

    def _pump(self) -> None:
        """Send queued tasks while fewer are out than the cluster has threads. Dask would otherwise
        place every task on a worker at once, and a worker's death would fail the tasks merely
        waiting there too, as if they had been running on it."""
        try:
            self.threads = max(1, sum(self.client.nthreads().values()))
        except Exception:  # closing, or the scheduler briefly away: the next pump will do
            return
        with self.lock:
            while self.queue and not self.closed and len(self.running) < self.threads:
                job = self.queue.popleft()
                job.attempt += 1
                t = job.task
                key = f"solve-{t.name}-t{t.timeout:g}-s{t.seed}-{self.run_id}-a{job.attempt}"
                fut = self.client.submit(run_on_worker, t, key=key, pure=False)
                self.running[key] = fut
                fut.add_done_callback(lambda f, job=job: self._done(f, job))

    def _done(self, fut: Any, job: _Job) -> None:
        """A Dask future finished: settle the bench's future, or send the task again after a first death."""
        with self.lock:
            self.running.pop(fut.key, None)
            closed = self.closed
        if fut.status == "error" and not closed:
            err = fut.exception()
            if type(err).__name__ == "KilledWorker":
                job.deaths += err.allowed_failures + 1
                job.last_worker = err.last_worker.address
                if job.deaths < MAX_DEATHS:
                    with self.lock:
                        self.queue.appendleft(job)  # first in line for the next free thread
                    self._pump()
                    return
        _settle(fut, job)
        self._pump()

    def _keep_pumping(self) -> None:
        """Workers that join mid-run get work within ``PUMP_EVERY`` seconds, not at the next result."""
        while not self.stopping.wait(PUMP_EVERY):
            self._pump()

    def shutdown(self) -> None:
        """Cancel what is queued or running (a running task stops its ``solve`` when it sees the
        cancellation) and close the client, and the local cluster if it is ours."""
        with self.lock:
            self.closed = True
            self.queue.clear()
            running = list(self.running.values())
        self.stopping.set()
        try:
            if running:
                self.client.cancel(running, force=True)
        finally:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()

    def _text(self, task: Task) -> str:
        if task.file not in self.texts:
            from .language.parser import read_problem_file

            self.texts[task.file] = dict(read_problem_file(task.file))
        return self.texts[task.file][task.name]


def _ignore_interrupts(distributed: Any) -> Any:
    """A worker plugin for our own LocalCluster: its workers (and the solves they start) ignore SIGINT,
    so that Ctrl-C stops the bench through the client's shutdown, not with a traceback from each one.
    Made here because its base class is Dask's, imported only when Dask is asked for."""

    class IgnoreInterrupts(distributed.WorkerPlugin):
        def setup(self, worker: Any) -> None:
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            except ValueError:  # not the worker process's main thread: Ctrl-C stays as it was
                pass

    return IgnoreInterrupts()


def run_on_worker(task: Task) -> Row:
    """The task as it runs in a worker: ``run_task``, stopping its ``solve`` once the task is cancelled
    or the worker is closing."""
    return run_task(task, stop=_cancelled)


def _cancelled() -> bool:
    """Has the client cancelled this task, or is the worker shutting down? (False outside a worker.)"""
    try:
        from distributed import get_worker

        worker = get_worker()
        if worker.status.name in ("closing", "closed", "failed"):
            return True
        ts = worker.state.tasks.get(worker.get_current_task())
        return ts is None or ts.state in ("cancelled", "released", "forgotten")
    except Exception:  # not in a worker, or Dask's internals moved: let the time limit stop it
        return False


def _allowed_failures(dask_scheduler: Any) -> int:
    return dask_scheduler.allowed_failures


def _settle(fut: Any, job: _Job) -> None:
    """Turn a finished Dask future into the Row of the bench's own future; a failed task becomes an
    error row that says why."""
    if job.out.done():
        return
    task = job.task
    if fut.status == "finished":
        try:
            job.out.set_result(fut.result())
            return
        except Exception as err:  # the result could not be fetched
            why = f"{type(err).__name__}: {err}"
    elif fut.status == "cancelled":
        why = "cancelled"
    elif type(fut.exception()).__name__ == "KilledWorker":
        why = (
            f"the worker died while running it, {job.deaths} times ({job.attempt} tries; the last on {job.last_worker})"
        )
    else:
        err = fut.exception()
        why = f"{type(err).__name__}: {err}".splitlines()[0]
    job.out.set_result(Row(task.name, task.file, "error", task.engine, 0.0, 0.0, message=why))
