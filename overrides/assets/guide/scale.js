// Self-assessment statements rated Never (0) … Always (4): answers are saved as soon as they are
// chosen, keyed by technique ID + statement ID, so the technique pages and the whole-guide
// assessment share them in both languages.
import { load, update } from "./storage.js";

export function bindScale(root) {
  const answers = load().selfAssessment.answers;
  root.querySelectorAll("[data-statement]").forEach((set) => {
    const value = (answers[set.dataset.technique] || {})[set.dataset.statement];
    set.querySelectorAll("input").forEach((input) => (input.checked = Number(input.value) === value));
  });
  root.addEventListener("change", (event) => {
    const set = event.target.closest("[data-statement]");
    if (!set) return;
    update((data) => {
      const mine = (data.selfAssessment.answers[set.dataset.technique] ||= {});
      mine[set.dataset.statement] = Number(event.target.value);
    });
  });
}

export const unanswered = (root) => [...root.querySelectorAll("[data-statement]")].filter((set) => !set.querySelector("input:checked"));

// Score 0–100 of the statements inside `root`, all answered.
export function score(root) {
  const values = [...root.querySelectorAll("[data-statement] input:checked")].map((input) => Number(input.value));
  return Math.round((values.reduce((a, b) => a + b, 0) / (4 * values.length)) * 100);
}

export function bandText(root, value) {
  const band = [...root.querySelectorAll(".guide-bands [data-min]")].find((p) => value >= Number(p.dataset.min) && value <= Number(p.dataset.max));
  return band ? band.textContent : "";
}
