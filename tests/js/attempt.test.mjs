// A new attempt (cmi.core.entry "ab-initio", empty suspend_data) on the device where the same
// learner finished the last one (overrides/assets/guide/lms.js): the platform hears a fresh start,
// not the old status or score, and the device's copy of that learner's record starts again too,
// while the website's record and another learner's stay as they are.
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { SCALE, read } from "./content.mjs";
import { learnerKey } from "../../overrides/assets/guide/launch.js";

mock.timers.enable({ apis: ["setTimeout", "setInterval", "Date"] });
const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json")); // the article quiz and a self-assessment: completed
const EMPTY = { version: 1, checklists: {}, quizzes: {}, selfAssessment: { answers: {}, history: [] }, plan: null };
const calls = [];
const platform = { "cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio", "cmi.core.student_id": "learner-a", "cmi.suspend_data": "" };
const API = {
  LMSInitialize: () => "true",
  LMSGetValue: (element) => platform[element] ?? "",
  LMSSetValue: (element, value) => (calls.push([element, value]), "true"),
  LMSCommit: () => (calls.push(["commit"]), "true"),
  LMSFinish: () => "true",
  LMSGetLastError: () => "0",
};
const stored = new Map([
  [learnerKey("learner-a", "fr"), JSON.stringify(RELEASE_1)],
  [learnerKey("learner-b", "fr"), JSON.stringify(RELEASE_1)],
  ["networking-guide", JSON.stringify(RELEASE_1)],
]);
const before = new Map(stored);
const localStorage = { getItem: (key) => stored.get(key) ?? null, setItem: (key, value) => stored.set(key, String(value)), removeItem: (key) => stored.delete(key) };
const window = Object.assign(new EventTarget(), { API, localStorage, opener: null, setInterval, location: { origin: "https://lms.example" } });
window.parent = window;
globalThis.window = window;
globalThis.document = { documentElement: { lang: "fr" }, querySelector: () => null, getElementById: (id) => (id === "guide-config" ? { textContent: JSON.stringify({ scale: SCALE, quiz: "article" }) } : null) };

const { start } = await import("../../overrides/assets/guide/lms.js");

test("a new attempt starts fresh for the platform and on the device, for that learner only", () => {
  start();
  assert.deepEqual(calls, [
    ["cmi.core.exit", "suspend"],
    ["cmi.core.lesson_status", "incomplete"],
    ["cmi.suspend_data", JSON.stringify(EMPTY)],
    ["cmi.core.session_time", "0000:00:00.00"],
    ["commit"],
  ]);
  assert.deepEqual(JSON.parse(stored.get(learnerKey("learner-a", "fr"))), EMPTY);
  assert.equal(stored.get(learnerKey("learner-b", "fr")), before.get(learnerKey("learner-b", "fr")));
  assert.equal(stored.get("networking-guide"), before.get("networking-guide"));
});
