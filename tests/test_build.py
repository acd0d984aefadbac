"""Whole builds of a copy of the project with one thing broken, as a trainer with a text editor on
Windows breaks it: the build stops with one line that names the file, the key path or line, the
reason and what to do, with no traceback, and writes nothing: a fresh output folder stays unmade,
an existing site stays as it was, and no half-built folder is left beside it."""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.builds import build_site, edit
from support.project import ROOT

OLD_SITE = {"index.html": "<p>the site as it was</p>", "en/index.html": "<p>as it was</p>", "old-page/index.html": "kept"}


def old_site(site: Path) -> None:
    """A site built before: a failed build must leave it exactly so."""
    for path, text in OLD_SITE.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")


def site_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()}


def failed_build(project: Path, existing: bool = False, **env: str) -> str:
    """The one error line of a build that must fail; the output folder checked: unmade when it was
    fresh, as it was when it held a site; nothing left beside it."""
    site = project / "site"
    if existing:
        old_site(site)
    result = build_site(site, project / "mkdocs.yml", **env)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    if existing:
        assert site_files(site) == OLD_SITE
    else:
        assert not site.exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []  # no half-built folder left
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    return re.sub(r"^ERROR\s+-\s+", "", errors[0])


# --- how an editor breaks things ---------------------------------------------------------------

Action = Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Action:
    return lambda project: edit(project / file, old, new)


def save_as(file: str, encode: Callable[[str], bytes]) -> Action:
    """The file saved again by an editor that writes its text as `encode` does."""
    return lambda project: (project / file).write_bytes(encode((project / file).read_text(encoding="utf-8")))


def add(file: str, content: str | bytes = "") -> Action:
    def act(project: Path) -> None:
        path = project / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return act


def remove(*files: str) -> Action:
    return lambda project: [(project / file).unlink() for file in files]


def link(file: str, target: str) -> Action:
    def act(project: Path) -> None:
        path = project / file
        if path.exists():
            path.unlink()
        os.symlink(target, path)

    return act


def steps(*actions: Action) -> Action:
    return lambda project: [action(project) for action in actions]


def cp1252_at(word: str) -> Callable[[str], bytes]:
    """UTF-8 text with one word typed again by an editor saving as Windows-1252 ("ANSI")."""
    return lambda text: text.replace(word, "\x00", 1).encode("utf-8").replace(b"\x00", word.encode("cp1252"))


R = "docs/techniques/remercier.yml"
CURLY = (
    "this text is in curly quotes (a word processor's “…”), which YAML takes as part of the text: "
    'type straight quotes "…" in their place, or, to show them, put straight ones around them "“…”"'
)
AP = "docs/techniques/attitude-positive.yml"  # week 1
PLAN_KEYS = "objective, last_week, question, read, pairs, quiz, commitment, takeaway, short"
RM, RE = "docs/techniques/remercier.md", "docs/techniques/remercier.en.md"
S = "hooks/guide/strings.yml"
KNOWN_TECHNIQUES = (
    "attitude-positive, poser-des-questions, contact-visuel, aider-les-autres, digne-de-confiance, suivi-des-recommandations, remercier"
)
TOP_KEYS = "id, number, title, summary, practice, checklist, questions, statements, bands, plan"
KEPT = "neither published nor read: delete it or move it out of docs/"
ALONE = "a marker stands alone on its line, at the top level of the page (not in a list, quote, admonition, table or HTML block)"
NOT_ALIGNED = (
    "invalid YAML (did not find expected key): this line does not line up with the keys above it, or a quote above is left open "
    "(or text follows its closing quote): check the indentation and the quotes"
)
WIDGETS = "checklist, quiz, self-check, checklists, assessment, answer-key, my-data, plan, downloads"

