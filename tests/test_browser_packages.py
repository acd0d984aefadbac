"""The guide to take away, in Chromium. The offline copy opened from disk (file://): navigation,
both languages, search, saved ticks, quizzes, the self-assessment, print, with no request but to
its own files and no console error. The SCORM packages run by a host page with scorm-again's
SCORM 1.2 runtime (tools/, from npm), as a learning platform runs them, served over http: the
calls and their values, the record restored on a fresh device, a record per learner on a shared
browser, a new attempt, commits counted, frames that cannot store, bad suspend_data, a failing
platform, and no platform at all."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import NOT_MOUNTED, PageWatch, assert_clean, open_page, quiet_search, stored
from support.project import GUIDE, LANGS, ROOT
from support.server import serve
from support.widgets import ANSWERS, FORM, QUIZ, answer, document_of, right, tick_answers, wrong

SLUG = "remercier"
BOX = f"[data-guide-checklist={SLUG}] input[type=checkbox]"


# --- the offline copy, from disk ---------------------------------------------------------------


@pytest.fixture
def from_disk(context, packages):
    watch = PageWatch(context.new_page(), "file://")
    return watch, packages["offline"].as_uri() + "/"  # the test ends with `assert_clean(watch)`: nothing but the copy's files


def test_the_other_kinds_of_page_are_clean_from_disk(from_disk):
    """Those the journey below does not open, half in each language."""
    watch, base = from_disk
    for path in ["article", "checklists", f"trainers/{SLUG}", "en/my-data", "en/trainers/index", "en/trainers/answer-key"]:
        open_page(watch.page, f"{base}{path}.html")
        assert watch.page.evaluate("() => document.styleSheets.length") >= 2, path
    assert_clean(watch)


def test_the_offline_copy_works_from_disk(from_disk):
    watch, base = from_disk
    page = watch.page
    open_page(page, base + "index.html")
    # navigation: the technique pages are files, reached from the sidebar
    open_page(page, follow=page.locator(f'.md-sidebar--primary a[href="techniques/{SLUG}.html"]'))
    assert page.url == f"{base}techniques/{SLUG}.html"
    page.locator(BOX).first.check()
    # the other language, on the same page
    page.locator(".md-header .md-select").first.hover()
    open_page(page, follow=page.locator('.md-header .md-select__link[hreflang="en"]'))
    assert page.url == f"{base}en/techniques/{SLUG}.html"
    expect(page.locator(BOX).first).to_be_checked()  # the tick, saved, read in English
    # search, in the reader's language, from disk (the worker runs in iframe-worker's frame)
    page.locator(".md-search__input").click()
    page.keyboard.type("referral")
    results = page.locator(".md-search-result__link")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map(a => a.href.split('?')[0])")
    assert hrefs and all(h.startswith(base + "en/") and h.split("#")[0].endswith(".html") for h in hrefs)
    page.keyboard.press("Escape")
    # kept across a reload, and back in French
    open_page(page)
    expect(page.locator(BOX).first).to_be_checked()
    open_page(page, f"{base}techniques/{SLUG}.html")
    expect(page.locator(BOX).first).to_be_checked()
    # print: Material's print rules and the guide's (print.css) apply from disk too
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(f"#checklist-{SLUG}")).to_be_visible()
    page.emulate_media(media="screen")
    # the article quiz and the self-assessment
    open_page(page, base + "quiz.html")
    answer(page, right)
    page.locator(f"{FORM} button[type=submit]").click()
    total = len(QUIZ.questions)
    expect(page.locator(f"{FORM} [data-live]")).to_contain_text(f"{total} / {total}")
    page.locator(f"{FORM} button[data-action=project]").click()  # the projector's code, fetched from disk on first use
    expect(page.locator("dialog.guide-projector[open]")).to_be_visible()
    page.keyboard.press("Escape")
    open_page(page, base + "assessment.html")
    tick_answers(page, ANSWERS)
    page.locator("[data-guide-assessment] button[type=submit]").click()
    expect(page.locator("[data-guide-results]")).to_be_visible()
    record = stored(page)
    assert record["quizzes"][QUIZ.id]["score"] == total and len(record["selfAssessment"]["history"]) == 1
    assert_clean(watch)


# --- the SCORM packages, run by a learning platform ----------------------------------------------

# A learning platform's page, as far as a package can tell: the runtime as `window.API`, the SCO
# in a frame. Every call is recorded with its arguments and result. The setup comes from
# `window.LMS` (an init script): scorm-again with initial CMI data, or a platform whose every call
# returns "false", throws, or fails but LMSInitialize.
HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
const setup = window.LMS || { mode: "scorm-again" };
const names = ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"];
window.calls = [];
window.times = []; // when each call was made (ms since the host page's start)
let runtime;
if (setup.mode === "scorm-again") {
  runtime = new Scorm12API({ logLevel: 4, autocommit: false });
  if (setup.cmi) runtime.loadFromJSON(setup.cmi);
} else {
  const fail = setup.mode === "throw" ? () => { throw new Error("the platform is down"); } : () => "false";
  runtime = Object.fromEntries(names.map((name) => [name, name === "LMSInitialize" && setup.mode === "fails-after-initialise" ? () => "true" : fail]));
}
window.lms = runtime;
window.API = Object.fromEntries(names.map((name) => [name, (...args) => {
  try {
    const result = runtime[name](...args);
    calls.push([name, ...args, result]);
    times.push(performance.now());
    return result;
  } catch (error) {
    calls.push([name, ...args, "threw"]);
    times.push(performance.now());
    throw error;
  }
}]));
</script></head>
<body><iframe id="sco" title="Course" style="width:100%;height:95vh;border:0"></iframe>
<script>document.getElementById("sco").src = new URLSearchParams(location.search).get("sco");</script>
</body></html>
"""


