"""Driving the widgets as a reader does: the whole-article quiz and the self-assessment."""

from __future__ import annotations

from support.project import GUIDE

# --- the whole-article quiz ----------------------------------------------------------------------

QUIZ = GUIDE.quiz
FORM = f'form[data-guide-quiz="{QUIZ.id}"]'


def answer(page, choose):
    """Tick, for each question, the options `choose(question)` returns."""
    for question in QUIZ.questions:
        for option in choose(question):
            page.locator(f"#q-{QUIZ.id}-{question.id}-{option.id}").check()


def right(question):
    return [o for o in question.options if o.correct]


def wrong(question):
    return [next(o for o in question.options if not o.correct)]


# --- the self-assessment -------------------------------------------------------------------------

TECHNIQUES = GUIDE.techniques  # in the article's order
BY_ID = {technique.id: technique for technique in TECHNIQUES}

# One answer per statement, chosen so that every technique gets a different score.
# Expected scores: poser 15, suivi 19, aider 50, remercier 63 (62.5 rounds up), attitude 75, digne 90, contact 100.
ANSWERS = {
    "attitude-positive": [3, 3, 3, 3, 3],
    "poser-des-questions": [1, 0, 1, 0, 1],
    "contact-visuel": [4, 4, 4, 4],
    "aider-les-autres": [2, 2, 2, 2, 2],
    "digne-de-confiance": [4, 3, 4, 3, 4],
    "suivi-des-recommandations": [1, 1, 1, 0],
    "remercier": [2, 3, 2, 3],
}


def statement_ids(tid: str) -> list[str]:
    return [statement.id for statement in BY_ID[tid].statements]


def fieldset_id(tid: str, sid: str) -> str:
    return f"st-{tid}-{sid}"


def tick_answers(page, answers: dict[str, list[int]], scope: str = "[data-guide-assessment]") -> None:
    """Ticks the radios with the mouse (fast); the keyboard path is covered by the journey test."""
    for tid, values in answers.items():
        for sid, value in zip(statement_ids(tid), values):
            page.locator(f"{scope} #{fieldset_id(tid, sid)} input[value='{value}']").check()
