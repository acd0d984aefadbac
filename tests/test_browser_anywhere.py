"""One built site, served from another address than the one it was built for, in a sub-folder:
every page clean (console, requests, policy) and accessible, the language switch, search in the
reader's language and saved ticks all work. Both a default build (no GUIDE_SITE_URL, `mkdocs
build` as the README gives it) and the published one."""

from __future__ import annotations

import shutil
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import PageWatch, assert_clean, open_page, real_search
from support.server import serve
from support.site import expected_pages, pages_of

FOLDER = "formation/guide"
BUILDS = {"default": "site_without_address", "published": "site"}  # the conftest fixture of each


@pytest.fixture(scope="module", params=list(BUILDS))
def elsewhere(request, tmp_path_factory):
    """The site in a sub-folder of another server (another port: another origin)."""
    root = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(request.getfixturevalue(BUILDS[request.param]), root / FOLDER)
    httpd = serve(root)
    yield f"http://127.0.0.1:{httpd.server_port}/{FOLDER}/", root / FOLDER
    httpd.shutdown()


@pytest.fixture
def visit(context, elsewhere):
    """A watched page, and where the moved site is: the test ends with `assert_clean(watch)`."""
    base, _ = elsewhere
    watch = PageWatch(context.new_page(), base.split(f"/{FOLDER}/")[0])
    return watch, base


KINDS = ["", "article/", "techniques/remercier/", "quiz/", "assessment/", "checklists/", "my-data/"]
KINDS += ["trainers/", "trainers/remercier/", "trainers/answer-key/"]
EMBEDS = ["embed/remercier/quiz/", "en/embed/remercier/quiz/"]  # a widget alone: no header, no language switch
# Where the every-page pass judges colour contrast (four fifths of axe's time): a page of each kind,
# in one language, French and English in turn. The colours come from the theme and the kind of
# page (its template, its admonitions: quotes on a technique's page, a tip and a warning on the
# quiz and the answer key), not from the words: the twin of a page and another page of its kind
# show the same ones.
CONTRAST = {kind: ("fr", "en")[n % 2] for n, kind in enumerate(KINDS)}


@pytest.mark.slow
@pytest.mark.parametrize("elsewhere", ["default"], indirect=True)
@pytest.mark.parametrize("half", [0, 1], ids=["first-half", "second-half"])
def test_every_page_is_clean_accessible_and_switches_language(visit, elsewhere, half):
    """Every page of the default build in both languages (in two halves, which two workers can
    share): no console error, no failed request, nothing from another origin, no policy violation
    (the watch), no axe violation (colour contrast judged on a page of each kind, CONTRAST), and
    the header's language switch leads to the same page in the other language (the French page's
    switch is followed as a reader does, the English page's is read); an embed page in each
    language."""
    watch, base = visit
    page = watch.page
    _, folder = elsewhere
    assert pages_of(folder, "en") == pages_of(folder, "fr") == expected_pages()
    problems = {}
    for path in pages_of(folder, "fr")[half::2]:
        open_page(page, base + path)
        for here, own, lang, there in ((path, "fr", "en", f"en/{path}"), (f"en/{path}", "en", "fr", path)):
            assert page.locator("html").get_attribute("lang") == own, here
            found = axe_violations(page, contrast=own == CONTRAST.get(path))
            if found:
                problems[here] = found
            switch = page.locator(f'.md-header .md-select__link[hreflang="{lang}"]')
            if lang == "en":
                page.locator(".md-header .md-select").first.hover()
                open_page(page, follow=switch)
                page.mouse.move(0, 0)  # off the language menu: the page is judged at rest
                assert page.url == base + there, (here, page.url)
            else:
                assert urljoin(page.url, switch.get_attribute("href")) == base + there, here
    for path in EMBEDS[half::2]:
        open_page(page, base + path)
        problems.update({path: found} for found in [axe_violations(page)] if found)
    assert problems == {}
    assert_clean(watch)


@pytest.mark.parametrize("elsewhere", ["published"], indirect=True)
def test_a_page_of_each_kind_of_the_published_build_is_clean(visit):
    """The published build differs from the default one only in the absolute addresses it holds
    (canonical links, sheets' QR codes, oEmbed), made the same way on every page of a kind in
    either language: one page of each kind, the kinds shared between the languages, each with no
    axe violation (colour contrast aside: the theme and its colours are the default build's, judged
    in the every-page pass above) and nothing wrong in the watch, Material's own search running
    (what it loads is the same on every page of a language; the every-page pass runs the tests'
    quiet one, support/browser.py)."""
    watch, base = visit
    real_search(watch.page.context, watch.origin)
    problems = {}
    for n, kind in enumerate([*KINDS, EMBEDS[0]]):
        path = ("", "en/")[n % 2] + kind
        open_page(watch.page, base + path)
        problems.update({path: found} for found in [axe_violations(watch.page, contrast=False)] if found)
    assert problems == {}
    assert_clean(watch)


def test_the_language_switch_search_and_saved_ticks_work_from_a_sub_folder(visit):
    watch, base = visit
    page = watch.page
    real_search(page.context, watch.origin)
    page.goto(base + "techniques/remercier/")
    page.locator(".md-header .md-select").first.hover()
    with page.expect_navigation():
        page.locator('.md-header .md-select__link[hreflang="en"]').click()
    assert page.url == base + "en/techniques/remercier/"
    # search answers in the reader's language
    page.locator(".md-search__input").click()
    page.keyboard.type("referral")
    results = page.locator(".md-search-result__link")
    results.first.wait_for()
    hrefs = results.evaluate_all("els => els.map(e => e.href.split('?')[0])")
    assert hrefs and all(h.startswith(base + "en/") for h in hrefs)
    page.keyboard.press("Escape")
    # a tick survives a reload, and shows in the other language
    box = page.locator("[data-guide-checklist=remercier] input[type=checkbox]").first
    box.check()
    page.reload()
    expect(page.locator("[data-guide-checklist=remercier] input[type=checkbox]").first).to_be_checked()
    page.goto(base + "techniques/remercier/")
    expect(page.locator("[data-guide-checklist=remercier] input[type=checkbox]").first).to_be_checked()
    assert_clean(watch)
