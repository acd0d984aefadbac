// A self-assessment's score and band (overrides/assets/guide/scores.js), against the content:
// the scale of hooks/guide/model.py and each technique's bands and statements (docs/techniques/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { percent, bandOf } from "../../overrides/assets/guide/scores.js";
import { SCALE, techniques } from "./content.mjs";

const TOP = Math.max(...SCALE); // "Always"
const TECHNIQUES = techniques();

// Every way to answer n statements on the scale.
function* answers(n) {
  if (n === 0) yield [];
  else for (const rest of answers(n - 1)) for (const point of SCALE) yield [...rest, point];
}

test("the content has techniques and a scale from 0", () => {
  assert.ok(TECHNIQUES.length >= 7);
  assert.equal(Math.min(...SCALE), 0);
  assert.ok(TOP > 0);
});

test("the score runs from 0 (all Never) to 100 (all Always)", () => {
  for (const n of [1, 4, 5, 7]) {
    assert.equal(percent(Array(n).fill(0), TOP), 0);
    assert.equal(percent(Array(n).fill(TOP), TOP), 100);
  }
});

test("the score is the points' average out of 100, halves rounded up", () => {
  assert.equal(percent([1, 2, 3], 4), 50);
  assert.equal(percent([3, 3, 3, 3], 4), 75);
  assert.equal(percent([2, 0, 0, 0], 4), 13); // 12.5
  assert.equal(percent([1, 0, 0, 0], 4), 6); // 6.25
  assert.equal(percent([4, 4, 4, 3], 4), 94); // 93.75
  assert.equal(percent([4, 4, 3, 3, 3], 4), 85);
});

test("every score a technique can give lands in exactly one of its bands", () => {
  for (const { id, statements, bands } of TECHNIQUES) {
    for (const points of answers(statements)) {
      const value = percent(points, TOP);
      assert.ok(Number.isInteger(value) && value >= 0 && value <= 100, `${id}: ${points} → ${value}`);
      assert.equal(bands.filter((band) => value >= band.min && value <= band.max).length, 1, `${id}: ${value}`);
    }
  }
});

test("the bands cover 0–100, end to end, and each edge finds its own band", () => {
  for (const { id, bands } of TECHNIQUES) {
    assert.equal(bands[0].min, 0, id);
    assert.equal(bands.at(-1).max, 100, id);
    bands.forEach((band, index) => {
      assert.ok(band.min <= band.max, id);
      assert.equal(bandOf(bands, band.min), band, `${id}: ${band.min}`);
      assert.equal(bandOf(bands, band.max), band, `${id}: ${band.max}`);
      if (index) assert.equal(band.min, bands[index - 1].max + 1, `${id}: a gap or an overlap before ${band.min}`);
    });
    assert.equal(bandOf(bands, -1), undefined);
    assert.equal(bandOf(bands, 101), undefined);
  }
});

// The article asks for "every time" and "ALL of them": "Often" everywhere (75) is below the top
// band, and no answers reach it unless more than half of them are "Always".
test("the top band, from 90, needs mostly Always", () => {
  for (const { id, statements, bands } of TECHNIQUES) {
    const top = bands.at(-1);
    assert.equal(top.min, 90, id); // as the assessment page and the technique pages tell the reader
    assert.notEqual(bandOf(bands, 89), top, id);
    assert.equal(bandOf(bands, 90), top, id);
    assert.ok(percent(Array(statements).fill(TOP - 1), TOP) < top.min, id);
    assert.equal(bandOf(bands, percent(Array(statements).fill(TOP), TOP)), top, id);
    for (const points of answers(statements)) {
      if (percent(points, TOP) >= top.min) assert.ok(2 * points.filter((p) => p === TOP).length > statements, `${id}: ${points}`);
    }
  }
});
