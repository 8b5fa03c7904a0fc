"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright for Python.

The report of IMO 2004 P5 is loaded from a file; the figure must be drawn (a screenshot that is not
blank), clicking step 3 must change what the figure highlights (read back from the DOM), and no
request may leave the page. Skips, with the reason, where Chromium or Playwright is missing
(``apt-get install chromium``; Playwright's own browser download is not used).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
_HERE = Path(sys.executable).parent / "geoprover"
EXE = str(_HERE) if _HERE.exists() else shutil.which("geoprover")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)"),
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed (pip install '.[test]')"),
    pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed"),
]

HIGHLIGHTED = """() => ({
  shapes: Array.from(document.querySelectorAll('#hl > *')).map(e => e.outerHTML),
  points: Array.from(document.querySelectorAll('.pt.hl')).map(e => e.dataset.point).sort(),
  step: document.getElementById('figure').dataset.step,
  current: Array.from(document.querySelectorAll('.step.current')).map(e => e.dataset.step),
})"""


def _blank(png: bytes) -> bool:
    """A screenshot of one colour only (nothing drawn)."""
    from matplotlib import image

    pixels = image.imread(io.BytesIO(png), format="png")
    return float(pixels[..., :3].std()) < 1e-3


@pytest.fixture(scope="module")
def report() -> Path:
    out = Path(tempfile.mkdtemp()) / "imo_2004_p5.html"
    done = subprocess.run(
        [EXE, "solve", "translated_imo_2004_p5", "--engine", "ddar", "--format", "html", "-o", str(out)],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_report_in_chromium(report: Path, tmp_path: Path):
    requests: list[str] = []
    with sync_playwright() as pw:  # type: ignore[misc]
        browser = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1300, "height": 900},
        )
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(report.as_uri())
            page.wait_for_selector("#figure")
            assert errors == []
            # the SVG is drawn: lines, circles and labelled points, and a screenshot that is not blank
            assert page.eval_on_selector_all("#base line", "els => els.length") > 3
            assert page.eval_on_selector_all("#points .pt", "els => els.length") == 6
            shot = page.locator("#figure").screenshot()
            assert not _blank(shot)
            before = page.evaluate(HIGHLIGHTED)
            page.click("#step-3")
            after = page.evaluate(HIGHLIGHTED)
            assert after["step"] == "3" and after["current"] == ["3"]
            assert after["shapes"] and (after["shapes"], after["points"]) != (before["shapes"], before["points"])
            assert not _blank(page.locator("#figure").screenshot())
            # the replay: next moves to step 4, the slider follows
            page.click("#next")
            assert page.evaluate(HIGHLIGHTED)["current"] == ["4"]
            assert page.eval_on_selector("#slider", "e => e.value") == "4"
            # hovering a step previews it
            page.hover("#step-1")
            assert page.evaluate(HIGHLIGHTED)["step"] == "1"
        finally:
            browser.close()
    leaving = [u for u in requests if not u.startswith(("file://", "data:", "about:"))]
    assert leaving == [], leaving
