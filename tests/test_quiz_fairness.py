"""Quizzes that measure what they say, read on the built pages as readers see them: the right
answer sits in no favourite place and is not given away by being the longest or the shortest option.
A room that notices "it is always A" or "it is always the long one" after two questions stops reading them.

The technique pages and the article quiz page show options in the order the projector letters them
A, B, C, D; the trainers' answer key (lettered the same way, with the right letters) and the embeds
must list them in that same order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest
from support.project import GUIDE, LANGS, SLUGS
from support.site import page

LETTERS = "ABCD"
MOST = 0.4  # no position, and not "the longest one", may hold more than 40 % of the right answers
ARTICLE_QUIZ = "quiz"  # the whole-article quiz's page
# an option that gives its reason: after a colon, or in a clause of purpose or preference
REASON = {
    "fr": re.compile(r"\s:\s|\bpour (?:ne|que|qu|l|la|le|les|faire|montrer|éviter)\b|\bplutôt\b|\bpuisque\b|\bcar\b"),
    "en": re.compile(r":\s|\bso (?:as|that|you|she|he|they|it)\b|\brather than\b|\bsince\b|\bbecause\b|\bto (?:avoid|show|make|keep)\b"),
}
ODD_ONE = 0.1  # the right answer is the one option without a reason (or with one) in at most 10 % of questions


@dataclass(frozen=True)
class Shown:
    """One question as a page shows it: its options' texts in order, and which are right."""

    quiz: str
    id: str
    kind: str
    options: tuple[str, ...]
    right: tuple[int, ...]  # positions of the right options, 0 = A


def option_text(item, position: int) -> str:
    """An option's words as its label shows them after its letter (A., B. … in order, as the
    projector, the plans and the answer key letter them)."""
    label = item.select_one("label")
    letter = label.select_one(".guide-letter").get_text()
    assert letter == f"{LETTERS[position]}.", (letter, position)
    text = label.get_text().strip()
    assert text.startswith(f"{letter} "), text
    return text.removeprefix(f"{letter} ")


def shown_quiz(html, quiz_id: str) -> list[Shown]:
    form = html.select_one(f'form[data-guide-quiz="{quiz_id}"]')
    assert form is not None, quiz_id
    questions = []
    for fieldset in form.select("fieldset[data-question]"):
        items = fieldset.select("li[data-option]")
        questions.append(
            Shown(
                quiz=quiz_id,
                id=fieldset["data-question"],
                kind=fieldset["data-kind"],
                options=tuple(option_text(li, i) for i, li in enumerate(items)),
                right=tuple(i for i, li in enumerate(items) if li.has_attr("data-correct")),
            )
        )
    return questions


def quiz_pages(lang: str) -> dict[str, str]:
    """Each quiz and the page that holds it, in one language."""
    prefix = LANGS[lang]
    return {**{slug: f"{prefix}techniques/{slug}" for slug in SLUGS}, GUIDE.quiz.id: f"{prefix}{ARTICLE_QUIZ}"}


def shown_questions(site, lang: str) -> list[Shown]:
    return [q for quiz, path in quiz_pages(lang).items() for q in shown_quiz(page(site, path), quiz)]


def figures(questions: list[Shown]) -> tuple[Counter, int, int]:
    """Over the single-answer questions: right answers per position, how many are the longest
    option (a tie for longest counts), and how many questions there are."""
    singles = [q for q in questions if q.kind == "single"]
    positions = Counter(LETTERS[q.right[0]] for q in singles)
    longest = sum(len(q.options[q.right[0]]) == max(map(len, q.options)) for q in singles)
    return positions, longest, len(singles)


def shortest(questions: list[Shown]) -> tuple[int, int]:
    """Over the single-answer questions: how many have the right answer as the strictly shortest
    option (a tie for shortest does not count), and how many questions there are."""
    singles = [q for q in questions if q.kind == "single"]
    right_shortest = sum(len(q.options[q.right[0]]) < min(len(o) for i, o in enumerate(q.options) if i != q.right[0]) for q in singles)
    return right_shortest, len(singles)


@pytest.mark.parametrize("lang", LANGS)
def test_every_quiz_of_the_guide_is_read_from_its_page(site, lang):
    """What the other tests measure is the whole guide: every question of every quiz, as content has it."""
    questions = shown_questions(site, lang)
    expected = [(quiz, q.id, q.kind, len(q.options)) for quiz, qs in GUIDE.quizzes().items() for q in qs]
    assert sorted((q.quiz, q.id, q.kind, len(q.options)) for q in questions) == sorted(expected)
    assert all(q.right for q in questions)
    by_id = {(quiz, q.id): q for quiz, qs in GUIDE.quizzes().items() for q in qs}
    for q in questions:
        content = by_id[(q.quiz, q.id)]
        assert q.options == tuple(o.text(lang) for o in content.options)  # file order, word for word


@pytest.mark.parametrize("lang", LANGS)
def test_no_position_holds_more_than_40_percent_of_the_right_answers(site, lang):
    positions, longest, singles = figures(shown_questions(site, lang))
    print(f"\n[{lang}] {singles} single-answer questions; right answer at " + ", ".join(f"{p} {positions[p]}" for p in LETTERS))
    print(f"[{lang}] the right answer is the longest option in {longest} of {singles} ({longest / singles:.0%})")
    assert singles >= 20
    assert max(positions.values()) <= MOST * singles, positions


