// A SCORM package's session (overrides/assets/guide/lms.js, start()) with a stand-in platform,
// device storage and launch-page config, under Node's fake timers: importing the module calls
// nothing; start() initialises, puts the platform's record on the device under the learner's own
// key, sets cmi.core.exit and commits once; a change of score is committed at once, a burst of
// ticks once; a page that cannot store is heard by its message; the session time goes with every
// commit and every minute; pagehide finishes once. The SCORM journeys under a real runtime are
// tests/test_browser_packages.py.
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { SCALE, read } from "./content.mjs";
import { learnerKey } from "../../overrides/assets/guide/launch.js";
import { memoryStorage } from "./platform.mjs";

mock.timers.enable({ apis: ["setTimeout", "setInterval", "Date"], now: Date.UTC(2026, 11, 6, 9) });
const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const WEBSITE = "networking-guide";
const KEY = learnerKey("learner-a", "fr");

const calls = [];
const platform = { "cmi.core.lesson_status": "not attempted", "cmi.core.entry": "resume", "cmi.core.student_id": "learner-a", "cmi.suspend_data": "" };
const API = {
  LMSInitialize: (...args) => (calls.push(["LMSInitialize", ...args]), "true"),
  LMSGetValue: (element) => (calls.push(["LMSGetValue", element]), platform[element] ?? ""),
  LMSSetValue: (element, value) => (calls.push(["LMSSetValue", element, value]), (platform[element] = value), "true"),
  LMSCommit: (...args) => (calls.push(["LMSCommit", ...args]), "true"),
  LMSFinish: (...args) => (calls.push(["LMSFinish", ...args]), "true"),
  LMSGetLastError: () => "0",
};
const stored = new Map();
const localStorage = memoryStorage(stored);
const frame = { contentWindow: { name: "the guide's frame" } };
const window = Object.assign(new EventTarget(), { API, localStorage, opener: null, setInterval, location: { origin: "https://lms.example" } });
window.parent = window; // the top window: no frame above
globalThis.window = window;
globalThis.document = {
  documentElement: { lang: "fr" }, // the package's language
  getElementById: (id) => (id === "guide-config" ? { textContent: JSON.stringify({ scale: SCALE, quiz: "article" }) } : null),
  getElementsByTagName: (name) => (name === "iframe" ? [frame] : []),
  querySelector: () => null,
};

// The device holds this learner's checklists and plan, and the website's record (another key);
// the platform, from another device, the quizzes and the runs.
const device = { ...structuredClone(RELEASE_1), quizzes: {}, selfAssessment: { answers: {}, history: [] } };
const elsewhere = { ...structuredClone(RELEASE_1), checklists: {}, plan: null };
const website = { version: 1, checklists: { "aider-les-autres": { ticked: ["x"], updated: null } }, quizzes: {}, selfAssessment: { answers: {}, history: [] }, plan: null };
stored.set(KEY, JSON.stringify(device));
stored.set(WEBSITE, JSON.stringify(website));
platform["cmi.suspend_data"] = JSON.stringify(elsewhere);

const { start } = await import("../../overrides/assets/guide/lms.js");
const storageEvent = (key, newValue) => window.dispatchEvent(Object.assign(new Event("storage"), { key, newValue }));
const taken = () => calls.splice(0);
const seconds = (n) => mock.timers.tick(n * 1000);

test("importing the module calls nothing on the platform and writes nothing", () => {
  assert.deepEqual(calls, []);
  assert.deepEqual(JSON.parse(stored.get(KEY)), device);
});

test("start() initialises once, puts the merged record under the learner's key, sets the exit and commits once", () => {
  start();
  const merged = JSON.parse(stored.get(KEY));
  assert.deepEqual(merged, RELEASE_1); // what either side lacked, from the other
  assert.deepEqual(JSON.parse(stored.get(WEBSITE)), website); // the website's record: neither read nor written
  assert.equal(window.networkingGuideRecordKey, KEY); // where the pages in the frame find their key
  assert.equal(stored.get("networking-guide:lms"), "1"); // a package's page opened outside this one keeps nothing
  assert.deepEqual(taken(), [
    ["LMSInitialize", ""],
    ["LMSGetValue", "cmi.core.lesson_status"],
    ["LMSGetValue", "cmi.core.entry"],
    ["LMSGetValue", "cmi.suspend_data"],
    ["LMSGetValue", "cmi.core.student_id"],
    ["LMSSetValue", "cmi.core.exit", "suspend"], // from the start: nothing waits for the page to close
    ["LMSSetValue", "cmi.core.score.min", "0"],
    ["LMSSetValue", "cmi.core.score.max", "100"],
    ["LMSSetValue", "cmi.core.score.raw", "100"], // 8 / 8
    ["LMSSetValue", "cmi.core.lesson_status", "completed"], // the article quiz and a self-assessment run
    ["LMSSetValue", "cmi.suspend_data", JSON.stringify(merged)],
    ["LMSSetValue", "cmi.core.session_time", "0000:00:00.00"],
    ["LMSCommit", ""],
  ]);
});

