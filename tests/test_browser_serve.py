"""`mkdocs serve` as an editor uses it: a saved page or content file shows in the open browser
by itself, under the same Content-Security-Policy as the built site (no violation logged)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
from support.browser import PageWatch, assert_clean
from support.project import ROOT
from support.server import free_port

# Imported by the `serve` process at start (PYTHONPATH): every template Jinja compiles in an
# environment given a cache of compiled templates (hooks/events.py gives MkDocs' own one), by name.
NOTE_COMPILED = """import os, jinja2
_compile = jinja2.Environment.compile
def compile(self, source, name=None, *args, **kwargs):
    if self.bytecode_cache is not None:
        with open(os.environ["COMPILED_LOG"], "a", encoding="utf-8") as log:
            log.write(str(name) + "\\n")
    return _compile(self, source, name, *args, **kwargs)
jinja2.Environment.compile = compile
"""


@pytest.fixture
def served(tmp_path):
    for part in ["docs", "hooks", "overrides", "mkdocs.yml"]:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / part)
    port = free_port()
    (tmp_path / "watch" / "sitecustomize.py").parent.mkdir()
    (tmp_path / "watch" / "sitecustomize.py").write_text(NOTE_COMPILED, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(tmp_path / "watch"), COMPILED_LOG=str(tmp_path / "compiled.log"))
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    origin = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{origin}/", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("mkdocs serve did not start")
            time.sleep(0.3)
    yield tmp_path, origin
    process.terminate()
    process.wait(timeout=20)


def test_a_saved_page_and_a_saved_content_file_show_by_themselves(browser, served):
    project, origin = served
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    watch = PageWatch(page, origin)
    page.goto(f"{origin}/techniques/remercier/")
    page.wait_for_selector("[data-guide-widget][data-mounted]")
    # a page saved: the open page reloads and shows it
    source = project / "docs/techniques/remercier.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nUne ligne ajoutée par un formateur.\n", encoding="utf-8")
    page.get_by_text("Une ligne ajoutée par un formateur.").wait_for(timeout=60_000)
    # a content file saved: the widget shows the new text
    content = project / "docs/techniques/remercier.yml"
    text = content.read_text(encoding="utf-8")
    first_item = re.search(r"checklist:\n  before:\n    - id: [a-z0-9-]+\n      text:\n        fr: (.*)\n", text)
    content.write_text(
        text.replace(first_item.group(0), first_item.group(0).replace(first_item.group(1), '"Un élément modifié à chaud."')),
        encoding="utf-8",
    )
    page.get_by_text("Un élément modifié à chaud.").first.wait_for(timeout=60_000)
    assert_clean(watch)
    context.close()
    assert watch.foreign == []
    assert watch.errors == []  # no CSP violation: the live-reload script is admitted
    # the theme's templates compiled once in the session: not again for the other language, nor
    # at either rebuild
    log = project / "compiled.log"
    compiled = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    assert "main.html" in compiled and "partials/header.html" in compiled
    assert len(compiled) == len(set(compiled))