@pytest.mark.parametrize("lang", LANGS)
def test_the_longest_option_is_right_in_at_most_40_percent(site, lang):
    _, longest, singles = figures(shown_questions(site, lang))
    assert longest <= MOST * singles, (longest, singles)


@pytest.mark.parametrize("lang", LANGS)
def test_the_shortest_option_is_right_in_at_most_40_percent(site, lang):
    """The other way round: a room that learns "the short, plain one" has found a pattern as surely
    as one that picks the long one; by chance, the right answer is the shortest of three in a third."""
    right_shortest, singles = shortest(shown_questions(site, lang))
    print(f"\n[{lang}] the right answer is the strictly shortest option in {right_shortest} of {singles} ({right_shortest / singles:.0%})")
    assert singles >= 20
    assert right_shortest <= MOST * singles, (right_shortest, singles)


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_answer_is_not_the_one_that_gives_no_reason(site, lang):
    """Wrong options that each justify themselves (« …, pour ne pas casser l'ambiance », "…: everyone
    complains about it") beside a right one stated plainly teach a room "the one that explains itself
    is wrong" by the second week; the other way round, "the one with a reason is right"."""
    plain_right, reasoned_right = [], []
    singles = [q for q in shown_questions(site, lang) if q.kind == "single"]
    for q in singles:
        reasons = [bool(REASON[lang].search(text)) for text in q.options]
        right = q.right[0]
        others = [r for i, r in enumerate(reasons) if i != right]
        if not reasons[right] and all(others):
            plain_right.append(q.id)
        if reasons[right] and not any(others):
            reasoned_right.append(q.id)
    print(
        f"\n[{lang}] the right answer alone gives no reason in {len(plain_right)} of {len(singles)}, alone gives one in {len(reasoned_right)}"
    )
    assert len(plain_right) <= ODD_ONE * len(singles), plain_right
    assert len(reasoned_right) <= ODD_ONE * len(singles), reasoned_right


@pytest.mark.parametrize("lang", LANGS)
def test_no_quiz_puts_every_right_answer_in_one_place(site, lang):
    """Within one quiz too: two questions with the right answer both at B teach the room a pattern."""
    by_quiz: dict[str, set[int]] = {}
    for q in shown_questions(site, lang):
        if q.kind == "single":
            by_quiz.setdefault(q.quiz, set()).add(q.right[0])
    counts = Counter(q.quiz for q in shown_questions(site, lang) if q.kind == "single")
    assert [quiz for quiz, places in by_quiz.items() if counts[quiz] > 1 and len(places) == 1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_options_of_a_multiple_choice_question_do_not_all_come_first(site, lang):
    multiple = [q for q in shown_questions(site, lang) if q.kind == "multiple"]
    assert multiple
    for q in multiple:
        assert q.right != tuple(range(len(q.right))), (q.quiz, q.id)


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_multiple_choice_questions_have_their_right_options_in_the_same_places(site, lang):
    """A room that met "B and D" once and meets "B and D" again ticks the places, not the answers."""
    places = Counter(q.right for q in shown_questions(site, lang) if q.kind == "multiple")
    assert [LETTERS[i] for right, n in places.items() if n > 1 for i in right] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_key_and_the_embeds_list_the_options_as_the_quiz_does(site, lang):
    """A trainer reading "B" from the key, or a reader on a site that embeds a quiz, meets the same
    letters as the room in front of the projector."""
    questions = shown_questions(site, lang)
    key = page(site, f"{LANGS[lang]}trainers/answer-key")
    for quiz in quiz_pages(lang):
        on_page = [q for q in questions if q.quiz == quiz]
        section = key.find(id=f"key-{quiz}").find_parent("section")
        listed = section.select(":scope > ol > li")
        assert len(listed) == len(on_page), quiz
        for item, q in zip(listed, on_page):
            options = item.select(":scope > ul > li")
            letters = [li.select_one(".guide-letter").get_text() for li in options]
            assert letters == [f"{letter}." for letter in LETTERS[: len(q.options)]], (quiz, q.id)
            # each option's words after its letter (and « ✓ Bonne réponse — » on a right one); the parsed page is shared: read, never changed
            after = [li.get_text().strip().removeprefix(letter).strip() for li, letter in zip(options, letters)]
            texts = tuple(text.split(" — ", 1)[1] if li.has_attr("class") else text for li, text in zip(options, after))
            assert texts == q.options, (quiz, q.id)
            assert tuple(i for i, li in enumerate(options) if "guide-key-correct" in li.get("class", [])) == q.right, (quiz, q.id)
            answer = item.select_one(".guide-key-explanation strong").get_text()
            assert answer.split(":", 1)[1].strip(" —") == ", ".join(LETTERS[i] for i in q.right), (quiz, q.id)  # "Réponse : B —"
            assert bool(item.select_one(".guide-vote-each")) == (q.kind == "multiple"), (quiz, q.id)
        embed = page(site, f"{LANGS[lang]}embed/{quiz}/quiz" if quiz in SLUGS else f"{LANGS[lang]}embed/quiz")
        assert shown_quiz(embed, quiz) == on_page, quiz
