"""Headless Chromium for the tests: its flags, the watch on a page, the shared context, the one
way to open a page, and the record the widgets save."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from support.project import ROOT

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The tests' Chromium only, never the benchmark's. Speed: a page here lives too short for V8's
# optimising compilers to pay back (--max-opt=1), and one renderer per site opens a page sooner.
TEST_CHROMIUM_FLAGS = [*CHROMIUM_FLAGS, "--js-flags=--max-opt=1", "--process-per-site"]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("No Chromium found: install Debian's chromium package (.ci/run does)")


def headless_shell_path() -> str:
    """The browser of most tests: Chromium's headless shell (Debian's chromium-headless-shell), the
    one Playwright itself runs headless tests in. Speed: a page costs it a third less CPU than the
    full browser; the tests that need the full one (installing the guide, the back/forward cache)
    and the benchmark use `chromium_path()`."""
    found = shutil.which("chromium-headless-shell")
    if found is None:
        pytest.fail("No Chromium headless shell found: install Debian's chromium-headless-shell package (.ci/run does)")
    return found


class PageWatch:
    """A page that records console errors, failed requests and requests to other origins."""

    def __init__(self, page, origin: str):
        self.page, self.origin = page, origin
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        # a request cut short by leaving the page (net::ERR_ABORTED) is not a fault of the page
        page.on("requestfailed", lambda r: "ABORTED" not in (r.failure or "") and self.errors.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status}: {r.url}"))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"
        )
        page.on("request", lambda r: not r.url.startswith((origin, "data:", "blob:", "about:")) and self.foreign.append(r.url))


def assert_clean(watch: PageWatch, also: str | None = None) -> None:
    """What the watched page did so far: no request to another origin (but `also`, if given), no
    console error, no failed request, no policy violation. Each test that watches a page ends with it."""
    foreign = [url for url in watch.foreign if not (also and url.startswith(also))]
    assert foreign == [], f"requests to other origins: {foreign}"
    assert watch.errors == [], f"console errors: {watch.errors}"


# A document that runs nothing, answered by the tests themselves (quiet_documents) at any address.
QUIET_PATH = "/guide-tests-quiet.html"
QUIET_HTML = '<!doctype html><title>quiet</title><link rel="icon" href="data:,">'


def quiet_documents(page, pattern: str = f"**{QUIET_PATH}") -> str:
    """Has `page` given QUIET_HTML for every address matching `pattern` (a route); returns it."""
    page.route(pattern, lambda route: route.fulfill(body=QUIET_HTML, content_type="text/html"))
    return pattern


# Speed: Material's search worker indexes every page of the language on each page load, a third of
# what a page costs the tests' Chromium. A page whose test does not search gets a worker with an
# index of nothing (`Worker.quiet`): it answers Material's messages as the real one does (set up:
# ready; a query: no result), so search is at rest as a reader sees it, and finds nothing;
# `real_search` gives a test Material's own. Pages from disk keep theirs: iframe-worker, which runs
# their search, takes the name `Worker` back.
REAL_SEARCH = "guide-tests-search=real"  # a cookie: init scripts cannot be taken back, cookies can
QUIET_SEARCH = """(() => {
    try { if (document.cookie.includes("REAL_SEARCH")) return; } catch { /* a sandboxed frame: no cookie */ }
    const Real = self.Worker;
    const Worker = function (url, options) {
        if (!/\\/workers\\/search\\.[0-9a-f]+\\.min\\.js$/.test(String(url))) return new Real(url, options);
        const quiet = new EventTarget();
        const answer = (data) => setTimeout(() => quiet.dispatchEvent(new MessageEvent("message", { data })));
        quiet.postMessage = ({ type }) => {
            if (type === 0) answer({ type: 1 }); // Material's SETUP: READY
            else if (type === 2) answer({ type: 3, data: { items: [] } }); // QUERY: a RESULT of nothing
        };
        quiet.terminate = () => {};
        return quiet;
    };
    Worker.quiet = true;
    self.Worker = Worker;
})();""".replace("REAL_SEARCH", REAL_SEARCH)


def quiet_search(context):
    """`context`, its pages given a search worker that does nothing (QUIET_SEARCH)."""
    context.add_init_script(QUIET_SEARCH)
    return context


def real_search(context, origin: str) -> None:
    """Material's own search worker for the pages of `origin` in `context`, until the test ends
    (`SharedContext.empty` clears cookies)."""
    name, value = REAL_SEARCH.split("=")
    context.add_cookies([{"name": name, "value": value, "url": origin}])


class SharedContext:
    """Speed: one browser context for all of a worker's tests (a fresh one per test doubles a page's
    cost), emptied after each test (`empty`: pages, every visited origin's storage, cookies,
    permissions, routes), with a `keeper` page open all along that empties storage from a quiet
    document at each origin, so nothing is still being cleared when the next test writes."""

    def __init__(self, browser, base_url: str, folder: Path):
        # service workers blocked: the guide's would precache the whole site in every test (tests/test_browser_pocket.py has its own)
        self.context = quiet_search(browser.new_context(base_url=base_url, accept_downloads=True, service_workers="block"))
        self.keeper = self.context.new_page()
        quiet_documents(self.keeper, "**/*")  # whichever origin it goes to, even one whose server has stopped
        self.quiet_file = folder / "quiet.html"  # every file shares one storage: "file://"
        self.quiet_file.write_text(QUIET_HTML, encoding="utf-8")
        self.visited: set[str] = set()
        self.context.on("page", lambda page: page.on("framenavigated", lambda frame: self.visited.add(origin_of(frame.url))))

    def empty(self) -> None:
        for page in self.context.pages:
            if page != self.keeper:
                page.close()
        for origin in sorted(self.visited - {None}):
            self.keeper.goto(self.quiet_file.as_uri() if origin == "file://" else origin + QUIET_PATH)
            self.keeper.evaluate("localStorage.clear()")
        self.visited.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        self.context.unroute_all()


def origin_of(url: str) -> str | None:
    """The origin whose storage a document at `url` uses ("file://" for every file); None for a
    document with no storage of its own to empty (about:blank, data:, an error page)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file://"
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


