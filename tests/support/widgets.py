"""Driving the widgets as a reader does: the whole-article quiz and the self-assessment."""

from __future__ import annotations

from support.project import GUIDE

# --- the whole-article quiz ----------------------------------------------------------------------

QUIZ = GUIDE.quiz
FORM = f'form[data-guide-quiz="{QUIZ.id}"]'


# Speed: many boxes ticked in one call, each clicked in the page (the same click event a reader's
# gives the widget), not one Playwright action a box (a fifth of a second each); the journeys by
# keyboard and pointer tick theirs one by one.
CLICK_ALL = """selectors => selectors.forEach(s => {
    const input = document.querySelector(s);
    if (!input.checked) input.click();
})"""


def document_of(where):
    """A page or frame, or the frame a FrameLocator points at (a package's guide): what runs a script."""
    return where if hasattr(where, "evaluate") else where.owner.element_handle().content_frame()


def answer(page, choose):
    """Tick, for each question, the options `choose(question)` returns."""
    document_of(page).evaluate(
        CLICK_ALL, [f"#q-{QUIZ.id}-{question.id}-{option.id}" for question in QUIZ.questions for option in choose(question)]
    )


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
    """Ticks the radios, all in one call (CLICK_ALL); the keyboard path is the journey test's."""
    selectors = [
        f"{scope} #{fieldset_id(tid, sid)} input[value='{value}']"
        for tid, values in answers.items()
        for sid, value in zip(statement_ids(tid), values)
    ]
    document_of(page).evaluate(CLICK_ALL, selectors)
