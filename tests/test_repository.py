"""The repository itself: every path can be checked out on every platform."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Windows refuses these names for a file or folder, with or without an extension
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def tracked_paths() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return out.stdout.splitlines()


def test_no_path_uses_a_windows_reserved_name():
    bad = [p for p in tracked_paths() for part in p.split("/") if part.split(".")[0].lower() in RESERVED]
    assert bad == []


def test_no_path_differs_from_another_only_in_case():
    seen: dict[str, str] = {}
    clashes = []
    for p in tracked_paths():
        if p.lower() in seen:
            clashes.append((seen[p.lower()], p))
        seen[p.lower()] = p
    assert clashes == []
