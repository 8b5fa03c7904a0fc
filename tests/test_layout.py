"""The pipeline's layers: text → Problem → Diagram → engines → Proof → report, imports one way.

Every import in the package (at module level or inside a function) may only reach a layer below
its own, or its own package; the engines never import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "geoprover"

# lower number = lower layer; a module may import its own unit or lower layers only
LAYERS = {
    "errors": 0,
    "model": 0,
    "timing": 0,
    "procs": 0,  # children that die with their parent (bench's solve, the portfolio's engines)
    "catalogue": 1,
    "language": 2,
    "numeric": 3,
    "proof": 4,
    "wu": 5,
    "ddar": 5,
    "auxiliary": 6,  # DDAR plus auxiliary points (and Wu's method for its lemmas): built on the others
    "engines": 7,
    "portfolio": 8,
    "bench": 8,
    "report": 8.5,  # renders what the engines proved: above them all, below the API and the CLI
    "api": 9,
    "bench_dask": 9,  # the Dask executor: runs bench's tasks
    "bench_sweep": 9,  # the grid of time limits and seeds, and its summary
    "aux_batch": 9,
    "bench_cli": 10,
    "cli": 11,
    "__init__": 12,
    "__main__": 12,
}


def unit_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def imported_units(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    pkg = path.relative_to(PACKAGE).parts[:-1]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("geoprover."):
                    out.add(node.module.split(".")[1])
                continue
            base = list(pkg[: len(pkg) - (node.level - 1)]) if node.level > 1 else list(pkg)
            target = base + (node.module.split(".") if node.module else [])
            if target:
                out.add(target[0])
            else:  # "from . import x" at the package root
                out.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("geoprover."))
    return out


def test_every_module_has_a_layer():
    units = {unit_of(p) for p in PACKAGE.rglob("*.py")}
    assert units <= set(LAYERS), units - set(LAYERS)


def test_imports_only_go_down_the_pipeline():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        me = unit_of(path)
        for other in imported_units(path):
            if other in LAYERS and other != me and LAYERS[other] >= LAYERS[me]:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {other}")
    assert wrong == []
