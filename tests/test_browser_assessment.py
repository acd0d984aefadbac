"""The whole-guide self-assessment (/assessment/, /en/assessment/) and a technique's self-check,
driven in Chromium as a reader uses them: error summary, profile, history, plan, calendar file."""

from __future__ import annotations

import math
import re

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import STORAGE_KEY, assert_clean, open_page, reload, store, stored
from support.printed import page_texts
from support.site import flat_words
from support.widgets import ANSWERS, BY_ID, TECHNIQUES, fieldset_id, statement_ids, tick_answers

STATEMENTS = [(technique.id, statement.id) for technique in TECHNIQUES for statement in technique.statements]

# A second, different run: now contact-visuel and remercier are the weakest.
SECOND = {
    "attitude-positive": [4, 4, 4, 4, 4],
    "poser-des-questions": [3, 3, 3, 3, 3],
    "contact-visuel": [0, 1, 0, 0],
    "aider-les-autres": [2, 3, 2, 3, 2],
    "digne-de-confiance": [4, 4, 4, 4, 3],
    "suivi-des-recommandations": [2, 2, 2, 2],
    "remercier": [1, 1, 0, 1],
}


def js_round(value: float) -> int:
    """Math.round: halves go up (Python's round() would send 62.5 to 62)."""
    return math.floor(value + 0.5)


def scores_of(answers: dict[str, list[int]]) -> dict[str, int]:
    return {tid: js_round(sum(values) / (4 * len(values)) * 100) for tid, values in answers.items()}


def weakest_first(answers: dict[str, list[int]]) -> list[tuple[str, int]]:
    scores = scores_of(answers)
    return sorted(scores.items(), key=lambda item: item[1])


def storage_with(answers: dict[str, list[int]], history: list[dict] | None = None, plan: dict | None = None) -> dict:
    return {
        "version": 1,
        "checklists": {},
        "quizzes": {},
        "selfAssessment": {
            "answers": {tid: dict(zip(statement_ids(tid), values)) for tid, values in answers.items()},
            "history": history or [],
        },
        "plan": plan,
    }


def take_assessment(page, answers: dict[str, list[int]], path: str = "/assessment/") -> None:
    open_page(page, path)
    tick_answers(page, answers)
    page.locator("[data-guide-assessment] button[type=submit]").click()
    expect(page.locator("[data-guide-results]")).to_be_visible()


def active(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
        return { tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'), value: el.getAttribute('value'),
                 errors: el.hasAttribute('data-errors'), checked: !!el.checked }; }"""
    )


def table_rows(page) -> list[list[str]]:
    return page.locator("[data-table] tr").evaluate_all("rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))")


def expect_profile(page, answers, lang="fr", before: dict[str, int] | None = None) -> None:
    rows = weakest_first(answers)
    expected = [[BY_ID[tid].title(lang), str(score), str(before[tid]) if before else "—"] for tid, score in rows]
    expect(page.locator("[data-table] tr")).to_have_count(len(TECHNIQUES))
    assert table_rows(page) == expected
    labels = page.locator("[data-chart] svg text.guide-chart__label").all_text_contents()
    assert labels == [BY_ID[tid].title(lang) for tid, _ in rows]
    values = page.locator("[data-chart] svg text.guide-chart__value").all_text_contents()
    assert values == [str(score) for _, score in rows]


def expect_checked(page, answers, scope="[data-guide-assessment]") -> None:
    for tid, values in answers.items():
        for sid, value in zip(statement_ids(tid), values):
            checked = page.locator(f"{scope} #{fieldset_id(tid, sid)} input:checked")
            expect(checked).to_have_count(1)
            expect(checked).to_have_attribute("value", str(value))


# 1 ------------------------------------------------------------------------------------------------
def test_on_a_phone_an_empty_submission_shows_the_summary_from_its_heading(watch):
    """Every statement missing makes a long list: the reader lands on its heading, below the
    site's header, not in the middle of it."""
    page = watch.page
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, "/assessment/")
    page.get_by_role("button", name="Voir mon profil").click()
    summary = page.locator("[data-errors]")
    expect(summary).to_be_focused()
    top = summary.locator("h2").evaluate("h => h.getBoundingClientRect().top")
    header = page.locator(".md-header").evaluate("h => h.getBoundingClientRect().bottom")
    assert header <= top < 844 / 3, (header, top)
    # nor under Material's back-to-top button, which slides in below the header on an upward scroll
    button = page.locator(".md-top").evaluate("b => b.offsetTop + b.offsetHeight")  # where it comes to rest
    assert top >= button, (top, button)
    assert_clean(watch)


