"""The guide's own content, as the build loads it: the editorial rules it keeps beyond what the
engine enforces (time, situations, feedback that explains, no repeats, both languages, whose rules
are whose). The engine's rules, on small factory-made guides: test_engine_content.py."""

from __future__ import annotations

import dataclasses
import re

import pytest
from guide.model import Text
from support.project import GUIDE, LANGUAGES


def test_the_real_content_is_valid():
    assert [t.number for t in GUIDE.techniques] == list(range(1, 8))
    for t in GUIDE.techniques:
        assert 2 <= len(t.questions) <= 4 and 3 <= len(t.statements) <= 5
        assert all(3 <= len(p.items) <= 7 for p in t.checklist)
        assert 2 * sum(q.scenario for q in t.questions) >= len(t.questions)


def test_the_real_plans_keep_their_time_rules():
    """Every plan: 5 to 10 whole minutes, last week's commitment from week 2 on, 1½ minutes for each
    question asked in the room, the passage at 130 words a minute, a takeaway and a 5-minute version."""
    for t in GUIDE.techniques:
        plan_ = t.plan
        assert 5 <= plan_.minutes <= 10, t.id
        assert (plan_.step("last_week") is not None) == (t.number > 1), t.id
        room = plan_.step("quiz").room
        assert room and set(room) <= {q.id for q in t.questions}, t.id
        assert plan_.step("quiz").minutes >= 1.5 * len(room), t.id
        for lang in LANGUAGES:
            words = len(f"{plan_.passage.title(lang)} {plan_.passage.text(lang)}".split())
            assert plan_.step("read").minutes >= words / 130, (t.id, lang)
            assert plan_.takeaway(lang) and plan_.short(lang), t.id


def every_question():
    return [(quiz, question) for quiz, questions in GUIDE.quizzes().items() for question in questions]


def test_the_article_quiz_covers_every_skill_the_pianist_and_the_mediocre_practices():
    asked = {question.anchor for question in GUIDE.quiz.questions}
    assert {t.id for t in GUIDE.techniques} | {"pianiste", "pratiques-mediocres"} <= asked


def test_no_question_is_asked_twice_across_the_guide():
    """Neither the same prompt nor the same set of correct answers, in any two quizzes."""

    def same(text: str) -> str:
        return " ".join(re.sub(r"[^\w ]", " ", text.lower()).split())

    for lang in ("fr", "en"):
        prompts = [same(q.prompt(lang)) for _, q in every_question()]
        assert len(prompts) == len(set(prompts)), lang
        answers = [frozenset(same(o.text(lang)) for o in q.options if o.correct) for _, q in every_question()]
        repeated = {(quiz, q.id) for (quiz, q), a in zip(every_question(), answers) if answers.count(a) > 1}
        assert repeated == set(), lang


def test_at_least_half_of_each_technique_quiz_is_situations():
    for technique in GUIDE.techniques:
        assert 2 * sum(q.scenario for q in technique.questions) >= len(technique.questions), technique.id


# A wrong option people can spot without thinking; each may serve one quiz at most.
GIVEAWAYS = {"business cards": r"\bcards?\b", "selling": r"\bsell|\bsales?\b|pitch|prospect", "luck": r"\bluck"}


@pytest.mark.parametrize("giveaway", GIVEAWAYS)
def test_the_same_giveaway_does_not_recur_from_quiz_to_quiz(giveaway):
    quizzes = {
        quiz for quiz, q in every_question() for o in q.options if not o.correct and re.search(GIVEAWAYS[giveaway], o.text("en"), re.I)
    }
    assert len(quizzes) <= 1, quizzes


def test_every_wrong_option_says_why_it_is_wrong():
    for quiz, question in every_question():
        for option in question.options:
            if not option.correct:
                assert option.feedback("fr").startswith("Non") and option.feedback("en").startswith("No"), (quiz, question.id, option.id)
                assert len(option.feedback("en").split()) >= 8, (quiz, question.id, option.id)  # a reason, not a verdict


# The bands' rules that hang on the score (every score lands in one band, the top band from 90 needs
# mostly "Always") are checked against the guide's own scoring script: tests/js/scores.test.mjs.


def test_every_text_is_translated():
    """Both languages are there (the loader sees to it) and differ: nothing left untranslated."""

    def texts(value):
        if isinstance(value, Text):
            yield value
        elif isinstance(value, (tuple, list)):
            for item in value:
                yield from texts(item)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                yield from texts(getattr(value, f.name))

    same = [t("fr") for t in texts(GUIDE) if t("fr") == t("en")]
    assert same == []


GUIDE_RULES = {  # the guide's own thresholds, which a plan read aloud must not pass off as Ivan Misner's
    "fr": (re.compile(r"24\u00a0heures|48\u00a0heures|deux bonnes nouvelles"), "règle de ce guide"),
    "en": (re.compile(r"24 hours|48 hours|two (recent )?pieces of good news"), "the guide’s own rule"),
}


def plan_texts(plan_, lang: str) -> str:
    texts = [plan_.objective, plan_.takeaway, plan_.short] + [step.text for step in plan_.steps if step.text]
    return " ".join(text(lang) for text in texts)


def test_the_real_plans_say_once_which_rules_are_the_guides():
    for t in GUIDE.techniques:
        for lang in LANGUAGES:
            rules, label = GUIDE_RULES[lang]
            said = plan_texts(t.plan, lang)
            assert said.count(label) == (1 if rules.search(said) else 0), (t.id, lang)


def test_the_real_plans_speak_as_the_article_and_bni_do():
    """The article's second topic is why they love what they do; English says education moment, and
    the review's calques are gone; numbers keep their unit with a no-break space in French."""
    questions = GUIDE.technique("poser-des-questions").plan
    assert "Pourquoi aimez-vous ce que vous faites\u00a0?" in plan_texts(questions, "fr")
    assert "les raisons pour lesquelles il aime ce qu’il fait" in plan_texts(questions, "fr")
    assert "Why do you love what you do?" in plan_texts(questions, "en") and "why they love what they do" in plan_texts(questions, "en")
    assert "on échange les rôles" in questions.step("pairs").text("fr") and "swap roles" in questions.step("pairs").text("en")
    referrals = GUIDE.technique("suivi-des-recommandations").plan.step("pairs").text
    assert "la dernière reçue ou transmise" in referrals("fr") and "the last one received or passed on" in referrals("en")
    for t in GUIDE.techniques:
        english, french = plan_texts(t.plan, "en"), plan_texts(t.plan, "fr")
        for calque in ("sends today", "plays the minute", "keeps this week", "slot", "what they love about"):
            assert calque not in english, (t.id, calque)
        assert not re.search(r"\d (minutes?|heures?|secondes?)\b|n° \d", french), t.id
