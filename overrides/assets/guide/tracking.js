// What a SCORM package's launch page (lms.js) and the guide's pages in its frame agree on: whose
// record the pages keep (one per learner of the platform, never the website's) and how a page that
// cannot store still tells the launch page. The pages carry it (storage.js): the launch page's own
// clock and keys are in launch.js. Imports only record.js and touches no page when imported.
import { KEY } from "./record.js";

export const LEARNER = "networkingGuideRecordKey"; // the launch page's global: the key of its learner's record
export const MESSAGE = "networking-guide-record"; // a page's record, posted to the launch page
export const PACKAGED = `${KEY}:lms`; // set by a launch page: this origin is a learning platform's

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
// its parent's for a page in its frame), else the website's one key; none for a page of a package
// opened outside its launch page (a new tab) on a learning platform's origin (`platform`: a launch
// page marked it, storage.js), where learners may share the browser.
export function recordKey(win = globalThis.window, platform) {
  try {
    if (isLearnerKey(win?.[LEARNER])) return win[LEARNER];
  } catch {
    // nothing of ours
  }
  return launchPage(win)?.[LEARNER] ?? (platform ? null : KEY);
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
