"""The journeys that matter most, in a second engine: Firefox (Debian's firefox-esr, driven over
WebDriver BiDi by tools/firefox-journeys.mjs, one browser for the whole file, each journey in a
fresh browser context). Widgets mount on a technique page and keep a tick across a reload and the
language switch, and mount on its translation; a quiz is scored in its live region and the score
comes back after a reload; the projector is driven by the keyboard alone; the offline copy works
from file://; the guide in the pocket: a new version published in place of the one visited
(support/versions.py) is offered on the open page and shown by its button, behind a host that lets
browsers keep files a year; after one visit, with the network gone, every page of the language
opens from the service worker with its widgets and its search, keeps a tick and searches; each
sheet of test_browser_print.py prints whole on one sheet, at the same corners of paper and margins.
Each journey runs once, the two languages shared between them (Chromium runs them in both). No
journey has a script error, a Content-Security-Policy violation (Firefox reports them as page
errors), a failed request or a request to another origin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from support.browser import SAME_WORKER_AGAIN, STORAGE_KEY
from support.firefox import run_driver
from support.printed import CASES, CORNERS, FIREFOX_DEFAULT_MARGIN, PRESS, assert_one_sheet_each, case, pressed
from support.project import GUIDE, ROOT
from support.server import DROPPED, NETWORK_OFF, host_headers, serve
from support.site import pages_of, parsed
from support.versions import (
    CACHES,
    CHANGED,
    FOLDER,
    NEW_TEXT,
    NOTICE,
    OFFERED,
    PUBLISH,
    READY,
    SHOW,
    VERSION_2,
    kept,
    publish,
    serve_versions,
    versioned,
)

pytestmark = pytest.mark.slow

PREFIX = {"fr": "", "en": "en/"}
OTHER = {"fr": "en", "en": "fr"}

# --- what the journeys read from the page, as functions run in it ------------------------------

WIDGETS = "() => [...document.querySelectorAll('[data-guide-widget]')].map(e => [e.dataset.guideWidget, e.dataset.mounted ?? null])"
RECORD = f"() => localStorage.getItem({json.dumps(STORAGE_KEY)})"
URL = "() => location.href"


def ticked(slug: str) -> str:
    return f"() => [...document.querySelectorAll('[data-guide-checklist=\"{slug}\"] input:checked')].map(e => e.dataset.item)"


def live(quiz: str) -> str:
    return f"() => document.querySelector('form[data-guide-quiz=\"{quiz}\"] [data-live]').textContent"


def checked(quiz: str) -> str:
    return f"() => [...document.querySelectorAll('form[data-guide-quiz=\"{quiz}\"] input:checked')].map(e => e.id)"


PROJECTOR = """() => {
  const dialog = document.querySelector("dialog.guide-projector[open]");
  if (!dialog) return null;
  const texts = (selector) => [...dialog.querySelectorAll(selector)].map((e) => e.textContent);
  const visible = (selector) => [...dialog.querySelectorAll(selector)].filter((e) => e.checkVisibility()).map((e) => e.textContent);
  return {
    progress: dialog.querySelector(".guide-projector__progress").textContent,
    prompts: texts(".guide-projector__question"),
    marks: texts(".guide-projector__mark"),
    explanation: visible(".guide-projector__explanation"),
    focusInside: dialog.contains(document.activeElement),
  };
}"""


def focused(selector: str) -> str:
    return f"() => document.activeElement === document.querySelector({json.dumps(selector)})"


# --- the journeys -------------------------------------------------------------------------------

SLUG = "attitude-positive"  # three questions: the projector has a first, a middle and a last one
TECHNIQUE = GUIDE.technique(SLUG)
ITEMS = [item.id for point in TECHNIQUE.checklist for item in point.items]
TICK = {"fr": ITEMS[1], "en": ITEMS[-1]}  # a different box from each language
BOX = '[data-guide-checklist="{slug}"] input[data-item="{item}"]'
QUIZ = GUIDE.quiz  # the whole-article quiz
OFFLINE_SLUG = "remercier"
SEARCHED = "pianiste"  # a word of the article (docs/article.md), searched from the offline copy
PROJECTED = {"fr": SLUG, "en": "article"}  # a technique's quiz in French, the article's in English
PROJECT = 'form[data-guide-quiz="{quiz}"] button[data-action="project"]'


def checklist_journey(origin: str, lang: str) -> dict:
    """Tick a box, reload, switch language with the header's switch."""
    page = f"{origin}/{PREFIX[lang]}techniques/{SLUG}/"
    other = OTHER[lang]
    return {
        "name": f"checklist-{lang}",
        "origin": origin,
        "steps": [
            {"goto": page},
            {"observe": "widgets", "js": WIDGETS},
            {"observe": "before", "js": ticked(SLUG)},
            {"click": BOX.format(slug=SLUG, item=TICK[lang])},
            {"observe": "record", "js": RECORD},
            {"reload": True},
            {"observe": "reloaded", "js": ticked(SLUG)},
            {"hover": ".md-header .md-select"},
            {"follow": f'.md-header .md-select__link[hreflang="{other}"]'},
            {"observe": "switched-url", "js": URL},
            {"observe": "switched-widgets", "js": WIDGETS},
            {"observe": "switched", "js": ticked(SLUG)},
        ],
    }


