"""The one accessibility check: axe-core, as axe-playwright-python pins and ships it."""

from __future__ import annotations

import functools

AXE_WAIT_FOR_REST = """async () => {
    for (let round = 0; round < 20; round++) {
        const running = document.getAnimations().filter(a => a.playState === "running");
        if (!running.length) return;
        await Promise.race([Promise.allSettled(running.map(a => a.finished)), new Promise(r => setTimeout(r, 1000))]);
    }
}"""


@functools.cache
def axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


# Every rule (best practices included; colour contrast unless told otherwise); only the violations
# come back, each with its first nodes.
AXE_RUN = """async (contrast) => (await axe.run(document, {
        resultTypes: ["violations"], rules: {"color-contrast": {enabled: contrast}}})).violations
    .map(v => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 5).map(n => n.target))}`)"""


def axe_violations(page, contrast: bool = True) -> list[str]:
    """What axe-core finds on the page as it is now, colours judged at rest (no animation or
    transition running). Speed: axe is put in a document once, however often it is checked;
    `contrast=False` skips colour contrast, four fifths of axe's time, where a page's twin in the
    other language (the same theme and markup, other words) is judged with it."""
    page.evaluate(AXE_WAIT_FOR_REST)
    if not page.evaluate("typeof window.axe?.run === 'function'"):
        page.evaluate(axe_script())
    return page.evaluate(AXE_RUN, contrast)
