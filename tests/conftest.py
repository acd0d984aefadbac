"""Shared fixtures and helpers: the hooks package on the path, the guide's content read once, one
real site build per test session, a localhost server over it, headless Chromium (the system's,
driven by Playwright), the one way to open a page, the one axe check, the saved record."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guide.content import load_guide  # noqa: E402  (needs hooks/ on the path)

LANGUAGES = ("fr", "en")  # the site's, as mkdocs.yml declares them
GUIDE = load_guide(ROOT / "docs", ROOT, LANGUAGES)  # the guide's content, as the build reads it
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The tests' Chromium only, never the benchmark's (which times pages as readers get them). A page
# here lives a second or two, too short for V8's optimising compilers (Maglev, TurboFan) to pay
# back their work: with the baseline compiler alone, loading and checking a page takes about 15 %
# less processor time, and scripts behave the same. The pages of one site (all the servers here
# are on 127.0.0.1) share a renderer process instead of starting one per tab: a new page opens
# about a fifth sooner; each page keeps its own documents, scripts and storage rules as before.
TEST_CHROMIUM_FLAGS = [*CHROMIUM_FLAGS, "--js-flags=--max-opt=1", "--process-per-site"]


class MkDocsWorker:
    """Runs `mkdocs` command lines through tests/mkdocs_worker.py: MkDocs is imported once, and
    each command runs in a child forked from that state, as from a fresh shell (a failed build
    costs a tenth of a second instead of the half second Python takes to start and import)."""

    process: subprocess.Popen | None = None

    @classmethod
    def run(cls, args: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
        if cls.process is None or cls.process.poll() is not None:
            cls.process = subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "mkdocs_worker.py")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                start_new_session=True,
            )
        process = cls.process
        process.stdin.write(json.dumps({"args": args, "cwd": str(cwd), "env": env}) + "\n")
        process.stdin.flush()
        if not select.select([process.stdout], [], [], timeout)[0]:
            cls.stop()
            raise subprocess.TimeoutExpired([*MKDOCS, *args], timeout)
        line = process.stdout.readline()
        if not line:
            cls.stop()
            pytest.fail("tests/mkdocs_worker.py ended without an answer")
        answer = json.loads(line)
        return subprocess.CompletedProcess([*MKDOCS, *args], answer["returncode"], answer["stdout"], answer["stderr"])

    @classmethod
    def stop(cls) -> None:
        if cls.process is not None:
            cls.process.stdin.close()
            try:
                cls.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                cls.process.kill()
            cls.process = None

    @classmethod
    def kill(cls) -> None:
        """Ends the worker and the build it runs, if any (they share a process group)."""
        if cls.process is not None:
            os.killpg(cls.process.pid, signal.SIGKILL)
            cls.process.wait()
            cls.process = None


def pytest_sessionfinish(session):
    shared = session.config.stash.get(SHARED_SITE, None)
    if shared is not None:
        shared.cancel()  # the tests are over: a build still running (a run of a few tests) is not waited for
    MkDocsWorker.stop()


NEEDS_A_SITE = {"site", "site_build", "site_without_address", "server", "packages"}


def pytest_collection_modifyitems(items):
    """First the tests that need no built site (they run while the sites build), then the slow
    ones, so that parallel workers end together (the order is otherwise kept)."""
    items.sort(key=lambda item: (bool(NEEDS_A_SITE & set(item.fixturenames)), item.get_closest_marker("slow") is None))


def build_site(
    target: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True, **env_vars: str | None
) -> subprocess.CompletedProcess:
    """`mkdocs build` as a reader of the README runs it, into `target` (a variable given as None
    is left unset). Not quiet: MkDocs' `-q` hides warnings from `--strict` too, which then lets
    them through."""
    args = ["build", "-f", str(config), "-d", str(target)] + (["--strict"] if strict else [])
    return MkDocsWorker.run(args, config.parent, {"NO_MKDOCS_2_WARNING": "1", **env_vars})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def origin(pytestconfig) -> str:
    """Where the test site is served; it is built for that address, as a published site is."""
    shared = shared_site(pytestconfig)
    return shared["origin"] if shared else f"http://127.0.0.1:{free_port()}"


# The sites the tests build, each as `mkdocs build` makes it with these variables: the published one
# (for the address the tests serve it at) and the one built when nobody says where it is published.
SITES = {
    "site": lambda origin: {"GUIDE_SITE_URL": f"{origin}/"},
    # the packages, always built without an address, are the published site's (`packages`)
    "site-without-address": lambda origin: {"GUIDE_SITE_URL": None, "GUIDE_PACKAGES": "off"},
}


def build_with_own_temporary_folder(name: str, folder: Path, origin: str) -> dict:
    """Builds SITES[name] into folder/name, with a temporary folder of its own (TMPDIR): the
    outcome, and what the build left in that folder (`leftovers`)."""
    temporary = folder / f"{name}.tmp"
    temporary.mkdir()
    try:
        result = build_site(folder / name, TMPDIR=str(temporary), **SITES[name](origin))
        outcome = {"returncode": result.returncode, "stderr": result.stderr}
    except BaseException as error:  # the tests must hear of it, whatever it is
        outcome = {"returncode": -1, "stderr": repr(error)}
    return {**outcome, "leftovers": sorted(p.name for p in temporary.iterdir())}


def _built(name: str, pytestconfig, tmp_path_factory, origin: str) -> tuple[Path, dict]:
    shared = shared_site(pytestconfig)
    if shared:
        folder = Path(shared["folder"])
        outcome = SharedSite.wait(folder, name)
    else:
        folder = tmp_path_factory.mktemp(name)
        outcome = build_with_own_temporary_folder(name, folder, origin)
    assert outcome["returncode"] == 0, outcome["stderr"]
    return folder / name, outcome


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, origin, pytestconfig) -> tuple[Path, dict]:
    """The published site: where it is, and how its build went (`build_with_own_temporary_folder`)."""
    return _built("site", pytestconfig, tmp_path_factory, origin)


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def packages(site, tmp_path_factory) -> dict[str, Path]:
    """The guide to take away, as the site offers it in downloads/ (hooks/guide/packaging.py), each
    zip unzipped once: "offline" is the folder the offline copy's zip holds, "scorm-<lang>" each
    language's SCORM package."""
    import zipfile

    from guide.routes import NAME, OFFLINE_ZIP, scorm_zip

    root = tmp_path_factory.mktemp("packages")
    zips = {"offline": OFFLINE_ZIP, **{f"scorm-{lang}": scorm_zip(lang) for lang in LANGUAGES}}
    for name, path in zips.items():
        with zipfile.ZipFile(site / path) as archive:
            archive.extractall(root / name)
    return {name: root / name / NAME if name == "offline" else root / name for name in zips}


