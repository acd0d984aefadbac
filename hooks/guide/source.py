"""The site's source checked as a whole, before the first file is written.

Run once per `mkdocs build` (by the default language's build, which static-i18n runs first), over
every language: each page read through the one reading path, its markers (markers.py), each page
and its translation placing the same widgets, every widget at home where the guide links to it,
every technique's content file with its pages, and every other file of docs/ used by a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .content import check_translations
from .files import ContentError, Inventory, read_text, why_unreadable
from .markers import Marker, PageReader, compare_translations, site_markdown
from .model import Guide
from .placeholders import check_placeholders, code_fills
from .routes import ASSESSMENT_PAGE, QUIZ_PAGE, TECHNIQUE_DIR, TRAINERS_DIR, marker_text, plan_page, technique_page


@dataclass(frozen=True)
class Source:
    """What the checked source publishes: its pages and the files they use (docs-relative)."""

    published: frozenset[str]
    markers: dict[str, list[Marker]]  # page → its markers, in order


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
    docs: Path, found: Inventory, guide: Guide, languages: tuple[str, ...], reader: PageReader, name: Callable[[Path], str]
) -> Source:
    """Every page and file of docs/ as the guide needs them; the first problem raises
    `ContentError`."""
    others = languages[1:]
    check_translations(found.pages, others)
    pages = set(found.pages)
    originals = [p for p in sorted(pages) if not any(p.endswith(f".{lang}.md") for lang in others)]
    markers, used = {}, set()
    for page in sorted(pages):
        shown = name(docs / page)
        scanned = reader.read(read_text(docs / page, shown), shown, page, uses=bool(found.assets))
        markers[page], used = scanned.markers, used | scanned.uses
    for page in originals:
        for lang in others:
            compare_translations(
                (name(docs / page), markers[page]), (name(docs / translation(page, lang)), markers[translation(page, lang)])
            )
    for page, wanted in homes(guide).items():
        if page not in pages:
            content = (
                f"docs/{TECHNIQUE_DIR}/{page.rpartition('/')[2][:-3]}.yml"
                if page.startswith((TECHNIQUE_DIR, TRAINERS_DIR))
                else "the guide"
            )
            raise ContentError(name(docs / page), "(page)", f"missing: {content} needs this page, with {', '.join(wanted)}: add it")
        placed = [m.text for m in markers[page]]
        for marker in wanted:
            if marker not in placed:
                raise ContentError(
                    name(docs / page), "(page)", f"places no {marker}: put it back (the guide links to this widget on this page)"
                )
    for asset in found.assets:
        if asset not in used:
            raise ContentError(
                name(docs / asset),
                "(file)",
                "no page uses it, so it would not be published: link it from a page, or delete it or move it out of docs/",
            )
        try:
            (docs / asset).open("rb").close()
        except OSError as error:
            raise ContentError(name(docs / asset), "(file)", why_unreadable(docs / asset, error)) from None
    return Source(frozenset(pages | {a for a in found.assets if a in used}), markers)


def check_site(
    config,
    docs: Path,
    found: Inventory,
    guide: Guide,
    languages: tuple[str, ...],
    name: Callable[[Path], str],
    *,
    strings: tuple[dict[str, dict[str, str]], str],
    widgets: dict[str, bool],
) -> Source:
    """The interface strings' placeholders (`strings`: the tables, and their file as messages name
    it), then every page and file of docs/ (`check_source`), read with the site's own Markdown;
    `widgets`: each widget's name → does its marker take an ID."""
    check_placeholders(strings[0], languages, code_fills(config.theme.custom_dir), strings[1])
    reader = PageReader(site_markdown(config), guide, widgets)
    return check_source(docs, found, guide, languages, reader, name)