NOT_MOUNTED = "[data-guide-widget]:not([data-mounted])"  # every widget's root, marked once guide.js has mounted it

# Run in a page a worker controls: the controllerchange event Firefox fires when the first worker,
# having taken the page over, becomes active (the same worker announced again); then, 500 ms later,
# how the page was opened and how many times this ran in the tab: ["navigate", "1"] if the page
# stayed (puppeteer runs it again in a page that reloaded meanwhile; Playwright fails).
SAME_WORKER_AGAIN = """() => {
  const runs = String(Number(sessionStorage.getItem("guide-tests-runs")) + 1);
  sessionStorage.setItem("guide-tests-runs", runs);
  navigator.serviceWorker.dispatchEvent(new Event("controllerchange"));
  return new Promise((done) => setTimeout(() => done([performance.getEntriesByType("navigation")[0].type, runs]), 500));
}"""


def open_page(page, path: str | None = None, *, follow=None, saved: dict | str | None = None):
    """Opens a page and returns when a reader could use it: loaded, and every widget on it mounted.
    With `path`, goes there; with `follow` (a locator), clicks that link and waits for the page it
    leads to; with neither, reloads. With `saved`, the page opens over that record, as an earlier
    visit would have left it (written from a quiet document of the same origin, so the page itself
    loads once). The one place that says when a page is ready."""
    from playwright.sync_api import expect

    if saved is not None:
        assert path is not None, "a record is saved before a page opened by its path"
        route = quiet_documents(page)
        page.goto(urljoin(path, QUIET_PATH) if "://" in path else QUIET_PATH)
        page.unroute(route)
        store(page, saved)
    if follow is not None:
        with page.expect_navigation() as navigation:
            follow.click()
        response = navigation.value
    else:
        response = page.reload() if path is None else page.goto(path)
    expect(page.locator(NOT_MOUNTED)).to_have_count(0)
    return response


def reload(page):
    return open_page(page)


# The one localStorage record the widgets share, under the key record.js defines (storage.js uses it).
STORAGE_KEY = re.search(r'^export const KEY = "([^"]+)";', (ROOT / "overrides/assets/guide/record.js").read_text(encoding="utf-8"), re.M)[1]


def stored_text(page) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)


def stored(page) -> dict | None:
    text = stored_text(page)
    return None if text is None else json.loads(text)


def store(page, data: dict | str) -> None:
    """Puts a record where the widgets read it: a dict as JSON, a string as it is (to test bad ones)."""
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, data if isinstance(data, str) else json.dumps(data)])
