// The saved record (overrides/assets/guide/record.js): what normalise() keeps, drops and refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { KEY, VERSION, empty, normalise } from "../../overrides/assets/guide/record.js";
import { SCALE, read } from "./content.mjs";

const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const NONE = { count: 0, paths: [] };

test("the record keeps its key and version: readers' saved data is found again", () => {
  assert.equal(KEY, "networking-guide");
  assert.equal(VERSION, 1);
  assert.equal(RELEASE_1.version, VERSION);
});

test("a record from the first release is read whole: every tick, answer, run and the plan", () => {
  const [data, reason, left] = normalise(structuredClone(RELEASE_1), SCALE);
  assert.equal(reason, null);
  assert.deepEqual(data, RELEASE_1);
  assert.deepEqual(left, NONE);
});

test("an empty record normalises to itself", () => {
  assert.deepEqual(normalise(empty(), SCALE), [empty(), null, NONE]);
  assert.notEqual(empty(), empty()); // a new object each time: no caller shares another's
});

test("a record of another version is refused, never read as this one", () => {
  const reasons = [[VERSION + 1, "version 2"], [0, "version 0"], [1.5, "version 1.5"], ["1", "version as text"], [undefined, "no version"], [null, "no version"], [true, "version boolean"], [[1], "version object"]];
  for (const [version, expected] of reasons) {
    const [data, reason] = normalise({ ...structuredClone(RELEASE_1), version }, SCALE);
    assert.equal(data, null);
    assert.equal(reason, expected);
  }
  const missing = structuredClone(RELEASE_1);
  delete missing.version;
  assert.equal(normalise(missing, SCALE)[1], "no version");
});

test("what is not an object is refused", () => {
  for (const raw of [null, [], "text", 1, true]) assert.deepEqual(normalise(raw, SCALE), [null, "not an object", NONE]);
});

test("malformed entries are dropped and the rest kept", () => {
  const raw = structuredClone(RELEASE_1);
  raw.checklists["bad-ticks"] = { ticked: [1, "Not An Id"] };
  raw.checklists["no-ticks"] = { updated: "2026-11-29T11:50:53.421Z" };
  raw.checklists["not-an-object"] = "ticked";
  raw.quizzes["no-total"] = { answers: {}, score: 1 };
  raw.quizzes["half-a-point"] = { answers: {}, score: 1.5, total: 3 };
  raw.quizzes.remercier.answers["not-a-list"] = "optional-courtesy";
  raw.quizzes.remercier.answers["not-texts"] = [1];
  const answers = raw.selfAssessment.answers;
  Object.assign(answers.remercier, { "above-the-scale": Math.max(...SCALE) + 1, "a-string": "4", "a-fraction": 2.5, "below-the-scale": -1 });
  answers["not-an-object"] = [4, 4];
  raw.selfAssessment.history.push({ date: "not a date", scores: {} }, { date: "2026-12-01T10:00:00.000Z" }, null);
  const [data, , left] = normalise(raw, SCALE);
  assert.deepEqual(data, RELEASE_1);
  assert.deepEqual(left.paths.slice(0, 7), [
    "selfAssessment.history[2]", "selfAssessment.history[3]", "selfAssessment.history[4]",
    "checklists.bad-ticks.ticked[0]", "checklists.bad-ticks.ticked[1]", "checklists.bad-ticks", "checklists.no-ticks",
  ]);
  assert.equal(left.paths.length, 10); // the first ten named, all counted
  assert.equal(left.count, 18);
});

test("a wrong date is forgotten, its entry kept", () => {
  const raw = structuredClone(RELEASE_1);
  raw.checklists.remercier.updated = "yesterday";
  delete raw.quizzes.article.checked;
  const [data] = normalise(raw, SCALE);
  assert.deepEqual(data.checklists.remercier, { ...RELEASE_1.checklists.remercier, updated: null });
  assert.deepEqual(data.quizzes.article, { ...RELEASE_1.quizzes.article, checked: null });
});

test("the self-assessment's answers are kept only on the scale given", () => {
  const [data] = normalise(structuredClone(RELEASE_1), [0, 1, 2]);
  assert.deepEqual(data.selfAssessment.answers.remercier, { "thanks-small-things": 1, "thanks-publicly": 2 });
});

test("a plan is made of texts; anything else is no plan", () => {
  const plan = (value) => normalise({ version: VERSION, plan: value }, SCALE)[0].plan;
  assert.deepEqual(plan({ commitment: 3, skills: "remercier" }), { commitment: "", date: "", skills: [] });
  assert.deepEqual(plan({ commitment: "Ok", date: "2027-01-15", skills: ["remercier", "Bad"] }), { commitment: "Ok", date: "2027-01-15", skills: ["remercier"] });
  assert.equal(plan([]), null);
  assert.equal(plan("tomorrow"), null);
});

test("missing parts become empty ones", () => {
  assert.deepEqual(normalise({ version: VERSION, checklists: [], selfAssessment: { answers: null, history: {} } }, SCALE), [empty(), null, { count: 2, paths: ["selfAssessment.history", "checklists"] }]);
});
