// Projector mode for a quiz: one question at a time in large type, in a full-screen modal
// <dialog>, read from the quiz's own markup. Keys: → or PageDown next, ← or PageUp previous (what
// presentation clickers send), Home the first, Space or Enter shows the answer, Esc leaves; a
// button for each. Left (Esc, a clicker's stop key), it opens again where it was.
// Nothing is saved: the reader's record is never read or written here.
import { el, t } from "./dom.js";

const STEPS = new Map([["ArrowRight", 1], ["PageDown", 1], ["ArrowLeft", -1], ["PageUp", -1], ["Home", -Infinity]]);
const opened = new WeakMap(); // quiz form → its projector's open()

// A node's text without the parts matching `drop`, ASCII whitespace collapsed (no-break spaces kept).
function text(node, drop) {
  const copy = node.cloneNode(true);
  if (drop) copy.querySelectorAll(drop).forEach((part) => part.remove());
  return copy.textContent.replace(/[ \t\r\n]+/g, " ").trim();
}

const questionsOf = (form) =>
  [...form.querySelectorAll("[data-question]")].map((q) => ({
    prompt: text(q.querySelector("legend"), ".guide-question__number, .guide-hint"),
    hint: text(q.querySelector(".guide-hint")),
    options: [...q.querySelectorAll("[data-option]")].map((o) => ({
      letter: text(o.querySelector(".guide-letter")).replace(/\.$/, ""), // as the page letters it (A, B, C: hooks/guide/render.py)
      text: text(o.querySelector("label"), ".guide-letter"),
      correct: o.hasAttribute("data-correct"),
    })),
    explanation: text(q.querySelector(".guide-explanation p:not([data-verdict])"), "a"),
  }));

// Opens the projector on `form`'s first question, or where it was left (what was shown still
// shown); focus goes back to `opener` when it closes.
export function project(form, opener) {
  if (!opened.has(form)) opened.set(form, build(form, opener));
  opened.get(form)();
}

function build(form, opener) {
  const questions = questionsOf(form);
  const revealed = new Set();
  let index = 0;
  const symbol = (s) => {
    const span = el("span", {}, s);
    span.setAttribute("aria-hidden", "true"); // the arrows are not read out: the words say it
    return span;
  };
  const button = (value, ...parts) => el("button", { type: "button", value }, ...parts);
  const heading = document.querySelector(".md-content h1");
  const title = el("h2", { id: `${form.id}-projector`, className: "guide-projector__title" }, heading ? text(heading, ".headerlink") : document.title);
  const progress = el("p", { className: "guide-projector__progress" });
  const prompt = el("h3", { className: "guide-projector__question", tabIndex: -1 });
  const hint = el("p", { className: "guide-projector__hint" });
  const list = el("ol", { className: "guide-projector__options" });
  const explanation = el("p", { className: "guide-projector__explanation" });
  const live = el("p", { className: "guide-projector__live" });
  const stage = el("div", { className: "guide-projector__stage" }, prompt, hint, list, explanation);
  const previous = button("-1", symbol("← "), t("projector_previous"));
  const next = button("1", t("projector_next"), symbol(" →"));
  const dialog = el(
    "dialog",
    { className: "guide-projector" },
    el("div", { className: "guide-projector__head" }, title, progress),
    stage,
    el("div", { className: "guide-projector__controls" }, previous, button("reveal", t("projector_reveal")), next, button("close", t("projector_close"))),
    el("p", { className: "guide-projector__keys" }, t("projector_keys")),
    live,
  );
  dialog.setAttribute("aria-labelledby", title.id);
  live.setAttribute("role", "status");

  // A long question's answer and explanation can outgrow the screen: the question, read already,
  // gives way (down to half its size) before anything has to scroll.
  function fit() {
    let scale = 1;
    stage.style.removeProperty("--fit");
    while (stage.scrollHeight > stage.clientHeight && scale > 0.5) stage.style.setProperty("--fit", (scale -= 0.1).toFixed(1));
  }

  function reveal(announce = true) {
    const q = questions[index];
    if (!explanation.hidden) return;
    revealed.add(index);
    [...list.children].forEach((item, i) => {
      if (!q.options[i].correct) return;
      item.classList.add("guide-projector__correct");
      item.append(" ", el("strong", { className: "guide-projector__mark" }, `✓ ${t("correct_answer")}`));
    });
    explanation.hidden = false;
    fit();
    list.querySelector(".guide-projector__correct")?.scrollIntoView({ block: "nearest" }); // on a small screen
    const right = q.options.map((o) => o.correct && `${o.letter}. ${o.text}${/[.!?…»]$/.test(o.text) ? "" : "."}`).filter(Boolean);
    if (announce) live.textContent = t("projector_answer", { count: right.length, answers: right.join(" "), explanation: q.explanation });
  }

  function show() {
    const q = questions[index];
    const total = questions.length;
    progress.textContent = `${index + 1} / ${total}`;
    prompt.textContent = q.prompt;
    hint.textContent = q.hint;
    list.replaceChildren(...q.options.map((o) => el("li", {}, el("span", { className: "guide-projector__letter" }, o.letter), " ", o.text)));
    explanation.textContent = q.explanation;
    explanation.hidden = true;
    previous.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === total - 1));
    live.textContent = t("projector_position", { n: index + 1, total, prompt: q.prompt });
    fit();
    if (revealed.has(index)) reveal(false);
  }

  const go = (step) => {
    const to = Math.max(0, index + step);
    if (questions[to] && to !== index) {
      index = to;
      show();
    }
  };

  dialog.addEventListener("click", (event) => {
    const value = event.target.closest("button")?.value;
    if (value === "close") dialog.close();
    else if (value === "reveal") reveal();
    else if (value) go(Number(value));
    // A button clicked (not pressed by a key) keeps no focus: Space and Enter then show the answer,
    // as the keys line says, instead of pressing that button again (and skipping the answer).
    if (value && value !== "close" && event.detail) prompt.focus({ preventScroll: true }); // the answer, scrolled to on a small screen, stays in view
  });
  dialog.addEventListener("keydown", (event) => {
    event.stopPropagation(); // the page's own shortcuts (Material: n, p, s, /) stay out of the projector
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (STEPS.has(event.key)) go(STEPS.get(event.key));
    else if ((event.key === " " || event.key === "Enter") && !event.target.closest("button")) reveal();
    else return; // on a button, Space and Enter press it
    event.preventDefault();
  });
  dialog.addEventListener("close", () => opener.focus());
  form.append(dialog);

  return () => {
    dialog.showModal(); // open first: fitting measures the laid-out stage
    show();
    prompt.focus();
  };
}
