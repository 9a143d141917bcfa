"""The modules of chitieu import each other without a cycle, and never upward.

Every module of every installed package (``[tool.setuptools]`` in pyproject.toml: chitieu/,
chitieu/tools/, pipeline/, extractors/) is parsed with :mod:`ast`; every import of ``chitieu.…``
counts, including those inside functions (an import deferred to call time is still a dependency).
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lower layers never import higher ones. The command line and the one-call API sit on top.
LAYERS = {"chitieu.models": 0, "chitieu.schema": 0, "chitieu.extractors": 1, "chitieu.pipeline": 2, "chitieu.tools": 3,
          "chitieu.pipeline.cli": 4, "chitieu": 4}


def package_folders() -> dict[str, Path]:
    """``{package: folder}`` as pyproject.toml installs them."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    dirs = setuptools["package-dir"]
    out = {}
    for package in setuptools["packages"]:
        base = max((p for p in dirs if package == p or package.startswith(p + ".")), key=len)
        out[package] = ROOT / dirs[base] / Path(*package[len(base):].split(".")[1:])
    return out


def modules() -> dict[str, Path]:
    """``{module name: file}`` of every installed module."""
    out = {}
    for package, folder in package_folders().items():
        for path in sorted(folder.glob("*.py")):
            out[package if path.stem == "__init__" else f"{package}.{path.stem}"] = path
    return out


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The chitieu modules ``name`` imports, anywhere in the file."""

    def resolve(target: str) -> str:  # a name inside a module → the module
        while target not in known and "." in target:
            target = target.rsplit(".", 1)[0]
        return target

    package = name if path.stem == "__init__" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {resolve(a.name) for a in node.names if a.name.split(".")[0] == "chitieu"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..y import z
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            if base.split(".")[0] != "chitieu":
                continue
            found |= {resolve(f"{base}.{a.name}") for a in node.names}
    return found - {name}


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of ``graph`` as ``[a, b, …, a]``, or ``[]``.

    >>> find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    ['a', 'b', 'c', 'a']
    """
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def layer(module: str) -> int:
    return LAYERS[max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)]


GRAPH = import_graph()


def test_every_package_is_parsed() -> None:
    assert {"chitieu", "chitieu.models", "chitieu.tools.tables", "chitieu.pipeline.batch",
            "chitieu.extractors.years"} <= set(GRAPH)


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("chitieu.tools.check", "chitieu.pipeline.run"),  # inside a function
        ("chitieu.pipeline.cli", "chitieu.tools.cli"),  # ``from chitieu.tools import cli``
        ("chitieu.pipeline.cache", "chitieu.pipeline"),  # a name of the package itself
        ("chitieu.extractors.symbols", "chitieu.extractors.lexicon"),  # ``from chitieu.extractors import lexicon``
    ],
)
def test_imports_are_all_found(module: str, imported: str) -> None:
    assert imported in GRAPH[module]


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle() -> None:
    cycle = find_cycle(GRAPH)
    assert not cycle, "import cycle: " + " → ".join(cycle)


def test_extractors_import_neither_pipeline_nor_tools() -> None:
    bad = [(m, i) for m, imported in GRAPH.items() if m.startswith("chitieu.extractors")
           for i in imported if i.startswith(("chitieu.pipeline", "chitieu.tools"))]
    assert not bad, bad


def test_nothing_imports_upward() -> None:
    upward = [f"{m} → {i}" for m, imported in GRAPH.items() for i in imported if layer(i) > layer(m)]
    assert not upward, upward
