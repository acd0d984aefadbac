// What a SCORM package's launch page and the guide's pages agree on (overrides/assets/guide/tracking.js):
// a record key per learner, found by the pages through their launch page; the relay of a page that
// cannot store; SCORM 1.2's time span; commits debounced, under Node's fake timers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LEARNER, MESSAGE, PACKAGED, recordKey, relay } from "../../overrides/assets/guide/tracking.js";
import { committer, hash, learnerKey, timespan } from "../../overrides/assets/guide/launch.js";

test("a learner's key is the guide's key, marked, with the package's language and a stable hash of the platform's ID", () => {
  const a = learnerKey("student-0042", "fr");
  assert.match(a, /^networking-guide:lms:fr:[0-9a-z]+$/);
  assert.equal(learnerKey("student-0042", "fr"), a); // the same learner, every launch
  assert.notEqual(learnerKey("student-0042", "en"), a); // the English package: another activity, another record
  assert.ok(!a.includes("0042")); // the ID itself is not written out
  const others = ["student-0043", "", "Student-0042", "student-00420", "é", "😀"].map((id) => learnerKey(id, "fr"));
  assert.equal(new Set([a, ...others]).size, others.length + 1);
  assert.equal(hash("abc"), hash("abc"));
});

test("the pages find their learner's key in the launch page above them; elsewhere the website's key", () => {
  const key = learnerKey("b", "fr");
  const launch = { [LEARNER]: key };
  launch.parent = { top: true }; // the platform's page, of another origin or not
  const page = { parent: launch };
  assert.equal(recordKey(launch), key); // the launch page's own
  assert.equal(recordKey(page), key); // a page in its frame
  const website = { parent: null };
  website.parent = website; // a top window
  assert.equal(recordKey(website), "networking-guide");
  const crossOrigin = { parent: new Proxy({}, { get: () => { throw new DOMException("Blocked", "SecurityError"); } }) };
  assert.equal(recordKey(crossOrigin), "networking-guide"); // an embed on another site
  assert.equal(recordKey({ parent: { [LEARNER]: "someone-else:lms:x" } }), "networking-guide"); // not ours
  assert.equal(recordKey(undefined), "networking-guide"); // no window (Node)
});

test("a package's page opened outside its launch page (a new tab) on a learning platform keeps nothing", () => {
  const tab = {};
  tab.parent = tab;
  assert.equal(recordKey(tab, true), null); // not the website's key: the next learner on this browser would find the ticks
  assert.equal(recordKey(tab, false), "networking-guide"); // the website, the offline copy
  const launch = { [LEARNER]: learnerKey("b", "fr") };
  assert.equal(recordKey({ parent: launch }, true), launch[LEARNER]); // in its frame: the learner's
  assert.equal(PACKAGED, "networking-guide:lms");
});

test("a page that cannot store posts its record to its launch page, to its own origin only", () => {
  const posted = [];
  const launch = { [LEARNER]: learnerKey("b", "fr"), postMessage: (...args) => posted.push(args) };
  const record = { version: 1 };
  relay(record, { parent: launch, location: { origin: "https://lms.example" } });
  assert.deepEqual(posted, [[{ context: MESSAGE, record }, "https://lms.example"]]);
  const website = { parent: { postMessage: (...args) => posted.push(args) }, location: { origin: "https://x" } };
  relay(record, website); // not in a package: nobody to tell
  assert.equal(posted.length, 1);
});

test("the session time is SCORM 1.2's HHHH:MM:SS.SS", () => {
  assert.equal(timespan(0), "0000:00:00.00");
  assert.equal(timespan(1234), "0000:00:01.23");
  assert.equal(timespan(59999), "0000:00:59.99");
  assert.equal(timespan(((2 * 60 + 3) * 60 + 4) * 1000 + 560), "0002:03:04.56");
  assert.equal(timespan(12345 * 3600 * 1000), "9999:59:59.99"); // the longest it can say
  assert.equal(timespan(-5), "0000:00:00.00");
  for (const ms of [0, 1, 999, 61000, 3600000 * 25 + 7]) assert.match(timespan(ms), /^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$/);
});

test("commits: at once when asked, else one for a burst of changes, never later than the limit", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  const made = [];
  const commits = committer(() => made.push(Date.now()), { wait: 3000, most: 10000 });
  // ten ticks, half a second apart: one commit, three seconds after the last
  for (let i = 0; i < 10; i++) {
    commits.soon();
    t.mock.timers.tick(i < 9 ? 500 : 0);
  }
  assert.deepEqual(made, []);
  t.mock.timers.tick(2999);
  assert.deepEqual(made, []);
  t.mock.timers.tick(1);
  assert.deepEqual(made, [4500 + 3000]);
  // a change that matters is committed at once, taking what was waiting with it
  commits.soon();
  t.mock.timers.tick(1000);
  commits.now();
  assert.deepEqual(made, [7500, 8500]);
  t.mock.timers.tick(5000);
  assert.equal(made.length, 2); // nothing left waiting
  // changes that never stop: committed every ten seconds at most
  const start = Date.now();
  for (let i = 0; i < 25; i++) {
    commits.soon();
    t.mock.timers.tick(1000);
  }
  assert.deepEqual(made.slice(2), [start + 10000, start + 20000]);
  // flush() commits what waits, cancel() forgets it
  assert.ok(commits.waiting); // the last changes
  commits.flush();
  assert.equal(made.length, 5);
  commits.flush();
  assert.equal(made.length, 5);
  commits.soon();
  commits.cancel();
  assert.ok(!commits.waiting);
  t.mock.timers.tick(20000);
  assert.equal(made.length, 5);
});
