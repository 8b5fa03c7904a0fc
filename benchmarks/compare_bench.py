"""Two `geoprover bench` result files of one set side by side: what each proves, and the problems
one proves and the other does not (with the engine that proved them).

    python benchmarks/compare_bench.py BEFORE.json AFTER.json --out benchmarks/results/NAME.md
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path


def _rows(path: Path) -> tuple[dict, dict[str, dict]]:
    data = json.loads(path.read_text())
    return data, {r["problem"]: r for r in data["rows"]}


def _synthetic(row: dict) -> bool:
    return row["result"] == "proved" and row.get("synthetic_seconds") is not None


def compare(before: Path, after: Path) -> list[str]:
    """The Markdown lines of the comparison."""
    (bd, b), (ad, a) = _rows(before), _rows(after)
    common = sorted(set(a) & set(b))

    def no_lemma(rows: dict[str, dict]) -> int:
        return sum(_synthetic(r) and "lemma" not in r["synthetic_engine"] for r in rows.values())

    engines = Counter(r["engine"] for r in a.values() if r["result"] == "proved")
    lines = [
        f"# {before.name} against {after.name}",
        "",
        f"- before: commit {bd['git_commit']}, {bd['date']}, settings {json.dumps(bd['settings'])}",
        f"- after: commit {ad['git_commit']}, {ad['date']}, settings {json.dumps(ad['settings'])}",
        f"- machine (after): {ad['machine']['cpu']}, {ad['machine']['cores']} cores",
        "",
        "| | before | after |",
        "|---|---|---|",
        f"| problems | {len(b)} | {len(a)} |",
        f"| proved | {sum(r['result'] == 'proved' for r in b.values())} | "
        f"{sum(r['result'] == 'proved' for r in a.values())} |",
        f"| with a synthetic proof | {sum(map(_synthetic, b.values()))} | {sum(map(_synthetic, a.values()))} |",
        f"| of which citing no algebraic lemma | {no_lemma(b)} | {no_lemma(a)} |",
        "",
        "Proofs by engine (after): " + ", ".join(f"{k} {v}" for k, v in sorted(engines.items())),
        "",
    ]
    gained = [p for p in common if a[p]["result"] == "proved" and b[p]["result"] != "proved"]
    lost = [p for p in common if a[p]["result"] != "proved" and b[p]["result"] == "proved"]
    for title, names in (("Proved after, not before", gained), ("Proved before, not after", lost)):
        lines += [f"## {title}: {len(names)}", ""]
        if names:
            lines += ["| problem | before | after | engine | seconds | auxiliary points |", "|---|---|---|---|---|---|"]
            for p in names:
                r = a[p] if a[p]["result"] == "proved" else b[p]
                aux = "; ".join(r.get("aux") or [])
                lines.append(
                    f"| {p} | {b[p]['result']} | {a[p]['result']} | {r['engine']} | {r['seconds']:.2f} | {aux} |"
                )
            lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    text = "\n".join(compare(args.before, args.after)) + "\n"
    if args.out:
        args.out.write_text(text)
    print(text, end="")


if __name__ == "__main__":
    main()
