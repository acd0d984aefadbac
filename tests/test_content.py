"""The content model: every validation rule, each with its exact one-line message."""
from __future__ import annotations

import marshal
from pathlib import Path

import pytest
import yaml

from conftest import GUIDE
from guide.content import ContentError, check_translations, load_guide, parse_yaml

ARTICLE = "# Titre { #article }\n\nTexte.\n{ #pianiste }\n"


def text(word: str) -> dict:
    return {"fr": f"{word} (fr)", "en": f"{word} (en)"}


def question(qid: str = "q-one", kind: str = "single") -> dict:
    return {
        "id": qid,
        "kind": kind,
        "prompt": text("prompt"),
        "options": [
            {"id": "right", "text": text("right"), "correct": True, "feedback": text("yes")},
            {"id": "wrong", "text": text("wrong"), "correct": False, "feedback": text("no")},
        ],
        "explanation": text("because"),
        "anchor": "pianiste",
    }


def technique(slug: str = "alpha", number: int = 1) -> dict:
    return {
        "id": slug,
        "number": number,
        "title": text("title"),
        "summary": text("summary"),
        "practice": text("practice"),
        "checklist": {point: [{"id": f"{point}-item", "text": text(point)}] for point in ("before", "during", "after")},
        "questions": [question("q-one"), question("q-two", "multiple")],
        "statements": [{"id": f"s{i}", "text": text(f"statement {i}")} for i in range(3)],
        "bands": [
            {"min": 0, "max": 49, "feedback": text("low")},
            {"min": 50, "max": 100, "feedback": text("high")},
        ],
    }


def quiz() -> dict:
    return {"id": "article", "title": text("quiz"), "questions": [question("a1"), question("a2")]}


def write_site(tmp_path: Path, techniques: dict[str, dict | str], quiz_data: dict | str | None = None) -> Path:
    docs = tmp_path / "docs"
    (docs / "techniques").mkdir(parents=True)
    (docs / "article.md").write_text(ARTICLE, encoding="utf-8")
    for slug, data in techniques.items():
        body = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
        (docs / "techniques" / f"{slug}.yml").write_text(body, encoding="utf-8")
    body = quiz_data if isinstance(quiz_data, str) else yaml.safe_dump(quiz_data or quiz(), allow_unicode=True)
    (docs / "quiz.yml").write_text(body, encoding="utf-8")
    return docs


