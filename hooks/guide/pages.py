"""Pages made from the model rather than written by hand: one embed page per widget a chapter
may put in its own site or learning platform, in every language.

`embed/<slug>/checklist/`, `embed/<slug>/quiz/`, `embed/<slug>/self-check/` for each technique,
`embed/quiz/` (the whole-article quiz) and `embed/assessment/`. Each is the widget alone
(overrides/embed.html), out of search (its front matter), the navigation (not in `nav`) and the
sitemap (added after static-i18n has listed the pages it maps). Where the site's address is known,
each also has an oEmbed document beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from mkdocs.structure.files import File, Files, InclusionLevel

from .markers import marker_text
from .model import Guide

EMBED_DIR = "embed/"
HOST_SCRIPT = "assets/guide/embed.js"  # what a host page loads to size our frames (at the site root)
OEMBED_FILE = "oembed.json"
OEMBED_SIZE = {"checklist": (640, 720), "quiz": (640, 900), "self-check": (640, 640), "assessment": (640, 1400)}


@dataclass(frozen=True)
class Embed:
    """One embeddable widget: its marker, where it lives and where it comes from."""

    kind: str  # checklist, quiz, self-check, assessment
    content_id: str  # a technique's ID, the article quiz's, or "" (assessment)
    title: str  # what the frame is called, for screen readers and the host's editors
    path: str  # the embed page, in its language's site: "embed/remercier/checklist/"
    source: str  # the full page it comes from (its default language's source) and the widget's anchor: "techniques/remercier.md#checklist-remercier"

    @property
    def marker(self) -> str:
        return marker_text(self.kind, self.content_id)

    @property
    def size(self) -> tuple[int, int]:
        return OEMBED_SIZE[self.kind]


def embeds(guide: Guide, lang: str, strings: dict[str, str]) -> list[Embed]:
    """Every embeddable widget of the guide, titled in `lang`."""
    found = []
    for t in guide.techniques:
        title = t.title(lang)
        page = f"techniques/{t.id}.md"
        found += [
            Embed(
                "checklist", t.id, f"{strings['embed_checklist']} — {title}", f"{EMBED_DIR}{t.id}/checklist/", f"{page}#checklist-{t.id}"
            ),
            Embed("quiz", t.id, f"{strings['embed_quiz']} — {title}", f"{EMBED_DIR}{t.id}/quiz/", f"{page}#quiz-{t.id}"),
            Embed(
                "self-check",
                t.id,
                f"{strings['embed_self_check']} — {title}",
                f"{EMBED_DIR}{t.id}/self-check/",
                f"{page}#self-check-{t.id}",
            ),
        ]
    quiz = guide.quiz
    found.append(Embed("quiz", quiz.id, quiz.title(lang), f"{EMBED_DIR}quiz/", f"quiz.md#quiz-{quiz.id}"))
    found.append(Embed("assessment", "", strings["embed_assessment"], f"{EMBED_DIR}assessment/", "assessment.md"))
    return found


def embed_for(embeds_: list[Embed], kind: str, content_id: str) -> Embed | None:
    return next((e for e in embeds_ if e.kind == kind and e.content_id == content_id), None)


def add_embed_pages(files: Files, config, embeds_: list[Embed], prefix: str) -> dict[str, Embed]:
    """Adds one generated page per embed to `files`; returns them by their source path."""
    by_src = {}
    for embed in embeds_:
        src_uri = f"{prefix}{embed.path}index.md"
        text = f"---\ntemplate: embed.html\ntitle: {json.dumps(embed.title, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n{embed.marker}\n"
        add_generated(files, config, src_uri, text)
        by_src[src_uri] = embed
    return by_src


def oembed(embed: Embed, site_url: str, prefix: str, provider: str, host_script: str) -> str:
    """The oEmbed document (type rich) of an embed page: the frame and the host script."""
    url = f"{site_url}{prefix}{embed.path}"
    width, height = embed.size
    html = (
        f'<iframe src="{escape(url)}" title="{escape(embed.title)}" width="100%" height="{height}" '
        f'style="border:0" loading="lazy"></iframe>\n<script src="{escape(site_url + host_script)}" async></script>'
    )
    document = {
        "version": "1.0",
        "type": "rich",
        "title": embed.title,
        "provider_name": provider,
        "provider_url": site_url + prefix,
        "width": width,
        "height": height,
        "html": html,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def add_generated(files: Files, config, src_uri: str, text: str) -> None:
    """A file made by the build, out of the navigation without a word in the build's log. Added
    after static-i18n has mapped the site's files (events.py): it reads every file's source path,
    which a generated file does not have."""
    files.append(File.generated(config, src_uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV))