@pytest.fixture(scope="module")
def platform(packages, tmp_path_factory):
    """The SCORM packages unzipped on a web server, beside the host page and scorm-again."""
    root = tmp_path_factory.mktemp("platform")
    (root / "host.html").write_text(HOST, encoding="utf-8")
    (root / "blank.html").write_text('<!doctype html><title>blank</title><link rel="icon" href="data:,">', encoding="utf-8")
    shutil.copy(ROOT / "tools/node_modules/scorm-again/dist/scorm12.min.js", root)
    for lang in LANGS:
        shutil.copytree(packages[f"scorm-{lang}"], root / lang)
    httpd = serve(root)
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture
def learner(browser, context, platform):
    """A fresh browser profile (each call: another one), watched like every page of the suite: the
    test ends with `learner.assert_clean()`."""

    class Learners:
        def __init__(self):
            self.opened = []

        def __call__(self):
            profile = context if not self.opened else quiet_search(browser.new_context(service_workers="block"))
            watch = PageWatch(profile.new_page(), platform.rstrip("/"))
            self.opened.append((profile, watch))
            return watch.page

        def assert_clean(self):
            for _, watch in self.opened:
                assert_clean(watch)

    learners = Learners()
    yield learners
    for profile, _ in learners.opened:
        if profile is not context:
            profile.close()


def guide_in(page):
    """The guide's frame inside the package's launch page, inside the host page."""
    return page.frame_locator("#sco").frame_locator("iframe")


STUDENT = "learner-1"  # the platform's ID of the learner a test does not name


def launch(page, platform: str, lang: str = "fr", **setup):
    """The package of `lang` opened by the host page (scorm-again's runtime naming its learner
    STUDENT unless the test names one); returns the guide's frame, once loaded."""
    setup = setup or {"mode": "scorm-again"}
    if setup["mode"] == "scorm-again":
        cmi = setup.setdefault("cmi", {})
        cmi["core"] = {"student_id": STUDENT, **cmi.get("core", {})}
    page.add_init_script(f"window.LMS = {json.dumps(setup)};")
    page.goto(f"{platform}host.html?sco={lang}/launch.html")
    guide = guide_in(page)
    expect(guide.locator("h1").first).to_be_visible()
    return guide


def calls(page) -> list[list]:
    return page.evaluate("calls")


def wait_for_value(page, element: str, value: str | None = None) -> None:
    """Until the package has set `element` (to `value`, if given)."""
    page.wait_for_function(
        "([element, value]) => calls.some(c => c[0] === 'LMSSetValue' && c[1] === element && (value === null || c[2] === value))",
        arg=[element, value],
    )