# The catalogue: (what the editor did, how, the exact line the build ends with).
# 1. Files as editors save them
FILES = [
    (
        "content saved as Windows-1252",
        save_as(R, cp1252_at("précis")),
        f"{R}: line 20, column 41: not UTF-8 (byte 0xE9, “é” in Windows-1252, “ANSI” in Notepad): save the file as UTF-8",
    ),
    (
        "page saved as Windows-1252",
        save_as(RM, cp1252_at("Où")),
        f"{RM}: line 50, column 5: not UTF-8 (byte 0xF9, “ù” in Windows-1252, “ANSI” in Notepad): save the file as UTF-8",
    ),
    (
        "article saved as Windows-1252 (a curly apostrophe)",
        save_as("docs/article.en.md", cp1252_at("’")),
        "docs/article.en.md: line 8, column 291: not UTF-8 (byte 0x92, “’” in Windows-1252, “ANSI” in Notepad): save the file as UTF-8",
    ),
    (
        "the whole-article quiz saved as UTF-16 (Notepad's “Unicode”)",
        save_as("docs/quiz.yml", lambda text: text.encode("utf-16")),
        "docs/quiz.yml: line 1: saved as UTF-16 (“Unicode” in Notepad), not UTF-8: save it again as UTF-8",
    ),
    (
        "a page saved as UTF-16 without a byte-order mark",
        save_as(RE, lambda text: text.encode("utf-16-le")),
        f"{RE}: line 1: saved as UTF-16 (“Unicode” in Notepad), not UTF-8: save it again as UTF-8",
    ),
    (
        "a word processor's line break (vertical tab) in a text",
        replace(R, "Listez les personnes", "Listez\x0bles personnes"),
        f"{R}: line 16, column 20: an invisible U+000B VERTICAL TAB, a word processor's line break: delete it",
    ),
    (
        "a NUL byte in a page",
        replace(RM, "# 7. Remerciez", "# 7.\x00 Remerciez"),
        f"{RM}: line 6, column 5: an invisible U+0000 NUL: delete it",
    ),
    (
        "a page break (form feed) in a page",
        replace(RE, "## My checklist", "\x0c## My checklist"),
        f"{RE}: line 42, column 1: an invisible U+000C FORM FEED, a page break: delete it",
    ),
    (
        "a Unicode line separator in a text",
        replace(R, "Listez les personnes", "Listez\u2028les personnes"),
        f"{R}: line 16, column 20: an invisible U+2028 LINE SEPARATOR: delete it",
    ),
    (
        "a right-to-left override in a page",
        replace(RE, "# 7. Thank people", "# 7. \u202eThank people"),
        f"{RE}: line 6, column 6: an invisible U+202E RIGHT-TO-LEFT OVERRIDE: delete it",
    ),
    (
        "two files pasted together (a byte-order mark in the middle)",
        replace(R, "number: 7", "number: 7\n\ufeff# from the other file"),
        f"{R}: line 3, column 1: an invisible U+FEFF ZERO WIDTH NO-BREAK SPACE: delete it",
    ),
    (
        "a content file that is a link to nowhere",
        link(R, "../../../elsewhere/remercier.yml"),
        f"{R}: (file): a link to nowhere (../../../elsewhere/remercier.yml does not exist): replace the link with the file, or delete it",
    ),
    (
        "a page that is a link to itself",
        link(RM, "remercier.md"),
        f"{RM}: (file): a link that leads back to itself (a loop): replace the link with the file, or delete it",
    ),
    (
        "a folder that is a link to the folder holding it",
        link("docs/techniques/all", ".."),
        "docs/techniques/all: (folder): a link to a folder that holds it (a loop): delete the link",
    ),
    (
        "an editor's .bak copy",
        add(f"{R}.bak", "id: remercier\n"),
        f"{R}.bak: (file): an editor's backup or temporary copy of remercier.yml, {KEPT}",
    ),
    ("an editor's ~ copy of a page", add(f"{RM}~", "# old\n"), f"{RM}~: (file): an editor's backup copy of remercier.md, {KEPT}"),
    (
        "a merge's .orig file",
        add("docs/quiz.yml.orig", "id: article\n"),
        f"docs/quiz.yml.orig: (file): an editor's backup or temporary copy of quiz.yml, {KEPT}",
    ),
    (
        "Explorer's “Copy of”",
        add("docs/techniques/Copy of remercier.yml", "id: remercier\n"),
        f"docs/techniques/Copy of remercier.yml: (file): a copy of remercier.yml, {KEPT}",
    ),
    (
        "a second download, “(1)”",
        add("docs/techniques/remercier (1).yml", "id: remercier\n"),
        f"docs/techniques/remercier (1).yml: (file): a copy of remercier.yml, {KEPT}",
    ),
    (
        "French Explorer's “- Copie”",
        add("docs/techniques/remercier - Copie.md", "# copie\n"),
        f"docs/techniques/remercier - Copie.md: (file): a copy of remercier.md, {KEPT}",
    ),
    (
        "Notepad's extra .txt",
        add("docs/techniques/nouvelle.yml.txt", "id: nouvelle\n"),
        "docs/techniques/nouvelle.yml.txt: (file): saved with an extra .txt (Notepad adds it when “Save as type” is “Text Documents”): "
        "rename it nouvelle.yml",
    ),
    (
        "a .yaml content file",
        add("docs/techniques/nouvelle.yaml", "id: nouvelle\n"),
        "docs/techniques/nouvelle.yaml: (file): content files end in .yml (in lowercase): rename it nouvelle.yml, "
        "or delete it (it is neither published nor read)",
    ),
    (
        "a content file named with a capital",
        add("docs/techniques/Nouvelle.yml", "id: nouvelle\n"),
        "docs/techniques/Nouvelle.yml: (file): 'Nouvelle' is not a technique ID (lowercase-kebab-case, e.g. remercier): "
        "rename the file after the technique's ID, or delete it (it is neither published nor read)",
    ),
    (
        "a content file out of place",
        add("docs/remercier.yml", "id: remercier\n"),
        "docs/remercier.yml: (file): a content file out of place: a technique's content is docs/techniques/<ID>.yml and the "
        "whole-article quiz docs/quiz.yml; move it there or delete it (it is neither published nor read)",
    ),
    (
        "a page named .MD",
        add("docs/techniques/nouvelle.MD", "# Nouvelle\n"),
        "docs/techniques/nouvelle.MD: (file): a page's name ends in .md (in lowercase): rename it nouvelle.md",
    ),
    (
        "a page named .markdown",
        add("docs/notes.markdown", "# Notes\n"),
        "docs/notes.markdown: (file): a page's name ends in .md (in lowercase): rename it notes.md",
    ),
    (
        "an old copy of a page, .old.md",
        add("docs/article.old.md", "# Ancien\n"),
        "docs/article.old.md: (file): '.old' in a page's name is not one of the site's languages (fr, en): rename it, "
        "or if it is an old copy, delete it or move it out of docs/",
    ),
    (
        "the French page named .fr.md",
        add("docs/contact.fr.md", "# Contact\n"),
        "docs/contact.fr.md: (file): a page in the default language (fr) has no language in its name: rename it contact.md",
    ),
    (
        "a photo no page uses",
        add("docs/images/photo.jpg", b"\xff\xd8\xff\xe0 not really a photo"),
        "docs/images/photo.jpg: (file): no page uses it, so it would not be published: link it from a page, or delete it or move it out of docs/",
    ),
    (
        "a draft of the article in Word",
        add("docs/article brouillon.docx", b"PK\x03\x04 a draft"),
        "docs/article brouillon.docx: (file): no page uses it, so it would not be published: link it from a page, "
        "or delete it or move it out of docs/",
    ),
    (
        "a technique's content without its pages",
        remove(RM, RE),
        f"{RM}: (page): missing: {R} needs this page, with <!-- guide:checklist remercier -->, <!-- guide:quiz remercier -->, "
        "<!-- guide:self-check remercier -->: add it",
    ),
    (
        "a technique's pages without their content",
        steps(add("docs/techniques/nouvelle.md", "# Nouvelle\n"), add("docs/techniques/nouvelle.en.md", "# New\n")),
        "docs/techniques/nouvelle.md: (page): a technique page without its content file techniques/nouvelle.yml: add it, "
        "or move the page out of docs/techniques/",
    ),
    (
        "a technique's content deleted from the middle of the series",
        remove("docs/techniques/aider-les-autres.yml"),  # number 4 of 7: its page is named, not number 5's file
        "docs/techniques/aider-les-autres.md: (page): a technique page without its content file techniques/aider-les-autres.yml: "
        "add it, or move the page out of docs/techniques/",
    ),
    ("a page without its translation", add("docs/extra.md", "# Extra\n"), "docs/extra.md: (page): no 'en' translation (extra.en.md)"),
    ("the whole-article quiz deleted", remove("docs/quiz.yml"), "docs/quiz.yml: (file): missing: the whole-article quiz"),
    ("the English article deleted", remove("docs/article.en.md"), "docs/article.en.md: (file): missing"),
    ("the interface strings deleted", remove("hooks/guide/strings.yml"), "hooks/guide/strings.yml: (file): missing"),
    (
        "a string a template shows, renamed",
        replace("hooks/guide/strings.yml", "\norigin_quiz:", "\norigin_quizz:"),
        "hooks/guide/strings.yml: origin_quiz: missing, but the guide's pages show it: put it back, with its text in every language",
    ),
    (
        "a string the plans show, renamed",
        replace("hooks/guide/strings.yml", "\ntrainer_source_line:", "\ntrainer_source_lines:"),
        "hooks/guide/strings.yml: trainer_source_line: missing, but the guide's pages show it: put it back, with its text in every language",
    ),
    (
        "the interface strings saved as Windows-1252",
        save_as("hooks/guide/strings.yml", cp1252_at("é")),
        "hooks/guide/strings.yml: line 7, column 16: not UTF-8 (byte 0xE9, “é” in Windows-1252, “ANSI” in Notepad): save the file as UTF-8",
    ),
]

