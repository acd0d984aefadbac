// The record a SCORM package sends its platform (overrides/assets/guide/lms.js): merge() of the
// platform's copy into the device's, shed() and fit() to SCORM 1.2's 4,096 characters of
// cmi.suspend_data. There is no window here: the import would throw if the module touched one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fit, merge, shed } from "../../overrides/assets/guide/lms.js";
import { empty, normalise } from "../../overrides/assets/guide/record.js";
import { SCALE, read } from "./content.mjs";

const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const LIMIT = 4096;
const ARTICLE = "article"; // the article quiz, whose score the platform shows (the launch page's config)
const day = (n) => new Date(Date.UTC(2026, 0, 1 + n, 9)).toISOString();
const run = (n) => ({ date: day(n), scores: { remercier: n % 101, "contact-visuel": (3 * n) % 101, "aider-les-autres": 50 } });

test("merge adds what the device lacks", () => {
  const local = empty();
  const kept = structuredClone(RELEASE_1);
  assert.deepEqual(merge(local, kept), RELEASE_1);
  assert.equal(merge(local, empty()), local); // the device's record, changed in place
});

test("merge keeps a checklist or quiz saved later, on either side", () => {
  const local = structuredClone(RELEASE_1);
  const kept = structuredClone(RELEASE_1);
  kept.checklists.remercier = { ticked: ["list-helpers", "thank-within-48h", "log-thanks"], updated: "2026-12-01T08:00:00.000Z" }; // later there
  kept.checklists["contact-visuel"] = { ticked: [], updated: "2026-11-01T08:00:00.000Z" }; // older there
  kept.quizzes.article = { ...kept.quizzes.article, score: 3, checked: "2026-11-01T08:00:00.000Z" }; // older there
  kept.quizzes.remercier = { ...kept.quizzes.remercier, score: 3, checked: "2026-12-02T08:00:00.000Z" }; // later there
  local.checklists["aider-les-autres"] = { ticked: ["x"], updated: null };
  kept.checklists["aider-les-autres"] = { ticked: ["y"], updated: "2026-01-01T00:00:00.000Z" }; // a date beats none
  const merged = merge(local, kept);
  assert.deepEqual(merged.checklists.remercier, kept.checklists.remercier);
  assert.deepEqual(merged.checklists["contact-visuel"], RELEASE_1.checklists["contact-visuel"]);
  assert.deepEqual(merged.checklists["aider-les-autres"].ticked, ["y"]);
  assert.equal(merged.quizzes.article.score, RELEASE_1.quizzes.article.score);
  assert.equal(merged.quizzes.remercier.score, 3);
});

test("merge: on the same date, the device's entry stays", () => {
  const local = structuredClone(RELEASE_1);
  const kept = structuredClone(RELEASE_1);
  kept.checklists.remercier.ticked = [];
  kept.quizzes.article.score = 0;
  const merged = merge(local, kept);
  assert.deepEqual(merged.checklists.remercier, RELEASE_1.checklists.remercier);
  assert.equal(merged.quizzes.article.score, RELEASE_1.quizzes.article.score);
});

test("merge joins the self-assessment's answers, the device's winning, and its runs by date, in order", () => {
  const local = structuredClone(RELEASE_1);
  const kept = structuredClone(RELEASE_1);
  local.selfAssessment.answers.remercier = { "thanks-within-48h": 0 };
  kept.selfAssessment.history = [run(0), RELEASE_1.selfAssessment.history[1], run(400)];
  local.plan = null;
  const merged = merge(local, kept);
  assert.deepEqual(merged.selfAssessment.answers.remercier, { ...RELEASE_1.selfAssessment.answers.remercier, "thanks-within-48h": 0 });
  assert.deepEqual(merged.selfAssessment.history, [run(0), ...RELEASE_1.selfAssessment.history, run(400)]);
  assert.deepEqual(merged.plan, RELEASE_1.plan); // the device had none
  const other = merge(structuredClone(RELEASE_1), { ...empty(), plan: { commitment: "other", date: "", skills: [] } });
  assert.deepEqual(other.plan, RELEASE_1.plan); // the device's plan stays
});

// What the record holds, in the terms of the documented order.
const parts = (record) => ({
  runs: record.selfAssessment.history.map((h) => h.date),
  answered: Object.keys(record.quizzes).filter((id) => Object.keys(record.quizzes[id].answers).length),
  plan: Boolean(record.plan),
  checklists: Object.keys(record.checklists),
  rated: Object.keys(record.selfAssessment.answers),
  quizzes: Object.keys(record.quizzes),
});