def learner_key(student_id: str, lang: str = "fr") -> str:
    """The key the package of `lang` keeps this learner's record under, as the launch page computes
    it (launch.js, run by Node)."""
    script = "import { learnerKey } from './overrides/assets/guide/launch.js'; console.log(learnerKey(...process.argv.slice(1)));"
    return subprocess.run(
        ["node", "--input-type=module", "-e", script, student_id, lang], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def learner_keys(page) -> list[str]:
    """The keys of learners' records the device keeps on the platform's origin."""
    return page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('networking-guide:lms:'))")


def device_record(page, student_id: str = STUDENT) -> dict | None:
    """The learner's record as the device keeps it (on the platform's origin)."""
    text = page.evaluate("key => localStorage.getItem(key)", learner_key(student_id))
    return None if text is None else json.loads(text)


def go(guide, href_end: str) -> None:
    """Follows the guide's own sidebar link to a page, inside the package's frame, and returns once
    the page it leads to (not the one before, whose widgets are all mounted already) is loaded
    and its widgets mounted."""
    frame = document_of(guide)
    guide.locator(f'.md-sidebar--primary .md-nav__link[href$="{href_end}"]').first.click()
    frame.wait_for_url(f"**/{href_end}")
    expect(guide.locator(NOT_MOUNTED)).to_have_count(0)


def leave(page) -> None:
    """The platform closes the package (its frame goes) once the guide's page is at rest, its search
    ready (removed while search still loads its scripts, the frame logs an error the guide can do
    nothing about): the launch page hides."""
    guide = guide_in(page)
    ready = json.loads(guide.locator("#__config").text_content())["translations"]["search.result.placeholder"]
    expect(guide.locator(".md-search-result__meta")).to_have_text(ready)
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("calls.some(c => c[0] === 'LMSFinish')")


def test_a_platform_hears_the_score_the_completion_and_the_end(learner, platform):
    page = learner()
    guide = launch(page, platform)
    first = calls(page)
    assert first[0] == ["LMSInitialize", "", "true"]
    sets = [c[1:3] for c in first if c[0] == "LMSSetValue"]
    assert ["cmi.core.lesson_status", "incomplete"] in sets and first[-1] == ["LMSCommit", "", "true"]
    assert ["cmi.core.exit", "suspend"] in sets  # from the start, committed: nothing waits for the page to close
    # the guide's pages come and go in the frame: the session stays
    go(guide, f"techniques/{SLUG}.html")
    guide.locator(BOX).first.check()
    page.wait_for_function("calls.filter(c => c[1] === 'cmi.suspend_data').length >= 2")
    go(guide, "quiz.html")
    answer(guide, lambda question: wrong(question) if question is QUIZ.questions[0] else right(question))
    guide.locator(f"{FORM} button[type=submit]").click()
    total = len(QUIZ.questions)
    raw = str(round(100 * (total - 1) / total))
    wait_for_value(page, "cmi.core.score.raw", raw)
    go(guide, "assessment.html")
    tick_answers(guide, ANSWERS)
    guide.locator("[data-guide-assessment] button[type=submit]").click()
    wait_for_value(page, "cmi.core.lesson_status", "completed")
    go(guide, "index.html")
    made = calls(page)
    assert [c[0] for c in made].count("LMSInitialize") == 1 and "LMSFinish" not in [c[0] for c in made]
    values = [c[1:3] for c in made if c[0] == "LMSSetValue"]
    assert ["cmi.core.score.min", "0"] in values and ["cmi.core.score.max", "100"] in values
    statuses = [v for e, v in values if e == "cmi.core.lesson_status"]
    assert statuses == ["incomplete", "completed"]
    assert all(c[-1] == "true" for c in made if c[0] not in ("LMSGetValue", "LMSGetLastError")), made  # the runtime took every call
    # every change is committed before the next one is made
    names = [c[0] for c in made]
    changes = [i for i, c in enumerate(made) if c[0] == "LMSSetValue"]
    assert all("LMSCommit" in names[i:] for i in changes)
    for i, call in enumerate(made):
        if call[0] == "LMSSetValue" and call[1] in ("cmi.core.score.raw", "cmi.core.lesson_status"):
            assert "LMSCommit" in names[i + 1 : i + 5], call
    saved = json.loads(page.evaluate("lms.cmi.suspend_data"))
    assert saved["quizzes"][QUIZ.id]["score"] == total - 1 and saved["checklists"][SLUG]["ticked"]
    assert page.evaluate("[lms.cmi.core.lesson_status, lms.cmi.core.score.raw]") == ["completed", raw]
    # leaving ends the session, once
    leave(page)
    page.wait_for_timeout(300)
    after = calls(page)
    assert [c[0] for c in after].count("LMSFinish") == 1 and after[-1] == ["LMSFinish", "", "true"]
    assert [c[:2] for c in after[-3:-1]] == [["LMSSetValue", "cmi.core.session_time"], ["LMSCommit", ""]]
    assert [c[1:3] for c in after if c[0] == "LMSSetValue" and c[1] == "cmi.core.exit"] == [
        ["cmi.core.exit", "suspend"]
    ]  # set once, at launch
    learner.assert_clean()


