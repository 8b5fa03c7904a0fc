"""The one deadline type shared by Wu's method, DDAR and the auxiliary-point search.

A `Deadline` is a moment on the monotonic clock. Stages pass it down unchanged, or a sooner one
(`within`) for a sub-task with its own budget, so that no stage runs past the limit the user set.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

now = time.monotonic


class OutOfTime(Exception):
    """Raised inside long loops when the time is up."""


@dataclass(frozen=True)
class Deadline:
    """Work must stop at ``at`` (seconds of the monotonic clock); ``start`` is when it began."""

    at: float
    start: float

    @classmethod
    def after(cls, seconds: float, start: float | None = None) -> "Deadline":
        begun = now() if start is None else start
        return cls(begun + seconds, begun)

    @classmethod
    def never(cls) -> "Deadline":
        return cls(float("inf"), now())

    @property
    def limit(self) -> float:
        """The whole budget in seconds."""
        return self.at - self.start

    def elapsed(self) -> float:
        return now() - self.start

    def left(self) -> float:
        return max(0.0, self.at - now())

    def expired(self, ahead: float = 0.0) -> bool:
        """True when the time is up, or would be after ``ahead`` more seconds."""
        return now() + ahead > self.at

    def check(self, ahead: float = 0.0) -> None:
        """Raise OutOfTime when the time is up (or would be after ``ahead`` more seconds)."""
        if self.expired(ahead):
            raise OutOfTime(f"timeout after {self.limit:g} s")

    def within(self, seconds: float) -> "Deadline":
        """A budget of at most ``seconds`` from now, never past this deadline."""
        t = now()
        return Deadline(min(self.at, t + seconds), t)
