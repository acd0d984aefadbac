"""Whole builds of a copy of the project with one thing broken: the build stops with one line that
names the file, the key and the reason, with no traceback, and writes no page as if it had worked."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site

PARTS = ["docs", "hooks", "overrides", "mkdocs.yml"]


@pytest.fixture
def project(tmp_path) -> Path:
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / part)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def failed_build(project: Path) -> str:
    site = project / "site"
    result = build_site(site, project / "mkdocs.yml")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert not (site / "index.html").exists() and not (site / "en" / "index.html").exists()
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    return re.sub(r"^ERROR\s+-\s+", "", errors[0])


def test_bad_yaml_stops_the_build(project):
    edit(project / "docs/techniques/remercier.yml", "number: 7", "number: [7")
    assert failed_build(project).startswith("docs/techniques/remercier.yml: line ")


def test_missing_language_stops_the_build(project):
    path = project / "docs/techniques/contact-visuel.yml"
    text = path.read_text(encoding="utf-8")
    english = re.search(r"\n  en: .*", text).group(0)  # the title's English line
    path.write_text(text.replace(english, "", 1), encoding="utf-8")
    assert failed_build(project) == "docs/techniques/contact-visuel.yml: title.en: language missing"


def test_marker_for_unknown_content_stops_the_build(project):
    edit(project / "docs/techniques/remercier.en.md", "<!-- guide:checklist remercier -->", "<!-- guide:checklist merci -->")
    assert failed_build(project).startswith(
        "docs/techniques/remercier.en.md: guide:checklist merci: no content with ID 'merci' (known: attitude-positive, "
    )


def test_unknown_widget_stops_the_build(project):
    edit(project / "docs/quiz.md", "<!-- guide:quiz article -->", "<!-- guide:survey article -->")
    assert failed_build(project).startswith("docs/quiz.md: guide:survey article: unknown widget (known: checklist, ")


def test_page_without_translation_stops_the_build(project):
    (project / "docs/extra.md").write_text("# Extra\n", encoding="utf-8")
    assert failed_build(project) == "docs/extra.md: (page): no 'en' translation (extra.en.md)"


def test_html_in_content_shows_as_text(project):
    edit(project / "docs/techniques/remercier.yml", 'number: 7', 'number: 7\n# injected below')
    path = project / "docs/techniques/remercier.yml"
    text = path.read_text(encoding="utf-8")
    first_item = re.search(r'(checklist:\n  before:\n    - id: [^\n]+\n      text:\n        fr: )"[^"\n]*"', text)
    path.write_text(text.replace(first_item.group(0), first_item.group(1) + '"<script>alert(1)</script><img src=x onerror=alert(2)>"'), encoding="utf-8")
    site = project / "site"
    env = dict(os.environ, GUIDE_PDFS="off")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (site / "techniques/remercier/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html