def test_incomplete_submission_shows_focused_error_summary_with_links(watch):
    page = watch.page
    open_page(page, "/assessment/")
    skipped = [STATEMENTS[1], STATEMENTS[12], STATEMENTS[-1]]
    for tid, sid in STATEMENTS:
        if (tid, sid) not in skipped:
            page.locator(f"#{fieldset_id(tid, sid)} input[value='2']").check()

    summary = page.locator("[data-errors]")
    expect(summary).to_be_hidden()
    page.get_by_role("button", name="Voir mon profil").click()

    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert active(page)["errors"] is True
    expect(summary.locator("h2")).to_have_text(f"Il manque {len(skipped)} réponses")
    expect(summary).to_contain_text("Répondez à chaque affirmation pour obtenir votre profil")
    links = summary.locator("[data-errors-list] li a")
    expect(links).to_have_count(len(skipped))
    for link, (tid, sid) in zip(links.all(), skipped):
        expect(link).to_have_attribute("href", f"#{fieldset_id(tid, sid)}")
        legend = page.locator(f"#{fieldset_id(tid, sid)} > legend").text_content()
        expect(link).to_have_text(legend)
    expect(page.locator("[data-guide-results]")).to_be_hidden()
    # where each link leads, the statement says it has no answer yet
    flagged = page.locator("fieldset:has(> .guide-unanswered)")
    assert flagged.evaluate_all("(sets) => sets.map((s) => s.id)") == [fieldset_id(tid, sid) for tid, sid in skipped]

    # Activating a link (mouse, then keyboard) puts focus on the statement's first radio.
    links.nth(1).click()
    tid, sid = skipped[1]
    first = page.locator(f"#{fieldset_id(tid, sid)} input").first
    expect(first).to_be_focused()
    assert active(page)["name"] == fieldset_id(tid, sid) and active(page)["value"] == "0"
    assert active(page)["checked"] is False  # focusing must not answer for the reader

    links.nth(2).focus()
    page.keyboard.press("Enter")
    tid, sid = skipped[2]
    expect(page.locator(f"#{fieldset_id(tid, sid)} input").first).to_be_focused()

    # Answering the rest and submitting again hides the summary and shows the profile.
    for tid, sid in skipped:
        page.locator(f"#{fieldset_id(tid, sid)} input[value='2']").check()
    page.get_by_role("button", name="Voir mon profil").click()
    expect(summary).to_be_hidden()
    expect(page.locator("[data-guide-results]")).to_be_visible()
    assert_clean(watch)


