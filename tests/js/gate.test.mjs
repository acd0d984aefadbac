// The one gate every record passes (overrides/assets/guide/record.js, normalise()): what real life
// brings (backups edited by hand or by other tools, foreign or older records, values back from a
// learning platform) is kept where well formed, left out and counted where not, and never costs
// more than a look: no deep walk, no copy of what was not checked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { VERSION, LIMITS, empty, normalise, isDate, isDay, isId } from "../../overrides/assets/guide/record.js";
import { SCALE, read } from "./content.mjs";

const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const gate = (raw) => normalise(raw, SCALE);
const record = (parts) => ({ ...empty(), ...parts });
const deep = (levels) => {
  const top = {};
  let at = top;
  for (let i = 0; i < levels; i++) at = at.a = {};
  return top;
};

test("dates: ISO 8601 days and times with a four-digit year, on days that exist", () => {
  for (const good of ["2025-03-01", "2024-02-29", "1000-01-01", "9999-12-31", "2026-11-29T11:50:53.421Z", "2026-11-29T11:50:53Z", "2026-11-29T11:50:53+01:00", "2026-11-29T23:59:59.999-05:30"])
    assert.ok(isDate(good), good);
  for (const bad of [
    "2025/03/01", "2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-3-1", "+275760-09-13", "275760-09-13", "12345-06-07", "0999-12-31",
    "2025-03-01T24:00:00Z", "2025-03-01T10:60:00Z", "2025-03-01T10:00Z", "2025-03-01T10:00:00", "2025-03-01 10:00:00Z", "March 1, 2025", "", " 2025-03-01",
    "2025-03-01\n", 20250301, null, undefined, {}, ["2025-03-01"], `2025-03-01T10:00:00.${"1".repeat(50)}Z`,
  ])
    assert.ok(!isDate(bad), JSON.stringify(bad));
  assert.ok(isDay("2027-01-15") && !isDay("2027-01-15T10:00:00Z") && !isDay("12345-06-07"));
});

test("IDs: lowercase kebab-case, bounded", () => {
  for (const good of ["remercier", "contact-visuel", "thank-within-48h", "a", "x".repeat(LIMITS.id)]) assert.ok(isId(good), good);
  for (const bad of ["Remercier", "two  words", "-x", "x-", "a--b", "é", "__proto__", "constructor?", "", "x".repeat(LIMITS.id + 1), 1, null])
    assert.ok(!isId(bad), JSON.stringify(bad));
});

test("an odd date is left out, its entry kept, and the reader told where", () => {
  const raw = structuredClone(RELEASE_1);
  raw.checklists.remercier.updated = "2025/03/01";
  raw.quizzes.article.checked = "2025-02-30";
  raw.selfAssessment.history[0].date = "+275760-09-13T00:00:00.000Z";
  raw.plan.date = "12345-06-07";
  const [data, reason, left] = gate(raw);
  assert.equal(reason, null);
  assert.equal(data.checklists.remercier.updated, null);
  assert.deepEqual(data.checklists.remercier.ticked, RELEASE_1.checklists.remercier.ticked);
  assert.equal(data.quizzes.article.checked, null);
  assert.equal(data.quizzes.article.score, 8);
  assert.deepEqual(data.selfAssessment.history, RELEASE_1.selfAssessment.history.slice(1)); // a profile has no sense without its date
  assert.deepEqual(data.plan, { ...RELEASE_1.plan, date: "" });
  assert.deepEqual(left, {
    count: 4,
    paths: ["selfAssessment.history[0]", "checklists.remercier.updated", "quizzes.article.checked", "plan.date"],
  });
});

