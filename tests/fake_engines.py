"""Engines with known behaviour, to test the portfolio's plumbing."""

import os
import time

from geoprover.proof import FALSE, NOT_PROVED, PROVED, TIMEOUT, Proof


def _proof(problem, engine, status, **kw):
    return Proof(problem.name, str(problem.goal), engine, status, **kw)


def fast(problem, diagram=None, timeout=300.0):
    return _proof(problem, "fast", PROVED, steps=["by magic"])


def slow(problem, diagram=None, timeout=300.0):
    with open(os.environ["FAKE_ENGINE_MARK"], "w") as fh:
        fh.write(str(os.getpid()))
    time.sleep(600)
    return _proof(problem, "slow", PROVED)


def later(problem, diagram=None, timeout=300.0):
    time.sleep(1.0)
    return _proof(problem, "later", PROVED, steps=["eventually"], readable=True)


def certificate(problem, diagram=None, timeout=300.0):
    """A verdict with a certificate only, like Wu's."""
    return _proof(problem, "certificate", PROVED, steps=["remainder = 0"], ndg=["a ≠ b"], message="remainder = 0")


def synthetic(problem, diagram=None, timeout=300.0):
    """A readable proof at once, like DDAR's on an easy problem."""
    return _proof(problem, "synthetic", PROVED, steps=["step by step"], ndg=["a ≠ c"], readable=True)


def refutes(problem, diagram=None, timeout=300.0):
    return _proof(problem, "refutes", FALSE, message="the goal is degenerate")


def times_out(problem, diagram=None, timeout=300.0):
    return _proof(problem, "times_out", TIMEOUT, message="timeout")


def gives_up(problem, diagram=None, timeout=300.0):
    return _proof(problem, "gives_up", NOT_PROVED, message="saturated")


def crash(problem, diagram=None, timeout=300.0):
    raise RuntimeError("boom")


def hard_crash(problem, diagram=None, timeout=300.0):
    os._exit(9)


def hog(problem, diagram=None, timeout=300.0):
    blocks = []
    while True:
        blocks.append(bytearray(256 * 2**20))


def noisy(problem, diagram=None, timeout=300.0):
    os.write(1, b"FLINT exception (General error):\n    Unable to allocate memory\n")
    return _proof(problem, "noisy", PROVED, steps=["despite the noise"])
