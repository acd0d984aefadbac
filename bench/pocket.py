"""The guide in the pocket on a slow phone network (issue #23, "Fast on the second visit"): a page's
first contentful paint on the first visit, beside a repeat visit's, served from the service
worker's cache; and, for reference, a repeat visit where no worker runs (the browser's HTTP cache
only: the tests' server, like many hosts, has the browser check each file again, `no-cache` with an
ETag, so each costs a round trip).

Chromium with the benchmark's flags (not the tests'), a new profile on disk for each round, each
tab's network throttled through the DevTools protocol (Network.emulateNetworkConditions: 400 ms
round trip, 400 kbit/s each way; the CPU is not slowed). The site is built as `mkdocs build` makes
it (no packages), and served with gzip on 127.0.0.1 by the tests' server. A round:
the first visit (nothing kept), the worker left to keep the page's language, the page closed, then
the repeat visit in a new tab. Target: the repeat visit paints first in at most half the time.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))
from guide.pocket import read_precache, sizes  # noqa: E402
from support.browser import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from support.builds import build_site  # noqa: E402
from support.server import serve  # noqa: E402

PAGES = [("Article (text), fr", "article/"), ("Technique (widgets), en", "en/techniques/remercier/")]
KBIT = 1000 / 8  # bytes per second in one kbit/s
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400 * KBIT, "uploadThroughput": 400 * KBIT}
FCP = "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime"


def visit(context, url: str) -> float:
    """A new tab on the slow network opens `url`: its first contentful paint, in seconds; the tab stays open."""
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW)
    page.goto(url)
    page.wait_for_function(f"() => ({FCP})() !== undefined")
    return page.evaluate(FCP) / 1000


def round_trip(playwright, url: str, workers: bool) -> tuple[float, float]:
    """First and repeat visit's first contentful paint in a new profile."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path(), args=CHROMIUM_FLAGS, service_workers="allow" if workers else "block"
        )
        try:
            first = visit(context, url)
            page = context.pages[-1]
            if workers:
                page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
            else:
                page.wait_for_load_state("networkidle")
            page.close()
            return first, visit(context, url)
        finally:
            context.close()


def run(work: Path, rounds: int = 3) -> tuple[str, bool]:
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    site = work / "pocket-site"
    result = build_site(site, GUIDE_SITE_URL=None, GUIDE_PACKAGES="off")
    if result.returncode:
        raise SystemExit(result.stderr)
    precache = read_precache(site)
    kept, pdfs = sizes(site, precache), precache["downloads"]
    httpd = serve(site)
    base = f"http://127.0.0.1:{httpd.server_port}/"
    rows, met = [], True
    try:
        with sync_playwright() as playwright:
            for label, path in PAGES:
                firsts, repeats, cached_only = [], [], []
                for _ in range(rounds):
                    first, repeat = round_trip(playwright, base + path, workers=True)
                    firsts.append(first)
                    repeats.append(repeat)
                    cached_only.append(round_trip(playwright, base + path, workers=False)[1])
                a, b, c = (statistics.median(x) for x in (firsts, repeats, cached_only))
                ok = b <= a / 2
                met = met and ok
                rows.append(f"| {label} | {a:.2f} s | {b:.2f} s (×{b / a:.2f}) | {c:.2f} s | {'✓' if ok else '✗'} |")
                print(f"{label}: first {a:.2f} s, repeat {b:.2f} s, repeat without worker {c:.2f} s", file=sys.stderr)
    finally:
        httpd.shutdown()
    table = [
        "| Page | First visit FCP | Repeat visit FCP, from the worker's cache | Repeat visit FCP, no worker (HTTP cache) | Met |",
        "|---|---|---|---|---|",
        *rows,
    ]
    weight = "; ".join(f"{lang}: {size / 1024:.0f} KiB in {count} files" for lang, (size, count) in kept.items())
    note = (
        f"\n\nWhat the worker keeps for a reader of one language (the shared files and the language's, as "
        f"built, before gzip): {weight}; the {len(pdfs)} PDFs are kept only once opened."
    )
    note += (
        f"\n\nChromium, network throttled per tab (Network.emulateNetworkConditions: 400 ms round trip, 400 kbit/s "
        f"each way), CPU not slowed; a new profile per round; the site served with gzip on 127.0.0.1 by the "
        f"tests' server; medians of {rounds} rounds. Target: the repeat visit paints first in at most half the "
        f"first visit's time. The comparison took {(time.perf_counter() - start) / 60:.1f} min.\n"
    )
    return "\n".join(table) + note, met
