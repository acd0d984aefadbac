"""The suite's own rules, read from its source with `ast`: no test module imports another (shared
helpers live in tests/support/), every test asserts in its body, and a test that watches a page
ends by checking it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
MODULES = sorted(TESTS.glob("test_*.py"))
# What asserts besides `assert`: pytest.raises, Playwright's expect, and the helpers named so
ASSERTING = re.compile(r"^(raises|expect|assert_\w+|expect_\w+|check_\w+)$")
WATCHES = {"watch", "visit", "from_disk"}  # fixtures whose page the test checks with assert_clean(watch)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def imported(module: ast.Module) -> list[str]:
    names = []
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def the_functions_in(module: ast.Module) -> list[ast.FunctionDef]:
    return [node for node in ast.walk(module) if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]


def asserts(function: ast.FunctionDef) -> bool:
    return any(isinstance(node, ast.Assert) for node in ast.walk(function)) or any(ASSERTING.match(name) for name in called(function))


def called(function: ast.FunctionDef) -> set[str]:
    """The names of the functions and methods the function calls."""
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                names.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                names.add(node.func.attr)
    return names


def test_the_suite_has_its_modules():
    assert len(MODULES) >= 20 and TESTS / "test_suite_rules.py" in MODULES
    assert (TESTS / "support" / "__init__.py").is_file()


@pytest.mark.parametrize("path", [*MODULES, *sorted((TESTS / "support").glob("*.py"))], ids=lambda p: p.relative_to(TESTS).as_posix())
def test_no_module_imports_a_test_module_or_conftest(path):
    """What tests share is in tests/support/; conftest.py declares fixtures, which pytest hands out."""
    wrong = [name for name in imported(tree(path)) if name.split(".")[0].startswith("test_") or name.split(".")[0] == "conftest"]
    assert wrong == [], f"{path.name} imports {wrong}: move what it needs into tests/support/"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_every_test_asserts_in_its_body(path):
    """An `assert`, `pytest.raises`, or a call to a helper that asserts (named assert_…, expect…,
    check_…): never a test that relies on a fixture's teardown, or on nothing, to fail."""
    assert [test.name for test in the_functions_in(tree(path)) if not asserts(test)] == []


@pytest.mark.parametrize("path", [*MODULES, *sorted((TESTS / "support").glob("*.py"))], ids=lambda p: p.relative_to(TESTS).as_posix())
def test_a_helper_named_to_assert_asserts(path):
    """assert_…, expect_…, check_…: the names the rule above trusts."""
    helpers = [node for node in ast.walk(tree(path)) if isinstance(node, ast.FunctionDef) and ASSERTING.match(node.name)]
    assert [helper.name for helper in helpers if not asserts(helper)] == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_a_test_that_watches_a_page_checks_it(path):
    """The watch records console errors, failed and foreign requests; only assert_clean judges them."""
    unchecked = []
    for test in the_functions_in(tree(path)):
        fixtures = {arg.arg for arg in test.args.args}
        if (fixtures & WATCHES and "assert_clean" not in called(test)) or ("learner" in fixtures and "assert_clean" not in called(test)):
            unchecked.append(test.name)
    assert unchecked == []


def test_every_browser_context_blocks_service_workers():
    """The guide's service worker precaches a whole language on a page's first visit: every browser
    context the suite makes blocks it (`service_workers="block"`), but those of
    test_browser_pocket.py, which test it."""
    unblocked = []
    for path in [*MODULES, *sorted((TESTS / "support").glob("*.py"))]:
        if path.name == "test_browser_pocket.py":
            continue
        for node in ast.walk(tree(path)):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("new_context", "launch_persistent_context")
            ):
                blocks = any(
                    k.arg == "service_workers" and isinstance(k.value, ast.Constant) and k.value.value == "block" for k in node.keywords
                )
                if not blocks:
                    unblocked.append(f"{path.relative_to(TESTS).as_posix()}:{node.lineno}")
    assert unblocked == []
