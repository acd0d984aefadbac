"""Work-arounds for how static-i18n and Material meet, in one module: when upstream fixes them,
this file and its calls in events.py go in one deletion.

- static-i18n writes one search index for all languages (its `reconfigure_search` makes one lunr
  index with every language's pages): each language gets its own, and translated pages point
  Material's search at it.
- Material's language switch fetches `sitemap.xml` beside each `<link rel="alternate">`.
- The hreflang alternates are made absolute, as search engines want them.
- The root 404 page is written by whichever language is built last: its language links go to
  each language's home page.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

from .html import rewrite_json_script, rewrite_tags


def finish_page(html: str, page_url: str, site_url: str, prefix: str) -> str:
    """The page's hreflang alternates as absolute URLs, and a translated page's search pointed at
    its own language's index (see `split_search_index`)."""
    here = urljoin(site_url or "/", page_url)
    html = rewrite_tags(
        html, "link", lambda a: a.get("rel") == "alternate" and "hreflang" in a,
        lambda a: {**a, "href": urljoin(here, a["href"] or "")}, '<link rel="alternate" hreflang>',
    )
    if not prefix:
        return html

    def point_search(body: str) -> str:
        data = json.loads(body)
        data["base"] = data["base"].rstrip("/") + "/" + prefix
        return json.dumps(data, ensure_ascii=False)

    return rewrite_json_script(html, "__config", point_search)


def language_homes(html: str, site_url: str, prefixes: dict[str, str]) -> str:
    """A page that is no page (404): its language links go to each language's home page."""
    root = site_url or "/"
    for tag in ("link", "a"):  # the alternates in the head, the language switch in the header
        html = rewrite_tags(
            html, tag, lambda a: a.get("hreflang") in prefixes,
            lambda a: {**a, "href": root + prefixes[a["hreflang"]]}, f"language link (<{tag} hreflang>)",
        )
    return html


def after_all_languages(config) -> None:
    """Site-wide work once every language is built: one search index per language, sitemaps."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    split_search_index(site, i18n.default_language, others)
    for lang in others:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).exists():
                shutil.copyfile(site / name, site / lang / name)
    write_alternate_sitemaps(site)


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def write_alternate_sitemaps(site: Path) -> None:
    """Material fetches `sitemap.xml` beside every `<link rel="alternate">` of a page, which
    static-i18n points at the page's translations: give each page folder an empty one, so the
    reader's browser logs no 404 (the real sitemaps, with hreflang, stay at each language root)."""
    for page in site.rglob("index.html"):
        target = page.parent / "sitemap.xml"
        if not target.exists():
            target.write_text(EMPTY_SITEMAP, encoding="utf-8")


def split_search_index(site: Path, default: str, others: list[str]) -> None:
    """static-i18n writes one index for all languages at the root; give each language its own."""
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    for lang in [default, *others]:
        prefix = "" if lang == default else f"{lang}/"
        if prefix:
            mine = [dict(d, location=d["location"][len(prefix):]) for d in docs if d["location"].startswith(prefix)]
        else:
            mine = [d for d in docs if not any(d["location"].startswith(f"{o}/") for o in others)]
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = dict(index, config=dict(index.get("config", {}), lang=[lang]), docs=mine)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
