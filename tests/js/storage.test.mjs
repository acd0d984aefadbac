// The record in the browser (overrides/assets/guide/storage.js), over a stand-in localStorage and
// page config: the first release's record loads whole, one key is written, a corrupt record gives
// way, a newer guide's record is never overwritten, and blocked storage keeps the visit in memory.
// The tests run in order: the module keeps what it learnt of the device, as it does for a visit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SCALE, read } from "./content.mjs";

const RELEASE_1 = JSON.parse(read("tests/fixtures/storage-v1.json"));
const KEY = "networking-guide";
const stored = new Map();
let blocked = false;
let full = false;
const check = () => {
  if (blocked) throw new DOMException("blocked", "SecurityError");
};
const localStorage = {
  getItem: (key) => (check(), stored.get(key) ?? null),
  setItem: (key, value) => {
    check();
    if (full) throw new DOMException("full", "QuotaExceededError");
    stored.set(key, String(value));
  },
  removeItem: (key) => (check(), stored.delete(key)),
};
// The browser asked to keep the site's storage (storage.js asks once a page, at the first save).
const persistCalls = [];
const storage = { persisted: async () => false, persist: async () => (persistCalls.push(Date.now()), true) };
globalThis.window = { localStorage, navigator: { storage } };
globalThis.document = { getElementById: (id) => (id === "guide-config" ? { textContent: JSON.stringify({ scale: SCALE }) } : null) };

const { load, save, update, erase, isKept, replace, leftOut, saved } = await import("../../overrides/assets/guide/storage.js");
const { empty } = await import("../../overrides/assets/guide/record.js");
const kept = () => JSON.parse(stored.get(KEY));

test("importing the module reads and writes nothing", () => {
  assert.equal(stored.size, 0);
});

test("a record from the first release loads whole, the page's scale and all", () => {
  stored.set(KEY, JSON.stringify(RELEASE_1));
  assert.deepEqual(load(), RELEASE_1);
  assert.ok(isKept());
  assert.deepEqual([...stored.keys()], [KEY]); // the probe's entry is gone
});

test("nothing is asked of the browser before anything is saved", () => {
  assert.deepEqual(persistCalls, []);
});

test("a change is written under the one key, with the version", () => {
  const data = update((record) => {
    record.plan = null;
    delete record.version;
  });
  assert.deepEqual(kept(), { ...RELEASE_1, plan: null });
  assert.deepEqual(data, kept());
});

test("a corrupt or foreign record reads as an empty one, replaced by the next save", () => {
  for (const text of ["{ truncated", "[]", '"text"', JSON.stringify({ checklists: {} })]) {
    stored.set(KEY, text);
    assert.deepEqual(load(), empty());
  }
  assert.ok(save(empty()));
  assert.deepEqual(kept(), empty());
});

test("a newer guide's record is never overwritten: this visit works from memory", () => {
  const newer = JSON.stringify({ version: 2, whatever: "comes next" });
  stored.set(KEY, newer);
  assert.deepEqual(load(), empty());
  const data = { ...structuredClone(RELEASE_1), plan: null };
  assert.equal(save(data), false);
  assert.equal(stored.get(KEY), newer);
  assert.deepEqual(load(), data); // what the reader did this visit
  assert.equal(isKept(), false);
  erase(); // the reader's own choice (My data) clears it
  assert.equal(stored.has(KEY), false);
  assert.ok(save(data));
  assert.deepEqual(kept(), data);
});

test("blocked storage keeps the visit in memory, with no error", () => {
  blocked = true;
  const data = load();
  data.plan = { commitment: "x", date: "", skills: [] };
  assert.equal(save(data), false);
  assert.deepEqual(load(), data);
  assert.equal(isKept(), false);
  erase();
  assert.deepEqual(load(), empty());
});

test("a save that storage refuses (full) returns false, never throws, and leaves the stored record as it was", () => {
  blocked = false;
  erase();
  assert.ok(save(structuredClone(RELEASE_1)));
  const before = stored.get(KEY);
  full = true;
  const data = load();
  data.checklists.remercier.ticked.push("log-thanks");
  assert.equal(save(data), false);
  assert.equal(saved(), false);
  assert.equal(stored.get(KEY), before); // the old record, whole
  assert.deepEqual(load().checklists.remercier.ticked, data.checklists.remercier.ticked); // the visit goes on from memory
  full = false;
  assert.ok(save(load())); // room again: the visit's record is written
  assert.equal(saved(), true);
  assert.deepEqual(kept().checklists.remercier.ticked, data.checklists.remercier.ticked);
});

test("a record that cannot be written (a cycle, nesting deeper than the stack) returns false and changes nothing", () => {
  const before = stored.get(KEY);
  const cyclic = load();
  cyclic.plan = { commitment: "x", date: "", skills: [] };
  cyclic.plan.self = cyclic;
  assert.equal(save(cyclic), false);
  let nested = {};
  const top = nested;
  for (let i = 0; i < 200000; i++) nested = nested.a = {};
  const deep = load();
  deep.checklists.remercier.extra = top;
  assert.equal(save(deep), false);
  assert.equal(update((record) => (record.selfAssessment.history[0].scores.remercier = top)).selfAssessment.history.length, 2);
  assert.equal(saved(), false);
  assert.equal(stored.get(KEY), before);
  assert.deepEqual(load(), JSON.parse(before));
});

test("what the gate leaves out of the stored record is told (leftOut), and gone after the next save", () => {
  const raw = structuredClone(RELEASE_1);
  raw.checklists.remercier.updated = "2025/03/01";
  raw.selfAssessment.history[0].scores.remercier = { deep: {} };
  stored.set(KEY, JSON.stringify(raw));
  const data = load();
  assert.equal(data.checklists.remercier.updated, null);
  assert.deepEqual(leftOut(), { count: 2, paths: ["selfAssessment.history[0].scores.remercier", "checklists.remercier.updated"] });
  assert.ok(save(data));
  assert.deepEqual(leftOut(), { count: 0, paths: [] });
  stored.set(KEY, JSON.stringify({ ...RELEASE_1, version: "1" }));
  assert.deepEqual(load(), empty());
  assert.deepEqual(leftOut(), { count: 1, paths: ["version as text"] }); // refused whole: one entry
});

test("replace() writes in one go or not at all: under a full storage the old record stays, and says why", () => {
  stored.set(KEY, JSON.stringify(RELEASE_1));
  const before = stored.get(KEY);
  full = true;
  assert.equal(replace(empty()), "full");
  assert.equal(stored.get(KEY), before);
  full = false;
  blocked = true;
  assert.equal(replace(empty()), "blocked");
  blocked = false;
  assert.equal(stored.get(KEY), before);
  assert.equal(replace({ ...empty(), plan: { commitment: "x", date: "", skills: [] } }), null);
  assert.deepEqual(kept().plan, { commitment: "x", date: "", skills: [] });
  stored.set(KEY, JSON.stringify({ version: 2 })); // a newer guide's record: replaced only by the reader's choice
  load();
  assert.equal(save(empty()), false);
  assert.equal(replace(RELEASE_1), null);
  assert.deepEqual(kept(), RELEASE_1);
  assert.ok(save(load()));
});

test("the browser was asked once, whatever the number of saves, to keep the site's storage", async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(persistCalls.length, 1);
});
