// The SCORM launch page's own: the storage key of a platform's learner, SCORM 1.2's time span, and
// when to commit (lms.js). Only the launch page's bundle carries it; tests/js/ runs it in Node.
import { KEY } from "./record.js";

// A short, stable name for a learner (cyrb53: not a secret, only so that the platform's ID is not
// written out in the key).
export function hash(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const char of String(text)) {
    const code = char.codePointAt(0);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

// The storage key of the record of the platform's learner `studentId` (cmi.core.student_id) in the
// package of language `lang`: each package is an activity of its own on the platform, with its own
// record there, so a new attempt at one never empties what the device keeps for the other.
export function learnerKey(studentId, lang) {
  return `${KEY}:lms:${lang}:${hash(studentId)}`;
}

// HHHH:MM:SS.SS, SCORM 1.2's time span (CMITimespan), at most 9999 hours.
export function timespan(ms) {
  const hundredths = Math.min(Math.max(0, Math.floor(ms / 10)), 9999 * 360000 + 359999);
  const seconds = Math.floor(hundredths / 100);
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  return `${pad(Math.floor(seconds / 3600), 4)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}.${pad(hundredths % 100)}`;
}

// When to commit: now() at once; soon() once a burst of changes is over (`wait` ms after the last,
// at most `most` ms after the first); flush() what is waiting, cancel() forgets it.
export function committer(commit, { wait = 3000, most = 10000, clock = globalThis } = {}) {
  let timer = null;
  let first = 0;
  const cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const now = () => {
    cancel();
    commit();
  };
  return {
    now,
    cancel,
    soon() {
      if (timer === null) first = clock.Date.now();
      cancel();
      timer = clock.setTimeout(now, Math.max(0, Math.min(wait, first + most - clock.Date.now())));
    },
    flush() {
      if (timer !== null) now();
    },
    get waiting() {
      return timer !== null;
    },
  };
}
