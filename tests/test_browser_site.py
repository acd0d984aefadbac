"""Every page of both languages in Chromium: no console error, nothing from another origin,
axe-core finds no violation, and the language switch leads to the same page in the other language."""

from __future__ import annotations

import pytest
from conftest import axe_violations, open_page
from test_site import pages_of


@pytest.mark.slow
@pytest.mark.parametrize("half", [0, 1], ids=["first-half", "second-half"])
def test_every_page_is_clean_accessible_and_switches_language(site, watch, half):
    """Each page of both languages once (in two halves, which two workers can share): no console
    error and nothing from another origin (the watch), no axe violation, and the header's language
    switch leads to the same page in the other language. An English page is reached through its
    French page's switch, and its own switch leads back."""
    page = watch.page
    assert pages_of(site, "en") == pages_of(site, "fr")
    problems = {}
    for path in pages_of(site, "fr")[half::2]:
        open_page(page, f"/{path}")
        for here, there, lang in ((path, f"en/{path}", "en"), (f"en/{path}", path, "fr")):
            found = axe_violations(page)
            if found:
                problems[here] = found
            page.locator(".md-header .md-select").first.hover()
            open_page(page, follow=page.locator(f'.md-header .md-select__link[hreflang="{lang}"]'))
            assert page.url.endswith(f"/{there}"), (here, page.url)
            assert page.locator("html").get_attribute("lang") == lang
            page.mouse.move(0, 0)  # off the language menu: the page is judged at rest
    assert problems == {}


def test_404_page(site, watch, server):
    response = open_page(watch.page, "/404.html")
    assert response.ok
    assert watch.page.get_by_role("heading", name="Page introuvable").is_visible()
    assert axe_violations(watch.page) == []


@pytest.mark.parametrize(
    "path, query, expected, unexpected",
    [
        ("en/article/", "referral", "/en/techniques/suivi-des-recommandations/", "/techniques/"),
        ("article/", "recommandations", "/techniques/suivi-des-recommandations/", "/en/"),
    ],
)
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
