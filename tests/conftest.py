"""Shared fixtures: the hooks package on the path, one real site build per test session,
a localhost server over it, and headless Chromium (the system's, driven by Playwright)."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def build_site(target: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build` as a reader of the README runs it, into `target`."""
    command = [*MKDOCS, "build", "-q", "-f", str(config), "-d", str(target)] + (["--strict"] if strict else [])
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site") / "site"
    result = build_site(target)
    assert result.returncode == 0, result.stderr
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
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