# 2 ------------------------------------------------------------------------------------------------
def test_keyboard_journey_profile_and_plan(watch, context):
    page = watch.page
    open_page(page, "/assessment/")
    # Start just before the form: the intro's "Mes données" link, then keyboard only.
    page.locator("article a[href$='my-data/']").first.focus()
    for tid, values in ANSWERS.items():
        for sid, value in zip(statement_ids(tid), values):
            page.keyboard.press("Tab")
            focused = active(page)
            assert (focused["name"], focused["value"]) == (fieldset_id(tid, sid), "0"), focused
            page.keyboard.press("Space")
            for _ in range(value):
                page.keyboard.press("ArrowRight")
            focused = active(page)
            assert (focused["name"], focused["value"], focused["checked"]) == (fieldset_id(tid, sid), str(value), True)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Voir mon profil")).to_be_focused()
    page.keyboard.press("Enter")

    results = page.locator("[data-guide-results]")
    expect(results).to_be_visible()
    expect(page.locator("#profile-title")).to_be_focused()
    expect(page.locator("[data-errors]")).to_be_hidden()
    # said once, under the profile's heading where the focus is, not a second time above it
    expect(results.locator("[data-saved]")).to_contain_text("Auto-évaluation enregistrée le")
    expect(page.get_by_text("Auto-évaluation enregistrée le")).to_have_count(1)

    # Every answer, chosen with the keyboard, was stored.
    answers = stored(page)["selfAssessment"]["answers"]
    assert answers == {tid: dict(zip(statement_ids(tid), values)) for tid, values in ANSWERS.items()}

    expect_profile(page, ANSWERS)
    expect(results.locator("[data-chart] svg rect.guide-chart__now")).to_have_count(len(TECHNIQUES))
    expect(results.locator("[data-chart] svg rect.guide-chart__before")).to_have_count(0)
    widths = results.locator("[data-chart] svg rect.guide-chart__now").evaluate_all("rs => rs.map(r => Number(r.getAttribute('width')))")
    assert widths == sorted(widths) and widths[-1] == pytest.approx(420) and widths[0] == pytest.approx(420 * 0.15)

    # The plan: exactly the two weakest skills, their practice text and a working checklist link.
    weakest = weakest_first(ANSWERS)[:2]
    assert [tid for tid, _ in weakest] == ["poser-des-questions", "suivi-des-recommandations"]
    items = results.locator("[data-plan] > li")
    expect(items).to_have_count(2)
    for item, (tid, score) in zip(items.all(), weakest):
        technique = BY_ID[tid]
        expect(item.locator("h3")).to_have_text(f"{technique.title('fr')} ({score} / 100)")
        expect(item).to_contain_text(technique.practice("fr"))
        link = item.locator("a")
        expect(link).to_have_attribute("href", f"../techniques/{tid}/#checklist-{tid}")
        expect(link).to_have_text(f"Ouvrir la liste de contrôle — {technique.title('fr')}")
        target = link.evaluate("a => a.href")
        other = context.new_page()
        open_page(other, target)  # not watched: only the DOM of the target matters
        expect(other.locator(f"#checklist-{tid}")).to_have_count(1)
        expect(other.locator(f"#checklist-{tid}")).to_be_visible()
        other.close()

    # Commitment and date, then save with the keyboard.
    commitment = "Poser trois questions avant de parler de moi."
    page.locator("#plan-commitment").focus()
    page.keyboard.type(commitment)
    page.locator("#plan-date").fill("2031-05-17")
    # both fields look like fields: bordered, and the date as tall as a finger needs
    for field in ("#plan-commitment", "#plan-date"):
        border, height = page.locator(field).evaluate(
            "e => [parseFloat(getComputedStyle(e).borderTopWidth), e.getBoundingClientRect().height]"
        )
        assert border >= 1 and height >= 24, (field, border, height)
    save = page.get_by_role("button", name="Enregistrer mon plan")
    save.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-plan-live]")).to_have_text("Plan enregistré.")
    assert stored(page)["plan"] == {
        "commitment": commitment,
        "date": "2031-05-17",
        "skills": ["poser-des-questions", "suivi-des-recommandations"],
    }
    assert_clean(watch)


