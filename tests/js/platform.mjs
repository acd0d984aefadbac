// A stand-in learning platform for one launch page's session (overrides/assets/guide/lms.js), as
// the session tests set it up: a platform whose calls are recorded, device storage, the page's
// config and frame. One session a file: the module keeps its session's state, and Node's test
// runner gives each file a process of its own. Call it before importing lms.js.
import { SCALE } from "./content.mjs";

// localStorage, kept in `stored` (a Map).
export const memoryStorage = (stored) => ({
  getItem: (key) => stored.get(key) ?? null,
  setItem: (key, value) => stored.set(key, String(value)),
  removeItem: (key) => stored.delete(key),
  clear: () => stored.clear(),
});

// `values`: what the platform's LMSGetValue gives, by element (a function is called: it may throw);
// `where`: "self" (the API in the launch page's window) or "top-opener" (in the window that opened
// the platform's page above it, as a popup of a popup); `error`: what LMSGetLastError says. The
// launch page's frame (`frame`) holds a page: an event target, as its window is.
export function platform(values, { where = "self", error = "0" } = {}) {
  const calls = [];
  const held = { "cmi.core.lesson_status": "not attempted", "cmi.core.entry": "resume", ...values };
  const API = {
    LMSInitialize: () => (calls.push(["LMSInitialize"]), "true"),
    LMSGetValue: (element) => (typeof held[element] === "function" ? held[element]() : (held[element] ?? "")),
    LMSSetValue: (element, value) => (calls.push([element, value]), (held[element] = value), "true"),
    LMSCommit: () => (calls.push(["commit"]), "true"),
    LMSFinish: () => (calls.push(["finish"]), "true"),
    LMSGetLastError: () => error,
  };
  const stored = new Map();
  const localStorage = memoryStorage(stored);
  const window = Object.assign(new EventTarget(), { localStorage, opener: null, setInterval, location: { origin: "https://lms.example" } });
  window.parent = window;
  if (where === "self") window.API = API;
  else window.top = { opener: { API, parent: null } };
  globalThis.window = window;
  globalThis.document = {
    documentElement: { lang: "fr" },
    getElementById: (id) => (id === "guide-config" ? { textContent: JSON.stringify({ scale: SCALE, quiz: "article" }) } : null),
    getElementsByTagName: () => [],
    querySelector: (selector) => (selector === "iframe" ? frame : null),
  };
  const frame = Object.assign(new EventTarget(), { contentDocument: new EventTarget(), contentWindow: new EventTarget() });
  const storageEvent = (key, newValue) => window.dispatchEvent(Object.assign(new Event("storage"), { key, newValue }));
  return { calls, held, stored, window, frame, storageEvent, taken: () => calls.splice(0) };
}
