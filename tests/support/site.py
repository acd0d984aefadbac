"""Reading the built site: its pages (each parsed once), their folders, text as extracted."""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup

from support.project import LANGS, docs_pages


@functools.cache
def parsed(file: Path) -> BeautifulSoup:
    """A built page, parsed once for all the tests that read it (speed; none changes it)."""
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def first_load(site: Path) -> dict[str, int]:
    """What each page (by its file in the site) loads of the guide's own script and style for the
    screen before any click (its inline style, its scripts and screen style sheets from
    assets/guide/), gzipped as a host serves it. The suite holds the heaviest to its budget; the
    benchmark reports it."""
    weights = {}
    for file in sorted(site.rglob("*.html")):
        html = parsed(file)
        loaded = [s.string.encode("utf-8") for s in html.find_all("style")]
        for element in html.select("script[src], link[rel=stylesheet][href]"):
            url = element.get("src") or element["href"]
            if "assets/guide/" in url and element.get("media") != "print":
                loaded.append((file.parent / url).resolve().read_bytes())
        weights[file.relative_to(site).as_posix()] = sum(len(gzip.compress(data, 9)) for data in loaded)
    return weights


def page(site: Path, path: str) -> BeautifulSoup:
    return parsed(site / path / "index.html")


def pages_of(site: Path, lang: str) -> list[str]:
    """Every page folder of one language, relative to that language's root (the embed pages,
    a widget each for other sites, aside: tests/test_embed.py)."""
    base = site / LANGS[lang]
    found = []
    for index in base.rglob("index.html"):
        rel = index.parent.relative_to(base).as_posix()
        if (lang == "fr" and (rel == "en" or rel.startswith("en/"))) or rel.startswith("embed/"):
            continue
        found.append("" if rel == "." else rel + "/")
    return sorted(found)


def kind_of(path: str) -> str:
    """A page's kind, from its path in its language: its first folder ("techniques/…" are one kind,
    "" the home page)."""
    return path.split("/")[0]


def expected_pages() -> list[str]:
    """The page folders the project's sources make in each language: one per page in docs/."""
    return sorted(re.sub(r"(^|/)index/$", r"\1", name.removesuffix(".md") + "/") for name in docs_pages())


def flat_words(text: str) -> str:
    """Text as extracted from a page or a PDF: ligatures undone, every run of spaces (no-break ones
    too) one space, a word broken at the end of a line after a hyphen or a slash joined again."""
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ").replace("\u202f", " ")
    text = text.replace("\ufffe", "-")  # PDFium's mark for a hyphen where a line breaks
    return re.sub(r"(?<=\w[-/]) (?=\w)", "", " ".join(text.split()))


def plan_quiz_lines(technique, lang: str) -> list[str]:
    """What a plan's sheet prints of its technique's quiz, question by question: the prompt, each
    option lettered A, B, C… in the content's order, a vote option by option where several are
    right, and the answer's line with its letters and why (the right option's feedback, or the
    question's explanation where several are right)."""
    answer = {"fr": ("Réponse\u00a0: {letters} —", "Réponses\u00a0: {letters} —"), "en": ("Answer: {letters} —", "Answers: {letters} —")}[
        lang
    ]
    vote = {"fr": "faites voter option par option", "en": "take a vote on each option"}[lang]
    lines = []
    for question in technique.questions:
        lines.append(question.prompt(lang))
        letters = "ABCDEF"[: len(question.options)]
        lines += [f"{letter}. {option.text(lang)}" for letter, option in zip(letters, question.options)]
        right = [letter for letter, option in zip(letters, question.options) if option.correct]
        said = answer[len(right) > 1].replace("{letters}", ", ".join(right))  # one right option, or several
        if question.kind == "multiple":
            lines += [vote, said, question.explanation(lang)]
        else:
            lines += [said, next(option.feedback(lang) for option in question.options if option.correct)]
    return lines


def assert_plan_quiz(text: str, technique, lang: str) -> None:
    """A plan's sheet (page or PDF text) prints its technique's quiz whole, with time to ask it."""
    text = flat_words(text)
    for line in plan_quiz_lines(technique, lang):
        assert flat_words(line) in text, (technique.id, lang, line)
    room = technique.plan.step("quiz").room
    assert 1.5 * len(room) <= technique.plan.step("quiz").minutes  # 1½ minutes a question asked aloud


# the only absolute addresses the guide's output may hold: the article's link, and XML namespaces
KNOWN_ADDRESSES = {
    "https://ivanmisner.com/",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xhtml",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
}
