// Lighthouse (mobile, its default settings) on several pages with one Chrome and one Node process:
//   CHROME_PATH=… node tools/lighthouse.mjs OUT_DIR CATEGORIES CHROME_FLAGS URL…
// CATEGORIES is comma-separated (the tests: accessibility,best-practices,seo; the benchmark:
// performance); CHROME_FLAGS is one string. Writes OUT_DIR/<n>.json, the Lighthouse result of the
// n-th URL (the same URL may come several times). Each `lighthouse` command would spend about 6 s
// starting Node and Chrome; here a page takes about 6 s in all. Lighthouse clears the origin's
// storage before each page, as a fresh run does; the full-page screenshot (only drawn in an HTML
// report) and the back/forward-cache check (taken after the trace, counted in no score) are skipped.
// Without the performance category, the machine benchmark Lighthouse runs before each page (a
// second of busy loop, reported as `environment.benchmarkIndex` and used for nothing else) is not.
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";

const [out, categories, chromeFlags, ...urls] = process.argv.slice(2);
if (!categories.split(",").includes("performance")) pageFunctions.computeBenchmarkIndex = () => -1;
const chrome = await chromeLauncher.launch({ chromeFlags: chromeFlags.split(" ").filter(Boolean) });
try {
  for (const [n, url] of urls.entries()) {
    const flags = {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: categories.split(","), disableFullPageScreenshot: true, skipAudits: ["bf-cache"],
    };
    const result = await lighthouse(url, flags);
    fs.writeFileSync(path.join(out, `${n}.json`), result.report);
  }
} finally {
  await chrome.kill();
}
