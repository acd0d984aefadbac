"""The guide in the pocket (issue #23), in Chromium. The published site is served from a sub-folder
of another server, and each journey opens it in a browser profile of its own on disk that lets
service workers run (every other context of the suite blocks them; Chromium reports an incognito
context as not installable): installable in both languages; after one visit a worker controls
the sub-folder (an embed page registers none); with the network off every page of the language opens
with its widgets (in two halves, which two workers can share), a tick and a quiz survive a reload, search answers, the
other language once visited, a PDF once fetched; a second version published in place of the first
is offered on the open page and shown by its button, another tab reloading with it, and a page
back in view after five minutes asks for it. In the suite's own context (workers blocked): the browser
is asked once to keep the storage, a tick made before the guide's script runs survives, and the
browser's form restoration on reload and back does not bring back a tick. The offline copy
(file://) and a SCORM package register no worker. Nothing leaves the origin, no policy violation,
no console error (the watch)."""

from __future__ import annotations

import io
import json
import re
from urllib.parse import urljoin

import pytest
from guide.csp import WORKER_POLICY
from guide.routes import WEB_MANIFEST, WORKER
from PIL import Image
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import (
    QUIET_PATH,
    SAME_WORKER_AGAIN,
    TEST_CHROMIUM_FLAGS,
    PageWatch,
    assert_clean,
    chromium_path,
    open_page,
    quiet_documents,
    store,
    stored,
)
from support.project import GUIDE, LANGS, SLUGS
from support.server import serve
from support.site import pages_of
from support.versions import (
    ADDED,
    CACHES,
    CHANGED,
    MARK,
    NEW_TEXT,
    NOTICE,
    OFFERED,
    READY,
    SHOW,
    VERSION_2,
    VERSION_3,
    kept,
    serve_versions,
    versioned,
)
from support.widgets import FORM, QUIZ, answer, right

SLUG = CHANGED
BOX = f"[data-guide-checklist={SLUG}] input[type=checkbox]"


@pytest.fixture(scope="module")
def versions(site, tmp_path_factory):
    """The published site as version 1 and version 2 beside it (support/versions.py), version 1
    served from a sub-folder."""
    served = serve_versions(site, tmp_path_factory.mktemp("pocket"))
    yield served
    served.server.shutdown()


@pytest.fixture(scope="module")
def pocket_browser(browser, tmp_path_factory):
    """Chromium with a profile on disk (it reports an incognito context as not installable), service
    workers allowed: the only context of the suite that lets them run. The full browser: the
    headless shell reports no installability error even for a page with no manifest."""
    context = browser.browser_type.launch_persistent_context(
        tmp_path_factory.mktemp("profile"), executable_path=chromium_path(), args=TEST_CHROMIUM_FLAGS, service_workers="allow"
    )
    yield context
    context.close()


@pytest.fixture
def profile(pocket_browser, versions):
    """That browser as a first-time reader finds it (nothing of the guide's origin kept: no worker,
    cache, HTTP cache or storage), version 1 served, the network on, one new page open."""
    versions.publish(versions.first)
    for page in pocket_browser.pages:
        page.close()
    page = pocket_browser.new_page()
    cdp = pocket_browser.new_cdp_session(page)
    cdp.send("Storage.clearDataForOrigin", {"origin": versions.origin, "storageTypes": "all"})
    cdp.send("Network.clearBrowserCache")  # the HTTP cache too: another test's version 2 files are kept a year
    yield pocket_browser
    pocket_browser.set_offline(False)


def controlled(page) -> str:
    """Waits until a worker controls the page; its registration's scope."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    return page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.scope)")


def cached(page) -> dict[str, set[str]]:
    """What the guide's caches hold: cache name → addresses (without their revision)."""
    return kept(page.evaluate(CACHES))


def wait_until_kept(page, addresses: set[str]) -> None:
    """Until one of the worker's caches holds every address (a language it adds)."""
    for _ in range(200):
        if any(addresses <= urls for urls in cached(page).values()):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"never kept: {sorted(addresses - set().union(*cached(page).values()))[:5]}")