def test_the_record_follows_the_learner_to_a_fresh_browser(learner, platform):
    page = learner()
    guide = launch(page, platform)
    go(guide, f"techniques/{SLUG}.html")
    guide.locator(BOX).nth(1).check()
    page.wait_for_function(f"(lms.cmi.suspend_data || '').includes('{SLUG}')")
    kept = page.evaluate("lms.cmi.suspend_data")
    leave(page)
    # another device: nothing stored, what the platform kept handed to the package
    other = learner()
    guide = launch(other, platform, "en", mode="scorm-again", cmi={"suspend_data": kept, "core": {"lesson_status": "incomplete"}})
    expect(guide.locator("html")).to_have_attribute("lang", "en")
    go(guide, f"techniques/{SLUG}.html")
    expect(guide.locator(BOX).nth(1)).to_be_checked()
    expect(guide.locator(BOX).first).not_to_be_checked()
    assert [c[0] for c in calls(other)].count("LMSInitialize") == 1
    learner.assert_clean()


@pytest.mark.parametrize(
    "theirs",
    ['{"version":1,"checklists":{"remercier":{"ticked":["list-h', "viewed=1,2,3|slide=4", '{"score": 12}'],
    ids=["truncated", "another-format", "foreign-json"],
)
def test_bad_suspend_data_leaves_the_record_intact(learner, platform, theirs):
    page = learner()
    page.goto(f"{platform}blank.html")
    mine = {
        "version": 1,
        "checklists": {SLUG: {"ticked": [GUIDE.technique(SLUG).checklist[0].items[0].id], "updated": "2026-01-02T10:00:00.000Z"}},
        "quizzes": {},
        "selfAssessment": {"answers": {}, "history": []},
        "plan": None,
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [learner_key(STUDENT), json.dumps(mine)])
    launch(page, platform, mode="scorm-again", cmi={"suspend_data": theirs})
    assert device_record(page) == mine
    assert json.loads(page.evaluate("lms.cmi.suspend_data")) == mine  # the platform now holds the record
    learner.assert_clean()


# What a platform may hand back (issue #21): a record with odd dates, or 30 KB of nested objects in
# a profile's scores. The launch page passes it through the pages' gate (record.js): it still
# initialises, reports, and finishes; what is well formed is kept, the rest left out.
DEEP = '{"a":' * 5000 + "{}" + "}" * 5000
ODD_DATES = json.dumps(
    {
        "version": 1,
        "checklists": {"contact-visuel": {"ticked": ["phone-away"], "updated": "2025/03/01"}},
        "quizzes": {"remercier": {"answers": {}, "score": 1, "total": 3, "checked": "2025-02-30"}},
        "selfAssessment": {"answers": {}, "history": [{"date": "2025/03/01", "scores": {"remercier": 50}}]},
        "plan": {"commitment": "x", "date": "12345-06-07", "skills": []},
    }
)
DEEP_SCORES = json.dumps(
    {
        "version": 1,
        "checklists": {"contact-visuel": {"ticked": ["phone-away"], "updated": "2026-01-02T10:00:00.000Z"}},
        "quizzes": {},
        "selfAssessment": {
            "answers": {},
            "history": [{"date": "2026-01-02T10:00:00.000Z", "scores": {"remercier": 50, "contact-visuel": "@DEEP@"}}],
        },
        "plan": None,
    }
).replace('"@DEEP@"', DEEP)


