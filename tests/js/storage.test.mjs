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
const check = () => {
  if (blocked) throw new DOMException("blocked", "SecurityError");
};
const localStorage = {
  getItem: (key) => (check(), stored.get(key) ?? null),
  setItem: (key, value) => (check(), stored.set(key, String(value))),
  removeItem: (key) => (check(), stored.delete(key)),
};
globalThis.window = { localStorage };
globalThis.document = { getElementById: (id) => (id === "guide-config" ? { textContent: JSON.stringify({ scale: SCALE }) } : null) };

const { load, save, update, erase, isKept } = await import("../../overrides/assets/guide/storage.js");
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
