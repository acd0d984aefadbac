// The plan's calendar file (overrides/assets/guide/ics.js): RFC 5545's escaping, and its folding
// of long lines at 75 octets, never inside a UTF-8 character.
import { test } from "node:test";
import assert from "node:assert/strict";
import { calendar, fold, icsText } from "../../overrides/assets/guide/ics.js";

const octets = (text) => Buffer.byteLength(text, "utf-8");
const strict = new TextDecoder("utf-8", { fatal: true });
const unfold = (text) => text.replace(/\r\n /g, "");
// The lines of a file as its bytes, so that a piece cut inside a character cannot pass unseen.
const lines = (text) => {
  const bytes = Buffer.from(text, "utf-8");
  const found = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      found.push(bytes.subarray(start, i));
      start = i + 2;
    }
  }
  assert.equal(start, bytes.length, "the file ends with CRLF");
  return found;
};

const commitment = "Deux remerciements écrits par semaine, « avant vendredi » ; voir C:\\notes\\plan.\nPuis : bilan.";
const PLAN = {
  date: "2027-01-15",
  now: new Date("2026-12-06T21:05:09.123Z"),
  summary: "Pratique : Contact visuel + Suivi des recommandations",
  description: [commitment, "Revenez faire l’autoévaluation : qu’est-ce qui a changé ?", "https://example.org/guide/assessment/"].join("\n"),
};

test("a text value escapes backslashes, semicolons and commas, and writes line breaks as \\n", () => {
  assert.equal(icsText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  assert.equal(icsText("\\,"), "\\\\\\,"); // the backslash first: a comma's escape is not escaped again
  assert.equal(icsText("plain text: ok"), "plain text: ok");
});

test("a line of 75 octets stays whole; one more octet folds it", () => {
  assert.equal(fold("x".repeat(75)), "x".repeat(75));
  assert.equal(fold("x".repeat(76)), `${"x".repeat(75)}\r\n x`);
  assert.equal(fold("x".repeat(75 + 74 + 1)), `${"x".repeat(75)}\r\n ${"x".repeat(74)}\r\n x`);
});

test("long non-ASCII text folds at 75 octets at most, between characters, and unfolds to itself", () => {
  for (const text of ["é".repeat(100), `SUMMARY:${"€".repeat(60)}`, `DESCRIPTION:${"a🤝é€".repeat(40)}`, `x${"é".repeat(80)}`]) {
    const folded = fold(text);
    for (const line of lines(`${folded}\r\n`)) {
      assert.ok(line.length <= 75, `${line.length} octets`);
      strict.decode(line); // throws on a character cut in two
    }
    assert.equal(unfold(folded), text);
  }
});

test("a two-octet character that would cross the 75th octet goes whole to the next line", () => {
  const folded = fold(`x${"é".repeat(40)}`); // 1 + 80 octets
  assert.equal(octets(folded.split("\r\n")[0]), 75);
  assert.equal(fold(`${"é".repeat(38)}`).split("\r\n")[0], "é".repeat(37)); // 74 octets: the 38th would make 76
});

test("the plan's event: every line within 75 octets, valid UTF-8, CRLF, the texts escaped", () => {
  const text = calendar(PLAN);
  const found = lines(text);
  for (const line of found) {
    assert.ok(line.length <= 75, `${line.length} octets: ${line}`);
    strict.decode(line);
  }
  const logical = unfold(text).split("\r\n");
  assert.equal(logical.length - 1, 11);
  assert.ok(found.length > 11, "the description is folded");
  assert.deepEqual(logical.slice(0, 4), ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//networking-guide//practice plan//EN", "BEGIN:VEVENT"]);
  assert.ok(logical.includes("DTSTART;VALUE=DATE:20270115"));
  assert.ok(logical.includes("DTSTAMP:20261206T210509Z"));
  assert.ok(logical.includes("UID:20261206T210509Z-20270115@networking-guide"));
  assert.ok(logical.includes("SUMMARY:Pratique : Contact visuel + Suivi des recommandations"));
  const description = logical.find((line) => line.startsWith("DESCRIPTION:"));
  assert.equal(description, `DESCRIPTION:${icsText(PLAN.description)}`);
  assert.ok(description.includes("semaine\\, « avant vendredi » \\; voir C:\\\\notes\\\\plan.\\nPuis"));
  assert.deepEqual(logical.slice(-3), ["END:VEVENT", "END:VCALENDAR", ""]);
  assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(text), "no bare CR or LF");
});

test("control characters are removed, every kind of line break becomes \\n (RFC 5545 forbids CTLs in text)", () => {
  assert.equal(icsText("a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg"), "abcdefg");
  assert.equal(icsText("one\r\ntwo\rthree\nfour"), "one\\ntwo\\nthree\\nfour");
  assert.equal(icsText("tab\tstays"), "tab\tstays");
  const text = calendar({ ...PLAN, description: "bell\u0007, form\u000cfeed; CR\r\nLF 🤝" });
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)); // eslint-disable-line no-control-regex
  assert.ok(unfold(text).includes("DESCRIPTION:bell\\, formfeed\\; CR\\nLF 🤝\r\n"));
});

test("only a day with a four-digit year makes an event: calendars read no other", () => {
  for (const date of ["12345-06-07", "275760-09-13", "0999-01-01", "2025-02-30", "2025/03/01", "", "2027-01-15T10:00:00Z"])
    assert.throws(() => calendar({ ...PLAN, date }), RangeError, date);
  assert.ok(calendar({ ...PLAN, date: "9999-12-31" }).includes("DTSTART;VALUE=DATE:99991231\r\n"));
});
