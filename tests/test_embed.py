"""Embeddable widgets, as built: one page per widget in each language with the widget alone,
links to the top window, out of search, sitemap and navigation, with oEmbed documents."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from support.builds import build_site, edit
from support.project import GUIDE, LANGS, SLUGS
from support.site import page

EMBEDS = [(f"embed/{slug}/{kind}", kind, slug) for slug in SLUGS for kind in ("checklist", "quiz", "self-check")]
EMBEDS += [("embed/quiz", "quiz", GUIDE.quiz.id), ("embed/assessment", "assessment", "")]
ROOTS = {
    "checklist": "data-guide-checklist",
    "quiz": "data-guide-quiz",
    "self-check": "data-guide-self-check",
    "assessment": "data-guide-assessment",
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_embed_page_shows_its_widget_alone(site, lang):
    for path, kind, content_id in EMBEDS:
        html = page(site, LANGS[lang] + path)
        where = LANGS[lang] + path
        assert html.html["lang"] == lang, where
        assert not html.select("header, nav, footer, .md-sidebar, .md-search"), where  # no site chrome
        widgets = html.select("[data-guide-widget]")
        assert len(widgets) == 1, where
        root = html.select_one(f"[{ROOTS[kind]}]")
        assert root is not None and root.get(ROOTS[kind], "") == content_id, where
        assert html.find("base")["target"] == "_top", where  # links and forms leave the frame for the top window
        assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex", where
        assert not html.select("[data-action=embed]"), where  # no "Embed" button inside an embed
        # one link back to the full page, to the widget itself
        [back] = html.select(".guide-embed__source a")
        target = urlparse(urljoin(f"http://x/{where}/", back["href"]))
        full = site / target.path.lstrip("/") / "index.html"
        assert full.exists(), (where, back["href"])
        if target.fragment:
            assert BeautifulSoup(full.read_text(encoding="utf-8"), "html.parser").find(id=target.fragment), where


def test_without_directory_urls_embed_pages_link_back_to_their_widgets(project):
    """A site built with `use_directory_urls: false` (pages as `techniques/remercier.html`): each
    embed page's link back follows that convention and reaches its page and widget."""
    edit(project / "mkdocs.yml", "site_name:", "use_directory_urls: false\nsite_name:")
    site = project / "site"
    result = build_site(site, project / "mkdocs.yml", GUIDE_PDFS="off", GUIDE_PACKAGES="off")
    assert result.returncode == 0, result.stderr
    for prefix in LANGS.values():
        for path, _kind, _id in EMBEDS:
            where = f"{prefix}{path}/index.html"
            [back] = BeautifulSoup((site / where).read_text(encoding="utf-8"), "html.parser").select(".guide-embed__source a")
            target = urlparse(urljoin(f"http://x/{where}", back["href"]))
            full = site / target.path.lstrip("/")
            assert full.is_file() and full.suffix == ".html", (where, back["href"])
            if target.fragment:
                assert BeautifulSoup(full.read_text(encoding="utf-8"), "html.parser").find(id=target.fragment), where


def test_embed_pages_stay_out_of_search_sitemap_and_navigation(site):
    urls = [u.text for u in ElementTree.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert urls and not [u for u in urls if "/embed/" in u]
    for prefix in LANGS.values():
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        assert not [d["location"] for d in index["docs"] if "embed/" in d["location"]]
        home = page(site, prefix)
        assert not home.select('.md-nav a[href*="embed/"]')


@pytest.mark.parametrize("lang", LANGS)
def test_oembed_documents_are_valid_and_discoverable(site, origin, lang):
    prefix = LANGS[lang]
    for path, _kind, _id in EMBEDS:
        document = json.loads((site / prefix / path / "oembed.json").read_text(encoding="utf-8"))
        assert document["version"] == "1.0" and document["type"] == "rich"
        assert isinstance(document["width"], int) and isinstance(document["height"], int)
        frame = BeautifulSoup(document["html"], "html.parser")
        assert frame.iframe["src"] == f"{origin}/{prefix}{path}/" and frame.iframe["title"] == document["title"]
        assert frame.script["src"] == f"{origin}/assets/guide/embed.js"
        href = f"{origin}/{prefix}{path}/oembed.json"
        links = page(site, prefix + path).select('link[rel="alternate"][type="application/json+oembed"]')
        assert [link["href"] for link in links] == [href]
    # not on the full pages, where Material's script would fetch a sitemap beside each alternate link
    assert not page(site, f"{prefix}techniques/remercier").select('link[rel="alternate"]')


@pytest.mark.parametrize("lang", LANGS)
def test_every_widget_of_the_full_pages_has_an_embed_button_shown_only_with_javascript(site, lang):
    prefix = LANGS[lang]
    for path, kind, content_id in [(f"techniques/{s}", k, s) for s in SLUGS for k in ("checklist", "quiz", "self-check")]:
        html = page(site, prefix + path)
        root = html.select_one(f'[{ROOTS[kind]}="{content_id}"]')
        [button] = root.select("[data-action=embed]")
        assert button.find_parent(attrs={"data-js-only": True}).has_attr("hidden")
        target = urljoin(f"http://x/{prefix}{path}/", button["data-embed-url"])
        assert urlparse(target).path == f"/{prefix}embed/{content_id}/{kind}/"
        assert urlparse(urljoin(f"http://x/{prefix}{path}/", button["data-embed-script"])).path == "/assets/guide/embed.js"
    for path, kind in [("quiz", "quiz"), ("assessment", "assessment")]:
        assert page(site, prefix + path).select(f"[{ROOTS[kind]}] [data-action=embed]")


def test_the_host_script_ships(site):
    script = (site / "assets/guide/embed.js").read_text(encoding="utf-8")
    assert "h5p" in script and "import" not in script.split("(", 1)[0]
    assert len(script) < len((Path(__file__).parents[1] / "overrides/assets/guide/embed.js").read_text(encoding="utf-8"))
