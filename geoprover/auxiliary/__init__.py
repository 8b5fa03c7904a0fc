"""Auxiliary points: candidates from the figure, and the search that adds them for DDAR."""
from .search import prove, search

__all__ = ["prove", "search"]
