"""Whole builds of a copy of the project with one thing broken: the build stops with one line that
names the file, the key and the reason, with no traceback, and writes no page as if it had worked."""

from __future__ import annotations

import re
import shutil
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


R = "docs/techniques/remercier.yml"

# The catalogue of bad content: (what, file, text to find, what to put instead, the exact message).
# Each case breaks one thing in a copy of the real project and runs a whole `mkdocs build`.
CATALOGUE = [
    ("YAML syntax error", R, "number: 7", "number: [7", f"{R}: line 3, column 6: invalid YAML: did not find expected ',' or ']'"),
    ("tab indentation", R, "title:\n  fr:", "title:\n\tfr:", f"{R}: line 4: indented with a tab (YAML needs spaces)"),
    ("key given twice", R, "number: 7", "number: 7\nnumber: 8", f"{R}: line 3: key 'number' appears twice"),
    ("missing language", R, '  en: "Thank people"\n', "", f"{R}: title.en: language missing"),
    ("empty text", R, '"Thank people"', '"  "', f"{R}: title.en: empty text"),
    (
        "unknown key",
        R,
        "number: 7",
        "number: 7\ncolour: blue",
        f"{R}: colour: unknown key (allowed: id, number, title, summary, practice, checklist, questions, statements, bands, plan)",
    ),
    (
        "misspelt key",
        R,
        "practice:",
        "practise:",
        f"{R}: practise: unknown key (allowed: id, number, title, summary, practice, checklist, questions, statements, bands, plan)",
    ),
    (
        "duplicate technique ID",
        R,
        "id: remercier",
        "id: contact-visuel",
        f"{R}: id: 'contact-visuel' does not match the file name 'remercier'",
    ),
    (
        "duplicate technique number",
        R,
        "number: 7",
        "number: 6",
        "docs/techniques/suivi-des-recommandations.yml: number: expected 7 (numbers run 1 to 7 without gaps or repeats), got 6",
    ),
    (
        "duplicate item ID",
        R,
        "id: prepare-specific-thanks",
        "id: list-helpers",
        f"{R}: checklist.before[1].id: duplicate ID 'list-helpers'",
    ),
    (
        "item ID not kebab-case",
        R,
        "id: thank-hosts",
        "id: Thank_Hosts",
        f"{R}: checklist.during[1].id: expected an ID in lowercase-kebab-case, got 'Thank_Hosts'",
    ),
    (
        "no correct option",
        R,
        "        correct: true\n",
        "        correct: false\n",
        f"{R}: questions[0].options: a single-choice question needs exactly one correct option, got 0",
    ),
    (
        "too many correct options",
        R,
        "        correct: false\n",
        "        correct: true\n",
        f"{R}: questions[0].options: a single-choice question needs exactly one correct option, got 2",
    ),
    ("scenario not true or false", R, "scenario: true", 'scenario: "yes"', f"{R}: questions[0].scenario: expected true or false, got text"),
    (
        "reference to an unknown passage",
        R,
        "anchor: remercier",
        "anchor: merci",
        f"{R}: questions[0].anchor: no passage 'merci' in the article (known: aider-les-autres, article, attitude-positive, "
        "competences, contact-visuel, digne-de-confiance, pianiste, poser-des-questions, pratiques-mediocres, remercier, "
        "source, suivi-des-recommandations)",
    ),
    ("a number where text is expected", R, '"Thank people"', "42", f"{R}: title.en: expected text, got a number"),
    ("a date where text is expected", R, '"Thank people"', "2025-01-31", f"{R}: title.en: expected text, got a date"),
    (
        "text where a list is expected",
        R,
        "statements:\n",
        'statements: "be grateful"\nold_statements:\n',
        f"{R}: old_statements: unknown key (allowed: id, number, title, summary, practice, checklist, questions, statements, bands, plan)",
    ),
    ("oversized file", R, "number: 7", "number: 7\n#" + "x" * 70_000, f"{R}: (file): larger than 64 KiB"),
    (
        "quiz kind unknown",
        "docs/quiz.yml",
        "kind: single",
        "kind: essay",
        "docs/quiz.yml: questions[0].kind: expected single or multiple, got 'essay'",
    ),
    (
        "marker for content that does not exist",
        "docs/techniques/remercier.en.md",
        "<!-- guide:checklist remercier -->",
        "<!-- guide:checklist merci -->",
        "docs/techniques/remercier.en.md: guide:checklist merci: no content with ID 'merci' (known: attitude-positive, "
        "poser-des-questions, contact-visuel, aider-les-autres, digne-de-confiance, suivi-des-recommandations, remercier)",
    ),
    (
        "unknown widget",
        "docs/quiz.md",
        "<!-- guide:quiz article -->",
        "<!-- guide:survey article -->",
        "docs/quiz.md: guide:survey article: unknown widget (known: checklist, quiz, self-check, checklists, assessment, answer-key, my-data, plan, downloads)",
    ),
    (
        "widget given an ID it does not take",
        "docs/assessment.md",
        "<!-- guide:assessment -->",
        "<!-- guide:assessment remercier -->",
        "docs/assessment.md: guide:assessment remercier: this widget takes no ID, got 'remercier'",
    ),
    # trainers' plans
    (
        "a plan longer than 10 minutes",
        R,
        "  quiz:\n    minutes: 2",
        "  quiz:\n    minutes: 7",
        f"{R}: plan: the steps take 13 minutes; a plan takes 5 to 10",
    ),
    (
        "a pair activity of 5 minutes",
        R,
        "    minutes: 3\n    item: say-what-they-did",
        "    minutes: 5\n    item: say-what-they-did",
        f"{R}: plan.pairs.minutes: expected 2 or 3, got 5",
    ),
    (
        "a pair activity on an unknown checklist item",
        R,
        "item: say-what-they-did",
        "item: say-thanks",
        f"{R}: plan.pairs.item: no checklist item 'say-thanks' (known: list-helpers, prepare-specific-thanks, carry-thank-you-cards, "
        "thank-publicly, thank-hosts, thank-for-time, thank-on-the-spot, thank-within-48h, say-what-they-did, log-thanks)",
    ),
    (
        "the passage gone from the English article",
        "docs/article.en.md",
        "**Thank people.**{ #remercier }",
        "**Thank people.**",
        f"{R}: plan.read: no passage to read aloud: docs/article.en.md has no list item anchored {{ #remercier }}",
    ),
    (
        "a plan for a technique that does not exist",
        "docs/trainers/remercier.en.md",
        "<!-- guide:plan remercier -->",
        "<!-- guide:plan merci -->",
        "docs/trainers/remercier.en.md: guide:plan merci: no content with ID 'merci' (known: attitude-positive, "
        "poser-des-questions, contact-visuel, aider-les-autres, digne-de-confiance, suivi-des-recommandations, remercier)",
    ),
]


