"""Whatever record comes in (issue #21), nothing the reader saved is lost and every widget works:
bad records stored before a page opens (odd dates, deep nesting, bad scores, a version as text …),
a widget that throws, imports under a full storage or that would replace data, the plan's calendar
file with hostile text, read back by the `icalendar` library."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from support.browser import assert_clean, open_page, stored, stored_text
from support.project import GUIDE
from support.widgets import ANSWERS, fieldset_id, statement_ids

RELEASE_1 = json.loads((Path(__file__).parent / "fixtures" / "storage-v1.json").read_text(encoding="utf-8"))
DEEP = '{"a":' * 5000 + "{}" + "}" * 5000  # 30 KB of nested objects (Python's json cannot even write it)


def with_deep(path: str) -> str:
    """RELEASE_1 as text, with DEEP at `path` (a JSON placeholder string in the record)."""
    return json.dumps(odd(path)).replace('"@DEEP@"', DEEP)


def odd(*changes: str) -> dict:
    record = copy.deepcopy(RELEASE_1)
    for change in changes:
        if change == "dates":
            record["checklists"]["remercier"]["updated"] = "2025/03/01"
            record["quizzes"]["remercier"]["checked"] = "2025-02-30"
            record["selfAssessment"]["history"][1]["date"] = "+275760-09-13T00:00:00.000Z"
            record["plan"]["date"] = "12345-06-07"
        elif change == "deep-scores":
            record["selfAssessment"]["history"][0]["scores"]["remercier"] = "@DEEP@"
            record["selfAssessment"]["history"].append({"date": "2026-12-01T10:00:00.000Z", "scores": "@DEEP@"})
        elif change == "deep-plan":
            record["plan"]["commitment"] = "@DEEP@"
        elif change == "scores":
            record["selfAssessment"]["history"][0]["scores"].update({"remercier": "63", "contact-visuel": -38})
            record["selfAssessment"]["history"][1]["scores"].update({"remercier": "abc", "attitude-positive": 170})
            record["quizzes"]["remercier"]["score"] = "2"
            record["quizzes"]["article"]["score"] = -1
            record["selfAssessment"]["answers"]["remercier"]["thanks-publicly"] = "2"
        elif change == "shapes":
            record["checklists"]["contact-visuel"] = ["phone-away"]
            record["selfAssessment"]["history"][0]["scores"] = [50, 50]
            record["__proto__"] = {"checklists": {}}
            record["quizzes"]["__proto__"] = {"score": 1, "total": 1}
    return record


BAD_RECORDS = {
    "odd-dates": odd("dates"),
    "deep-nesting": with_deep("deep-scores"),
    "deep-plan": json.dumps(odd("deep-plan")).replace('"@DEEP@"', DEEP),
    "bad-scores": odd("scores"),
    "wrong-shapes": odd("shapes"),
    "version-as-text": {**RELEASE_1, "version": "1"},
    "no-version": {k: v for k, v in RELEASE_1.items() if k != "version"},
}
REMERCIER = GUIDE.technique("remercier")
# Every widget reads the record through one gate (record.js, unit-tested on every record in Node):
# every record is read on a technique page and the self-assessment, the deepest and the one with
# every field of the wrong shape also on these pages
OTHER_PAGES = [
    ("/checklists/", "[data-guide-checklist='contact-visuel'] input[data-item]"),
    ("/embed/remercier/checklist/", "[data-guide-checklist='remercier'] input[data-item]"),
    ("/en/techniques/remercier/", "[data-guide-checklist='remercier'] input[data-item]"),
]
ON_EVERY_PAGE = {"deep-nesting", "wrong-shapes"}
NEW_TICK = "log-thanks"  # not ticked in RELEASE_1


def expect_all_mounted(page) -> None:
    expect(page.locator("[data-guide-widget]:not([data-mounted=true])")).to_have_count(0)
    expect(page.locator(".guide-widget-failed")).to_have_count(0)


def left_out_notice(page, name: str):
    notice = page.locator(".guide-left-out")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("laissée")
    text = notice.text_content()
    n = int(re.search(r"illisible\u00a0: (\d+) ", text)[1])  # the word follows the count: « 1 entrée », « 2 entrées »
    assert f"{n} {'entrée laissée' if n < 2 else 'entrées laissées'} de côté (" in text, text
    return text


@pytest.mark.parametrize("name", list(BAD_RECORDS))
def test_a_bad_record_leaves_every_widget_working_and_a_tick_is_saved(watch, name):
    page = watch.page
    record = BAD_RECORDS[name]
    kept = name not in ("version-as-text", "no-version")  # a record refused whole reads as an empty one

    # a technique page: checklist, quiz, self-check
    open_page(page, "/techniques/remercier/", saved=record)
    expect_all_mounted(page)
    told = left_out_notice(page, name)
    checklist = page.locator("[data-guide-checklist='remercier']")
    box = checklist.locator(f"input[data-item='{NEW_TICK}']")
    box.check()
    expect(checklist.locator("[data-updated]")).not_to_have_text("Rien de coché pour l’instant.")
    now = stored(page)
    assert NEW_TICK in now["checklists"]["remercier"]["ticked"]
    if kept:
        assert set(RELEASE_1["checklists"]["remercier"]["ticked"]) <= set(now["checklists"]["remercier"]["ticked"])
        assert now["selfAssessment"]["answers"]["attitude-positive"] == RELEASE_1["selfAssessment"]["answers"]["attitude-positive"]
    else:
        assert "version" in told
    assert len(stored_text(page)) < 10000  # what was left out is gone: the record is flat again

    # the same record on the checklists page, an embed page and in English (OTHER_PAGES)
    for path, tick in OTHER_PAGES if name in ON_EVERY_PAGE else []:
        open_page(page, path, saved=record)
        expect_all_mounted(page)
        first = page.locator(tick).last
        first.check()
        expect(first).to_be_checked()
        assert first.get_attribute("data-item") in json.dumps(stored(page)["checklists"])

    open_page(page, "/assessment/", saved=record)
    expect_all_mounted(page)
    results = page.locator("[data-guide-results]")
    if kept:
        expect(results).to_be_visible()
    widths = page.locator("[data-chart] rect").evaluate_all("rects => rects.map(r => r.getAttribute('width'))")
    assert all(float(w) >= 0 for w in widths), widths  # never NaN, never negative
    cells = page.locator("[data-table] td").all_text_contents()
    assert all(cell == "—" or (cell.isdigit() and 0 <= int(cell) <= 100) for cell in cells), cells
    statement = page.locator("[data-guide-assessment] fieldset[data-statement]").first
    statement.locator("input[value='1']").check()
    technique, sid = statement.get_attribute("data-technique"), statement.get_attribute("data-statement")
    assert stored(page)["selfAssessment"]["answers"][technique][sid] == 1
    assert_clean(watch)


def test_a_bad_record_on_the_english_pages_is_told_in_english(watch):
    page = watch.page
    open_page(page, "/en/techniques/remercier/", saved=odd("dates"))
    expect(page.locator(".guide-left-out")).to_have_text(
        "Part of what this device kept could not be read: 4 entries left out "
        "(selfAssessment.history[1], checklists.remercier.updated, quizzes.remercier.checked, plan.date). The rest is here."
    )
    expect(page.locator("[data-guide-checklist='remercier'] [data-updated]")).to_have_text("")  # ticks kept, their date lost
    expect(page.locator("[data-guide-checklist='remercier'] [data-progress]")).to_contain_text("2 / ")
    assert_clean(watch)


# The checklist fails as it mounts: the querySelector it needs throws.
BREAK_CHECKLIST = """{
  const original = Element.prototype.querySelector;
  Element.prototype.querySelector = function (selector) {
    if (selector === "[data-progress]") throw new Error("a widget that breaks");
    return original.call(this, selector);
  };
}"""


@pytest.mark.parametrize(
    "path,message",
    [
        (
            "/techniques/remercier/",
            "Cet outil n’a pas pu démarrer sur cette page. Le reste de la page fonctionne\u00a0; rechargez-la pour réessayer.",
        ),
        ("/en/techniques/remercier/", "This tool could not start on this page. The rest of the page works; reload it to try again."),
    ],
)
def test_a_widget_that_throws_leaves_the_others_mounted_with_a_message_in_its_place(watch, path, message):
    page = watch.page
    page.add_init_script(BREAK_CHECKLIST)
    open_page(page, path)
    checklist = page.locator("[data-guide-checklist='remercier']")
    expect(checklist).to_have_attribute("data-mounted", "failed")
    expect(checklist.locator(".guide-widget-failed")).to_have_text(message)
    expect(checklist.locator("[data-js-only]")).to_be_hidden()  # its buttons would do nothing
    expect(page.locator("[data-guide-widget][data-mounted=true]")).to_have_count(2)
    selfcheck = page.locator("[data-guide-self-check='remercier']")
    selfcheck.locator("fieldset[data-statement] input[value='4']").first.check()
    assert stored(page)["selfAssessment"]["answers"]["remercier"] == {REMERCIER.statements[0].id: 4}
    assert_clean(watch)


# --- My data: imports ------------------------------------------------------------------------------

SUMMARY_FR = "Cet appareil garde\u00a0: {}."
COUNTS_RELEASE_1 = "2 listes de contrôle, 2 quiz, 32 réponses d’auto-évaluation, 2 profils enregistrés et un plan d’action"


def backup(record: dict) -> dict:
    return {"app": "networking-guide", "exported": "2026-12-01T10:00:00.000Z", **record}


def payload(name: str, content: str | bytes) -> dict:
    buffer = content.encode("utf-8") if isinstance(content, str) else content
    return {"name": name, "mimeType": "application/json", "buffer": buffer}


def import_file(page, file) -> None:
    page.locator("[data-guide-my-data] input[data-import]").set_input_files(file)


SMALL = {
    "version": 1,
    "checklists": {"remercier": {"ticked": ["list-helpers"], "updated": "2025-04-01T09:00:00.000Z"}},
    "quizzes": {},
    "selfAssessment": {"answers": {}, "history": []},
    "plan": None,
}


def test_an_import_that_would_replace_data_asks_first(watch):
    page = watch.page
    open_page(page, "/my-data/", saved=SMALL)
    before = stored_text(page)
    root = page.locator("[data-guide-my-data]")
    live = root.locator("[data-live]")
    dialog = page.locator("[data-guide-my-data] dialog")
    # dated to the minute, in the browser's time zone: same counts still tell which is newer
    question = re.compile(
        re.escape(f"Ce fichier contient\u00a0: {COUNTS_RELEASE_1} (dernier changement le 29\u00a0novembre 2026 à ")
        + r"\d\d:\d\d"
        + re.escape(
            "). Il remplacera ce que garde cet appareil\u00a0: 1 liste de contrôle, 0 quiz, 0 réponse d’auto-évaluation, "
            "0 profil enregistré et aucun plan d’action (dernier changement le 1\u00a0avril 2025 à "
        )
        + r"\d\d:\d\d\)\. Remplacer\u00a0\?$"
    )

    import_file(page, payload("backup.json", json.dumps(backup(RELEASE_1))))
    expect(dialog).to_be_visible()
    expect(dialog).to_have_accessible_name(question)
    cancel, replace = dialog.get_by_role("button", name="Annuler"), dialog.get_by_role("button", name="Remplacer mes données")
    expect(cancel).to_be_focused()
    # focused, the safe choice is ringed, not filled like the primary button beside it (Material's focus look)
    look = "(b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).outlineStyle]"
    assert cancel.evaluate(look) == ["rgba(0, 0, 0, 0)", "solid"]
    assert replace.evaluate(look)[0] not in ("rgba(0, 0, 0, 0)", "transparent")
    cancel.click()
    expect(dialog).to_be_hidden()
    expect(live).to_have_text("Import annulé. Rien n’a été modifié.")
    assert stored_text(page) == before

    import_file(page, payload("backup.json", json.dumps(backup(RELEASE_1))))
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")  # the native dialog's own way out: the same as cancel
    expect(live).to_have_text("Import annulé. Rien n’a été modifié.")
    assert stored_text(page) == before

    bad = odd("dates")
    import_file(page, payload("backup.json", json.dumps(backup(bad))))
    expect(dialog.locator("[data-import-left]")).to_have_text(
        "4 entrées du fichier laissées de côté\u00a0: selfAssessment.history[1], checklists.remercier.updated, "
        "quizzes.remercier.checked, plan.date."
    )
    dialog.get_by_role("button", name="Remplacer mes données").click()
    counts = "2 listes de contrôle, 2 quiz, 32 réponses d’auto-évaluation, 1 profil enregistré et un plan d’action"
    expect(live).to_have_text(
        f"Données importées. {SUMMARY_FR.format(counts)} 4 entrées du fichier laissées de côté\u00a0: "
        "selfAssessment.history[1], checklists.remercier.updated, quizzes.remercier.checked, plan.date."
    )
    expect(root.locator("[data-summary]")).to_have_text(SUMMARY_FR.format(counts))
    now = stored(page)
    assert now["checklists"]["remercier"] == {"ticked": RELEASE_1["checklists"]["remercier"]["ticked"], "updated": None}
    assert now["plan"] == {**RELEASE_1["plan"], "date": ""}
    assert_clean(watch)


# Fills the origin's storage with other keys up to the quota (what another site on a shared host
# can do), to the last character: blocks of 256 K characters while they fit, then the last block
# found to the character (speed: each failed try copies less than a block); returns the characters
# stored. EMPTY_FILL takes them away.
FILL = """() => {
  const block = 256 * 1024;
  let n = 0, stored = 0;
  for (;; n++) {
    try { localStorage.setItem(`someone-else-${n}`, "x".repeat(block)); stored += block; }
    catch { break; }
  }
  let low = 0, high = block;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    try { localStorage.setItem(`someone-else-${n}`, "x".repeat(middle)); low = middle; }
    catch { localStorage.removeItem(`someone-else-${n}`); high = middle; }
  }
  localStorage.setItem(`someone-else-${n}`, "x".repeat(low));
  return stored + low;
}"""
EMPTY_FILL = "Object.keys(localStorage).filter(k => k.startsWith('someone-else-')).forEach(k => localStorage.removeItem(k))"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_import_under_a_nearly_full_storage_keeps_the_old_record_and_says_why(watch, lang):
    page = watch.page
    prefix = "/en" if lang == "en" else ""
    open_page(page, f"{prefix}/my-data/", saved=SMALL)
    before = stored_text(page)
    assert page.evaluate(FILL) > 1_000_000
    bigger = copy.deepcopy(RELEASE_1)  # larger than SMALL by far more than the room left
    scores = {t.id: 50 for t in GUIDE.techniques}
    bigger["selfAssessment"]["history"] = [{"date": f"2026-01-{d:02d}T10:00:00.000Z", "scores": scores} for d in range(1, 29)]
    import_file(page, payload("backup.json", json.dumps(backup(bigger))))
    page.locator("[data-guide-my-data] dialog").get_by_role(
        "button", name="Replace my data" if lang == "en" else "Remplacer mes données"
    ).click()
    live = page.locator("[data-guide-my-data] [data-live]")
    size = -(-len(json.dumps(bigger, separators=(",", ":"), ensure_ascii=False).encode("utf-8")) // 1024)
    if lang == "fr":
        expect(live).to_have_text(
            f"Import impossible\u00a0: le stockage de ce navigateur est plein (le fichier demande {size}\u00a0Ko). "
            "Vos données sont restées telles quelles."
        )
    else:
        expect(live).to_have_text(f"Could not import: this browser’s storage is full (the file needs {size} KB). Your data is as it was.")
    assert stored_text(page) == before
    page.evaluate(EMPTY_FILL)
    open_page(page, f"{prefix}/my-data/")
    assert stored_text(page) == before  # after a reload too
    assert_clean(watch)


def test_a_tick_under_a_full_storage_says_it_was_not_saved_and_keeps_the_record(watch):
    page = watch.page
    open_page(page, "/techniques/remercier/", saved=SMALL)
    before = stored_text(page)
    page.evaluate(FILL)
    checklist = page.locator("[data-guide-checklist='remercier']")
    for item in REMERCIER.checklist[0].items[1:]:
        checklist.locator(f"input[data-item='{item.id}']").check()
    notice = checklist.locator(".guide-save-failed")
    expect(notice).to_have_text(
        "Non enregistré\u00a0: ce navigateur n’a pas gardé ce changement (son stockage est plein ou bloqué). "
        "Il reste sur cette page jusqu’à ce que vous la quittiez."
    )
    expect(notice).to_have_attribute("role", "status")
    assert stored_text(page) == before
    page.evaluate(EMPTY_FILL)
    checklist.locator(f"input[data-item='{REMERCIER.checklist[0].items[0].id}']").uncheck()
    expect(notice).to_have_text("")  # saved again: the notice goes
    first, *others = [item.id for item in REMERCIER.checklist[0].items]
    ticked = set(SMALL["checklists"]["remercier"]["ticked"]) | set(others)
    assert set(stored(page)["checklists"]["remercier"]["ticked"]) == ticked - {first}
    assert_clean(watch)


def test_a_profile_the_full_storage_refused_says_so_though_an_answer_was_saved_before_it(watch):
    """The self-assessment comes with extras.js: its answers and its profile go through one
    storage, the page's, or the "not saved" notice follows the wrong one (it did when extras.js
    bundled a copy of storage.js). Under a storage filled to the brim, changing an answer (the record keeps its length) is
    saved; the profile that follows, a longer record, is not, and the reader is told."""
    page = watch.page
    answers = {tid: dict(zip(statement_ids(tid), values)) for tid, values in ANSWERS.items()}
    record = {"version": 1, "checklists": {}, "quizzes": {}, "selfAssessment": {"answers": answers, "history": []}, "plan": None}
    open_page(page, "/assessment/", saved=record)
    page.evaluate(FILL)
    tid, sid = "contact-visuel", statement_ids("contact-visuel")[0]
    page.locator(f"#{fieldset_id(tid, sid)} input[value='3']").check()  # was 4: one digit for another
    expect(page.locator("[data-guide-assessment] .guide-save-failed")).to_have_count(0)
    assert stored(page)["selfAssessment"]["answers"][tid][sid] == 3  # kept
    page.locator("[data-guide-assessment] button[type=submit]").click()
    expect(page.locator("[data-guide-results]")).to_be_visible()
    failed = "Non enregistré\u00a0: ce navigateur n’a pas gardé ce changement"
    expect(page.locator("[data-guide-widget=assessment] > .guide-save-failed")).to_contain_text(failed)
    expect(page.locator("[data-guide-assessment] [data-live]")).to_contain_text(failed)  # not "enregistrée le …"
    assert stored(page)["selfAssessment"]["history"] == []
    page.evaluate(EMPTY_FILL)
    page.locator("[data-guide-results] [data-action=save-plan]").click()  # room again: the next write is kept
    expect(page.locator("[data-guide-widget=assessment] > .guide-save-failed")).to_have_text("")
    assert len(stored(page)["selfAssessment"]["history"]) == 1
    assert_clean(watch)


HUGE = json.dumps(
    backup({**RELEASE_1, "plan": {**RELEASE_1["plan"], "commitment": "x" * (2 * 1024 * 1024)}})
)  # a 2 MB backup: twice what the guide reads
HUGE_KB = -(-len(HUGE.encode("utf-8")) // 1024)
REFUSED = [
    (
        "no-version.json",
        json.dumps(backup(BAD_RECORDS["no-version"])),
        "Ce fichier n’a pas de version\u00a0: il n’a pas été fait par ce guide. Rien n’a été modifié.",
        "This file has no version: it was not made by this guide. Nothing was changed.",
    ),
    (
        "text-version.json",
        json.dumps(backup(BAD_RECORDS["version-as-text"])),
        "La version de ce fichier est écrite comme un texte (« 1 »), pas comme un nombre\u00a0: il n’a pas été fait par ce guide. Rien n’a été modifié.",
        "This file’s version is written as text (“1”), not as a number: it was not made by this guide. Nothing was changed.",
    ),
    (
        "nothing-usable.json",
        json.dumps(backup({"version": 1, "checklists": {"Not An Id": {"ticked": ["x"]}}, "plan": "tomorrow"})),
        "Ce fichier ne contient rien que le guide puisse utiliser. Rien n’a été modifié.",
        "This file holds nothing the guide can use. Nothing was changed.",
    ),
    (
        "empty.json",
        json.dumps(backup({"version": 1})),
        "Ce fichier ne contient rien que le guide puisse utiliser. Rien n’a été modifié.",
        "This file holds nothing the guide can use. Nothing was changed.",
    ),
    (
        "huge.json",
        HUGE,
        f"Ce fichier est trop gros ({HUGE_KB:,}\u00a0Ko)\u00a0: le guide lit des sauvegardes de 1\u00a0Mo au plus. Rien n’a été modifié.".replace(
            ",", "\u202f"
        ),
        f"This file is too large ({HUGE_KB:,} KB): the guide reads backups of up to 1 MB. Nothing was changed.",
    ),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_files_that_cannot_be_imported_are_refused_with_a_clear_message_and_change_nothing(watch, lang):
    page = watch.page
    open_page(page, "/en/my-data/" if lang == "en" else "/my-data/", saved=SMALL)
    before = stored_text(page)
    live = page.locator("[data-guide-my-data] [data-live]")
    for name, content, fr, en in REFUSED:
        import_file(page, payload(name, content))
        expect(live).to_have_text(en if lang == "en" else fr)
        expect(page.locator("[data-guide-my-data] dialog")).to_be_hidden()
        assert stored_text(page) == before, name
        page.evaluate("document.querySelector('[data-guide-my-data] [data-live]').textContent = ''")
    assert_clean(watch)


# A backup the reader opened and saved again in Notepad on Windows, with its line ends: as
# "Unicode" (UTF-16 with a byte-order mark), "ANSI" (Windows-1252) or "UTF-8 with BOM"; then one
# edited by hand.
SAVED_BY_NOTEPAD = {
    "Unicode": lambda text: text.encode("utf-16"),
    "ANSI": lambda text: text.encode("cp1252"),
    "UTF-8 with BOM": lambda text: text.encode("utf-8-sig"),
}


def test_a_backup_saved_again_in_notepad_imports_with_the_readers_words_as_written(watch):
    page = watch.page
    open_page(page, "/my-data/")
    live = page.locator("[data-guide-my-data] [data-live]")
    for n, (how, encode) in enumerate(SAVED_BY_NOTEPAD.items()):
        record = copy.deepcopy(RELEASE_1)
        record["plan"]["commitment"] = f"{n + 1}. Remercier « Zoé » d’abord ; cœur, “merci”, 5 €…"
        text = json.dumps(backup(record), ensure_ascii=False, indent=2).replace("\n", "\r\n")
        page.evaluate("document.querySelector('[data-guide-my-data] [data-live]').textContent = ''")
        import_file(page, payload(f"sauvegarde-{n}.json", encode(text)))
        if n:  # the device keeps the backup imported before: asked first
            page.locator("[data-guide-my-data] dialog").get_by_role("button", name="Remplacer mes données").click()
        expect(live).to_have_text(f"Données importées. {SUMMARY_FR.format(COUNTS_RELEASE_1)}")
        assert stored(page)["plan"] == record["plan"], how

    # and edited by hand: the plan's last skill deleted, the comma before it left (JSON forbids it)
    record["plan"]["skills"] = record["plan"]["skills"][:1]
    text = json.dumps(backup(record), ensure_ascii=False, indent=2).replace("\n", "\r\n")
    edited = text.replace(f'"{record["plan"]["skills"][0]}"\r\n', f'"{record["plan"]["skills"][0]}",\r\n', 1)
    assert edited != text
    page.evaluate("document.querySelector('[data-guide-my-data] [data-live]').textContent = ''")
    import_file(page, payload("sauvegarde-modifiee.json", edited.encode("cp1252")))
    page.locator("[data-guide-my-data] dialog").get_by_role("button", name="Remplacer mes données").click()
    expect(live).to_have_text(f"Données importées. {SUMMARY_FR.format(COUNTS_RELEASE_1)}")
    assert stored(page)["plan"] == record["plan"]
    assert_clean(watch)


# --- the plan's calendar file ----------------------------------------------------------------------

HOSTILE = (
    "Appeler Marie, puis Paul; dire merci \\ « bravo » 🤝\u0007\u0000\u001b\u007f\u0085\r\n"
    "DTSTART:19700101\r\nEND:VEVENT\r\nBEGIN:VEVENT\n" + "très long texte " * 40 + "\tfin"
)


def test_the_calendar_file_with_hostile_text_is_one_event_any_calendar_reads(watch, tmp_path):
    from icalendar import Calendar

    page = watch.page
    scores = {t.id: 40 + i for i, t in enumerate(GUIDE.techniques)}
    record = {
        **copy.deepcopy(RELEASE_1),
        "selfAssessment": {"answers": {}, "history": [{"date": "2026-01-02T10:00:00.000Z", "scores": scores}]},
    }
    open_page(page, "/assessment/", saved=record)
    page.locator("#plan-commitment").evaluate("(area, text) => (area.value = text)", HOSTILE)
    page.locator("#plan-date").fill("2031-02-03")
    with page.expect_download() as info:
        page.get_by_role("button", name="Ajouter à mon agenda").click()
    path = tmp_path / "plan.ics"
    info.value.save_as(path)
    raw = path.read_bytes()
    assert not any((b < 0x20 and b not in (0x09, 0x0D, 0x0A)) or b == 0x7F for b in raw), "no control character but tab and CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendars = Calendar.from_ical(raw, multiple=True)
    assert len(calendars) == 1
    events = calendars[0].walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event["DTSTART"].dt.isoformat() == "2031-02-03"
    typed = page.locator("#plan-commitment").input_value().strip()  # as the textarea holds it (CRLF read as LF)
    clean = "".join(c for c in typed if not ((ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F))
    assert str(event["DESCRIPTION"]).split("\n")[: clean.count("\n") + 1] == clean.split("\n")
    assert str(event["SUMMARY"]).startswith("Networking à pratiquer\u00a0: ")
    assert_clean(watch)


def test_a_date_whose_year_has_more_than_four_digits_is_refused_with_a_message(watch):
    page = watch.page
    record = {**copy.deepcopy(RELEASE_1), "plan": None}
    open_page(page, "/assessment/", saved=record)
    date = page.locator("#plan-date")
    assert (date.get_attribute("min"), date.get_attribute("max")) == ("1000-01-01", "9999-12-31")
    date.evaluate("input => (input.value = '12345-06-07')")
    assert date.input_value() == "12345-06-07"  # what the browser lets a reader type
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.get_by_role("button", name="Ajouter à mon agenda").click()
    live = page.locator("[data-plan-live]")
    expect(live).to_have_text("Choisissez une date dont l’année a quatre chiffres (de 1000 à 9999).")
    expect(date).to_be_focused()
    page.get_by_role("button", name="Enregistrer mon plan").click()
    expect(live).to_have_text("Choisissez une date dont l’année a quatre chiffres (de 1000 à 9999).")
    assert downloads == [] and stored(page)["plan"] is None
    assert_clean(watch)
