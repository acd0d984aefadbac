"""Checklists in Chromium: ticks kept by technique + item ID across reloads and languages, reset,
blocked or corrupt storage, content changes, keyboard use, and the printed sheet."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import TEST_CHROMIUM_FLAGS, PageWatch, assert_clean, chromium_path, open_page, reload, store, stored, stored_text
from support.printed import page_texts, printed_sheets
from support.project import GUIDE, SLUGS
from support.server import serve

SLUG = "attitude-positive"
FR = f"/techniques/{SLUG}/"
EN = f"/en/techniques/{SLUG}/"
CHECKLIST = f'[data-guide-checklist="{SLUG}"]'


def boxes(page):
    return page.locator(f"{CHECKLIST} input[type=checkbox]")


def ticked(page) -> list[str]:
    return boxes(page).evaluate_all("els => els.filter(e => e.checked).map(e => e.dataset.item)")


def test_ticks_survive_reload_and_language_switch_then_reset(watch):
    page = watch.page
    open_page(page, FR)
    first, third = boxes(page).nth(0), boxes(page).nth(2)
    page.get_by_label(first.evaluate("e => e.labels[0].textContent")).check()  # clicking the text ticks
    third.check()
    ids = [first.get_attribute("data-item"), third.get_attribute("data-item")]
    total = boxes(page).count()
    assert page.locator(f"{CHECKLIST} [data-progress]").text_content() == f"2 / {total} cochés"
    assert page.locator(f"{CHECKLIST} [data-updated]").text_content().startswith("Dernière mise à jour\u00a0: ")
    assert stored(page)["checklists"][SLUG]["ticked"] == ids
    assert stored(page)["version"] == 1
    reload(page)
    assert ticked(page) == ids
    open_page(page, EN)
    assert ticked(page) == ids
    assert page.locator(f"{CHECKLIST} [data-progress]").text_content() == f"2 / {total} ticked"
    page.get_by_role("button", name="Clear all ticks").click()
    assert ticked(page) == []
    assert (
        page.locator(f"{CHECKLIST} [data-progress]").text_content() == f"0 / {total} ticked. All boxes are cleared."
    )  # two sentences, not run on
    open_page(page, FR)
    assert ticked(page) == []
    assert SLUG not in stored(page)["checklists"]
    assert_clean(watch)


def test_progress_is_in_a_polite_live_region(watch):
    page = watch.page
    open_page(page, FR)
    region = page.locator(f"{CHECKLIST} [data-progress]")
    assert region.get_attribute("aria-live") == "polite" and region.get_attribute("role") == "status"
    assert_clean(watch)


def test_keyboard_only(watch):
    page = watch.page
    open_page(page, FR)
    boxes(page).first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert ticked(page) == [boxes(page).nth(0).get_attribute("data-item"), boxes(page).nth(2).get_attribute("data-item")]
    outline = boxes(page).nth(2).evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"  # focus is visible
    assert_clean(watch)


def test_corrupt_storage_is_ignored(watch):
    page = watch.page
    for garbage in ["{not json", "42", '{"version": 1, "checklists": {"attitude-positive": "oops"}}', '{"version": 0}']:
        open_page(page, FR, saved=garbage)
        assert ticked(page) == []
        boxes(page).first.check()
        assert stored(page)["checklists"][SLUG]["ticked"] == [boxes(page).first.get_attribute("data-item")]
    assert_clean(watch)


def test_data_from_a_newer_version_is_never_overwritten(watch):
    page = watch.page
    newer = json.dumps({"version": 2, "checklists": {SLUG: {"done": ["x"]}}})
    open_page(page, FR, saved=newer)
    boxes(page).first.check()  # works for the visit …
    assert ticked(page) == [boxes(page).first.get_attribute("data-item")]
    assert page.locator(f"{CHECKLIST} .guide-storage-off").is_visible()  # … says it is not kept …
    assert stored_text(page) == newer  # … and leaves the newer record alone
    assert_clean(watch)


def test_content_change_keeps_the_other_ticks(watch):
    page = watch.page
    open_page(page, FR)
    items = boxes(page).evaluate_all("els => els.map(e => e.dataset.item)")
    # stored by an older version of the content: one item since removed, one still there
    old = {"version": 1, "checklists": {SLUG: {"ticked": ["removed-item", items[1]], "updated": "2026-01-01T10:00:00Z"}}}
    store(page, old)
    reload(page)
    assert ticked(page) == [items[1]]  # kept; new items start unticked
    boxes(page).nth(0).check()
    assert stored(page)["checklists"][SLUG]["ticked"] == [items[0], items[1]]  # the removed item is gone
    assert_clean(watch)


def test_a_tick_never_undoes_what_another_tab_or_page_ticked_since(watch):
    """The same checklist open twice (another tab, the page of all checklists, the page the back
    button brings back from the browser's cache, below): a tick here adds to what the device keeps
    now, and the boxes show what another tab or page saved since."""
    page = watch.page
    open_page(page, FR)
    items = boxes(page).evaluate_all("els => els.map(e => e.dataset.item)")
    boxes(page).nth(0).check()
    # another tab, on the page of all checklists: its tick shows here at once
    other = page.context.new_page()
    open_page(other, "/checklists/")
    other.locator(f"{CHECKLIST} input[data-item='{items[1]}']").check()
    expect(boxes(page).nth(1)).to_be_checked()
    other.close()
    # a record written since this page last showed it, with no event to say so: a tick here keeps it
    store(page, {"version": 1, "checklists": {SLUG: {"ticked": [items[0], items[1], items[2]], "updated": "2026-12-01T10:00:00Z"}}})
    boxes(page).nth(3).check()
    assert stored(page)["checklists"][SLUG]["ticked"] == items[:4]
    assert ticked(page) == items[:4]  # … and shows it
    # the page back from the browser's back/forward cache shows what was saved meanwhile
    store(page, {"version": 1, "checklists": {SLUG: {"ticked": [items[4]], "updated": "2026-12-01T10:00:00Z"}}})
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert ticked(page) == [items[4]]
    assert_clean(watch)


@pytest.fixture
def with_back_forward_cache(browser, server):
    """A watched page in a browser that keeps pages for the back button, as readers' browsers do: the
    full Chromium, without Playwright's --disable-back-forward-cache (the headless shell has no
    such cache)."""
    full = browser.browser_type.launch(
        executable_path=chromium_path(), args=TEST_CHROMIUM_FLAGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    context = full.new_context(base_url=server, service_workers="block")
    yield PageWatch(context.new_page(), server)
    full.close()


def test_the_page_the_back_button_brings_back_shows_and_keeps_what_was_ticked_meanwhile(with_back_forward_cache):
    watch = with_back_forward_cache
    page = watch.page
    open_page(page, FR)
    items = boxes(page).evaluate_all("els => els.map(e => e.dataset.item)")
    boxes(page).nth(0).check()
    page.evaluate("window.leftHere = true")
    open_page(page, "/checklists/")
    page.locator(f"{CHECKLIST} input[data-item='{items[1]}']").check()
    page.go_back(wait_until="commit")  # a page back from the cache fires no load event
    expect(page).to_have_url(re.compile(f"{re.escape(FR)}$"))
    assert page.evaluate("window.leftHere === true")  # the page itself, back from the cache, not loaded again
    expect(boxes(page).nth(1)).to_be_checked()
    boxes(page).nth(2).check()
    assert stored(page)["checklists"][SLUG]["ticked"] == items[:3]
    assert_clean(watch)


def test_print_gives_a_clean_one_page_sheet(watch):
    page = watch.page
    open_page(page, FR)
    boxes(page).first.check()
    page.emulate_media(media="print")
    for hidden in [
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".md-search",
        f"{CHECKLIST} .guide-actions",
        "h1",
        ".guide-own",
        f'form[data-guide-quiz="{SLUG}"]',
    ]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(f"{CHECKLIST} .guide-print-head__title").is_visible()
    assert "Ivan Misner" in page.locator(f"{CHECKLIST} .guide-print-foot").inner_text()
    # the boxes are drawn as outlined squares, not with background colour
    style = page.locator(f"{CHECKLIST} label").first.evaluate(
        "e => { const s = getComputedStyle(e, '::before'); return [s.borderTopStyle, s.borderTopWidth, s.content]; }"
    )
    assert style[0] == "solid" and style[1] != "0px" and "✓" in style[2]
    assert "Avant l’événement" in page_texts(page.pdf(format="A4"))[0]
    assert_clean(watch)


def test_every_checklist_prints_on_one_page_in_both_languages(watch):
    """On US Letter, the shorter paper (the longest checklist also prints where a sheet is hardest
    to keep whole, on both papers, in test_browser_print.py and in Firefox)."""
    page = watch.page
    page.emulate_media(media="print")
    for prefix in ("", "en/"):
        for technique in GUIDE.techniques:
            slug = technique.id
            open_page(page, f"/{prefix}techniques/{slug}/")
            assert len(page_texts(page.pdf(format="Letter"))) == 1, (prefix, slug)
    assert_clean(watch)


def test_print_blank_hides_my_ticks(watch):
    page = watch.page
    open_page(page, FR)
    boxes(page).first.check()
    page.evaluate("document.documentElement.classList.add('guide-print-blank')")  # what "Imprimer vierge" sets
    page.emulate_media(media="print")
    content = page.locator(f"{CHECKLIST} label").first.evaluate("e => getComputedStyle(e, '::before').content")
    assert "✓" not in content
    assert_clean(watch)


def test_print_buttons_call_print_with_the_right_mode(watch):
    page = watch.page
    open_page(page, FR)
    page.evaluate("() => { window.__modes = []; window.print = () => { window.__modes.push(document.documentElement.className); }; }")
    page.get_by_role("button", name="Imprimer vierge").click()
    page.get_by_role("button", name="Imprimer avec mes coches").click()
    modes = page.evaluate("window.__modes")
    assert "guide-print-blank" in modes[0] and "guide-print-blank" not in modes[1]
    assert_clean(watch)


def test_combined_page_prints_one_technique_per_page(watch):
    """From the browser's menu, all seven, one a sheet; from a sheet's own print button, that
    sheet alone (a coordinator printing week 3 for the room got seven sheets a member), until
    the print is over."""
    page = watch.page
    open_page(page, "/checklists/")
    page.evaluate("() => { window.print = () => {}; }")  # the print dialog, left open: no afterprint yet
    third = GUIDE.techniques[2]
    page.locator(f'[data-guide-checklist="{third.id}"]').get_by_role("button", name="Imprimer vierge").click()
    page.emulate_media(media="print")
    [sheet] = page_texts(page.pdf(format="A4"))
    assert third.title("fr") in sheet and GUIDE.techniques[1].title("fr") not in sheet
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert len(page_texts(page.pdf(format="A4"))) == len(SLUGS)
    assert_clean(watch)


def test_without_javascript_the_checklist_is_readable(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False, service_workers="block")
    page = context.new_page()
    page.goto(FR)  # nothing runs: the page as it arrives
    assert boxes(page).count() > 5 and boxes(page).first.is_visible()
    assert not page.locator(f"{CHECKLIST} [data-js-only]").is_visible()  # buttons that need JS stay hidden
    assert page.locator(f"{CHECKLIST} a[download]").is_visible()  # the PDF still downloads
    context.close()


def test_checklist_pages_have_no_axe_violation_after_use(watch):
    page = watch.page
    open_page(page, FR)
    boxes(page).first.check()
    assert axe_violations(page) == []
    open_page(page, "/en/checklists/")
    assert axe_violations(page) == []
    assert_clean(watch)


def test_printed_sheet_says_when_and_where_from(watch, server):
    page = watch.page
    open_page(page, FR)
    foot = page.locator(f"{CHECKLIST} .guide-print-foot")
    assert "Imprimé le" not in foot.text_content()  # no stale build date on the page
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # as the browser does
    assert "Imprimé le " in foot.text_content()
    assert f"{server}{FR}" in foot.text_content()
    # the day the page is printed, in words: « Imprimé le 6 décembre 2026 », "Printed on 6 December 2026"
    assert re.search(r"Imprimé le (1er|\d{1,2})\u00a0[a-zéû]+ \d{4}", foot.text_content()), foot.text_content()
    open_page(page, EN)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    printed = page.locator(f"{CHECKLIST} .guide-print-foot").text_content()
    assert re.search(r"Printed on \d{1,2} [A-Z][a-z]+ \d{4}", printed) and not re.search(r"\d{4}-\d{2}", printed), printed
    assert_clean(watch)


def test_printed_page_carries_a_qr_code_of_its_address_online(watch, server):
    page = watch.page
    for path, paper in ((FR, "A4"), (EN, "Letter")):
        page.emulate_media(media="screen")
        page.goto(path)
        for printed_only in (".guide-qr", ".guide-print-notes", ".guide-print-foot"):
            assert not page.locator(f"{CHECKLIST} {printed_only}").is_visible(), printed_only
        page.emulate_media(media="print")
        code = page.locator(f"{CHECKLIST} .guide-qr svg")
        assert code.is_visible() and code.get_attribute("role") == "img" and f"{server}{path}" in code.get_attribute("aria-label")
        box = code.bounding_box()
        assert 95 <= box["width"] == box["height"] <= 115  # 25 to 30 mm, quiet zone included (96 px an inch)
        [sheet] = printed_sheets(page.pdf(format=paper))
        assert sheet.qr_codes == [f"{server}{path}"]  # what a phone reads from the paper
        assert f"{server}{path}" in sheet.text  # and the same address, printed beside it
        assert sheet.text_bottom_mm < 25  # the sheet is used down to its foot
    assert_clean(watch)


@pytest.fixture
def served_without_address(site_without_address):
    httpd = serve(site_without_address)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_without_a_site_address_the_printed_sheet_says_where_it_is_from(context, served_without_address):
    origin = served_without_address
    watch = PageWatch(context.new_page(), origin)
    page = watch.page
    page.goto(origin + EN)
    [sheet] = printed_sheets(page.pdf(format="Letter"))  # printing fills the address in (checklist.js)
    assert sheet.qr_codes == [] and f"{origin}{EN}" in sheet.text
    page.goto(origin + "/checklists/")
    sheets = printed_sheets(page.pdf(format="A4"))
    assert [f"{origin}/techniques/{slug}/" in sheet.text for sheet, slug in zip(sheets, SLUGS)] == [True] * len(SLUGS)
    assert_clean(watch)
