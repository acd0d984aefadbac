"""The site's source checked as a whole, in two steps.

`check_pages`, once per `mkdocs build` before the first file is written (by the default
language's build, which static-i18n runs first), over every language: each page read through the
one reading path with its front matter, each with its translation, every technique's content file
with its pages, every other file of docs/ readable. Nothing is converted here.

`check_site`, once every language's pages are converted (each page's markers and the files it uses
noted during its one conversion, markers.py), before the site is published (output.py: a failed
build publishes nothing): each page and its translation placing the same widgets, every widget at
home where the guide links to it, every other file of docs/ used by a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .content import check_translations
from .files import ContentError, Inventory, read_text, why_unreadable
from .markers import Page, compare_translations, front_matter
from .model import Guide
from .placeholders import check_placeholders, code_fills, named_keys
from .routes import ASSESSMENT_PAGE, QUIZ_PAGE, TECHNIQUE_DIR, TRAINERS_DIR, marker_text, plan_page, technique_page


@dataclass(frozen=True)
class Source:
    """What the checked source holds (docs-relative): its pages and other files, and the lines of
    front matter of each page (MkDocs takes them off before Markdown sees the page)."""

    found: Inventory
    offsets: dict[str, int]

    @property
    def published(self) -> frozenset[str]:
        """Its pages and files: a file no page uses stops the build (`check_site`)."""
        return frozenset(self.found.pages) | frozenset(self.found.assets)


def homes(guide: Guide) -> dict[str, list[str]]:
    """Where each widget must be, because the guide links there (embed pages' "open in the
    guide", the plans' links to the quiz and checklist, the QR codes of the plans): page → its
    markers, in the default language's page name."""
    found = {}
    for t in guide.techniques:
        found[technique_page(t.id)] = [marker_text(kind, t.id) for kind in ("checklist", "quiz", "self-check")]
        found[plan_page(t.id)] = [marker_text("plan", t.id)]
    found[QUIZ_PAGE] = [marker_text("quiz", guide.quiz.id)]
    found[ASSESSMENT_PAGE] = [marker_text("assessment")]
    return found


def translation(page: str, lang: str) -> str:
    return f"{page[:-3]}.{lang}.md"


def check_technique_pages(docs: Path, found: Inventory, languages: tuple[str, ...], name: Callable[[Path], str]) -> None:
    """Every technique page has its content file. Checked before the content files are read: a
    content file deleted from the middle of the series is named as missing, not blamed on the
    next file's number."""
    slugs = set(found.techniques)
    for page in sorted(found.pages):
        folder, _, stem = page[:-3].rpartition("/")
        if folder == TECHNIQUE_DIR and stem not in slugs and not any(stem.endswith(f".{lang}") for lang in languages[1:]):
            raise ContentError(
                name(docs / page),
                "(page)",
                f"a technique page without its content file {TECHNIQUE_DIR}/{stem}.yml: add it, or move the page out of docs/{TECHNIQUE_DIR}/",
            )


def check_source(
    config,
    docs: Path,
    found: Inventory,
    guide: Guide,
    languages: tuple[str, ...],
    name: Callable[[Path], str],
    *,
    strings: tuple[dict[str, dict[str, str]], str],
) -> Source:
    """What can be checked before any page is converted: the interface strings' placeholders
    (`strings`: the tables, and their file as messages name it), then every page as text."""
    theme = config.theme.custom_dir
    missing = sorted(named_keys(theme) - strings[0][languages[0]].keys())
    if missing:
        raise ContentError(strings[1], missing[0], "missing, but the guide's pages show it: put it back, with its text in every language")
    check_placeholders(strings[0], languages, code_fills(theme), strings[1], counted=code_fills(theme, scripts_only=True))
    return check_pages(docs, found, guide, languages, name)


def check_pages(docs: Path, found: Inventory, guide: Guide, languages: tuple[str, ...], name: Callable[[Path], str]) -> Source:
    """Every page of docs/ readable, with its translations and its front matter, every page the
    guide links to there, and every other file readable; the first problem raises `ContentError`."""
    check_translations(found.pages, languages[1:])
    for page, wanted in homes(guide).items():
        if page not in found.pages:
            content = (
                f"docs/{TECHNIQUE_DIR}/{page.rpartition('/')[2][:-3]}.yml"
                if page.startswith((TECHNIQUE_DIR, TRAINERS_DIR))
                else "the guide"
            )
            raise ContentError(name(docs / page), "(page)", f"missing: {content} needs this page, with {', '.join(wanted)}: add it")
    offsets = {}
    for page in sorted(found.pages):
        shown = name(docs / page)
        offsets[page] = front_matter(read_text(docs / page, shown), shown)[1]
    for asset in found.assets:
        try:
            (docs / asset).open("rb").close()
        except OSError as error:
            raise ContentError(name(docs / asset), "(file)", why_unreadable(docs / asset, error)) from None
    return Source(found, offsets)


def check_site(
    docs: Path, source: Source, guide: Guide, languages: tuple[str, ...], pages: dict[str, Page], name: Callable[[Path], str]
) -> None:
    """What every language's converted pages (`pages`: docs-relative path → what its conversion
    found) place and use, across pages; the first problem raises `ContentError`. A page not
    converted (a `--dirty` build's unchanged pages) is left out."""
    others = languages[1:]
    found = source.found
    every = set(found.pages)
    originals = [p for p in sorted(every) if not any(p.endswith(f".{lang}.md") for lang in others)]
    markers = {page: record.markers for page, record in pages.items()}
    for page in originals:
        for lang in others:
            if page in markers and translation(page, lang) in markers:
                compare_translations(
                    (name(docs / page), markers[page]), (name(docs / translation(page, lang)), markers[translation(page, lang)])
                )
    for page, wanted in homes(guide).items():
        if page not in markers:
            continue
        placed = [m.text for m in markers[page]]
        for marker in wanted:
            if marker not in placed:
                raise ContentError(
                    name(docs / page), "(page)", f"places no {marker}: put it back (the guide links to this widget on this page)"
                )
    converted_all = every <= set(pages)
    used = set().union(*(record.uses for record in pages.values()))
    for asset in found.assets:
        if converted_all and asset not in used:
            raise ContentError(
                name(docs / asset),
                "(file)",
                "no page uses it, so it would not be published: link it from a page, or delete it or move it out of docs/",
            )
