// The guide's one saved record, as data: its key, its version, its shape, and normalise(), the one
// gate every record that comes in passes (storage at load, an imported file, a learning platform's
// cmi.suspend_data). Imports nothing and touches no page: storage.js keeps the record in the
// browser, lms.js sends it to a learning platform, mydata.js imports it from a file, and tests/js/
// runs all of this in Node.

export const KEY = "networking-guide";
export const VERSION = 1;

// The gate's bounds: far above what a reader makes, far below what would slow a page. The gate only
// walks the record's own shape (three levels at most), never a value it does not expect, so a deep
// or huge value costs one look and is left out.
export const LIMITS = { id: 64, text: 2000, entries: 200, ticks: 200, options: 20, history: 500, skills: 20, listed: 10 };
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// YYYY-MM-DD (a four-digit year, 1000–9999), or with a time in UTC or with an offset: what
// toISOString() and a date input write.
const ISO = /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const given = (v) => v !== undefined && v !== null;
export const isId = (v) => typeof v === "string" && v.length <= LIMITS.id && ID.test(v);

// A date as ISO 8601 writes it, with a four-digit year (1000–9999) and a day that exists.
export const isDate = (v) =>
  typeof v === "string" && v.length <= 40 && ISO.test(v) && new Date(Date.UTC(v.slice(0, 4), v.slice(5, 7) - 1, v.slice(8, 10))).getUTCDate() === +v.slice(8, 10);
// A plain day (the plan's date, a date input's value).
export const isDay = (v) => isDate(v) && v.length === 10;

export function empty() {
  return { version: VERSION, checklists: {}, quizzes: {}, selfAssessment: { answers: {}, history: [] }, plan: null };
}

// What the gate left out: how many entries, and the first few by where they were in the record.
function tally() {
  const left = { count: 0, paths: [] };
  const drop = (path) => {
    left.count++;
    if (left.paths.length < LIMITS.listed) left.paths.push(path.slice(0, 80));
  };
  return [left, drop];
}

// The entries of `map` whose key is an ID, each made by `make(value, path)` (undefined: left out),
// `limit` of them at most. Anything else (not an object, another key, one too many) is left out.
function entries(map, path, drop, make, limit = LIMITS.entries) {
  const out = {};
  if (!isObject(map)) {
    if (given(map)) drop(path);
    return out;
  }
  let kept = 0;
  let seen = 0;
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    if (++seen > limit * 4) {
      drop(`${path}.…`); // and the rest: far more than the guide ever writes
      break;
    }
    const where = `${path}.${key}`;
    const value = isId(key) && kept < limit ? make(map[key], where) : undefined;
    if (value === undefined) drop(where);
    else {
      out[key] = value;
      kept++;
    }
  }
  return out;
}

// The IDs of a list (ticks, chosen options, skills), each once; anything else left out.
function ids(list, path, drop, limit) {
  if (!Array.isArray(list)) return undefined;
  const out = [];
  for (let i = 0; i < list.length; i++) {
    if (isId(list[i]) && !out.includes(list[i]) && out.length < limit) out.push(list[i]);
    else drop(`${path}[${i}]`);
    if (i > limit * 4) {
      drop(`${path}[${i + 1}…]`);
      break;
    }
  }
  return out;
}

// A date field: the date, or null (left out when it held anything else).
function date(value, path, drop) {
  if (isDate(value)) return value;
  if (given(value)) drop(path);
  return null;
}

function checklist(c, path, drop) {
  if (!isObject(c)) return undefined;
  const ticked = ids(c.ticked, `${path}.ticked`, drop, LIMITS.ticks);
  if (!ticked || (!ticked.length && c.ticked.length)) return undefined; // nothing usable left of its ticks
  return { ticked, updated: date(c.updated, `${path}.updated`, drop) };
}

