"""The hooks' own structure: layers that point one way, upstream internals that still exist."""

from __future__ import annotations

import ast
import re
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
    assert reachable(graph, "packaging") <= {"routes", "settings", "csp", "model"}  # given what to pack; knows no build, no page
    assert graph["settings"] == set()  # read once, handed down
    assert not reachable(graph, "render") & {"build", "packaging", "offline"}  # rendering needs nothing of the packages
    assert len(graph["build"]) <= 11  # the hub imports fewer of the package's modules than the 12 it did


def string_constants(path: Path) -> set[str]:
    """The string literals a module's code holds (its docstrings and comments aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node, clean=False) is not None
    }
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings}


def test_the_guide_settings_are_read_in_one_place():
    readers = {
        path.relative_to(ROOT).as_posix()
        for path in [ROOT / "hooks" / "events.py", *PACKAGE.glob("*.py")]
        if any(re.fullmatch(r"GUIDE_[A-Z_]+", text) for text in string_constants(path))
    }
    assert readers == {"hooks/guide/settings.py"}


def test_settings_come_from_the_environment_and_go_to_the_offline_copy_as_they_are_read():
    from guide.settings import Settings

    assert Settings.from_environ({}) == Settings(pdfs=True, packages=True, site_url=None, offline=False)
    given = Settings.from_environ({"GUIDE_PDFS": "off", "GUIDE_PACKAGES": "off", "GUIDE_SITE_URL": " https://example.org/ "})
    assert given == Settings(pdfs=False, packages=False, site_url=" https://example.org/ ", offline=False)
    child = Settings(site_url="https://example.org/").for_offline_copy()
    assert child == Settings(pdfs=False, packages=False, site_url="", offline=True)
    assert child.environ() == {"GUIDE_PDFS": "off", "GUIDE_PACKAGES": "off", "GUIDE_SITE_URL": "", "GUIDE_OFFLINE": "true"}
    assert Settings.from_environ(child.environ()) == child  # what the child build reads is what it was given