# 2. YAML as people write it
YAML = [
    (
        "YAML syntax error",
        replace(R, "number: 7", "number: [7"),
        f"{R}: line 3, column 6: invalid YAML (did not find expected ',' or ']'): a list in [ ] is not closed: close it with ], "
        "or put the text in quotes",
    ),
    (
        "a missing colon",
        replace(R, "number: 7", "number 7"),
        f"{R}: line 2, column 1: invalid YAML (could not find expected ':'): a line without its colon (key: value), or a quote left open: "
        "add the colon or close the quote",
    ),
    (
        "a tab indent",
        replace(R, "title:\n  fr:", "title:\n\tfr:"),
        f"{R}: line 4: indented with a tab (YAML needs spaces): replace the tab with spaces",
    ),
    (
        "a key given twice",
        replace(R, "number: 7", "number: 7\nnumber: 8"),
        f"{R}: line 3: 'number' is given twice in the same place (first on line 2): keep one",
    ),
    (
        "smart quotes around a key",
        replace(R, "summary:", "“summary”:"),
        f"{R}: line 6: the key “summary” is in curly quotes (a word processor's): write it without quotes, summary:",
    ),
    (
        "Word's curly quotes around a text",
        replace(
            R,
            'en: "List the people who have helped you since your last event."',
            "en: “List the people who have helped you since your last event.”",
        ),
        f"{R}: line 17: {CURLY}",
    ),
    (
        "Word's curly quotes around a text with ': ' inside",
        replace(R, '  en: "Thank people"', "  en: “Thank people: all of them”"),
        f"{R}: line 5: {CURLY}",
    ),
    ("a dedented key", replace(R, '  en: "Thank people"', ' en: "Thank people"'), f"{R}: line 5, column 2: {NOT_ALIGNED}"),
    (
        "an unquoted text with ': ' inside",
        replace(R, '  en: "Thank people"', "  en: Thank people: all of them"),
        f"{R}: line 5, column 19: invalid YAML (mapping values are not allowed in this context): a ': ' inside a value YAML does not "
        'expect: put the whole text in quotes "…"',
    ),
    ("a quote left open", replace(R, '  en: "Thank people"', '  en: "Thank people'), f"{R}: line 7, column 8: {NOT_ALIGNED}"),
    (
        "an unquoted text cut by ' #'",
        replace(R, '  en: "Thank people"', "  en: Thank people #1 of the list"),
        f"{R}: title.en: the text stops at ' #' (line 5): YAML reads the rest of the line as a comment; put the whole text in quotes \"…\"",
    ),
    (
        "an unquoted text beginning with '#'",
        replace(R, '  en: "Thank people"', "  en: #7 Thank people"),
        f"{R}: title.en: the text begins with '#', which YAML reads as a comment, so it is empty: put the whole text in quotes \"…\"",
    ),
    (
        "yes where text is expected",
        replace(R, '  en: "Thank people"', "  en: Yes"),
        f'{R}: title.en: expected text, got Yes, which YAML reads as true: put the text in quotes "…"',
    ),
    (
        "a number where text is expected",
        replace(R, '"Thank people"', "42"),
        f'{R}: title.en: expected text, got 42, a number: put the text in quotes "…"',
    ),
    (
        "a date where text is expected",
        replace(R, '"Thank people"', "2025-01-31"),
        f'{R}: title.en: expected text, got 2025-01-31, which YAML reads as a date: put the text in quotes "…"',
    ),
    ("empty text", replace(R, '"Thank people"', '"  "'), f"{R}: title.en: empty text"),
    (
        "text of no-break spaces only",
        replace(R, '"Thank people"', '"\u00a0\u00a0"'),
        f"{R}: title.en: the text shows nothing (only no-break or other invisible spaces): write the text",
    ),
    (
        "a zero-width space in a text",
        replace(R, '"Thank people"', '"Thank\u200b people"'),
        f"{R}: title.en: the text holds an invisible U+200B ZERO WIDTH SPACE: delete it (it often comes with text copied from a web page)",
    ),
    (
        "a zero-width space in an ID",
        replace(R, "id: thank-hosts", "id: thank-\u200bhosts"),
        f"{R}: checklist.during[1].id: the ID 'thank-[U+200B]hosts' holds an invisible U+200B ZERO WIDTH SPACE: type the ID again",
    ),
    (
        "a no-break space after an ID (French typing)",
        replace(R, "id: thank-hosts", "id: thank-hosts\u00a0"),
        f"{R}: checklist.during[1].id: the ID 'thank-hosts[U+00A0]' holds an invisible U+00A0 NO-BREAK SPACE: type the ID again",
    ),
    (
        "a zero-width space in a key",
        replace(R, "summary:", "summ\u200bary:"),
        f"{R}: line 6: the key 'summ[U+200B]ary' holds an invisible U+200B ZERO WIDTH SPACE: type the key again",
    ),
    (
        "a no-break space after a key's colon (French typing)",
        replace(R, '  en: "Thank people"', '  en:\u00a0"Thank people"'),
        f"{R}: line 5: after 'en:' comes U+00A0 NO-BREAK SPACE, which YAML does not take for a space: type an ordinary space there",
    ),
    (
        "a no-break space before a key's colon (French typing)",
        replace(R, "summary:", "summary\u00a0:"),
        f"{R}: line 6: the key 'summary[U+00A0]' holds an invisible U+00A0 NO-BREAK SPACE: type the key again",
    ),
    (
        "an ID in a block that keeps its line break",
        replace(R, "  - id: ten-seconds-of-thanks", "  - id: |\n      ten-seconds-of-thanks"),
        f"{R}: questions[0].id: the ID 'ten-seconds-of-thanks' ends with a line break (a | or > block keeps one): "
        "write the ID on its key's line",
    ),
    (
        "an ID with capitals",
        replace(R, "id: thank-hosts", "id: Thank_Hosts"),
        f"{R}: checklist.during[1].id: expected an ID in lowercase-kebab-case (a–z, 0–9, single hyphens), got 'Thank_Hosts': write it thank-hosts",
    ),
    (
        "a duplicate item ID",
        replace(R, "id: prepare-specific-thanks", "id: list-helpers"),
        f"{R}: checklist.before[1].id: duplicate ID 'list-helpers' (also checklist.before[0]): give each its own",
    ),
    (
        "a technique's ID that is not its file's name",
        replace(R, "id: remercier", "id: contact-visuel"),
        f"{R}: id: 'contact-visuel' does not match the file name 'remercier.yml': a technique's ID is its file's name",
    ),
    (
        "a second document",
        replace(R, "number: 7\n", "number: 7\n---\nnumber: 8\n"),
        f"{R}: line 3: a second YAML document begins here (a '---' line): a content file holds one; delete this line, and what follows if it is a leftover",
    ),
    (
        "a list used as a key",
        replace(R, "number: 7\n", "number: 7\n[fr, en]: x\n"),
        f"{R}: line 3: a list used as a key: a key is a name followed by a colon (text: …); check the brackets and the '?'",
    ),
    (
        "an alias to no anchor",
        replace(R, '  en: "Thank people"', "  en: *title"),
        f"{R}: line 5: *title repeats no &title written before it (or one that holds it): fix the name",
    ),
    (
        "a merge key that brings no mapping",
        replace(R, "number: 7\n", "number: 7\n<<: 3\n"),
        f"{R}: line 3: a merge key (<<) brings the keys of a mapping (<<: *name): this is no mapping",
    ),
    (
        "a Python tag",
        replace(R, '  en: "Thank people"', "  en: !!python/object/apply:os.system [echo]"),
        f"{R}: line 5: the tag !!python/object/apply:os.system is not used in the guide's files: delete it, or put the value in quotes",
    ),
    (
        "a number in quotes",
        replace(R, "number: 7", 'number: "7"'),
        f"{R}: number: expected a whole number, got '7' (in quotes): write the number without quotes",
    ),
    ("a score band from 39.5", replace(R, "max: 39", "max: 39.5"), f"{R}: bands[0].max: expected a whole number, got 39.5"),
    ("a score band beyond 100", replace(R, "min: 0\n", "min: -5\n"), f"{R}: bands[0].min: expected a score from 0 to 100, got -5"),
    (
        "true in quotes",
        replace(R, "correct: true", 'correct: "true"'),
        f"{R}: questions[0].options[0].correct: expected true or false, got 'true' (in quotes): write true or false without quotes",
    ),
    (
        "scenario not true or false",
        replace(R, "scenario: true", 'scenario: "yes"'),
        f"{R}: questions[0].scenario: expected true or false, got 'yes' (in quotes): write true or false without quotes",
    ),
    ("a missing translation", replace(R, '  en: "Thank people"\n', ""), f"{R}: title.en: language missing"),
    (
        "a misspelt key",
        replace(R, "practice:", "practise:"),
        f"{R}: practise: unknown key (allowed: {TOP_KEYS}): did you mean 'practice'?",
    ),
    (
        "a deleted item still in the plan",
        replace(R, "    - id: say-what-they-did\n      text:\n", "    - id: say-what-they-did-x\n      text:\n"),
        f"{R}: plan.pairs.item: no checklist item 'say-what-they-did' (known: list-helpers, prepare-specific-thanks, carry-thank-you-cards, "
        "thank-publicly, thank-hosts, thank-for-time, thank-on-the-spot, thank-within-48h, say-what-they-did-x, log-thanks)",
    ),
    (
        "a passage in the French article only",
        replace("docs/article.en.md", "**Thank people.**{ #remercier }", "**Thank people.**"),
        f"{R}: questions[0].anchor: no passage 'remercier' in docs/article.en.md, only in docs/article.md: "
        "add { #remercier } to the same passage of docs/article.en.md",
    ),
    (
        "a single-choice question with two right answers",
        replace(R, "        correct: false\n", "        correct: true\n"),
        f"{R}: questions[0].options: a single-choice question needs exactly one correct option, got 2",
    ),
    (
        "a plan of 13 minutes",
        replace(R, "  quiz:\n    minutes: 3", "  quiz:\n    minutes: 6"),
        f"{R}: plan: the steps take 13 minutes; a plan takes 5 to 10",
    ),
    (
        "a quiz asked in the room too fast for its questions",
        replace(R, "  quiz:\n    minutes: 3", "  quiz:\n    minutes: 2"),
        f"{R}: plan.quiz.minutes: 2 minutes for 2 questions asked in the room (every question, as plan.quiz.room lists none); "
        "give it 3 or more (1½ minutes a question), or list fewer in plan.quiz.room",
    ),
    (
        "a question asked in the room that the quiz does not have",
        replace(AP, "    room:\n      - slow-month\n", "    room:\n      - slow-months\n"),
        f"{AP}: plan.quiz.room[0]: no question 'slow-months' in this technique's quiz "
        "(known: slow-month, gossip-at-the-break, complaint-to-break-the-ice)",
    ),
    (
        "the questions asked in the room typed on one line",
        replace(AP, "    room:\n      - slow-month\n      - gossip-at-the-break\n", "    room: slow-month, gossip-at-the-break\n"),
        f"{AP}: plan.quiz.room: expected a list of question IDs (lines starting with '-'), got 'slow-month, gossip-at-the-break'",
    ),
    (
        "week 7 without last week's commitment",
        replace(R, "  last_week:\n    minutes: 1\n", ""),
        f"{R}: plan.last_week: missing: from week 2 on, a plan starts by taking up last week's commitment: add last_week: {{minutes: 1}}",
    ),
    (
        "week 1 taking up a last week",
        replace(AP, "  question:\n    minutes: 1\n", "  last_week:\n    minutes: 1\n  question:\n    minutes: 1\n"),
        f"{AP}: plan.last_week: week 1 has no last week to take up: delete this step",
    ),
    (
        "a plan without its takeaway",
        replace(R, "  takeaway:\n", "  take-away:\n"),
        f"{R}: plan.take-away: unknown key (allowed: {PLAN_KEYS}): did you mean 'takeaway'?",
    ),
    (
        "a plan without its 5-minute version",
        replace(R, "  short:\n", "  shorter:\n"),
        f"{R}: plan.shorter: unknown key (allowed: {PLAN_KEYS}): did you mean 'short'?",
    ),
    (
        "the week's title typed as last week's text",
        replace(R, "  last_week:\n    minutes: 1\n", '  last_week:\n    minutes: 1\n    text: "Suivi des recommandations"\n'),
        f"{R}: plan.last_week.text: unknown key (allowed: minutes)",
    ),
    (
        "a quiz question of an unknown kind",
        replace("docs/quiz.yml", "kind: single", "kind: essay"),
        "docs/quiz.yml: questions[0].kind: expected single or multiple, got 'essay'",
    ),
    (
        "an oversized file",
        replace(R, "number: 7", "number: 7\n#" + "x" * 70_000),
        f"{R}: (file): larger than 64 KiB: is it the right file?",
    ),
    (
        "a misspelt placeholder in the interface strings",
        replace(S, "jour\u00a0: {date}", "jour\u00a0: {dates}"),
        f"{S}: updated.fr: unknown placeholder {{dates}}: the guide fills {{date}} here",
    ),
    (
        "the same placeholder misspelt in every language",
        steps(
            replace(S, 'fr: "{done} / {total} cochés"', 'fr: "{done} / {totals} cochés"'),
            replace(S, 'en: "{done} / {total} ticked"', 'en: "{done} / {totals} ticked"'),
        ),
        f"{S}: progress.fr: unknown placeholder {{totals}}: the guide fills {{done}}, {{total}} here",
    ),
    (
        "a misspelt placeholder in a string a template fills",
        replace(S, 'en: "Question {n}"\n', 'en: "Question {number}"\n'),
        f"{S}: question.en: unknown placeholder {{number}}: the guide fills {{n}} here",
    ),
    (
        "a placeholder left out of a translation",
        replace(S, 'en: "Score: {score} / {total}"', 'en: "Score: {score}"'),
        f"{S}: score.en: placeholder {{total}} missing: the guide fills it here; put it back",
    ),
    (
        "a translation's placeholder unlike the default language's",
        replace(S, 'en: "QR code of this checklist online: {url}"', 'en: "QR code of this checklist online: {link}"'),
        f"{S}: qr_label.en: unknown placeholder {{link}}: the 'fr' text has {{url}}, and every language the same",
    ),
    (
        "a count's word given one form only",
        replace(S, 'en: "{n} {n|answer|answers} missing"', 'en: "{n} {n|answers} missing"'),
        f"{S}: missing_answers.en: {{n|answers}}: write a count's two forms as {{n|one|other}}",
    ),
    (
        "a count's word with a space before its bar",
        replace(S, 'en: "{n} {n|answer|answers} missing"', 'en: "{n} {n |answer|answers} missing"'),
        f"{S}: missing_answers.en: {{n |answer|answers}}: write a count's two forms as {{n|one|other}}",
    ),
    (
        "a count's word in a string a template fills",
        replace(S, 'en: "Question {n}"\n', 'en: "{n|Question|Questions} {n}"\n'),
        f"{S}: question.en: {{n|Question|Questions}}: plural forms work only in what the scripts fill, and they fill no {{n}} here",
    ),
]

