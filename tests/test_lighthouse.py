"""Lighthouse (npm lighthouse 12, mobile settings) once on every kind of page, half of them in
French and half in English, served on localhost with gzip: accessibility, best practices and SEO
at 1.00. These scores do not move with the machine's load; performance does, so it is measured
by the benchmark (bench/), never judged here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from support.browser import TEST_CHROMIUM_FLAGS, headless_shell_path
from support.project import ROOT
from support.site import kind_of, pages_of

TOOLS = ROOT / "tools"
LIGHTHOUSE = TOOLS / "node_modules/lighthouse"
# One page of each kind, half of the kinds in each language so that both are covered.
# (The embed pages, kept out of search engines by design, are checked with axe in test_browser_embed.py.)
PAGES = {
    "fr": ["", "techniques/attitude-positive/", "assessment/", "trainers/attitude-positive/"],
    "en": ["en/article/", "en/quiz/", "en/checklists/", "en/my-data/"],
}
TARGETS = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def lighthouse(urls: list[str], out) -> list[dict]:
    """The URLs through Lighthouse one after the other, with one Chrome and one Node process
    (tools/lighthouse.mjs): its results, in the same order. The Chrome is the tests' headless shell
    (speed: a quarter less CPU than the full browser; the same scores on every page)."""
    if not LIGHTHOUSE.exists() or not shutil.which("node"):
        pytest.fail("Lighthouse is not installed: scripts/test.sh runs `npm ci` in tools/")
    flags = " ".join(["--headless=new", *TEST_CHROMIUM_FLAGS])
    command = ["node", str(TOOLS / "lighthouse.mjs"), str(out), ",".join(TARGETS), flags, *urls]
    subprocess.run(command, env=dict(os.environ, CHROME_PATH=headless_shell_path()), check=True, timeout=600)
    return [json.loads((out / f"{n}.json").read_text(encoding="utf-8")) for n in range(len(urls))]


def shortfalls(result: dict) -> dict[str, list[str]]:
    """The categories under target, with the audits that cost points."""
    found = {}
    for name, target in TARGETS.items():
        category = result["categories"][name]
        if category["score"] < target:
            audits = [result["audits"][ref["id"]] for ref in category["auditRefs"] if ref["weight"] > 0]
            found[name] = [f"{a['id']} {a['score']} {a.get('displayValue', '')}" for a in audits if (a["score"] or 0) < 1]
    return found


def test_every_kind_of_page_is_covered_once(site):
    kinds = {kind_of(path) for path in pages_of(site, "fr")}
    chosen = [kind_of(path.removeprefix("en/")) for pages in PAGES.values() for path in pages]
    assert sorted(chosen) == sorted(kinds)


@pytest.mark.slow
def test_lighthouse_scores(server, tmp_path):
    paths = [path for pages in PAGES.values() for path in pages]
    found = dict(zip(paths, lighthouse([f"{server}/{path}" for path in paths], tmp_path)))
    assert {path: r.get("runtimeError") for path, r in found.items()} == {path: None for path in found}
    assert [r["finalDisplayedUrl"] for r in found.values()] == [f"{server}/{path}" for path in found]
    assert {path: shortfalls(r) for path, r in found.items()} == {path: {} for path in found}
    # the machine benchmark, which only informs performance figures, was skipped (tools/lighthouse.mjs)
    assert {r["environment"]["benchmarkIndex"] for r in found.values()} == {-1}
