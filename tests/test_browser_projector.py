"""Projector mode of the quizzes in Chromium: opened and driven by the keyboard alone (clicker keys
included), one question at a time with its progress, the answer revealed in words, Esc back to the
button; large type and 7:1 contrast at 1280×720, every answer and explanation shown without scrolling;
axe clean; the reader's record never touched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import STORAGE_KEY, assert_clean, open_page, stored_text
from support.project import GUIDE, LANGS, SLUGS
from support.site import page as built_page
from support.site import pages_of

RECORD = (Path(__file__).parent / "fixtures" / "storage-v1.json").read_text(encoding="utf-8")
TECHNIQUE = GUIDE.technique("attitude-positive")  # three questions: a first, a middle and a last one
TEXT = {
    "fr": {
        "project": "Projeter",
        "previous": "Question précédente",
        "next": "Question suivante",
        "reveal": "Afficher la réponse",
        "close": "Quitter la projection",
        "correct": "✓ Bonne réponse",
        "position": "Question {n} sur {total}\u00a0: ",
        "answer": ("Bonne réponse\u00a0: ", "Bonnes réponses\u00a0: "),  # one right option, more
    },
    "en": {
        "project": "Project",
        "previous": "Previous question",
        "next": "Next question",
        "reveal": "Show the answer",
        "close": "Leave the projector",
        "correct": "✓ Correct answer",
        "position": "Question {n} of {total}: ",
        "answer": ("Correct answer: ", "Correct answers: "),
    },
}
# Each quiz page and each language once: the whole-article quiz in French, a technique's in English
# (the projector is the same script on both; every quiz has its button, below)
QUIZZES = [("fr", "article"), ("en", TECHNIQUE.id)]


def path_of(lang: str, quiz: str) -> str:
    return "/" + LANGS[lang] + ("quiz/" if quiz == "article" else f"techniques/{quiz}/")


def questions_of(quiz: str):
    return GUIDE.quiz.questions if quiz == "article" else GUIDE.technique(quiz).questions


def open_quiz(page, lang: str, quiz: str, record: str | None = RECORD) -> None:
    open_page(page, path_of(lang, quiz), saved=record)


def projector(page):
    return page.locator("dialog.guide-projector[open]")


def shown(page) -> dict:
    dialog = projector(page)
    return {
        "progress": dialog.locator(".guide-projector__progress").text_content(),
        "prompts": dialog.locator(".guide-projector__question").all_text_contents(),
        "options": dialog.locator(".guide-projector__options li:visible").count(),
        "marks": dialog.locator(".guide-projector__mark").all_text_contents(),
        "explanation": dialog.locator(".guide-projector__explanation:visible").all_text_contents(),
        "live": dialog.locator('[role="status"]').text_content(),
    }


def tab_to(page, selector: str, start: str, limit: int = 100) -> None:
    """From the first element matching `start`, Tab until `selector` has the focus, as a keyboard
    user does (speed: from the quiz's first answer, not from the top of the page)."""
    target = page.locator(selector)
    page.locator(start).first.focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    pytest.fail(f"{selector} never reached with Tab")


@pytest.mark.parametrize("lang, quiz", QUIZZES)
def test_projector_by_keyboard_alone(watch, lang, quiz):
    page, text = watch.page, TEXT[lang]
    questions = questions_of(quiz)
    total = len(questions)
    assert total >= 3
    open_quiz(page, lang, quiz)
    before = stored_text(page)
    button = f'form[data-guide-quiz="{quiz}"] button[data-action="project"]'
    assert page.locator(button).text_content() == text["project"]
    tab_to(page, button, start=f'form[data-guide-quiz="{quiz}"] input')
    page.keyboard.press("Enter")

    title = page.locator(".md-content h1").text_content().strip()
    page.get_by_role("dialog", name=title).wait_for()  # its code fetched on first use (later.js)

    def expect(n: int, revealed: bool = False) -> dict:
        now = shown(page)
        question = questions[n - 1]
        assert now["progress"] == f"{n} / {total}"
        assert now["prompts"] == [question.prompt(lang)]  # one question at a time
        assert now["options"] == len(question.options)
        right = [o for o in question.options if o.correct]
        assert now["marks"] == ([text["correct"]] * len(right) if revealed else [])
        assert now["explanation"] == ([question.explanation(lang)] if revealed else [])
        if revealed:  # the marks sit on the right options, in words
            items = projector(page).locator(".guide-projector__options li")
            for index, option in enumerate(question.options):
                assert (text["correct"] in items.nth(index).text_content()) == option.correct
        return now

    now = expect(1)
    assert now["live"] == text["position"].format(n=1, total=total) + questions[0].prompt(lang)
    page.keyboard.press("ArrowLeft")  # nothing before the first question
    expect(1)
    page.keyboard.press("ArrowRight")
    now = expect(2)
    assert now["live"].startswith(text["position"].format(n=2, total=total))
    page.keyboard.press("PageDown")  # what a presentation clicker sends
    expect(3)
    page.keyboard.press("PageUp")
    expect(2)
    page.keyboard.press("ArrowLeft")
    expect(1)
    page.keyboard.press("Space")
    now = expect(1, revealed=True)
    said = text["answer"][sum(o.correct for o in questions[0].options) > 1]  # the word as many as the right options
    assert now["live"].startswith(said) and now["live"].endswith(questions[0].explanation(lang))
    assert axe_violations(page) == []
    page.keyboard.press("PageDown")
    expect(2)
    page.keyboard.press("Enter")
    expect(2, revealed=True)
    page.keyboard.press("PageUp")
    expect(1, revealed=True)  # what was shown stays shown for this session
    for n in range(2, total + 1):
        page.keyboard.press("PageDown")
        expect(n, revealed=n == 2)
    page.keyboard.press("PageDown")  # nothing after the last question
    expect(total)
    assert axe_violations(page) == []
    url = page.url
    page.keyboard.press("n")  # Material's "next page" shortcut does not reach through the projector
    assert page.url == url and projector(page).is_visible()

    page.keyboard.press("Escape")
    assert projector(page).count() == 0
    assert page.locator(button).evaluate("e => e === document.activeElement")
    assert axe_violations(page) == []
    # opened again (left by a slip of the clicker), it is where it was; Home goes back to the first
    page.keyboard.press("Enter")
    projector(page).wait_for()
    expect(total)
    page.keyboard.press("Home")
    expect(1, revealed=True)
    page.keyboard.press("Escape")
    assert stored_text(page) == before == RECORD  # nothing saved to the reader's record
    assert_clean(watch)


def test_projector_with_the_mouse_saves_nothing(watch):
    """Driven with the mouse, it saves nothing; its code and style are fetched when it is first
    opened, once, not with the page."""
    page, text = watch.page, TEXT["en"]
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    open_quiz(page, "en", TECHNIQUE.id, record=None)
    assert "guide.js" in fetched and "extras.js" not in fetched and "interactive.css" not in fetched
    form = page.locator(f'form[data-guide-quiz="{TECHNIQUE.id}"]')
    form.get_by_role("button", name=text["project"]).click()
    dialog = projector(page)
    dialog.wait_for()
    assert fetched.count("extras.js") == 1 and fetched.count("interactive.css") == 1
    dialog.get_by_role("button", name=text["next"]).click()
    assert shown(page)["progress"] == f"2 / {len(TECHNIQUE.questions)}"
    # then a key, as the keys line says: Space shows the answer (the clicked button, unfocused, is not pressed again)
    page.keyboard.press("Space")
    assert shown(page)["progress"] == f"2 / {len(TECHNIQUE.questions)}"
    assert shown(page)["explanation"] == [TECHNIQUE.questions[1].explanation("en")]
    page.keyboard.press("PageUp")
    dialog.get_by_role("button", name=text["next"]).click()
    dialog.get_by_role("button", name=text["reveal"]).click()
    assert shown(page)["explanation"] == [TECHNIQUE.questions[1].explanation("en")]
    dialog.get_by_role("button", name=text["previous"]).click()
    assert shown(page)["progress"] == f"1 / {len(TECHNIQUE.questions)}"
    dialog.get_by_role("button", name=text["close"]).click()
    assert projector(page).count() == 0
    assert form.get_by_role("button", name=text["project"]).evaluate("e => e === document.activeElement")
    form.get_by_role("button", name=text["project"]).click()  # opened again: nothing fetched again
    dialog.wait_for()
    dialog.get_by_role("button", name=text["close"]).click()
    assert fetched.count("extras.js") == 1 and fetched.count("interactive.css") == 1
    assert stored_text(page) is None
    assert page.evaluate("key => Object.keys(localStorage).filter(k => k !== key)", STORAGE_KEY) == []
    assert_clean(watch)


def luminance(colour: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3])
    return sum(w * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4) for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b)))


