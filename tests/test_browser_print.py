"""A printed sheet in Chromium: each checklist and each trainer's plan prints whole, on one sheet of
A4 or US Letter at actual size, whatever margins the print dialog sets (from none to the browser's
default). Firefox prints the same sheets in its journeys (test_browser_firefox.py): it resolves
`vh` against the paper minus the dialog's margins, not the page's own margin, and a sheet sized in
`vh` spilled onto a second page there.

Each sheet is printed at the two corners of paper and margins where it is hardest to keep whole
(support/printed.py, CORNERS): A4 with no margin (the tallest `vh` there is: a sheet sized in `vh`
spills first) and Letter with the browser's default margins (the least room there is: a sheet of
fixed size spills first). The other two corners lie between them: A4 is narrower than Letter by
6 mm, which can add a line in thirty to a sheet 186 mm wide, and taller by 18 mm, which gives it a
line in fifteen more."""

from __future__ import annotations

import json

import pytest
from support.printed import CASES, CORNERS, PRESS, assert_one_sheet_each, case, pressed


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_sheets_print_whole_in_chromium(browser, server, site, name):
    path, expected = case(site, name)
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    try:
        page.goto(f"{server}/{path}")
        for paper, margin in CORNERS:
            if button := pressed(name):  # again for each print: the last one's afterprint unmarked it
                page.wait_for_selector(button)
                page.evaluate(PRESS.format(selector=json.dumps(button)))
            options = {} if margin == "default" else {"margin": dict.fromkeys(("top", "right", "bottom", "left"), margin)}
            assert_one_sheet_each(page.pdf(format=paper, **options), expected, f"Chromium {path} {paper} {margin}")
    finally:
        context.close()
