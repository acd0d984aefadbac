"""YAML as editors write it, read into plain values and where each value stands in the file.
Why our own reader: exact line and column messages for editors' traps, which PyYAML and ruamel do not give.

The file is read from libyaml's events rather than through PyYAML's constructor, so that every
trap of the format is caught with its line and a reason an editor can act on, and nothing ends in a
traceback: a second document, a list or mapping used as a key, a key given twice, a key in curly
quotes or holding an invisible character, tags. Anchors, aliases and merge keys (`&a`, `*a`,
`<<: *a`) work as YAML says (what they repeat is shared, never copied: the content's rules walk a
bounded shape, so no alias can make the build explode). For each scalar the reader keeps what was
written (`Scalar`): how a value YAML turned into true/false, a number or a date was spelt, and
whether an unquoted text was cut short by a ` #` comment.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from .files import ContentError, describe_char

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where it is installed
MAX_FILE_BYTES = 64 * 1024
MAX_DEPTH = 32
TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}
CURLY_QUOTES = "“”‘’«»„‚"
# A value that opens with a word processor's curly quote, closed at the end of its line or not: meant as YAML's "…"
CURLY_VALUE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+[“‘„‚]|^\s*-\s+[“‘„‚]")
CURLY_ADVICE = (
    "this text is in curly quotes (a word processor's “…”), which YAML takes as part of the text: "
    'type straight quotes "…" in their place, or, to show them, put straight ones around them "“…”"'
)

# What libyaml says, and what an editor can do about it (the first match wins).
HINTS = (
    ("mapping values are not allowed", "a ': ' inside a value YAML does not expect: put the whole text in quotes \"…\""),
    ("could not find expected ':'", "a line without its colon (key: value), or a quote left open: add the colon or close the quote"),
    (
        "did not find expected key",
        "this line does not line up with the keys above it, or a quote above is left open (or text follows its closing quote): "
        "check the indentation and the quotes",
    ),
    ("did not find expected '-' indicator", "this line does not line up with the list above it: check its indentation"),
    ("expected <block end>", "this line does not line up with the lines above it: check its indentation"),
    ("found unexpected end of stream", "a quote opened here is never closed: close it"),
    ("that cannot start any token", 'a value cannot begin with this character (@, `, % or a tab): put the value in quotes "…"'),
    ("found unknown escape character", 'a backslash inside "…" starts an escape: write \\\\ for one backslash, or use single quotes'),
    ("expected alphabetic or numeric character", '* and & begin an alias or an anchor, followed by a name: put the value in quotes "…"'),
    ("did not find expected ',' or ']'", "a list in [ ] is not closed: close it with ], or put the text in quotes"),
    ("did not find expected ',' or '}'", "a mapping in { } is not closed: close it with }, or put the text in quotes"),
    ("did not find expected node content", "a value is missing or a bracket is not closed"),
    ("found a tab character", "a tab: YAML needs spaces"),
    (
        "did not find expected comment or line break",
        "text follows a closing quote (or | or >) on this line: put the whole text inside the quotes",
    ),
    ("did not find expected <document start>", 'a line beginning with % or a stray --- or ...: put the text in quotes "…"'),
    ("directive", 'a line beginning with %: put the text in quotes "…"'),
    ("non-alphabetical character", 'a value beginning with % or !: put the text in quotes "…"'),
)


# "fr:" followed by a no-break space (French typing habits): YAML reads the whole line as text
KEY_THEN_ODD_SPACE = re.compile(r"([A-Za-z_][\w-]*):([^\S \n])")


@dataclass(frozen=True)
class Scalar:
    """A single value as it is written in the file."""

    raw: str  # the text of the value, without its quotes
    quoted: bool
    block: bool  # a | or > block
    line: int  # from 1
    cut: bool  # unquoted, with a comment after it on its last line: YAML ended the value at " #"


@dataclass(frozen=True)
class Document:
    """A parsed file: its value, and for each key path (`questions[0].prompt.fr`) where it stands:
    a `Scalar` for a single value, the first line for a list or mapping."""

    value: Any
    where: dict[str, Scalar | int]

    def scalar(self, path: str) -> Scalar | None:
        found = self.where.get(path)
        return found if isinstance(found, Scalar) else None

    def line(self, path: str) -> int | None:
        found = self.where.get(path)
        return found.line if isinstance(found, Scalar) else found


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# Unicode's format characters (category Cf) and the fillers that show nothing: a quick first look
# (unicodedata settles each one found)
MAYBE_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def visible(text: str) -> str:
    """`text` with what shows nothing written out, so a message shows where it is: `te[U+200B]xt`."""
    return re.sub(
        r"[^\S ]|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u3164\u115f\u1160\uffa0]", lambda m: f"[U+{ord(m.group()):04X}]", text
    )


def invisible(text: str) -> str | None:
    """The first character of `text` that shows nothing and means nothing there (a zero-width
    space, a word joiner, a stray byte-order mark or soft hyphen...); None if there is none. A
    soft hyphen between two letters (a hyphenation point) and a joiner between two symbols (an
    emoji sequence) are meant."""
    for match in MAYBE_INVISIBLE.finditer(text):
        char, index = match.group(), match.start()
        if unicodedata.category(char) != "Cf" and char not in "\u115f\u1160\u3164\uffa0":
            continue
        before, after = text[index - 1 : index], text[index + 1 : index + 2]
        if char == "\u00ad" and before.isalpha() and after.isalpha():
            continue
        if char == "\u200d" and before and after and not before.isalnum() and not after.isalnum() and not before.isspace():
            continue
        return char
    return None


class _Events:
    """libyaml's events of one file, read into values; each problem raises a `ContentError`."""

    def __init__(self, text: str, file: str):
        self.file, self.lines = file, text.split("\n")
        self.events = yaml.parse(text, Loader=Loader)
        self.where: dict[str, Scalar | int] = {}
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()
        self.anchors: dict[str, Any] = {}

    def fail(self, mark, reason: str):
        raise ContentError(self.file, f"line {mark.line + 1}", reason)

    def next(self):
        return next(self.events)

    def document(self) -> Any:
        event = self.next()  # the stream's start
        event = self.next()
        if isinstance(event, StreamEndEvent):
            return None  # an empty file
        value = self.node(self.next(), "", 0)
        self.next()  # the document's end
        event = self.next()
        if isinstance(event, DocumentStartEvent):
            self.fail(
                event.start_mark,
                "a second YAML document begins here (a '---' line): a content file holds one; delete this line, and what follows if it is a leftover",
            )
        return value

    def node(self, event, path: str, depth: int) -> Any:
        value = self._node(event, path, depth)
        if getattr(event, "anchor", None) and not isinstance(event, AliasEvent):
            self.anchors[event.anchor] = value
        return value

    def _node(self, event, path: str, depth: int) -> Any:
        if isinstance(event, AliasEvent):
            if event.anchor not in self.anchors:
                self.fail(
                    event.start_mark, f"*{event.anchor} repeats no &{event.anchor} written before it (or one that holds it): fix the name"
                )
            self.where[path] = event.start_mark.line + 1
            return self.anchors[event.anchor]
        if depth > MAX_DEPTH:
            self.fail(event.start_mark, "nested too deep: check the indentation")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in ALLOWED_TAGS:
            self.fail(
                event.start_mark,
                f"the tag {tag.replace(TAG, '!!')} is not used in the guide's files: delete it, or put the value in quotes",
            )
        if isinstance(event, ScalarEvent):
            return self.scalar(event, path)
        if isinstance(event, SequenceStartEvent):
            self.where[path] = event.start_mark.line + 1
            items = []
            while not isinstance(event := self.next(), SequenceEndEvent):
                items.append(self.node(event, f"{path}[{len(items)}]", depth + 1))
            return items
        if isinstance(event, MappingStartEvent):
            self.where[path] = event.start_mark.line + 1
            return self.mapping(path, depth)
        self.fail(event.start_mark, "unexpected YAML here")  # pragma: no cover (libyaml emits no other event here)
        return None

    def mapping(self, path: str, depth: int) -> dict:
        result: dict[str, Any] = {}
        lines: dict[str, int] = {}
        merged: list[dict] = []
        while not isinstance(event := self.next(), MappingEndEvent):
            if isinstance(event, ScalarEvent) and self._tag(event) == TAG + "merge":
                merged += self.merge(self.next(), path, depth)
                continue
            key = self.key(event)
            if key in result:
                self.fail(event.start_mark, f"'{key}' is given twice in the same place (first on line {lines[key]}): keep one")
            lines[key] = event.start_mark.line + 1
            result[key] = self.node(self.next(), join(path, key), depth + 1)
        for mapping in merged:  # `<<: *a` adds the keys this mapping does not give itself (the first merged wins)
            for key, value in mapping.items():
                result.setdefault(key, value)
        return result

    def merge(self, event, path: str, depth: int) -> list[dict]:
        """What a merge key (`<<: *a` or `<<: [*a, *b]`) brings: mappings."""
        value = self.node(event, join(path, "<<"), depth + 1)
        mappings = value if isinstance(value, list) else [value]
        if not all(isinstance(m, dict) for m in mappings):
            self.fail(event.start_mark, "a merge key (<<) brings the keys of a mapping (<<: *name): this is no mapping")
        return mappings

    def key(self, event) -> str:
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            what = "list" if isinstance(event, SequenceStartEvent) else "mapping"
            self.fail(
                event.start_mark, f"a {what} used as a key: a key is a name followed by a colon (text: …); check the brackets and the '?'"
            )
        if not isinstance(event, ScalarEvent):
            self.node(event, "", 0)  # an alias: refused there
        tag = self._tag(event)
        key = event.value
        if tag != TAG + "str":
            if key == "":
                self.fail(event.start_mark, "a colon with no key before it: write the key, or delete the colon")
            self.fail(event.start_mark, f"'{key}' as a key is read by YAML as {_kind(tag)}, not as a name: put it in quotes if it is meant")
        colon = re.search(r":([^\S ]|[\u00a0\u202f\u2007])", key)
        if colon:
            name = key[: colon.start()].strip()
            self.fail(
                event.start_mark,
                f"after '{visible(name)}:' comes {describe_char(colon.group(1))}, which YAML does not take for a space: type an ordinary space there",
            )
        if key and (key[0] in CURLY_QUOTES or key[-1] in CURLY_QUOTES):
            self.fail(
                event.start_mark,
                f"the key {key} is in curly quotes (a word processor's): write it without quotes, {key.strip(CURLY_QUOTES)}:",
            )
        hidden = invisible(key) or next((c for c in key if c.isspace() and c != " "), None)
        if hidden and (" " in key.strip() or len(key) > 30):  # a line of text with ": " in it
            self.fail(
                event.start_mark,
                f"'{visible(shortened(key))}' is read as a key, because ': ' follows it: if it is text, put it in quotes \"…\"",
            )
        if hidden:
            self.fail(
                event.start_mark, f"the key '{visible(key.strip(' '))}' holds an invisible {describe_char(hidden)}: type the key again"
            )
        return key

    def _tag(self, event) -> str:
        if event.tag in (None, "!"):
            return self.resolver.resolve(ScalarNode, event.value, event.implicit) if event.tag is None else TAG + "str"
        return event.tag

    def scalar(self, event, path: str) -> Any:
        tag = self._tag(event)
        end = event.end_mark
        quoted = event.style in ("'", '"')
        block = event.style in ("|", ">")
        rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        cut = not quoted and not block and re.match(r"[ \t]+#", rest) is not None
        self.where[path] = Scalar(event.value, quoted, block, event.start_mark.line + 1, cut)
        keyish = KEY_THEN_ODD_SPACE.match(event.value) if not quoted and not block else None
        if keyish:
            self.fail(
                event.start_mark,
                f"after '{keyish.group(1)}:' comes {describe_char(keyish.group(2))}, which YAML does not take for a space: "
                "type an ordinary space there",
            )
        if not quoted and not block and event.value and event.value[0] in "“‘„‚" and event.value[-1] in "”’“‘":
            self.fail(event.start_mark, CURLY_ADVICE)
        if tag in (TAG + "merge", TAG + "value"):
            tag = TAG + "str"
        construct = yaml.constructor.SafeConstructor.yaml_constructors.get(tag)
        try:
            return construct(self.constructor, ScalarNode(tag, event.value, event.start_mark, end, event.style))
        except (ValueError, TypeError, yaml.YAMLError):
            self.fail(event.start_mark, f"'{event.value}' reads as {_kind(tag)} but is not a valid one: put it in quotes if it is text")
            return None


