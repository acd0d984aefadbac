"""Lighthouse (npm lighthouse 12, mobile settings) on every kind of page in both languages, served
on localhost with gzip: performance ≥ 0.98, accessibility, best practices and SEO at 1.00."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM_FLAGS, ROOT, chromium_path

LIGHTHOUSE = ROOT / "tools/lighthouse/node_modules/.bin/lighthouse"
KINDS = ["", "article/", "techniques/attitude-positive/", "quiz/", "assessment/", "checklists/", "trainers/", "trainers/attitude-positive/", "trainers/answer-key/", "my-data/"]
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
PERFORMANCE_AUDITS = {"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"}


def lighthouse(url: str, report: Path) -> dict:
    if not LIGHTHOUSE.exists() or not shutil.which("node"):
        pytest.fail("Lighthouse is not installed: scripts/test.sh runs `npm ci` in tools/lighthouse")
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(TARGETS)}", f"--chrome-flags=--headless=new {' '.join(CHROMIUM_FLAGS)}",
    ]
    subprocess.run(command, check=True, timeout=180, env=dict(os.environ, CHROME_PATH=chromium_path()))
    return json.loads(report.read_text(encoding="utf-8"))


def shortfalls(result: dict) -> dict[str, list[str]]:
    """The categories under target, with the audits that cost points."""
    found = {}
    for name, target in TARGETS.items():
        category = result["categories"][name]
        if category["score"] < target:
            audits = [result["audits"][ref["id"]] for ref in category["auditRefs"] if ref["weight"] > 0]
            found[name] = [f"{a['id']} {a['score']} {a.get('displayValue', '')}" for a in audits if (a["score"] or 0) < 1]
    return found


@pytest.mark.parametrize("path", [p for kind in KINDS for p in (kind, f"en/{kind}")])
def test_lighthouse_scores(server, tmp_path, path):
    result = lighthouse(f"{server}/{path}", tmp_path / "report.json")
    assert "runtimeError" not in result, result.get("runtimeError")
    if "performance" in shortfalls(result):
        # Timing varies with the machine's load: as Lighthouse's docs advise, judge the median of
        # three runs (the other categories do not vary and are judged on the first)
        runs = [result] + [lighthouse(f"{server}/{path}", tmp_path / f"report-{n}.json") for n in (2, 3)]
        runs.sort(key=lambda run: run["categories"]["performance"]["score"])
        result["categories"]["performance"] = runs[1]["categories"]["performance"]
        result["audits"].update({k: v for k, v in runs[1]["audits"].items() if k in PERFORMANCE_AUDITS})
    assert shortfalls(result) == {}
