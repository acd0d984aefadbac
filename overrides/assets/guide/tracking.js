// What a SCORM package's launch page (lms.js) and the guide's pages in its frame agree on, and the
// launch page's clock: whose record the pages keep (one per learner of the platform, never the
// website's), how a page that cannot store still tells the launch page, SCORM 1.2's time span,
// and when to commit. Imports only record.js and touches no page when imported: tests/js/ runs it
// in Node.
import { KEY } from "./record.js";

export const LEARNER = "networkingGuideRecordKey"; // the launch page's global: the key of its learner's record
export const MESSAGE = "networking-guide-record"; // a page's record, posted to the launch page

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

// The storage key of the record of the platform's learner `studentId` (cmi.core.student_id).
export function learnerKey(studentId) {
  return `${KEY}:lms:${hash(studentId)}`;
}

const isLearnerKey = (key) => typeof key === "string" && key.startsWith(`${KEY}:lms:`);

// The launch page above `win` (its parent, on the same origin, holding a learner's session), or null.
export function launchPage(win) {
  try {
    const parent = win?.parent;
    if (parent && parent !== win && isLearnerKey(parent[LEARNER])) return parent;
  } catch {
    // a parent on another origin: not a package's launch page
  }
  return null;
}

// The key the record is kept under in `win`: the learner's in a package (the launch page's own, or
// its parent's for a page in its frame), else the website's one key.
export function recordKey(win = globalThis.window) {
  try {
    if (isLearnerKey(win?.[LEARNER])) return win[LEARNER];
  } catch {
    // nothing of ours
  }
  return launchPage(win)?.[LEARNER] ?? KEY;
}

// A page in a package's frame that could not store its record hands it to the launch page, which
// only takes it from its own origin (lms.js).
export function relay(record, win = globalThis.window) {
  const parent = launchPage(win);
  if (!parent) return;
  try {
    parent.postMessage({ context: MESSAGE, record }, win.location.origin);
  } catch {
    // an opaque origin: nothing to tell
  }
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