# 3. Markers as Markdown sees them
MARKERS = [
    (
        "a misspelt widget",
        replace(RM, "<!-- guide:checklist remercier -->", "<!-- guide:checklst remercier -->"),
        f"{RM}: line 44: <!-- guide:checklst remercier -->: unknown widget (known: {WIDGETS}): did you mean <!-- guide:checklist remercier -->?",
    ),
    (
        "no spaces inside the comment",
        replace("docs/quiz.md", "<!-- guide:quiz article -->", "<!--guide:quiz article-->"),
        "docs/quiz.md: line 13: <!--guide:quiz article--> is not written as a marker (lowercase, one space inside each end): "
        "write it exactly <!-- guide:quiz article -->",
    ),
    (
        "capitals",
        replace("docs/quiz.en.md", "<!-- guide:quiz article -->", "<!-- Guide:Quiz article -->"),
        "docs/quiz.en.md: line 13: <!-- Guide:Quiz article --> is not written as a marker (lowercase, one space inside each end): "
        "write it exactly <!-- guide:quiz article -->",
    ),
    (
        "a space after the colon",
        replace(RE, "<!-- guide:quiz remercier -->", "<!-- guide: quiz remercier -->"),
        f"{RE}: line 48: <!-- guide: quiz remercier --> is not written as a marker (lowercase, one space inside each end): "
        "write it exactly <!-- guide:quiz remercier -->",
    ),
    (
        "an extra word",
        replace(RM, "<!-- guide:quiz remercier -->", "<!-- guide:quiz remercier new -->"),
        f"{RM}: line 48: <!-- guide:quiz remercier new --> is not written as a marker (lowercase, one space inside each end): "
        "write it exactly <!-- guide:quiz remercier -->",
    ),
    (
        "a marker without guide:",
        replace(RM, "<!-- guide:quiz remercier -->", "<!-- quiz remercier -->"),
        f"{RM}: line 48: <!-- quiz remercier --> is not written as a marker (lowercase, one space inside each end): "
        "write it exactly <!-- guide:quiz remercier -->",
    ),
    (
        "a misspelt content ID",
        replace(RE, "<!-- guide:checklist remercier -->", "<!-- guide:checklist remerciez -->"),
        f"{RE}: line 44: <!-- guide:checklist remerciez -->: no content with ID 'remerciez' (known: {KNOWN_TECHNIQUES}): "
        "did you mean <!-- guide:checklist remercier -->?",
    ),
    (
        "a plan for a technique that does not exist",
        replace("docs/trainers/remercier.en.md", "<!-- guide:plan remercier -->", "<!-- guide:plan merci -->"),
        f"docs/trainers/remercier.en.md: line 12: <!-- guide:plan merci -->: no content with ID 'merci' (known: {KNOWN_TECHNIQUES}): "
        "did you mean <!-- guide:plan remercier -->?",
    ),
    (
        "a marker without its ID",
        replace(RM, "<!-- guide:quiz remercier -->", "<!-- guide:quiz -->"),
        f"{RM}: line 48: <!-- guide:quiz --> names no content: write <!-- guide:quiz ID --> (known: {KNOWN_TECHNIQUES}, article)",
    ),
    (
        "an ID given to a widget that takes none",
        replace("docs/assessment.md", "<!-- guide:assessment -->", "<!-- guide:assessment remercier -->"),
        "docs/assessment.md: line 14: <!-- guide:assessment remercier -->: this widget takes no ID, got 'remercier': write <!-- guide:assessment -->",
    ),
    (
        "an unknown widget",
        replace("docs/quiz.md", "<!-- guide:quiz article -->", "<!-- guide:survey article -->"),
        f"docs/quiz.md: line 13: <!-- guide:survey article -->: unknown widget (known: {WIDGETS})",
    ),
    (
        "a marker inside a sentence",
        replace(RM, "<!-- guide:quiz remercier -->", "Le quiz : <!-- guide:quiz remercier --> à faire."),
        f"{RM}: line 48: <!-- guide:quiz remercier --> is inside a sentence: {ALONE}",
    ),
    (
        "a marker in a list item",
        replace(RM, "<!-- guide:quiz remercier -->", "- <!-- guide:quiz remercier -->"),
        f"{RM}: line 48: <!-- guide:quiz remercier --> is inside a list item: {ALONE}",
    ),
    (
        "a marker in an admonition",
        replace(RM, "<!-- guide:quiz remercier -->", '!!! tip "Quiz"\n    <!-- guide:quiz remercier -->'),
        f"{RM}: line 49: <!-- guide:quiz remercier --> is inside an admonition (!!!): {ALONE}",
    ),
    (
        "a marker in a quote",
        replace(RE, "<!-- guide:quiz remercier -->", "> <!-- guide:quiz remercier -->"),
        f"{RE}: line 48: <!-- guide:quiz remercier --> is inside a quote (>): {ALONE}",
    ),
    (
        "a marker followed by text on its line",
        replace(RM, "<!-- guide:quiz remercier -->", "<!-- guide:quiz remercier --> Bonne chance !"),
        f"{RM}: line 48: <!-- guide:quiz remercier --> shares its line with other text: a marker stands alone on its line",
    ),
    (
        "a marker over two lines",
        replace(RM, "<!-- guide:quiz remercier -->", "<!-- guide:quiz\nremercier -->"),
        f"{RM}: line 48: <!-- guide:quiz remercier --> shares its line with other text: a marker stands alone on its line",
    ),
    (
        "a zero-width space in a marker",
        replace(RM, "<!-- guide:quiz remercier -->", "<!-- guide:quiz\u200b remercier -->"),
        f"{RM}: line 48: <!-- guide:quiz[U+200B] remercier --> is not written as a marker (lowercase, one space inside each end): "
        "it holds an invisible U+200B ZERO WIDTH SPACE; type it again, exactly <!-- guide:quiz remercier -->",
    ),
    (
        "a marker that is not an HTML comment",
        replace(RM, "<!-- guide:quiz remercier -->", "<! -- guide:quiz remercier -->"),
        f"{RM}: line 48: guide:quiz remercier looks like a marker but is not an HTML comment: write it exactly <!-- guide:quiz remercier -->",
    ),
    (
        "the same widget twice on a page",
        replace(RM, "<!-- guide:self-check remercier -->", "<!-- guide:self-check remercier -->\n\n<!-- guide:quiz remercier -->"),
        f"{RM}: line 56: <!-- guide:quiz remercier --> shows again (line 48): a page shows each widget once",
    ),
    (
        "a checklist on the page of all checklists",
        replace("docs/checklists.md", "<!-- guide:checklists -->", "<!-- guide:checklist remercier -->\n\n<!-- guide:checklists -->"),
        "docs/checklists.md: line 12: <!-- guide:checklists --> shows what <!-- guide:checklist remercier --> shows (line 10): "
        "a page shows each widget once",
    ),
    (
        "the translation places its widgets in another order",
        steps(
            replace(RE, "<!-- guide:quiz remercier -->", "<!-- guide:SWAP -->"),
            replace(RE, "<!-- guide:self-check remercier -->", "<!-- guide:quiz remercier -->"),
            replace(RE, "<!-- guide:SWAP -->", "<!-- guide:self-check remercier -->"),
        ),
        f"{RE}: line 48: <!-- guide:self-check remercier --> stands where {RM} places <!-- guide:quiz remercier --> (line 48): "
        "a page and its translation place the same widgets in the same order",
    ),
    (
        "the translation lacks a widget",
        replace(RE, "<!-- guide:self-check remercier -->", ""),
        f"{RE}: (page): places no <!-- guide:self-check remercier -->, which {RM} places on line 54: add it at the same place",
    ),
    (
        "a widget gone from both languages",
        steps(replace(RM, "<!-- guide:quiz remercier -->", ""), replace(RE, "<!-- guide:quiz remercier -->", "")),
        f"{RM}: (page): places no <!-- guide:quiz remercier -->: put it back (the guide links to this widget on this page)",
    ),
    (
        "front matter never closed",
        replace(
            "docs/quiz.md",
            'vérifier ce que vous avez compris de l’ensemble de l’article du Dr Ivan Misner sur les techniques de networking efficaces."\n---',
            'Un quiz."\n',
        ),
        "docs/quiz.md: line 1: the front matter opened by --- is never closed: end it with a line holding ---",
    ),
    (
        "front matter with an unquoted colon",
        replace("docs/trainers/remercier.md", 'title: "Plan\u00a0: Remerciez les gens"', "title: Plan: Remerciez les gens"),
        "docs/trainers/remercier.md: line 2, column 12: invalid YAML (mapping values are not allowed in this context): "
        "a ': ' inside a value YAML does not expect: put the whole text in quotes \"…\"",
    ),
    (
        "a page that begins with a setting-like line",
        steps(add("docs/notes.md", "Attention: à relire\n\n# Notes\n"), add("docs/notes.en.md", "# Notes\n")),
        "docs/notes.md: line 1: 'Attention: à relire' at the top of a page is taken for a page setting and not shown: "
        "start the page with its # title, or put settings between --- lines",
    ),
]

