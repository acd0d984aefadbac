// JavaScript lint for the guide's scripts and the tests' Node tools (scripts/test.sh runs it: zero findings). ESLint and its
// configs are installed in tools/ (tools/package.json), so they are loaded from there.
import { createRequire } from "node:module";

const require = createRequire(new URL("./tools/", import.meta.url));
const js = require("@eslint/js");
const globals = require("globals");

export default [
  js.configs.recommended,
  {
    files: ["overrides/assets/guide/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules: { eqeqeq: ["error", "smart"], "prefer-const": "error", "no-var": "error", "no-shadow": "error" },
  },
  {
    files: ["overrides/assets/guide/embed.js"], // the host script: a classic script for any page
    languageOptions: { sourceType: "script" },
    rules: { "no-var": "off" },
  },
  {
    files: ["overrides/assets/guide/worker.js"], // the service worker: a classic script, its precache list and offline page's words written before it (hooks/guide/pocket.py)
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker, PRECACHE: "readonly", OFFLINE: "readonly" } },
  },
  {
    files: ["tools/*.mjs"], // the tests' Lighthouse driver, run by Node
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    files: ["tests/js/*.mjs"], // the scripts' unit tests, run by Node's test runner (node --test tests/js/)
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
    rules: { eqeqeq: ["error", "smart"], "prefer-const": "error", "no-var": "error", "no-shadow": "error" },
  },
];
