"""Typed content of the guide: what the YAML files hold once validated.

Every text the reader sees is a `Text` holding every language the site is built in (the
languages come from mkdocs.yml); every list item has a stable `id` (never its position) so stored
progress survives reordering and every language shares it.
"""
from __future__ import annotations

from dataclasses import dataclass

PAUSE_POINTS = ("before", "during", "after")
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

    def quizzes(self) -> dict[str, tuple[Question, ...]]:
        """Every quiz by ID: one per technique, plus the article's."""
        found = {t.id: t.questions for t in self.techniques}
        found[self.quiz.id] = self.quiz.questions
        return found
