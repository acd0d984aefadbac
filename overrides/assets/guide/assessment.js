// The whole-guide self-assessment: error summary when incomplete, then the profile over the
// seven skills (SVG bars + the same figures in a table), the history and the action plan.
import { t, formatDate, printWith, el, onSubmit, told, flagUnanswered } from "./dom.js";
import { bindScale, unanswered, score } from "./selfcheck.js";
import { isDay } from "./record.js";

const SVG = "http://www.w3.org/2000/svg";
const ROW = 46;
const BAR = 420;

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => element.setAttribute(key, value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function chart(rows) {
  const drawing = svg("svg", { viewBox: `0 0 ${BAR + 60} ${rows.length * ROW}`, "aria-hidden": "true", class: "guide-chart" });
  rows.forEach((row, index) => {
    const y = index * ROW;
    drawing.append(svg("text", { x: 0, y: y + 13, class: "guide-chart__label" }, row.title));
    drawing.append(svg("rect", { x: 0, y: y + 18, width: (BAR * row.score) / 100, height: 12, class: "guide-chart__now" }));
    if (row.before !== undefined)
      drawing.append(svg("rect", { x: 0, y: y + 33, width: (BAR * row.before) / 100, height: 6, class: "guide-chart__before" }));
    drawing.append(svg("text", { x: (BAR * row.score) / 100 + 6, y: y + 29, class: "guide-chart__value" }, String(row.score)));
  });
  return drawing;
}

// The plan's calendar file (ics.js), downloaded through `download` (extras.js).
function calendarFile(download, plan, skills) {
  const event = {
    date: plan.date,
    now: new Date(),
    summary: t("ics_title", { skills }),
    description: [plan.commitment, t("ics_body"), location.href.split("#")[0]].filter(Boolean).join("\n"),
  };
  return download(event, `networking-${plan.date}.ics`);
}

// `root` holds the form and, after it, the results. It comes with extras.js (later.js), handed the
// page's own storage (`load`, `update`, `saved`: storage.js, which every read, write and "not
// saved" notice here goes through; extras.js bundles no copy of it) and the calendar file's `download`.
export function mount(root, { load, update, saved, calendar }) {
  const form = root.querySelector("[data-guide-assessment]");
  const results = root.querySelector("[data-guide-results]");
  const errors = form.querySelector("[data-errors]");
  const live = form.querySelector("[data-live]");
  const planLive = results.querySelector("[data-plan-live]");
  const commitment = results.querySelector("[data-commitment]");
  const planDate = results.querySelector("[data-plan-date]");
  const dateWords = results.querySelector("[data-plan-date-words]");
  const showDate = () => (dateWords.textContent = isDay(planDate.value) ? formatDate(planDate.value) : ""); // « 14 janvier 2027 » on paper
  const skills = [...form.querySelectorAll(".guide-assessment__technique")];
  let weakest = [];

  function render(history) {
    const [current, previous] = [history.at(-1), history.at(-2)];
    const rows = skills
      .map((skill) => ({ ...skill.dataset, skill, score: current.scores[skill.dataset.technique], before: previous?.scores[skill.dataset.technique] }))
      .filter((row) => Number.isInteger(row.score))
      .sort((a, b) => a.score - b.score);
    results.querySelector("[data-saved]").textContent = t("saved_on", { date: formatDate(current.date) });
    results.querySelector("[data-chart]").replaceChildren(chart(rows));
    results.querySelector("[data-previous-head]").textContent = previous ? t("score_before", { date: formatDate(previous.date) }) : t("score_previous");
    results.querySelector("[data-table]").replaceChildren(
      ...rows.map((row) => el("tr", {}, el("th", { scope: "row" }, row.title), el("td", {}, String(row.score)), el("td", {}, String(row.before ?? t("no_previous"))))),
    );
    weakest = rows.slice(0, 2);
    results.querySelector("[data-plan]").replaceChildren(
      ...weakest.map((row) =>
        el("li", {},
          el("h3", {}, `${row.title} (${row.score} / 100)`),
          el("p", {}, row.skill.querySelector(".guide-practice").textContent),
          el("p", {}, el("a", { href: row.url }, `${t("open_checklist")} — ${row.title}`)),
        ),
      ),
    );
    const plan = load().plan;
    commitment.value = plan?.commitment || "";
    planDate.value = plan?.date || "";
    showDate();
    results.hidden = false;
  }

  // The plan as the reader left it; a date the guide cannot use (a year of five digits …) is not kept,
  // and one half typed (`keepDate`: the field says so) leaves the date kept before as it was.
  const savePlan = (keepDate = false) => {
    const plan = update((data) => {
      const date = keepDate ? data.plan?.date || "" : isDay(planDate.value) ? planDate.value : "";
      data.plan = { commitment: commitment.value.trim(), date, skills: weakest.map((row) => row.technique) };
    }).plan;
    told(results, saved());
    return plan;
  };
  // Kept as it is written, as a tick is (a commitment typed, then a link followed, was lost): a
  // moment after the last keystroke, and at the latest when the page is hidden or left. The button
  // still says so; what it said goes once the plan changes.
  let pending = 0;
  const keep = () => {
    clearTimeout(pending);
    if (pending && (commitment.value.trim() || planDate.value || load().plan)) savePlan(planDate.validity.badInput); // a keystroke taken back makes no plan
    pending = 0;
  };
  results.addEventListener("input", (event) => {
    if (event.target !== commitment && event.target !== planDate) return;
    planLive.textContent = "";
    showDate();
    clearTimeout(pending);
    pending = setTimeout(keep, 500);
  });
  document.addEventListener("visibilitychange", () => document.hidden && keep());
  window.addEventListener("pagehide", keep);
  const dateOk = () => {
    if (!planDate.value || isDay(planDate.value)) return true;
    planLive.textContent = t("date_range");
    planDate.focus();
    return false;
  };

  bindScale(form, { load, update, saved });
  onSubmit(form, () => {
    const missing = unanswered(form);
    flagUnanswered(form, missing);
    errors.hidden = missing.length === 0;
    if (missing.length) {
      errors.querySelector("[data-errors-title]").textContent = t("missing_answers", { n: missing.length });
      errors.querySelector("[data-errors-list]").replaceChildren(
        ...missing.map((set) => el("li", {}, el("a", { href: `#${set.id}` }, set.querySelector("legend").textContent))),
      );
      errors.focus({ preventScroll: true });
      errors.scrollIntoView({ block: "start" }); // its heading in sight, not the middle of a long list
      return;
    }
    const scores = Object.fromEntries(skills.map((skill) => [skill.dataset.technique, score(skill)]));
    const now = new Date();
    const data = update((d) => {
      const history = d.selfAssessment.history;
      // Taken again the same day (an answer put right): that day's profile is replaced, so "before"
      // stays an earlier day's, not the one of a minute ago.
      if (history.length && new Date(history.at(-1).date).toDateString() === now.toDateString()) history.pop();
      history.push({ date: now.toISOString(), scores });
    });
    render(data.selfAssessment.history);
    live.textContent = saved() ? "" : t("save_failed"); // saved: the profile's own line says when (render), once
    told(form, saved());
    const heading = results.querySelector("h2");
    heading.tabIndex = -1;
    heading.focus();
  });
  errors.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    event.preventDefault();
    const set = root.querySelector(`#${CSS.escape(link.getAttribute("href").slice(1))}`);
    set.scrollIntoView({ block: "center" });
    set.querySelector("input").focus();
  });
  results.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "save-plan") {
      if (!dateOk()) return;
      savePlan();
      planLive.textContent = saved() ? t("plan_saved") : t("save_failed");
    } else if (action === "calendar") {
      if (!planDate.value) {
        planLive.textContent = t("date_needed");
        planDate.focus();
        return;
      }
      if (!dateOk()) return;
      try {
        calendarFile(calendar, savePlan(), weakest.map((row) => row.title).join(" + "));
        planLive.textContent = t("calendar_made");
      } catch {
        planLive.textContent = t("widget_failed");
      }
    } else if (action === "print-plan") {
      savePlan();
      printWith("guide-print-plan");
    }
  });

  const history = load().selfAssessment.history;
  if (history.length) render(history);
}
