"""My data (/my-data/, /en/my-data/) in Chromium: the summary, export to JSON, erase (with its
confirmation) and import, including the files it must refuse."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import assert_clean, open_page, store, stored, stored_text
from support.project import GUIDE

REMERCIER = GUIDE.technique("remercier")
TICKS = ["list-helpers", "thank-within-48h"]
SELF_CHECK = dict(zip([s.id for s in REMERCIER.statements], [4, 3, 2, 1]))  # 10 / 16 → 63
HISTORY = [{"date": "2025-04-02T12:00:00.000Z", "scores": {"remercier": 63}}]
PLAN = {"commitment": "Remercier sous 48 heures.", "date": "2031-03-04", "skills": ["remercier", "contact-visuel"]}
EMPTY_FR = "Cet appareil garde\u00a0: 0 liste de contrôle, 0 quiz, 0 réponse d’auto-évaluation, 0 profil enregistré et aucun plan d’action."
SAMPLE_FR = "Cet appareil garde\u00a0: 1 liste de contrôle, 0 quiz, 4 réponses d’auto-évaluation, 1 profil enregistré et un plan d’action."
SAMPLE_EN = "This device keeps: 1 checklist, 0 quizzes, 4 self-assessment answers, 1 saved profile and an action plan."
EMPTY_EN = "This device keeps: 0 checklists, 0 quizzes, 0 self-assessment answers, 0 saved profiles and no action plan."


def sample() -> dict:
    return {
        "version": 1,
        "checklists": {"remercier": {"ticked": TICKS, "updated": "2025-04-01T09:00:00.000Z"}},
        "quizzes": {},
        "selfAssessment": {"answers": {"remercier": SELF_CHECK}, "history": HISTORY},
        "plan": PLAN,
    }


def payload(name: str, content: str | bytes) -> dict:
    buffer = content.encode("utf-8") if isinstance(content, str) else content
    return {"name": name, "mimeType": "application/json", "buffer": buffer}


def import_file(page, file) -> None:
    page.locator("[data-guide-my-data] input[data-import]").set_input_files(file)


def make_data_on_remercier(page) -> None:
    """A reader's real traces: two ticks, the quiz, the technique's self-check."""
    open_page(page, "/techniques/remercier/")
    checklist = page.locator("[data-guide-checklist='remercier']")
    for item in TICKS:
        checklist.locator(f"input[data-item='{item}']").check()
    expect(checklist.locator("[data-progress]")).to_have_text(f"2 / {checklist.locator('input[data-item]').count()} cochés")

    quiz = page.locator("[data-guide-quiz='remercier']")
    for correct in quiz.locator("[data-correct] input").all():
        correct.check()
    quiz.get_by_role("button", name="Vérifier").click()
    expect(quiz.locator("[data-live]")).to_contain_text(f"Score\u00a0: {len(REMERCIER.questions)} / {len(REMERCIER.questions)}")

    selfcheck = page.locator("[data-guide-self-check='remercier']")
    for sid, value in SELF_CHECK.items():
        selfcheck.locator(f"#st-remercier-{sid} input[value='{value}']").check()
    selfcheck.get_by_role("button", name="Voir mon score").click()
    expect(selfcheck.locator("[data-live]")).to_contain_text("Remerciez les gens\u00a0: 63 / 100.")


# 8 ------------------------------------------------------------------------------------------------
def test_export_erase_import_restores_everything(watch, tmp_path):
    page = watch.page
    make_data_on_remercier(page)
    # An assessment run and a plan, made elsewhere (assessment tests cover how): stored directly.
    data = stored(page)
    data["selfAssessment"]["history"], data["plan"] = HISTORY, PLAN
    store(page, data)

    open_page(page, "/my-data/")
    summary = page.locator("[data-guide-my-data] [data-summary]")
    live = page.locator("[data-guide-my-data] [data-live]")
    expect(summary).to_have_text(
        "Cet appareil garde\u00a0: 1 liste de contrôle, 1 quiz, 4 réponses d’auto-évaluation, 1 profil enregistré et un plan d’action."
    )
    before = stored_text(page)

    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter mes données (JSON)").click()
    download = info.value
    assert download.suggested_filename.startswith("networking-guide-") and download.suggested_filename.endswith(".json")
    # said on the page too (a phone may show no download at all), with the file's name
    expect(live).to_have_text(
        f"Sauvegarde téléchargée\u00a0: {download.suggested_filename}. Gardez-la pour la réimporter ici ou sur un autre appareil."
    )
    exported_path = tmp_path / download.suggested_filename
    download.save_as(exported_path)
    exported = json.loads(exported_path.read_text(encoding="utf-8"))
    assert exported["app"] == "networking-guide"
    assert exported["version"] == 1
    datetime.fromisoformat(exported["exported"].replace("Z", "+00:00"))
    assert exported["checklists"]["remercier"]["ticked"] == TICKS
    assert exported["quizzes"]["remercier"]["score"] == exported["quizzes"]["remercier"]["total"] == len(REMERCIER.questions)
    assert exported["selfAssessment"]["answers"] == {"remercier": SELF_CHECK}
    assert exported["selfAssessment"]["history"] == HISTORY
    assert exported["plan"] == PLAN
    assert {k: v for k, v in exported.items() if k not in ("app", "exported")} == json.loads(before)

    erase = page.get_by_role("button", name="Tout effacer")
    messages = []

    # Dismissing the confirmation erases nothing, and says nothing new.
    said = live.text_content()
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    erase.click()
    assert messages == ["Effacer toutes les données du guide sur cet appareil\u00a0? Cette action est définitive."]
    assert stored_text(page) == before
    expect(summary).to_have_text(
        "Cet appareil garde\u00a0: 1 liste de contrôle, 1 quiz, 4 réponses d’auto-évaluation, 1 profil enregistré et un plan d’action."
    )
    expect(live).to_have_text(said)

    page.once("dialog", lambda dialog: dialog.accept())
    erase.click()
    expect(live).to_have_text("Toutes les données du guide ont été effacées de cet appareil.")
    expect(summary).to_have_text(EMPTY_FR)
    assert stored_text(page) is None

    import_file(page, exported_path)
    expect(live).to_have_text(
        "Données importées. Cet appareil garde\u00a0: 1 liste de contrôle, 1 quiz, 4 réponses d’auto-évaluation, 1 profil enregistré et un plan d’action."
    )
    expect(summary).to_have_text(
        "Cet appareil garde\u00a0: 1 liste de contrôle, 1 quiz, 4 réponses d’auto-évaluation, 1 profil enregistré et un plan d’action."
    )
    assert stored(page) == json.loads(before)

    open_page(page, "/techniques/remercier/")
    checklist = page.locator("[data-guide-checklist='remercier']")
    expect(checklist.locator("input[data-item]:checked")).to_have_count(len(TICKS))
    for item in TICKS:
        expect(checklist.locator(f"input[data-item='{item}']")).to_be_checked()
    for sid, value in SELF_CHECK.items():
        expect(page.locator(f"[data-guide-self-check='remercier'] #st-remercier-{sid} input[value='{value}']")).to_be_checked()
    questions = len(REMERCIER.questions)
    expect(page.locator("[data-guide-quiz='remercier'] [data-live]")).to_contain_text(f"Score\u00a0: {questions} / {questions}")
    assert_clean(watch)


# 9 ------------------------------------------------------------------------------------------------
# what the reader is told, in words of theirs (no "JSON", no "version 2")
UNREADABLE = "Ce fichier ne se lit pas comme une sauvegarde du guide\u00a0: est-ce le bon fichier\u00a0? Rien n’a été modifié."
NOT_OURS = "Ce fichier n’a pas été fait par ce guide. Rien n’a été modifié."
NEWER = "Ce fichier vient d’une version plus récente du guide\u00a0: rechargez la page, puis importez-le à nouveau. Rien n’a été modifié."
BAD_FILES = [
    ("not-json.json", "{ this is not JSON", UNREADABLE),
    ("a-list.json", json.dumps([sample()]), NOT_OURS),
    ("null.json", "null", NOT_OURS),
    ("other-app.json", json.dumps({"app": "another-guide", **sample()}), NOT_OURS),
    ("other-app-version-2.json", json.dumps({**sample(), "app": "another-guide", "version": 2}), NOT_OURS),
    ("no-app.json", json.dumps(sample()), NOT_OURS),
    ("version-0.json", json.dumps({"app": "networking-guide", **sample(), "version": 0}), NOT_OURS),
    ("version-2.json", json.dumps({"app": "networking-guide", **sample(), "version": 2}), NEWER),
    # two backups made one by hand: pasted into one object (JSON.parse kept the second "checklists"
    # and the import said nothing), or into a list
    (
        "merged-by-hand.json",
        json.dumps({"app": "networking-guide", **sample()}, indent=2)[:-2]
        + ',\r\n  "checklists": {"remercier": {"ticked": ["list-helpers"], "updated": "2025-02-01T10:00:00.000Z"}}\r\n}',
        "Ce fichier contient deux fois «\u00a0checklists\u00a0» (deux sauvegardes assemblées à la main\u00a0?)\u00a0: le guide n’en lirait "
        "que la seconde. Gardez-en une seule, puis importez-le à nouveau. Rien n’a été modifié.",
    ),
    (
        "two-backups-in-a-list.json",
        json.dumps([{"app": "networking-guide", **sample()}] * 2),
        "Ce fichier contient plusieurs sauvegardes\u00a0: importez-les une à une, la dernière importée remplaçant les autres. "
        "Rien n’a été modifié.",
    ),
]


def test_bad_import_files_are_refused_and_change_nothing(watch):
    page = watch.page
    original = sample()
    original["checklists"] = {"contact-visuel": {"ticked": ["phone-away"], "updated": "2025-01-01T10:00:00.000Z"}}
    original["plan"] = None
    open_page(page, "/my-data/", saved=original)
    summary = page.locator("[data-guide-my-data] [data-summary]")
    live = page.locator("[data-guide-my-data] [data-live]")
    shown = (
        "Cet appareil garde\u00a0: 1 liste de contrôle, 0 quiz, 4 réponses d’auto-évaluation, 1 profil enregistré et aucun plan d’action."
    )
    expect(summary).to_have_text(shown)
    before = stored_text(page)
    # the file picker shows a backup that Notepad saved as .txt too
    assert page.locator("[data-guide-my-data] input[data-import]").get_attribute("accept").split(",")[-2:] == ["text/plain", ".txt"]

    for name, content, told in BAD_FILES:
        import_file(page, payload(name, content))
        expect(live).to_have_text(told)
        assert stored_text(page) == before, name
        expect(summary).to_have_text(shown)
        page.evaluate("document.querySelector('[data-guide-my-data] [data-live]').textContent = ''")
    assert_clean(watch)


# 10 -----------------------------------------------------------------------------------------------
def test_english_page_shows_english_strings(watch):
    page = watch.page
    open_page(page, "/en/my-data/")
    root = page.locator("[data-guide-my-data]")
    live = root.locator("[data-live]")
    expect(root.locator("[data-summary]")).to_have_text(EMPTY_EN)
    expect(root.get_by_role("button", name="Export my data (JSON)")).to_be_visible()
    expect(root.locator("label.guide-file")).to_have_text("Import a data file")
    expect(root.get_by_role("button", name="Erase everything")).to_be_visible()

    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    root.get_by_role("button", name="Erase everything").click()
    assert messages == ["Erase all of the guide’s data on this device? This cannot be undone."]

    import_file(page, payload("bad.json", "nope"))
    expect(live).to_have_text("This file cannot be read as a backup of the guide: is it the right file? Nothing was changed.")
    import_file(page, payload("good.json", json.dumps({"app": "networking-guide", **sample()})))
    expect(live).to_have_text(f"Data imported. {SAMPLE_EN}")
    expect(root.locator("[data-summary]")).to_have_text(SAMPLE_EN)
    page.once("dialog", lambda dialog: dialog.accept())
    root.get_by_role("button", name="Erase everything").click()
    expect(live).to_have_text("All of the guide’s data has been erased from this device.")
    expect(root.locator("[data-summary]")).to_have_text(EMPTY_EN)
    assert_clean(watch)


# 11 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path,done", [("/my-data/", f"Données importées. {SAMPLE_FR}"), ("/en/my-data/", f"Data imported. {SAMPLE_EN}")])
def test_axe_after_import_message(watch, path, done):
    page = watch.page
    open_page(page, path)
    import_file(page, payload("backup.json", json.dumps({"app": "networking-guide", **sample()})))
    expect(page.locator("[data-guide-my-data] [data-live]")).to_have_text(done)
    assert axe_violations(page) == []
    assert_clean(watch)