@pytest.fixture(scope="session")
def site_without_address(tmp_path_factory, origin, pytestconfig) -> Path:
    """The site built as it is when nobody says where it is published (no GUIDE_SITE_URL)."""
    return _built("site-without-address", pytestconfig, tmp_path_factory, origin)[0]


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: text compressed with gzip, quietly."""

    COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"})

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # the redirect to the folder's URL
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class StaticServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser left before the answer was sent (a page closed or left mid-load)
        super().handle_error(request, client_address)


def serve(directory: Path, port: int = 0):
    """A static server over `directory` on 127.0.0.1 (a free port by default), in a thread."""
    handler = functools.partial(StaticHandler, directory=str(directory))
    httpd = StaticServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="session")
def server(site, origin, pytestconfig):
    if shared_site(pytestconfig):
        yield origin  # served by the process that runs the workers
        return
    httpd = serve(site, int(origin.rsplit(":", 1)[1]))
    yield origin
    httpd.shutdown()


class SharedSite:
    """With parallel workers (pytest -n, pytest-xdist), the process that runs them builds the
    sites (SITES) once, one after the other in the background while the workers start and run the
    tests that need no site, and serves the published one for as long as they run; each worker is
    told where (pytest_configure_node) and waits for a site in its fixture."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="guide-tests-"))
        (self.folder / "site").mkdir()
        self.httpd = serve(self.folder / "site")
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.cancelled = False
        self.thread = threading.Thread(target=self.build, daemon=True)
        self.thread.start()

    def build(self) -> None:
        for name in SITES:
            if self.cancelled:
                return
            outcome = build_with_own_temporary_folder(name, self.folder, self.origin)
            partial = self.folder / f"{name}.json.partial"
            partial.write_text(json.dumps(outcome), encoding="utf-8")
            partial.replace(self.folder / f"{name}.json")

    @staticmethod
    def wait(folder: Path, name: str, timeout: float = 600) -> dict:
        built, deadline = folder / f"{name}.json", time.monotonic() + timeout
        while not built.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"the shared build of {name} took more than {timeout} s")
            time.sleep(0.05)
        return json.loads(built.read_text(encoding="utf-8"))

    def cancel(self) -> None:
        self.cancelled = True
        if self.thread.is_alive():
            MkDocsWorker.kill()

    def workerinput(self) -> dict:
        return {"folder": str(self.folder), "origin": self.origin}

    def stop(self) -> None:
        self.thread.join(timeout=600)
        self.httpd.shutdown()
        shutil.rmtree(self.folder, ignore_errors=True)


SHARED_SITE = pytest.StashKey[SharedSite]()


def shared_site(config) -> dict | None:
    """In a worker of a parallel run, where the shared site is; None otherwise."""
    return getattr(config, "workerinput", {}).get("guide_site")


