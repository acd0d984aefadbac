"""Knowledge quizzes in Chromium: keyboard only, no auto-submit, feedback in the live region,
try again, show the answers, kept across reloads and languages, never printed."""

from __future__ import annotations

from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import assert_clean, open_page
from support.printed import page_texts
from support.project import GUIDE
from support.site import flat_words
from support.widgets import FORM, QUIZ, answer, right, wrong


def live(page):
    return page.locator(f"{FORM} [data-live]")


def test_keyboard_journey_without_auto_submit(watch):
    page = watch.page
    open_page(page, "/quiz/")
    first = QUIZ.questions[0]
    assert first.kind == "single"
    page.locator(f"#q-{QUIZ.id}-{first.id}-{first.options[0].id}").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # moves and selects within the radio group …
    selected = page.locator(f"#q-{QUIZ.id}-{first.id} input:checked").get_attribute("value")
    assert selected == first.options[1].id
    # … and nothing is judged yet
    assert live(page).text_content() == ""
    assert page.locator(f"#q-{QUIZ.id}-{first.id} .guide-explanation").is_hidden()
    # answer the rest correctly, then reach "Vérifier" with Tab and press Enter
    for question in QUIZ.questions[1:]:
        for option in right(question):
            page.locator(f"#q-{QUIZ.id}-{question.id}-{option.id}").check()
    page.get_by_role("button", name="Vérifier").focus()
    page.keyboard.press("Enter")
    total = len(QUIZ.questions)
    first_right = first.options[1].correct
    score = total - (0 if first_right else 1)
    assert live(page).text_content().startswith(f"Score\u00a0: {score} / {total}.")
    assert "Question 1\u00a0: " in live(page).text_content()
    # feedback of the chosen option and the explanation, with a link back to the article
    block = page.locator(f"#q-{QUIZ.id}-{first.id}")
    assert block.locator(f'[data-option="{first.options[1].id}"] .guide-feedback').is_visible()
    assert block.locator(f'[data-option="{first.options[0].id}"] .guide-feedback').is_hidden()
    mark = block.locator(f'[data-option="{first.options[1].id}"] [data-mark]').text_content()
    assert mark == ("✓ Votre choix\u00a0: bonne réponse" if first_right else "✗ Votre choix\u00a0: mauvaise réponse")  # words, not colour
    verdict = block.locator("[data-verdict]").text_content()
    assert verdict == ("✓ Correct" if first_right else "✗ Incorrect")
    link = block.locator(".guide-explanation a")
    assert link.get_attribute("href").endswith(f"article/#{first.anchor}")
    assert_clean(watch)


def test_unanswered_questions_are_named_and_focused(watch):
    """The live region below the buttons names them; each also says so under its own legend, in
    sight where the focus lands (a sighted reader sees no message below, off screen), until it
    is answered."""
    page = watch.page
    open_page(page, "/quiz/")
    blocks = [page.locator(f"#q-{QUIZ.id}-{q.id}") for q in QUIZ.questions]
    page.locator(f"#q-{QUIZ.id}-{QUIZ.questions[1].id}-{QUIZ.questions[1].options[0].id}").check()
    page.get_by_role("button", name="Vérifier").click()
    assert live(page).text_content().startswith("Question 1\u00a0: pas encore de réponse. Question 3\u00a0:")
    focused = page.evaluate("document.activeElement.name")
    assert focused == f"q-{QUIZ.id}-{QUIZ.questions[0].id}"
    said = [block.locator(".guide-unanswered") for block in blocks]
    assert [m.count() for m in said] == [0 if n == 1 else 1 for n in range(len(blocks))]
    expect(said[0]).to_have_text("Pas encore de réponse.")
    expect(said[0]).to_be_in_viewport()
    assert page.evaluate("(p) => p.previousElementSibling.tagName", said[0].element_handle()) == "LEGEND"
    # answered, a question's message goes; the others' stay until the form is sent again
    page.locator(f"#q-{QUIZ.id}-{QUIZ.questions[0].id}-{QUIZ.questions[0].options[0].id}").check()
    assert [m.count() for m in said] == [0, 0] + [1] * (len(blocks) - 2)
    answer(page, right)
    page.get_by_role("button", name="Vérifier").click()
    expect(page.locator(".guide-unanswered")).to_have_count(0)
    assert live(page).text_content().startswith("Score")
    assert_clean(watch)