CATALOGUE = FILES + YAML + MARKERS


@pytest.mark.parametrize(
    "action, expected, existing",
    [(c[1], c[2], n % 2 == 1) for n, c in enumerate(CATALOGUE)],
    ids=[c[0] for c in CATALOGUE],
)
def test_an_editors_mistake_stops_the_build_with_one_line(project, action, expected, existing):
    """Every other case over a site built before (which stays as it was), the others into a fresh folder."""
    action(project)
    assert failed_build(project, existing=existing) == expected


def kind_of_file(path: str) -> str:
    """docs/trainers/remercier.en.md → docs/trainers/*.en.md: a folder and a kind of file in it."""
    folder, _, name = path.rpartition("/")
    return f"{folder}/*.{name.partition('.')[2]}"


def test_the_catalogue_covers_each_kind_of_file_an_editor_edits():
    """Each kind of content file the project holds (a page in each language in each folder of docs/,
    the YAML of techniques, the quiz, the interface's strings) has at least one mistake in the
    catalogue whose line names a file of that kind: a new kind of file comes with its cases."""
    edited = [p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*") if p.suffix in {".md", ".yml"}]
    edited.append("hooks/guide/strings.yml")
    named = {kind_of_file(c[2].split(":")[0]) for c in CATALOGUE}
    assert {kind_of_file(path) for path in edited} - named == set()


def test_a_string_named_at_run_time_stops_the_build_with_its_name(project):
    """A checklist's moments are named "pause_" + the moment's ID: no scan of the code finds them, yet
    one renamed in strings.yml stops the build with its key and no traceback (it showed an empty
    heading before, or a KeyError's traceback)."""
    replace("hooks/guide/strings.yml", "\npause_before:", "\npause_befor:")(project)
    result = build_site(project / "site", project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert "hooks/guide/strings.yml: pause_before: missing, but the guide's pages show it" in output, output


def test_html_in_content_shows_as_text(project):
    edit(project / "docs/techniques/remercier.yml", "number: 7", "number: 7\n# injected below")
    path = project / "docs/techniques/remercier.yml"
    text = path.read_text(encoding="utf-8")
    first_item = re.search(r'(checklist:\n  before:\n    - id: [^\n]+\n      text:\n        fr: )"[^"\n]*"', text)
    path.write_text(
        text.replace(first_item.group(0), first_item.group(1) + '"<script>alert(1)</script><img src=x onerror=alert(2)>"'), encoding="utf-8"
    )
    title = "Remerciez les gens <b>vraiment</b> & <img src=x onerror=alert(3)>"
    edit(path, 'title:\n  fr: "Remerciez les gens"', f'title:\n  fr: "{title}"')
    site = project / "site"
    result = build_site(site, project / "mkdocs.yml", GUIDE_PDFS="off")
    assert result.returncode == 0, result.stderr
    html = (site / "techniques/remercier/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    for page in site.rglob("*.html"):  # the title too, wherever it is written: the embed pages' heading and <title>
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>vraiment" not in html, page
    embed = BeautifulSoup((site / "embed/remercier/checklist/index.html").read_text(encoding="utf-8"), "html.parser")
    assert embed.h1.get_text() == f"Liste de contrôle — {title}"
    assert embed.title.get_text().startswith(f"Liste de contrôle — {title} - ")


def test_a_script_that_does_not_parse_stops_the_build(project):
    script = project / "overrides/assets/guide/quiz.js"
    edit(script, "const id = form.dataset.guideQuiz;", "const id = ;")
    line = script.read_text(encoding="utf-8").splitlines().index("  const id = ;") + 1
    assert failed_build(project) == f"overrides/assets/guide/quiz.js: unexpected ; in expression on line {line} and column 14"


def test_a_late_failure_leaves_the_site_as_it_was(project):
    """A mistake MkDocs finds only while it writes (a link to a page that does not exist, a warning
    under --strict) still leaves the existing site untouched and no half-built folder."""
    edit(project / RE, "## My checklist", "See [the passage](../article.md#remercie).\n\n## My checklist")
    site = project / "site"
    old_site(site)
    result = build_site(site, project / "mkdocs.yml", GUIDE_PDFS="off")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "'techniques/remercier.en.md' contains a link '../article.md#remercie', but the doc 'article.en.md' does not contain" in output
    assert site_files(site) == OLD_SITE
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_files_as_editors_save_them_build_as_written(project):
    """A byte-order mark (Notepad), Windows or old Mac line endings, anchors and aliases, markers
    shown as code, and the files the system leaves in docs/: the guide builds as if none were there,
    and the site it replaces is gone."""
    bom = codecs.BOM_UTF8
    save_as(R, lambda t: bom + t.replace("\n", "\r\n").encode("utf-8"))(project)
    save_as(RM, lambda t: bom + t.encode("utf-8"))(project)
    save_as(RE, lambda t: t.replace("\n", "\r\n").encode("utf-8"))(project)
    save_as("docs/quiz.yml", lambda t: t.replace("\n", "\r").encode("utf-8"))(project)
    edit(project / R, '      en: "Start today:', '      en: &start "Start today:')  # an anchor, used below
    edit(
        project / "docs/index.md",
        "\n## ",
        "\nUn marqueur s’écrit `<!-- guide:quiz ID -->`, par exemple :\n\n```\n<!-- guide:quiz remercier -->\n```\n\n## ",
    )
    edit(project / "docs/index.en.md", "\n## ", "\n- In a list:\n\n    ```\n    <!--guide:Quiz x-->\n    ```\n\n## ")
    for junk in (
        ".DS_Store",
        "Thumbs.db",
        "desktop.ini",
        "techniques/~$lock.docx",
        "techniques/.remercier.yml.swp",
        "techniques/.#remercier.yml",
    ):
        add(f"docs/{junk}", b"\x00junk")(project)
    add("docs/images/photo.png", b"\x89PNG not really")(project)
    edit(project / "docs/index.md", "\n## ", "\n![Photo](images/photo.png)\n\n## ")
    edit(project / "docs/index.en.md", "\n## ", "\n![Photo](images/photo.png)\n\n## ")
    site = project / "site"
    old_site(site)
    result = build_site(site, project / "mkdocs.yml", GUIDE_PDFS="off")
    assert result.returncode == 0, result.stderr
    assert not (site / "old-page").exists()  # the old site was replaced whole
    for lang in ("", "en/"):
        html = (site / lang / "techniques/remercier/index.html").read_text(encoding="utf-8")
        assert 'id="checklist-remercier"' in html and 'id="quiz-remercier"' in html and 'id="self-check-remercier"' in html
    assert "Thank people" in (site / "en/techniques/remercier/index.html").read_text(encoding="utf-8")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;!-- guide:quiz remercier --&gt;" in index  # shown, not placed
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert not [p for p in published if p.endswith((".yml", ".DS_Store", "Thumbs.db", "desktop.ini", ".docx", ".swp")) or "#" in p]
    assert "images/photo.png" in published
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_the_site_address_is_published_without_the_spaces_around_it(project):
    """GUIDE_SITE_URL pasted with spaces around it: every address the site publishes (sitemap,
    canonical links, oEmbed documents) is the address without them."""
    site = project / "site"
    result = build_site(
        site, project / "mkdocs.yml", GUIDE_PDFS="off", GUIDE_PACKAGES="off", GUIDE_SITE_URL="  https://example.org/guide/ "
    )
    assert result.returncode == 0, result.stderr
    locs = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(re.fullmatch(r"https://example\.org/guide/\S*", loc) for loc in locs), locs
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("link", rel="canonical")["href"] == "https://example.org/guide/"
    oembed = json.loads((site / "en/embed/remercier/checklist/oembed.json").read_text(encoding="utf-8"))
    assert oembed["provider_url"] == "https://example.org/guide/en/"
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"example\.org/guide/(\s|%20)", text), path
