// A self-assessment's figures, as data: the score out of 100 and the band it falls in. Imports
// nothing and touches no page (selfcheck.js reads the answers and bands from it; tests/js/ runs
// this in Node).

// The score 0–100 of `points` (each answer's point, 0 = Never … `top` = Always): their average
// over the top point, halves rounded up.
export function percent(points, top) {
  return Math.round((points.reduce((a, b) => a + b, 0) / (top * points.length)) * 100);
}

// The band ({ min, max, … }, both ends included) that holds `value`, or undefined.
export const bandOf = (bands, value) => bands.find((band) => value >= band.min && value <= band.max);
