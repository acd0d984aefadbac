// Helpers the widgets share for the page: strings, dates, elements, downloads and printing.
import { pageConfig } from "./config.js";

// An interface string of the page's language, its {placeholders} filled from `values`; a count's
// word in the form its number takes, {n|one|other} (« 1 réponse », « 0 réponse », "0 answers").
let plurals = null; // the page language's plural rules, made when a string first needs them
export function t(key, values = {}) {
  const text = pageConfig().strings[key] || key;
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name, one, other) => {
    if (!(name in values) || one === undefined) return name in values ? values[name] : whole;
    plurals ||= new Intl.PluralRules(document.documentElement.lang || undefined);
    return plurals.select(values[name]) === "one" ? one : other;
  });
}

// A date in words in the page's language: « 6 décembre 2026 » (the day kept with its month),
// and British English's "6 December 2026" rather than the American "December 6, 2026".
const LOCALES = { en: "en-GB" };
// With `timeStyle` ("short"), the time too: « 6 décembre 2026 à 14:05 ». Never throws: what is not a
// date is shown as it is, cut short (the gate keeps such values out).
export const formatDate = (iso, timeStyle) => {
  try {
    const lang = document.documentElement.lang;
    const text = new Intl.DateTimeFormat(LOCALES[lang] || lang || undefined, { dateStyle: "long", timeStyle }).format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso));
    return lang === "fr" ? text.replace(/^(\S+) /, "$1\u00a0") : text;
  } catch {
    return String(iso).slice(0, 32);
  }
};

// A new element with properties and children: el("a", { href }, "text").
export const el = (tag, props = {}, ...children) => {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
};

// Runs `handler` when the form is sent, by its submit button or the Enter key, and never lets it
// leave the page. Clicks are caught before they submit: a frame sandboxed without allow-forms
// fires no submit event at all.
export function onSubmit(form, handler) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    handler();
  });
  form.addEventListener("click", (event) => {
    if (!event.target.closest("button[type=submit]")) return;
    event.preventDefault();
    handler();
  });
}

// A form sent with questions left blank (`sets`, their fieldsets): each says so under its legend,
// where the reader is taken, not only in a message below the buttons or above the form; a
// question's message goes once it is answered, all of them when the form is sent again.
export function flagUnanswered(form, sets) {
  form.querySelectorAll(".guide-unanswered").forEach((p) => p.remove());
  sets.forEach((set) => {
    const p = el("p", { className: "guide-unanswered" }, t("unanswered"));
    set.querySelector("legend").after(p);
    set.addEventListener("change", () => p.remove(), { once: true });
  });
}

// dom.js imports no storage.js: extras.js bundles it, and a copy of storage.js there would keep a
// record and a "saved" state apart from the page's. The widgets hand in what the page's says.

// Tells the reader once per widget when nothing can be kept on this device (`kept`: storage.js's
// isKept()): at the top of the widget that `element` belongs to (called again after each write,
// which may be the first to fail).
export function warnIfNotKept(element, kept) {
  const root = element.closest("[data-guide-widget]") || element;
  if (kept || root.querySelector(".guide-storage-off")) return;
  root.prepend(el("p", { className: "guide-storage-off" }, t("storage_off")));
}

// After a write: when the device did not keep it (storage full or blocked), says so in a live
// region at the top of the widget `element` belongs to; clears it once a write succeeds. Not said
// where the widget already tells that this browser keeps nothing. `isSaved`: storage.js's saved().
export function told(element, isSaved) {
  const root = element.closest("[data-guide-widget]") || element;
  let live = root.querySelector(":scope > .guide-save-failed");
  if (isSaved) {
    if (live) live.textContent = "";
    return;
  }
  if (root.querySelector(".guide-storage-off")) return;
  if (!live) {
    live = el("p", { className: "guide-save-failed guide-notice" });
    live.setAttribute("role", "status");
    root.prepend(live);
  }
  live.textContent = t("save_failed");
}

// A short message at the top of the widget `root` (the gate's report, a widget that failed).
export function notice(root, className, text) {
  const p = root.querySelector(`:scope > .${className}`) || el("p", { className: `${className} guide-notice` });
  p.textContent = text;
  root.prepend(p);
  return p;
}

// What the gate (record.js) left out ({ count, paths }), for the reader: "3 entries left out: …".
export const listed = (left) => left.paths.join(", ") + (left.count > left.paths.length ? ", …" : "");
export const recordLeftOut = (left) => t("record_left_out", { n: left.count, list: listed(left) });

// Prints with a class on <html> that the print rules read (blank checklist, plan only …) and,
// given `only`, that element marked data-printing (one checklist of the combined page); both go
// after printing, and at the latest when the next print starts.
let printed = () => {};
export function printWith(className, only) {
  printed();
  const root = document.documentElement;
  if (className) root.classList.add(className);
  only?.setAttribute("data-printing", "");
  printed = () => {
    if (className) root.classList.remove(className);
    only?.removeAttribute("data-printing");
  };
  window.addEventListener("afterprint", printed, { once: true });
  window.print();
}