test("scores: a quiz's are whole numbers 0…total; a profile's whole numbers 0–100", () => {
  const quizzes = {
    ok: { answers: {}, score: 0, total: 3 },
    full: { answers: {}, score: 3, total: 3 },
    "as-text": { answers: {}, score: "3", total: 3 },
    negative: { answers: {}, score: -1, total: 3 },
    "above-total": { answers: {}, score: 4, total: 3 },
    "zero-total": { answers: {}, score: 0, total: 0 },
    "nan-total": { answers: {}, score: 0, total: NaN },
    infinite: { answers: {}, score: 1, total: Infinity },
  };
  const [data, , left] = gate(record({ quizzes }));
  assert.deepEqual(Object.keys(data.quizzes), ["ok", "full"]);
  assert.equal(left.count, 6);
  const scores = { remercier: 63, "contact-visuel": "50", "aider-les-autres": -5, "poser-des-questions": 101, "suivi-des-recommandations": NaN, "digne-de-confiance": 49.5, "attitude-positive": 0 };
  const history = [{ date: "2026-01-01", scores }, { date: "2026-01-02", scores: { remercier: "80" } }];
  const [kept, , dropped] = gate(record({ selfAssessment: { answers: {}, history } }));
  assert.deepEqual(kept.selfAssessment.history, [{ date: "2026-01-01", scores: { remercier: 63, "attitude-positive": 0 } }]); // a profile with no score left goes
  assert.equal(dropped.count, 7);
});

test("30 KB of nested objects in a profile's scores cost one look: left out, the rest kept, the result flat", () => {
  const nested = deep(5000); // {"a":{"a":… 30,000 characters as JSON: more than Node's own JSON.stringify can write
  const raw = structuredClone(RELEASE_1);
  raw.selfAssessment.history[1].scores.remercier = nested;
  raw.selfAssessment.history.push({ date: "2026-12-01", scores: nested });
  raw.checklists.remercier.ticked.push(nested);
  raw.plan.commitment = nested;
  const [data, , left] = gate(raw);
  const text = JSON.stringify(data); // the gate's record is flat: cloning and writing it cannot overflow
  structuredClone(data);
  assert.ok(text.length < JSON.stringify(RELEASE_1).length);
  assert.equal(data.selfAssessment.history.length, 2);
  assert.equal(data.selfAssessment.history[1].scores.remercier, undefined);
  assert.equal(data.selfAssessment.history[1].scores["attitude-positive"], 70);
  assert.deepEqual(data.checklists.remercier.ticked, RELEASE_1.checklists.remercier.ticked);
  assert.equal(data.plan.commitment, "");
  assert.equal(left.count, 5);
  // and deeper than any stack: still one look
  assert.equal(gate(record({ selfAssessment: { history: [{ date: "2026-01-01", scores: { remercier: deep(200000) } }] } }))[2].count, 2);
});

test("a 20 MB string anywhere is left out without a copy", () => {
  const huge = "x".repeat(20 * 1024 * 1024);
  const [data, , left] = gate(record({
    checklists: { remercier: { ticked: [huge, "list-helpers"], updated: huge } },
    plan: { commitment: huge, date: huge, skills: [huge] },
    [huge.slice(0, 1000)]: 1,
  }));
  assert.deepEqual(data.checklists.remercier, { ticked: ["list-helpers"], updated: null });
  assert.deepEqual(data.plan, { commitment: "", date: "", skills: [] });
  assert.equal(left.count, 6);
  assert.ok(left.paths.every((path) => path.length <= 80), "what is named is cut short");
});

test("arrays where objects are expected, objects where arrays are: left out, the rest kept", () => {
  const [data, reason, left] = gate({
    version: VERSION,
    checklists: [{ ticked: ["a"] }],
    quizzes: { remercier: [1, 2], article: { answers: [], score: 1, total: 2 } },
    selfAssessment: { answers: [[4]], history: { date: "2026-01-01", scores: {} } },
    plan: ["commitment"],
  });
  assert.equal(reason, null);
  assert.deepEqual(data, record({ quizzes: { article: { answers: {}, score: 1, total: 2, checked: null } } }));
  assert.deepEqual(left.paths, ["selfAssessment.history", "checklists", "quizzes.remercier", "quizzes.article.answers", "selfAssessment.answers", "plan"]);
  assert.deepEqual(gate({ version: VERSION, selfAssessment: [] })[2].paths, ["selfAssessment"]);
});

