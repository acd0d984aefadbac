"""Every widget keeps working for the visit when storage is blocked or full, with no error; and
data saved by one widget is read by the others, in both languages."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from support.browser import assert_clean, open_page, stored
from support.project import GUIDE
from support.widgets import tick_answers

BLOCKED = "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });"
FULL = "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
TECHNIQUE = GUIDE.techniques[2]


@pytest.fixture(params=[BLOCKED, FULL], ids=["blocked", "full"])
def page(request, context, server):
    page = context.new_page()
    page.add_init_script(request.param)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    yield page
    assert errors == []


def test_quiz_self_check_and_assessment_work_without_storage(page):
    open_page(page, f"/techniques/{TECHNIQUE.id}/")
    quiz = page.locator(f'form[data-guide-quiz="{TECHNIQUE.id}"]')
    for question in TECHNIQUE.questions:
        page.locator(f"#q-{TECHNIQUE.id}-{question.id}-{question.options[0].id}").check()
    quiz.get_by_role("button", name="Vérifier").click()
    assert quiz.locator("[data-live]").text_content().startswith("Score\u00a0: ")
    check = page.locator(f'form[data-guide-self-check="{TECHNIQUE.id}"]')
    for statement in check.locator("fieldset[data-statement]").all():
        statement.locator("input").nth(3).check()
    check.get_by_role("button", name="Voir mon score").click()
    assert check.locator("[data-live]").text_content().startswith(f"{TECHNIQUE.title('fr')}\u00a0: 75 / 100.")

    open_page(page, "/assessment/")
    notices = page.locator(".guide-storage-off:visible")  # the reader is told nothing is kept, once
    expect(notices).to_have_count(1)
    tick_answers(page, {t.id: [2] * len(t.statements) for t in GUIDE.techniques})
    page.get_by_role("button", name="Voir mon profil").click()
    assert page.locator("[data-guide-results]").is_visible()
    assert page.locator("[data-table] tr").count() == len(GUIDE.techniques)
    expect(notices).to_have_count(1)  # and not told again by the widget's form


def test_checklist_works_without_storage(page):
    open_page(page, "/techniques/remercier/")
    checklist = page.locator('[data-guide-checklist="remercier"]')
    boxes = checklist.locator("input[type=checkbox]")
    boxes.nth(1).check()
    assert boxes.nth(1).is_checked()
    assert checklist.locator("[data-progress]").text_content().startswith("1 / ")
    assert checklist.locator(".guide-storage-off").is_visible()
    checklist.get_by_role("button", name="Tout décocher").click()
    assert not boxes.nth(1).is_checked()


def test_my_data_works_without_storage(page):
    open_page(page, "/my-data/")
    assert page.locator("[data-summary]").text_content().startswith("Cet appareil garde\u00a0: 0 liste de contrôle, 0 quiz")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter mes données (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")


def test_answers_are_shared_by_widgets_and_languages(watch):
    page = watch.page
    open_page(page, f"/techniques/{TECHNIQUE.id}/")
    first = page.locator(f'form[data-guide-self-check="{TECHNIQUE.id}"] fieldset[data-statement]').first
    first.locator("input").nth(4).check()
    open_page(page, "/en/assessment/")
    statement = TECHNIQUE.statements[0].id
    assert page.locator(f"#st-{TECHNIQUE.id}-{statement} input:checked").get_attribute("value") == "4"
    assert_clean(watch)


# A record written by the first release of the guide (schema v1, commit 5a2d854), captured by
# driving that release in Chromium as a reader would: ticks in both languages, two quizzes, the
# self-check, two self-assessments and an action plan. Every later version must read all of it:
# when the schema changes, this test fails until record.js brings such a record up to date.
RELEASE_1 = json.loads((Path(__file__).parent / "fixtures" / "storage-v1.json").read_text(encoding="utf-8"))


def expect_saved_answers(page, quiz_id: str) -> None:
    """The first release's answers come back on the questions the guide still asks (same IDs,
    same meaning); questions asked since start blank, so the quiz waits to be checked again."""
    quiz = page.locator(f"[data-guide-quiz='{quiz_id}']")
    expect(quiz).to_be_visible()
    asked = {q.id for q in GUIDE.quizzes()[quiz_id]}
    saved = RELEASE_1["quizzes"][quiz_id]["answers"]
    for question, chosen in saved.items():
        if question in asked:
            assert [i.get_attribute("value") for i in quiz.locator(f"[data-question='{question}'] input:checked").all()] == chosen
    if asked <= saved.keys():
        expect(quiz.locator("[data-live]")).to_contain_text("Score\u00a0: ")
    else:
        expect(quiz.locator("[data-live]")).to_have_text("")


def test_a_record_from_the_first_release_is_read_and_kept(watch):
    page = watch.page
    open_page(page, "/my-data/", saved=RELEASE_1)
    answers = sum(len(a) for a in RELEASE_1["selfAssessment"]["answers"].values())
    expect(page.locator("[data-summary]")).to_have_text(
        f"Cet appareil garde\u00a0: 2 listes de contrôle, 2 quiz, {answers} réponses d’auto-évaluation, 2 profils enregistrés et un plan d’action."
    )

    open_page(page, "/techniques/remercier/")
    checklist = page.locator("[data-guide-checklist='remercier']")
    ticked = [box.get_attribute("data-item") for box in checklist.locator("input[data-item]:checked").all()]
    assert ticked == RELEASE_1["checklists"]["remercier"]["ticked"]
    expect_saved_answers(page, "remercier")
    for statement, value in RELEASE_1["selfAssessment"]["answers"]["remercier"].items():
        expect(page.locator(f"#st-remercier-{statement} input[value='{value}']")).to_be_checked()

    open_page(page, "/en/techniques/contact-visuel/")
    expect(page.locator("[data-guide-checklist='contact-visuel'] input[data-item='phone-away']")).to_be_checked()
    open_page(page, "/quiz/")
    expect_saved_answers(page, "article")

    open_page(page, "/assessment/")
    results = page.locator("[data-guide-results]")
    expect(results).to_be_visible()
    expect(results.locator("[data-previous-head]")).to_contain_text("Précédemment (")
    expect(page.locator("#plan-commitment")).to_have_value(RELEASE_1["plan"]["commitment"])
    expect(page.locator("#plan-date")).to_have_value(RELEASE_1["plan"]["date"])

    # A new tick is written beside everything the first release kept, which stays as it was.
    open_page(page, "/techniques/remercier/")
    page.locator("[data-guide-checklist='remercier'] input[data-item='log-thanks']").check()
    now = stored(page)
    assert now["checklists"]["remercier"]["ticked"] == RELEASE_1["checklists"]["remercier"]["ticked"] + ["log-thanks"]
    del now["checklists"]["remercier"]
    before = copy.deepcopy(RELEASE_1)
    del before["checklists"]["remercier"]
    assert now == before
    assert_clean(watch)


# Every section of the record holds values of the wrong shape (edited by hand, or by a bug).
MALFORMED = {
    "version": 1,
    "checklists": {"remercier": {"ticked": [1, None]}, "contact-visuel": "phone-away"},
    "quizzes": {"remercier": {"answers": {"how-described": 3}, "score": 1, "total": 3}, "article": {"answers": "x", "score": "8"}},
    "selfAssessment": {
        "answers": {"remercier": {"thanks-within-48h": 9, "thanks-specifically": "2"}, "contact-visuel": [1]},
        "history": [None, "x", {"date": "not a date", "scores": {}}, {"date": "2025-01-01T00:00:00Z", "scores": []}],
    },
    "plan": {"commitment": 5, "skills": "remercier"},
}


def test_malformed_entries_are_dropped_and_every_widget_still_works(watch):
    page = watch.page
    open_page(page, "/my-data/", saved=MALFORMED)
    expect(page.locator("[data-summary]")).to_have_text(
        "Cet appareil garde\u00a0: 0 liste de contrôle, 1 quiz, 0 réponse d’auto-évaluation, 0 profil enregistré et un plan d’action."
    )
    open_page(page, "/techniques/remercier/")
    expect(page.locator("[data-guide-checklist='remercier'] [data-progress]")).to_contain_text("0 / ")
    expect(page.locator("[data-guide-quiz='remercier'] input:checked")).to_have_count(0)
    expect(page.locator("[data-guide-self-check='remercier'] input:checked")).to_have_count(0)
    open_page(page, "/assessment/")
    expect(page.locator("[data-guide-results]")).to_be_hidden()
    first = page.locator("[data-guide-assessment] fieldset[data-statement]").first
    first.locator("input[value='3']").check()
    statement = first.get_attribute("data-statement")
    answers = stored(page)["selfAssessment"]["answers"]
    assert answers["attitude-positive"] == {statement: 3}
    assert "contact-visuel" not in answers and answers["remercier"] == {}  # the bad answers are gone
    assert_clean(watch)
