"""The README is a front door: short, with the two commands a newcomer runs, and every relative
link in it and in the pages it leads to (EDITING, TESTING, ARCHITECTURE) leads to a file."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]

DOCS = ["README.md", "EDITING.md", "TESTING.md", "ARCHITECTURE.md"]
COMMANDS = [
    "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/mkdocs serve",
    "bash scripts/test.sh",
]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")  # [text](target)


def relative_links(text: str) -> list[str]:
    """The link targets that are files of the project: no scheme, no bare anchor."""
    targets = [match.group(1) for match in LINK.finditer(text)]
    return [t for t in targets if not urlsplit(t).scheme and not t.startswith("#")]


def test_the_readme_is_at_most_150_lines_and_gives_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    lines = text.splitlines()
    for command in COMMANDS:
        assert command in lines, f"not a line of README.md: {command}"


@pytest.mark.parametrize("name", DOCS)
def test_every_relative_link_leads_to_a_file(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    links = relative_links(text)
    missing = [link for link in links if not (ROOT / name).parent.joinpath(unquote(urlsplit(link).path)).exists()]
    assert links, f"{name} links to nothing"
    assert missing == [], f"{name} links to what is not there: {missing}"


def test_testing_md_says_what_each_test_file_checks():
    """TESTING.md's table names every test module (the browser ones as `test_browser_*.py` or by
    name), so that a new one is not left out of the map a newcomer reads."""
    table = [line for line in (ROOT / "TESTING.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `test_")]
    named = set(re.findall(r"`(test_[a-z_*]+\.py)`", "\n".join(table)))
    modules = {path.name for path in (ROOT / "tests").glob("test_*.py")}
    unnamed = {m for m in modules if m not in named and not (m.startswith("test_browser_") and "test_browser_*.py" in named)}
    assert unnamed == set()
