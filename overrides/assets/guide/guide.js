// The entry of the guide's script (bundled by hooks/guide/assets.py into one classic script):
// mounts the widgets on every page Material shows. Importing a widget's module mounts nothing;
// this does, once per widget root, found by its data-guide-widget, then marks it data-mounted
// (the buttons that need JavaScript are shown only then).
import { mount as checklist } from "./checklist.js";
import { mount as quiz } from "./quiz.js";
import { mount as selfcheck } from "./selfcheck.js";
import { mount as assessment } from "./assessment.js";
import { mount as mydata } from "./mydata.js";
import { warnIfNotKept, notice, t, recordLeftOut } from "./dom.js";
import { leftOut } from "./storage.js";
import { showEmbedCode } from "./later.js";
import { resizeFrame } from "./frame.js";
import { pageConfig } from "./config.js";

const WIDGETS = { checklist, quiz, selfcheck, assessment, mydata };

// Each widget stands alone: one that throws while mounting shows a short message in its place
// (its static content stays readable), and the others still mount.
function mountPage() {
  const roots = [...document.querySelectorAll("[data-guide-widget]")].filter((root) => WIDGETS[root.dataset.guideWidget] && !root.dataset.mounted);
  roots.forEach((root) => {
    try {
      WIDGETS[root.dataset.guideWidget](root);
      root.querySelectorAll("[data-js-only]").forEach((element) => (element.hidden = false));
      root.querySelectorAll("[data-action=embed]").forEach((button) => button.addEventListener("click", () => showEmbedCode(button)));
      warnIfNotKept(root);
      root.dataset.mounted = "true";
    } catch (error) {
      notice(root, "guide-widget-failed", t("widget_failed"));
      root.dataset.mounted = "failed";
      console.warn("guide: a widget failed to mount", error);
    }
  });
  // what the gate (record.js) left out of the stored record: told once a page, atop its first widget
  const left = leftOut();
  if (roots.length && left.count && !document.querySelector(".guide-left-out")) notice(roots[0], "guide-left-out", recordLeftOut(left));
}

if (window.document$) window.document$.subscribe(mountPage);
else mountPage();
if (pageConfig().embed) resizeFrame(document.querySelector(".guide-embed article"));
