// Debian's Firefox ESR as the tests' drivers start it (firefox-print.mjs, firefox-journeys.mjs):
// puppeteer-core over WebDriver BiDi, headless, nothing downloaded; FIREFOX names the binary.
import puppeteer from "puppeteer-core";

export function launchFirefox(options = {}) {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    protocol: "webDriverBiDi",
    headless: true,
    ...options,
  });
}