def chosen(question) -> list:
    """The right options, but a wrong one for the first question: the score is not the maximum."""
    if question is QUIZ.questions[0]:
        return [next(o for o in question.options if not o.correct)]
    return [o for o in question.options if o.correct]


def quiz_journey(origin: str) -> dict:
    clicks = [{"click": f"#q-{QUIZ.id}-{q.id}-{o.id}"} for q in QUIZ.questions for o in chosen(q)]
    return {
        "name": "quiz",
        "origin": origin,
        "steps": [
            {"goto": f"{origin}/quiz/"},
            {"observe": "unjudged", "js": live(QUIZ.id)},
            *clicks,
            {"click": f'form[data-guide-quiz="{QUIZ.id}"] button[type="submit"]'},
            {"observe": "live", "js": live(QUIZ.id)},
            {"observe": "record", "js": RECORD},
            {"reload": True},
            {"observe": "reloaded-live", "js": live(QUIZ.id)},
            {"observe": "reloaded-checked", "js": checked(QUIZ.id)},
        ],
    }


def projector_journey(origin: str, lang: str) -> dict:
    quiz = PROJECTED[lang]
    path = "quiz/" if quiz == "article" else f"techniques/{quiz}/"
    button = PROJECT.format(quiz=quiz)
    return {
        "name": f"projector-{lang}",
        "origin": origin,
        "steps": [
            {"goto": f"{origin}/{PREFIX[lang]}{path}"},
            {"observe": "button", "js": f"() => document.querySelector({json.dumps(button)}).textContent"},
            {"focus": button},
            {"press": "Enter"},
            {"wait": "dialog.guide-projector[open]"},
            {"observe": "opened", "js": PROJECTOR},
            {"press": "ArrowRight"},
            {"observe": "arrow-right", "js": PROJECTOR},
            {"press": "PageDown"},
            {"observe": "page-down", "js": PROJECTOR},
            {"press": "PageUp"},
            {"observe": "page-up", "js": PROJECTOR},
            {"press": " "},  # Space
            {"observe": "space", "js": PROJECTOR},
            {"press": "Escape"},
            {"gone": "dialog.guide-projector[open]"},
            {"observe": "escaped", "js": PROJECTOR},
            {"observe": "focus-back", "js": focused(button)},
            {"observe": "record", "js": RECORD},
        ],
    }


def offline_journey(base: str) -> dict:
    """From the home page by the sidebar to a technique, a tick kept, then search from disk."""
    box = BOX.format(slug=OFFLINE_SLUG, item=GUIDE.technique(OFFLINE_SLUG).checklist[0].items[0].id)
    return {
        "name": "offline",
        "origin": "file://",
        "steps": [
            {"goto": f"{base}index.html"},
            {"observe": "home", "js": "() => [document.title, document.styleSheets.length]"},
            {"follow": f'.md-sidebar--primary a[href="techniques/{OFFLINE_SLUG}.html"]'},
            {"observe": "url", "js": URL},
            {"observe": "widgets", "js": WIDGETS},
            {"click": box},
            {"reload": True},
            {"observe": "reloaded", "js": ticked(OFFLINE_SLUG)},
            {"goto": f"{base}en/techniques/{OFFLINE_SLUG}.html"},
            {"observe": "english", "js": ticked(OFFLINE_SLUG)},
            {"goto": f"{base}techniques/{OFFLINE_SLUG}.html"},
            {"click": ".md-search__input"},
            {"type": SEARCHED},
            {"wait": ".md-search-result__link"},
            {"observe": "results", "js": "() => [...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"},
        ],
    }


