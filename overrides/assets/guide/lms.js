// The SCORM 1.2 session of a package's launch page (hooks/guide/packaging.py), begun by start(),
// which scorm.js calls as the page loads (importing this module runs nothing): holds the learning
// platform's session for the whole visit while the guide's pages come and go in its frame, and
// tells the platform what the guide keeps: the article quiz's score, "completed" once that quiz
// and the self-assessment are done, and the saved record itself (cmi.suspend_data), which it puts
// back on a device that lacks it. It reads the record as the pages write it: the frame is on the same
// origin, so each save reaches this page as a `storage` event (or, where the frame cannot store, as
// a message from its page). The device keeps one record per learner of the platform
// (cmi.core.student_id) and package (its language: each is an activity of its own), which a new
// attempt (ab-initio) starts again from the platform's. Nothing
// waits for the page to close: cmi.core.exit is set and committed at once, the session time with
// every commit and every minute; a change of status or score is committed at once, anything else
// once a burst of changes is over. Without a platform, or when every call fails, nothing changes
// for the guide in the frame (but on a platform's origin, where its pages keep nothing: tracking.js).
import { VERSION, empty, normalise } from "./record.js";
import { erase, load, markPlatform, save } from "./storage.js";
import { pageConfig } from "./config.js";
import { LEARNER, MESSAGE, recordKey } from "./tracking.js";
import { committer, learnerKey, timespan } from "./launch.js";

const LIMIT = 4096; // the characters SCORM 1.2 allows in cmi.suspend_data
const READ_LIMIT = 65536; // what is read back at most: a platform may keep more than it should
const FINAL = new Set(["completed", "passed"]); // a status the guide never takes back
let started = 0; // when the session started (start())

