"""The content engine on small guides written by the factories (support/factories.py): the model it
loads, every validation rule, each with its exact one-line message. The rules the real guide's own
content keeps: test_guide_content.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from guide.content import ContentError, check_translations, load_guide, parse_yaml
from support.factories import ARTICLE, ARTICLE_EN, plan, question, quiz, technique, text, write_site
from support.project import LANGUAGES


def error_for(tmp_path: Path, mutate=None, raw: str | None = None, quiz_mutate=None) -> str:
    data = technique()
    if mutate:
        mutate(data)
    quiz_data = quiz()
    if quiz_mutate:
        quiz_mutate(quiz_data)
    docs = write_site(tmp_path, {"alpha": raw if raw is not None else data}, quiz_data)
    with pytest.raises(ContentError) as caught:
        load_guide(docs, tmp_path, LANGUAGES)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_valid_content_loads_into_the_model(tmp_path):
    docs = write_site(tmp_path, {"alpha": technique(), "beta": technique("beta", 2)})
    guide = load_guide(docs, tmp_path, LANGUAGES)
    assert [t.id for t in guide.techniques] == ["alpha", "beta"]
    alpha = guide.technique("alpha")
    assert alpha.title("fr") == "title (fr)" and alpha.title("en") == "title (en)"
    assert [p.id for p in alpha.checklist] == ["before", "during", "after"]
    assert alpha.questions[1].kind == "multiple"
    assert [q.scenario for q in alpha.questions] == [True, False]  # false unless said
    assert [b.min for b in alpha.bands] == [0, 50]
    assert set(guide.quizzes()) == {"alpha", "beta", "article"}


F = "docs/techniques/alpha.yml"

# (what is wrong, how to break a valid file, the exact message)
CASES = [
    (
        "unknown key",
        lambda d: d.update(colour="blue"),
        f"{F}: colour: unknown key (allowed: id, number, title, summary, practice, checklist, questions, statements, bands, plan)",
    ),
    ("missing key", lambda d: d.pop("summary"), f"{F}: summary: missing"),
    ("missing language", lambda d: d["title"].pop("en"), f"{F}: title.en: language missing"),
    ("unknown language", lambda d: d["title"].update(de="Titel"), f"{F}: title.de: unknown language (expected fr, en)"),
    ("empty text", lambda d: d["checklist"]["during"][0]["text"].update(fr="  "), f"{F}: checklist.during[0].text.fr: empty text"),
    (
        "number instead of text",
        lambda d: d["summary"].update(en=42),
        f'{F}: summary.en: expected text, got 42, a number: put the text in quotes "…"',
    ),
    (
        "text instead of a list",
        lambda d: d.update(statements="be nice"),
        f"{F}: statements: expected a list (lines starting with '-'), got 'be nice'",
    ),
    (
        "text instead of texts",
        lambda d: d.update(practice="hello"),
        f"{F}: practice: expected text in every language (fr, en), got 'hello': give it a line per language (fr: …, en: …)",
    ),
    (
        "duplicate item ID",
        lambda d: d["statements"][1].update(id="s0"),
        f"{F}: statements[1].id: duplicate ID 's0' (also statements[0]): give each its own",
    ),
    (
        "duplicate item ID across pause points",
        lambda d: d["checklist"]["after"][0].update(id="before-item"),
        f"{F}: checklist.after: duplicate ID 'before-item'",
    ),
    (
        "bad ID",
        lambda d: d["statements"][0].update(id="Not OK"),
        f"{F}: statements[0].id: expected an ID in lowercase-kebab-case (a–z, 0–9, single hyphens), got 'Not OK': write it not-ok",
    ),
    (
        "ID differs from file name",
        lambda d: d.update(id="beta"),
        f"{F}: id: 'beta' does not match the file name 'alpha.yml': a technique's ID is its file's name",
    ),
    (
        "too many checklist items",
        lambda d: d["checklist"].update(before=[{"id": f"i{n}", "text": text("x")} for n in range(8)]),
        f"{F}: checklist.before: expected 3 to 7 entries, got 8",
    ),
    ("too few checklist items", lambda d: d["checklist"]["after"].pop(), f"{F}: checklist.after: expected 3 to 7 entries, got 2"),
    (
        "scenario not a boolean",
        lambda d: d["questions"][1].update(scenario="yes"),
        f"{F}: questions[1].scenario: expected true or false, got 'yes' (in quotes): write true or false without quotes",
    ),
    (
        "fewer than half of the questions are situations",
        lambda d: d["questions"][0].update(scenario=False),
        f"{F}: questions: at least half must be situations (scenario: true), got 0 of 2",
    ),
    ("too few statements", lambda d: d.update(statements=d["statements"][:2]), f"{F}: statements: expected 3 to 5 entries, got 2"),
    (
        "single question without a correct option",
        lambda d: d["questions"][0]["options"][0].update(correct=False),
        f"{F}: questions[0].options: a single-choice question needs exactly one correct option, got 0",
    ),
    (
        "single question with two correct options",
        lambda d: d["questions"][0]["options"][1].update(correct=True),
        f"{F}: questions[0].options: a single-choice question needs exactly one correct option, got 2",
    ),
    (
        "multiple question without a correct option",
        lambda d: d["questions"][1]["options"][0].update(correct=False),
        f"{F}: questions[1].options: a multiple-choice question needs at least one correct option, got 0",
    ),
    ("unknown kind", lambda d: d["questions"][0].update(kind="essay"), f"{F}: questions[0].kind: expected single or multiple, got 'essay'"),
    ("missing feedback", lambda d: d["questions"][0]["options"][1].pop("feedback"), f"{F}: questions[0].options[1].feedback: missing"),
    (
        "explanation missing a language",
        lambda d: d["questions"][1]["explanation"].pop("fr"),
        f"{F}: questions[1].explanation.fr: language missing",
    ),
    (
        "unknown anchor",
        lambda d: d["questions"][0].update(anchor="nowhere"),
        f"{F}: questions[0].anchor: no passage 'nowhere' in the article (known: alpha, article, beta, pianiste)",
    ),
    (
        "correct not a boolean",
        lambda d: d["questions"][0]["options"][0].update(correct="yes"),
        f"{F}: questions[0].options[0].correct: expected true or false, got 'yes' (in quotes): write true or false without quotes",
    ),
    ("band gap", lambda d: d["bands"][1].update(min=60), f"{F}: bands: scores 50–59 are in no band"),
    ("band overlap", lambda d: d["bands"][1].update(min=40), f"{F}: bands: bands overlap at 40"),
    ("bands short of 100", lambda d: d["bands"][1].update(max=90), f"{F}: bands: bands must end at 100, the last ends at 90"),
    ("band upside down", lambda d: d["bands"][0].update(min=60), f"{F}: bands[0]: min 60 is above max 49"),
    ("number not whole", lambda d: d.update(number="one"), f"{F}: number: expected a whole number, got 'one'"),
    (
        "not a mapping",
        lambda d: d["checklist"]["before"].__setitem__(0, "just text"),
        f"{F}: checklist.before[0]: expected a mapping (id:, text: …), got 'just text'",
    ),
    # a trainer's plan
    ("plan missing", lambda d: d.pop("plan"), f"{F}: plan: missing"),
    (
        "plan steps take too long",
        lambda d: d["plan"]["quiz"].update(minutes=6),
        f"{F}: plan: the steps take 12 minutes; a plan takes 5 to 10",
    ),
    ("pair activity too long", lambda d: d["plan"]["pairs"].update(minutes=5), f"{F}: plan.pairs.minutes: expected 2 or 3, got 5"),
    ("pair activity too short", lambda d: d["plan"]["pairs"].update(minutes=1), f"{F}: plan.pairs.minutes: expected 2 or 3, got 1"),
    ("a step of no minutes", lambda d: d["plan"]["read"].update(minutes=0), f"{F}: plan.read.minutes: expected 1 or more, got 0"),
    (
        "minutes not whole",
        lambda d: d["plan"]["quiz"].update(minutes=1.5),
        f"{F}: plan.quiz.minutes: expected a whole number, got 1.5",
    ),
    (
        "unknown checklist item",
        lambda d: d["plan"]["pairs"].update(item="x"),
        f"{F}: plan.pairs.item: no checklist item 'x' (known: before-item, before-item-2, before-item-3, during-item, during-item-2, "
        "during-item-3, after-item, after-item-2, after-item-3)",
    ),
    ("pair activity without an item", lambda d: d["plan"]["pairs"].pop("item"), f"{F}: plan.pairs.item: missing"),
    # the commitment: checklist items to choose from, 2 to 4
    (
        "a commitment's item the checklist lacks",
        lambda d: d["plan"]["commitment"].update(items=["before-item", "during-item-4"]),
        f"{F}: plan.commitment.items[1]: no checklist item 'during-item-4' (known: before-item, before-item-2, before-item-3, during-item, "
        "during-item-2, during-item-3, after-item, after-item-2, after-item-3)",
    ),
    (
        "a commitment's item listed twice",
        lambda d: d["plan"]["commitment"].update(items=["after-item", "after-item"]),
        f"{F}: plan.commitment.items[1]: 'after-item' is listed twice (also plan.commitment.items[0])",
    ),
    (
        "one item to choose from",
        lambda d: d["plan"]["commitment"].update(items=["after-item"]),
        f"{F}: plan.commitment.items: list 2 to 4 checklist items for members to choose from, got 1",
    ),
    (
        "a commitment's items as one text",
        lambda d: d["plan"]["commitment"].update(items="before-item, after-item"),
        f"{F}: plan.commitment.items: expected a list of checklist item IDs (lines starting with '-'), got 'before-item, after-item'",
    ),
    ("a commitment without items", lambda d: d["plan"]["commitment"].pop("items"), f"{F}: plan.commitment.items: missing"),
    ("question without text", lambda d: d["plan"]["question"].pop("text"), f"{F}: plan.question.text: missing"),
    (
        "commitment missing a language",
        lambda d: d["plan"]["commitment"]["text"].pop("en"),
        f"{F}: plan.commitment.text.en: language missing",
    ),
    (
        "text on a step that takes none",
        lambda d: d["plan"]["read"].update(text=text("passage")),
        f"{F}: plan.read.text: unknown key (allowed: minutes)",
    ),
    ("a step missing", lambda d: d["plan"].pop("commitment"), f"{F}: plan.commitment: missing"),
    (
        "unknown plan key",
        lambda d: d["plan"].update(warmup={"minutes": 1}),
        f"{F}: plan.warmup: unknown key (allowed: objective, last_week, question, read, pairs, quiz, commitment, takeaway, short)",
    ),
    ("no takeaway", lambda d: d["plan"].pop("takeaway"), f"{F}: plan.takeaway: missing"),
    ("no 5-minute version", lambda d: d["plan"].pop("short"), f"{F}: plan.short: missing"),
    ("takeaway in one language", lambda d: d["plan"]["takeaway"].pop("fr"), f"{F}: plan.takeaway.fr: language missing"),
    # last week's commitment: from week 2 on, never in week 1
    (
        "last week's commitment in week 1",
        lambda d: d["plan"].update(last_week={"minutes": 1}),
        f"{F}: plan.last_week: week 1 has no last week to take up: delete this step",
    ),
    (
        "week 2 without last week's commitment",
        lambda d: d.update(number=2),
        f"{F}: plan.last_week: missing: from week 2 on, a plan starts by taking up last week's commitment: add last_week: {{minutes: 1}}",
    ),
    (
        "last week's commitment with a text",
        lambda d: d.update(number=2, plan=dict(plan(2), last_week={"minutes": 1, "text": text("who did it?")})),
        f"{F}: plan.last_week.text: unknown key (allowed: minutes)",
    ),
    # the quiz: the questions asked in the room, 1½ minutes each
    (
        "a question asked in the room that the quiz lacks",
        lambda d: d["plan"]["quiz"].update(room=["q-one", "q-three"]),
        f"{F}: plan.quiz.room[1]: no question 'q-three' in this technique's quiz (known: q-one, q-two)",
    ),
    (
        "a question asked twice",
        lambda d: d["plan"]["quiz"].update(minutes=3, room=["q-two", "q-two"]),
        f"{F}: plan.quiz.room[1]: 'q-two' is listed twice (also plan.quiz.room[0])",
    ),
    (
        "the room's questions as one text",
        lambda d: d["plan"]["quiz"].update(room="q-one, q-two"),
        f"{F}: plan.quiz.room: expected a list of question IDs (lines starting with '-'), got 'q-one, q-two'",
    ),
    (
        "no question asked in the room",
        lambda d: d["plan"]["quiz"].update(room=[]),
        f"{F}: plan.quiz.room: the list is empty: list the questions asked in the room, or delete room to ask them all",
    ),
    (
        "two questions in 2 minutes",
        lambda d: d["plan"]["quiz"].update(room=["q-one", "q-two"]),
        f"{F}: plan.quiz.minutes: 2 minutes for 2 questions asked in the room (listed in plan.quiz.room); "
        "give it 3 or more (1½ minutes a question), or list fewer in plan.quiz.room",
    ),
    (
        "every question in 2 minutes",
        lambda d: d["plan"]["quiz"].pop("room"),
        f"{F}: plan.quiz.minutes: 2 minutes for 2 questions asked in the room (every question, as plan.quiz.room lists none); "
        "give it 3 or more (1½ minutes a question), or list fewer in plan.quiz.room",
    ),
    (
        "one question in 1 minute",
        lambda d: d["plan"].update(quiz={"minutes": 1, "room": ["q-one"]}, question={"minutes": 2, "text": text("question")}),
        f"{F}: plan.quiz.minutes: 1 minute for 1 question asked in the room (listed in plan.quiz.room); "
        "give it 2 or more (1½ minutes a question), or list fewer in plan.quiz.room",
    ),
]


@pytest.mark.parametrize("mutate, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_has_its_one_line_message(tmp_path, mutate, expected):
    assert error_for(tmp_path, mutate) == expected


RAW_CASES = [
    (
        "YAML syntax error",
        "id: alpha\ntitle: [unclosed\n",
        f"{F}: line 3, column 1: invalid YAML (did not find expected ',' or ']'): a list in [ ] is not closed: close it with ], or put the text in quotes",
    ),
    (
        "tab indentation",
        "id: alpha\ntitle:\n\tfr: x\n",
        f"{F}: line 3: indented with a tab (YAML needs spaces): replace the tab with spaces",
    ),
    ("key given twice", "id: alpha\nid: beta\n", f"{F}: line 2: 'id' is given twice in the same place (first on line 1): keep one"),
    ("empty file", "", f"{F}: (top level): expected a mapping (id:, number:, title: …), got nothing (it is empty)"),
    (
        "a list at the top",
        "- a\n- b\n",
        f"{F}: (top level): expected a mapping (id:, number:, title: …), got a list (lines starting with '-')",
    ),
    ("oversized file", "# " + "x" * 70_000 + "\n", f"{F}: (file): larger than 64 KiB: is it the right file?"),
]


@pytest.mark.parametrize("raw, expected", [c[1:] for c in RAW_CASES], ids=[c[0] for c in RAW_CASES])
def test_broken_files_have_one_line_messages(tmp_path, raw, expected):
    assert error_for(tmp_path, raw=raw) == expected


def test_a_plan_reads_its_passage_from_the_article_in_each_language(tmp_path):
    """The passage is the article's list item anchored with the technique's ID, markup removed."""
    docs = write_site(tmp_path, {"alpha": technique(), "beta": technique("beta", 2)})
    guide = load_guide(docs, tmp_path, LANGUAGES)
    plan_ = guide.technique("alpha").plan
    assert plan_.passage.anchor == "alpha"
    assert plan_.passage.title("fr") == "Alpha, d’abord." and plan_.passage.title("en") == "Alpha, first."
    assert plan_.passage.text("fr") == "Le texte d’alpha, avec un lien."
    assert plan_.passage.text("en") == "Alpha’s text, with a link."
    beta = guide.technique("beta").plan.passage
    assert (beta.text("fr"), beta.text("en")) == ("Le texte de bêta sur deux lignes.", "Beta’s text on two lines.")
    # the running order: the question first, then the passage as its answer; week 2 takes up week 1's commitment
    assert [(s.kind, s.minutes) for s in plan_.steps] == [("question", 1), ("read", 1), ("pairs", 3), ("quiz", 2), ("commitment", 1)]
    assert plan_.minutes == 8 and plan_.step("pairs").item == "during-item-2" and plan_.step("last_week") is None
    assert plan_.step("commitment").text("en") == "commitment (en)" and plan_.step("quiz").text is None
    assert plan_.step("quiz").room == ("q-one",)
    assert plan_.takeaway("fr") == "takeaway (fr)" and plan_.short("en") == "short (en)"
    second = guide.technique("beta")
    assert [s.kind for s in second.plan.steps] == ["last_week", "question", "read", "pairs", "quiz", "commitment"]
    assert (
        second.plan.minutes == 9 and guide.previous(second) is guide.technique("alpha") and guide.previous(guide.technique("alpha")) is None
    )


def test_without_a_room_list_every_question_is_asked(tmp_path):
    data = technique()
    data["plan"]["quiz"] = {"minutes": 3}
    guide = load_guide(write_site(tmp_path, {"alpha": data}), tmp_path, LANGUAGES)
    assert guide.technique("alpha").plan.step("quiz").room == ("q-one", "q-two")


def test_a_passage_too_long_for_its_minutes_has_a_one_line_message(tmp_path):
    """Read aloud at about 130 words a minute: a passage of 131 to 260 words needs 2 minutes."""
    docs = write_site(tmp_path, {"alpha": technique()})
    long = ARTICLE_EN.replace("Alpha’s *text*, with", "Alpha’s *text*, " + "word " * 130 + "with")
    (docs / "article.en.md").write_text(long, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_guide(docs, tmp_path, LANGUAGES)
    assert str(caught.value) == (
        f"{F}: plan.read.minutes: the passage is 137 words in en, about 2 minutes read aloud at 130 words a minute: give it 2 or more"
    )
    data = technique()
    data["plan"].update(read={"minutes": 2}, pairs=dict(data["plan"]["pairs"], minutes=2))
    (docs / "techniques" / "alpha.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load_guide(docs, tmp_path, LANGUAGES).technique("alpha").plan.step("read").minutes == 2


@pytest.mark.parametrize(
    "page, article, expected",
    [
        (
            "article.en.md",
            ARTICLE_EN.replace("{ #alpha }", ""),
            f"{F}: plan.read: no passage to read aloud: docs/article.en.md has no list item anchored {{ #alpha }}",
        ),
        (
            "article.md",
            ARTICLE.replace("{ #alpha }", "{ #alfa }"),
            f"{F}: plan.read: no passage to read aloud: docs/article.md has no list item anchored {{ #alpha }}",
        ),
        ("article.en.md", None, "docs/article.en.md: (file): missing"),
    ],
)
def test_a_plan_whose_passage_is_missing_has_a_one_line_message(tmp_path, page, article, expected):
    docs = write_site(tmp_path, {"alpha": technique()})
    if article is None:
        (docs / page).unlink()
    else:
        (docs / page).write_text(article, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_guide(docs, tmp_path, LANGUAGES)
    assert str(caught.value) == expected


def test_quiz_file_rules(tmp_path):
    message = error_for(tmp_path, quiz_mutate=lambda q: q.update(questions=[question("a1")]))
    assert message == "docs/quiz.yml: questions: expected 2 to 10 entries, got 1"


def test_quiz_id_may_not_reuse_a_technique_id(tmp_path):
    message = error_for(tmp_path, quiz_mutate=lambda q: q.update(id="alpha"))
    assert message == "docs/quiz.yml: id: 'alpha' is already a technique's ID"


def test_duplicate_technique_number(tmp_path):
    docs = write_site(tmp_path, {"alpha": technique(), "beta": technique("beta", 1)})
    with pytest.raises(ContentError) as caught:
        load_guide(docs, tmp_path, LANGUAGES)
    assert str(caught.value) == ("docs/techniques/beta.yml: number: expected 2 (numbers run 1 to 2 without gaps or repeats), got 1")


def test_text_keeps_html_as_text(tmp_path):
    data = technique()
    data["title"]["fr"] = "<script>alert(1)</script>"
    docs = write_site(tmp_path, {"alpha": data})
    assert load_guide(docs, tmp_path, LANGUAGES).technique("alpha").title("fr") == "<script>alert(1)</script>"


def test_no_break_spaces_survive_loading(tmp_path):
    """Only ASCII whitespace is collapsed: French typography (U+00A0, U+202F) reaches the page."""
    data = technique()
    data["title"]["fr"] = "  Où en\n   suis-je\u00a0? «\u00a0Bien\u202f!\u00a0»\t"
    docs = write_site(tmp_path, {"alpha": data})
    assert load_guide(docs, tmp_path, LANGUAGES).technique("alpha").title("fr") == "Où en suis-je\u00a0? «\u00a0Bien\u202f!\u00a0»"


@pytest.mark.parametrize(
    "pages, expected",
    [
        (["index.md", "index.en.md", "article.md"], "docs/article.md: (page): no 'en' translation (article.en.md)"),
        (["index.md", "index.en.md", "extra.en.md"], "docs/extra.en.md: (page): no version in the default language (extra.md)"),
    ],
)
def test_pages_without_translation_are_named(pages, expected):
    check_translations(["index.md", "index.en.md"], ("en",))
    with pytest.raises(ContentError) as caught:
        check_translations(pages, ("en",))
    assert str(caught.value) == expected


def test_parse_yaml_reports_file_and_position():
    with pytest.raises(ContentError) as caught:
        parse_yaml("a: [", "x.yml")
    assert (
        str(caught.value)
        == "x.yml: line 2, column 1: invalid YAML (did not find expected node content): a value is missing or a bracket is not closed"
    )