# 3 ------------------------------------------------------------------------------------------------
def test_reload_and_english_page_keep_profile_and_plan(watch, context):
    page = watch.page
    take_assessment(page, ANSWERS)
    page.locator("#plan-commitment").fill("Remercier sous 48 heures.")
    page.locator("#plan-date").fill("2031-01-09")
    page.get_by_role("button", name="Enregistrer mon plan").click()
    expect(page.locator("[data-plan-live]")).to_have_text("Plan enregistré.")

    reload(page)
    expect(page.locator("[data-guide-results]")).to_be_visible()
    expect_checked(page, ANSWERS)
    expect_profile(page, ANSWERS)
    expect(page.locator("#plan-commitment")).to_have_value("Remercier sous 48 heures.")
    expect(page.locator("#plan-date")).to_have_value("2031-01-09")
    expect(page.locator("[data-plan] > li")).to_have_count(2)
    expect(page.locator("[data-errors]")).to_be_hidden()

    open_page(page, "/en/assessment/")
    results = page.locator("[data-guide-results]")
    expect(results).to_be_visible()
    expect_checked(page, ANSWERS)
    expect_profile(page, ANSWERS, lang="en")
    expect(results.locator("#profile-title")).to_have_text("My profile across the seven skills")
    expect(results.locator("[data-saved]")).to_contain_text("Self-assessment saved on")
    expect(results.locator("[data-previous-head]")).to_have_text("Previous")
    expect(results.locator("#plan-title")).to_have_text("My action plan")
    expect(page.get_by_role("button", name="See my profile")).to_be_visible()
    expect(page.get_by_role("button", name="Save my plan")).to_be_visible()
    items = results.locator("[data-plan] > li")
    expect(items).to_have_count(2)
    for item, (tid, score) in zip(items.all(), weakest_first(ANSWERS)[:2]):
        expect(item.locator("h3")).to_have_text(f"{BY_ID[tid].title('en')} ({score} / 100)")
        expect(item).to_contain_text(BY_ID[tid].practice("en"))
        link = item.locator("a")
        expect(link).to_have_text(f"Open the checklist — {BY_ID[tid].title('en')}")
        expect(link).to_have_attribute("href", f"../techniques/{tid}/#checklist-{tid}")
        other = context.new_page()  # not watched: only the DOM of the target matters
        open_page(other, link.evaluate("a => a.href"))
        assert other.url.split("#")[0].endswith(f"/en/techniques/{tid}/")
        expect(other.locator(f"#checklist-{tid}")).to_be_visible()
        expect(other.locator("html")).to_have_attribute("lang", "en")
        other.close()
    expect(page.locator("#plan-commitment")).to_have_value("Remercier sous 48 heures.")
    expect(page.locator("#plan-date")).to_have_value("2031-01-09")
    # The English page's own labels, not the French ones.
    expect(page.locator("#st-attitude-positive-shares-good-news label").first).to_have_text("Never")
    expect(page.locator("label[for=plan-commitment]")).to_have_text("My commitment")
    assert_clean(watch)


# 4 ------------------------------------------------------------------------------------------------
def test_second_assessment_shows_previous_scores(watch):
    page = watch.page
    take_assessment(page, ANSWERS)
    expect(page.locator("[data-previous-head]")).to_have_text("Précédemment")
    expect(page.locator("[data-chart] svg rect.guide-chart__before")).to_have_count(0)
    # Asked again the same day (an answer put right, a second click): that day's profile is
    # replaced, not compared with itself
    page.get_by_role("button", name="Voir mon profil").click()
    expect(page.locator("[data-chart] svg rect.guide-chart__before")).to_have_count(0)
    assert len(stored(page)["selfAssessment"]["history"]) == 1
    # Backdate the first run so that its date is told apart from today's; the second run's
    # answers are stored directly (ticking radios is covered above), then submitted in the UI.
    data = stored(page)
    data["selfAssessment"]["history"][0]["date"] = "2024-03-05T12:00:00.000Z"
    data["selfAssessment"]["answers"] = storage_with(SECOND)["selfAssessment"]["answers"]
    store(page, data)
    reload(page)
    expect_checked(page, SECOND)
    expect(page.locator("[data-previous-head]")).to_have_text("Précédemment")
    page.get_by_role("button", name="Voir mon profil").click()

    head = page.locator("[data-previous-head]")
    expect(head).to_have_text("Précédemment (5 mars 2024)")
    expect_profile(page, SECOND, before=scores_of(ANSWERS))
    bars = page.locator("[data-chart] svg rect.guide-chart__before")
    expect(bars).to_have_count(len(TECHNIQUES))
    widths = bars.evaluate_all("rs => rs.map(r => Number(r.getAttribute('width')))")
    assert widths == [pytest.approx(420 * scores_of(ANSWERS)[tid] / 100) for tid, _ in weakest_first(SECOND)]
    history = stored(page)["selfAssessment"]["history"]
    assert [h["scores"] for h in history] == [scores_of(ANSWERS), scores_of(SECOND)]
    page.get_by_role("button", name="Voir mon profil").click()  # again: still compared with 5 March
    expect(head).to_have_text("Précédemment (5 mars 2024)")
    assert len(stored(page)["selfAssessment"]["history"]) == 2
    # The plan follows the latest run.
    plan = page.locator("[data-plan] > li h3")
    expect(plan).to_have_text([f"{BY_ID[tid].title('fr')} ({s} / 100)" for tid, s in weakest_first(SECOND)[:2]])

    open_page(page, "/en/assessment/")
    expect(page.locator("[data-previous-head]")).to_have_text("Previous (5 March 2024)")
    assert_clean(watch)


