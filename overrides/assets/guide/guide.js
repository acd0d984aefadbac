// The entry of the guide's script (bundled by hooks/guide/assets.py into one classic script):
// mounts the widgets on every page Material shows. Importing a widget's module mounts nothing;
// this does, once per widget root, found by its data-guide-widget, then marks it data-mounted
// (the buttons that need JavaScript are shown only then).
import { mount as checklist } from "./checklist.js";
import { mount as quiz } from "./quiz.js";
import { mount as selfcheck } from "./selfcheck.js";
import { mount as assessment } from "./assessment.js";
import { mount as mydata } from "./mydata.js";
import { warnIfNotKept } from "./dom.js";
import { showEmbedCode } from "./later.js";
import { resizeFrame } from "./frame.js";
import { pageConfig } from "./config.js";

const WIDGETS = { checklist, quiz, "self-check": selfcheck, assessment, mydata };

function mountPage() {
  document.querySelectorAll("[data-guide-widget]").forEach((root) => {
    const mount = WIDGETS[root.dataset.guideWidget];
    if (!mount || root.dataset.mounted) return;
    mount(root);
    root.querySelectorAll("[data-js-only]").forEach((element) => (element.hidden = false));
    root.querySelectorAll("[data-action=embed]").forEach((button) => button.addEventListener("click", () => showEmbedCode(button)));
    warnIfNotKept(root);
    root.dataset.mounted = "true";
  });
}

if (window.document$) window.document$.subscribe(mountPage);
else mountPage();
if (pageConfig().embed) resizeFrame(document.querySelector(".guide-embed article"));
