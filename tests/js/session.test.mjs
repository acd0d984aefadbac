// A SCORM package's session (overrides/assets/guide/lms.js, start()) with a stand-in platform,
// device storage and launch-page config: importing the module calls nothing; start() initialises,
// puts the platform's record on the device and reports; the page's saves are reported; pagehide
// finishes once. The SCORM journeys under a real runtime are tests/test_browser_packages.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SCALE, read } from "./content.mjs";

const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const KEY = "networking-guide";

const calls = [];
const platform = { "cmi.core.lesson_status": "not attempted", "cmi.suspend_data": "" };
const API = {
  LMSInitialize: (...args) => (calls.push(["LMSInitialize", ...args]), "true"),
  LMSGetValue: (element) => (calls.push(["LMSGetValue", element]), platform[element] ?? ""),
  LMSSetValue: (element, value) => (calls.push(["LMSSetValue", element, value]), (platform[element] = value), "true"),
  LMSCommit: (...args) => (calls.push(["LMSCommit", ...args]), "true"),
  LMSFinish: (...args) => (calls.push(["LMSFinish", ...args]), "true"),
};
const stored = new Map();
const localStorage = {
  getItem: (key) => stored.get(key) ?? null,
  setItem: (key, value) => stored.set(key, String(value)),
  removeItem: (key) => stored.delete(key),
};
const window = Object.assign(new EventTarget(), { API, localStorage, opener: null });
window.parent = window; // the top window: no frame above
globalThis.window = window;
globalThis.document = { getElementById: (id) => (id === "guide-config" ? { textContent: JSON.stringify({ scale: SCALE, quiz: "article" }) } : null) };

// The device holds the checklists and the plan; the platform, from another device, the quizzes and the runs.
const device = { ...structuredClone(RELEASE_1), quizzes: {}, selfAssessment: { answers: {}, history: [] } };
const elsewhere = { ...structuredClone(RELEASE_1), checklists: {}, plan: null };
stored.set(KEY, JSON.stringify(device));
platform["cmi.suspend_data"] = JSON.stringify(elsewhere);

const { start } = await import("../../overrides/assets/guide/lms.js");
const storageEvent = (key, newValue) => window.dispatchEvent(Object.assign(new Event("storage"), { key, newValue }));
const taken = () => calls.splice(0);

test("importing the module calls nothing on the platform and writes nothing", () => {
  assert.deepEqual(calls, []);
  assert.deepEqual(JSON.parse(stored.get(KEY)), device);
});

test("start() initialises once, puts the merged record on the device and reports it", () => {
  start();
  const merged = JSON.parse(stored.get(KEY));
  assert.deepEqual(merged, RELEASE_1); // what either side lacked, from the other
  assert.deepEqual(taken(), [
    ["LMSInitialize", ""],
    ["LMSGetValue", "cmi.core.lesson_status"],
    ["LMSGetValue", "cmi.suspend_data"],
    ["LMSSetValue", "cmi.core.score.min", "0"],
    ["LMSSetValue", "cmi.core.score.max", "100"],
    ["LMSSetValue", "cmi.core.score.raw", "100"], // 8 / 8
    ["LMSSetValue", "cmi.core.lesson_status", "completed"], // the article quiz and a self-assessment run
    ["LMSSetValue", "cmi.suspend_data", JSON.stringify(merged)],
    ["LMSCommit", ""],
  ]);
});

test("a save in the frame is reported, only what changed; completed is never taken back", () => {
  const record = structuredClone(RELEASE_1);
  record.quizzes.article.score = 4;
  record.selfAssessment.history = [];
  storageEvent(KEY, JSON.stringify(record));
  assert.deepEqual(taken(), [
    ["LMSSetValue", "cmi.core.score.raw", "50"],
    ["LMSSetValue", "cmi.suspend_data", JSON.stringify(record)],
    ["LMSCommit", ""],
  ]);
  storageEvent(KEY, JSON.stringify(record)); // the same record again: nothing to tell
  storageEvent("another-key", JSON.stringify(RELEASE_1));
  storageEvent(KEY, "{ truncated");
  assert.deepEqual(taken(), []);
});

test("erasing the record (storage cleared) sends an empty record", () => {
  storageEvent(null, null);
  const [[, element, value], commit] = taken();
  assert.equal(element, "cmi.suspend_data");
  assert.deepEqual(JSON.parse(value), { version: 1, checklists: {}, quizzes: {}, selfAssessment: { answers: {}, history: [] }, plan: null });
  assert.deepEqual(commit, ["LMSCommit", ""]);
});

test("pagehide finishes the session once, to be resumed", () => {
  window.dispatchEvent(new Event("pagehide"));
  window.dispatchEvent(new Event("pagehide"));
  const [exit, time, ...rest] = taken();
  assert.deepEqual(exit, ["LMSSetValue", "cmi.core.exit", "suspend"]);
  assert.equal(time[1], "cmi.core.session_time");
  assert.match(time[2], /^\d{2,4}:\d{2}:\d{2}$/);
  assert.deepEqual(rest, [["LMSCommit", ""], ["LMSFinish", ""]]);
});
