// The guide's one record in the browser: everything under one localStorage key, versioned,
// shared by both languages (keys are content IDs). Blocked, full or corrupt storage never
// throws: the page keeps working from memory for the visit.
const KEY = "networking-guide";
const VERSION = 1;
let memory = null;
let persistent = true;
let newer = false; // the record was written by a newer version of the guide: never overwrite it

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isDate = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));
const isTexts = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
// The entries of `map` (if it is one) that pass `ok`, each passed through `make`.
const keep = (map, ok, make = (v) => v) =>
  Object.fromEntries(Object.entries(isObject(map) ? map : {}).filter(([, v]) => ok(v)).map(([k, v]) => [k, make(v)]));

function empty() {
  return { version: VERSION, checklists: {}, quizzes: {}, selfAssessment: { answers: {}, history: [] }, plan: null };
}

// Keeps only well-formed entries; returns [data, null] or [null, reason] for what cannot be used.
// When VERSION goes up, bring an older record up to date here first: tests/fixtures/storage-v1.json,
// written by the first release, must keep loading.
export function normalise(raw) {
  if (!isObject(raw)) return [null, "not an object"];
  if (raw.version !== VERSION) return [null, `version ${raw.version}`];
  const self = isObject(raw.selfAssessment) ? raw.selfAssessment : {};
  const plan = raw.plan;
  return [{
    version: VERSION,
    checklists: keep(raw.checklists, (c) => isTexts(c?.ticked), (c) => ({ ticked: c.ticked, updated: isDate(c.updated) ? c.updated : null })),
    quizzes: keep(raw.quizzes, (q) => Number.isInteger(q?.score) && Number.isInteger(q.total),
      (q) => ({ answers: keep(q.answers, isTexts), score: q.score, total: q.total, checked: isDate(q.checked) ? q.checked : null })),
    selfAssessment: {
      answers: keep(self.answers, isObject, (a) => keep(a, (v) => Number.isInteger(v) && v >= 0 && v <= 4)),
      history: (Array.isArray(self.history) ? self.history : []).filter((h) => isDate(h?.date) && isObject(h.scores)),
    },
    plan: isObject(plan) ? { commitment: String(plan.commitment || ""), date: String(plan.date || ""), skills: isTexts(plan.skills) ? plan.skills : [] } : null,
  }, null];
}

export function load() {
  let text = null;
  try {
    text = window.localStorage.getItem(KEY);
  } catch {
    persistent = false;
  }
  if (text === null || newer) return memory ? structuredClone(memory) : empty();
  try {
    const raw = JSON.parse(text);
    newer = raw?.version > VERSION;
    persistent &&= !newer;
    return (!newer && normalise(raw)[0]) || empty();
  } catch {
    return empty();
  }
}

export function save(data) {
  data.version = VERSION;
  memory = structuredClone(data);
  if (newer) return false; // kept for this visit only
  try {
    window.localStorage.setItem(KEY, JSON.stringify(data));
    persistent = true;
  } catch {
    persistent = false; // blocked or full: kept in memory for this visit
  }
  return persistent;
}

export function update(change) {
  const data = load();
  change(data);
  save(data);
  return data;
}

export function erase() {
  memory = null;
  newer = false;
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    /* nothing stored */
  }
}

// Interface strings of the page's language (rendered by the build into #guide-strings).
let strings = null;
export function t(key, values = {}) {
  if (!strings) {
    try {
      strings = JSON.parse(document.getElementById("guide-strings").textContent);
    } catch {
      strings = {};
    }
  }
  return (strings[key] || key).replace(/\{(\w+)\}/g, (_, name) => (name in values ? values[name] : `{${name}}`));
}

export const formatDate = (iso) =>
  new Intl.DateTimeFormat(document.documentElement.lang || "fr", { dateStyle: "long" }).format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso));

// Runs `mount` on every element matching `selector`, on every page Material shows.
export function mountAll(selector, mount) {
  const run = () =>
    document.querySelectorAll(selector).forEach((element) => {
      if (element.dataset.mounted) return;
      element.dataset.mounted = "true";
      mount(element);
      element.querySelectorAll("[data-js-only]").forEach((el) => (el.hidden = false));
    });
  if (window.document$) window.document$.subscribe(run);
  else run();
}

// Tells the reader once per widget when nothing can be kept on this device.
export function warnIfNotKept(root) {
  if (persistent || root.querySelector(".guide-storage-off")) return;
  root.prepend(el("p", { className: "guide-storage-off" }, t("storage_off")));
}

// A new element with properties and children: el("a", { href }, "text").
export const el = (tag, props = {}, ...children) => {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
};

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Prints with a class on <html> that the print rules read (blank checklist, plan only …); the
// class goes after printing, and at the latest when the next print starts.
let printClass = "";
export function printWith(className) {
  const root = document.documentElement;
  if (printClass) root.classList.remove(printClass);
  printClass = className;
  if (className) root.classList.add(className);
  window.addEventListener("afterprint", () => className && root.classList.remove(className), { once: true });
  window.print();
}