@pytest.mark.parametrize("file, old, new, expected", [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE])
def test_bad_content_stops_the_build_with_one_line(project, file, old, new, expected):
    edit(project / file, old, new)
    assert failed_build(project) == expected


def test_page_without_translation_stops_the_build(project):
    (project / "docs/extra.md").write_text("# Extra\n", encoding="utf-8")
    assert failed_build(project) == "docs/extra.md: (page): no 'en' translation (extra.en.md)"


def test_missing_content_file_stops_the_build(project):
    (project / "docs/quiz.yml").unlink()
    assert failed_build(project) == "docs/quiz.yml: (file): missing: the whole-article quiz"


def test_html_in_content_shows_as_text(project):
    edit(project / "docs/techniques/remercier.yml", "number: 7", "number: 7\n# injected below")
    path = project / "docs/techniques/remercier.yml"
    text = path.read_text(encoding="utf-8")
    first_item = re.search(r'(checklist:\n  before:\n    - id: [^\n]+\n      text:\n        fr: )"[^"\n]*"', text)
    path.write_text(
        text.replace(first_item.group(0), first_item.group(1) + '"<script>alert(1)</script><img src=x onerror=alert(2)>"'), encoding="utf-8"
    )
    site = project / "site"
    result = build_site(site, project / "mkdocs.yml", GUIDE_PDFS="off")
    assert result.returncode == 0, result.stderr
    html = (site / "techniques/remercier/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_a_script_that_does_not_parse_stops_the_build(project):
    script = project / "overrides/assets/guide/quiz.js"
    edit(script, "const id = form.dataset.guideQuiz;", "const id = ;")
    line = script.read_text(encoding="utf-8").splitlines().index("  const id = ;") + 1
    assert failed_build(project) == f"overrides/assets/guide/quiz.js: unexpected ; in expression on line {line} and column 14"
