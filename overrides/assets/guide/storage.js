// The guide's one record in the browser: everything under one localStorage key, versioned,
// shared by every language (keys are content IDs). Blocked, full or corrupt storage never
// throws: the page keeps working from memory for the visit.
import { pageConfig } from "./config.js";

export const KEY = "networking-guide";
export const VERSION = 1;
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
  const onScale = (v) => pageConfig().scale.includes(v);
  return [{
    version: VERSION,
    checklists: keep(raw.checklists, (c) => isTexts(c?.ticked), (c) => ({ ticked: c.ticked, updated: isDate(c.updated) ? c.updated : null })),
    quizzes: keep(raw.quizzes, (q) => Number.isInteger(q?.score) && Number.isInteger(q.total),
      (q) => ({ answers: keep(q.answers, isTexts), score: q.score, total: q.total, checked: isDate(q.checked) ? q.checked : null })),
    selfAssessment: {
      answers: keep(self.answers, isObject, (a) => keep(a, onScale)),
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

// Whether what the reader does now will still be there on their next visit (tried once with a
// throw-away entry: a browser may read but refuse to write, or block both, as in some frames).
let writable = null;
export function isKept() {
  if (writable === null) {
    try {
      window.localStorage.setItem(`${KEY}-probe`, "1");
      window.localStorage.removeItem(`${KEY}-probe`);
      writable = true;
    } catch {
      writable = false;
    }
  }
  return writable && persistent && !newer;
}
