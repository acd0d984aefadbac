"""One built site, served from another address than the one it was built for, in a sub-folder:
every page clean (console, requests, policy), the language switch, search in the reader's language
and saved ticks all work. Both a default build (no GUIDE_SITE_URL) and the published one."""

from __future__ import annotations

import shutil

import pytest
from conftest import PageWatch, serve
from playwright.sync_api import expect
from test_site import LANGS, pages_of

FOLDER = "formation/guide"


@pytest.fixture(scope="module", params=["default", "published"])
def elsewhere(request, tmp_path_factory, site, site_without_address):
    """The site in a sub-folder of another server (another port: another origin): the default
    build is `mkdocs build` as the README gives it, with no site address."""
    root = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(site_without_address if request.param == "default" else site, root / FOLDER)
    httpd = serve(root)
    yield f"http://127.0.0.1:{httpd.server_port}/{FOLDER}/", root / FOLDER
    httpd.shutdown()


@pytest.fixture
def visit(browser, elsewhere):
    base, _ = elsewhere
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, base.split(f"/{FOLDER}/")[0])
    yield watch, base
    context.close()
    assert watch.foreign == [], f"requests to other origins: {watch.foreign}"
    assert watch.errors == [], f"console errors: {watch.errors}"


# A page of each kind: the published build differs from the default one only in the absolute
# addresses it holds (canonical links, sheets' QR codes, oEmbed), the same on every page of a kind.
KINDS = ["", "article/", "techniques/remercier/", "quiz/", "assessment/", "checklists/", "my-data/"]
KINDS += ["trainers/", "trainers/remercier/", "trainers/answer-key/", "embed/remercier/quiz/"]


def test_every_page_is_clean_from_a_sub_folder_elsewhere(visit, elsewhere, request):
    """Every page of the default build, a page of each kind of the published one, in both languages."""
    watch, base = visit
    _, folder = elsewhere
    if request.node.callspec.params["elsewhere"] == "default":
        paths = [LANGS[lang] + path for lang in LANGS for path in pages_of(folder, lang)]
        assert len(paths) >= 28
    else:
        paths = [LANGS[lang] + path for lang in LANGS for path in KINDS]
    for path in paths:
        watch.page.goto(base + path)
        expect(watch.page.locator("[data-guide-widget]:not([data-mounted])")).to_have_count(0)  # the script ran
        assert watch.page.evaluate("() => document.styleSheets.length") >= 2, path  # Material's and the guide's


def test_the_language_switch_search_and_saved_ticks_work_from_a_sub_folder(visit):
    watch, base = visit
    page = watch.page
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
