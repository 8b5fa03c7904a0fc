"""Wu's method: polynomial encoding, triangular sets, pseudo-division, NDG conditions."""
from .engine import prove

__all__ = ["prove"]
