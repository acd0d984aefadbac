"""Load the content files (YAML) into the typed model, checking every rule on the way.
Why a schema written as code (`_Reader`): its messages, which the editors' catalogue holds word for word.

The first problem found raises `ContentError`, whose message is one line:
``<file>: <key path>: <reason>`` (or ``<file>: line <n>: <reason>`` for what is wrong in the file
itself rather than in a value), saying what to do. Files are read through `files.read_text` and
`yamlfile.parse`. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .files import ID_PATTERN, ContentError, Inventory, describe_char, inventory, namer, read_text
from .model import (
    COMMITMENT_CHOICES,
    PAIRS_MINUTES,
    PAUSE_POINTS,
    PLAN_MINUTES,
    PLAN_STEPS,
    QUESTION_MINUTES,
    READING_PACE,
    Band,
    Guide,
    Item,
    Option,
    Passage,
    PausePoint,
    Plan,
    PlanStep,
    Question,
    Quiz,
    Technique,
    Text,
)
from .routes import ARTICLE_PAGE, QUIZ_FILE, TECHNIQUE_DIR, translated_page
from .yamlfile import Document, Scalar, invisible, join, parse, shortened, visible

__all__ = ["ContentError", "load_guide", "parse_yaml", "read_yaml"]

ANCHOR_PATTERN = re.compile(r"\{\s*#([a-z0-9-]+)\s*\}")
ASCII_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): it would turn French no-break spaces into plain ones
# An item of the article's list of skills: `1. **Gardez toujours une attitude positive.**{ #attitude-positive } Cela …`
LIST_ITEM = re.compile(r"^ {0,3}\d+[.)][ \t]+")
SKILL = re.compile(r"^\*\*(?P<title>.+?)\*\*\s*\{\s*#(?P<anchor>[a-z0-9-]+)\s*\}(?P<text>.*)$", re.S)
PLAN_FIELDS = {"last_week": (), "question": ("text",), "read": (), "pairs": ("item", "text"), "quiz": (), "commitment": ("items", "text")}
PLAN_OPTIONAL = {"quiz": ("room",)}  # without `room`, every question of the quiz is asked in the room
LIMITS = {  # (min, max) number of entries
    "checklist": (3, 7),
    "questions": (2, 4),
    "quiz": (2, 10),
    "options": (2, 6),
    "statements": (3, 5),
}
SCORES = (0, 100)  # what score bands cover


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _got(value: Any, scalar: Scalar | None) -> str:
    """A value as an editor wrote it, for "expected …, got …": what YAML made of it, and from what."""
    raw = scalar.raw if scalar else None
    if value is None:
        return "nothing (it is empty)"
    if isinstance(value, bool):
        if raw is not None and not scalar.quoted and raw.lower() not in ("true", "false"):
            return f"{raw}, which YAML reads as {str(value).lower()}"
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"{raw if raw is not None else value}, a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{raw if raw is not None else value}, which YAML reads as a date"
    if isinstance(value, str):
        return f"'{shortened(value)}'" + (" (in quotes)" if scalar and scalar.quoted else "")
    if isinstance(value, list):
        return "a list (lines starting with '-')"
    if isinstance(value, dict):
        return "a mapping (indented 'key: value' lines)"
    return type(value).__name__


def _id_like(text: str) -> str:
    """What an ID written with capitals, accents or underscores was meant to be."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


