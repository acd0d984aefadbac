"""Load the content files (YAML) into the typed model, checking every rule on the way.

The first problem found raises `ContentError`, whose message is one line:
``<file>: <key path>: <reason>``. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .model import (
    PAIRS_MINUTES,
    PAUSE_POINTS,
    PLAN_MINUTES,
    PLAN_STEPS,
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

MAX_FILE_BYTES = 64 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ANCHOR_PATTERN = re.compile(r"\{\s*#([a-z0-9-]+)\s*\}")
ASCII_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): it would turn French no-break spaces into plain ones
TECHNIQUE_DIR = "techniques"
QUIZ_FILE = "quiz.yml"
ARTICLE_PAGE = "article.md"
# An item of the article's list of skills: `1. **Gardez toujours une attitude positive.**{ #attitude-positive } Cela …`
LIST_ITEM = re.compile(r"^ {0,3}\d+[.)][ \t]+")
SKILL = re.compile(r"^\*\*(?P<title>.+?)\*\*\s*\{\s*#(?P<anchor>[a-z0-9-]+)\s*\}(?P<text>.*)$", re.S)
PLAN_FIELDS = {"read": (), "question": ("text",), "pairs": ("item", "text"), "quiz": (), "commitment": ("text",)}
LIMITS = {  # (min, max) number of entries
    "checklist": (3, 7),
    "questions": (2, 4),
    "quiz": (2, 10),
    "options": (2, 6),
    "statements": (3, 5),
}


class ContentError(Exception):
    """A content file breaks a rule; `str()` is the one-line message for the reader."""

    def __init__(self, file: str, key: str, reason: str):
        super().__init__(f"{file}: {key}: {reason}")
        self.file, self.key, self.reason = file, key, reason


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's fast safe loader, refusing a key given twice in one mapping (YAML keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ContentError("", f"line {key_node.start_mark.line + 1}", f"key '{key}' appears twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, datetime.date):  # YAML reads 2025-01-31 unquoted as a date
        return "a date"
    return type(value).__name__


class _Reader:
    """Walks one parsed file, knowing where it is so each error names the key path, and which
    languages every text must have (the site's, from mkdocs.yml)."""

    def __init__(self, file: str, languages: tuple[str, ...]):
        self.file, self.languages = file, languages

    def fail(self, key: str, reason: str):
        raise ContentError(self.file, key or "(top level)", reason)

    def mapping(self, value: Any, key: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping, got {_type_name(value)}")
        for name in value:
            if name not in required and name not in optional:
                allowed = ", ".join(required + optional)
                self.fail(_join(key, str(name)), f"unknown key (allowed: {allowed})")
        for name in required:
            if name not in value:
                self.fail(_join(key, name), "missing")
        return value

    def text(self, value: Any, key: str) -> Text:
        languages = ", ".join(self.languages)
        if not isinstance(value, dict):
            self.fail(key, f"expected text in every language ({languages}), got {_type_name(value)}")
        for lang in value:
            if lang not in self.languages:
                self.fail(_join(key, str(lang)), f"unknown language (expected {languages})")
        for lang in self.languages:
            if lang not in value:
                self.fail(_join(key, lang), "language missing")
            if not isinstance(value[lang], str):
                self.fail(_join(key, lang), f"expected text, got {_type_name(value[lang])}")
            if not value[lang].strip():
                self.fail(_join(key, lang), "empty text")
        return Text({lang: ASCII_SPACES.sub(" ", value[lang]).strip() for lang in self.languages})

    def ident(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.fail(key, f"expected an ID in lowercase-kebab-case, got {value!r}")
        return value

    def integer(self, value: Any, key: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"expected a whole number, got {_type_name(value)}")
        return value

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {_type_name(value)}")
        return value

    def entries(self, value: Any, key: str, limit: str, read: Callable[[Any, str], Any]) -> tuple:
        """A list of entries with unique `id`s, each read by `read(entry, key)`."""
        if not isinstance(value, list):
            self.fail(key, f"expected a list, got {_type_name(value)}")
        low, high = LIMITS[limit]
        if not low <= len(value) <= high:
            self.fail(key, f"expected {low} to {high} entries, got {len(value)}")
        result, seen = [], set()
        for index, raw in enumerate(value):
            entry = read(raw, f"{key}[{index}]")
            if entry.id in seen:
                self.fail(f"{key}[{index}].id", f"duplicate ID '{entry.id}'")
            seen.add(entry.id)
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

    def question(self, raw: Any, key: str, anchors: frozenset[str]) -> Question:
        data = self.mapping(raw, key, ("id", "kind", "prompt", "options", "explanation", "anchor"), ("scenario",))
        kind = data["kind"]
        if kind not in ("single", "multiple"):
            self.fail(f"{key}.kind", f"expected single or multiple, got {kind!r}")
        options = self.entries(data["options"], f"{key}.options", "options", self.option)
        correct = sum(option.correct for option in options)
        if kind == "single" and correct != 1:
            self.fail(f"{key}.options", f"a single-choice question needs exactly one correct option, got {correct}")
        if kind == "multiple" and correct == 0:
            self.fail(f"{key}.options", "a multiple-choice question needs at least one correct option, got 0")
        anchor = data["anchor"]
        if anchor not in anchors:
            self.fail(f"{key}.anchor", f"no passage '{anchor}' in the article (known: {', '.join(sorted(anchors))})")
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
            self.fail(key, f"expected a non-empty list, got {_type_name(raw)}")
        bands = []
        for index, entry in enumerate(raw):
            where = f"{key}[{index}]"
            data = self.mapping(entry, where, ("min", "max", "feedback"))
            low, high = self.integer(data["min"], f"{where}.min"), self.integer(data["max"], f"{where}.max")
            if low > high:
                self.fail(where, f"min {low} is above max {high}")
            bands.append(Band(low, high, self.text(data["feedback"], f"{where}.feedback")))
        bands.sort(key=lambda band: band.min)
        expected = 0
        for band in bands:
            if band.min > expected:
                self.fail(key, f"scores {expected}–{band.min - 1} are in no band")
            if band.min < expected:
                self.fail(key, f"bands overlap at {band.min}")
            expected = band.max + 1
        if expected != 101:
            self.fail(key, f"bands must end at 100, the last ends at {expected - 1}")
        return tuple(bands)

    def plan(self, raw: Any, key: str, checklist: tuple[PausePoint, ...], passage: Passage) -> Plan:
        """A trainer's plan: its steps in PLAN_STEPS order, 5 to 10 minutes in all."""
        data = self.mapping(raw, key, ("objective", *PLAN_STEPS))
        objective = self.text(data["objective"], f"{key}.objective")
        steps = []
        for kind in PLAN_STEPS:
            where = f"{key}.{kind}"
            step = self.mapping(data[kind], where, ("minutes", *PLAN_FIELDS[kind]))
            minutes = self.integer(step["minutes"], f"{where}.minutes")
            if minutes < 1:
                self.fail(f"{where}.minutes", f"expected 1 or more, got {minutes}")
            item = None
            if kind == "pairs":
                low, high = PAIRS_MINUTES
                if not low <= minutes <= high:
                    self.fail(f"{where}.minutes", f"expected {low} {'or' if high == low + 1 else 'to'} {high}, got {minutes}")
                item = self.ident(step["item"], f"{where}.item")
                known = [i.id for point in checklist for i in point.items]
                if item not in known:
                    self.fail(f"{where}.item", f"no checklist item '{item}' (known: {', '.join(known)})")
            text = self.text(step["text"], f"{where}.text") if "text" in step else None
            steps.append(PlanStep(kind, minutes, text, item))
        total = sum(step.minutes for step in steps)
        low, high = PLAN_MINUTES
        if not low <= total <= high:
            self.fail(key, f"the steps take {total} minutes; a plan takes {low} to {high}")
        return Plan(objective, tuple(steps), passage)

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


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def parse_yaml(text: str, file: str) -> Any:
    """Parse one file's text; every YAML problem becomes a one-line `ContentError`."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ContentError(file, "(file)", f"larger than {MAX_FILE_BYTES // 1024} KiB")
    for number, line in enumerate(text.splitlines(), start=1):
        if line[: len(line) - len(line.lstrip())].count("\t"):
            raise ContentError(file, f"line {number}", "indented with a tab (YAML needs spaces)")
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except ContentError as error:
        raise ContentError(file, error.key, error.reason) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        raise ContentError(file, where, f"invalid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise ContentError(file, "(file)", f"invalid YAML: {error}") from None


@functools.lru_cache(maxsize=256)
def _parse_file(path: str, shown_as: str, mtime_ns: int, size: int) -> Any:
    """One file parsed once per version of it in a process (both language builds, and every
    `serve` rebuild after, read the same parse)."""
    return parse_yaml(Path(path).read_text(encoding="utf-8"), shown_as)


def read_yaml(path: Path, shown_as: str) -> Any:
    """One YAML file, parsed (once per version of it), named `shown_as` in errors."""
    try:
        stat = path.stat()
        return _parse_file(str(path), shown_as, stat.st_mtime_ns, stat.st_size)
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown_as, "(file)", f"cannot be read ({error.__class__.__name__})") from None


def read_strings(data: Any, file: str, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The interface strings table (key → text in every language) as one table per language."""
    r = _Reader(file, languages)
    if not isinstance(data, dict) or not data:
        r.fail("", f"expected a mapping of strings, got {_type_name(data)}")
    table: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    for key, value in data.items():
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            r.fail(str(key), "expected a key in lowercase_snake_case")
        text = r.text(value, key)
        for lang in languages:
            table[lang][key] = text(lang)
    return table


def read_technique(data: Any, file: str, slug: str, anchors: frozenset[str], languages: tuple[str, ...], article: Article) -> Technique:
    r = _Reader(file, languages)
    data = r.mapping(data, "", ("id", "number", "title", "summary", "practice", "checklist", "questions", "statements", "bands", "plan"))
    if r.ident(data["id"], "id") != slug:
        r.fail("id", f"'{data['id']}' does not match the file name '{slug}'")
    number = r.integer(data["number"], "number")
    if number < 1:
        r.fail("number", f"expected 1 or more, got {number}")
    title, summary, practice = (r.text(data[key], key) for key in ("title", "summary", "practice"))
    checklist = r.checklist(data["checklist"], "checklist")
    technique = Technique(
        id=slug,
        number=number,
        title=title,
        summary=summary,
        practice=practice,
        checklist=checklist,
        questions=r.entries(data["questions"], "questions", "questions", lambda v, k: r.question(v, k, anchors)),
        statements=r.entries(data["statements"], "statements", "statements", r.item),
        bands=r.bands(data["bands"], "bands"),
        plan=r.plan(data["plan"], "plan", checklist, article.passage(slug, r, "plan.read")),
    )
    scenarios = sum(question.scenario for question in technique.questions)
    if 2 * scenarios < len(technique.questions):  # a technique's quiz asks what to do, more than what was said
        r.fail("questions", f"at least half must be situations (scenario: true), got {scenarios} of {len(technique.questions)}")
    return technique


def read_quiz(data: Any, file: str, anchors: frozenset[str], languages: tuple[str, ...]) -> Quiz:
    r = _Reader(file, languages)
    data = r.mapping(data, "", ("id", "title", "questions"))
    return Quiz(
        id=r.ident(data["id"], "id"),
        title=r.text(data["title"], "title"),
        questions=r.entries(data["questions"], "questions", "quiz", lambda v, k: r.question(v, k, anchors)),
    )


def article_anchors(markdown: str) -> frozenset[str]:
    """The `{ #id }` anchors the article page declares: the passages questions may point to."""
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
    """The article in each language (docs/article.md, docs/article.<lang>.md): where the plans
    take the passage they read aloud."""

    files: dict[str, str]  # language → the file, as errors name it
    skills: dict[str, dict[str, tuple[str, str]]]  # language → anchor → (title, text)

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
    return ARTICLE_PAGE if lang == languages[0] else ARTICLE_PAGE.replace(".md", f".{lang}.md")


def load_guide(docs_dir: str | Path, root: str | Path | None, languages: tuple[str, ...]) -> Guide:
    """Read and validate every content file under `docs_dir`, each text in every one of
    `languages`; file names in errors are relative to `root`."""
    docs = Path(docs_dir)
    base = Path(root) if root else docs.parent

    def name(path: Path) -> str:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            return path.as_posix()

    def read(path: Path) -> Any:
        return read_yaml(path, name(path))

    article = docs / ARTICLE_PAGE
    anchors = article_anchors(article.read_text(encoding="utf-8")) if article.exists() else frozenset()
    files, skills = {}, {}
    for lang in languages:
        path = docs / article_page(lang, languages)
        files[lang] = name(path)
        skills[lang] = article_skills(path.read_text(encoding="utf-8")) if path.exists() else {}
    articles = Article(files, skills)
    techniques = []
    for path in sorted((docs / TECHNIQUE_DIR).glob("*.yml")):
        techniques.append(read_technique(read(path), name(path), path.stem, anchors, languages, articles))
    if not techniques:
        raise ContentError(name(docs / TECHNIQUE_DIR), "(folder)", "no technique content file (*.yml)")
    techniques.sort(key=lambda t: t.number)
    for expected, technique in enumerate(techniques, start=1):
        if technique.number != expected:
            path = name(docs / TECHNIQUE_DIR / f"{technique.id}.yml")
            raise ContentError(
                path, "number", f"expected {expected} (numbers run 1 to {len(techniques)} without gaps or repeats), got {technique.number}"
            )
    quiz_path = docs / QUIZ_FILE
    if not quiz_path.exists():
        raise ContentError(name(quiz_path), "(file)", "missing: the whole-article quiz")
    quiz = read_quiz(read(quiz_path), name(quiz_path), anchors, languages)
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
