"""Where a page places widgets: its markers, as Markdown sees them.

A marker is an HTML comment in one exact form, `<!-- guide:KIND -->` or `<!-- guide:KIND ID -->`,
alone on its line at the top level of the page (not in a list, a quote, an admonition, an HTML
block or a sentence). In inline code, a code block or the front matter it is text the page shows,
and stays so. Anything else that looks like a marker (a near miss: wrong case, no space, a
misspelt widget, an extra word, an invisible character) stops the build: it would otherwise stay
in the page as a comment while the widget silently disappears.

Where a marker stands is asked of Markdown itself, during the page's one conversion (as MkDocs
collects a page's anchors): `MarkerExtension` swaps each marker-like text for a numbered sentinel
before Markdown reads the blocks, looks for the sentinels in the HTML Markdown makes, notes what
holds each one, and puts the text back. The same conversion gives the files the page uses
(images, downloads). The rules of a marker (`MarkerRules`) are here and nowhere else.
"""

from __future__ import annotations

import difflib
import html as html_lib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .files import ContentError, describe_char
from .model import Guide
from .routes import MARKER, marker_text
from .yamlfile import Document, invisible, parse, visible

COMMENT = re.compile(r"<!--(.*?)-->", re.S)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
SENTINEL = re.compile(r"guidesentinel(\d+)x")  # one word: no lexer of a code block splits it
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)  # as mkdocs.utils.meta reads it
META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*")  # a MultiMarkdown setting, which MkDocs takes off the page
CODE_TAGS = {"code", "pre", "kbd", "samp"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL_ATTRIBUTES = {"src", "href", "poster", "data"}


@dataclass(frozen=True)
class Marker:
    kind: str
    arg: str
    line: int

    @property
    def text(self) -> str:
        return marker_text(self.kind, self.arg)


@dataclass
class Page:
    """What the conversion of a page found: its markers, the files it uses, its first problem."""

    file: str = ""  # the page as messages name it: docs/techniques/remercier.md
    src: str = ""  # its path in docs/, for its relative links
    offset: int = 0  # the lines of front matter MkDocs took off before Markdown saw the page
    markers: list[Marker] = field(default_factory=list)
    uses: set[str] = field(default_factory=set)  # docs-relative paths of what its links and images point to
    problem: ContentError | None = None  # the first marker that would not place its widget

    def check(self) -> None:
        if self.problem is not None:
            raise self.problem


class _Finder(HTMLParser):
    """Where each sentinel landed in the converted page: in a comment or in text, under which
    elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, class)
        self.found: dict[int, tuple[str, tuple[tuple[str, str], ...]]] = {}
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in URL_ATTRIBUTES:
                self.urls.append(value)
            elif value and name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
        if tag not in VOID_TAGS:
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def _note(self, data: str, how: str):
        for match in SENTINEL.finditer(data):
            number = int(match.group(1))
            self.found.setdefault(number, (how, tuple(self.stack)))

    def handle_comment(self, data):
        self._note(data, "comment")

    def handle_data(self, data):
        self._note(data, "text")


def _container(stack: tuple[tuple[str, str], ...]) -> str:
    """What holds a marker that is not at the top level of a page, in an editor's words."""
    for tag, classes in reversed(stack):
        if tag == "li":
            return "a list item"
        if tag == "blockquote":
            return "a quote (>)"
        if tag in ("td", "th", "table"):
            return "a table"
        if tag == "details":
            return "a collapsible block (???)"
        if tag == "div" and "admonition" in classes.split():
            return "an admonition (!!!)"
    tag = stack[-1][0]
    return "a sentence" if tag == "p" else "a heading" if re.fullmatch(r"h[1-6]", tag) else f"an HTML block (<{stack[0][0]}>)"


def _line(text: str, index: int, offset: int) -> int:
    return offset + text.count("\n", 0, index) + 1


@dataclass
class _Candidate:
    written: str  # the marker-like text as written
    line: int
    context: str  # the line it is on
    is_comment: bool

    @property
    def hidden(self) -> str:
        """What its sentinel stands for: the text up to the end of its first line (inside <!-- -->
        for a comment; the lines after it stay as written, so the page keeps its lines and indents)."""
        text = self.written[4:] if self.is_comment else self.written
        return text.split("\n", 1)[0] if "\n" in text else text[:-3] if self.is_comment else text


class _Swap(Preprocessor):
    """Each marker-like text's first line becomes a sentinel (after the fenced code blocks are set
    aside, before the HTML blocks are): `<!--guidesentinel0x-->` for a comment, `guidesentinel1x`
    for text."""

    def __init__(self, md, rules: MarkerRules, page: Page, found: list[_Candidate]):
        super().__init__(md)
        self.rules, self.page, self.found = rules, page, found

    def run(self, lines: list[str]) -> list[str]:
        body, offset, found = "\n".join(lines), self.page.offset, self.found

        def comment(match: re.Match) -> str:
            if not self.rules.looks_like_marker(match.group(1), comment=True):
                return match.group(0)
            start = match.start()
            line_start, line_end = body.rfind("\n", 0, start) + 1, body.find("\n", match.end())
            context = body[line_start : len(body) if line_end < 0 else line_end]
            found.append(_Candidate(match.group(0), _line(body, start, offset), context, True))
            return f"\ue000{len(found) - 1}\ue001"  # out of the way of the text's own markers, just below

        marked = COMMENT.sub(comment, body)
        marked_lines = marked.split("\n")

        def loose(match: re.Match) -> str:
            line = offset + marked.count("\n", 0, match.start()) + 1
            found.append(_Candidate(match.group(0), line, marked_lines[line - offset - 1], False))
            return f"guidesentinel{len(found) - 1}x"

        kinds = "|".join(re.escape(kind) for kind in sorted(self.rules.widgets, key=len, reverse=True))
        marked = re.sub(rf"(?i)\bguide:(?:{kinds})\b(?:[ \t]+[a-z0-9-]+)?", loose, marked)

        def sentinel(match: re.Match) -> str:
            number = int(match.group(1))
            written = found[number].written
            return f"<!--guidesentinel{number}x" + (written[written.index("\n") :] if "\n" in written else "-->")

        return re.sub("\ue000(\\d+)\ue001", sentinel, marked).split("\n")


class _Text(Treeprocessor):
    """The sentinels in the page's text, right after Markdown has read its inline markup: each
    noted (in code or not) and written back at once, so that what reads the text next (the table
    of contents, the page's title) reads it as written. Those in the HTML Markdown keeps apart
    (comments, highlighted code) are for `_Place`."""

    def __init__(self, md, found: list[_Candidate], seen: dict[int, tuple[str, tuple[tuple[str, str], ...]]]):
        super().__init__(md)
        self.found, self.seen = found, seen

    def run(self, root) -> None:
        if self.found:
            self.walk(root, ())

    def walk(self, element, stack: tuple[tuple[str, str], ...]) -> None:
        inside = (*stack, (str(element.tag), element.get("class") or ""))
        element.text = self.restore(element.text, inside)
        for name, value in element.items():
            element.set(name, self.restore(value, None))  # an attribute shows no marker: as written
        for child in element:
            self.walk(child, inside)
            child.tail = self.restore(child.tail, inside)

    def restore(self, text: str | None, stack: tuple[tuple[str, str], ...] | None) -> str | None:
        if not text or "guidesentinel" not in text:
            return text

        def back(match: re.Match) -> str:
            number = int(match.group(1))
            if stack is not None:
                self.seen.setdefault(number, ("text", stack[1:]))  # the root is the page, not an element of it
            return html_lib.escape(self.found[number].hidden, quote=False)

        return type(text)(SENTINEL.sub(back, text))  # code stays atomic, as Markdown made it


class _Uses(Treeprocessor):
    """The files the page's links and images point to, as written (before MkDocs makes them
    relative to the page's address), in Markdown and in raw HTML."""

    def __init__(self, md, page: Page, place: _Place):
        super().__init__(md)
        self.page, self.place = page, place

    def run(self, root) -> None:
        self.place.whole_page = True  # the tree is done: the postprocessors' next text is the page
        urls: list[str] = []
        for element in root.iter():
            for name, value in element.items():
                if value and name in URL_ATTRIBUTES:
                    urls.append(value)
                elif value and name == "srcset":
                    urls += [part.split()[0] for part in value.split(",") if part.strip()]
        for block in self.md.htmlStash.rawHtmlBlocks:
            if not any(name in str(block) for name in (*URL_ATTRIBUTES, "srcset")):
                continue  # no address in it (a comment, a code block): not worth parsing
            finder = _Finder()
            finder.feed(str(block))
            finder.close()
            urls += finder.urls
        self.page.uses = MarkerRules.used_files(urls, self.page.src)


class _Place(Postprocessor):
    """Where each sentinel landed in the page's HTML: each marker-like text judged there (the first
    problem noted on the page), then written back as it was. The table of contents runs the
    postprocessors over each heading first: those parts are only written back."""

    def __init__(self, md, rules: MarkerRules, page: Page, found: list[_Candidate], seen: dict):
        super().__init__(md)
        self.rules, self.page, self.found, self.seen = rules, page, found, seen
        self.whole_page = False

    def run(self, text: str) -> str:
        if not self.found or not self.whole_page:
            return SENTINEL.sub(self.restore, text) if self.found else text
        finder = _Finder()
        if len(self.seen) < len(self.found):  # some are in the HTML Markdown kept apart: where did it put them?
            finder.feed(text)
            finder.close()
        try:
            self.rules.judge(self.page, self.found, {**finder.found, **self.seen})
        except ContentError as error:
            self.page.problem = error
        return SENTINEL.sub(self.restore, text)

    def restore(self, match: re.Match) -> str:
        candidate = self.found[int(match.group(1))]
        if candidate.is_comment and match.string[max(0, match.start() - 4) : match.start()] == "<!--":  # still a comment
            return candidate.hidden
        return html_lib.escape(candidate.hidden, quote=False).replace('"', "&quot;")  # text the page shows (or an attribute)


class MarkerExtension(Extension):
    """Registered once per language build (in `config.markdown_extensions`): the next Markdown
    made after `begin(page)` (MkDocs makes one per page) notes that page's markers in `page`."""

    def __init__(self, rules: MarkerRules):
        super().__init__()
        self.rules = rules
        self._next: Page | None = None

    def begin(self, page: Page) -> Page:
        self._next = page
        return page

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        page, self._next = self._next, None
        if page is None:  # Markdown made for something else than a page
            return
        found: list[_Candidate] = []
        seen: dict[int, tuple[str, tuple[tuple[str, str], ...]]] = {}  # sentinel → (comment or text, the elements around it)
        md.preprocessors.register(_Swap(md, self.rules, page, found), "guide_markers", 22)  # after fenced code (25), before HTML (20)
        md.treeprocessors.register(_Text(md, found, seen), "guide_markers", 19)  # after inline (20), before attr_list (8), toc (5)
        place = _Place(md, self.rules, page, found, seen)
        md.treeprocessors.register(_Uses(md, page, place), "guide_uses", 1)  # after toc (5), before MkDocs' relpath (0)
        md.postprocessors.register(place, "guide_markers", 5)  # after raw HTML (30) is back


class MarkerRules:
    """What a marker may be on the pages of one site: `guide` the content markers may name,
    `widgets` every widget kind → does it take an ID."""

    def __init__(self, guide: Guide, widgets: dict[str, bool]):
        self.guide, self.widgets = guide, widgets

    def known_ids(self, kind: str) -> list[str]:
        return list(self.guide.quizzes()) if kind == "quiz" else [t.id for t in self.guide.techniques]

    def judge(self, page: Page, candidates: list[_Candidate], found: dict[int, tuple[str, tuple[tuple[str, str], ...]]]) -> None:
        """Each marker-like text where Markdown put it, in the page's order: the markers noted on
        `page`; the first that would not place its widget raises `ContentError`."""
        file = page.file
        ordered = sorted(range(len(candidates)), key=lambda n: candidates[n].line)
        for number in ordered:
            candidate = candidates[number]
            written, line = candidate.written, candidate.line
            how, stack = found.get(number, ("text", (("code", ""),)))
            if how == "text" and any(tag in CODE_TAGS for tag, _ in stack):
                continue  # shown as code: the page may show markers
            where = f"line {line}"
            if how == "text" or not candidate.is_comment:
                raise ContentError(file, where, f"{_shown(written)} looks like a marker but is not an HTML comment: {self.advice(written)}")
            if stack:
                raise ContentError(
                    file,
                    where,
                    f"{_shown(written)} is inside {_container(stack)}: a marker stands alone on its line, "
                    "at the top level of the page (not in a list, quote, admonition, table or HTML block)",
                )
            if "\n" in written or candidate.context.strip() != written:
                raise ContentError(file, where, f"{_shown(written)} shares its line with other text: a marker stands alone on its line")
            page.markers.append(self.marker(written, line, file))
        self.check_repeats(page.markers, file)

    def looks_like_marker(self, inner: str, comment: bool) -> bool:
        """Is this comment's text meant as a marker (a near miss included)? It begins with "guide"
        (or a slip of it), or it is a widget's name and an ID without "guide:"."""
        words = WORD.findall(inner)
        start = re.match(r"\s*([A-Za-z]+)", inner)
        if not words or not start:
            return False
        first = start.group(1).lower()
        if first == "guide" or (_like_guide(first) and len(words) >= 2):
            return True
        # the widget without "guide:": <!-- quiz remercier -->
        return first in self.widgets and len(words) <= 2 and all(w.lower() in self.known_ids(first) for w in words[1:])

    def advice(self, written: str) -> str:
        """What the editor probably meant, as the exact marker to write."""
        hidden = invisible(written) or next((c for c in written if c.isspace() and c not in " \t\n"), None)
        if hidden:
            return (
                f"it holds an invisible {describe_char(hidden)}; type it again, exactly {self.meant(written) or '<!-- guide:KIND ID -->'}"
            )
        meant = self.meant(written)
        if meant is None:
            return f"write a marker exactly as <!-- guide:KIND ID --> (widgets: {', '.join(self.widgets)})"
        return f"write it exactly {meant}"

    def meant(self, written: str) -> str | None:
        inner = re.sub(r"^\s*<!?\s*-*|-*>\s*$", "", written)
        start = re.match(r"\s*([A-Za-z]+)\s*[:_-]?", inner)
        if start and _like_guide(start.group(1).lower()):
            inner = inner[start.end() :]
        words = [w.lower() for w in WORD.findall(inner)]
        if not words:
            return None
        kind = (
            words[0] if words[0] in self.widgets else next(iter(difflib.get_close_matches(words[0], self.widgets, n=1, cutoff=0.6)), None)
        )
        if kind is None:
            return None
        if not self.widgets[kind]:
            return marker_text(kind)
        arg = words[1] if len(words) > 1 else ""
        known = self.known_ids(kind)
        if arg not in known:
            arg = next(iter(difflib.get_close_matches(arg, known, n=1, cutoff=0.6)), "ID")
        return marker_text(kind, arg)

    def marker(self, written: str, line: int, file: str) -> Marker:
        """A marker at the top level, alone on its line: exactly written, for a known widget and content."""
        where = f"line {line}"
        match = MARKER.fullmatch(written)
        if not match:
            raise ContentError(
                file, where, f"{_shown(written)} is not written as a marker (lowercase, one space inside each end): {self.advice(written)}"
            )
        kind, arg = match.group(1), match.group(2) or ""
        if kind not in self.widgets:
            close = difflib.get_close_matches(kind, self.widgets, n=1, cutoff=0.6)
            advice = f": did you mean {marker_text(close[0], arg if self.widgets[close[0]] else '')}?" if close else ""
            raise ContentError(file, where, f"{_shown(written)}: unknown widget (known: {', '.join(self.widgets)}){advice}")
        takes_id = self.widgets[kind]
        if not takes_id and arg:
            raise ContentError(file, where, f"{_shown(written)}: this widget takes no ID, got '{arg}': write {marker_text(kind)}")
        if takes_id:
            known = self.known_ids(kind)
            if arg not in known:
                close = difflib.get_close_matches(arg, known, n=1, cutoff=0.6)
                advice = f": did you mean {marker_text(kind, close[0])}?" if close else ""
                if not arg:
                    raise ContentError(
                        file, where, f"{_shown(written)} names no content: write {marker_text(kind, 'ID')} (known: {', '.join(known)})"
                    )
                raise ContentError(file, where, f"{_shown(written)}: no content with ID '{arg}' (known: {', '.join(known)}){advice}")
        return Marker(kind, arg, line)

    def check_repeats(self, markers: list[Marker], file: str) -> None:
        """The same widget twice on a page would repeat its element IDs (and its saved state)."""
        shown: dict[str, Marker] = {}
        for marker in markers:
            for part in self.parts(marker):
                if part in shown:
                    first = shown[part]
                    same = "again" if first.text == marker.text else f"what {first.text} shows"
                    raise ContentError(
                        file, f"line {marker.line}", f"{marker.text} shows {same} (line {first.line}): a page shows each widget once"
                    )
            for part in self.parts(marker):
                shown[part] = marker

    def parts(self, marker: Marker) -> set[str]:
        """What a widget shows: two widgets that show the same part cannot share a page."""
        every = [t.id for t in self.guide.techniques]
        return {
            "checklist": {f"checklist:{marker.arg}"},
            "checklists": {f"checklist:{slug}" for slug in every},
            "self-check": {f"statements:{marker.arg}"},
            "assessment": {"assessment", *(f"statements:{slug}" for slug in every)},
        }.get(marker.kind, {f"{marker.kind}:{marker.arg}"})

    @staticmethod
    def used_files(urls: Iterable[str], src: str) -> set[str]:
        """The docs-relative paths that a page's relative links and images point to."""
        used = set()
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            used.add(posixpath.normpath(posixpath.join(posixpath.dirname(src), unquote(parts.path))))
        return used


class PageReader:
    """A page converted alone with the site's Markdown and the marker extension (the build
    converts its pages once, in MkDocs: this is for a page's text on its own)."""

    def __init__(self, rules: MarkerRules, extensions: list, extension_configs: dict | None = None):
        self.rules, self.extensions, self.configs = rules, extensions, extension_configs or {}

    def read(self, text: str, file: str, src: str) -> Page:
        """A page's markers and the files it uses; its first problem raises `ContentError`."""
        body, offset = front_matter(text, file)
        extension = MarkerExtension(self.rules)
        page = extension.begin(Page(file, src, offset))
        markdown.Markdown(extensions=[*self.extensions, extension], extension_configs=self.configs).convert(body)
        page.check()
        return page


def front_matter(text: str, file: str) -> tuple[str, int]:
    """The page's Markdown without its front matter (as MkDocs takes it off), and how many
    lines that was; front matter that MkDocs would show as text instead stops the build."""
    match = FRONT_MATTER.match(text)
    if match:
        document = parse("\n" + match.group(1), file)  # line numbers as in the page
        if not isinstance(document.value, dict):
            raise ContentError(file, "line 2", "the front matter (between the --- lines) holds 'key: value' lines, such as title: …")
        _check_settings(document, file)
        head = text[: match.end()]
        rest = text[match.end() :]
        stripped = rest.lstrip("\n")
        return stripped, head.count("\n") + (len(rest) - len(stripped))
    first = text.split("\n", 1)[0]
    if re.match(r"-{3}[ \t]*$", first):
        raise ContentError(file, "line 1", "the front matter opened by --- is never closed: end it with a line holding ---")
    if META_LINE.match(first):
        raise ContentError(
            file,
            "line 1",
            f"'{first.strip()[:40]}' at the top of a page is taken for a page setting and not shown: "
            "start the page with its # title, or put settings between --- lines",
        )
    return text, 0


def _like_guide(word: str) -> bool:
    """ "guide", or what a slip of the keyboard makes of it ("gide", "guid", "giude")."""
    return difflib.SequenceMatcher(None, word, "guide").ratio() >= 0.75


def _shown(written: str) -> str:
    """A marker-like text as the message shows it: on one line, not too long, what shows nothing
    written out."""
    text = visible(re.sub(r"\s*\n\s*", " ", written))
    return text if len(text) <= 60 else text[:59] + "…"


def _check_settings(document: Document, file: str) -> None:
    for key in ("title", "description"):
        value = document.value.get(key)
        if key in document.value and (not isinstance(value, str) or not value.strip()):
            line = document.line(key) or 2
            raise ContentError(file, f"line {line}", f"the page's {key} is not text: write it in quotes after '{key}: '")


def compare_translations(original: tuple[str, list[Marker]], translation: tuple[str, list[Marker]]) -> None:
    """A page and its translation place the same widgets for the same content, in the same order."""
    (file, ours), (other, theirs) = original, translation
    for mine, yours in zip(ours, theirs, strict=False):
        if mine.text != yours.text:
            raise ContentError(
                other,
                f"line {yours.line}",
                f"{yours.text} stands where {file} places {mine.text} (line {mine.line}): a page and its translation place the same widgets in the same order",
            )
    if len(ours) > len(theirs):
        missing = ours[len(theirs)]
        raise ContentError(
            other, "(page)", f"places no {missing.text}, which {file} places on line {missing.line}: add it at the same place"
        )
    if len(theirs) > len(ours):
        extra = theirs[len(ours)]
        raise ContentError(other, f"line {extra.line}", f"{extra.text} is not on {file}: a page and its translation place the same widgets")
