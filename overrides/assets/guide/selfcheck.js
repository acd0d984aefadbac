// Self-assessment statements rated Never (0) … Always (4), and a technique's own self-check.
// Answers are saved as soon as they are chosen, keyed by technique ID + statement ID, so the
// technique pages and the whole-guide assessment (which imports the helpers below) share them
// in both languages.
import { t, onSubmit, told, flagUnanswered } from "./dom.js";
import { pageConfig } from "./config.js";
import { percent, bandOf } from "./scores.js";

// Binds the statements' radios under `root` to the record the page's storage.js keeps (`store`:
// its load, update and saved; this module imports no storage.js, as extras.js bundles it).
export function bindScale(root, store) {
  const answers = store.load().selfAssessment.answers;
  const record = (pairs) =>
    store.update((data) =>
      pairs.forEach(([set, input]) => {
        const mine = (data.selfAssessment.answers[set.dataset.technique] ||= {});
        mine[set.dataset.statement] = Number(input.value);
      }),
    );
  // An answer the reader chose before this script ran (on a slow network) is theirs: kept and saved.
  // The browser restores none on back or reload (the form's autocomplete="off").
  const early = [];
  root.querySelectorAll("[data-statement]").forEach((set) => {
    const chosen = [...set.querySelectorAll("input")].find((input) => input.checked && !input.defaultChecked);
    if (chosen) return early.push([set, chosen]);
    const value = (answers[set.dataset.technique] || {})[set.dataset.statement];
    set.querySelectorAll("input").forEach((input) => (input.checked = Number(input.value) === value));
  });
  if (early.length) {
    record(early);
    told(early[0][0], store.saved());
  }
  root.addEventListener("change", (event) => {
    const set = event.target.closest("[data-statement]");
    if (!set) return;
    record([[set, event.target]]);
    told(set, store.saved());
  });
}

export const unanswered = (root) => [...root.querySelectorAll("[data-statement]")].filter((set) => !set.querySelector("input:checked"));

// Score 0–100 of the statements inside `root`, all answered (scores.js).
export function score(root) {
  const values = [...root.querySelectorAll("[data-statement] input:checked")].map((input) => Number(input.value));
  return percent(values, Math.max(...pageConfig().scale));
}

function bandText(root, value) {
  const bands = [...root.querySelectorAll(".guide-bands [data-min]")].map((p) => ({ min: Number(p.dataset.min), max: Number(p.dataset.max), p }));
  return bandOf(bands, value)?.p.textContent ?? "";
}

// A technique's own self-check: its score out of 100 and the feedback of its band.
export function mount(form, store) {
  const live = form.querySelector("[data-live]");
  bindScale(form, store);
  form.addEventListener("change", () => (live.textContent = "")); // a score no longer true goes
  onSubmit(form, () => {
    const missing = unanswered(form);
    flagUnanswered(form, missing);
    if (missing.length) {
      live.textContent = `${t("missing_answers", { n: missing.length })}.`;
      missing[0].querySelector("input").focus();
      return;
    }
    const value = score(form);
    live.textContent = `${t("self_check_score", { title: form.dataset.title, score: value })} ${bandText(form, value)}`;
  });
}