def french_kept(profile, versions) -> PageWatch:
    """A reader's first visit, to a French technique page of version 1, until the worker keeps
    every French file; the page, watched."""
    watch = PageWatch(profile.pages[0], versions.origin)
    open_page(watch.page, versions.base + f"techniques/{SLUG}/")
    controlled(watch.page)
    wait_until_kept(watch.page, versions.files_of(versions.first, "fr"))
    return watch


def installability_errors(context, page) -> list:
    return context.new_cdp_session(page).send("Page.getInstallabilityErrors")["installabilityErrors"]


def offline_pages(page, versions, half: int) -> None:
    """Every other page of the reader's language (`half`: which of the two halves), the network off:
    each opens with its widgets mounted (open_page), every answer from the worker."""
    responses = []
    page.on("response", lambda response: responses.append(response))
    for path in pages_of(versions.first, "fr")[half::2]:
        open_page(page, versions.base + path)
    assert responses and [r.url for r in responses if not r.from_service_worker] == []


@pytest.mark.slow
def test_one_visit_installs_the_guide_for_its_folder_then_half_of_its_pages_work_offline(profile, versions):
    """No worker from an embed page; one visit: a worker for the sub-folder, installable in both
    languages (manifests and icons as declared); the network off: half of the pages of the
    language with their widgets, a quiz and a tick kept, a PDF fetched once before."""
    base = versions.base
    watch = PageWatch(profile.pages[0], versions.origin)
    page = watch.page
    open_page(page, base + f"embed/{SLUG}/checklist/")  # a widget in another site's frame
    page.wait_for_timeout(300)
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.locator("link[rel=manifest], script[data-worker]").count() == 0
    open_page(page, base + f"techniques/{SLUG}/")
    assert controlled(page) == base
    assert page.request.get(base + WORKER).headers["content-security-policy"] == WORKER_POLICY  # the worker ran under it
    assert versions.files_of(versions.first, "fr") <= set().union(*cached(page).values())
    assert installability_errors(profile, page) == []
    pdf = base + f"pdf/checklist-{SLUG}.pdf"
    assert not [url for urls in cached(page).values() for url in urls if url.endswith(".pdf")]  # PDFs: never precached …
    assert page.evaluate("url => fetch(url).then(r => r.status)", pdf) == 200  # … fetched once
    open_page(page, base + "en/")
    assert installability_errors(profile, page) == []
    for lang, prefix in LANGS.items():
        address = base + prefix + WEB_MANIFEST
        manifest = json.loads(page.request.get(address).body())
        assert manifest["lang"] == lang and manifest["display"] == "standalone" and manifest["start_url"] == "./"
        for icon in manifest["icons"]:
            image = Image.open(io.BytesIO(page.request.get(urljoin(address, icon["src"])).body()))
            assert f"{image.width}x{image.height}" == icon["sizes"], icon
        assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}
    profile.set_offline(True)
    offline_pages(page, versions, 0)
    assert page.evaluate("url => fetch(url).then(r => r.status)", pdf) == 200  # … and kept
    # a quiz and a tick survive a reload
    open_page(page, base + "quiz/")
    answer(page, right)
    page.locator(f"{FORM} button[type=submit]").click()
    open_page(page)
    expect(page.locator(f"{FORM} input:checked")).to_have_count(sum(len(right(q)) for q in QUIZ.questions))
    open_page(page, base + f"techniques/{SLUG}/")
    page.locator(BOX).first.check()
    open_page(page)
    expect(page.locator(BOX).first).to_be_checked()
    assert_clean(watch)