@pytest.mark.parametrize("theirs", [ODD_DATES, DEEP_SCORES], ids=["odd-dates", "deep-nesting"])
def test_suspend_data_with_bad_dates_or_deep_nesting_still_initialises_reports_and_finishes(learner, platform, theirs):
    page = learner()
    guide = launch(page, platform, mode="scorm-again", cmi={"suspend_data": theirs, "core": {"lesson_status": "incomplete"}})
    made = calls(page)
    assert made[0] == ["LMSInitialize", "", "true"]
    sent = [c[2] for c in made if c[0] == "LMSSetValue" and c[1] == "cmi.suspend_data"]
    assert sent and len(sent[-1]) < 4096
    record = json.loads(sent[-1])
    assert record["checklists"]["contact-visuel"]["ticked"] == ["phone-away"]  # the well-formed part is kept
    assert record == device_record(page)
    assert "2025/03/01" not in sent[-1] and "12345" not in sent[-1] and '"a"' not in sent[-1]
    go(guide, f"techniques/{SLUG}.html")
    expect(guide.locator("[data-guide-widget][data-mounted=true]")).to_have_count(3)
    guide.locator(BOX).first.check()
    page.wait_for_function("calls.filter(c => c[1] === 'cmi.suspend_data').length >= 2")
    assert device_record(page)["checklists"][SLUG]["ticked"]
    go(guide, "index.html")
    leave(page)
    after = calls(page)
    assert [c[0] for c in after].count("LMSFinish") == 1 and after[-1] == ["LMSFinish", "", "true"]
    learner.assert_clean()


def test_a_record_too_long_for_the_platform_keeps_the_rest_on_the_device(learner, platform):
    page = learner()
    page.goto(f"{platform}blank.html")
    scores = {t.id: 50 for t in GUIDE.techniques}
    history = [{"date": f"2026-01-{day:02d}T10:00:00.000Z", "scores": scores} for day in range(1, 29)]
    mine = {"version": 1, "checklists": {}, "quizzes": {}, "selfAssessment": {"answers": {}, "history": history}, "plan": None}
    assert len(json.dumps(mine)) > 4096
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [learner_key(STUDENT), json.dumps(mine)])
    launch(page, platform)
    kept = page.evaluate("lms.cmi.suspend_data")
    assert 0 < len(kept) <= 4096
    trimmed = json.loads(kept)["selfAssessment"]["history"]
    assert trimmed and trimmed == history[-len(trimmed) :]  # the newest kept
    assert device_record(page) == mine  # the device keeps it all
    learner.assert_clean()


@pytest.mark.parametrize("mode", ["false", "throw", "fails-after-initialise"])
def test_a_failing_platform_leaves_the_guide_working(learner, platform, mode):
    page = learner()
    guide = launch(page, platform, mode=mode)
    go(guide, f"techniques/{SLUG}.html")
    guide.locator(BOX).first.check()
    go(guide, "quiz.html")
    answer(guide, right)
    guide.locator(f"{FORM} button[type=submit]").click()
    expect(guide.locator(f"{FORM} [data-live]")).to_contain_text(f"{len(QUIZ.questions)} / {len(QUIZ.questions)}")
    # the frame's origin: the launch page's, the host's; once the platform started, a key of this
    # session alone (the platform could not name its learner: not a key every such learner shares)
    session_keys = learner_keys(page)
    if mode == "fails-after-initialise":
        assert len(session_keys) == 1 and session_keys[0] != learner_key("false")
        record = json.loads(page.evaluate("key => localStorage.getItem(key)", session_keys[0]))
    else:
        record = stored(page)
    assert record["checklists"][SLUG]["ticked"] and record["quizzes"][QUIZ.id]["score"] == len(QUIZ.questions)
    names = [c[0] for c in calls(page)]
    if mode == "fails-after-initialise":
        leave(page)
        assert names.count("LMSInitialize") == 1 and "LMSSetValue" in names
        assert [c[0] for c in calls(page)].count("LMSFinish") == 1
        assert learner_keys(page) == []  # let go with the session
    else:
        assert names == ["LMSInitialize"]  # nothing more is asked of a platform that did not start
    learner.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_platform_the_package_is_the_guide(learner, platform, lang):
    page = learner()
    page.goto(f"{platform}{lang}/launch.html")
    guide = page.frame_locator("iframe")
    expect(guide.locator("html")).to_have_attribute("lang", lang)
    expect(guide.locator(NOT_MOUNTED)).to_have_count(0)
    assert axe_violations(page) == []  # the launch page and the page in its frame
    go(guide, f"techniques/{SLUG}.html")
    guide.locator(BOX).first.check()
    assert stored(page)["checklists"][SLUG]["ticked"]
    guide.locator(f"#quiz-{SLUG} button[data-action=project]").click()  # its code fetched in the package on first use
    expect(guide.locator("dialog.guide-projector[open]")).to_be_visible()
    guide.locator("dialog.guide-projector[open]").press("Escape")
    learner.assert_clean()