def pytest_configure(config):
    parallel = getattr(config.option, "dist", "no") != "no" and not config.option.collectonly
    if parallel and not hasattr(config, "workerinput"):
        config.stash[SHARED_SITE] = SharedSite()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    if SHARED_SITE in node.config.stash:
        node.workerinput["guide_site"] = node.config.stash[SHARED_SITE].workerinput()


def pytest_unconfigure(config):
    if SHARED_SITE in config.stash:
        config.stash[SHARED_SITE].stop()


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("No Chromium found: install Debian's chromium package (.ci/run does)")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=TEST_CHROMIUM_FLAGS)
        yield instance
        instance.close()


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


# A document that runs nothing, answered by the tests themselves (quiet_documents) at any address.
QUIET_PATH = "/guide-tests-quiet.html"
QUIET_HTML = '<!doctype html><title>quiet</title><link rel="icon" href="data:,">'


def quiet_documents(page, pattern: str = f"**{QUIET_PATH}") -> str:
    """Has `page` given QUIET_HTML for every address matching `pattern` (a route); returns it."""
    page.route(pattern, lambda route: route.fulfill(body=QUIET_HTML, content_type="text/html"))
    return pattern


class SharedContext:
    """One browser context for all of a worker's tests, emptied after each: a test gets fresh pages
    (their own tab state: listeners, scripts, session storage, viewport, media) in a context that
    holds nothing from the tests before (the local storage of every origin its pages visited,
    cookies, permissions, routes). A fresh context for each test would double the processor time
    of a test that opens a page (nothing cached, nothing compiled); this one also keeps a page
    open for the whole run (`keeper`), which lets a new page start sooner. Storage is emptied as a
    page empties it, from the keeper at each origin (where it is always given QUIET_HTML), so
    that nothing is still being cleared once the next test writes."""

    def __init__(self, browser, base_url: str, folder: Path):
        self.context = browser.new_context(base_url=base_url, accept_downloads=True)
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


@pytest.fixture(scope="session")
def shared_context(browser, server, tmp_path_factory) -> SharedContext:
    return SharedContext(browser, server, tmp_path_factory.mktemp("shared-context"))


@pytest.fixture
def context(shared_context):
    """The browser context a test opens its pages in: the worker's one, empty (SharedContext)."""
    yield shared_context.context
    shared_context.empty()


@pytest.fixture
def watch(context, server):
    page = context.new_page()
    watcher = PageWatch(page, server)
    yield watcher
    assert watcher.foreign == [], f"requests to other origins: {watcher.foreign}"
    assert watcher.errors == [], f"console errors: {watcher.errors}"


NOT_MOUNTED = "[data-guide-widget]:not([data-mounted])"  # every widget's root, marked once guide.js has mounted it


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


AXE_WAIT_FOR_REST = """async () => {
    for (let round = 0; round < 20; round++) {
        const running = document.getAnimations().filter(a => a.playState === "running");
        if (!running.length) return;
        await Promise.race([Promise.allSettled(running.map(a => a.finished)), new Promise(r => setTimeout(r, 1000))]);
    }
}"""


@functools.cache
def axe_script() -> str:
    """axe-core, as axe-playwright-python pins and ships it."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


# Every rule (best practices included); only the violations come back, each with its first nodes.
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
    .map(v => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 5).map(n => n.target))}`)"""


def axe_violations(page) -> list[str]:
    """What axe-core finds on the page as it is now. Colours are judged at rest: once no animation
    or transition runs (Material fades its "back to top" button on scroll, links change colour on
    hover and focus). axe is put in a document once, however often the document is checked."""
    page.evaluate(AXE_WAIT_FOR_REST)
    if not page.evaluate("typeof window.axe?.run === 'function'"):
        page.evaluate(axe_script())
    return page.evaluate(AXE_RUN)


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


# --- printed sheets: what a phone reads from them, where their text ends -------------------------

MM = 72 / 25.4  # PDF points in a millimetre


@dataclass
class PrintedSheet:
    """One page of a PDF as a reader of the paper sees it: its text, the QR codes a phone reads
    from its image, and how far from the sheet's bottom edge its text ends."""

    text: str
    qr_codes: list[str]
    width_mm: float
    height_mm: float
    text_bottom_mm: float  # from the bottom edge to the lowest character's bottom


def printed_sheets(pdf: bytes | Path) -> list[PrintedSheet]:
    """Each page rendered at 108 dpi (about 3 pixels a module for a 27 mm code) and read by
    zxing-cpp, a reader independent of the encoder the guide uses (segno)."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    pages = []
    try:
        for page in document:
            width, height = page.get_size()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            bottoms = [textpage.get_charbox(i)[1] for i in range(min(len(text), textpage.count_chars())) if not text[i].isspace()]
            image = page.render(scale=1.5).to_pil()
            codes = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
            pages.append(PrintedSheet(text, codes, width / MM, height / MM, min(bottoms, default=height) / MM))
    finally:
        document.close()
    return pages
