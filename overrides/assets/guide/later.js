// What few readers open, the quiz's projector, the "Embed" dialog, My data, the self-assessment and the calendar file: fetched with their style on
// first use, so no page loads them before (assets.py bundles them as extras.js, a classic script
// beside guide.js, as the offline copy and the SCORM packages need; the page's policy allows 'self').
import { notice, t } from "./dom.js";

const BASE = document.currentScript?.src || location.href; // where guide.js is: extras.js is beside it
let loading = null;

function fetched(element) {
  return new Promise((resolve, reject) => {
    element.addEventListener("load", resolve, { once: true });
    element.addEventListener("error", () => reject(new Error(`${element.src || element.href} could not be loaded`)), { once: true });
    document.head.append(element);
  });
}

function extras() {
  if (!loading) {
    loading = Promise.all([
      fetched(Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("interactive.css", BASE).href })),
      fetched(Object.assign(document.createElement("script"), { src: new URL("extras.js", BASE).href })),
    ]).then(
      () => window.guideExtras,
      (error) => {
        loading = null; // the next click tries again
        throw error;
      },
    );
  }
  return loading;
}

// What a click asks of extras.js (`use`), once it is there. When it cannot be had (offline, a
// network that dropped it), the widget of the button clicked (`opener`) says so; the next click tries again.
function opened(opener, use) {
  const root = opener.closest("[data-guide-widget]");
  return extras().then(
    (loaded) => {
      root?.querySelector(":scope > .guide-load-failed")?.remove();
      return use(loaded);
    },
    () => root && notice(root, "guide-load-failed", t("load_failed")).setAttribute("role", "alert"),
  );
}

// Opens the projector on a quiz form (projector.js), once its code is there.
export const project = (form, opener) => opened(opener, (loaded) => loaded.project(form, opener));
// Mounts My data (mydata.js) on `root`, once its code is there: a promise. `store` is this page's
// storage.js, handed in (extras.js bundles none): what it keeps for the visit (a record storage
// refused, what the gate left out) is the page's.
export const mountMyData = (root, store) => extras().then((loaded) => loaded.mydata(root, store));
// Mounts the self-assessment (assessment.js) on `root`, once its code is there: a promise; `store`
// as for My data.
export const mountAssessment = (root, store) => extras().then((loaded) => loaded.assessment(root, store));
// Shows a widget's embed code (embedcode.js), once its code is there.
export const showEmbedCode = (button) => opened(button, (loaded) => loaded.showEmbedCode(button));
