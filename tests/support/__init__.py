"""What the test modules share (no test module imports another: tests/test_suite_rules.py).

project: the project's root, languages and guide; builds: MkDocs runs and the shared site builds;
server: the gzip static server; browser: Chromium, pages, the saved record; axe: the accessibility
check; site: reading the built site; printed: reading printed sheets; widgets: driving the quiz and
the self-assessment; factories: small guides written for the engine's tests."""
