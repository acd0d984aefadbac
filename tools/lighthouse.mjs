// Lighthouse (mobile, its default settings) on several pages with one Chrome and one Node process:
//   CHROME_PATH=… node tools/lighthouse.mjs OUT_DIR CATEGORIES CHROME_FLAGS URL…
// CATEGORIES is comma-separated (the tests: accessibility,best-practices,seo; the benchmark:
// performance); CHROME_FLAGS is one string. Writes OUT_DIR/<n>.json, the Lighthouse result of the
// n-th URL (the same URL may come several times). Each `lighthouse` command would spend about 6 s
// starting Node and Chrome; here a page takes about 4 s in all (2.5 s in the tests, below).
// Lighthouse clears the origin's storage before each page, as a fresh run does; the full-page
// screenshot (only drawn in an HTML report) and the back/forward-cache check (taken after the
// trace, counted in no score) are skipped.
// Without the performance category, nothing is timed: the machine benchmark Lighthouse runs before
// each page (a second of busy loop, reported as `environment.benchmarkIndex` and used for nothing
// else) is skipped, and a page is audited once the network and the main thread have been quiet for
// 250 ms (not a second, and no pause after the first paint).
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";
import puppeteer from "puppeteer-core";

const [out, categoryList, chromeFlags, ...urls] = process.argv.slice(2);
const categories = categoryList.split(",");
const timed = categories.includes("performance");
if (!timed) pageFunctions.computeBenchmarkIndex = () => -1;
const quiet = timed ? {} : { pauseAfterFcpMs: 0, pauseAfterLoadMs: 250, networkQuietThresholdMs: 250, cpuQuietThresholdMs: 250 };
// The guide's service worker would precache a whole language on each page's first visit (Lighthouse
// empties the origin's storage before every page): registering one does nothing here, as in the
// tests' browser contexts (the guide's pages carry on without it; tests/test_browser_pocket.py tests it).
const NO_SERVICE_WORKER = "if (self.ServiceWorkerContainer) ServiceWorkerContainer.prototype.register = async () => undefined;";
const chrome = await chromeLauncher.launch({ chromeFlags: chromeFlags.split(" ").filter(Boolean) });
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(NO_SERVICE_WORKER);
  for (const [n, url] of urls.entries()) {
    const flags = {
      output: "json", logLevel: "error",
      onlyCategories: categories, disableFullPageScreenshot: true, skipAudits: ["bf-cache"], ...quiet,
    };
    const result = await lighthouse(url, flags, undefined, page);
    fs.writeFileSync(path.join(out, `${n}.json`), result.report);
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}
