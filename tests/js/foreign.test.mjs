// A platform holding something this guide cannot read in cmi.suspend_data (cut short at 4,096
// characters, another tool's, typed by hand) on a device with nothing of this learner's: the
// launch leaves it as it is; the learner's first saved work replaces it.
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { read } from "./content.mjs";
import { platform } from "./platform.mjs";
import { learnerKey } from "../../overrides/assets/guide/launch.js";

mock.timers.enable({ apis: ["setTimeout", "setInterval", "Date"], now: Date.UTC(2026, 11, 8, 9) });
const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const cut = JSON.stringify(RELEASE_1).slice(0, 1000);
const lms = platform({ "cmi.core.student_id": "bruno", "cmi.suspend_data": cut });
const { start } = await import("../../overrides/assets/guide/lms.js");

test("the launch does not replace what it cannot read with an empty record", () => {
  start();
  assert.equal(lms.held["cmi.suspend_data"], cut);
  assert.ok(!lms.taken().some(([element]) => element === "cmi.suspend_data"));
});

test("the learner's first saved work takes its place", () => {
  const key = learnerKey("bruno", "fr");
  lms.stored.set(key, JSON.stringify(RELEASE_1));
  lms.storageEvent(key, JSON.stringify(RELEASE_1));
  mock.timers.tick(3000);
  assert.deepEqual(JSON.parse(lms.held["cmi.suspend_data"]), RELEASE_1);
});
