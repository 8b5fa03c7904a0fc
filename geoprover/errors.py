"""Errors a user can cause. Each carries the place it happened so the CLI can print one line."""

from __future__ import annotations


class GeoproverError(Exception):
    """Bad input or usage: reported as one line, exit code 2."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def located(self, where: str) -> "GeoproverError":
        """Prefix an outer place (file, problem) to the place already known."""
        self.where = f"{where}, {self.where}" if self.where else where
        return self


class ParseError(GeoproverError):
    """The text is not in the problem language."""


class ConstructionError(GeoproverError):
    """A construction is unknown, misused, or refers to undefined points."""


class DrawError(GeoproverError):
    """The constructions could not be drawn after the bounded retries."""
