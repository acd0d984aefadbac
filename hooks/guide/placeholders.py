"""The `{name}` placeholders of the interface strings (strings.yml), checked against the code that
fills them, so that a misspelt one stops the build instead of showing "Total: {minute} minutes".

The code's side is read from its sources: templates and hooks fill a string with
`t.<key>.replace("{<name>}", …)` or `t[<"key">].replace(…)`, scripts with
`t(<"key">, { <name>: … })`. A key the code fills somewhere: each language's text holds exactly the
placeholders the code fills. Any other key: each language's text holds the placeholders of the
default language's. A count's word may change with it, `{n|one|other}` ("{n} {n|réponse|réponses}"):
only in what the scripts fill (their t() picks the form by the language's plural rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .files import ContentError

HOOKS = Path(__file__).parent

PLACEHOLDER = re.compile(r"\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}")  # {name}, or {name|one|other}: as dom.js's t() reads them
PLURAL = re.compile(r"\{(\w+)\|[^|{}]*\|[^|{}]*\}")  # {name|one|other}
# what is left of a count's forms once the well-written are taken out: {n|a}, {n |a|b}, {n|{x} a|b}
ODD_PLURAL = re.compile(r"\{\W*(\w*)[^{}]*\|[^{}]*\}")
KEY_IN_CODE = re.compile(r"""\bt(?:\.([a-z][a-z0-9_]*)|\[\s*["']([a-z][a-z0-9_]*)["']\s*\])""")  # t.<key>, t["<key>"]
REPLACE = re.compile(r"""\s*\.replace\(\s*["']\{(\w+)\}["']\s*,""")
SCRIPT_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*,\s*\{""")  # t("key", { … })
NAME = re.compile(r"\s*([A-Za-z_$][\w$]*)\s*(?::|$)", re.S)


def _quote_end(text: str, i: int) -> int:
    """Where the string opened by the quote at `i` ends (len(text) if never)."""
    end = text.find(text[i], i + 1)
    while end > 0 and text[end - 1] == "\\":
        end = text.find(text[i], end + 1)
    return len(text) if end < 0 else end


def _close(text: str, start: int) -> int:
    """Where the bracket opened just before `start` closes, strings skipped (len(text) if never)."""
    depth, i = 1, start
    while i < len(text):
        c = text[i]
        if c in "\"'`":
            i = _quote_end(text, i)
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def _top_level_parts(text: str) -> list[str]:
    """`text` cut at its commas outside brackets and strings."""
    parts, start, i = [], 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'`":
            i = _quote_end(text, i)
        elif c in "([{":
            i = _close(text, i + 1)
        elif c == ",":
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def filled_in(source: str, script: bool) -> dict[str, set[str]]:
    """key → the placeholders one source (a script, or a template or hook) fills in it."""
    filled: dict[str, set[str]] = {}
    if script:
        for call in SCRIPT_CALL.finditer(source):
            body = source[call.end() : _close(source, call.end())]
            names = {m.group(1) for part in _top_level_parts(body) if (m := NAME.match(part))}
            filled.setdefault(call.group(1), set()).update(names)
        return filled
    for use in KEY_IN_CODE.finditer(source):
        at, names = use.end(), set()
        while replace := REPLACE.match(source, at):
            names.add(replace.group(1))
            at = _close(source, replace.end()) + 1
        if names:
            filled.setdefault(use.group(1) or use.group(2), set()).update(names)
    return filled


def code_fills(theme_dir: str | None, scripts_only: bool = False) -> dict[str, set[str]]:
    """key → every placeholder the guide's templates and scripts (under `theme_dir`) and hooks fill
    in it (the scripts alone: `scripts_only`)."""
    suffixes = (".js",) if scripts_only else (".html", ".js")
    theme = sorted(p for p in Path(theme_dir).rglob("*") if p.suffix in suffixes) if theme_dir else []
    filled: dict[str, set[str]] = {}
    for path in theme if scripts_only else [*theme, *sorted(HOOKS.glob("*.py"))]:
        for key, names in filled_in(path.read_text(encoding="utf-8"), script=path.suffix == ".js").items():
            filled.setdefault(key, set()).update(names)
    return filled


def named_keys(theme_dir: str | None) -> set[str]:
    """Every key the templates (under `theme_dir`: t.<key>, t["<key>"]) and the hooks (t["<key>"]) name: a
    key built at run time ("pause_" + …) is not among them (build.Strings stops the build on it)."""
    theme = sorted(Path(theme_dir).rglob("*.html")) if theme_dir else []
    named = set()
    for path in [*theme, *sorted(HOOKS.glob("*.py"))]:
        for use in KEY_IN_CODE.finditer(path.read_text(encoding="utf-8")):
            if use.group(2) or path.suffix == ".html":  # in Python, t.x is a method or an attribute
                named.add(use.group(1) or use.group(2))
    return named


def _names(names: Iterable[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names)) or "none"


def check_placeholders(
    strings: dict[str, dict[str, str]], languages: tuple[str, ...], filled: dict[str, set[str]], file: str, counted: dict[str, set[str]]
) -> None:
    """Every text of strings.yml holds the placeholders it is filled with, and no other; plural
    forms only on what a script fills (`counted`: code_fills(…, scripts_only=True))."""
    default = languages[0]
    for key in strings[default]:
        for lang in languages:
            where = f"{key}.{lang}"
            if odd := ODD_PLURAL.search(PLACEHOLDER.sub("", strings[lang][key])):
                raise ContentError(file, where, f"{odd.group()}: write a count's two forms as {{{odd.group(1) or 'n'}|one|other}}")
            for plural in PLURAL.finditer(strings[lang][key]):
                if plural.group(1) not in counted.get(key, ()):
                    raise ContentError(
                        file,
                        where,
                        f"{plural.group()}: plural forms work only in what the scripts fill, and they fill no {{{plural.group(1)}}} here",
                    )
            used = PLACEHOLDER.findall(strings[lang][key])
            if key in filled:
                wanted = filled[key]
                unknown = [n for n in used if n not in wanted]
                if unknown:
                    raise ContentError(file, where, f"unknown placeholder {{{unknown[0]}}}: the guide fills {_names(wanted)} here")
                missing = sorted(wanted - set(used))
                if missing:
                    raise ContentError(file, where, f"placeholder {{{missing[0]}}} missing: the guide fills it here; put it back")
            elif lang != default:
                wanted = set(PLACEHOLDER.findall(strings[default][key]))
                unknown = [n for n in used if n not in wanted]
                if unknown:
                    raise ContentError(
                        file,
                        where,
                        f"unknown placeholder {{{unknown[0]}}}: the '{default}' text has {_names(wanted)}, and every language the same",
                    )
                missing = sorted(wanted - set(used))
                if missing:
                    raise ContentError(
                        file, where, f"placeholder {{{missing[0]}}} missing: the '{default}' text has it, and every language the same"
                    )
