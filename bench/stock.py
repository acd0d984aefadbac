"""The guide side by side with stock Material, in one run (issue: "As fast as the stock theme").

Lighthouse's timings move with the machine's load, so a number on its own says little: the
benchmark builds a stock Material + static-i18n site from the guide's own pages (widget markers
removed, no hooks, no overrides, no palette, `font: false`), serves both the same way (gzip, on
127.0.0.1) and runs Lighthouse on the same page of each, alternating guide and stock, then
compares the medians. Targets: first and largest contentful paint within 3 % of stock,
performance 1.00, and on text pages at most 10 KiB more transferred than stock.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from support.browser import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from support.builds import build_site  # noqa: E402
from support.server import free_port, serve  # noqa: E402

# (label, path, text page?): a text page must also stay within stock + 10 KiB of transfer
PAGES = [
    ("Article (text), fr", "article/", True),
    ("Article (text), en", "en/article/", True),
    ("Technique (widgets), fr", "techniques/attitude-positive/", False),
    ("Technique (widgets), en", "en/techniques/attitude-positive/", False),
]
MARKER = re.compile(r"^[ \t]*<!-- guide:[^\n]*-->[ \t]*\n", re.M)
HEAD = re.compile(r"<head>(.*?)</head>", re.S)
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*>")
SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[^>]*>")
HREF_OR_SRC = re.compile(r"\b(?:href|src)=\"?([^\" >]+)")


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name): only plain keys are needed."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _top_level_block(text: str, key: str) -> str:
    """The lines of one top-level key of a YAML file, verbatim (keeps its !!python/name tags)."""
    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", text, re.S | re.M)
    return match.group(0)


def stock_project(work: Path, site_url: str) -> Path:
    """A stock Material + static-i18n project over the guide's pages, as the issue describes it.

    Same texts, names and Markdown extensions (none of them is the guide's own), so any difference
    in the measures comes from the guide's theme settings, overrides and hooks.
    """
    project = work / "stock"
    docs = project / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("*.yml"))
    for page in docs.rglob("*.md"):  # every page, so both sites' navigation has the same entries
        page.write_text(MARKER.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    guide = yaml.load(text, Loader=_AnyTagLoader)
    i18n = next(plugin["i18n"] for plugin in guide["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    config = {
        "site_name": guide["site_name"],
        "site_description": guide["site_description"],
        "site_url": site_url,
        "copyright": guide["copyright"],
        "theme": {"name": "material", "language": "fr", "font": False},
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "languages": [
                        {"locale": "fr", "name": "Français", "default": True},
                        {"locale": "en", "name": "English", **{k: english[k] for k in ("site_name", "site_description", "copyright")}},
                    ],
                }
            },
        ],
    }
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False) + _top_level_block(text, "markdown_extensions"), encoding="utf-8"
    )
    return project / "mkdocs.yml"


def render_blocking(html: str) -> list[str]:
    """What the page's <head> makes the browser fetch before it can paint: stylesheets and
    classic scripts (neither async, defer nor module). Read from the HTML, so it is exact:
    Lighthouse's `render-blocking-resources` lists only requests costing 50 ms or more, and with
    Chromium 156 it fails (its trace engine reads a missing `frame_sequence`)."""
    head = HEAD.search(html).group(1)
    tags = STYLESHEET.findall(head) + [tag for tag in SCRIPT.findall(head) if not re.search(r"\b(async|defer)\b|type=\"?module", tag)]
    return [HREF_OR_SRC.search(tag).group(1).rsplit("/", 1)[-1] for tag in tags]


def lighthouse(urls: list[str]) -> list[dict[str, float]]:
    """Lighthouse's performance run on each URL in turn (tools/lighthouse.mjs, the driver the tests
    use): each run's measures."""
    if not (ROOT / "tools/node_modules/lighthouse").exists():
        raise RuntimeError("Lighthouse is not installed: npm ci --prefix tools")
    env = dict(os.environ, CHROME_PATH=chromium_path())
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    with tempfile.TemporaryDirectory() as out:
        command = ["node", str(ROOT / "tools/lighthouse.mjs"), out, "performance", flags, *urls]
        subprocess.run(command, env=env, check=True)
        results = [json.loads((Path(out) / f"{n}.json").read_text(encoding="utf-8")) for n in range(len(urls))]
    return [
        {
            "fcp": result["audits"]["first-contentful-paint"]["numericValue"],
            "lcp": result["audits"]["largest-contentful-paint"]["numericValue"],
            "score": result["categories"]["performance"]["score"],
            "bytes": result["audits"]["total-byte-weight"]["numericValue"],
        }
        for result in results
    ]