CONTROLLED = """async () => {
  await navigator.serviceWorker.ready;
  while (!navigator.serviceWorker.controller) await new Promise((wait) => setTimeout(wait, 50));
  return (await navigator.serviceWorker.getRegistration()).scope;
}"""
SEARCH_META = ".md-search-result__meta"  # where Material's search says whether it is ready


def search_loading(site) -> str:
    """What Material's search says while it is not ready: the built page's words."""
    return parsed(site / "index.html").select_one(SEARCH_META).get_text().strip()


def searchable(site) -> str:
    """A page as the pocket journey reads it once its search is ready (or after 10 s): its title,
    its widgets not mounted, what search says. The next page is not opened while this one's search
    worker is still loading its scripts through the service worker (Firefox reports the request
    that leaving cuts short as the service worker's error)."""
    return f"""async () => {{
  const meta = document.querySelector({json.dumps(SEARCH_META)});
  for (let waited = 0; meta.textContent.trim() === {json.dumps(search_loading(site))} && waited < 10000; waited += 50) {{
    await new Promise((wait) => setTimeout(wait, 50));
  }}
  return [document.title, document.querySelectorAll("[data-guide-widget]:not([data-mounted])").length, meta.textContent.trim()];
}}"""


SHOWN = f"() => document.querySelector({json.dumps(VERSION_2)})?.textContent ?? null"


def update_journey(origin: str) -> dict:
    """One visit online to version 1, version 2 then published (support/versions.py): the open page,
    reloaded, is still version 1, whole, and offers version 2, which its button shows."""
    page = f"{origin}/{FOLDER}/techniques/{CHANGED}/"
    return {
        "name": "update",
        "origin": origin,
        "worker": True,
        "steps": [
            {"goto": page},
            {"observe": "scope", "js": CONTROLLED},
            {"observe": "caches before", "js": CACHES},
            {"fetch": origin + PUBLISH},
            {"reload": True},
            {"observe": "reloaded", "js": SHOWN},
            {"wait": f"{OFFERED} button"},
            {"observe": "notice", "js": f"() => document.querySelector({json.dumps(NOTICE)}).textContent"},
            {"follow": f"{NOTICE} button"},
            {"observe": "url", "js": URL},
            {"observe": "shown", "js": SHOWN},
            {"observe": "offered after", "js": f"() => document.querySelectorAll({json.dumps(OFFERED)}).length"},
            {"observe": "caches after", "js": CACHES},
        ],
    }


def pocket_journey(origin: str, site) -> dict:
    """One visit online; a worker for the sub-folder; the network gone (the server answers nothing
    more): every page of the language, its search ready; a tick kept across a reload; a search."""
    base = f"{origin}/{FOLDER}/"
    box = BOX.format(slug=OFFLINE_SLUG, item=GUIDE.technique(OFFLINE_SLUG).checklist[0].items[0].id)
    page = searchable(site)
    return {
        "name": "pocket",
        "origin": origin,
        "worker": True,
        "steps": [
            {"goto": f"{base}techniques/{OFFLINE_SLUG}/"},
            {"observe": "scope", "js": CONTROLLED},
            {"observe": "same worker again", "js": SAME_WORKER_AGAIN},
            {"fetch": origin + NETWORK_OFF},
            *(step for path in pages_of(site, "fr") for step in ({"goto": base + path}, {"observe": f"page {path}", "js": page})),
            {"goto": f"{base}techniques/{OFFLINE_SLUG}/"},
            {"click": box},
            {"reload": True},
            {"observe": "reloaded", "js": ticked(OFFLINE_SLUG)},
            {"click": ".md-search__input"},
            {"type": SEARCHED},
            {"wait": ".md-search-result__link"},
            {"observe": "results", "js": "() => [...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"},
        ],
    }


