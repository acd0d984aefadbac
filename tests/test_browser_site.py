"""The site at its own address in Chromium: the 404 page, and search in the reader's language
(every page of the site, clean and accessible in both languages: test_browser_anywhere.py)."""

from __future__ import annotations

import pytest
from support.axe import axe_violations
from support.browser import assert_clean, open_page, real_search


def test_404_page(site, watch, server):
    response = open_page(watch.page, "/404.html")
    assert response.ok
    assert watch.page.get_by_role("heading", name="Page introuvable").is_visible()
    assert axe_violations(watch.page) == []
    assert_clean(watch)


@pytest.mark.parametrize(
    "path, query, expected, unexpected",
    [
        ("en/article/", "referral", "/en/techniques/suivi-des-recommandations/", "/techniques/"),
        ("article/", "recommandations", "/techniques/suivi-des-recommandations/", "/en/"),
    ],
)
def test_search_answers_in_the_page_language(watch, server, path, query, expected, unexpected):
    page = watch.page
    real_search(page.context, server)
    open_page(page, f"/{path}")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__link")
    results.first.wait_for()
    hrefs = [h.split("?")[0].replace(server, "") for h in results.evaluate_all("els => els.map(e => e.href)")]
    assert hrefs[0] == expected
    assert all(h.startswith("/en/") for h in hrefs) == path.startswith("en/")
    assert_clean(watch)
