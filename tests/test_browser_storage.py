"""Every widget keeps working for the visit when storage is blocked or full, with no error; and
data saved by one widget is read by the others, in both languages."""
from __future__ import annotations

import pytest

from test_site import GUIDE

BLOCKED = "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });"
FULL = "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
TECHNIQUE = GUIDE.techniques[2]


@pytest.fixture(params=[BLOCKED, FULL], ids=["blocked", "full"])
def page(request, context, server):
    context.add_init_script(request.param)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    yield page
    assert errors == []


def test_quiz_self_check_and_assessment_work_without_storage(page):
    page.goto(f"/techniques/{TECHNIQUE.id}/")
    quiz = page.locator(f'form[data-guide-quiz="{TECHNIQUE.id}"]')
    for question in TECHNIQUE.questions:
        page.locator(f"#q-{TECHNIQUE.id}-{question.id}-{question.options[0].id}").check()
    quiz.get_by_role("button", name="Vérifier").click()
    assert quiz.locator("[data-live]").text_content().startswith("Score : ")
    check = page.locator(f'form[data-guide-selfcheck="{TECHNIQUE.id}"]')
    for statement in check.locator("fieldset[data-statement]").all():
        statement.locator("input").nth(3).check()
    check.get_by_role("button", name="Voir mon score").click()
    assert check.locator("[data-live]").text_content().startswith(f"{TECHNIQUE.title('fr')} : 75 / 100.")

    page.goto("/assessment/")
    for statement in page.locator("fieldset[data-statement]").all():
        statement.locator("input").nth(2).check()
    page.get_by_role("button", name="Voir mon profil").click()
    assert page.locator("[data-guide-results]").is_visible()
    assert page.locator("[data-table] tr").count() == len(GUIDE.techniques)
    assert page.locator(".guide-storage-off").first.is_visible()  # the reader is told nothing is kept


def test_checklist_works_without_storage(page):
    page.goto("/techniques/remercier/")
    checklist = page.locator('[data-guide-checklist="remercier"]')
    boxes = checklist.locator("input[type=checkbox]")
    boxes.nth(1).check()
    assert boxes.nth(1).is_checked()
    assert checklist.locator("[data-progress]").text_content().startswith("1 / ")
    assert checklist.locator(".guide-storage-off").is_visible()
    checklist.get_by_role("button", name="Tout décocher").click()
    assert not boxes.nth(1).is_checked()


def test_my_data_works_without_storage(page):
    page.goto("/my-data/")
    assert page.locator("[data-summary]").text_content().startswith("Cet appareil garde : 0 liste(s)")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter mes données (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")


def test_answers_are_shared_by_widgets_and_languages(watch):
    page = watch.page
    page.goto(f"/techniques/{TECHNIQUE.id}/")
    first = page.locator(f'form[data-guide-selfcheck="{TECHNIQUE.id}"] fieldset[data-statement]').first
    first.locator("input").nth(4).check()
    page.goto("/en/assessment/")
    statement = TECHNIQUE.statements[0].id
    assert page.locator(f"#st-{TECHNIQUE.id}-{statement} input:checked").get_attribute("value") == "4"