def print_journey(origin: str, site, name: str, folder) -> dict:
    """A case of support/printed.py printed at each corner, as the print dialog does: the paper and
    its margins (Firefox's default, half an inch, where the dialog keeps its own)."""
    path, _ = case(site, name)
    button = pressed(name)  # pressed again before each print: the last one's afterprint unmarked it
    press = [{"wait": button}, {"observe": "pressed", "js": PRESS.format(selector=json.dumps(button))}] if button else []
    prints = [
        step
        for paper, margin in CORNERS
        for step in [
            *press,
            {
                "pdf": {
                    "path": str(folder / f"{name}-{paper}-{margin}.pdf"),
                    "format": paper,
                    "margin": FIREFOX_DEFAULT_MARGIN if margin == "default" else margin,
                }
            },
        ]
    ]
    return {"name": f"print-{name}", "origin": origin, "steps": [{"goto": f"{origin}/{path}"}, *prints]}


# What the driver must catch, caused on purpose: an inline script and an image from another origin
# on a page (the page's policy blocks both), a page that is not there, and requests counted as
# another origin's (the second journey is told it is on a different one).
VIOLATE = """() => {
  localStorage.setItem("left-by", "the journey before");
  const script = document.createElement("script");
  script.textContent = "window.ran = true";
  const image = document.createElement("img");
  image.src = "http://localhost:9/elsewhere.png";
  document.body.append(script, image);
  return new Promise((done) => setTimeout(() => done(window.ran ?? false), 300));
}"""


def harness_journeys(origin: str) -> list[dict]:
    page = f"{origin}/techniques/{SLUG}/"
    return [
        {
            "name": "harness",
            "origin": origin,
            "steps": [
                {"goto": page},
                {"observe": "worker", "js": "() => 'serviceWorker' in navigator"},
                {"observe": "ran", "js": VIOLATE},
                {"observe": "dropped", "js": f"() => fetch('{DROPPED}').then(() => 'answered', () => 'failed')"},
                {"goto": f"{origin}/missing/"},
            ],
        },
        {
            "name": "harness-elsewhere",
            "origin": "http://127.0.0.1:9",
            "steps": [{"goto": page}, {"observe": "left", "js": '() => localStorage.getItem("left-by")'}],
        },
    ]


@pytest.fixture(scope="module")
def prints(tmp_path_factory) -> Path:
    """Where the print journeys leave their sheets."""
    return tmp_path_factory.mktemp("firefox-prints")


@pytest.fixture(scope="module")
def versions(site, tmp_path_factory):
    """The published site as version 1 and version 2 beside it (support/versions.py), version 1
    served from a sub-folder of a server of its own, where the update journey publishes version 2."""
    served = serve_versions(site, tmp_path_factory.mktemp("firefox-versions"))
    yield served
    served.server.shutdown()


@pytest.fixture(scope="module")
def pocket_server(site, tmp_path_factory):
    """The published site in a sub-folder of a server of its own, which the pocket journey takes
    the network from; every file asked for again each time (a file the browser may keep a year
    would open offline without the worker)."""
    root = tmp_path_factory.mktemp("firefox-pocket")
    publish(root, site)
    httpd = serve(root, headers=host_headers(site))  # the worker's script with its own policy
    yield httpd
    httpd.shutdown()


@pytest.fixture(scope="module")
def firefox(server, site, packages, prints, versions, pocket_server, tmp_path_factory) -> dict[str, dict]:
    """Every journey, in one run of the driver (speed: each start of Firefox costs 8 CPU-seconds):
    its observations and what went wrong, by name."""
    folder = tmp_path_factory.mktemp("firefox-journeys")
    journeys = [
        checklist_journey(server, "fr"),
        quiz_journey(server),
        projector_journey(server, "en"),
        offline_journey(packages["offline"].as_uri() + "/"),
        update_journey(versions.origin),
        pocket_journey(f"http://127.0.0.1:{pocket_server.server_port}", site),
        *(print_journey(server, site, name, prints) for name in CASES),
        *harness_journeys(server),
    ]
    return run_driver("firefox-journeys.mjs", journeys, folder, timeout=600)


