// Runs readers' journeys through the guide in Firefox (Debian's firefox-esr, driven over WebDriver
// BiDi by puppeteer-core: nothing downloaded): one browser for every journey, each journey in a
// fresh browser context (its own storage). The steps are data written by the tests
// (tests/test_browser_firefox.py), which assert on what comes back; this file only plays them.
//
//   node tools/firefox-journeys.mjs journeys.json
//
// journeys.json: [{"name": "…", "origin": "http://127.0.0.1:8000" or "file://", "worker": true, "steps": [step, …]}]
// ("worker": the guide's service worker may run; in other journeys the page has no
// navigator.serviceWorker, as with Firefox's dom.serviceWorkers.enabled off: the guide's worker
// would precache a whole language on each journey's first page) where a step is one of
//   {"goto": url}          open a page and wait until every widget on it is mounted
//   {"reload": true}       reload, the same way
//   {"follow": selector}   click a link and wait for the page it leads to, the same way
//   {"hover": selector} {"click": selector} {"focus": selector}
//   {"press": key}         a key, as puppeteer names it ("ArrowRight", "PageDown", " ", "Escape")
//   {"type": text}         text typed into whatever has the focus
//   {"wait": selector}     until it is visible;  {"gone": selector}  until it is hidden or absent
//   {"observe": name, "js": "() => …"}   the function's result, run in the page, kept under `name`
//   {"fetch": url}         a request from this driver, not the page (the tests' server takes the
//                          network away when asked at an address of its own)
//   {"pdf": {"path": "/tmp/out.pdf", "format": "A4" or "Letter", "margin": "5mm"}}   the page
//                          printed as a reader's print dialog does: a paper, and its margins
// Prints on stdout {name: {"observed": {…}, "errors": [...], "foreign": [...], "failed": null or
// "step n: …"}} for every journey: "errors" are the page's script errors (Firefox reports a
// Content-Security-Policy violation as one; the securitypolicyviolation event is logged too),
// console errors, failed requests and responses of 400 or more, but not what leaving a page cuts
// short (as tests/support/browser.py has it in Chromium); "foreign" every request to
// another origin than the journey's. A failed step ends its journey, not the run.
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";

// A page is ready once every widget on it is mounted, as tests/conftest.py's open_page waits for it.
const MOUNTED = `!document.querySelector("[data-guide-widget]:not([data-mounted])")`;
const TIMEOUT = 10000;
// Firefox's word for a load cut short by leaving the page: a request, or the search worker's
// importScripts, whose failure it reports as the page's error. Each journey checks the page it
// reached, so a navigation cut short by something else still shows.
const CUT_SHORT = "NS_BINDING_ABORTED";
const REPORT_CSP = `document.addEventListener("securitypolicyviolation", (e) =>
  console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`;

async function ready(page) {
  await page.waitForFunction(MOUNTED, { timeout: TIMEOUT });
}

async function navigation(page, action) {
  await Promise.all([page.waitForNavigation({ waitUntil: "load", timeout: TIMEOUT }), action()]);
  await ready(page);
}

// Paper sizes in millimetres: puppeteer-core 23 hands BiDi a named format's inches as centimetres.
const PAPER = { A4: ["210mm", "297mm"], Letter: ["215.9mm", "279.4mm"] };

const STEPS = {
  goto: async (page, url) => {
    await page.goto(url, { waitUntil: "load", timeout: TIMEOUT });
    await ready(page);
  },
  reload: async (page) => {
    await page.reload({ waitUntil: "load", timeout: TIMEOUT });
    await ready(page);
  },
  follow: (page, selector) => navigation(page, () => page.click(selector)),
  hover: (page, selector) => page.hover(selector),
  click: (page, selector) => page.click(selector),
  focus: (page, selector) => page.focus(selector),
  press: (page, key) => page.keyboard.press(key),
  type: (page, text) => page.keyboard.type(text),
  // What comes in the background (a new version kept whole by its worker, search results) is given
  // longer than a page's load on a busy machine, as the Chromium tests give it.
  wait: (page, selector) => page.waitForSelector(selector, { visible: true, timeout: 3 * TIMEOUT }),
  gone: (page, selector) => page.waitForSelector(selector, { hidden: true, timeout: TIMEOUT }),
  fetch: async (page, url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
  },
  pdf: (page, { path, format, margin: m }) => {
    const [width, height] = PAPER[format];
    return page.pdf({ path, width, height, margin: { top: m, right: m, bottom: m, left: m } });
  },
};

function foreign(url, origin) {
  if (/^(data|blob|about):/.test(url)) return false;
  return origin === "file://" ? !url.startsWith("file://") : new URL(url).origin !== origin;
}

async function run(browser, journey) {
  const context = await browser.createBrowserContext();
  const result = { observed: {}, errors: [], foreign: [], failed: null };
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on("pageerror", (error) => error.message !== CUT_SHORT && result.errors.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && result.errors.push(`console: ${message.text()}`));
    page.on("request", (request) => foreign(request.url(), journey.origin) && result.foreign.push(request.url()));
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText;
      if (reason !== CUT_SHORT) result.errors.push(`failed: ${request.url()} ${reason}`);
    });
    page.on("response", (response) => response.status() >= 400 && result.errors.push(`${response.status()}: ${response.url()}`));
    await page.evaluateOnNewDocument(REPORT_CSP);
    if (!journey.worker) await page.evaluateOnNewDocument("delete Navigator.prototype.serviceWorker;");
    for (const [index, step] of journey.steps.entries()) {
      try {
        if ("observe" in step) {
          result.observed[step.observe] = await page.evaluate(`(${step.js})()`);
          continue;
        }
        const [verb, argument] = Object.entries(step)[0];
        await STEPS[verb](page, argument);
      } catch (error) {
        result.failed = `step ${index} ${JSON.stringify(step)}: ${error.message}`;
        break;
      }
    }
  } finally {
    await context.close();
  }
  return result;
}

const journeys = JSON.parse(readFileSync(process.argv[2], "utf8"));
// Debian's Firefox ESR, headless, over WebDriver BiDi; FIREFOX names the binary.
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  protocol: "webDriverBiDi",
  headless: true,
  defaultViewport: { width: 1280, height: 800 },
});
const results = {};
try {
  for (const journey of journeys) results[journey.name] = await run(browser, journey);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results) + "\n");
