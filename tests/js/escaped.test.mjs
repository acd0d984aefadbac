// A platform that gives the record back escaped as HTML (&quot; for every quote, as some do on the
// way to their database): the learner's work is read and put back on a device that lacks it, not
// replaced by an empty record.
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { read } from "./content.mjs";
import { platform } from "./platform.mjs";
import { learnerKey } from "../../overrides/assets/guide/launch.js";

mock.timers.enable({ apis: ["setTimeout", "setInterval", "Date"], now: Date.UTC(2026, 11, 8, 9) });
const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const escaped = JSON.stringify(RELEASE_1).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const lms = platform({ "cmi.core.student_id": "anne", "cmi.suspend_data": escaped });
const { start } = await import("../../overrides/assets/guide/lms.js");

test("a record the platform escaped as HTML is read back whole", () => {
  assert.ok(escaped.includes("&quot;") && escaped.includes("« avant vendredi »"));
  start();
  assert.deepEqual(JSON.parse(lms.stored.get(learnerKey("anne", "fr"))), RELEASE_1);
  const suspend = lms.taken().find(([element]) => element === "cmi.suspend_data");
  assert.deepEqual(JSON.parse(suspend[1]), RELEASE_1); // the same work, now written plainly
});