# --- learners sharing a browser, a new attempt, commits, frames that cannot store -----------------

ANNE = {"student_id": "a-001", "student_name": "Martin, Anne"}
BRUNO = {"student_id": "b-002", "student_name": "Durand, Bruno"}


def session(student: dict, entry: str = "ab-initio", suspend_data: str = "", status: str = "not attempted", raw: str = "") -> dict:
    """The platform's values for one launch, loaded into scorm-again before LMSInitialize."""
    core = {**student, "entry": entry, "lesson_status": status, **({"score": {"raw": raw}} if raw else {})}
    return {"mode": "scorm-again", "cmi": {"core": core, "suspend_data": suspend_data}}


def held(page) -> dict:
    """What the platform holds for this learner."""
    return page.evaluate(
        "({status: lms.cmi.core.lesson_status, raw: lms.cmi.core.score.raw,"
        " suspend_data: lms.cmi.suspend_data, student_id: lms.cmi.core.student_id})"
    )


def finish_the_guide(page, guide) -> None:
    """A tick, the article quiz all right, the self-assessment: completed, 100."""
    go(guide, f"techniques/{SLUG}.html")
    guide.locator(BOX).first.check()
    go(guide, "quiz.html")
    complete(page, guide)


def complete(page, guide) -> None:
    """From the article quiz's page: the quiz all right, then the self-assessment; the platform
    hears 100, then "completed"."""
    answer(guide, right)
    guide.locator(f"{FORM} button[type=submit]").click()
    wait_for_value(page, "cmi.core.score.raw", "100")
    go(guide, "assessment.html")
    tick_answers(guide, ANSWERS)
    guide.locator("[data-guide-assessment] button[type=submit]").click()
    wait_for_value(page, "cmi.core.lesson_status", "completed")


def shows_nothing_saved(guide) -> None:
    go(guide, f"techniques/{SLUG}.html")
    expect(guide.locator(f"{BOX}:checked")).to_have_count(0)
    go(guide, "quiz.html")
    expect(guide.locator(f"{FORM} input:checked")).to_have_count(0)
    expect(guide.locator(f"{FORM} [data-live]")).to_be_empty()


def test_learners_sharing_a_browser_each_get_their_own_record(learner, platform):
    page = learner()
    guide = launch(page, platform, **session(ANNE))
    finish_the_guide(page, guide)
    anne = held(page)
    assert anne["status"] == "completed" and anne["raw"] == "100"
    leave(page)
    # Bruno, next, on the same browser: nothing of Anne's, for his platform or on his pages
    guide = launch(page, platform, **session(BRUNO))
    page.wait_for_timeout(4000)  # past any burst's commit: what the launch would send, it has sent
    bruno = held(page)
    print(f"\nlearner B's platform record after launch: {bruno}")
    assert bruno["student_id"] == BRUNO["student_id"] and bruno["status"] == "incomplete" and bruno["raw"] == ""
    assert json.loads(bruno["suspend_data"]) == {
        "version": 1,
        "checklists": {},
        "quizzes": {},
        "selfAssessment": {"answers": {}, "history": []},
        "plan": None,
    }
    assert not [c for c in calls(page) if c[0] == "LMSSetValue" and c[1] == "cmi.core.score.raw"]
    shows_nothing_saved(guide)
    leave(page)
    # Anne's new attempt (ab-initio, nothing kept) on her browser: not completed at launch, no old score
    guide = launch(page, platform, **session(ANNE))
    page.wait_for_timeout(1000)
    again = held(page)
    assert again["status"] == "incomplete" and again["raw"] == "", again
    shows_nothing_saved(guide)
    assert device_record(page, ANNE["student_id"])["quizzes"] == {}  # the device's copy started again too
    leave(page)
    # Anne resumes her first attempt on a fresh browser: everything back
    other = learner()
    guide = launch(other, platform, **session(ANNE, "resume", anne["suspend_data"], "completed", "100"))
    go(guide, f"techniques/{SLUG}.html")
    expect(guide.locator(BOX).first).to_be_checked()
    go(guide, "quiz.html")
    expect(guide.locator(f"{FORM} input:checked")).to_have_count(sum(len(right(q)) for q in QUIZ.questions))
    go(guide, "assessment.html")
    expect(guide.locator("[data-guide-assessment] input:checked")).to_have_count(sum(len(v) for v in ANSWERS.values()))
    resumed = held(other)
    assert resumed["status"] == "completed" and resumed["raw"] == "100"
    assert json.loads(resumed["suspend_data"]) == json.loads(anne["suspend_data"])
    learner.assert_clean()


