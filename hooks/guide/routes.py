"""Every path and URL convention of the guide, in one place; imports nothing of the package.

Pages are named by their source (`techniques/remercier.md`); where MkDocs puts each one depends on
the build (the website's `techniques/remercier/`, the offline copy's `techniques/remercier.html`:
render.Renderer.url_of). Paths are a language's, from its root: a language's pages live under its
prefix ("" for the default, "en/" for English).
"""

from __future__ import annotations

import re
from typing import NamedTuple

NAME = "networking-guide"  # the guide's identity: its packages' names (the scripts' storage key: record.js KEY)

# --- content files, in docs/ -------------------------------------------------------------------
TECHNIQUE_DIR = "techniques"  # docs/techniques/<slug>.yml and its page <slug>.md
QUIZ_FILE = "quiz.yml"  # the whole-article quiz

# --- pages, by their source ---------------------------------------------------------------------
ARTICLE_PAGE = "article.md"
QUIZ_PAGE = "quiz.md"
ASSESSMENT_PAGE = "assessment.md"
TRAINERS_DIR = "trainers/"  # a technique's plan is the page trainers/<slug>.md


def technique_page(slug: str) -> str:
    return f"{TECHNIQUE_DIR}/{slug}.md"


def plan_page(slug: str) -> str:
    """A technique's trainer's plan."""
    return f"{TRAINERS_DIR}{slug}.md"


def translated_page(page: str, lang: str, default: str) -> str:
    """A page's translation, as static-i18n's suffix structure names it (`article.en.md`)."""
    return page if lang == default else f"{page[:-3]}.{lang}.md"


# --- the marker a page places a widget with -------------------------------------------------------
MARKER = re.compile(r"<!-- guide:([a-z][a-z-]*)(?: ([a-z0-9]+(?:-[a-z0-9]+)*))? -->")  # the one form: KIND, ID


def marker_text(kind: str, arg: str = "") -> str:
    """The one spelling of a marker: `<!-- guide:KIND -->` or `<!-- guide:KIND ID -->`."""
    return f"<!-- guide:{kind}{' ' + arg if arg else ''} -->"


# --- PDF handouts ---------------------------------------------------------------------------------


def pdf_name(slug: str | None = None) -> str:
    """Where a checklist's PDF handout lives in a language's site; None for the combined one."""
    return f"pdf/checklist-{slug}.pdf" if slug else "pdf/checklists.pdf"


def plan_pdf_name(slug: str) -> str:
    """Where a trainer's plan's PDF handout lives in a language's site."""
    return f"pdf/plan-{slug}.pdf"


# --- embed pages ----------------------------------------------------------------------------------
EMBED_DIR = "embed/"
HOST_SCRIPT = "assets/guide/embed.js"  # what a host page loads to size our frames (at the site root)
OEMBED_FILE = "oembed.json"


def embed_path(kind: str, content_id: str = "") -> str:
    """An embed page, in its language's site: `embed/remercier/checklist/`, `embed/quiz/`,
    `embed/assessment/` (the article quiz and the self-assessment have no technique)."""
    return f"{EMBED_DIR}{content_id}/{kind}/" if content_id else f"{EMBED_DIR}{kind}/"


# --- the guide to take away, at the site's root --------------------------------------------------
DOWNLOADS = "downloads/"
OFFLINE_ZIP = f"{DOWNLOADS}{NAME}-offline.zip"
SHIM_DIR = "assets/vendor/iframe-worker/"  # where the offline copy ships iframe-worker, its licence beside it
LAUNCH_PAGE = "launch.html"  # a SCORM package's SCO: where the platform opens it
MANIFEST = "imsmanifest.xml"


def scorm_zip(lang: str) -> str:
    return f"{DOWNLOADS}{NAME}-scorm12-{lang}.zip"


class Download(NamedTuple):
    kind: str  # "offline" (every language) or "scorm"
    lang: str  # the SCORM package's language; "" for the offline copy
    language: str  # that language's name, in that language
    path: str  # in the site, from its root


def downloads(languages: tuple[str, ...], names: tuple[str, ...]) -> list[Download]:
    """What the site offers to download: the offline copy, then a SCORM package per language."""
    scorm = [Download("scorm", lang, name, scorm_zip(lang)) for lang, name in zip(languages, names, strict=True)]
    return [Download("offline", "", "", OFFLINE_ZIP), *scorm]


# --- the guide in the pocket: installable, readable offline (pocket.py) ---------------------------
WORKER = "sw.js"  # the service worker, at the site's root: its scope is the site's folder
HOST_HEADERS = "_headers"  # headers for hosts that read this file at the site's root (Netlify, Cloudflare Pages)
WEB_MANIFEST = "manifest.webmanifest"  # in each language's root: `manifest.webmanifest`, `en/manifest.webmanifest`
POCKET_SCRIPT = "assets/guide/pocket.js"  # what every full page runs to register the worker (bundled by assets.py)
ICON_DIR = "assets/images/"  # the icons, beside Material's favicon


def icon_path(size: int, maskable: bool = False) -> str:
    """An icon the build makes from hooks/guide/icon.png: `assets/images/icon-192.png`, `…/icon-maskable-512.png`."""
    return f"{ICON_DIR}icon-{'maskable-' if maskable else ''}{size}.png"
