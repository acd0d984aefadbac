// The guide's one saved record, as data: its key, its version, its shape, and normalise(), which
// keeps only well-formed entries. Imports nothing and touches no page: storage.js keeps the record
// in the browser, lms.js sends it to a learning platform, mydata.js imports it from a file, and
// tests/js/ runs all of this in Node.

export const KEY = "networking-guide";
export const VERSION = 1;

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isDate = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));
const isTexts = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
// The entries of `map` (if it is one) that pass `ok`, each passed through `make`.
const keep = (map, ok, make = (v) => v) =>
  Object.fromEntries(Object.entries(isObject(map) ? map : {}).filter(([, v]) => ok(v)).map(([k, v]) => [k, make(v)]));

export function empty() {
  return { version: VERSION, checklists: {}, quizzes: {}, selfAssessment: { answers: {}, history: [] }, plan: null };
}

// Keeps only well-formed entries, self-assessment answers only on `scale` (the page's points,
// pageConfig().scale); returns [data, null] or [null, reason] for what cannot be used.
// When VERSION goes up, bring an older record up to date here first: tests/fixtures/storage-v1.json,
// written by the first release, must keep loading.
export function normalise(raw, scale) {
  if (!isObject(raw)) return [null, "not an object"];
  if (raw.version !== VERSION) return [null, `version ${raw.version}`];
  const self = isObject(raw.selfAssessment) ? raw.selfAssessment : {};
  const plan = raw.plan;
  const onScale = (v) => scale.includes(v);
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
