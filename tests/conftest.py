"""Shared fixtures: the hooks package on the path, one real site build per test session,
a localhost server over it, and headless Chromium (the system's, driven by Playwright)."""
from __future__ import annotations

import functools
import gzip
import io
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def build_site(target: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True, **env_vars: str | None) -> subprocess.CompletedProcess:
    """`mkdocs build` as a reader of the README runs it, into `target` (a variable given as None
    is left unset)."""
    command = [*MKDOCS, "build", "-q", "-f", str(config), "-d", str(target)] + (["--strict"] if strict else [])
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name, value in env_vars.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True, timeout=600)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def origin() -> str:
    """Where the test site is served; it is built for that address, as a published site is."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def site(tmp_path_factory, origin) -> Path:
    target = tmp_path_factory.mktemp("site") / "site"
    result = build_site(target, GUIDE_SITE_URL=f"{origin}/")
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def site_without_address(tmp_path_factory) -> Path:
    """The site built as it is when nobody says where it is published (no GUIDE_SITE_URL)."""
    target = tmp_path_factory.mktemp("site-without-address") / "site"
    result = build_site(target, GUIDE_SITE_URL=None)
    assert result.returncode == 0, result.stderr
    return target


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: text compressed with gzip, quietly."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}

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


def serve(directory: Path, port: int = 0):
    """A static server over `directory` on 127.0.0.1 (a free port by default), in a thread."""
    handler = functools.partial(StaticHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="session")
def server(site, origin):
    httpd = serve(site, int(origin.rsplit(":", 1)[1]))
    yield origin
    httpd.shutdown()


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
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
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


@pytest.fixture
def context(browser, server):
    ctx = browser.new_context(base_url=server, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def watch(context, server):
    page = context.new_page()
    watcher = PageWatch(page, server)
    yield watcher
    assert watcher.foreign == [], f"requests to other origins: {watcher.foreign}"
    assert watcher.errors == [], f"console errors: {watcher.errors}"


def settle(page) -> None:
    """Lets the page's own loading end (Material's search worker fetches lunr files after `load`)."""
    page.wait_for_load_state("networkidle")


def go(page, path: str) -> None:
    if page.url != "about:blank":
        settle(page)
    page.goto(path)


def reload(page) -> None:
    settle(page)
    page.reload()


# The one localStorage record the widgets share (overrides/assets/guide/storage.js).
STORAGE_KEY = "networking-guide"


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