# 5 ------------------------------------------------------------------------------------------------
def test_the_plan_is_kept_as_it_is_written_without_its_button(watch):
    """Ticks and answers are kept at once; a commitment typed, then a link followed, was lost unless
    « Enregistrer mon plan » was pressed first. Kept a moment after the last keystroke, and when the
    page is left sooner than that; what the button said goes once the plan changes."""
    page = watch.page
    history = [{"date": "2025-06-01T12:00:00.000Z", "scores": scores_of(ANSWERS)}]
    open_page(page, "/assessment/", saved=storage_with(ANSWERS, history))
    expect(page.locator("[data-guide-results]")).to_be_visible()
    page.get_by_role("button", name="Enregistrer mon plan").click()
    expect(page.locator("[data-plan-live]")).to_have_text("Plan enregistré.")
    page.locator("#plan-commitment").press_sequentially("Remercier Anne", delay=20)
    expect(page.locator("[data-plan-live]")).to_have_text("")  # « Plan enregistré. » no longer true
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).plan?.commitment === 'Remercier Anne'", arg=STORAGE_KEY)
    # typed, then a link followed at once: kept as the page is left
    page.locator("#plan-commitment").press_sequentially(" mardi", delay=20)
    page.locator("[data-plan] a").first.click()
    page.wait_for_url("**/techniques/**")
    open_page(page, "/assessment/")
    expect(page.locator("#plan-commitment")).to_have_value("Remercier Anne mardi")
    # a date half typed (one part cleared) keeps the date kept before; a keystroke taken back makes no plan
    page.locator("#plan-date").fill("2031-01-14")
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).plan.date === '2031-01-14'", arg=STORAGE_KEY)
    page.locator("#plan-date").focus()
    page.keyboard.press("Backspace")
    assert page.locator("#plan-date").evaluate("e => e.validity.badInput && e.value === ''")
    page.locator("[data-plan] a").first.click()
    page.wait_for_url("**/techniques/**")
    assert stored(page)["plan"]["date"] == "2031-01-14"
    assert_clean(watch)


def test_a_keystroke_taken_back_makes_no_plan(watch):
    page = watch.page
    history = [{"date": "2025-06-01T12:00:00.000Z", "scores": scores_of(ANSWERS)}]
    open_page(page, "/assessment/", saved=storage_with(ANSWERS, history))
    page.locator("#plan-commitment").press_sequentially("x")
    page.keyboard.press("Backspace")
    page.locator("[data-plan] a").first.click()
    page.wait_for_url("**/techniques/**")
    assert stored(page)["plan"] is None  # My data would otherwise count « un plan d'action »
    assert_clean(watch)