test("a new score is committed at once, only what changed; completed is never taken back", () => {
  seconds(5);
  const record = structuredClone(RELEASE_1);
  record.quizzes.article.score = 4;
  record.selfAssessment.history = [];
  storageEvent(KEY, JSON.stringify(record));
  assert.deepEqual(taken(), [
    ["LMSSetValue", "cmi.core.score.raw", "50"],
    ["LMSSetValue", "cmi.suspend_data", JSON.stringify(record)],
    ["LMSSetValue", "cmi.core.session_time", "0000:00:05.00"],
    ["LMSCommit", ""],
  ]);
  storageEvent(KEY, JSON.stringify(record)); // the same record again: nothing to tell
  storageEvent(WEBSITE, JSON.stringify(RELEASE_1)); // the website's record, or another learner's
  storageEvent(learnerKey("learner-b", "fr"), JSON.stringify(RELEASE_1));
  storageEvent(learnerKey("learner-a", "en"), JSON.stringify(RELEASE_1)); // the same learner in the English package: another activity
  storageEvent(KEY, "{ truncated");
  seconds(10);
  assert.deepEqual(taken(), []);
});

test("a burst of ticks is one commit, once the burst is over", () => {
  const record = structuredClone(RELEASE_1);
  record.quizzes.article.score = 4;
  record.selfAssessment.history = [];
  for (let i = 0; i < 10; i++) {
    record.checklists.remercier = { ticked: ["list-helpers", `item-${i}`], updated: new Date().toISOString() };
    storageEvent(KEY, JSON.stringify(record));
    seconds(0.4);
  }
  const set = taken();
  assert.equal(set.length, 10);
  assert.ok(set.every(([name, element]) => name === "LMSSetValue" && element === "cmi.suspend_data"));
  seconds(3);
  const [time, commit, ...rest] = taken();
  assert.deepEqual([time[0], time[1], commit, rest], ["LMSSetValue", "cmi.core.session_time", ["LMSCommit", ""], []]);
  assert.match(time[2], /^0000:00:2[12]\.\d0$/); // three seconds after the last tick
});

test("a page that cannot store is heard by its message, from its own frame and origin only", () => {
  const record = structuredClone(RELEASE_1);
  record.quizzes.article = { ...record.quizzes.article, score: 6, checked: new Date().toISOString() };
  const message = (source, origin) =>
    window.dispatchEvent(Object.assign(new Event("message"), { source, origin, data: { context: "networking-guide-record", record } }));
  message(frame.contentWindow, "https://elsewhere.example");
  message({}, "https://lms.example");
  assert.deepEqual(taken(), []);
  message(frame.contentWindow, "https://lms.example");
  const [score, , time, commit] = taken();
  assert.deepEqual(score, ["LMSSetValue", "cmi.core.score.raw", "75"]);
  assert.deepEqual([time[1], commit], ["cmi.core.session_time", ["LMSCommit", ""]]);
});

test("another page clearing the origin's storage (another course's package) takes nothing from the platform", () => {
  stored.clear();
  storageEvent(null, null);
  assert.deepEqual(taken(), []);
  assert.deepEqual(JSON.parse(stored.get(KEY)), JSON.parse(platform["cmi.suspend_data"])); // put back where the pages read it
});

test("erasing the record (My data) sends an empty record", () => {
  stored.delete(KEY);
  storageEvent(KEY, null);
  assert.deepEqual(taken(), [
    ["LMSSetValue", "cmi.suspend_data", JSON.stringify({ version: 1, checklists: {}, quizzes: {}, selfAssessment: { answers: {}, history: [] }, plan: null })],
  ]);
  seconds(3); // committed with the burst's end
  assert.deepEqual(taken().map(([name]) => name), ["LMSSetValue", "LMSCommit"]);
});

test("a minute without a commit commits the session time", () => {
  seconds(60);
  const [[, element, value], commit] = taken();
  assert.equal(element, "cmi.core.session_time");
  assert.match(value, /^0000:01:\d{2}\.\d{2}$/);
  assert.deepEqual(commit, ["LMSCommit", ""]);
});

test("pagehide finishes the session once", () => {
  seconds(1);
  window.dispatchEvent(new Event("pagehide"));
  window.dispatchEvent(new Event("pagehide"));
  const [time, ...rest] = taken();
  assert.equal(time[1], "cmi.core.session_time");
  assert.match(time[2], /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  assert.deepEqual(rest, [["LMSCommit", ""], ["LMSFinish", ""]]);
  seconds(120);
  assert.deepEqual(taken(), []); // nothing after the end
});
