"""The trainers' pages in Chromium: each plan prints on one sheet of US Letter, the shorter paper,
in both languages, as the plan alone, its quiz included (the longest plan also prints where a
sheet is hardest to keep whole: test_browser_print.py, and in Firefox; axe checks every
page of the site: test_browser_anywhere.py)."""

from __future__ import annotations

import pytest
from support.browser import assert_clean
from support.printed import page_texts
from support.project import GUIDE, LANGS, SLUGS
from support.site import assert_plan_quiz, flat_words


@pytest.mark.parametrize("lang", LANGS)
def test_every_plan_prints_on_one_page_with_its_quiz(watch, lang):
    page = watch.page
    page.emulate_media(media="print")
    for slug in SLUGS:
        technique = GUIDE.technique(slug)
        page.goto(f"/{LANGS[lang]}trainers/{slug}/")
        pages = page_texts(page.pdf(format="Letter"))
        assert len(pages) == 1, (lang, slug)
        text = pages[0]
        plan = technique.plan
        for shown in (plan.passage.title(lang), plan.step("question").text(lang), plan.takeaway(lang), plan.short(lang)):
            assert flat_words(shown) in flat_words(text), (lang, slug, shown)
        assert_plan_quiz(text, technique, lang)  # every question, lettered option and answer
    assert_clean(watch)


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
    assert_clean(watch)


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_trainers_guide_leaves_no_heading_or_lead_in_alone_at_a_page_foot(watch, lang):
    """The coordinator's printed guide (its pages run over several sheets): a page never ends on a
    heading (« Les sept semaines » at the foot of page 1, its table on page 2) nor on the line that
    leads into a list (« …de présentation : »), on A4 or Letter."""
    page = watch.page
    page.goto(f"/{LANGS[lang]}trainers/")
    alone = page.locator("article :is(h2, h3), article p:has(+ :is(ul, ol, table))").evaluate_all(
        "(found) => found.map((e) => e.textContent.replace(/[¶\\s]+$/, '').replace(/\\s+/g, ' ').trim())"
    )
    assert len(alone) > 5
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        sheets = page_texts(page.pdf(format=paper))
        assert len(sheets) > 1, paper  # otherwise nothing here is tried
        endings = [" ".join(sheet.split()) for sheet in sheets[:-1]]
        assert [(paper, e) for e in endings for line in alone if e.endswith(" ".join(line.split()))] == []
    assert_clean(watch)