def test_a_session_commits_little_and_sets_its_exit_at_launch(learner, platform):
    page = learner()
    guide = launch(page, platform, **session(ANNE))
    page.wait_for_function("calls.some(c => c[0] === 'LMSCommit')", timeout=5000)
    made = calls(page)
    exit_at = next(i for i, c in enumerate(made) if c[:3] == ["LMSSetValue", "cmi.core.exit", "suspend"])
    commit_at = next(i for i, c in enumerate(made) if c[0] == "LMSCommit" and i > exit_at)
    launched = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    assert page.evaluate(f"times[{commit_at}]") - launched < 5000  # committed within seconds of launch
    # one full article quiz and ten ticks
    go(guide, "quiz.html")
    answer(guide, right)
    guide.locator(f"{FORM} button[type=submit]").click()
    wait_for_value(page, "cmi.core.score.raw", "100")
    go(guide, f"techniques/{SLUG}.html")
    boxes = guide.locator(BOX)
    count = boxes.count()
    for n in range(10):
        boxes.nth(n % count).click()
    leave(page)
    names = [c[0] for c in calls(page)]
    print(f"\ncommits in a session of one article quiz and ten ticks: {names.count('LMSCommit')}")
    assert names.count("LMSCommit") <= 8 and names.count("LMSFinish") == 1
    saved = json.loads(page.evaluate("lms.cmi.suspend_data"))
    ticked = [n % count for n in range(10)]
    odd = {i for i in set(ticked) if ticked.count(i) % 2}
    assert len(saved["checklists"][SLUG]["ticked"]) == len(odd)  # the last tick reached the platform
    learner.assert_clean()


def test_frames_that_cannot_store_still_tell_the_platform(learner, platform):
    page = learner()
    page.add_init_script(
        "if (window !== window.top) Object.defineProperty(window, 'localStorage', {"
        " get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });"
    )
    guide = launch(page, platform, **session(ANNE))
    go(guide, "quiz.html")
    expect(guide.locator(".guide-storage-off").first).to_be_visible()  # the guide says it keeps nothing
    complete(page, guide)
    assert held(page)["status"] == "completed" and held(page)["raw"] == "100"
    assert page.evaluate("localStorage.length") == 0  # the host page's storage: untouched
    leave(page)
    learner.assert_clean()


def test_a_page_opened_in_a_new_tab_keeps_nothing_the_next_learner_would_find(learner, platform):
    """A learner who opens one of the package's pages in a tab of its own (a middle click on the
    guide's menu) is outside the platform's session: the page says it keeps nothing, and the next
    learner on this browser finds nothing of it. A link to another site opens in a new tab, not in
    the package's frame (where no other site may show)."""
    page = learner()
    guide = launch(page, platform, **session(ANNE))
    tab = page.context.new_page()
    tab.goto(f"{platform}fr/techniques/{SLUG}.html")
    expect(tab.locator("[data-guide-widget][data-mounted=true]")).to_have_count(3)
    expect(tab.locator(".guide-storage-off:visible")).to_have_count(3)  # each widget says so
    tab.locator(BOX).first.check()
    tab.reload()
    expect(tab.locator(f"{BOX}:checked")).to_have_count(0)
    assert tab.evaluate("localStorage.getItem('networking-guide')") is None
    tab.close()
    # Misner's blog, from the article in the frame: a tab of its own, the package where it was
    page.context.route(
        "https://ivanmisner.com/**", lambda route: route.fulfill(body="<title>Ivan Misner</title>", content_type="text/html")
    )
    go(guide, "article.html")
    with page.context.expect_page() as opened:
        guide.locator('a[href="https://ivanmisner.com/"]').click()
    assert opened.value.url == "https://ivanmisner.com/"
    opened.value.close()
    assert document_of(guide).url.endswith("/fr/article.html")
    learner.assert_clean()
