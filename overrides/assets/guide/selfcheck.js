// A technique's own self-check: its score out of 100 and the feedback of its band.
import { t, mountAll } from "./storage.js";
import { bindScale, unanswered, score, bandText } from "./scale.js";

function mount(form) {
  const live = form.querySelector("[data-live]");
  bindScale(form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const missing = unanswered(form);
    if (missing.length) {
      live.textContent = `${t("missing_answers", { n: missing.length })}.`;
      missing[0].querySelector("input").focus();
      return;
    }
    const value = score(form);
    live.textContent = `${t("selfcheck_score", { title: form.dataset.title, score: value })} ${bandText(form, value)}`;
  });
}

mountAll("[data-guide-selfcheck]", mount);