@dataclass
class Side:
    """One site's runs on one page."""

    blocking: list[str]
    runs: list[dict[str, float]] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(run[key] for run in self.runs)


def compare(work: Path, rounds: int = 5) -> tuple[list[list[str]], bool]:
    """Builds and serves both sites, runs Lighthouse on each page of each site in turn; returns
    the table's rows and whether every target is met."""
    ports = {"guide": free_port(), "stock": free_port()}
    origins = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    sites = {"guide": work / "guide-site", "stock": work / "stock-site"}
    configs = {"guide": ROOT / "mkdocs.yml", "stock": stock_project(work, f"{origins['stock']}/")}
    for name in sites:
        built = build_site(sites[name], configs[name], strict=name == "guide", GUIDE_PDFS="off", GUIDE_SITE_URL=f"{origins[name]}/")
        if built.returncode:
            raise RuntimeError(f"{name} site did not build:\n{built.stderr}")
    # guide, stock, stock, guide, guide, …: neither site always runs first; one cold run first, not counted
    order = [(None, "guide", "")] + [
        (page, name, page[1])
        for page in PAGES
        for n in range(rounds)
        for name in (("guide", "stock") if n % 2 == 0 else ("stock", "guide"))
    ]
    sides = {
        (page, name): Side(render_blocking((sites[name] / page[1] / "index.html").read_text(encoding="utf-8")))
        for page in PAGES
        for name in sites
    }
    servers = [serve(sites[name], ports[name]) for name in sites]
    try:
        for measures, (page, name, path) in zip(lighthouse([f"{origins[name]}/{path}" for _, name, path in order]), order, strict=True):
            print(f"  {name} /{path}: FCP {measures['fcp']:.0f} ms, LCP {measures['lcp']:.0f} ms", file=sys.stderr)
            if page:
                sides[page, name].runs.append(measures)
    finally:
        for httpd in servers:
            httpd.shutdown()
    rows = [_row(page[0], sides[page, "guide"], sides[page, "stock"], page[2]) for page in PAGES]
    return [row for row, _ in rows], all(met for _, met in rows)


def _row(label: str, guide: Side, stock: Side, text_page: bool) -> tuple[list[str], bool]:
    fcp, lcp = guide.median("fcp") / stock.median("fcp"), guide.median("lcp") / stock.median("lcp")
    extra_kib = (guide.median("bytes") - stock.median("bytes")) / 1024
    checks = {"FCP": fcp <= 1.03, "LCP": lcp <= 1.03, "perf": guide.median("score") >= 1.0}
    if text_page:
        checks["bytes"] = extra_kib <= 10
    return [
        label,
        f"{guide.median('fcp') / 1000:.2f} s / {stock.median('fcp') / 1000:.2f} s = ×{fcp:.3f}",
        f"{guide.median('lcp') / 1000:.2f} s / {stock.median('lcp') / 1000:.2f} s = ×{lcp:.3f}",
        f"{guide.median('score'):.2f} / {stock.median('score'):.2f}",
        f"{guide.median('bytes') / 1024:.1f} / {stock.median('bytes') / 1024:.1f} KiB ({extra_kib:+.1f})",
        f"{len(guide.blocking)}: {', '.join(guide.blocking)} / {len(stock.blocking)}: {', '.join(stock.blocking)}",
        " ".join(f"{name} {'✓' if ok else '✗'}" for name, ok in checks.items()),
    ], all(checks.values())


HEADER = [
    "Page",
    "FCP guide / stock",
    "LCP guide / stock",
    "Performance guide / stock",
    "Transfer guide / stock",
    "Blocking the first paint: guide / stock",
    "Met",
]


def table(rows: list[list[str]], rounds: int, seconds: float) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + (
        f"\n\nLighthouse 12.2.3, mobile defaults (simulated throttling), both sites served with gzip on "
        f"127.0.0.1 by the tests' server (HTTP/1.0: one connection per request); medians of "
        f"{rounds} runs per site, alternating. Targets: FCP and LCP ≤ ×1.03 of stock, performance 1.00, "
        f'text pages\' transfer ≤ stock + 10 KiB. "Blocking" lists the stylesheets and classic scripts '
        f"in each page's <head>. The comparison took {seconds / 60:.1f} min.\n"
    )


def run(work: Path, rounds: int = 5) -> tuple[str, bool]:
    start = time.perf_counter()
    rows, met = compare(work, rounds)
    return table(rows, rounds, time.perf_counter() - start), met
