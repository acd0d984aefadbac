// A knowledge quiz: answers are judged only on "Check" (never on `change`, which arrow keys fire:
// a change only takes back its question's verdict), feedback is shown beside each option and summed
// up in the form's polite live region. "Project" shows it to a room, one question at a time
// (projector.js, fetched on first use: later.js).
import { load, update, saved as written } from "./storage.js";
import { t, onSubmit, told, flagUnanswered } from "./dom.js";
import { project } from "./later.js";

const MARKS = { correct: "✓", partial: "◐", wrong: "✗" };

export function mount(form) {
  const id = form.dataset.guideQuiz;
  const live = form.querySelector("[data-live]");
  const questions = [...form.querySelectorAll("[data-question]")];
  const inputs = (q) => [...q.querySelectorAll("input")];
  const chosen = (q) => inputs(q).filter((i) => i.checked).map((i) => i.value);
  const correct = (q) => [...q.querySelectorAll("[data-correct] input")].map((i) => i.value);

  const verdict = (q) => {
    const mine = chosen(q);
    const right = correct(q);
    if (mine.length === right.length && mine.every((v) => right.includes(v))) return "correct";
    return q.dataset.kind === "multiple" && mine.some((v) => right.includes(v)) ? "partial" : "wrong";
  };
  const clear = (which = questions) =>
    which.forEach((q) => {
      q.querySelectorAll(".guide-feedback, .guide-explanation, [data-mark]").forEach((el) => (el.hidden = true));
      q.querySelectorAll("[data-mark]").forEach((el) => (el.textContent = ""));
      q.removeAttribute("data-result");
    });
  const mark = (option, text) => {
    const el = option.querySelector("[data-mark]");
    el.textContent = el.textContent ? `${el.textContent} · ${text}` : text;
    el.hidden = false;
  };

  let checked = false; // judged since the last "Try again": a change then waits for "Check" to count
  function check(remember = true) {
    clear();
    const missing = questions.filter((q) => chosen(q).length === 0);
    flagUnanswered(form, missing);
    if (missing.length) {
      live.textContent = missing.map((q) => t("need_answer", { n: questions.indexOf(q) + 1 })).join(" ");
      inputs(missing[0])[0].focus();
      return;
    }
    checked = true;
    const lines = [];
    let score = 0;
    questions.forEach((q, index) => {
      const result = verdict(q);
      score += result === "correct";
      q.dataset.result = result;
      inputs(q).forEach((input) => {
        if (!input.checked) return;
        const option = input.closest("[data-option]");
        mark(option, option.hasAttribute("data-correct") ? `${MARKS.correct} ${t("choice_right")}` : `${MARKS.wrong} ${t("choice_wrong")}`);
        option.querySelector(".guide-feedback").hidden = false;
      });
      const label = t(`verdict_${result}`);
      q.querySelector("[data-verdict]").textContent = `${MARKS[result]} ${label}`;
      q.querySelector(".guide-explanation").hidden = false;
      lines.push(t("question_result", { n: index + 1, verdict: label }));
    });
    const total = questions.length;
    live.textContent = `${t("score", { score, total })}. ${lines.join(" ")}`;
    if (remember) {
      const answers = Object.fromEntries(questions.map((q) => [q.dataset.question, chosen(q)]));
      update((data) => (data.quizzes[id] = { answers, score, total, checked: new Date().toISOString() }));
      told(form, written());
    }
  }
  onSubmit(form, () => {
    check();
  });
  // An answer changed after "Check": its question's verdict, and the score, no longer hold, so they
  // go, and the reader is told it counts (and is kept) once checked again.
  form.addEventListener("change", (event) => {
    clear([event.target.closest("[data-question]")]);
    live.textContent = checked ? t("check_again") : ""; // said until the next "Check", arrow key after arrow key
  });
  form.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "retry") {
      checked = false;
      clear();
      flagUnanswered(form, []);
      inputs(form).forEach((input) => (input.checked = false));
      update((data) => delete data.quizzes[id]);
      told(form, written());
      live.textContent = "";
      inputs(questions[0])[0].focus();
    } else if (action === "reveal") {
      questions.forEach((q) => {
        q.querySelectorAll("[data-correct]").forEach((option) => mark(option, `${MARKS.correct} ${t("correct_answer")}`));
        q.querySelector(".guide-explanation").hidden = false;
      });
      live.textContent = t("answers_shown");
    } else if (action === "project") {
      project(form, event.target.closest("[data-action]"));
    }
  });

  // Back on the page: the last checked answers and their feedback come back. A question the reader
  // answered before this script ran (on a slow network) keeps their answer, saved at the next "Check"
  // as every answer is; its feedback waits for it. The browser restores no answer on back or reload
  // (the form's autocomplete="off").
  const early = questions.filter((q) => inputs(q).some((input) => input.checked !== input.defaultChecked));
  const saved = load().quizzes[id];
  if (saved) {
    questions
      .filter((q) => !early.includes(q))
      .forEach((q) => inputs(q).forEach((input) => (input.checked = (saved.answers[q.dataset.question] || []).includes(input.value))));
    if (!early.length && questions.every((q) => chosen(q).length)) check(false);
  }
}