class _Reader:
    """Walks one parsed file, knowing where it is so each error names the key path, and which
    languages every text must have (the site's, from mkdocs.yml)."""

    def __init__(self, file: str, languages: tuple[str, ...], document: Document | None = None):
        self.file, self.languages = file, languages
        self.document = document or Document(None, {})

    def fail(self, key: str, reason: str):
        raise ContentError(self.file, key or "(top level)", reason)

    def got(self, value: Any, key: str) -> str:
        return _got(value, self.document.scalar(key))

    def mapping(self, value: Any, key: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
        allowed = required + optional
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping ({', '.join(k + ':' for k in allowed[:3])} …), got {self.got(value, key)}")
        for name in value:
            if name not in allowed:
                close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.7)
                advice = f": did you mean '{close[0]}'?" if close else ""
                self.fail(join(key, str(name)), f"unknown key (allowed: {', '.join(allowed)}){advice}")
        for name in required:
            if name not in value:
                self.fail(join(key, name), "missing")
        return value

    def text(self, value: Any, key: str) -> Text:
        languages = ", ".join(self.languages)
        if not isinstance(value, dict):
            advice = ": give it a line per language (fr: …, en: …)" if isinstance(value, str) else ""
            self.fail(key, f"expected text in every language ({languages}), got {self.got(value, key)}{advice}")
        for lang in value:
            if lang not in self.languages:
                self.fail(join(key, str(lang)), f"unknown language (expected {languages})")
        for lang in self.languages:
            where = join(key, lang)
            if lang not in value:
                self.fail(where, "language missing")
            self.check_text(value[lang], where)
        return Text({lang: ASCII_SPACES.sub(" ", value[lang]).strip() for lang in self.languages})

    def check_text(self, value: Any, key: str) -> None:
        scalar = self.document.scalar(key)
        cut = scalar is not None and scalar.cut
        if value is None and cut:
            self.fail(key, "the text begins with '#', which YAML reads as a comment, so it is empty: put the whole text in quotes \"…\"")
        if value is None or (isinstance(value, str) and not value.strip(" \t\n")):
            self.fail(key, "empty text")
        if not isinstance(value, str):
            advice = ': put the text in quotes "…"' if not isinstance(value, (list, dict)) else ""
            self.fail(key, f"expected text, got {self.got(value, key)}{advice}")
        if cut:
            self.fail(
                key,
                f"the text stops at ' #' (line {scalar.line}): YAML reads the rest of the line as a comment; put the whole text in quotes \"…\"",
            )
        hidden = invisible(value)
        if hidden:
            self.fail(
                key, f"the text holds an invisible {describe_char(hidden)}: delete it (it often comes with text copied from a web page)"
            )
        if not value.strip():
            self.fail(key, "the text shows nothing (only no-break or other invisible spaces): write the text")

    def ident(self, value: Any, key: str) -> str:
        expected = "expected an ID in lowercase-kebab-case (a–z, 0–9, single hyphens)"
        if not isinstance(value, str):
            self.fail(key, f"{expected}, got {self.got(value, key)}")
        if ID_PATTERN.fullmatch(value):
            return value
        if ID_PATTERN.fullmatch(value.rstrip("\n")):
            self.fail(key, f"the ID '{value.strip()}' ends with a line break (a | or > block keeps one): write the ID on its key's line")
        hidden = invisible(value) or next((c for c in value if c.isspace() and c not in " \t\n"), None)
        if hidden:
            self.fail(key, f"the ID '{visible(value.strip(' '))}' holds an invisible {describe_char(hidden)}: type the ID again")
        meant = _id_like(value)
        advice = f": write it {meant}" if meant and meant != value else ""
        self.fail(key, f"{expected}, got '{shortened(value)}'{advice}")
        return value

    def integer(self, value: Any, key: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            got = self.got(value, key)
            advice = ": write the number without quotes" if isinstance(value, str) and value.strip().isdigit() else ""
            self.fail(key, f"expected a whole number, got {got.removesuffix(', a number')}{advice}")
        return value

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            advice = ": write true or false without quotes" if isinstance(value, str) else ""
            self.fail(key, f"expected true or false, got {self.got(value, key)}{advice}")
        return value

    def entries(self, value: Any, key: str, limit: str, read: Callable[[Any, str], Any]) -> tuple:
        """A list of entries with unique `id`s, each read by `read(entry, key)`."""
        if not isinstance(value, list):
            self.fail(key, f"expected a list (lines starting with '-'), got {self.got(value, key)}")
        low, high = LIMITS[limit]
        if not low <= len(value) <= high:
            self.fail(key, f"expected {low} to {high} entries, got {len(value)}")
        result, seen = [], {}
        for index, raw in enumerate(value):
            entry = read(raw, f"{key}[{index}]")
            if entry.id in seen:
                self.fail(f"{key}[{index}].id", f"duplicate ID '{entry.id}' (also {key}[{seen[entry.id]}]): give each its own")
            seen[entry.id] = index
            result.append(entry)
        return tuple(result)

    # --- the content's parts -------------------------------------------------------------

    def item(self, raw: Any, key: str) -> Item:
        data = self.mapping(raw, key, ("id", "text"))
        return Item(self.ident(data["id"], f"{key}.id"), self.text(data["text"], f"{key}.text"))

    def option(self, raw: Any, key: str) -> Option:
        data = self.mapping(raw, key, ("id", "text", "correct", "feedback"))
        return Option(
            id=self.ident(data["id"], f"{key}.id"),
            text=self.text(data["text"], f"{key}.text"),
            correct=self.boolean(data["correct"], f"{key}.correct"),
            feedback=self.text(data["feedback"], f"{key}.feedback"),
        )

    def question(self, raw: Any, key: str, article: Article) -> Question:
        data = self.mapping(raw, key, ("id", "kind", "prompt", "options", "explanation", "anchor"), ("scenario",))
        kind = data["kind"]
        if kind not in ("single", "multiple") or not isinstance(kind, str):
            self.fail(f"{key}.kind", f"expected single or multiple, got {self.got(kind, f'{key}.kind')}")
        options = self.entries(data["options"], f"{key}.options", "options", self.option)
        correct = sum(option.correct for option in options)
        if kind == "single" and correct != 1:
            self.fail(f"{key}.options", f"a single-choice question needs exactly one correct option, got {correct}")
        if kind == "multiple" and correct == 0:
            self.fail(f"{key}.options", "a multiple-choice question needs at least one correct option, got 0")
        anchor = article.anchor(self.ident(data["anchor"], f"{key}.anchor"), self, f"{key}.anchor")
        return Question(
            id=self.ident(data["id"], f"{key}.id"),
            kind=kind,
            prompt=self.text(data["prompt"], f"{key}.prompt"),
            options=options,
            explanation=self.text(data["explanation"], f"{key}.explanation"),
            anchor=anchor,
            scenario=self.boolean(data.get("scenario", False), f"{key}.scenario"),
        )

    def bands(self, raw: Any, key: str) -> tuple[Band, ...]:
        if not isinstance(raw, list) or not raw:
            self.fail(key, f"expected a non-empty list (lines starting with '-'), got {self.got(raw, key)}")
        bands = []
        low_score, high_score = SCORES
        for index, entry in enumerate(raw):
            where = f"{key}[{index}]"
            data = self.mapping(entry, where, ("min", "max", "feedback"))
            low, high = self.integer(data["min"], f"{where}.min"), self.integer(data["max"], f"{where}.max")
            for name, score in (("min", low), ("max", high)):
                if not low_score <= score <= high_score:
                    self.fail(f"{where}.{name}", f"expected a score from {low_score} to {high_score}, got {score}")
            if low > high:
                self.fail(where, f"min {low} is above max {high}")
            bands.append(Band(low, high, self.text(data["feedback"], f"{where}.feedback")))
        bands.sort(key=lambda band: band.min)
        expected = low_score
        for band in bands:
            if band.min > expected:
                self.fail(key, f"scores {expected}–{band.min - 1} are in no band")
            if band.min < expected:
                self.fail(key, f"bands overlap at {band.min}")
            expected = band.max + 1
        if expected != high_score + 1:
            self.fail(key, f"bands must end at {high_score}, the last ends at {expected - 1}")
        return tuple(bands)

    def plan(
        self, raw: Any, key: str, number: int, checklist: tuple[PausePoint, ...], questions: tuple[Question, ...], passage: Passage
    ) -> Plan:
        """A trainer's plan: its steps in PLAN_STEPS order (last week's commitment from week 2 on),
        5 to 10 minutes in all, with time enough to read the passage and ask the quiz aloud."""
        fields = ("objective", *PLAN_STEPS, "takeaway", "short")  # in the order the plan runs
        data = self.mapping(raw, key, (), fields)
        for name in fields:
            if name not in data and name != "last_week":
                self.fail(join(key, name), "missing")
        if number == 1 and "last_week" in data:
            self.fail(join(key, "last_week"), "week 1 has no last week to take up: delete this step")
        if number > 1 and "last_week" not in data:
            self.fail(
                join(key, "last_week"),
                "missing: from week 2 on, a plan starts by taking up last week's commitment: add last_week: {minutes: 1}",
            )
        objective = self.text(data["objective"], f"{key}.objective")
        items = [i.id for point in checklist for i in point.items]
        steps = []
        for kind in PLAN_STEPS:
            if kind not in data:
                continue
            where = f"{key}.{kind}"
            step = self.mapping(data[kind], where, ("minutes", *PLAN_FIELDS[kind]), PLAN_OPTIONAL.get(kind, ()))
            minutes = self.integer(step["minutes"], f"{where}.minutes")
            if minutes < 1:
                self.fail(f"{where}.minutes", f"expected 1 or more, got {minutes}")
            item, room, choices = None, (), ()
            if kind == "read":
                self.reading_time(minutes, passage, f"{where}.minutes")
            if kind == "pairs":
                low, high = PAIRS_MINUTES
                if not low <= minutes <= high:
                    self.fail(f"{where}.minutes", f"expected {low} {'or' if high == low + 1 else 'to'} {high}, got {minutes}")
                item = self.ident(step["item"], f"{where}.item")
                if item not in items:
                    self.fail(f"{where}.item", f"no checklist item '{item}' (known: {', '.join(items)})")
            if kind == "quiz":
                room = self.room(step.get("room"), f"{where}.room", questions) if "room" in step else tuple(q.id for q in questions)
                needed = math.ceil(QUESTION_MINUTES * len(room))
                if minutes < needed:
                    which = f"listed in {where}.room" if "room" in step else f"every question, as {where}.room lists none"
                    self.fail(
                        f"{where}.minutes",
                        f"{_count(minutes, 'minute')} for {_count(len(room), 'question')} asked in the room ({which}); "
                        f"give it {needed} or more (1½ minutes a question), or list fewer in {where}.room",
                    )
            if kind == "commitment":
                choices = self.listed(step["items"], f"{where}.items", items, "checklist item", "no checklist item '{}'")
                low, high = COMMITMENT_CHOICES
                if not low <= len(choices) <= high:
                    self.fail(f"{where}.items", f"list {low} to {high} checklist items for members to choose from, got {len(choices)}")
            text = self.text(step["text"], f"{where}.text") if "text" in step else None
            steps.append(PlanStep(kind, minutes, text, item, room, choices))
        total = sum(step.minutes for step in steps)
        low, high = PLAN_MINUTES
        if not low <= total <= high:
            self.fail(key, f"the steps take {total} minutes; a plan takes {low} to {high}")
        takeaway = self.text(data["takeaway"], f"{key}.takeaway")
        short = self.text(data["short"], f"{key}.short")
        return Plan(objective, tuple(steps), passage, takeaway, short)

    def room(self, raw: Any, key: str, questions: tuple[Question, ...]) -> tuple[str, ...]:
        """The IDs of the quiz questions asked in the room: each a question of this technique's quiz, once."""
        if raw == []:
            self.fail(key, "the list is empty: list the questions asked in the room, or delete room to ask them all")
        return self.listed(raw, key, [q.id for q in questions], "question", "no question '{}' in this technique's quiz")

    def listed(self, raw: Any, key: str, known: list[str], noun: str, unknown: str) -> tuple[str, ...]:
        """A list of IDs, each one of `known`, once (`unknown` says what an ID not known is not)."""
        if not isinstance(raw, list):
            self.fail(key, f"expected a list of {noun} IDs (lines starting with '-'), got {self.got(raw, key)}")
        found: list[str] = []
        for index, value in enumerate(raw):
            where = f"{key}[{index}]"
            ident = self.ident(value, where)
            if ident not in known:
                self.fail(where, f"{unknown.format(ident)} (known: {', '.join(known)})")
            if ident in found:
                self.fail(where, f"'{ident}' is listed twice (also {key}[{found.index(ident)}])")
            found.append(ident)
        return tuple(found)

    def reading_time(self, minutes: int, passage: Passage, key: str) -> None:
        """The passage read aloud at READING_PACE words a minute fits in its minutes, in every language."""
        for lang in self.languages:
            words = len(f"{passage.title(lang)} {passage.text(lang)}".split())
            needed = math.ceil(words / READING_PACE)
            if minutes < needed:
                self.fail(
                    key,
                    f"the passage is {words} words in {lang}, about {needed} minutes read aloud at {READING_PACE} words a minute: "
                    f"give it {needed} or more",
                )

    def checklist(self, raw: Any, key: str) -> tuple[PausePoint, ...]:
        data = self.mapping(raw, key, PAUSE_POINTS)
        points = tuple(PausePoint(point, self.entries(data[point], f"{key}.{point}", "checklist", self.item)) for point in PAUSE_POINTS)
        seen = set()
        for point in points:
            for item in point.items:
                if item.id in seen:
                    self.fail(f"{key}.{point.id}", f"duplicate ID '{item.id}'")
                seen.add(item.id)
        return points


def parse_yaml(text: str, file: str) -> Any:
    """Parse one file's text; every YAML problem becomes a one-line `ContentError`."""
    return parse(text, file).value


def read_yaml(path: Path, shown_as: str) -> Document:
    """One YAML file, read through the one reading path and parsed (once per text), named
    `shown_as` in errors."""
    return parse(read_text(path, shown_as), shown_as)


def read_strings(document: Document, file: str, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The interface strings table (key → text in every language) as one table per language."""
    r = _Reader(file, languages, document)
    data = document.value
    if not isinstance(data, dict) or not data:
        r.fail("", f"expected a mapping of strings, got {r.got(data, '')}")
    table: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    for key, value in data.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            r.fail(key, "expected a key in lowercase_snake_case")
        text = r.text(value, key)
        for lang in languages:
            table[lang][key] = text(lang)
    return table


def read_technique(document: Document, file: str, slug: str, languages: tuple[str, ...], article: Article) -> Technique:
    r = _Reader(file, languages, document)
    data = r.mapping(
        document.value, "", ("id", "number", "title", "summary", "practice", "checklist", "questions", "statements", "bands", "plan")
    )
    if r.ident(data["id"], "id") != slug:
        r.fail("id", f"'{data['id']}' does not match the file name '{slug}.yml': a technique's ID is its file's name")
    number = r.integer(data["number"], "number")
    if number < 1:
        r.fail("number", f"expected 1 or more, got {number}")
    title, summary, practice = (r.text(data[key], key) for key in ("title", "summary", "practice"))
    checklist = r.checklist(data["checklist"], "checklist")
    questions = r.entries(data["questions"], "questions", "questions", lambda v, k: r.question(v, k, article))
    technique = Technique(
        id=slug,
        number=number,
        title=title,
        summary=summary,
        practice=practice,
        checklist=checklist,
        questions=questions,
        statements=r.entries(data["statements"], "statements", "statements", r.item),
        bands=r.bands(data["bands"], "bands"),
        plan=r.plan(data["plan"], "plan", number, checklist, questions, article.passage(slug, r, "plan.read")),
    )
    scenarios = sum(question.scenario for question in technique.questions)
    if 2 * scenarios < len(technique.questions):  # a technique's quiz asks what to do, more than what was said
        r.fail("questions", f"at least half must be situations (scenario: true), got {scenarios} of {len(technique.questions)}")
    return technique


def read_quiz(document: Document, file: str, languages: tuple[str, ...], article: Article) -> Quiz:
    r = _Reader(file, languages, document)
    data = r.mapping(document.value, "", ("id", "title", "questions"))
    return Quiz(
        id=r.ident(data["id"], "id"),
        title=r.text(data["title"], "title"),
        questions=r.entries(data["questions"], "questions", "quiz", lambda v, k: r.question(v, k, article)),
    )


def article_anchors(markdown: str) -> frozenset[str]:
    """The `{ #id }` anchors an article page declares: the passages questions may point to."""
    return frozenset(ANCHOR_PATTERN.findall(markdown))


def plain(markdown: str) -> str:
    """Markdown inline text as the reader sees it: links, emphasis, attribute lists and tags removed."""
    text = re.sub(r"\{\s*[:#.][^}]*\}", "", markdown)  # { #anchor }, {: .class }
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", text)  # *emphasis*
    return ASCII_SPACES.sub(" ", text).strip()


def article_skills(markdown: str) -> dict[str, tuple[str, str]]:
    """The article's list of skills: each item whose bold opening sentence carries an anchor,
    as anchor → (that sentence, the rest of the item), in plain text."""
    items: list[list[str]] = []
    current: list[str] | None = None
    for line in markdown.splitlines():
        start = LIST_ITEM.match(line)
        if start:
            current = [line[start.end() :]]
            items.append(current)
        elif current is not None and line.strip() and not line.lstrip().startswith("#"):
            current.append(line.strip())  # the item goes on (a lazy or an indented line)
        else:
            current = None  # a blank line or a heading ends it
    found = {}
    for lines in items:
        match = SKILL.match(" ".join(lines).strip())
        if match:
            found[match.group("anchor")] = (plain(match.group("title")), plain(match.group("text")))
    return found


@dataclasses.dataclass(frozen=True)
class Article:
    """The article in each language (docs/article.md, docs/article.<lang>.md): the passages
    questions point to, and where the plans take the passage they read aloud."""

    files: dict[str, str]  # language → the file, as errors name it
    anchors: dict[str, frozenset[str]]  # language → its `{ #id }` anchors
    skills: dict[str, dict[str, tuple[str, str]]]  # language → anchor → (title, text)

    def anchor(self, anchor: str, r: _Reader, key: str) -> str:
        """`anchor` if the article has it in every language."""
        missing = [lang for lang in r.languages if anchor not in self.anchors[lang]]
        if len(missing) == len(r.languages):
            known = frozenset.intersection(*(self.anchors[lang] for lang in r.languages))
            r.fail(key, f"no passage '{anchor}' in the article (known: {', '.join(sorted(known))})")
        if missing:
            having = next(lang for lang in r.languages if lang not in missing)
            r.fail(
                key,
                f"no passage '{anchor}' in {self.files[missing[0]]}, only in {self.files[having]}: "
                f"add {{ #{anchor} }} to the same passage of {self.files[missing[0]]}",
            )
        return anchor

    def passage(self, anchor: str, r: _Reader, key: str) -> Passage:
        for lang in r.languages:
            if anchor not in self.skills.get(lang, {}):
                r.fail(key, f"no passage to read aloud: {self.files[lang]} has no list item anchored {{ #{anchor} }}")
        return Passage(
            anchor,
            Text({lang: self.skills[lang][anchor][0] for lang in r.languages}),
            Text({lang: self.skills[lang][anchor][1] for lang in r.languages}),
        )


def article_page(lang: str, languages: tuple[str, ...]) -> str:
    """The article's page in a language (suffix layout: the default language has no suffix)."""
    return translated_page(ARTICLE_PAGE, lang, languages[0])


def load_guide(docs_dir: str | Path, root: str | Path | None, languages: tuple[str, ...], found: Inventory | None = None) -> Guide:
    """Read and validate every content file under `docs_dir`, each text in every one of
    `languages`; file names in errors are relative to `root`. `found`: what docs/ holds, when
    the caller has sorted it already (files.inventory)."""
    docs = Path(docs_dir)
    name = namer(Path(root) if root else docs.parent)
    found = found or inventory(docs, name, languages)
    files, anchors, skills = {}, {}, {}
    for lang in languages:
        path = docs / article_page(lang, languages)
        files[lang] = name(path)
        text = read_text(path, name(path))
        anchors[lang], skills[lang] = article_anchors(text), article_skills(text)
    article = Article(files, anchors, skills)
    techniques = []
    for slug in found.techniques:
        path = docs / TECHNIQUE_DIR / f"{slug}.yml"
        techniques.append(read_technique(read_yaml(path, name(path)), name(path), slug, languages, article))
    if not techniques:
        raise ContentError(name(docs / TECHNIQUE_DIR), "(folder)", "no technique content file (<ID>.yml)")
    techniques.sort(key=lambda t: t.number)
    for expected, technique in enumerate(techniques, start=1):
        if technique.number != expected:
            path = name(docs / TECHNIQUE_DIR / f"{technique.id}.yml")
            raise ContentError(
                path, "number", f"expected {expected} (numbers run 1 to {len(techniques)} without gaps or repeats), got {technique.number}"
            )
    quiz_path = docs / QUIZ_FILE
    if not found.quiz:
        raise ContentError(name(quiz_path), "(file)", "missing: the whole-article quiz")
    quiz = read_quiz(read_yaml(quiz_path, name(quiz_path)), name(quiz_path), languages, article)
    if any(t.id == quiz.id for t in techniques):
        raise ContentError(name(quiz_path), "id", f"'{quiz.id}' is already a technique's ID")
    return Guide(tuple(techniques), quiz)


def check_translations(page_paths: list[str], others: tuple[str, ...]) -> None:
    """Every page (src paths, suffix layout) exists in the default language and in each of the
    `others`."""
    pages = {p for p in page_paths if p.endswith(".md")}
    for page in sorted(pages):
        stem = page[:-3]
        if any(stem.endswith(f".{lang}") for lang in others):
            default = stem.rsplit(".", 1)[0] + ".md"
            if default not in pages:
                raise ContentError(f"docs/{page}", "(page)", f"no version in the default language ({default})")
            continue
        for lang in others:
            if f"{stem}.{lang}.md" not in pages:
                raise ContentError(f"docs/{page}", "(page)", f"no '{lang}' translation ({stem}.{lang}.md)")
