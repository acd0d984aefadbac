"""Small guides written for the engine's tests: an article with two anchored list items in each
language, and techniques, questions, plans and a quiz that pass every rule, to break one at a time."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.project import LANGUAGES

__all__ = ["ARTICLE", "ARTICLE_EN", "LANGUAGES", "plan", "question", "quiz", "technique", "text", "write_site"]

# The article in each language, with the list items the plans read aloud (markup to be removed)
ARTICLE = (
    "# Titre { #article }\n\nTexte.\n{ #pianiste }\n\n"
    "1. **Alpha, d’abord.**{ #alpha } Le *texte* d’alpha, avec [un lien](https://example.org/).\n"
    "2. **Bêta.**{ #beta } Le texte de bêta\n   sur deux lignes.\n\nAprès la liste.\n"
)
ARTICLE_EN = (
    "# Title { #article }\n\nText.\n{ #pianiste }\n\n"
    "1. **Alpha, first.**{ #alpha } Alpha’s *text*, with [a link](https://example.org/).\n"
    "2. **Beta.**{ #beta } Beta’s text\non two lines.\n"
)


def text(word: str) -> dict:
    return {"fr": f"{word} (fr)", "en": f"{word} (en)"}


def question(qid: str = "q-one", kind: str = "single", scenario: bool | None = None) -> dict:
    data = {
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
    if scenario is not None:
        data["scenario"] = scenario
    return data


def plan(number: int = 1) -> dict:
    """A plan for week `number`: from week 2 on, it starts with last week's commitment."""
    return {
        "objective": text("objective"),
        **({"last_week": {"minutes": 1}} if number > 1 else {}),
        "question": {"minutes": 1, "text": text("question")},
        "read": {"minutes": 1},
        "pairs": {"minutes": 3, "item": "during-item-2", "text": text("pairs")},
        "quiz": {"minutes": 2, "room": ["q-one"]},  # one question asked in the room, the other left for afterwards
        "commitment": {"minutes": 1, "items": ["before-item", "after-item-2"], "text": text("commitment")},
        "takeaway": text("takeaway"),
        "short": text("short"),
    }


def technique(slug: str = "alpha", number: int = 1) -> dict:
    return {
        "id": slug,
        "number": number,
        "title": text("title"),
        "summary": text("summary"),
        "practice": text("practice"),
        "checklist": {
            point: [{"id": f"{point}-item{n}", "text": text(f"{point}{n}")} for n in ("", "-2", "-3")]
            for point in ("before", "during", "after")
        },
        "questions": [question("q-one", scenario=True), question("q-two", "multiple")],
        "statements": [{"id": f"s{i}", "text": text(f"statement {i}")} for i in range(3)],
        "bands": [
            {"min": 0, "max": 49, "feedback": text("low")},
            {"min": 50, "max": 100, "feedback": text("high")},
        ],
        "plan": plan(number),
    }


def quiz() -> dict:
    return {"id": "article", "title": text("quiz"), "questions": [question("a1"), question("a2")]}


def write_site(tmp_path: Path, techniques: dict[str, dict | str], quiz_data: dict | str | None = None) -> Path:
    docs = tmp_path / "docs"
    (docs / "techniques").mkdir(parents=True)
    (docs / "article.md").write_text(ARTICLE, encoding="utf-8")
    (docs / "article.en.md").write_text(ARTICLE_EN, encoding="utf-8")
    for slug, data in techniques.items():
        body = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
        (docs / "techniques" / f"{slug}.yml").write_text(body, encoding="utf-8")
    body = quiz_data if isinstance(quiz_data, str) else yaml.safe_dump(quiz_data or quiz(), allow_unicode=True)
    (docs / "quiz.yml").write_text(body, encoding="utf-8")
    return docs