def error_for(tmp_path: Path, mutate=None, raw: str | None = None, quiz_mutate=None) -> str:
    data = technique()
    if mutate:
        mutate(data)
    quiz_data = quiz()
    if quiz_mutate:
        quiz_mutate(quiz_data)
    docs = write_site(tmp_path, {"alpha": raw if raw is not None else data}, quiz_data)
    with pytest.raises(ContentError) as caught:
        load_guide(docs, tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_valid_content_loads_into_the_model(tmp_path):
    docs = write_site(tmp_path, {"alpha": technique(), "beta": technique("beta", 2)})
    guide = load_guide(docs, tmp_path)
    assert [t.id for t in guide.techniques] == ["alpha", "beta"]
    alpha = guide.technique("alpha")
    assert alpha.title("fr") == "title (fr)" and alpha.title("en") == "title (en)"
    assert [p.id for p in alpha.checklist] == ["before", "during", "after"]
    assert alpha.questions[1].kind == "multiple"
    assert [b.min for b in alpha.bands] == [0, 50]
    assert set(guide.quizzes()) == {"alpha", "beta", "article"}


def test_the_real_content_is_valid():
    assert [t.number for t in GUIDE.techniques] == list(range(1, 8))
    for t in GUIDE.techniques:
        assert 2 <= len(t.questions) <= 4 and 3 <= len(t.statements) <= 5
        assert all(1 <= len(p.items) <= 9 for p in t.checklist)


F = "docs/techniques/alpha.yml"

# (what is wrong, how to break a valid file, the exact message)
CASES = [
    ("unknown key", lambda d: d.update(colour="blue"),
     f"{F}: colour: unknown key (allowed: id, number, title, summary, practice, checklist, questions, statements, bands)"),
    ("missing key", lambda d: d.pop("summary"), f"{F}: summary: missing"),
    ("missing language", lambda d: d["title"].pop("en"), f"{F}: title.en: language missing"),
    ("unknown language", lambda d: d["title"].update(de="Titel"), f"{F}: title.de: unknown language (expected fr, en)"),
    ("empty text", lambda d: d["checklist"]["during"][0]["text"].update(fr="  "), f"{F}: checklist.during[0].text.fr: empty text"),
    ("number instead of text", lambda d: d["summary"].update(en=42), f"{F}: summary.en: expected text, got a number"),
    ("text instead of a list", lambda d: d.update(statements="be nice"), f"{F}: statements: expected a list, got text"),
    ("text instead of texts", lambda d: d.update(practice="hello"), f"{F}: practice: expected text in both languages (fr, en), got text"),
    ("duplicate item ID", lambda d: d["statements"][1].update(id="s0"), f"{F}: statements[1].id: duplicate ID 's0'"),
    ("duplicate item ID across pause points", lambda d: d["checklist"]["after"][0].update(id="before-item"),
     f"{F}: checklist.after: duplicate ID 'before-item'"),
    ("bad ID", lambda d: d["statements"][0].update(id="Not OK"), f"{F}: statements[0].id: expected an ID in lowercase-kebab-case, got 'Not OK'"),
    ("ID differs from file name", lambda d: d.update(id="beta"), f"{F}: id: 'beta' does not match the file name 'alpha'"),
    ("too many checklist items", lambda d: d["checklist"].update(before=[{"id": f"i{n}", "text": text("x")} for n in range(10)]),
     f"{F}: checklist.before: expected 1 to 9 entries, got 10"),
    ("too few statements", lambda d: d.update(statements=d["statements"][:2]), f"{F}: statements: expected 3 to 5 entries, got 2"),
    ("single question without a correct option", lambda d: d["questions"][0]["options"][0].update(correct=False),
     f"{F}: questions[0].options: a single-choice question needs exactly one correct option, got 0"),
    ("single question with two correct options", lambda d: d["questions"][0]["options"][1].update(correct=True),
     f"{F}: questions[0].options: a single-choice question needs exactly one correct option, got 2"),
    ("multiple question without a correct option", lambda d: d["questions"][1]["options"][0].update(correct=False),
     f"{F}: questions[1].options: a multiple-choice question needs at least one correct option, got 0"),
    ("unknown kind", lambda d: d["questions"][0].update(kind="essay"), f"{F}: questions[0].kind: expected single or multiple, got 'essay'"),
    ("missing feedback", lambda d: d["questions"][0]["options"][1].pop("feedback"), f"{F}: questions[0].options[1].feedback: missing"),
    ("explanation missing a language", lambda d: d["questions"][1]["explanation"].pop("fr"), f"{F}: questions[1].explanation.fr: language missing"),
    ("unknown anchor", lambda d: d["questions"][0].update(anchor="nowhere"),
     f"{F}: questions[0].anchor: no passage 'nowhere' in the article (known: article, pianiste)"),
    ("correct not a boolean", lambda d: d["questions"][0]["options"][0].update(correct="yes"),
     f"{F}: questions[0].options[0].correct: expected true or false, got text"),
    ("band gap", lambda d: d["bands"][1].update(min=60), f"{F}: bands: scores 50–59 are in no band"),
    ("band overlap", lambda d: d["bands"][1].update(min=40), f"{F}: bands: bands overlap at 40"),
    ("bands short of 100", lambda d: d["bands"][1].update(max=90), f"{F}: bands: bands must end at 100, the last ends at 90"),
    ("band upside down", lambda d: d["bands"][0].update(min=60), f"{F}: bands[0]: min 60 is above max 49"),
    ("number not whole", lambda d: d.update(number="one"), f"{F}: number: expected a whole number, got text"),
    ("not a mapping", lambda d: d["checklist"].update(before=["just text"]), f"{F}: checklist.before[0]: expected a mapping, got text"),
]


@pytest.mark.parametrize("mutate, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_has_its_one_line_message(tmp_path, mutate, expected):
    assert error_for(tmp_path, mutate) == expected


RAW_CASES = [
    ("YAML syntax error", "id: alpha\ntitle: [unclosed\n", f"{F}: line 3, column 1: invalid YAML: did not find expected ',' or ']'"),
    ("tab indentation", "id: alpha\ntitle:\n\tfr: x\n", f"{F}: line 3: indented with a tab (YAML needs spaces)"),
    ("key given twice", "id: alpha\nid: beta\n", f"{F}: line 2: key 'id' appears twice"),
    ("empty file", "", f"{F}: (top level): expected a mapping, got nothing"),
    ("a list at the top", "- a\n- b\n", f"{F}: (top level): expected a mapping, got a list"),
    ("oversized file", "# " + "x" * 70_000 + "\n", f"{F}: (file): larger than 64 KiB"),
]


@pytest.mark.parametrize("raw, expected", [c[1:] for c in RAW_CASES], ids=[c[0] for c in RAW_CASES])
def test_broken_files_have_one_line_messages(tmp_path, raw, expected):
    assert error_for(tmp_path, raw=raw) == expected


def test_quiz_file_rules(tmp_path):
    message = error_for(tmp_path, quiz_mutate=lambda q: q.update(questions=[question("a1")]))
    assert message == "docs/quiz.yml: questions: expected 2 to 10 entries, got 1"


def test_quiz_id_may_not_reuse_a_technique_id(tmp_path):
    message = error_for(tmp_path, quiz_mutate=lambda q: q.update(id="alpha"))
    assert message == "docs/quiz.yml: id: 'alpha' is already a technique's ID"


def test_duplicate_technique_number(tmp_path):
    docs = write_site(tmp_path, {"alpha": technique(), "beta": technique("beta", 1)})
    with pytest.raises(ContentError) as caught:
        load_guide(docs, tmp_path)
    assert str(caught.value) == (
        "docs/techniques/beta.yml: number: expected 2 (numbers run 1 to 2 without gaps or repeats), got 1"
    )


def test_text_keeps_html_as_text(tmp_path):
    data = technique()
    data["title"]["fr"] = "<script>alert(1)</script>"
    docs = write_site(tmp_path, {"alpha": data})
    assert load_guide(docs, tmp_path).technique("alpha").title("fr") == "<script>alert(1)</script>"


@pytest.mark.parametrize("pages, expected", [
    (["index.md", "index.en.md", "article.md"], "docs/article.md: (page): no 'en' translation (article.en.md)"),
    (["index.md", "index.en.md", "extra.en.md"], "docs/extra.en.md: (page): no French version (extra.md)"),
])
def test_pages_without_translation_are_named(pages, expected):
    check_translations(["index.md", "index.en.md"])
    with pytest.raises(ContentError) as caught:
        check_translations(pages)
    assert str(caught.value) == expected


def test_parse_yaml_reports_file_and_position():
    with pytest.raises(ContentError) as caught:
        parse_yaml("a: [", "x.yml")
    assert str(caught.value) == "x.yml: line 2, column 1: invalid YAML: did not find expected node content"


def test_markers_are_checked_outside_code_blocks(tmp_path):
    from guide.render import check_page_markers

    guide = load_guide(write_site(tmp_path, {"alpha": technique()}), tmp_path)
    check_page_markers("<!-- guide:checklist alpha -->\n<!-- guide:quiz article -->\n<!-- guide:assessment -->\n", guide, "p.md")
    check_page_markers("```markdown\n<!-- guide:checklist nothing -->\n```\n", guide, "p.md")  # shown, not used
    for marker, reason in [
        ("guide:checklist beta", "no content with ID 'beta' (known: alpha)"),
        ("guide:quiz beta", "no content with ID 'beta' (known: alpha, article)"),
        ("guide:assessment alpha", "this widget takes no ID, got 'alpha'"),
        ("guide:poll", "unknown widget (known: checklist, quiz, self-check, checklists, assessment, answer-key, my-data)"),
    ]:
        with pytest.raises(ContentError) as caught:
            check_page_markers(f"text\n<!-- {marker} -->\n", guide, "docs/p.md")
        assert str(caught.value) == f"docs/p.md: {marker}: {reason}"


def test_a_parse_is_kept_by_content_and_a_damaged_copy_is_parsed_again(tmp_path, monkeypatch):
    from guide import cache, content

    monkeypatch.setattr(cache, "ROOT", tmp_path)
    source = tmp_path / "x.yml"
    source.write_text("a: [1, 2]\n", encoding="utf-8")
    assert content._parse_file(str(source), "x.yml", 1, 1) == {"a": [1, 2]}
    [kept] = (tmp_path / "networking-guide-yaml").iterdir()
    kept.write_bytes(marshal.dumps({"a": "from the kept copy"}))
    content._parse_file.cache_clear()
    assert content._parse_file(str(source), "x.yml", 2, 2) == {"a": "from the kept copy"}  # read, not parsed
    kept.write_bytes(b"\xff damaged")
    content._parse_file.cache_clear()
    assert content._parse_file(str(source), "x.yml", 3, 3) == {"a": [1, 2]}
    source.write_text("a: {b: 1}\na: 2\n", encoding="utf-8")  # a file with a problem is never kept
    with pytest.raises(ContentError, match="key 'a' appears twice"):
        content._parse_file(str(source), "x.yml", 4, 4)
    assert len(list((tmp_path / "networking-guide-yaml").iterdir())) == 1