def test_the_driver_sees_what_goes_wrong(firefox, server):
    """The checks below are only as good as what the driver catches: here it must catch it."""
    caught = firefox["harness"]
    assert caught["failed"] is None and caught["observed"]["ran"] is False  # the policy held
    assert caught["observed"]["worker"] is False  # no service worker but in the pocket journey (speed)
    errors = "\n".join(caught["errors"])
    assert "CSP violation: script-src-elem inline" in errors and "CSP violation: img-src http://localhost:9/elsewhere.png" in errors
    assert "blocked an inline script" in errors  # Firefox's own report, as a page error
    assert f"404: {server}/missing/" in errors
    assert caught["observed"]["dropped"] == "failed" and f"failed: {server}{DROPPED} " in errors  # not cut short: a fault
    elsewhere = firefox["harness-elsewhere"]
    assert elsewhere["failed"] is None and elsewhere["errors"] == []
    assert f"{server}/techniques/{SLUG}/" in elsewhere["foreign"]
    assert elsewhere["observed"]["left"] is None  # each journey starts with nothing stored


def clean(result: dict) -> dict:
    """The journey's observations, once it is known to have run to its end with nothing wrong."""
    assert result["failed"] is None, result["failed"]
    assert result["errors"] == [], f"errors (script, CSP, requests): {result['errors']}"
    assert result["foreign"] == [], f"requests to other origins: {result['foreign']}"
    return result["observed"]


def widget_kinds(site, path: str) -> list[str]:
    html = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [root["data-guide-widget"] for root in html.select("[data-guide-widget]")]


# The widgets from French (to English, by the language switch), the quiz in French, the projector in English.
def test_widgets_mount_and_a_tick_is_kept_across_reload_and_languages(firefox, site, server):
    lang = "fr"
    seen = clean(firefox[f"checklist-{lang}"])
    kinds = widget_kinds(site, f"{PREFIX[lang]}techniques/{SLUG}")
    assert {"checklist", "quiz", "self-check"} <= set(kinds)
    assert seen["widgets"] == [[kind, "true"] for kind in kinds]  # every widget of the page, mounted
    assert seen["before"] == []
    record = json.loads(seen["record"])
    assert record["version"] == 1 and record["checklists"][SLUG]["ticked"] == [TICK[lang]]
    assert seen["reloaded"] == [TICK[lang]]
    other = OTHER[lang]
    assert seen["switched-url"] == f"{server}/{PREFIX[other]}techniques/{SLUG}/"
    assert seen["switched-widgets"] == [[kind, "true"] for kind in widget_kinds(site, f"{PREFIX[other]}techniques/{SLUG}")]
    assert seen["switched"] == [TICK[lang]]  # one record for both languages


def test_a_quiz_is_scored_in_its_live_region_and_kept(firefox):
    seen = clean(firefox["quiz"])
    total = len(QUIZ.questions)
    score = total - 1  # every question right but the first (chosen)
    assert seen["unjudged"] == ""
    assert seen["live"].startswith(f"Score\u00a0: {score} / {total}.")
    assert "Question 1\u00a0: " in seen["live"]  # the question missed is named
    assert json.loads(seen["record"])["quizzes"][QUIZ.id]["score"] == score
    assert seen["reloaded-live"].startswith(f"Score\u00a0: {score} / {total}.")
    assert sorted(seen["reloaded-checked"]) == sorted(f"q-{QUIZ.id}-{q.id}-{o.id}" for q in QUIZ.questions for o in chosen(q))


def test_the_projector_by_keyboard(firefox):
    lang = "en"
    seen = clean(firefox[f"projector-{lang}"])
    quiz = PROJECTED[lang]
    questions = QUIZ.questions if quiz == "article" else GUIDE.technique(quiz).questions
    total = len(questions)
    assert total >= 3
    assert seen["button"] == {"fr": "Projeter", "en": "Project"}[lang]
    correct = {"fr": "✓ Bonne réponse", "en": "✓ Correct answer"}[lang]

    def showing(state: dict, n: int, revealed: bool = False) -> None:
        question = questions[n - 1]
        assert state["progress"] == f"{n} / {total}"
        assert state["prompts"] == [question.prompt(lang)]  # one question at a time
        assert state["marks"] == ([correct] * sum(o.correct for o in question.options) if revealed else [])
        assert state["explanation"] == ([question.explanation(lang)] if revealed else [])
        assert state["focusInside"]

    showing(seen["opened"], 1)
    showing(seen["arrow-right"], 2)
    showing(seen["page-down"], 3)
    showing(seen["page-up"], 2)
    showing(seen["space"], 2, revealed=True)
    assert seen["escaped"] is None  # closed …
    assert seen["focus-back"] is True  # … with the focus back on its button
    assert seen["record"] is None  # nothing saved to the reader's record


