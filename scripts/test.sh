#!/usr/bin/env bash
# The guide's whole test suite from a fresh machine: Python packages in .venv; Debian's Chromium
# and its headless shell for the browser tests (Playwright cannot download its own browser here),
# Debian's Firefox ESR for the print tests and the journeys in Firefox (driven by puppeteer-core
# over WebDriver BiDi) and Debian's Java for the HTML checker, when they are missing; Lighthouse
# and the checker from npm (tools/); then the linters, the scripts' unit tests and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the tests…"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Lighthouse 12 and vnu-jar, pinned by tools/package-lock.json (Lighthouse uses the system
# Chromium, vnu-jar the system Java: no install script is run, none downloads anything more).
# Installed again whenever the lock file changes.
if ! cmp -s tools/package-lock.json tools/node_modules/.installed-from-lock.json; then
  npm ci --prefix tools --ignore-scripts --no-audit --no-fund --loglevel=error
  cp tools/package-lock.json tools/node_modules/.installed-from-lock.json
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt

# Linters, pinned, with no finding allowed: ruff (ruff.toml) for Python, ESLint (eslint.config.mjs)
# for the guide's scripts and their unit tests.
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
tools/node_modules/.bin/eslint overrides/assets/guide tools/lighthouse.mjs tools/firefox-journeys.mjs tests/js
# The scripts' logic in Node, with no page (the saved record, scores and bands, the calendar file,
# the SCORM record and session): Node's own test runner, nothing to install, a few seconds.
node --test --test-reporter=spec tests/js/
# Two workers (pytest-xdist), each with its own Chromium, on two cores: the suite keeps both busy
# (the machine's counters show them idle for under a tenth of a run, with two workers as with
# four, and four are no faster). The process that runs them builds the sites once, in the
# background (tests/support/builds.py). A worker left without tests takes some of the other's
# (worksteal), and the slow tests start first (tests/conftest.py).
NO_MKDOCS_2_WARNING=1 exec .venv/bin/pytest -n 2 --dist worksteal "$@"
