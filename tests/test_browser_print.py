"""A printed sheet in two browsers: each checklist and each trainer's plan prints whole, on one
sheet of A4 or US Letter at actual size, whatever margins the print dialog sets (from none to the
browser's default), in Chromium (Playwright) and in Firefox (Debian's firefox-esr, driven over
WebDriver BiDi by tools/firefox-print.mjs). Firefox resolves `vh` against the paper minus the
dialog's margins, not the page's own margin: a sheet sized in `vh` spilled onto a second page there.

Each sheet is printed at the two corners of paper and margins where it is hardest to keep whole:
A4 with no margin (the tallest `vh` there is: a sheet sized in `vh` spills first) and Letter with
the browser's default margins (the least room there is: a sheet of fixed size spills first). The
other two corners lie between them: A4 is narrower than Letter by 6 mm, which can add a line in
thirty to a sheet 186 mm wide, and taller by 18 mm, which gives it a line in fifteen more."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from support.firefox import run_driver
from support.printed import printed_sheets
from support.project import GUIDE

# (paper, the dialog's margins): A4 with none (Firefox's `vh` is then tallest), Letter with each
# browser's default (Firefox: half an inch on every side, the least room; Chromium: no margin asked
# for, the page's own @page margin).
CORNERS = [("A4", "0"), ("Letter", "default")]
FIREFOX_DEFAULT_MARGIN = "12.7mm"


def longest(lang: str):
    """The technique whose checklist is the longest in `lang`: the hardest to keep on one sheet."""
    return max(GUIDE.techniques, key=lambda t: sum(len(i.text(lang)) for p in t.checklist for i in p.items))


def longest_plan(site, lang: str) -> str:
    prefix = "en/" if lang == "en" else ""

    def length(t):
        html = BeautifulSoup((site / f"{prefix}trainers/{t.id}/index.html").read_text(encoding="utf-8"), "html.parser")
        return len(html.select_one(".guide-trainer-plan").get_text())

    return f"{prefix}trainers/{max(GUIDE.techniques, key=length).id}/"


CASES = ["checklist-fr", "checklist-en", "checklists-fr", "plan-fr", "plan-en"]


def case(site, name: str) -> tuple[str, list[list[str]]]:
    """The page a case prints and, for each sheet it should print, texts that sheet must show: the
    checklist's title, its last item and its footer's source line (the sheet's last line), or the
    plan's title and the start of its footer."""
    kind, lang = name.split("-")
    prefix, source = ("", "D’après Ivan Misner") if lang == "fr" else ("en/", "Based on Ivan Misner")
    if kind == "checklist":
        technique = longest(lang)
        last = technique.checklist[-1].items[-1].text(lang)
        return f"{prefix}techniques/{technique.id}/", [[f"{technique.number}. {technique.title(lang)}", last, source]]
    if kind == "checklists":
        return f"{prefix}checklists/", [[f"{t.number}. {t.title(lang)}", source] for t in GUIDE.techniques]
    path = longest_plan(site, lang)
    plan = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".guide-trainer-plan")
    title, foot = (" ".join(plan.select_one(c).get_text().split()) for c in (".guide-print-head__title", ".guide-print-foot"))
    return path, [[title, foot[:40]]]


def assert_one_sheet_each(pdf: bytes, expected: list[list[str]], where: str) -> None:
    sheets = printed_sheets(pdf)
    assert len(sheets) == len(expected), f"{where}: {len(sheets)} sheets for {len(expected)}"
    for sheet, texts in zip(sheets, expected, strict=True):
        text = " ".join(sheet.text.split())
        for wanted in texts:
            assert " ".join(wanted.split()) in text, f"{where}: {wanted!r} not on its sheet"


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_sheets_print_whole_in_chromium(browser, server, site, name):
    path, expected = case(site, name)
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    try:
        page.goto(f"{server}/{path}")
        for paper, margin in CORNERS:
            options = {} if margin == "default" else {"margin": dict.fromkeys(("top", "right", "bottom", "left"), margin)}
            assert_one_sheet_each(page.pdf(format=paper, **options), expected, f"Chromium {path} {paper} {margin}")
    finally:
        context.close()


@pytest.fixture(scope="module")
def firefox_prints(server, site, tmp_path_factory) -> dict[tuple[str, str, str], bytes]:
    """Every case printed in Firefox at both corners, in one run of the driver."""
    folder = tmp_path_factory.mktemp("firefox")
    jobs, targets = [], {}
    for name in CASES:
        path, _ = case(site, name)
        for paper, margin in CORNERS:
            target = folder / f"{name}-{paper}-{margin}.pdf"
            given = FIREFOX_DEFAULT_MARGIN if margin == "default" else margin
            jobs.append({"url": f"{server}/{path}", "path": str(target), "format": paper, "margin": given})
            targets[name, paper, margin] = target
    printed = run_driver("firefox-print.mjs", jobs, folder, timeout=600)
    assert printed == {"errors": []}  # no script error on any page printed
    return {key: target.read_bytes() for key, target in targets.items()}


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_sheets_print_whole_in_firefox(firefox_prints, site, name):
    path, expected = case(site, name)
    for paper, margin in CORNERS:
        pdf = firefox_prints[name, paper, margin]
        where = f"Firefox {path} {paper} {margin}"
        width, height = (float(v) for v in PdfReader(io.BytesIO(pdf)).pages[0].mediabox.upper_right)
        size = {"A4": (595.3, 841.9), "Letter": (612, 792)}[paper]
        assert abs(width - size[0]) < 1 and abs(height - size[1]) < 1, where
        assert_one_sheet_each(pdf, expected, where)
