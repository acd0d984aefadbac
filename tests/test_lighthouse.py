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
from conftest import CHROMIUM_FLAGS, ROOT, chromium_path

TOOLS = ROOT / "tools"
LIGHTHOUSE = TOOLS / "node_modules/lighthouse"
# One page of each kind, half of the kinds in each language so that both are covered.
# (The embed pages, kept out of search engines by design, are checked with axe in test_browser_embed.py.)
PAGES = {
    "fr": ["", "techniques/attitude-positive/", "assessment/", "trainers/attitude-positive/"],
    "en": ["en/article/", "en/quiz/", "en/checklists/", "en/my-data/"],
}
TARGETS = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def lighthouse(batches: dict[str, list[str]], out) -> dict[str, list[dict]]:
    """Every batch of URLs through Lighthouse: one Chrome and one Node process per batch
    (tools/lighthouse.mjs), its pages one after the other, the batches side by side (a run mostly
    waits for the page to be quiet)."""
    if not LIGHTHOUSE.exists() or not shutil.which("node"):
        pytest.fail("Lighthouse is not installed: scripts/test.sh runs `npm ci` in tools/")
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    env = dict(os.environ, CHROME_PATH=chromium_path())
    runs = {}
    try:
        for name, urls in batches.items():
            (out / name).mkdir()
            command = ["node", str(TOOLS / "lighthouse.mjs"), str(out / name), ",".join(TARGETS), flags, *urls]
            runs[name] = subprocess.Popen(command, env=env)
        for name, run in runs.items():
            assert run.wait(timeout=600) == 0, f"Lighthouse ({name}) ended with status {run.returncode}"
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
                run.wait()
    return {
        name: [json.loads((out / name / f"{n}.json").read_text(encoding="utf-8")) for n in range(len(urls))]
        for name, urls in batches.items()
    }


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
    from test_site import pages_of

    kinds = {path.split("/")[0] for path in pages_of(site, "fr")}  # techniques/… count as one kind
    chosen = [path.removeprefix("en/").split("/")[0] for pages in PAGES.values() for path in pages]
    assert sorted(chosen) == sorted(kinds)


@pytest.mark.slow
def test_lighthouse_scores(server, tmp_path):
    results = lighthouse({lang: [f"{server}/{path}" for path in pages] for lang, pages in PAGES.items()}, tmp_path)
    found = {path: result for lang, pages in PAGES.items() for path, result in zip(pages, results[lang])}
    assert {path: r.get("runtimeError") for path, r in found.items()} == {path: None for path in found}
    assert [r["finalDisplayedUrl"] for r in found.values()] == [f"{server}/{path}" for path in found]
    assert {path: shortfalls(r) for path, r in found.items()} == {path: {} for path in found}
