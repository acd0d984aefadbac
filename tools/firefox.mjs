// Debian's Firefox ESR as the tests' driver starts it (firefox-journeys.mjs):
// puppeteer-core over WebDriver BiDi, headless, nothing downloaded; FIREFOX names the binary.
// Service workers off: the guide's would precache a whole language on every page's first visit
// (its own tests run in Chromium, tests/test_browser_pocket.py).
import puppeteer from "puppeteer-core";

export function launchFirefox(options = {}) {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    protocol: "webDriverBiDi",
    headless: true,
    ...options,
    extraPrefsFirefox: { "dom.serviceWorkers.enabled": false, ...options.extraPrefsFirefox },
  });
}
