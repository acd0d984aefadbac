// A learner who reads: pages opened in the frame, taps and keys, and no change to the record. The
// session time goes on being committed every minute while they read, and stops five minutes after
// the last sign of them (a lost pagehide commit then loses at most those five minutes).
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { platform } from "./platform.mjs";

mock.timers.enable({ apis: ["setTimeout", "setInterval", "Date"], now: Date.UTC(2026, 11, 8, 9) });
const lms = platform({ "cmi.core.student_id": "claire" });
const { start } = await import("../../overrides/assets/guide/lms.js");
const commits = (minutes, act = () => {}) => {
  for (let i = 0; i < minutes; i++) {
    act(i);
    mock.timers.tick(60000);
  }
  return lms.taken().filter(([name]) => name === "commit").length;
};

test("reading pages, tapping and typing keep the session time committed", () => {
  start();
  lms.window.dispatchEvent(new Event("DOMContentLoaded")); // the frame is watched
  lms.taken();
  const signs = [
    () => {
      lms.frame.contentDocument = new EventTarget(); // a page opened in the frame
      lms.frame.dispatchEvent(new Event("load"));
    },
    () => lms.frame.contentDocument.dispatchEvent(new Event("pointerdown")),
    () => lms.frame.contentDocument.dispatchEvent(new Event("keydown")),
  ];
  // a sign at 3:00, 7:00 and 11:00 (the frame's first page at 0:00): a commit every minute, 1:00 to 12:00
  assert.equal(commits(12, (i) => i % 4 === 3 && signs[(i - 3) / 4]()), 12);
});

test("five minutes after the last sign, the commits stop", () => {
  assert.equal(commits(10), 3); // the last sign was at 11:00: commits at 13:00, 14:00 and 15:00, then none
});
