// The entry of the guide's script (bundled by hooks/guide/assets.py into one classic script):
// mounts the widgets on every page Material shows. Importing a widget's module mounts nothing;
// this does, once per widget root, found by its data-guide-widget, then marks it data-mounted
// (the buttons that need JavaScript are shown only then).
import { mount as checklist } from "./checklist.js";
import { mount as quiz } from "./quiz.js";
import { mount as selfcheck } from "./selfcheck.js";
import { warnIfNotKept, notice, t, recordLeftOut } from "./dom.js";
import { leftOut, load, erase, replace, update, saved, isKept } from "./storage.js";
import { showEmbedCode, mountMyData, mountAssessment } from "./later.js";

// My data, on one page only, comes with extras.js (later.js): mounted once that has loaded.
const mydata = (root) => mountMyData(root, { load, erase, replace });
// So does the self-assessment, the heaviest widget, found on one page (and its embed); it and a
// technique's self-check are handed this page's storage (dom.js and selfcheck.js import none).
const store = { load, update, saved };
const assessment = (root) => mountAssessment(root, store);
const WIDGETS = { checklist, quiz, "self-check": (root) => selfcheck(root, store), assessment, "my-data": mydata };

// Each widget stands alone: one that throws while mounting shows a short message in its place
// (its static content stays readable), and the others still mount.
function mountPage() {
  const roots = [...document.querySelectorAll("[data-guide-widget]")].filter((root) => WIDGETS[root.dataset.guideWidget] && !root.dataset.mounted);
  if (roots.length) load(); // what the gate (record.js) leaves out is known before any widget mounts
  roots.forEach((root) => {
    const mounted = () => {
      root.querySelectorAll("[data-js-only]").forEach((element) => (element.hidden = false));
      root.querySelectorAll("[data-action=embed]").forEach((button) => button.addEventListener("click", () => showEmbedCode(button)));
      warnIfNotKept(root, isKept());
      root.dataset.mounted = "true";
    };
    const failed = () => {
      notice(root, "guide-widget-failed", t("widget_failed"));
      root.dataset.mounted = "failed";
    };
    try {
      const mounting = WIDGETS[root.dataset.guideWidget](root);
      if (mounting) mounting.then(mounted, failed);
      else mounted();
    } catch {
      failed();
    }
  });
  // told once a page, atop its first widget
  const left = leftOut();
  if (roots.length && left.count && !document.querySelector(".guide-left-out")) notice(roots[0], "guide-left-out", recordLeftOut(left));
}

if (window.document$) window.document$.subscribe(mountPage);
else mountPage();