def test_partial_answer_on_a_multiple_choice_question(watch):
    page = watch.page
    open_page(page, "/quiz/")
    multiple = next(q for q in QUIZ.questions if q.kind == "multiple" and len(right(q)) > 1)
    answer(page, lambda q: right(q)[:1] if q is multiple else right(q))
    page.get_by_role("button", name="Vérifier").click()
    assert page.locator(f"#q-{QUIZ.id}-{multiple.id} [data-verdict]").text_content() == "◐ Partiellement correct"
    total = len(QUIZ.questions)
    assert live(page).text_content().startswith(f"Score\u00a0: {total - 1} / {total}.")
    assert_clean(watch)


def test_an_answer_changed_after_check_loses_its_verdict_and_the_others_keep_theirs(watch):
    """A verdict beside an answer no longer chosen misleads: "✗ Incorrect" next to the right one,
    or a score that no longer adds up."""
    page = watch.page
    open_page(page, "/quiz/")
    first, second = QUIZ.questions[:2]
    answer(page, lambda q: wrong(q) if q is first else right(q))
    page.get_by_role("button", name="Vérifier").click()
    question = page.locator(f"#q-{QUIZ.id}-{first.id}")
    expect(question).to_have_attribute("data-result", "wrong")
    page.locator(f"#q-{QUIZ.id}-{first.id}-{right(first)[0].id}").check()
    expect(question).not_to_have_attribute("data-result", "wrong")
    # the score it summed up no longer holds either: what is said instead is how to count it again
    expect(live(page)).to_have_text("Réponse modifiée\u00a0: «\u00a0Vérifier\u00a0» la comptera et l’enregistrera.")
    # the same question changed again (the next arrow key), before "Check": still said
    page.locator(f"#q-{QUIZ.id}-{first.id}-{wrong(first)[0].id}").check()
    expect(live(page)).to_have_text("Réponse modifiée\u00a0: «\u00a0Vérifier\u00a0» la comptera et l’enregistrera.")
    page.locator(f"#q-{QUIZ.id}-{first.id}-{right(first)[0].id}").check()
    assert question.locator("[data-mark]:visible, .guide-feedback:visible, .guide-explanation:visible").count() == 0
    other = page.locator(f"#q-{QUIZ.id}-{second.id}")
    expect(other).to_have_attribute("data-result", "correct")  # the other questions keep theirs
    assert other.locator(".guide-explanation").is_visible()
    page.get_by_role("button", name="Vérifier").click()
    expect(question).to_have_attribute("data-result", "correct")
    assert_clean(watch)


def test_try_again_and_show_the_answers(watch):
    page = watch.page
    open_page(page, "/en/quiz/")
    answer(page, wrong)
    page.get_by_role("button", name="Check").click()
    assert live(page).text_content().startswith(f"Score: 0 / {len(QUIZ.questions)}.")
    page.get_by_role("button", name="Try again").click()
    assert page.locator(f"{FORM} input:checked").count() == 0
    assert live(page).text_content() == ""
    assert page.locator(f"{FORM} .guide-feedback:visible").count() == 0
    page.get_by_role("button", name="Show the answers").click()
    marks = page.locator(f"{FORM} [data-mark]:visible")
    assert marks.count() == sum(len(right(q)) for q in QUIZ.questions)
    assert all("Correct answer" in m for m in marks.all_text_contents())
    assert live(page).text_content() == "The correct answers are shown."
    assert_clean(watch)


def test_answers_come_back_after_reload_and_in_the_other_language(watch):
    page = watch.page
    open_page(page, "/quiz/")
    answer(page, right)
    page.get_by_role("button", name="Vérifier").click()
    open_page(page, "/en/quiz/")
    total = len(QUIZ.questions)
    assert page.locator(f"{FORM} input:checked").count() == sum(len(right(q)) for q in QUIZ.questions)
    assert live(page).text_content().startswith(f"Score: {total} / {total}.")
    assert_clean(watch)