def contrast(one: str, two: str) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


STYLE = """e => {
  let back = e;  // the first opaque background at or above the element
  while (back && getComputedStyle(back).backgroundColor.match(/rgba\\(.*, 0\\)$|transparent/)) back = back.parentElement;
  const style = getComputedStyle(e);
  return {size: parseFloat(style.fontSize), colour: style.color, background: getComputedStyle(back).backgroundColor,
          outline: style.outlineColor, outlineStyle: style.outlineStyle, opacity: style.opacity};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_projector_type_is_large_with_seven_to_one_contrast(watch, lang):
    page = watch.page
    page.set_viewport_size({"width": 1280, "height": 720})
    open_quiz(page, lang, "article")
    page.locator('button[data-action="project"]').click()
    projector(page).wait_for()
    page.keyboard.press("Space")
    dialog = projector(page)
    parts = {
        "question": (".guide-projector__question", 32),
        "option": (".guide-projector__options li", 24),
        "answer": (".guide-projector__correct", 24),
        "mark": (".guide-projector__mark", 24),
        "explanation": (".guide-projector__explanation", 20),
        "progress": (".guide-projector__progress", 24),
        "button": ("button", 16),
        "keys": (".guide-projector__keys", 14),
    }
    for name, (selector, size) in parts.items():
        style = dialog.locator(selector).first.evaluate(STYLE)
        assert style["size"] >= size, (name, style)
        assert style["opacity"] == "1"
        assert contrast(style["colour"], style["background"]) >= 7, (name, style)
    # every control keeps 7:1 with the focus on it, and its focus ring is as dark
    dialog.locator("button").first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    focused = dialog.locator("button:focus-visible")
    assert focused.count() == 1
    style = focused.evaluate(STYLE)
    assert contrast(style["colour"], style["background"]) >= 7, style
    assert style["outlineStyle"] == "solid" and contrast(style["outline"], "rgb(255, 255, 255)") >= 7, style
    assert dialog.locator(".guide-projector__stage").evaluate("e => e.scrollHeight <= e.clientHeight")  # it fits
    assert_clean(watch)


FIT = """dialog => {
  const stage = dialog.querySelector(".guide-projector__stage");
  const size = (selector) => parseFloat(getComputedStyle(dialog.querySelector(selector)).fontSize);
  return {overflow: stage.scrollHeight - stage.clientHeight, question: size(".guide-projector__question"),
          option: size(".guide-projector__options li"), explanation: size(".guide-projector__explanation")};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_and_its_explanation_fit_the_screen(watch, lang):
    """At 1280×720, each question of every quiz, its answer and explanation shown, fits without
    scrolling (a clicker cannot scroll: PageDown is the next question). The question, read already,
    gives way down to half its size; the options and the explanation keep theirs."""
    page = watch.page
    page.set_viewport_size({"width": 1280, "height": 720})
    for quiz in ["article", *SLUGS]:
        open_quiz(page, lang, quiz)
        page.locator(f'form[data-guide-quiz="{quiz}"] button[data-action="project"]').click()
        dialog = projector(page)
        dialog.wait_for()
        for n, question in enumerate(questions_of(quiz), 1):
            expect(dialog.locator(".guide-projector__progress")).to_have_text(f"{n} / {len(questions_of(quiz))}")
            page.keyboard.press("Space")
            shown = dialog.evaluate(FIT)
            assert shown["overflow"] <= 0 and shown["question"] >= 16, (quiz, question.id, shown)
            assert shown["option"] >= 24 and shown["explanation"] >= 20, (quiz, question.id, shown)
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
    assert_clean(watch)


def test_every_quiz_has_the_project_button(site):
    """Every quiz of both languages (seven techniques and the article) carries the button among
    the actions shown only with JavaScript."""
    for lang, prefix in LANGS.items():
        quizzes = []
        for path in pages_of(site, lang):
            for form in built_page(site, prefix + path).select("form[data-guide-quiz]"):
                quizzes.append(form["data-guide-quiz"])
                [button] = form.select('button[data-action="project"]')
                assert button.get_text() == TEXT[lang]["project"] and button["type"] == "button"
                assert button.find_parent(attrs={"data-js-only": True}).has_attr("hidden")
        assert sorted(quizzes) == sorted(["article", *(t.id for t in GUIDE.techniques)]), lang


def test_project_and_embed_say_so_when_their_code_cannot_be_had_and_work_once_it_can(watch):
    """Offline, or on a network that drops the request, the projector's and the "Embed" dialog's
    code (extras.js, fetched on first click) cannot come: the quiz says so in an alert, and nothing
    fails unseen; the next click, the network back, opens them and takes the message away."""
    page = watch.page
    cut = lambda route: route.abort("internetdisconnected")  # noqa: E731
    page.route("**/assets/guide/extras.js", cut)
    open_quiz(page, "fr", TECHNIQUE.id, record=None)
    widget = page.locator(f'form[data-guide-quiz="{TECHNIQUE.id}"]')  # the quiz's widget
    alert = widget.locator(":scope > .guide-load-failed[role=alert]")
    said = (
        "Cet outil n’a pas pu être chargé (connexion interrompue\u00a0?). Réessayez dans un instant\u00a0; le reste de la page fonctionne."
    )
    for button in ("Projeter", "Intégrer"):
        alert.evaluate_all("found => found.forEach((p) => p.remove())")  # each click says it anew
        with page.expect_event("requestfailed"):
            widget.get_by_role("button", name=button, exact=True).click()
        expect(alert).to_have_text(said)
    assert projector(page).count() == 0
    page.unroute("**/assets/guide/extras.js", cut)
    widget.get_by_role("button", name="Projeter", exact=True).click()
    projector(page).wait_for()
    expect(alert).to_have_count(0)
    page.keyboard.press("Escape")
    widget.get_by_role("button", name="Intégrer", exact=True).click()
    expect(page.locator("dialog.guide-embed-dialog[open]")).to_have_count(1)
    # the two requests cut, reported as they come (the console's line may come late); nothing else,
    # no unhandled rejection ("Error: …/extras.js could not be loaded") among them
    cut_off = [
        e
        for e in watch.errors
        if (e.startswith("failed: ") and "/extras.js" in e) or e == "Failed to load resource: net::ERR_INTERNET_DISCONNECTED"
    ]
    assert len(cut_off) >= 2, watch.errors
    watch.errors[:] = [e for e in watch.errors if e not in cut_off]
    assert_clean(watch)


def test_on_a_small_screen_the_answer_shown_by_a_tap_stays_in_view(watch):
    """Tapped, « Afficher la réponse » scrolls the stage to the right option: the focus given back
    to the question (so that Space then shows the next answer) must not scroll it away again."""
    page = watch.page
    page.set_viewport_size({"width": 390, "height": 844})
    open_quiz(page, "fr", "article")
    page.locator('form[data-guide-quiz="article"] button[data-action="project"]').click()
    dialog = projector(page)
    dialog.wait_for()
    found = False
    for n, _ in enumerate(questions_of("article"), start=1):
        if n > 1:
            dialog.get_by_role("button", name=TEXT["fr"]["next"]).click()
        dialog.get_by_role("button", name=TEXT["fr"]["reveal"]).click()
        right = dialog.locator(".guide-projector__correct").first
        stage = dialog.locator(".guide-projector__stage")
        scrolled = stage.evaluate("s => s.scrollTop > 0")
        inside = right.evaluate(
            """(li) => { const s = li.closest('.guide-projector__stage').getBoundingClientRect(), r = li.getBoundingClientRect();
            return r.top >= s.top - 1 && r.bottom <= s.bottom + 1; }"""
        )
        assert inside, shown(page)["progress"]
        found = found or scrolled
    assert found  # at least one answer had to be scrolled to on this screen
    assert_clean(watch)