test("__proto__, constructor and other keys that are no IDs never reach the record", () => {
  const raw = JSON.parse(
    '{"version":1,"__proto__":{"polluted":true},"checklists":{"__proto__":{"ticked":["a"]},"constructor":{"ticked":["a"]},"remercier":{"ticked":["__proto__","list-helpers"]}},' +
      '"selfAssessment":{"answers":{"remercier":{"__proto__":4}},"history":[{"date":"2026-01-01","scores":{"__proto__":50,"remercier":50}}]}}',
  );
  const [data, , left] = gate(raw);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(data.checklists), Object.prototype);
  assert.deepEqual(Object.keys(data.checklists), ["constructor", "remercier"]); // "constructor" has an ID's shape: an own entry, harmless
  assert.equal(Object.hasOwn(data.checklists, "__proto__"), false);
  assert.deepEqual(data.checklists.remercier.ticked, ["list-helpers"]);
  assert.deepEqual(data.selfAssessment.answers, { remercier: {} });
  assert.deepEqual(data.selfAssessment.history[0].scores, { remercier: 50 });
  assert.ok(left.paths.includes("__proto__") && left.paths.includes("checklists.__proto__"));
});

test("versions: missing, as text, unknown, or of another type: refused whole, each with its reason", () => {
  const cases = [
    [{}, "no version"], [{ version: null }, "no version"], [{ version: "1" }, "version as text"], [{ version: "v1" }, "version as text"],
    [{ version: 2 }, "version 2"], [{ version: 0 }, "version 0"], [{ version: -1 }, "version -1"], [{ version: 1.0000001 }, "version 1.0000001"],
    [{ version: true }, "version boolean"], [{ version: {} }, "version object"],
  ];
  for (const [raw, reason] of cases) {
    const [data, why] = gate({ ...structuredClone(RELEASE_1), version: undefined, ...raw });
    assert.equal(data, null, JSON.stringify(raw));
    assert.equal(why, reason);
  }
  assert.equal(gate({ version: 1 })[1], null);
});

test("sizes are bounded: entries, ticks and profiles beyond the limits are left out, the newest profiles kept", () => {
  const checklists = Object.fromEntries(Array.from({ length: LIMITS.entries + 5 }, (_, i) => [`c-${i}`, { ticked: [] }]));
  const ticked = Array.from({ length: LIMITS.ticks + 3 }, (_, i) => `t-${i}`);
  const history = Array.from({ length: LIMITS.history + 2 }, (_, i) => ({ date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString(), scores: { remercier: 50 } }));
  const [data, , left] = gate(record({ checklists: { ...checklists, remercier: { ticked } }, selfAssessment: { answers: {}, history } }));
  assert.equal(Object.keys(data.checklists).length, LIMITS.entries);
  assert.equal(data.selfAssessment.history.length, LIMITS.history);
  assert.deepEqual(data.selfAssessment.history.at(-1), history.at(-1));
  assert.equal(left.count, 5 + 1 + 1); // five checklists and remercier past the limit, the oldest profiles (one entry)
  // a million keys are not all walked
  const many = Object.fromEntries(Array.from({ length: 100000 }, (_, i) => [`k-${i}`, 1]));
  const started = performance.now();
  gate(record({ selfAssessment: { answers: { remercier: many }, history: [] } }));
  assert.ok(performance.now() - started < 200);
});

test("NaN, Infinity and other non-numbers on the self-assessment scale are left out", () => {
  const answers = { remercier: { a: NaN, b: Infinity, c: "4", d: 4, e: null, f: [4], g: 2 } };
  const [data, , left] = gate(record({ selfAssessment: { answers, history: [] } }));
  assert.deepEqual(data.selfAssessment.answers, { remercier: { d: 4, g: 2 } });
  assert.equal(left.count, 5);
});

test("unknown parts of a record are left out and named; an export's own fields are not", () => {
  const [data, , left] = gate({ ...structuredClone(RELEASE_1), app: "networking-guide", exported: "2026-12-01T10:00:00Z", extra: { a: 1 } });
  assert.deepEqual(data, RELEASE_1);
  assert.deepEqual(left, { count: 1, paths: ["extra"] });
});

test("a record of nothing usable is an empty one (an import refuses it)", () => {
  assert.deepEqual(gate(record({ checklists: { "Bad Id": { ticked: [] } }, plan: "x" }))[0], empty());
});