def test_printed_quiz_shows_no_answer(watch):
    page = watch.page
    open_page(page, "/quiz/")
    answer(page, right)
    page.get_by_role("button", name="Vérifier").click()
    page.get_by_role("button", name="Voir les réponses").click()
    page.emulate_media(media="print")
    assert page.locator(f"{FORM} .guide-feedback:visible, {FORM} .guide-explanation:visible, {FORM} [data-mark]:visible").count() == 0
    assert page.locator(f"{FORM} legend").first.is_visible()
    assert_clean(watch)


def test_technique_quiz_and_axe_after_feedback(watch):
    page = watch.page
    technique = GUIDE.techniques[1]
    open_page(page, f"/techniques/{technique.id}/")
    form = f'form[data-guide-quiz="{technique.id}"]'
    for question in technique.questions:
        page.locator(f"#q-{technique.id}-{question.id}-{wrong(question)[0].id}").check()
    page.locator(form).get_by_role("button", name="Vérifier").click()
    assert page.locator(f"{form} [data-live]").text_content().startswith("Score\u00a0: 0 / ")
    assert axe_violations(page) == []
    page.locator(form).get_by_role("button", name="Voir les réponses").click()
    assert axe_violations(page) == []
    assert_clean(watch)


def test_answer_key_page_is_accessible_and_prints(watch):
    """Printed for a trainer to hold: each quiz starts a sheet, and no question is cut from its
    options and answer by a page break."""
    page = watch.page
    open_page(page, "/en/trainers/answer-key/")
    assert page.locator(".guide-key-correct").count() > 20
    assert axe_violations(page) == []
    sheets = [flat_words(text) for text in page_texts(page.pdf(format="A4"))]
    quizzes = [(GUIDE.quiz.title("en"), GUIDE.quiz.questions)] + [(f"{t.number}. {t.title('en')}", t.questions) for t in GUIDE.techniques]
    starts = []
    for title, questions in quizzes:
        starts.append(next(n for n, sheet in enumerate(sheets) if title in sheet))
        for question in questions:
            whole = [flat_words(question.prompt("en")), flat_words(question.options[-1].text("en")), flat_words(question.explanation("en"))]
            assert [n for n, sheet in enumerate(sheets) if all(part in sheet for part in whole)], (title, question.id)
    assert starts == sorted(set(starts))  # a sheet of its own to start on, in order
    assert not any("Reread the passage" in sheet or "•" in sheet for sheet in sheets)  # no link to follow, no bullet before a letter
    assert all(not sheets[n].split(title)[0].strip() for n, (title, _) in zip(starts[1:], quizzes[1:]))  # nothing before it
    assert_clean(watch)


def test_a_long_question_sits_inside_its_box_on_a_phone(watch):
    """A fieldset draws its top border through the middle of its legend: a question of three lines
    on a phone sat half outside its box. Every legend on a technique's page (checklist, quiz,
    self-check) is inside its box, the box's border above it."""
    page = watch.page
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, "/techniques/remercier/")
    boxes = page.locator("article fieldset").evaluate_all(
        """(sets) => sets.map((set) => {
          const legend = set.querySelector(':scope > legend').getBoundingClientRect();
          return [legend.height > 40, legend.top - set.getBoundingClientRect().top - parseFloat(getComputedStyle(set).borderTopWidth)];
        })"""
    )
    assert len(boxes) >= 6 and any(long for long, _ in boxes)  # some legends take two lines or more
    assert [gap for _, gap in boxes if gap < 0] == []
    assert_clean(watch)


def test_options_are_lettered_as_the_projector_the_plans_and_the_answer_key_letter_them(watch):
    """A room votes A, B, C (the plans, the projector, the answer key): the page's own options
    carry the same letters, in their names too."""
    page = watch.page
    open_page(page, "/quiz/")
    for question in QUIZ.questions[:3]:
        role = "radio" if question.kind == "single" else "checkbox"
        for letter, option in zip("ABCDEFGHIJ", question.options):
            expect(page.get_by_role(role, name=f"{letter}. {option.text('fr')}", exact=True)).to_have_count(1)
    assert_clean(watch)
