"""The hooks' own structure: layers that point one way, upstream internals that still exist."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "guide"


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports (`from .x import …`, `from . import x`, `import
    guide.x`), wherever the import stands: at the top, under TYPE_CHECKING, inside a function."""
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    graph = {}
    for name in sorted(modules):
        edges = set()
        for node in ast.walk(ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                edges |= {node.module} if node.module else {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("guide"):
                edges |= {node.module.removeprefix("guide").lstrip(".")} if node.module != "guide" else {a.name for a in node.names}
            elif isinstance(node, ast.Import):
                edges |= {a.name.split(".")[1] for a in node.names if a.name.startswith("guide.")}
        graph[name] = {edge.split(".")[0] for edge in edges} & modules
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of `graph` (its modules in order, the first repeated), or []."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[module] = "done"
        path.pop()
        return []

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return []


def test_the_graph_reader_sees_every_kind_of_import():
    graph = import_graph()
    assert "routes" in graph["render"]  # a top-level import
    assert "pdf" in graph["build"]  # an import inside a function (WeasyPrint loads only for PDFs)
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []


def test_the_guide_package_has_no_import_cycle():
    graph = import_graph()
    assert cycle(graph) == [], " → ".join(cycle(graph))


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module `start` imports, directly or through others."""
    found, todo = set(), [start]
    while todo:
        for target in graph[todo.pop()] - found:
            found.add(target)
            todo.append(target)
    return found


def test_routes_and_packaging_stand_below_the_build():
    graph = import_graph()
    assert graph["routes"] == set()  # every convention in one place, depending on nothing
    assert reachable(graph, "packaging") <= {"routes", "csp", "model"}  # given what to pack; knows no build, no page
    assert not reachable(graph, "render") & {"build", "packaging", "offline"}  # rendering needs nothing of the packages
    assert len(graph["build"]) <= 11  # the hub imports fewer of the package's modules than the 12 it did
