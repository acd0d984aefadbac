"""The trainers' pages in Chromium: each plan prints on one page (A4 in French, Letter in English)
as the plan alone (axe checks every page of the site: test_browser_site.py)."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader
from test_site import GUIDE, LANGS, SLUGS

PAPER = {"fr": "A4", "en": "Letter"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_plan_prints_on_one_page(watch, lang):
    page = watch.page
    page.emulate_media(media="print")
    for slug in SLUGS:
        page.goto(f"/{LANGS[lang]}trainers/{slug}/")
        pdf = PdfReader(io.BytesIO(page.pdf(format=PAPER[lang])))
        assert len(pdf.pages) == 1, (lang, slug)
        text = " ".join(unicodedata.normalize("NFKC", pdf.pages[0].extract_text()).split())  # "ﬁ" ligatures apart
        assert GUIDE.technique(slug).plan.passage.title(lang) in text, (lang, slug)


def test_a_printed_plan_is_the_plan_alone(watch):
    page = watch.page
    page.goto("/trainers/remercier/")
    plan = page.locator(".guide-trainer-plan")
    assert not plan.locator(".guide-print-head").is_visible()  # on screen, the page's own title says it
    page.emulate_media(media="print")
    for hidden in [
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        "h1",
        ".md-content__inner > p",
        ".guide-trainer-plan .guide-actions",
    ]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert plan.locator(".guide-print-head__title").inner_text() == "Plan de formation · 7. Remerciez les gens"
    assert plan.locator("blockquote").is_visible() and plan.locator(".guide-trainer-plan__total").is_visible()
    assert "https://" in plan.locator(".guide-print-foot").inner_text() or "http://" in plan.locator(".guide-print-foot").inner_text()
    # the pair activity's checklist item has a box to tick on paper
    box = plan.locator(".guide-trainer-plan__item").evaluate("e => getComputedStyle(e, '::before').borderTopStyle")
    assert box == "solid"
