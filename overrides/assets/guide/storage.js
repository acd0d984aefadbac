// The guide's one record (record.js) in the browser: everything under one localStorage key (in a
// SCORM package, one per learner of the platform: tracking.js), versioned, shared by every
// language (keys are content IDs). What is read passes record.js's gate (normalise). Blocked, full
// or corrupt storage never throws: the page keeps working from memory for the visit, and a save
// that fails leaves the stored record as it was.
import { KEY, VERSION, empty, normalise } from "./record.js";
import { pageConfig } from "./config.js";
import { PACKAGED, recordKey, relay } from "./tracking.js";

// In a SCORM package, the platform's learner's record, not the website's (tracking.js); none for a
// package's page outside its launch page: then every use of the key throws, as blocked storage does.
let chosen = null;
const key = () => (chosen ??= recordKey(window, window.localStorage.getItem(PACKAGED))) ?? keyless();
function keyless() {
  throw new Error("no record here");
}

// A launch page marks its origin as a learning platform's (tracking.js).
export const markPlatform = () => window.localStorage.setItem(PACKAGED, "1");

let memory = null; // the record as text, when storage did not take this visit's last save
let persistent = true;
let newer = false; // the record was written by a newer version of the guide: never overwrite it
const NONE = { count: 0, paths: [] };
let left = NONE; // what the gate left out of the stored record
let lastSaved = true;

function read(text) {
  try {
    const raw = JSON.parse(text);
    return normalise(raw, pageConfig().scale);
  } catch {
    return [null, "JSON", NONE];
  }
}

export function load() {
  let text = null;
  try {
    text = window.localStorage.getItem(key());
  } catch {
    persistent = false;
  }
  if (memory !== null) return read(memory)[0] || empty();
  if (text === null || newer) return empty();
  const [data, reason, dropped] = read(text);
  newer = /^version \d/.test(reason ?? "") && Number(reason.slice(8)) > VERSION;
  persistent &&= !newer;
  // a record refused whole (not JSON, no version …) counts as one entry left out
  left = data || newer ? dropped : { count: 1, paths: [reason] };
  return data || empty();
}

// What the gate left out of the stored record when it was last read ({ count, paths }).
export const leftOut = () => left;
// Whether the last save reached the device's storage.
export const saved = () => lastSaved;

// Writes the record; true once the device keeps it. Never throws: when storage refuses it (full,
// blocked, a newer guide's record there), the stored record stays as it was and this visit works
// from memory.
export function save(data) {
  let text;
  try {
    data.version = VERSION;
    text = JSON.stringify(data);
  } catch {
    lastSaved = false; // a record that cannot be written: nothing changes
    return false;
  }
  memory = text;
  lastSaved = false;
  if (newer) return false; // kept for this visit only
  try {
    window.localStorage.setItem(key(), text);
    memory = null;
    persistent = true;
    lastSaved = true;
    left = NONE;
    keepForGood();
  } catch {
    persistent = false; // blocked or full: kept in memory for this visit
    relay(data); // in a package, the launch page still tells the platform
  }
  return lastSaved;
}

// The reader's explicit choice (My data's import): `data` in place of whatever was kept, even by a
// newer guide, in one write that either happens or leaves the old record as it was. Returns null
// once written, else why not: "full" or "blocked".
export function replace(data) {
  try {
    window.localStorage.setItem(key(), JSON.stringify({ ...data, version: VERSION }));
  } catch (error) {
    return error?.name === "QuotaExceededError" ? "full" : "blocked";
  }
  memory = null;
  newer = false;
  persistent = lastSaved = true;
  left = NONE;
  keepForGood();
  return null;
}

// Once the reader has saved something, the browser is asked (once a page) to keep the site's storage
// when it runs short of space (Safari: also past seven days without a visit); My data says whether
// it does. Nothing is asked of a browser that keeps it already, and a refusal changes nothing.
let asked = false;
function keepForGood() {
  if (asked) return;
  asked = true;
  const manager = window.navigator.storage;
  if (!manager?.persist) return;
  Promise.resolve()
    .then(() => manager.persisted?.())
    .then((kept) => kept || manager.persist())
    .catch(() => {});
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
  left = NONE;
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
      key();
      window.localStorage.setItem(`${KEY}-probe`, "1");
      window.localStorage.removeItem(`${KEY}-probe`);
      writable = true;
    } catch {
      writable = false;
    }
  }
  return writable && persistent && !newer;
}
