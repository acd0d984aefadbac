// The guide's one record (record.js) in the browser: everything under one localStorage key (in a
// SCORM package, one per learner of the platform: tracking.js),
// versioned, shared by every language (keys are content IDs). Blocked, full or corrupt storage never
// throws: the page keeps working from memory for the visit.
import { KEY, VERSION, empty, normalise } from "./record.js";
import { pageConfig } from "./config.js";
import { recordKey, relay } from "./tracking.js";

// In a SCORM package, the platform's learner's record, not the website's (tracking.js).
let chosen = null;
const key = () => (chosen ??= recordKey());

let memory = null;
let persistent = true;
let newer = false; // the record was written by a newer version of the guide: never overwrite it

export function load() {
  let text = null;
  try {
    text = window.localStorage.getItem(key());
  } catch {
    persistent = false;
  }
  if (text === null || newer) return memory ? structuredClone(memory) : empty();
  try {
    const raw = JSON.parse(text);
    newer = raw?.version > VERSION;
    persistent &&= !newer;
    return (!newer && normalise(raw, pageConfig().scale)[0]) || empty();
  } catch {
    return empty();
  }
}

export function save(data) {
  data.version = VERSION;
  memory = structuredClone(data);
  if (newer) return false; // kept for this visit only
  try {
    window.localStorage.setItem(key(), JSON.stringify(data));
    persistent = true;
  } catch {
    persistent = false; // blocked or full: kept in memory for this visit
    relay(data); // in a package, the launch page still tells the platform
  }
  return persistent;
}

export function update(change) {
  const data = load();
  change(data);
  save(data);
  return data;
}

export function erase() {
  memory = null;
  newer = false;
  try {
    window.localStorage.removeItem(key());
  } catch {
    /* nothing stored */
  }
}

// Whether what the reader does now will still be there on their next visit (tried once with a
// throw-away entry: a browser may read but refuse to write, or block both, as in some frames).
let writable = null;
export function isKept() {
  if (writable === null) {
    try {
      window.localStorage.setItem(`${KEY}-probe`, "1");
      window.localStorage.removeItem(`${KEY}-probe`);
      writable = true;
    } catch {
      writable = false;
    }
  }
  return writable && persistent && !newer;
}
