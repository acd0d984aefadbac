// My data: what the guide keeps on this device, exported as JSON, imported or erased. An import
// is read in whatever encoding an editor saved it (backup.js), passes the gate (record.js), says
// what it left out, asks before it replaces anything, and writes the new record in one go: when
// the write fails, the old record is still there and the reader is told why. Comes with
// extras.js (later.js), handed the page's storage.js as `store`.
import { normalise, VERSION } from "./record.js";
import { backupText, namedTwice, parseBackup } from "./backup.js";
import { t, listed, formatDate } from "./dom.js";
import { download } from "./download.js";
import { pageConfig } from "./config.js";

const APP = "networking-guide";
const MAX_BYTES = 1024 * 1024; // the largest backup read: a reader's record is a few kilobytes

// What a record holds, counted.
export function counts(data) {
  return {
    checklists: Object.keys(data.checklists).length,
    quizzes: Object.keys(data.quizzes).length,
    answers: Object.values(data.selfAssessment.answers).reduce((sum, answers) => sum + Object.keys(answers).length, 0),
    assessments: data.selfAssessment.history.length,
    plan: data.plan !== null,
  };
}
const isEmpty = (data) => Object.values(counts(data)).every((n) => !n);

function counted(data) {
  const n = counts(data);
  const plan = n.plan ? t("plan_yes") : t("plan_no");
  return t("my_data_counts", { checklists: n.checklists, quizzes: n.quizzes, answers: n.answers, assessments: n.assessments, plan });
}
// A record's counts and the time of its latest change (a tick, a quiz checked, a profile): two
// records with the same counts still tell which is newer, the same day too.
function countedAndDated(data) {
  const dates = [...Object.values(data.checklists).map((c) => c.updated), ...Object.values(data.quizzes).map((q) => q.checked), ...data.selfAssessment.history.map((h) => h.date)];
  const latest = Math.max(...dates.map((date) => Date.parse(date ?? "")).filter(Number.isFinite));
  return latest > 0 ? `${counted(data)} ${t("last_changed", { date: formatDate(new Date(latest).toISOString(), "short") })}` : counted(data);
}
const importLeftOut = (left) => t("import_left_out", { n: left.count, list: listed(left) });
const summary = (data) => t("my_data_summary", { counts: counted(data) });
const kb = (bytes) => new Intl.NumberFormat(document.documentElement.lang || undefined).format(Math.ceil(bytes / 1024));

// Why a file cannot be imported, for the reader; null when `data` can be.
function refusal(raw, data, reason) {
  if (reason === "no version") return t("import_no_version");
  if (reason === "version as text") return t("import_text_version", { version: raw.version.slice(0, 20) });
  if (reason === "app") return t("import_not_ours");
  if (reason?.startsWith("version")) return raw.version > VERSION ? t("import_newer") : t("import_not_ours"); // "version 0", "version boolean" …
  if (!data) return t("import_bad");
  return isEmpty(data) ? t("import_empty") : null;
}

export function mount(root, { load, erase, replace }) {
  const live = root.querySelector("[data-live]");
  const dialog = root.querySelector("[data-import-confirm]");
  const show = () => (root.querySelector("[data-summary]").textContent = summary(load()));
  show();
  // Whether this browser keeps what the guide saved for good (storage.js asks it to, at the first save).
  const manager = window.navigator.storage;
  if (manager?.persisted) {
    manager
      .persisted()
      .then((kept) => {
        const line = root.querySelector("[data-persisted]");
        line.textContent = kept ? t("storage_persisted") : t("storage_not_persisted");
        line.hidden = false;
      })
      .catch(() => {});
  }
  let answer = null; // the dialog's question, while it is asked
  const ask = (data, left) =>
    new Promise((resolve) => {
      dialog.querySelector("[data-import-question]").textContent = t("import_confirm", { file: countedAndDated(data), current: countedAndDated(load()) });
      const leftText = dialog.querySelector("[data-import-left]");
      leftText.textContent = left.count ? importLeftOut(left) : "";
      leftText.hidden = !left.count;
      answer = resolve;
      dialog.addEventListener("close", () => answer?.(false), { once: true });
      dialog.showModal();
    });
  const reply = (yes) => {
    const resolve = answer;
    answer = null;
    dialog.close();
    resolve?.(yes);
  };

  root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "export") {
      const name = `${APP}-${new Date().toISOString().slice(0, 10)}.json`;
      download(name, "application/json", JSON.stringify({ app: APP, exported: new Date().toISOString(), ...load() }, null, 2));
      live.textContent = t("export_done", { name }); // on a phone, nothing else may show that a file was made
    } else if (action === "erase" && window.confirm(t("erase_confirm"))) {
      erase();
      show();
      live.textContent = t("erase_done");
    } else if (action === "import-replace" || action === "import-cancel") {
      reply(action === "import-replace");
    }
  });
  root.querySelector("[data-import]").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_BYTES) {
      live.textContent = t("import_too_large", { size: kb(file.size) });
      return;
    }
    let raw, twice;
    try {
      const text = backupText(new Uint8Array(await file.arrayBuffer()));
      raw = parseBackup(text);
      twice = namedTwice(text);
    } catch {
      live.textContent = t("import_bad");
      return;
    }
    if (twice !== null || (Array.isArray(raw) && raw.length > 1 && raw.every((item) => item?.app === APP))) {
      live.textContent = twice === null ? t("import_several") : t("import_twice", { key: twice.slice(0, 40) });
      return;
    }
    const [data, reason, left] = raw && raw.app === APP ? normalise(raw, pageConfig().scale) : [null, "app", { count: 0, paths: [] }];
    const refused = refusal(raw, data, reason);
    if (refused) {
      live.textContent = refused;
      return;
    }
    // what the device keeps is replaced only once the reader says so (nothing to ask when it keeps nothing)
    if (!isEmpty(load()) && !(await ask(data, left))) {
      live.textContent = t("import_cancelled");
      return;
    }
    const failed = replace(data);
    show();
    if (failed === "full") live.textContent = t("import_full", { size: kb(new Blob([JSON.stringify(data)]).size) });
    else if (failed) live.textContent = t("import_blocked");
    else live.textContent = [t("import_done"), summary(data), left.count ? importLeftOut(left) : ""].filter(Boolean).join(" ");
  });
}
