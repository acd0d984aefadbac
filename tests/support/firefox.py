"""Debian's Firefox ESR for the tests, driven by a Node script of tools/ (puppeteer-core over
WebDriver BiDi, nothing downloaded): one run of a driver over a list of jobs, its JSON answer back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from support.project import ROOT

FIREFOX = "/usr/bin/firefox-esr"


def run_driver(script: str, jobs: list, folder: Path, timeout: float) -> dict:
    """`tools/<script>` over `jobs` (written to `folder`), in one Firefox: what it printed, as JSON."""
    if not shutil.which(FIREFOX):
        pytest.fail("No Firefox found: install Debian's firefox-esr (scripts/test.sh does)")
    (folder / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
    done = subprocess.run(
        ["node", str(ROOT / "tools" / script), str(folder / "jobs.json")],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={"FIREFOX": FIREFOX, "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(folder)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