function quiz(q, path, drop) {
  if (!isObject(q) || !Number.isInteger(q.total) || q.total < 1 || q.total > 1000) return undefined;
  if (!Number.isInteger(q.score) || q.score < 0 || q.score > q.total) return undefined;
  const answers = entries(q.answers, `${path}.answers`, drop, (a, where) => {
    const chosen = ids(a, where, drop, LIMITS.options);
    return chosen?.length ? chosen : undefined; // a question answered with nothing usable is not answered
  });
  return { answers, score: q.score, total: q.total, checked: date(q.checked, `${path}.checked`, drop) };
}

// A saved profile: its date and a score 0–100 (whole numbers, as selfcheck.js's score() gives them)
// by technique; one with no date, or no score left, is left out whole.
function profile(h, path, drop) {
  if (!isObject(h) || !isDate(h.date) || !isObject(h.scores)) return undefined;
  const scores = entries(h.scores, `${path}.scores`, drop, (s) => (Number.isInteger(s) && s >= 0 && s <= 100 ? s : undefined), LIMITS.entries);
  return Object.keys(scores).length ? { date: h.date, scores } : undefined;
}

// A plan: its texts ("" when missing or left out), its date a day, its skills IDs.
function plan(p, drop) {
  if (!isObject(p)) {
    if (given(p)) drop("plan");
    return null;
  }
  const text = (name, ok) => {
    if (ok(p[name])) return p[name];
    if (given(p[name]) && p[name] !== "") drop(`plan.${name}`);
    return "";
  };
  return {
    commitment: text("commitment", (v) => typeof v === "string" && v.length <= LIMITS.text),
    date: text("date", isDay),
    skills: ids(p.skills, "plan.skills", drop, LIMITS.skills) ?? [],
  };
}

const KNOWN = new Set(["version", "checklists", "quizzes", "selfAssessment", "plan", "app", "exported"]);

// The one gate: keeps only well-formed entries, self-assessment answers only on `scale` (the page's
// points, pageConfig().scale), and returns [data, null, left] (left: what it left out, { count,
// paths }), or [null, reason, left] for what cannot be used: "not an object", "no version",
// "version as text", or "version N". It never throws, never copies what it has not checked.
// When VERSION goes up, bring an older record up to date here first: tests/fixtures/storage-v1.json,
// written by the first release, must keep loading.
export function normalise(raw, scale) {
  const [left, drop] = tally();
  if (!isObject(raw)) return [null, "not an object", left];
  if (!given(raw.version)) return [null, "no version", left];
  if (typeof raw.version === "string") return [null, "version as text", left];
  if (raw.version !== VERSION) return [null, `version ${typeof raw.version === "number" ? raw.version : typeof raw.version}`, left];
  for (const key in raw) if (Object.hasOwn(raw, key) && !KNOWN.has(key)) drop(key);
  let self = raw.selfAssessment;
  if (!isObject(self)) {
    if (given(self)) drop("selfAssessment");
    self = {};
  }
  const onScale = (v) => (scale.includes(v) ? v : undefined);
  const history = [];
  if (Array.isArray(self.history)) {
    const from = Math.max(0, self.history.length - LIMITS.history); // the newest kept
    if (from) drop(`selfAssessment.history[0…${from - 1}]`);
    for (let i = from; i < self.history.length; i++) {
      const entry = profile(self.history[i], `selfAssessment.history[${i}]`, drop);
      if (entry) history.push(entry);
      else drop(`selfAssessment.history[${i}]`);
    }
  } else if (given(self.history)) drop("selfAssessment.history");
  const data = {
    version: VERSION,
    checklists: entries(raw.checklists, "checklists", drop, (c, path) => checklist(c, path, drop)),
    quizzes: entries(raw.quizzes, "quizzes", drop, (q, path) => quiz(q, path, drop)),
    selfAssessment: {
      answers: entries(self.answers, "selfAssessment.answers", drop, (a, path) => (isObject(a) ? entries(a, path, drop, onScale) : undefined)),
      history,
    },
    plan: plan(raw.plan, drop),
  };
  return [data, null, left];
}