def shortened(text: str, limit: int = 40) -> str:
    """`text` as a message quotes it: cut to `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(tag: str) -> str:
    return {
        TAG + "bool": "true/false",
        TAG + "int": "a number",
        TAG + "float": "a number",
        TAG + "null": "nothing (empty)",
        TAG + "timestamp": "a date",
    }.get(tag, tag.replace(TAG, "!!"))


def _syntax_error(error: yaml.MarkedYAMLError, file: str, lines: list[str]) -> ContentError:
    problem = error.problem or str(error)
    hint = next(
        (advice for words, advice in HINTS if words in problem), "check this line against the lines around it (indentation, colons, quotes)"
    )
    # where an editor finds the cause: the key that lacks its colon, the quote left open
    mark = error.context_mark if error.context_mark and ("end of stream" in problem or "expected ':'" in problem) else error.problem_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if CURLY_VALUE.match(line):  # quoted, to the editor's eye: a ': ' inside no longer looks like a key
        return ContentError(file, f"line {mark.line + 1}", CURLY_ADVICE)
    keyish = KEY_THEN_ODD_SPACE.search(line)
    if keyish:  # "fr:" and a no-break space: YAML sees no key there
        return ContentError(
            file,
            f"line {mark.line + 1}",
            f"after '{keyish.group(1)}:' comes {describe_char(keyish.group(2))}, which YAML does not take for a space: type an ordinary space there",
        )
    return ContentError(file, where, f"invalid YAML ({problem}): {hint}")


@functools.lru_cache(maxsize=64)
def parse(text: str, file: str) -> Document:
    """One file's text as a `Document` (parsed once per text in a process: both language
    builds, and every `serve` rebuild after, read the same parse)."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ContentError(file, "(file)", f"larger than {MAX_FILE_BYTES // 1024} KiB: is it the right file?")
    for number, line in enumerate(text.split("\n"), start=1):
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            raise ContentError(file, f"line {number}", "indented with a tab (YAML needs spaces): replace the tab with spaces")
    reader = _Events(text, file)
    try:
        value = reader.document()
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, file, reader.lines) from None
    except yaml.YAMLError as error:
        raise ContentError(file, "(file)", f"invalid YAML ({error})") from None
    return Document(value, reader.where)