@pytest.mark.slow
def test_offline_the_other_half_of_the_pages_search_and_the_other_language_once_visited(profile, versions):
    base = versions.base
    watch = PageWatch(profile.pages[0], versions.origin)
    page = watch.page
    open_page(page, base)
    controlled(page)
    open_page(page, base + "en/")  # the other language, visited once
    wait_until_kept(page, versions.files_of(versions.first, "en"))
    profile.set_offline(True)
    offline_pages(page, versions, 1)
    # search, in the reader's language
    page.locator(".md-search__input").click()
    page.keyboard.type("pianiste")
    results = page.locator(".md-search-result__link")
    results.first.wait_for()
    found = [re.sub(r"[?#].*", "", href) for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert base + "article/" in found and not [href for href in found if href.startswith(base + "en/")]
    page.keyboard.press("Escape")
    # the other language, visited once online: its pages and widgets
    for path in ["en/", f"en/techniques/{SLUG}/", "en/assessment/", "en/my-data/"]:
        open_page(page, base + path)
    assert_clean(watch)


def test_offline_a_page_of_a_language_never_opened_says_so_and_leads_to_the_kept_one(profile, versions):
    """A reader who only ever opened the French pages chooses English with the network off: not the
    browser's error page, but a page in English that says it is not kept yet, with the same page in
    French, which opens whole."""
    base = versions.base
    watch = french_kept(profile, versions)
    page = watch.page
    profile.set_offline(True)
    response = page.goto(base + f"en/techniques/{SLUG}/")
    assert response.from_service_worker
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Offline")
    expect(page.locator("body")).to_contain_text("This page is not saved on this device yet: open it once you are online, and it will be.")
    link = page.get_by_role("link", name="Cette page en français")
    assert link.get_attribute("href") == base + f"techniques/{SLUG}/" and link.get_attribute("lang") == "fr"
    assert axe_violations(page) == []
    open_page(page, follow=link)
    expect(page.locator(f'[data-guide-checklist="{SLUG}"]')).to_be_visible()
    # an address typed without its last slash (the host would add it), or no page at all
    open_page(page, base + f"techniques/{SLUG}")
    assert page.url == base + f"techniques/{SLUG}/"
    response = page.goto(base + "nulle-part/")
    assert response.from_service_worker
    expect(page.locator("h1")).to_have_text("Hors connexion")
    assert_clean(watch)


def test_a_new_version_is_offered_on_the_open_page_and_shown_by_its_button(profile, versions):
    """The notice's button shows version 2, and another tab of the guide reloads with it (its
    version-1 page would otherwise run beside version 2's worker); the same worker announced again
    reloads nothing."""
    base = versions.base
    watch = PageWatch(profile.pages[0], versions.origin)
    other = PageWatch(profile.new_page(), versions.origin)
    page = watch.page
    open_page(page, base + f"techniques/{SLUG}/")
    controlled(page)
    open_page(other.page, base + "checklists/")
    controlled(other.page)
    before = cached(page)
    assert page.evaluate(SAME_WORKER_AGAIN) == ["navigate", "1"]  # no reload
    versions.publish(versions.second)
    open_page(page)  # the browser looks for a new worker on each visit; the page still comes from version 1, whole
    expect(page.locator(VERSION_2)).to_have_count(0)
    notice = page.locator(NOTICE)
    expect(notice).to_contain_text(READY, timeout=30_000)  # once version 2 is kept whole
    expect(other.page.locator(NOTICE)).to_contain_text(READY)  # offered in the other tab too
    button = notice.get_by_role("button", name=SHOW)
    with other.page.expect_navigation(), page.expect_navigation():
        button.click()
    expect(page.locator(VERSION_2)).to_have_text(NEW_TEXT)
    expect(page.locator(OFFERED)).to_have_count(0)
    expect(other.page.locator(OFFERED)).to_have_count(0)
    assert other.page.url == base + "checklists/"
    assert_clean(other)
    after = cached(page)
    old, new = versioned(before), versioned(after)
    assert len(old) == len(new) == 1 and not old & new  # the old version's cache deleted
    assert versions.files_of(versions.second, "fr") <= after[new.pop()]  # the new one holds version 2 whole
    assert_clean(watch)


def test_pages_of_a_newer_version_run_its_files_and_are_never_kept_under_the_older(profile, versions):
    """Version 2 published while version 1's worker runs: a page only version 2 has (a QR code's
    link) runs version 2's script, not version 1's from the cache; a language first opened then,
    with version 2 waiting, is not added to version 1's cache with version 2's files (offline, the
    page says it is not kept: it will be, by version 2)."""
    base = versions.base
    watch = french_kept(profile, versions)
    page = watch.page
    assert page.evaluate(MARK) is None  # version 1's script
    [first] = versioned(cached(page))
    versions.publish(versions.second)
    open_page(page, base + ADDED)
    assert page.evaluate(MARK) == 2
    expect(page.locator(NOTICE)).to_contain_text(READY, timeout=30_000)  # version 2 installed, waiting
    open_page(page, base + f"en/techniques/{SLUG}/")
    assert page.evaluate(MARK) == 2  # from the network: the English pages are kept by neither version yet
    for _ in range(30):  # three seconds: version 1 began keeping a language within one before
        assert not {url for url in cached(page).get(first, ()) if url.startswith(base + "en/")}
        page.wait_for_timeout(100)
    # version 2 shown, as a reader would: no worker left waiting for the next test to meet
    with page.expect_navigation():
        page.locator(NOTICE).get_by_role("button", name="Show the new version").click()  # on the English page
    assert page.evaluate(MARK) == 2
    assert_clean(watch)


def test_an_install_cut_short_keeps_what_it_had_and_the_next_visit_finishes_it(profile, versions):
    """One file the worker cannot have on the first visit (a connection dropped at an event, a host's
    fault): nothing is offline yet, but every other file is kept, so the next visit fetches only
    what it lacks and the guide is in the pocket (before, every page view fetched all of them again)."""
    base = versions.base
    versions.publish(versions.second)
    extras = versions.second / "assets/guide/extras.js"
    hidden = extras.with_name("extras.js.away")
    extras.rename(hidden)
    try:
        watch = PageWatch(profile.pages[0], versions.origin)
        page = watch.page
        open_page(page, base + "article/")
        wanted = versions.files_of(versions.second, "fr")
        for _ in range(100):  # until the install has failed, with everything else kept
            if any(wanted - {base + "assets/guide/extras.js"} <= urls for urls in cached(page).values()):
                break
            page.wait_for_timeout(100)
        assert not any(wanted <= urls for urls in cached(page).values())
        assert any(wanted - {base + "assets/guide/extras.js"} <= urls for urls in cached(page).values())
        assert page.evaluate("navigator.serviceWorker.controller") is None
    finally:
        hidden.rename(extras)
    open_page(page, base + "article/")
    controlled(page)
    wait_until_kept(page, wanted)
    assert_clean(watch)


def test_a_page_back_in_view_after_five_minutes_asks_for_a_new_version(profile, versions):
    """A page left open (a phone in a pocket) asks for a new version when it comes back in view five
    minutes or more after it last did, and offers it; sooner, it asks nothing. The page's clock is
    Playwright's, moved on; a headless page is never hidden, so the browser's event is dispatched.
    A third version published while the second is offered takes its place, and the notice's button
    shows the third (the second's worker is gone by then)."""
    watch = PageWatch(profile.pages[0], versions.origin)
    page = watch.page
    page.clock.install()
    page.add_init_script(
        "const update = ServiceWorkerRegistration.prototype.update; window.updates = 0;"
        "ServiceWorkerRegistration.prototype.update = function () { window.updates++; return update.call(this); };"
    )
    open_page(page, versions.base + f"techniques/{SLUG}/")
    controlled(page)
    versions.publish(versions.second)
    back_in_view = "() => document.dispatchEvent(new Event('visibilitychange'))"
    page.clock.fast_forward("04:00")
    page.evaluate(back_in_view)
    assert page.evaluate("() => window.updates") == 0  # four minutes: nothing asked
    page.clock.fast_forward("05:01")
    page.evaluate(back_in_view)
    assert page.evaluate("() => window.updates") == 1  # five since it last came back in view
    expect(page.locator(NOTICE)).to_contain_text(READY, timeout=30_000)
    page.evaluate("async () => { window.offered = (await navigator.serviceWorker.getRegistration()).waiting; }")
    versions.publish(versions.third)
    page.clock.fast_forward("05:01")
    page.evaluate(back_in_view)
    assert page.evaluate("() => window.updates") == 2
    replaced = (
        "async () => { const waiting = (await navigator.serviceWorker.getRegistration()).waiting; return waiting !== window.offered; }"
    )
    for _ in range(300):  # the page's timers are Playwright's clock: polled from here
        if page.evaluate(replaced):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("() => window.offered.state") == "redundant"  # version 2's worker, which the notice offered
    with page.expect_navigation(timeout=10_000):
        page.locator(NOTICE).get_by_role("button", name=SHOW).click()
    expect(page.locator(VERSION_3)).to_have_count(1)
    assert_clean(watch)


def test_the_browser_is_asked_once_to_keep_what_the_reader_saved_and_my_data_says_whether_it_does(watch):
    page = watch.page
    page.add_init_script(
        "window.persistCalls = 0; navigator.storage.persisted = async () => window.persistKept === true;"
        "navigator.storage.persist = async () => { window.persistCalls++; return false; };"
    )
    open_page(page, f"/techniques/{SLUG}/")
    assert page.evaluate("() => window.persistCalls") == 0  # nothing saved yet: nothing asked
    page.locator(BOX).nth(0).check()
    page.wait_for_function("() => window.persistCalls === 1")
    page.locator(BOX).nth(1).check()
    page.locator(BOX).nth(2).check()
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.persistCalls") == 1
    open_page(page, "/my-data/")
    expect(page.locator("[data-persisted]")).to_have_text(re.compile(r"^Ce navigateur peut effacer ces données"))
    page.add_init_script("window.persistKept = true;")
    open_page(page, "/en/my-data/")
    expect(page.locator("[data-persisted]")).to_have_text("This browser keeps this data: it will not clear it to make room.")
    assert_clean(watch)


def test_a_tick_made_before_the_guides_script_runs_is_kept_and_saved(watch):
    page = watch.page
    items = [item.id for point in GUIDE.techniques[SLUGS.index(SLUG)].checklist for item in point.items][:2]
    boxes = [page.locator(f"#cl-{SLUG}-{item}") for item in items]
    route = quiet_documents(page)  # an earlier visit saved the first item's tick
    page.goto(QUIET_PATH)
    page.unroute(route)
    store(page, {"version": 1, "checklists": {SLUG: {"ticked": items[:1]}}})
    held = []
    page.route("**/assets/guide/guide.js", lambda route: held.append(route))  # the guide's script held back, as on a slow network
    page.goto(f"/techniques/{SLUG}/", wait_until="commit")
    boxes[1].check()  # the page is there, its script not yet: the reader ticks the second item
    for _ in range(100):  # the parser may reach the script's tag after the box: until it is asked for
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1 and not page.locator(f"[data-guide-checklist={SLUG}][data-mounted]").count()
    held[0].continue_()
    expect(page.locator(f"[data-guide-checklist={SLUG}][data-mounted]")).to_have_count(1)
    expect(boxes[0]).to_be_checked()  # what was saved
    expect(boxes[1]).to_be_checked()  # and what the reader ticked before the script ran
    assert stored(page)["checklists"][SLUG]["ticked"] == items
    page.unroute("**/assets/guide/guide.js")
    open_page(page)
    expect(boxes[1]).to_be_checked()
    assert_clean(watch)


def test_the_browsers_form_restoration_brings_back_no_tick_on_reload_or_back(watch):
    page = watch.page
    open_page(page, f"/techniques/{SLUG}/")
    box = page.locator(BOX).first
    box.check()
    # elsewhere, the tick is taken back (the checklists page, in the other language); back: not ticked
    open_page(page, "/en/checklists/")
    page.locator(BOX).first.uncheck()
    page.go_back()
    expect(page.locator(f"[data-guide-checklist={SLUG}][data-mounted]")).to_have_count(1)
    expect(box).not_to_be_checked()
    assert stored(page)["checklists"][SLUG]["ticked"] == []
    # ticked again, then erased behind the page's back: a reload shows nothing ticked
    box.check()
    store(page, {"version": 1})
    open_page(page)
    expect(box).not_to_be_checked()
    assert_clean(watch)


def test_neither_the_offline_copy_nor_a_scorm_package_registers_a_worker(profile, packages):
    page = profile.pages[0]
    watch = PageWatch(page, "file://")
    open_page(page, packages["offline"].as_uri() + f"/techniques/{SLUG}.html")
    assert page.locator("link[rel=manifest], script[data-worker]").count() == 0
    assert_clean(watch)
    httpd = serve(packages["scorm-fr"])
    try:
        origin = f"http://127.0.0.1:{httpd.server_port}"
        watch = PageWatch(profile.new_page(), origin)
        watch.page.goto(f"{origin}/launch.html")
        guide = watch.page.frame_locator("iframe")
        expect(guide.locator("h1").first).to_be_visible()
        watch.page.wait_for_timeout(500)
        assert watch.page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        assert guide.locator("link[rel=manifest], script[data-worker]").count() == 0
        assert_clean(watch)
    finally:
        httpd.shutdown()
