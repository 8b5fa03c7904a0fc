"""Every public function and method of the package has type hints."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "geoprover"
CHECKED = ["**/*.py"]


def unhinted(path: Path) -> list[str]:
    out = []

    def visit(node: ast.AST, owner: str = "") -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef) and not child.name.startswith("_"):
                visit(child, f"{child.name}.")
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if child.name.startswith("_") and child.name != "__init__":
                    continue
                a = child.args
                params = a.posonlyargs + a.args + a.kwonlyargs
                if owner and params and params[0].arg in ("self", "cls"):
                    params = params[1:]
                params += [p for p in (a.vararg, a.kwarg) if p is not None]
                missing = [p.arg for p in params if p.annotation is None]
                missing += ["return"] if child.returns is None else []
                if missing:
                    out.append(f"{path.relative_to(PACKAGE)}:{child.lineno} {owner}{child.name} {missing}")

    visit(ast.parse(path.read_text()))
    return out


def test_public_functions_have_type_hints():
    paths = sorted({p for pattern in CHECKED for p in PACKAGE.glob(pattern)})
    assert len(paths) > 20
    assert [line for p in paths for line in unhinted(p)] == []
