// Prints pages of the guide to PDF in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core: nothing downloaded), the way a reader's print dialog does: a paper size and the
// dialog's margins. The tests count the sheets each page takes (tests/test_browser_firefox.py).
//
//   node tools/firefox-print.mjs jobs.json
//
// jobs.json: [{"url": "http://…/techniques/remercier/", "path": "/tmp/out.pdf", "format": "A4",
// "margin": "5mm"}, …]. Prints {"errors": [...]} on stdout: the pages' script errors, if any.
import { readFileSync } from "node:fs";
import { launchFirefox } from "./firefox.mjs";

// Paper sizes in millimetres: puppeteer-core 23 hands BiDi a named format's inches as centimetres.
const PAPER = { A4: ["210mm", "297mm"], Letter: ["215.9mm", "279.4mm"] };

const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await launchFirefox();
const errors = [];
try {
  const page = await browser.newPage();
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  let loaded = null;
  for (const job of jobs) {
    if (job.url !== loaded) await page.goto(job.url, { waitUntil: "load" }); // a page's papers one after the other, from one load
    loaded = job.url;
    const m = job.margin;
    const [width, height] = PAPER[job.format];
    await page.pdf({ path: job.path, width, height, margin: { top: m, right: m, bottom: m, left: m } });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ errors }) + "\n");