def test_the_offline_copy_from_disk(firefox, packages):
    seen = clean(firefox["offline"])
    base = packages["offline"].as_uri() + "/"
    title, sheets = seen["home"]
    assert title and sheets >= 2  # the home page, styled
    assert seen["url"] == f"{base}techniques/{OFFLINE_SLUG}.html"
    assert seen["widgets"] and all(mounted == "true" for _, mounted in seen["widgets"])
    first = GUIDE.technique(OFFLINE_SLUG).checklist[0].items[0].id
    assert seen["reloaded"] == [first]
    assert seen["english"] == [first]
    assert SEARCHED in (ROOT / "docs" / "article.md").read_text(encoding="utf-8")
    results = [href.split("?")[0] for href in seen["results"]]
    assert f"{base}article.html" in results  # found in the article, in French, from disk
    assert all(href.startswith(base) and not href.startswith(f"{base}en/") for href in results)


def test_a_new_version_is_offered_on_the_open_page_and_shown_by_its_button(firefox, versions):
    seen = clean(firefox["update"])
    assert seen["scope"] == versions.base
    assert seen["reloaded"] is None  # the page still came from version 1, whole
    assert seen["notice"] == f"{READY} {SHOW}"
    assert seen["url"] == f"{versions.base}techniques/{CHANGED}/" and seen["shown"] == NEW_TEXT
    assert seen["offered after"] == 0
    old, new = versioned(seen["caches before"]), versioned(seen["caches after"])
    assert len(old) == len(new) == 1 and not old & new  # version 1's cache gone with it
    assert versions.files_of(versions.second, "fr") <= kept(seen["caches after"])[new.pop()]  # version 2 kept whole


def test_the_pocket_after_one_visit_every_page_of_the_language_works_with_the_network_gone(firefox, pocket_server, site):
    seen = clean(firefox["pocket"])
    base = f"http://127.0.0.1:{pocket_server.server_port}/{FOLDER}/"
    assert seen["scope"] == base
    assert seen["same worker again"] == ["navigate", "1"]  # not reloaded (Firefox announces a state change so)
    assert pocket_server.network_off  # every page below came from the worker
    pages = pages_of(site, "fr")
    assert len(pages) > 20
    said = set()
    for path in pages:
        title, unmounted, search = seen[f"page {path}"]
        assert [title, unmounted] == [parsed(site / path / "index.html").title.get_text(), 0], path  # the page, every widget mounted
        said.add(search)
    assert len(said) == 1 and said != {search_loading(site)}  # search ready on every page, from the worker
    assert seen["reloaded"] == [GUIDE.technique(OFFLINE_SLUG).checklist[0].items[0].id]
    results = [href.split("?")[0] for href in seen["results"]]
    assert f"{base}article/" in results and not [href for href in results if href.startswith(f"{base}en/")]


@pytest.mark.parametrize("name", CASES)
def test_sheets_print_whole(firefox, prints, site, name):
    clean(firefox[f"print-{name}"])
    path, expected = case(site, name)
    for paper, margin in CORNERS:
        pdf = (prints / f"{name}-{paper}-{margin}.pdf").read_bytes()
        where = f"Firefox {path} {paper} {margin}"
        width, height = (float(v) for v in PdfReader(io.BytesIO(pdf)).pages[0].mediabox.upper_right)
        size = {"A4": (595.3, 841.9), "Letter": (612, 792)}[paper]
        assert abs(width - size[0]) < 1 and abs(height - size[1]) < 1, where
        assert_one_sheet_each(pdf, expected, where)
