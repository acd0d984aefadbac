// Every full page of the website runs this (its own small bundle, overrides/main.html; not an embed
// page, the offline copy nor a SCORM package): it registers the guide's service worker (sw.js at
// the site's root, its precache list written by hooks/guide/pocket.py), tells it the page's
// language (it then keeps that language's pages too), and offers a new version once one is ready:
// the notice's button lets the waiting worker take over, and every open page reloads when it does,
// so no page mixes one version's HTML with another's scripts.
const script = document.currentScript;
const UPDATE_CHECK_MS = 300000; // a page back in view after 5 minutes or more asks for a new version

// The notice (overrides/main.html): a status region, there (empty) from the start so that it is announced.
// Its button shows the version waiting when it is pressed: one published after the notice was
// shown has taken the place of the one it offered.
function offer(registration) {
  const notice = document.querySelector("[data-guide-update]");
  if (!notice || notice.dataset.ready) return;
  const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button md-button--primary" });
  button.textContent = notice.dataset.button;
  button.addEventListener("click", () => {
    button.disabled = true;
    registration.waiting?.postMessage({ type: "skip-waiting" });
  });
  notice.dataset.ready = "true";
  notice.textContent = `${notice.dataset.text} `;
  notice.append(button);
}

async function register(container) {
  const worker = new URL(script.dataset.worker, location.href);
  let registration;
  try {
    registration = await container.register(worker.href, { scope: new URL("./", worker).href, updateViaCache: "none" });
  } catch {
    return; // refused (storage blocked, a private window): the guide works as it does without
  }
  if (!registration) return; // a browser that only pretends to register (the tests' own)
  container.ready.then((ready) => ready.active?.postMessage({ type: "language", lang: document.documentElement.lang }));
  // A new version: waiting already, installing (found as this page loaded), or found later.
  const installed = (candidate) => candidate && container.controller && offer(registration);
  const track = (candidate) => candidate?.addEventListener("statechange", () => candidate.state === "installed" && installed(candidate));
  installed(registration.waiting);
  track(registration.installing);
  registration.addEventListener("updatefound", () => track(registration.installing));
  let asked = Date.now();
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && Date.now() > asked + UPDATE_CHECK_MS) registration.update().catch(() => {}); // offline: asked again later
    asked = Date.now();
  });
}

function start() {
  const container = navigator.serviceWorker;
  if (!container || !script?.dataset.worker) return;
  // A page a worker served reloads when another takes over (a new version: its files would not be
  // this page's); the first worker taking over the page it was installed from changes nothing, nor
  // does the same worker announced again (Firefox does once the first worker, having taken the page
  // over, becomes active: a reload then would cut short whatever the reader had started).
  let controller = container.controller;
  container.addEventListener("controllerchange", () => {
    if (controller && container.controller !== controller) location.reload();
    controller = container.controller;
  });
  if (document.readyState === "complete") register(container);
  else window.addEventListener("load", () => register(container), { once: true });
}

start();
