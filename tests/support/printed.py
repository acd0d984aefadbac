"""Printed sheets as a reader of the paper sees them: what a phone reads from them, where their text
ends; and the sheets both browsers print, at the corners where they are hardest to keep whole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from support.project import GUIDE

MM = 72 / 25.4  # PDF points in a millimetre


@dataclass
class PrintedSheet:
    """One page of a PDF as a reader of the paper sees it: its text, the QR codes a phone reads
    from its image, and how far from the sheet's bottom edge its text ends."""

    text: str
    qr_codes: list[str]
    width_mm: float
    height_mm: float
    text_bottom_mm: float  # from the bottom edge to the lowest character's bottom


def page_texts(pdf: bytes | Path) -> list[str]:
    """The text of each page of a PDF, as PDFium extracts it (speed: twenty times pypdf's)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def printed_sheets(pdf: bytes | Path) -> list[PrintedSheet]:
    """Each page rendered at 108 dpi (about 3 pixels a module for a 27 mm code) and read by
    zxing-cpp, a reader independent of the encoder the guide uses (segno)."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    pages = []
    try:
        for page in document:
            width, height = page.get_size()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            bottoms = [textpage.get_charbox(i)[1] for i in range(min(len(text), textpage.count_chars())) if not text[i].isspace()]
            image = page.render(scale=1.5).to_pil()
            codes = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
            pages.append(PrintedSheet(text, codes, width / MM, height / MM, min(bottoms, default=height) / MM))
    finally:
        document.close()
    return pages


# --- the sheets each browser prints (test_browser_print.py, test_browser_firefox.py) ------------

# (paper, the dialog's margins): A4 with none (Firefox's `vh` is then tallest), Letter with each
# browser's default (Firefox: half an inch on every side, the least room; Chromium: no margin asked
# for, the page's own @page margin).
CORNERS = [("A4", "0"), ("Letter", "default")]
FIREFOX_DEFAULT_MARGIN = "12.7mm"
CASES = ["checklist-fr", "checklist-en", "checklists-fr", "sheet-fr", "plan-fr", "plan-en"]
SHEET = GUIDE.techniques[2]  # "sheet": the combined page, printed by this checklist's own button
# Before a case prints, in the page: the button it presses, with the print dialog left out (a
# `print` that does nothing), so that what the button marks for print stays marked.
PRESS = "() => {{ window.print = () => {{}}; document.querySelector({selector}).click(); }}"


def pressed(name: str) -> str | None:
    """The button a case presses before it prints (a selector), if any."""
    return f'[data-guide-checklist="{SHEET.id}"][data-mounted] [data-action="print-blank"]' if name.startswith("sheet-") else None


def longest(lang: str):
    """The technique whose checklist is the longest in `lang`: the hardest to keep on one sheet."""
    return max(GUIDE.techniques, key=lambda t: sum(len(i.text(lang)) for p in t.checklist for i in p.items))


def longest_plan(site, lang: str) -> str:
    prefix = "en/" if lang == "en" else ""

    def length(t):
        html = BeautifulSoup((site / f"{prefix}trainers/{t.id}/index.html").read_text(encoding="utf-8"), "html.parser")
        return len(html.select_one(".guide-trainer-plan").get_text())

    return f"{prefix}trainers/{max(GUIDE.techniques, key=length).id}/"


def case(site, name: str) -> tuple[str, list[list[str]]]:
    """The page a case prints and, for each sheet it should print, texts that sheet must show: the
    checklist's title, its last item and its footer's source line (the sheet's last line), or the
    plan's title and the start of its footer (a "sheet" case presses a button first: `pressed`)."""
    kind, lang = name.split("-")
    prefix, source = ("", "D’après Ivan Misner") if lang == "fr" else ("en/", "Based on Ivan Misner")
    if kind == "checklist":
        technique = longest(lang)
        last = technique.checklist[-1].items[-1].text(lang)
        return f"{prefix}techniques/{technique.id}/", [[f"{technique.number}. {technique.title(lang)}", last, source]]
    if kind == "checklists":
        return f"{prefix}checklists/", [[f"{t.number}. {t.title(lang)}", source] for t in GUIDE.techniques]
    if kind == "sheet":
        return f"{prefix}checklists/", [[f"{SHEET.number}. {SHEET.title(lang)}", source]]
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
