"""Work-arounds for how static-i18n and Material meet, in one module: when upstream fixes them,
this file and its calls in events.py go in one deletion.

- Language links. static-i18n gives each page `<link rel="alternate" hreflang>` tags and a
  language switch that point at the page's translations by absolute or root-relative URLs, and
  Material's script fetches `sitemap.xml` beside each alternate (it expects them to be language
  roots). Served from another address or a sub-folder, those links break and those fetches fail
  (or cross origins, which the policy blocks). So pages carry no alternates (the sitemap holds the
  hreflang alternates search engines read) and the language switch links each page's
  translation relatively: one built site works from any address.
- Search. static-i18n writes one index for all languages (its `reconfigure_search` makes one lunr
  index with every language's pages): each language gets its own, and translated pages point
  Material's search at it.
- The root 404 page is written by whichever language is built last: its language links go to
  each language's home page.
- Sitemaps need absolute addresses: without the guide's address (GUIDE_SITE_URL) there are none.
- Material's search dialog has no name (axe: aria-dialog-name): it gets the label its search
  options already carry, Material's own word for "search" in the page's language.
- The log. static-i18n logs each setting a language overrides (its name, copyright, …) on every
  build: those lines go unless MkDocs is verbose (`-v`), so a build says what it did in a few lines.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .html import attributes, rewrite_json_script, rewrite_tags
from .upstream import I18N_OVERRIDES_LOGGER, i18n_building, i18n_state

ALTERNATE = '<link rel="alternate" hreflang>'


def _not_an_override(record: logging.LogRecord) -> bool:
    return (
        record.levelno != logging.INFO
        or "Overriding '" not in record.getMessage()
        or logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)
    )


def quiet_overrides() -> None:
    """static-i18n's "Overriding 'en' config …" lines out of the log (once per process)."""
    logger = logging.getLogger(I18N_OVERRIDES_LOGGER)
    for old in [f for f in logger.filters if getattr(f, "__name__", "") == _not_an_override.__name__]:
        logger.removeFilter(old)
    logger.addFilter(_not_an_override)


def _search_label(html: str) -> str:
    for tag in re.findall(r"<nav\b[^>]*>", html):
        attrs = attributes(tag)
        if "md-search__options" in (attrs.get("class") or "").split() and attrs.get("aria-label"):
            return attrs["aria-label"]
    raise PluginError("the theme's markup has changed: no search options (<nav class=md-search__options aria-label>) found")


def name_search_dialog(html: str) -> str:
    """Material's search dialog named, as its options are (`lang.t('search')`)."""
    label = _search_label(html)
    return rewrite_tags(
        html,
        "div",
        lambda a: a.get("data-md-component") == "search" and a.get("role") == "dialog",
        lambda a: {**a, "aria-label": label},
        "search dialog (<div data-md-component=search role=dialog>)",
    )


def _no_alternates(html: str) -> str:
    return rewrite_tags(html, "link", lambda a: a.get("rel") == "alternate" and "hreflang" in a, lambda a: None, ALTERNATE)


def finish_page(html: str, page_url: str, prefix: str, prefixes: dict[str, str]) -> str:
    """A page's language switch linking its translations relatively, no alternates in its head, its
    search dialog named, and a translated page's search pointed at its own language's index
    (`split_search_index`)."""
    path = page_url[len(prefix) :]
    html = rewrite_tags(
        html,
        "a",
        lambda a: a.get("hreflang") in prefixes,
        lambda a: {**a, "href": get_relative_url(prefixes[a["hreflang"]] + path, page_url)},
        "language switch (<a hreflang>)",
    )
    html = name_search_dialog(_no_alternates(html))
    if not prefix:
        return html

    def point_search(body: str) -> str:
        data = json.loads(body)
        data["base"] = data["base"].rstrip("/") + "/" + prefix
        return json.dumps(data, ensure_ascii=False)

    return rewrite_json_script(html, "__config", point_search)


def language_homes(html: str, site_url: str, prefixes: dict[str, str]) -> str:
    """A page that is no page (404, served at any depth): its language links go to each
    language's home page, from the site's root (its path in the guide's address, if known)."""
    root = (urlparse(site_url).path or "/") if site_url else "/"
    html = rewrite_tags(
        html,
        "a",
        lambda a: a.get("hreflang") in prefixes,
        lambda a: {**a, "href": root + prefixes[a["hreflang"]]},
        "language switch (<a hreflang>)",
    )
    return name_search_dialog(_no_alternates(html))


def all_languages_built(config) -> bool:
    """In an `on_post_build` after static-i18n's: is this the last one, every language built?
    (Without static-i18n, the one build is all.)"""
    return not i18n_building(config)


def after_all_languages(config, search_scripts: bool = False) -> None:
    """Site-wide work once every language is built: one search index per language (also as a
    script, `search_scripts`, for the offline copy: Material reads it so from disk); sitemaps
    only where the guide's address is known."""
    i18n = i18n_state(config)
    if i18n is None:
        return
    site = Path(config.site_dir)
    others = [lang for lang, _ in i18n.built if lang != i18n.default]
    split_search_index(site, i18n.default, others, search_scripts)
    if not config.site_url:
        for lang in ["", *others]:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site / lang / name).unlink(missing_ok=True)


def split_search_index(site: Path, default: str, others: list[str], scripts: bool = False) -> None:
    """static-i18n writes one index for all languages at the root; give each language its own
    (and, with `scripts`, as Material's offline plugin writes it: `var __index = …` in a script)."""
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    for lang in [default, *others]:
        prefix = "" if lang == default else f"{lang}/"
        if prefix:
            mine = [dict(d, location=d["location"][len(prefix) :]) for d in docs if d["location"].startswith(prefix)]
        else:
            mine = [d for d in docs if not any(d["location"].startswith(f"{o}/") for o in others)]
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = dict(index, config=dict(index.get("config", {}), lang=[lang]), docs=mine)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        if scripts:
            target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
