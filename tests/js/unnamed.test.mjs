// A platform that answers as SCORM 1.2 says a failed call answers: "" and an error code, for the
// learner's ID and the record alike. The learner works under a key of this session alone (not the
// one every unnamed learner would share), and the record the platform could not give is never
// overwritten.
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { read } from "./content.mjs";
import { platform } from "./platform.mjs";
import { learnerKey } from "../../overrides/assets/guide/launch.js";

mock.timers.enable({ apis: ["setTimeout", "setInterval", "Date"], now: Date.UTC(2026, 11, 8, 9) });
const lms = platform({ "cmi.core.student_id": "", "cmi.suspend_data": "" }, { error: "101" });
const { start } = await import("../../overrides/assets/guide/lms.js");
const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));

test("an ID the platform could not give is no one's: a key of this session alone", () => {
  start();
  assert.notEqual(lms.window.networkingGuideRecordKey, learnerKey("", "fr"));
  assert.match(lms.window.networkingGuideRecordKey, /^networking-guide:lms:fr:[0-9a-z]+$/);
});

test("a record the platform could not give is not overwritten by the learner's work", () => {
  const key = lms.window.networkingGuideRecordKey;
  lms.stored.set(key, JSON.stringify(RELEASE_1));
  lms.storageEvent(key, JSON.stringify(RELEASE_1));
  mock.timers.tick(3000);
  const set = lms.taken().map(([element]) => element);
  assert.ok(set.includes("cmi.core.score.raw"), set);
  assert.ok(!set.includes("cmi.suspend_data"), set);
});