def test_add_to_calendar_needs_a_date_then_downloads_ics(watch, tmp_path):
    page = watch.page
    history = [{"date": "2025-06-01T12:00:00.000Z", "scores": scores_of(ANSWERS)}]
    open_page(page, "/assessment/", saved=storage_with(ANSWERS, history))  # what is not under test
    expect(page.locator("[data-guide-results]")).to_be_visible()

    calendar = page.get_by_role("button", name="Ajouter à mon agenda")
    calendar.click()
    expect(page.locator("[data-plan-live]")).to_have_text("Choisissez d’abord une date.")
    expect(page.locator("#plan-date")).to_be_focused()

    page.locator("#plan-commitment").fill("Appeler Marie, puis Paul; dire merci")
    page.locator("#plan-date").fill("2031-02-03")
    with page.expect_download() as info:
        calendar.click()
    download = info.value
    assert download.suggested_filename == "networking-2031-02-03.ics"
    # what it said before (no date yet) gives way to what it did
    expect(page.locator("[data-plan-live]")).to_have_text(
        "Fichier de calendrier téléchargé\u00a0: ouvrez-le pour ajouter la date à votre agenda."
    )
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", ""), "every line must end with CRLF"
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "RFC 5545 folds long lines"
    lines = text.replace("\r\n ", "").split("\r\n")  # unfolded
    assert "BEGIN:VEVENT" in lines and "END:VEVENT" in lines and "VERSION:2.0" in lines
    assert "DTSTART;VALUE=DATE:20310203" in lines
    (a, _), (b, _) = weakest_first(ANSWERS)[:2]
    assert f"SUMMARY:Networking à pratiquer\u00a0: {BY_ID[a].title('fr')} + {BY_ID[b].title('fr')}" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description.startswith("DESCRIPTION:Appeler Marie\\, puis Paul\\; dire merci\\n")
    assert any(line.startswith("UID:") for line in lines) and any(line.startswith("DTSTAMP:") for line in lines)
    # Adding to the calendar keeps the plan too.
    assert stored(page)["plan"] == {"commitment": "Appeler Marie, puis Paul; dire merci", "date": "2031-02-03", "skills": [a, b]}
    assert_clean(watch)


# 6 ------------------------------------------------------------------------------------------------
def test_technique_self_check_scores_and_shares_answers(watch):
    page = watch.page
    tid = "attitude-positive"
    technique = BY_ID[tid]
    form = f"[data-guide-self-check='{tid}']"
    open_page(page, f"/techniques/{tid}/")
    live = page.locator(f"{form} [data-live]")
    submit = page.locator(form).get_by_role("button", name="Voir mon score")
    ids = statement_ids(tid)

    # Incomplete: two answered, three missing; focus goes to the first unanswered statement.
    page.locator(f"{form} #{fieldset_id(tid, ids[0])} input[value='4']").check()
    page.locator(f"{form} #{fieldset_id(tid, ids[2])} input[value='1']").check()
    submit.click()
    expect(live).to_have_text("Il manque 3 réponses.")
    expect(page.locator(f"{form} #{fieldset_id(tid, ids[1])} input").first).to_be_focused()
    # each unanswered statement says so under its legend, in sight of the focus, until answered
    flagged = page.locator(f"{form} fieldset:has(> .guide-unanswered)")
    expect(flagged).to_have_count(3)
    assert flagged.evaluate_all("(sets) => sets.map((s) => s.id)") == [fieldset_id(tid, ids[n]) for n in (1, 3, 4)]
    expect(flagged.first.locator(".guide-unanswered")).to_have_text("Pas encore de réponse.")
    expect(flagged.first.locator(".guide-unanswered")).to_be_in_viewport()
    page.locator(f"{form} #{fieldset_id(tid, ids[1])} input[value='2']").check()
    expect(flagged).to_have_count(2)

    values = [4, 2, 1, 3, 2]  # 12 / 20 = 60
    tick_answers(page, {tid: values}, scope=form)
    submit.click()
    score = scores_of({tid: values})[tid]
    assert score == 60
    band = next(b for b in technique.bands if b.min <= score <= b.max)
    expect(live).to_have_text(f"{technique.title('fr')}\u00a0: {score} / 100. {band.feedback('fr')}")
    for other in technique.bands:
        if other is not band:
            expect(live).not_to_contain_text(other.feedback("fr"))
    # an answer changed: the score it no longer matches goes, until asked again
    page.locator(f"{form} #{fieldset_id(tid, ids[0])} input[value='0']").check()
    expect(live).to_have_text("")
    values[0] = 0

    open_page(page, "/assessment/")
    expect_checked(page, {tid: values})
    expect(page.locator("[data-guide-assessment] input:checked")).to_have_count(len(values))
    assert_clean(watch)


