"""Every page of both languages in Chromium: no console error, nothing from another origin,
axe-core finds no violation, and the language switch leads to the same page in the other language."""
from __future__ import annotations

import pytest

from conftest import axe_violations, open_page
from test_site import LANGS, pages_of


def all_pages(site):
    return [LANGS[lang] + path for lang in LANGS for path in pages_of(site, lang)]


def test_every_page_is_clean_and_accessible(site, watch):
    problems = {}
    for path in all_pages(site):
        open_page(watch.page, f"/{path}")
        found = axe_violations(watch.page)
        if found:
            problems[path] = found
    assert problems == {}


def test_language_switch_stays_on_the_page(site, watch):
    page = watch.page
    for path in all_pages(site):
        english = path.startswith("en/")
        open_page(page, f"/{path}")
        other = "fr" if english else "en"
        page.locator(".md-header .md-select").first.hover()
        with page.expect_navigation():
            page.locator(f'.md-header .md-select__link[hreflang="{other}"]').click()
        expected = path[3:] if english else f"en/{path}"
        assert page.url.endswith(f"/{expected}"), (path, page.url)
        assert page.locator("html").get_attribute("lang") == other


def test_404_page(site, watch, server):
    response = open_page(watch.page, "/404.html")
    assert response.ok
    assert watch.page.get_by_role("heading", name="Page introuvable").is_visible()
    assert axe_violations(watch.page) == []


@pytest.mark.parametrize("path, query, expected, unexpected", [
    ("en/article/", "referral", "/en/techniques/suivi-des-recommandations/", "/techniques/"),
    ("article/", "recommandations", "/techniques/suivi-des-recommandations/", "/en/"),
])
def test_search_answers_in_the_page_language(watch, server, path, query, expected, unexpected):
    page = watch.page
    open_page(page, f"/{path}")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__link")
    results.first.wait_for()
    hrefs = [h.split("?")[0].replace(server, "") for h in results.evaluate_all("els => els.map(e => e.href)")]
    assert hrefs[0] == expected
    assert all(h.startswith("/en/") for h in hrefs) == path.startswith("en/")