// SCORM 1.2's discovery: an object named API in this window or one of its parents, else in the
// opener's chain. A window of another origin is passed over.
function findAPI(first) {
  let win = first;
  for (let hops = 0; win && hops < 8; hops++) {
    try {
      if (win.API) return win.API;
    } catch {
      // another origin: look further up
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}

let api = null; // the platform's API, found by start()

// One call to the platform: an error it throws reads as its "false".
function call(name, ...args) {
  try {
    return String(api[name](...args));
  } catch {
    return "false";
  }
}

// One element's value, or null when the platform could not give it: the call threw, gave "" (SCORM
// 1.2's answer to a failed call) with an error code, or "false" without saying there was no error.
function read(element) {
  try {
    const value = String(api.LMSGetValue(element));
    const error = value === "" || value === "false" ? call("LMSGetLastError") : "0";
    return (value === "" ? /^[1-9]\d*$/.test(error) : error !== "0") ? null : value;
  } catch {
    return null;
  }
}

// The platform's text as JSON: a platform that escaped it as HTML (some do, on the way to their
// database) gets it back.
const unescaped = (text) =>
  text.startsWith("{&quot;") ? text.replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : text;

// A record from text (the platform's or the storage event's), through the pages' gate (record.js);
// null for anything else: truncated, foreign, too long, or from a newer guide.
function parse(text) {
  try {
    if (typeof text !== "string" || text.length > READ_LIMIT) return null;
    return normalise(JSON.parse(unescaped(text)), pageConfig().scale)[0];
  } catch {
    return null;
  }
}

const time = (iso) => Date.parse(iso ?? "") || 0;

// What the platform kept, added to what this device keeps: what the device lacks, and a
// checklist or quiz the platform holds in a later state (saved on another device since).
export function merge(local, kept) {
  for (const [id, list] of Object.entries(kept.checklists)) {
    if (!local.checklists[id] || time(list.updated) > time(local.checklists[id].updated)) local.checklists[id] = list;
  }
  for (const [id, quiz] of Object.entries(kept.quizzes)) {
    if (!local.quizzes[id] || time(quiz.checked) > time(local.quizzes[id].checked)) local.quizzes[id] = quiz;
  }
  const answers = local.selfAssessment.answers;
  for (const [id, given] of Object.entries(kept.selfAssessment.answers)) answers[id] = { ...given, ...answers[id] };
  const history = local.selfAssessment.history;
  const dates = new Set(history.map((entry) => entry.date));
  history.push(...kept.selfAssessment.history.filter((entry) => !dates.has(entry.date)));
  history.sort((a, b) => time(a.date) - time(b.date));
  local.plan ||= kept.plan;
  return local;
}

// One thing less in the record, what matters least first, the quiz `last` (the article quiz,
// whose score the platform shows) kept to the end; false when nothing is left to drop.
export function shed(record, last) {
  const history = record.selfAssessment.history;
  const answered = Object.values(record.quizzes).find((quiz) => Object.keys(quiz.answers).length);
  const [oldest] = Object.entries(record.checklists).sort(([, a], [, b]) => time(a.updated) - time(b.updated));
  const [rated] = Object.keys(record.selfAssessment.answers);
  const [quiz] = Object.keys(record.quizzes).filter((id) => id !== last);
  if (history.length > 1) history.shift();
  else if (answered) answered.answers = {};
  else if (record.plan) record.plan = null;
  else if (oldest) delete record.checklists[oldest[0]];
  else if (rated) delete record.selfAssessment.answers[rated];
  else if (quiz) delete record.quizzes[quiz];
  else if (history.length) history.shift();
  else return false;
  return true;
}

// The record as cmi.suspend_data: whole where it fits; what does not stays on this device only
// (`last`: as for shed()).
export function fit(record, last) {
  const copy = structuredClone(record);
  let text = JSON.stringify(copy);
  while (text.length > LIMIT && shed(copy, last)) text = JSON.stringify(copy);
  return text.length > LIMIT ? "" : text;
}

const sent = {}; // what the platform holds, by element, as far as this page knows
let keepTheirs = false; // the platform holds a record of a newer guide: never overwrite it
const URGENT = new Set(["cmi.core.lesson_status", "cmi.core.score.raw"]); // committed at once
const MINUTE = 60000;
let lastCommit = 0;
let lastChange = 0; // when the learner last did something: a change to the record, a page, a tap or a key

// A commit, with the session time so far: what a lost unload would have sent is never more than a
// minute old.
function commit() {
  lastCommit = Date.now();
  call("LMSSetValue", "cmi.core.session_time", timespan(lastCommit - started));
  call("LMSCommit", "");
}

const commits = committer(commit);

// Tells the platform what changed in the record: committed at once when the status or the score
// changed, else with the next commit once the burst of changes is over (`held`: the caller commits).
function report(record, held = false) {
  let changed = false;
  let urgent = false;
  const put = (element, value) => {
    if (sent[element] === value) return;
    sent[element] = value;
    call("LMSSetValue", element, value);
    changed = true;
    lastChange = Date.now();
    urgent ||= URGENT.has(element);
  };
  const quiz = record.quizzes[pageConfig().quiz];
  if (quiz && quiz.total > 0) {
    put("cmi.core.score.min", "0");
    put("cmi.core.score.max", "100");
    put("cmi.core.score.raw", String(Math.round((100 * quiz.score) / quiz.total)));
  }
  if (!FINAL.has(sent["cmi.core.lesson_status"])) {
    put("cmi.core.lesson_status", quiz && record.selfAssessment.history.length ? "completed" : "incomplete");
  }
  if (!keepTheirs) put("cmi.suspend_data", fit(record, pageConfig().quiz));
  if (held) return;
  if (urgent) commits.now();
  else if (changed) commits.soon();
}

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  commits.cancel();
  commit(); // the last session time, and whatever was waiting
  call("LMSFinish", "");
}

// The learner's record on this device, from what the platform kept: added to the device's copy of
// this learner's record, or, on a new attempt (ab-initio), in its place. The pages in the frame keep
// the learner's record under its own key (tracking.js), so no learner's record reaches another's
// session or pages, and the website's record stays out of the package. A learner the platform
// cannot name (no ID, or none it could give) gets a key for this session alone, let go when it ends.
let sessionOnly = false;
function learnersRecord(kept, fresh) {
  const learner = read("cmi.core.student_id") || null;
  sessionOnly = learner === null;
  window[LEARNER] = learnerKey(learner ?? `session ${started} ${Math.random()}`, document.documentElement.lang);
  if (sessionOnly) window.addEventListener("pagehide", () => safely(erase));
  safely(markPlatform); // the pages of a package opened outside this page keep nothing
  const device = load();
  const base = fresh ? empty() : structuredClone(device);
  const record = kept ? merge(base, kept) : base;
  if (JSON.stringify(record) !== JSON.stringify(device)) save(record); // before the frame loads: its pages read it
  return record;
}

// The pages' saves, as the launch page hears them: a `storage` event for the learner's key, or a
// page's message when its frame could not store (the launch page merges it with what it knows, as
// a page that cannot store starts from nothing).
// Runs `work`; a record the gate let through and this page cannot handle leaves the session going.
function safely(work) {
  try {
    work();
  } catch {
    // the session goes on
  }
}

function listen(record) {
  let known = record;
  window.addEventListener("storage", (event) => {
    // another page of the platform's origin cleared all its storage (another course's package):
    // the learner's record is put back, and the platform keeps what it has
    if (event.key === null) safely(() => save(known) && markPlatform());
    if (event.key !== recordKey()) return;
    const changed = event.newValue === null ? empty() : parse(event.newValue); // null: erased (My data)
    if (changed) safely(() => report((known = changed)));
  });
  window.addEventListener("message", (event) => {
    if (event.origin !== window.location.origin || event.data?.context !== MESSAGE) return;
    const frames = [...document.getElementsByTagName("iframe")];
    if (!frames.some((frame) => frame.contentWindow === event.source)) return;
    const posted = parse(JSON.stringify(event.data.record));
    if (posted) safely(() => report((known = merge(posted, structuredClone(known)))));
  });
}

// The session, from the page's load to its pagehide: nothing happens without a platform that
// accepts LMSInitialize.
export function start() {
  started = lastChange = Date.now();
  api = findAPI(window) || opened(window) || opened(window.top);
  if (!api || call("LMSInitialize", "") !== "true") return;
  window.addEventListener("pagehide", finish); // whatever happens next, the session ends
  sent["cmi.core.lesson_status"] = call("LMSGetValue", "cmi.core.lesson_status");
  const fresh = call("LMSGetValue", "cmi.core.entry") === "ab-initio";
  const theirs = read("cmi.suspend_data");
  sent["cmi.suspend_data"] = theirs;
  const kept = parse(theirs);
  try {
    // a record of a newer guide, or one the platform could not give: never overwritten
    keepTheirs = theirs === null || (theirs.length <= READ_LIMIT && JSON.parse(unescaped(theirs))?.version > VERSION);
  } catch {
    // not JSON: not a record, ours to replace once the learner has something to keep
  }
  let record = empty();
  safely(() => (record = learnersRecord(kept, fresh)));
  call("LMSSetValue", "cmi.core.exit", "suspend"); // from the start: the next launch resumes, suspend_data and all
  const nothing = JSON.stringify(record) === JSON.stringify(empty());
  if (nothing && theirs) sent["cmi.suspend_data"] = JSON.stringify(record); // what the platform has stays until there is more to keep
  safely(() => report(record, true));
  commits.now(); // what report() found, the exit and the session time: one commit
  // the session time every minute, while the learner does something (an idle tab stops after five)
  window.setInterval(() => !finished && Date.now() - lastCommit >= MINUTE - 1000 && Date.now() - lastChange < 5 * MINUTE && commits.now(), MINUTE);
  listen(record);
  window.addEventListener("DOMContentLoaded", () => safely(() => watchFrame(document.querySelector("iframe"))));
}

// The platform's API in the window that opened `win` (the platform's popup), if any.
function opened(win) {
  try {
    return win?.opener ? findAPI(win.opener) : null;
  } catch {
    return null;
  }
}

// Each page the frame loads, watched once (the frame may have loaded its first before this page's
// own end): a page opened, a tap or a key is the learner at work (the session time goes on being
// committed); a link to another site, followed in the frame, would show an error there (the
// platform's page and this one let no other site in a frame): it opens in a new tab. A session-only
// record is let go once the frame's page has had its last word (it hides after this page).
const watched = new WeakSet();
function watchFrame(frame) {
  const busy = () => (lastChange = Date.now());
  const watch = () =>
    safely(() => {
      const page = frame.contentDocument;
      if (watched.has(page)) return;
      watched.add(page);
      busy();
      page.addEventListener("pointerdown", busy);
      page.addEventListener("keydown", busy);
      frame.contentWindow.addEventListener("pagehide", () => finished && sessionOnly && safely(erase));
      page.addEventListener("click", (event) => {
        const link = event.target.closest?.("a[href]");
        if (!link || link.origin === window.location.origin || !/^https?:$/.test(link.protocol)) return;
        event.preventDefault();
        window.open(link.href, "_blank", "noopener");
      });
    });
  frame.addEventListener("load", watch);
  watch();
}
