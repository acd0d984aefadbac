// A backup's bytes as text and the text as JSON (overrides/assets/guide/backup.js), saved as the
// editors on a reader's computer save it: the reader's words come back exactly, whatever the
// encoding, and a comma left after a last item by a hand edit is forgiven.
import { test } from "node:test";
import assert from "node:assert/strict";
import { backupText, namedTwice, parseBackup } from "../../overrides/assets/guide/backup.js";

// What a reader typed in a plan, with what each encoding must carry: accents, curly quotes, œ, €.
const BACKUP = JSON.stringify({ app: "networking-guide", version: 1, plan: { commitment: "Remercier « Zoé » d’abord ; cœur, 5 €" } }, null, 2);
const CRLF = BACKUP.replace(/\n/g, "\r\n"); // Notepad's line ends
// Notepad's "ANSI": Latin-1, but for a few characters such as these (Windows-1252)
const ANSI = { "€": 0x80, "’": 0x92, "œ": 0x9c };
const cp1252 = (text) => Uint8Array.from(text, (c) => ANSI[c] ?? c.charCodeAt(0));
const utf16be = (text) => Buffer.from(text, "utf16le").swap16();

const SAVED = {
  "UTF-8, as the guide exports it": Buffer.from(BACKUP, "utf-8"),
  "UTF-8 with a byte-order mark (Notepad's “UTF-8 with BOM”)": Buffer.from(`\uFEFF${CRLF}`, "utf-8"),
  "UTF-16 little-endian with a byte-order mark (Notepad's “Unicode”)": Buffer.from(`\uFEFF${CRLF}`, "utf16le"),
  "UTF-16 little-endian without a byte-order mark": Buffer.from(CRLF, "utf16le"),
  "UTF-16 big-endian with a byte-order mark (Notepad's “Unicode big endian”)": utf16be(`\uFEFF${CRLF}`),
  "UTF-16 big-endian without a byte-order mark": utf16be(CRLF),
  "Windows-1252 (Notepad's “ANSI”)": cp1252(CRLF),
};

for (const [how, bytes] of Object.entries(SAVED)) {
  test(`a backup saved as ${how} reads back as written`, () => {
    const text = backupText(new Uint8Array(bytes));
    assert.ok(!text.includes("\uFFFD") && !text.startsWith("\uFEFF"), text.slice(0, 40));
    assert.deepEqual(parseBackup(text), JSON.parse(BACKUP));
  });
}

test("bytes that are not UTF-8 are read as Windows-1252, one character a byte", () => {
  assert.equal(backupText(Uint8Array.of(0x7b, 0x92, 0xe9, 0x80, 0x9c, 0x7d)), "{’é€œ}");
});

test("an empty file and a one-byte file read as they are", () => {
  assert.equal(backupText(new Uint8Array()), "");
  assert.equal(backupText(Uint8Array.of(0x7b)), "{");
});

test("text that is not JSON stays text that is not JSON, whatever its bytes", () => {
  assert.throws(() => parseBackup(backupText(Buffer.from("{ this is not JSON", "utf-8"))), SyntaxError);
  assert.throws(() => parseBackup(backupText(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))), SyntaxError); // a photo
});

test("a comma left after the last item of a list or an object is forgiven, nowhere else", () => {
  const edited = '{\r\n  "plan": {\r\n    "skills": [\r\n      "contact-visuel",\r\n    ],\r\n    "commitment": "Merci, \\"vraiment\\",}] ",\r\n  },\r\n}\r\n';
  assert.deepEqual(parseBackup(edited), { plan: { skills: ["contact-visuel"], commitment: 'Merci, "vraiment",}] ' } });
  assert.deepEqual(parseBackup('{"a": "x,]"}'), { a: "x,]" }); // valid JSON is read as it is
});

test("text that is still not JSON throws the first error", () => {
  for (const text of ["{ this is not JSON", '{"a": 1,, }', "[1, 2", '{"a": "open,}']) {
    assert.throws(() => parseBackup(text), SyntaxError, text);
  }
});

test("a key written twice in one object is told (JSON.parse keeps the second without a word)", () => {
  const one = '{\r\n  "app": "networking-guide",\r\n  "checklists": {"remercier": {"ticked": ["list-helpers"]}},\r\n  "plan": null';
  const merged = `${one},\r\n  "checklists": {"contact-visuel": {"ticked": ["phone-away"]}}\r\n}`;
  assert.equal(namedTwice(merged), "checklists");
  assert.equal(namedTwice('{"a": {"x": 1, "y": {"x": 2}}, "b": [{"x": 1}, {"x": 2}]}'), null); // the same key in other objects
  assert.equal(namedTwice('{"a": "{\\"b\\": 1, \\"b\\": 2}", "c": ["b", "b"]}'), null); // in a string, or values in a list
  assert.equal(namedTwice('{"a": {"b": 1, "b": 2,}}'), "b"); // a comma left before the bracket: still told
  assert.equal(namedTwice('{"\\u0062": 1, "b": 2}'), "b"); // the same name, escaped
  assert.equal(namedTwice(`${one}\r\n}`), null);
});
