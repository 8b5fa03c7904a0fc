"""The index page of a benchmark's proof reports: the results table, each solved problem linked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

STYLE = (
    "body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}tr.proved td:nth-child(2){color:#2b8a3e}"
)


def index_page(rows: Sequence[Mapping[str, Any]], links: Mapping[str, str], settings: Mapping[str, Any]) -> str:
    """``rows``: the bench's result rows; ``links``: problem → its report's file name."""
    solved = sum(1 for r in rows if r.get("result") == "proved")
    synthetic = sum(1 for r in rows if r.get("result") == "proved" and r.get("synthetic_seconds") is not None)
    body = []
    for r in rows:
        name = str(r["problem"])
        shown = f'<a href="{escape(links[name])}">{escape(name)}</a>' if name in links else escape(name)
        aux = "; ".join(str(a) for a in r.get("aux") or [])
        found = r.get("synthetic_seconds")
        synth = f"{float(found):.2f} ({r.get('synthetic_engine', '')})" if found is not None else ""
        body.append(
            f'<tr class="{escape(str(r.get("result", "")).replace(" ", "-"))}"><td>{shown}</td>'
            f"<td>{escape(str(r.get('result', '')))}</td><td>{escape(str(r.get('engine', '')))}</td>"
            f"<td>{float(r.get('seconds', 0.0)):.2f}</td><td>{escape(synth)}</td><td>{escape(aux)}</td></tr>"
        )
    config = ", ".join(f"{k}: {v}" for k, v in settings.items())
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>proof reports</title>'
        f"<style>{STYLE}</style></head><body><h1>Proof reports</h1>"
        f"<p>Solved {solved} of {len(rows)}, {synthetic} with a synthetic proof ({escape(config)}).</p>"
        "<table><tr><th>problem</th><th>result</th><th>engine</th><th>seconds</th><th>synthetic proof (s)</th>"
        "<th>auxiliary points</th></tr>" + "".join(body) + "</table></body></html>\n"
    )
