// Lighthouse on each URL given, in order, printing one JSON line of measures per run.
//
//     CHROME_PATH=/usr/bin/chromium CHROME_FLAGS='--no-sandbox …' node bench/lighthouse.mjs URL…
//
// Why not the CLI: each `lighthouse` command spends about 6 s of its 13 s starting Node and Chrome
// and exiting; here one Node process and one Chrome (a new tab per run, its cache and the origin's
// storage cleared by Lighthouse as usual) make a run about 6 s. Settings are Lighthouse's mobile
// defaults, performance only; the full-page screenshot and the back/forward-cache check, taken
// after the trace and counted in no metric, are skipped.
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const load = async name => import(pathToFileURL(require.resolve(name)));
const lighthouse = (await load('lighthouse')).default;
const chromeLauncher = await load('chrome-launcher');

// bench/stock.py passes tests/conftest.py's CHROMIUM_FLAGS, as tests/test_lighthouse.py does
const chromeFlags = ['--headless=new', ...(process.env.CHROME_FLAGS || '').split(' ').filter(Boolean)];
const chrome = await chromeLauncher.launch({chromeFlags});
try {
  for (const url of process.argv.slice(2)) {
    const {lhr} = await lighthouse(url, {
      port: chrome.port, onlyCategories: ['performance'], logLevel: 'error',
      disableFullPageScreenshot: true, skipAudits: ['bf-cache'],
    });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const value = id => lhr.audits[id].numericValue;
    console.log(JSON.stringify({
      url, fcp: value('first-contentful-paint'), lcp: value('largest-contentful-paint'),
      score: lhr.categories.performance.score, bytes: value('total-byte-weight'),
    }));
  }
} finally {
  await chrome.kill();
}
process.exit(0); // Lighthouse leaves handles open that would hold Node for seconds
