"""Typed content of the guide: what the YAML files hold once validated.

Every text the reader sees is a `Text` holding every language the site is built in (the
languages come from mkdocs.yml); every list item has a stable `id` (never its position) so stored
progress survives reordering and every language shares it.
"""

from __future__ import annotations

from dataclasses import dataclass

PAUSE_POINTS = ("before", "during", "after")
# A trainer's plan, in the order it runs: last week's commitment taken up (from week 2), the
# question that opens the session, the passage read aloud as Ivan Misner's answer, the pairs (and
# their debrief), the quiz, each member's commitment; a takeaway (untimed) closes it.
PLAN_STEPS = ("last_week", "question", "read", "pairs", "quiz", "commitment")
PLAN_MINUTES = (5, 10)  # a plan's steps add up to 5 to 10 whole minutes
PAIRS_MINUTES = (2, 3)  # the pair activity takes 2 or 3 of them
COMMITMENT_CHOICES = (2, 4)  # the checklist items a plan's commitment suggests, to choose from
QUESTION_MINUTES = 1.5  # a quiz question asked aloud, answered by a show of hands and explained
READING_PACE = 130  # words a minute: the passage read aloud slowly
SCALE = (0, 1, 2, 3, 4)  # the self-assessment's points, Never … Always: the one definition


class Text(dict):
    """One text in every language: `text("fr")` gives the French."""

    def __call__(self, lang: str) -> str:
        return self[lang]


@dataclass(frozen=True)
class Item:
    id: str
    text: Text


@dataclass(frozen=True)
class PausePoint:
    id: str  # one of PAUSE_POINTS
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Option:
    id: str
    text: Text
    correct: bool
    feedback: Text


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "single" | "multiple"
    prompt: Text
    options: tuple[Option, ...]
    explanation: Text
    anchor: str  # id of the passage in the article page
    scenario: bool = False  # a situation to act on ("At a breakfast meeting, …"), not recall of the text


@dataclass(frozen=True)
class Band:
    min: int
    max: int
    feedback: Text


@dataclass(frozen=True)
class Passage:
    """A technique's item in the article, as the article gives it in each language (never retyped)."""

    anchor: str  # its `{ #id }` in the article: the technique's ID
    title: Text  # the bold sentence: "Remerciez les gens."
    text: Text  # what follows it


@dataclass(frozen=True)
class PlanStep:
    kind: str  # one of PLAN_STEPS
    minutes: int
    text: Text | None = None  # what the trainer says or asks (question, pairs, commitment)
    item: str | None = None  # the pair activity's checklist item ID
    room: tuple[str, ...] = ()  # the quiz: the IDs of the questions asked in the room (the others are for afterwards)
    choices: tuple[str, ...] = ()  # the commitment: the checklist item IDs suggested to choose from


@dataclass(frozen=True)
class Plan:
    """A trainer's 5–10 minute education moment on one technique: the guide's own material,
    around the passage of the article read aloud."""

    objective: Text
    steps: tuple[PlanStep, ...]  # one of each kind, in PLAN_STEPS order (no last_week in week 1)
    passage: Passage
    takeaway: Text  # the one line the session ends on
    short: Text  # what to keep, and drop, when the education moment has 5 minutes

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    def step(self, kind: str) -> PlanStep | None:
        return next((step for step in self.steps if step.kind == kind), None)


@dataclass(frozen=True)
class Technique:
    id: str
    number: int
    title: Text
    summary: Text
    practice: Text
    checklist: tuple[PausePoint, ...]
    questions: tuple[Question, ...]
    statements: tuple[Item, ...]
    bands: tuple[Band, ...]
    plan: Plan

    def item(self, item_id: str) -> Item | None:
        """A checklist item by its ID, whatever its pause point."""
        return next((i for point in self.checklist for i in point.items if i.id == item_id), None)


@dataclass(frozen=True)
class Quiz:
    id: str
    title: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Guide:
    techniques: tuple[Technique, ...]  # in the article's order
    quiz: Quiz  # the whole-article quiz

    def technique(self, slug: str) -> Technique | None:
        return next((t for t in self.techniques if t.id == slug), None)

    def previous(self, technique: Technique) -> Technique | None:
        """Last week's technique in the seven-week series (None in week 1)."""
        return next((t for t in self.techniques if t.number == technique.number - 1), None)

    def quizzes(self) -> dict[str, tuple[Question, ...]]:
        """Every quiz by ID: one per technique, plus the article's."""
        found = {t.id: t.questions for t in self.techniques}
        found[self.quiz.id] = self.quiz.questions
        return found
