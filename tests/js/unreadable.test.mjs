// A platform that cannot give what it holds (its LMSGetValue throws for the learner's ID and the
// record), found through the window that opened the platform's page (a popup of a popup): the
// session still reports, keeps the learner's work for this session under a key of its own (not a
// key every unnamed learner shares) and lets it go at the end, and never overwrites the record it
// could not read. An idle tab stops committing every minute after five.
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { read } from "./content.mjs";
import { platform } from "./platform.mjs";
import { learnerKey } from "../../overrides/assets/guide/launch.js";

mock.timers.enable({ apis: ["setTimeout", "setInterval", "Date"], now: Date.UTC(2026, 11, 8, 9) });
const down = () => {
  throw new Error("the platform's database is down");
};
const lms = platform({ "cmi.core.student_id": down, "cmi.suspend_data": down }, { where: "top-opener" });
const { start } = await import("../../overrides/assets/guide/lms.js");
const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));

test("a learner the platform cannot name works under a key of this session alone", () => {
  start();
  assert.deepEqual(lms.taken().slice(0, 3), [["LMSInitialize"], ["cmi.core.exit", "suspend"], ["cmi.core.lesson_status", "incomplete"]]);
  const key = lms.window.networkingGuideRecordKey;
  assert.match(key, /^networking-guide:lms:fr:[0-9a-z]+$/);
  assert.ok(![learnerKey("", "fr"), learnerKey("false", "fr")].includes(key)); // not one every unnamed learner shares
});

test("the record the platform could not give is never overwritten; the score still goes", () => {
  mock.timers.tick(1000);
  const key = lms.window.networkingGuideRecordKey;
  lms.stored.set(key, JSON.stringify(RELEASE_1)); // a page in the frame saves
  lms.storageEvent(key, JSON.stringify(RELEASE_1));
  const set = lms.taken().map(([element]) => element);
  assert.ok(set.includes("cmi.core.score.raw") && set.includes("cmi.core.lesson_status"), set);
  assert.ok(!set.includes("cmi.suspend_data"), set);
});

test("an idle tab commits the session time for five minutes, then stops", () => {
  const minutes = (n) => {
    for (let i = 0; i < n; i++) mock.timers.tick(60000);
    return lms.taken().filter(([name]) => name === "commit").length;
  };
  assert.equal(minutes(5), 4); // the last change was at 0:01: commits at 1:00, 2:00, 3:00 and 4:00
  assert.equal(minutes(30), 0);
});

test("the session's key is let go when the session ends, after the frame's page has saved last", () => {
  const key = lms.window.networkingGuideRecordKey;
  lms.window.dispatchEvent(new Event("DOMContentLoaded")); // the frame is watched
  assert.ok(lms.stored.has(key));
  lms.window.dispatchEvent(new Event("pagehide"));
  assert.ok(!lms.stored.has(key));
  assert.deepEqual(lms.taken().at(-1), ["finish"]);
  lms.stored.set(key, JSON.stringify(RELEASE_1)); // the page in the frame hides next, and saves its plan
  lms.frame.contentWindow.dispatchEvent(new Event("pagehide"));
  assert.ok(!lms.stored.has(key));
});
