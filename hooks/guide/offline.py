"""The build the offline copy and the SCORM packages are made from (packaging.py runs it):
Material's `offline` plugin on, its search worker run in a frame by the iframe-worker shim, which
the copy ships (vendor/: the plugin would load it from a CDN) and each page's policy admits.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from .csp import script_source
from .html import json_script
from .pages import add_generated
from .routes import SHIM_DIR

VENDOR = Path(__file__).with_name("vendor") / "iframe-worker"  # iframe-worker 1.0.4 (MIT), from npm, unchanged
FRAME_SCRIPT = "frame-script.json"  # the script the shim writes into its frame, around the worker's address


def ship_shim(config) -> None:
    """The offline plugin loads iframe-worker from a CDN unless a polyfill already names it: the
    copy's own instead (on_config, after the plugin's)."""
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, f"{SHIM_DIR}shim.js"]


def add_shim(files: Files, config) -> None:
    for name in ("shim.js", "LICENSE"):
        add_generated(files, config, SHIM_DIR + name, (VENDOR / name).read_text(encoding="utf-8"))


@functools.cache
def _frame_script() -> tuple[str, str]:
    """The inline script iframe-worker writes into the frame it runs a worker in, split where the
    worker's address goes: pinned as data beside the shim (frame-script.json, checked against the
    shim's code by tests/test_architecture.py), for the shim whose SHA-256 it names."""
    pinned = json.loads((VENDOR / FRAME_SCRIPT).read_text(encoding="utf-8"))
    if hashlib.sha256((VENDOR / "shim.js").read_bytes()).hexdigest() != pinned["shim_sha256"]:
        raise PluginError(f"{VENDOR / 'shim.js'}: not the iframe-worker shim this build knows how to admit")
    return pinned["before"], pinned["after"]


def frame_script_sources(html: str) -> list[str]:
    """The policy source of the script iframe-worker writes into its frame for this page's search
    worker (the frame inherits the page's policy): Material hands the shim the worker's address
    as the page's `__config` gives it, relative to the page."""
    worker = json.loads(json_script(html, "__config")).get("search")
    if not worker:
        return []
    before, after = _frame_script()
    return [script_source(f"{before}{worker}{after}")]