# 7 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path,submit", [("/assessment/", "Voir mon profil"), ("/en/assessment/", "See my profile")])
def test_axe_with_error_summary_and_with_profile(watch, path, submit):
    page = watch.page
    open_page(page, path)
    # Submitted with the keyboard: a mouse left over a link would make axe judge its hover colour.
    page.get_by_role("button", name=submit).focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-errors]")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], violations

    store(page, storage_with(ANSWERS))
    reload(page)
    page.mouse.move(0, 0)
    page.get_by_role("button", name=submit).focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-guide-results]")).to_be_visible()
    expect(page.locator("[data-plan] > li")).to_have_count(2)
    violations = axe_violations(page)
    assert violations == [], violations
    assert_clean(watch)


def test_the_plan_prints_alone_on_one_page(watch):
    page = watch.page
    take_assessment(page, ANSWERS)
    lines = ["Poser trois questions avant de parler de moi.", *(f"Étape {n} : relire mes notes du soir." for n in range(2, 9))]
    page.locator("#plan-commitment").fill("\n".join(lines))  # more lines than the field shows
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="Imprimer mon plan").click()  # sets the print mode, then prints
    assert "guide-print-plan" in page.locator("html").get_attribute("class")
    page.emulate_media(media="print")
    for hidden in ["form[data-guide-assessment]", "[data-chart]", "table", "h1"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#plan-title").is_visible() and page.locator("[data-plan]").is_visible()
    for paper in ("A4", "Letter"):
        page.locator("[data-action=print-plan]").dispatch_event("click")  # printing ends the mode: set it again
        pages = page_texts(page.pdf(format=paper))
        assert len(pages) == 1, paper
        assert [line for line in lines if line not in flat_words(pages[0])] == [], paper  # every line, not those in view
        assert "______" in pages[0]  # no date yet: a line to write it on
    # the date as the page writes dates, not as the browser prints a date field (05/17/2031)
    page.emulate_media(media="screen")
    page.locator("#plan-date").fill("2031-05-17")
    page.emulate_media(media="print")
    page.locator("[data-action=print-plan]").dispatch_event("click")
    [sheet] = page_texts(page.pdf(format="A4"))
    assert "17 mai 2031" in flat_words(sheet) and not re.search(r"\d\d/\d\d/\d{4}|2031-05-17", sheet) and "______" not in sheet
    assert_clean(watch)


def test_the_profiles_chart_stays_readable_on_a_phone(watch):
    """The chart is drawn to the screen's width: on a phone its words came out at about 10 px. There
    they stay about 12 px or more, each name whole inside the drawing."""
    page = watch.page
    page.set_viewport_size({"width": 390, "height": 844})
    take_assessment(page, ANSWERS)
    labels = page.locator("[data-chart] svg").evaluate(
        """(svg) => { const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('.guide-chart__label')].map((t) => { const r = t.getBoundingClientRect();
          return [r.height, r.left >= box.left - 1 && r.right <= box.right + 1]; }); }"""
    )
    assert len(labels) == len(TECHNIQUES) and all(height >= 13 and inside for height, inside in labels), labels
    assert_clean(watch)