test("shed drops what matters least first: older runs, quiz answers, the plan, the oldest checklists, ratings, other quizzes, the last run", () => {
  const record = structuredClone(RELEASE_1);
  record.selfAssessment.history.unshift(run(0));
  record.checklists["aider-les-autres"] = { ticked: ["a"], updated: null }; // no date: the oldest
  record.selfAssessment.answers = { remercier: { a: 1 }, "contact-visuel": { b: 2 } };
  const steps = [parts(record)];
  while (shed(record, ARTICLE)) steps.push(parts(record));
  const [r0, r1, r2] = [run(0).date, ...RELEASE_1.selfAssessment.history.map((h) => h.date)];
  const before = { answered: ["remercier", "article"], plan: true, checklists: ["remercier", "contact-visuel", "aider-les-autres"], rated: ["remercier", "contact-visuel"], quizzes: ["remercier", "article"] };
  const noAnswers = { ...before, answered: [] };
  assert.deepEqual(steps, [
    { ...before, runs: [r0, r1, r2] },
    { ...before, runs: [r1, r2] },
    { ...before, runs: [r2] },
    { ...before, runs: [r2], answered: ["article"] },
    { ...noAnswers, runs: [r2] },
    { ...noAnswers, runs: [r2], plan: false },
    { ...noAnswers, runs: [r2], plan: false, checklists: ["remercier", "contact-visuel"] }, // no date first
    { ...noAnswers, runs: [r2], plan: false, checklists: ["contact-visuel"] }, // then the oldest date
    { ...noAnswers, runs: [r2], plan: false, checklists: [] },
    { ...noAnswers, runs: [r2], plan: false, checklists: [], rated: ["contact-visuel"] },
    { ...noAnswers, runs: [r2], plan: false, checklists: [], rated: [] },
    { ...noAnswers, runs: [r2], plan: false, checklists: [], rated: [], quizzes: ["article"] },
    { ...noAnswers, runs: [], plan: false, checklists: [], rated: [], quizzes: ["article"] },
  ]);
  assert.equal(record.quizzes.article.score, RELEASE_1.quizzes.article.score); // the score the platform shows stays
});

test("fit sends a record that fits whole, unchanged", () => {
  const record = structuredClone(RELEASE_1);
  assert.equal(fit(record, ARTICLE), JSON.stringify(RELEASE_1));
  assert.deepEqual(record, RELEASE_1);
});

test("fit drops only the older runs a long history needs to lose, and leaves the device's record alone", () => {
  const record = structuredClone(RELEASE_1);
  record.selfAssessment.history = Array.from({ length: 60 }, (_, n) => run(n));
  const before = structuredClone(record);
  const text = fit(record, ARTICLE);
  assert.deepEqual(record, before);
  assert.ok(text.length <= LIMIT, `${text.length} characters`);
  const sent = JSON.parse(text);
  const kept = sent.selfAssessment.history.length;
  assert.ok(kept > 1 && kept < 60);
  assert.deepEqual(sent, { ...before, selfAssessment: { ...before.selfAssessment, history: before.selfAssessment.history.slice(60 - kept) } });
  const oneMore = { ...before, selfAssessment: { ...before.selfAssessment, history: before.selfAssessment.history.slice(60 - kept - 1) } };
  assert.ok(JSON.stringify(oneMore).length > LIMIT); // nothing dropped that would have fitted
  assert.deepEqual(normalise(sent, SCALE), [sent, null, { count: 0, paths: [] }]); // a record the pages can read back
});

test("fit keeps a record of every part under 4,096 characters, the article quiz's score to the last", () => {
  const record = structuredClone(RELEASE_1);
  record.selfAssessment.history = Array.from({ length: 30 }, (_, n) => run(n));
  for (let n = 0; n < 40; n++) {
    record.checklists[`technique-${n}`] = { ticked: ["one-item", "another-item"], updated: day(n) };
    if (n < 10) record.quizzes[`quiz-${n}`] = { answers: { question: ["option-a", "option-b"] }, score: 1, total: 2, checked: day(n) };
    if (n < 15) record.selfAssessment.answers[`technique-${n}`] = { first: 1, second: 2, third: 3 };
  }
  const text = fit(record, ARTICLE);
  assert.ok(text.length <= LIMIT && text.length > LIMIT - 200, `${text.length} characters`);
  const sent = JSON.parse(text);
  assert.deepEqual(normalise(sent, SCALE), [sent, null, { count: 0, paths: [] }]);
  assert.equal(sent.selfAssessment.history.length, 1);
  assert.deepEqual(sent.selfAssessment.history[0], run(29)); // the latest run
  assert.ok(Object.values(sent.quizzes).every((quiz) => Object.keys(quiz.answers).length === 0));
  assert.equal(sent.plan, null);
  const checklists = Object.keys(sent.checklists);
  assert.ok(checklists.length > 0 && checklists.length < 42);
  const dropped = Object.keys(record.checklists).filter((id) => !checklists.includes(id));
  const latestDropped = Math.max(...dropped.map((id) => Date.parse(record.checklists[id].updated)));
  assert.ok(checklists.every((id) => Date.parse(record.checklists[id].updated) >= latestDropped)); // the newest stay
  assert.deepEqual(sent.selfAssessment.answers, record.selfAssessment.answers); // not reached
  assert.equal(sent.quizzes.article.score, RELEASE_1.quizzes.article.score);
});

test("fit sends nothing rather than a cut record when even the least is too long", () => {
  const record = { ...empty(), quizzes: { [ARTICLE]: { answers: {}, score: 1, total: 1, checked: "x".repeat(LIMIT) } } };
  assert.equal(fit(record, ARTICLE), "");
});
