"""The one way the build reads an editor's file, and what the docs folder may hold.

`read_text` is the single reading path for every file the build reads (content files, pages, the
article, the interface strings, the scripts): the file as Notepad, Word or any editor saves it,
turned into text or refused with one line naming the file, the line and what to do. A UTF-8
byte-order mark and Windows line endings are accepted; another encoding, a control character or an
invisible direction override is refused.

`inventory` walks `docs/` and sorts what is there: pages, content files, the files pages may use,
and the working files the system and editors leave (hidden files, Office locks, `Thumbs.db`), which
are neither read nor published. Anything else stops the build with what it looks like: a backup,
a copy, a content file in the wrong place or under the wrong name.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .routes import QUIZ_FILE, TECHNIQUE_DIR


class ContentError(Exception):
    """An editor's file breaks a rule; `str()` is the one-line message for the reader:
    ``<file>: <where>: <reason>``, where is a key path or a line."""

    def __init__(self, file: str, key: str, reason: str):
        super().__init__(f"{file}: {key}: {reason}")
        self.file, self.key, self.reason = file, key, reason


ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # always with fullmatch: `$` would let "id\n" through

# Characters no editor means to type: C0 and C1 controls (tab and line feed aside), the Unicode line
# and paragraph separators (YAML and Python count them as line breaks, editors do not), a byte-order
# mark anywhere but at the start, and the direction overrides that reorder what a reader sees.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]")
CONTROL_NAMES = {
    "\t": "TAB",
    "\x00": "NUL",
    "\x08": "BACKSPACE",
    "\x0b": "VERTICAL TAB, a word processor's line break",
    "\x0c": "FORM FEED, a page break",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
}


def describe_char(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`: a character named so that an editor can find it."""
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        name = CONTROL_NAMES.get(char, "a control character")
    elif 0x80 <= code <= 0x9F:
        name = "a control character, often Windows-1252 text read the wrong way"
    else:
        name = unicodedata.name(char, "an unnamed character")
    return f"U+{code:04X} {name}"


def decode(data: bytes, shown_as: str) -> str:
    """A file's bytes as text (UTF-8, with or without a byte-order mark, any line endings), or a
    `ContentError` saying where it goes wrong and what to do."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        raise ContentError(shown_as, "line 1", "saved as UTF-16 (“Unicode” in Notepad), not UTF-8: save it again as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        seen = bytes([byte]).decode("cp1252", "replace")
        raise ContentError(
            shown_as,
            f"line {line}, column {column}",
            f"not UTF-8 (byte 0x{byte:02X}, “{seen}” in Windows-1252, “ANSI” in Notepad): save the file as UTF-8",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = FORBIDDEN.search(text)
    if bad:
        line, column = position(text, bad.start())
        raise ContentError(shown_as, f"line {line}, column {column}", f"an invisible {describe_char(bad.group())}: delete it")
    return text


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: text whose every other byte is zero."""
    sample = data[:400]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def position(text: str, index: int) -> tuple[int, int]:
    """(line, column), both from 1, of a character of `text`."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def why_unreadable(path: Path, error: OSError) -> str:
    """What an editor can do about a file or folder the build cannot open."""
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        return f"a link to nowhere ({os.readlink(path)} does not exist): replace the link with the file, or delete it"
    if error.errno == errno.ELOOP:
        return "a link that leads back to itself (a loop): replace the link with the file, or delete it"
    if isinstance(error, FileNotFoundError):
        return "missing"
    if isinstance(error, PermissionError):
        return "no permission to read it: let the account that builds the guide read it"
    if isinstance(error, IsADirectoryError):
        return "a folder where a file is expected: move the folder away"
    return f"cannot be read ({error.strerror or error.__class__.__name__})"


def namer(root: Path) -> Callable[[Path], str]:
    """How messages name a path: from the project's folder (`root`), with `/`."""
    base = os.path.abspath(root)

    def shown(path: Path) -> str:
        full = os.path.abspath(path)
        return Path(os.path.relpath(full, base)).as_posix() if full.startswith(base + os.sep) else Path(full).as_posix()

    return shown


def read_text(path: Path, shown_as: str) -> str:
    """The text of an editor's file, through the one path every file the build reads takes."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(shown_as, "(file)", why_unreadable(path, error)) from None
    return decode(data, shown_as)


# --- what the docs folder holds --------------------------------------------------------------

# What the system and editors leave next to the files they work on: never read, never published
# (MkDocs skips hidden files too). A build that stopped for them would stop whenever a file is open.
WORKING_FILES = re.compile(r"^(\..*|~\$.*|#.*#|thumbs\.db|ehthumbs\.db|desktop\.ini|icon\r)$", re.I)
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd")  # MkDocs takes these for pages too
BACKUP_SUFFIXES = (".bak", ".backup", ".bck", ".orig", ".rej", ".old", ".tmp", ".temp", ".swp", ".swo", ".save", ".sav", ".autosave")
COPY_NAMES = (
    re.compile(r"^(copy|copie)( \(\d+\))? (of|de|d’|d') ?(?P<name>.+)$", re.I),  # Copy of remercier.yml, Copie de …
    re.compile(r"^(?P<stem>.+?)(?: - |[ _-])(?:copy|copie)(?: ?\(?\d+\)?)?(?P<ext>\.[^.]+)?$", re.I),  # remercier - Copy.yml
    re.compile(r"^(?P<stem>.+?) \(\d+\)(?P<ext>\.[^.]+)?$"),  # remercier (1).yml: a second download
)


def _copy_of(name: str) -> str | None:
    """The file a copy's name says it copies, or None."""
    first = COPY_NAMES[0].match(name)
    if first:
        return first.group("name")
    for pattern in COPY_NAMES[1:]:
        match = pattern.match(name)
        if match:
            return match.group("stem") + (match.group("ext") or "")
    return None


def stray_reason(rel: str, languages: tuple[str, ...]) -> str | None:
    """Why a file of docs/ (path relative to it) is neither a page, content nor a file a page may
    use; None when it may be one of those."""
    parts = rel.split("/")
    name = parts[-1]
    folder = "/".join(parts[:-1])
    lower = name.lower()
    for suffix in BACKUP_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return f"an editor's backup or temporary copy of {name[: -len(suffix)]}, neither published nor read: delete it or move it out of docs/"
    if name.endswith("~"):
        return f"an editor's backup copy of {name.rstrip('~')}, neither published nor read: delete it or move it out of docs/"
    copied = _copy_of(name)
    if copied and Path(copied).suffix.lower() in (".yml", ".yaml", ".md"):
        return f"a copy of {copied}, neither published nor read: delete it or move it out of docs/"
    if lower.endswith((".yml.txt", ".yaml.txt", ".md.txt")):
        return f"saved with an extra .txt (Notepad adds it when “Save as type” is “Text Documents”): rename it {name[:-4]}"
    if lower.endswith(PAGE_SUFFIXES) or (lower.endswith(".md") and not name.endswith(".md")):
        return f"a page's name ends in .md (in lowercase): rename it {name[: name.rindex('.')]}.md"
    if name.endswith(".md"):
        stem = name[:-3]
        suffix = stem.rsplit(".", 1)[1] if "." in stem else ""
        if suffix == languages[0]:
            return f"a page in the default language ({languages[0]}) has no language in its name: rename it {stem.rsplit('.', 1)[0]}.md"
        if suffix and suffix not in languages:
            return (
                f"'.{suffix}' in a page's name is not one of the site's languages ({', '.join(languages)}): "
                "rename it, or if it is an old copy, delete it or move it out of docs/"
            )
        return None
    if lower.endswith((".yml", ".yaml")):
        stem = name.rsplit(".", 1)[0]
        if rel == QUIZ_FILE or (folder == TECHNIQUE_DIR and name.endswith(".yml") and ID_PATTERN.fullmatch(stem)):
            return None
        if not name.endswith(".yml"):
            return f"content files end in .yml (in lowercase): rename it {stem}.yml, or delete it (it is neither published nor read)"
        if folder == TECHNIQUE_DIR:
            return (
                f"'{stem}' is not a technique ID (lowercase-kebab-case, e.g. remercier): rename the file after the technique's ID, "
                "or delete it (it is neither published nor read)"
            )
        return (
            "a content file out of place: a technique's content is docs/techniques/<ID>.yml and the whole-article quiz docs/quiz.yml; "
            "move it there or delete it (it is neither published nor read)"
        )
    return None


@dataclass
class Inventory:
    """What docs/ holds, every path relative to it (a `/` between folders)."""

    pages: list[str] = field(default_factory=list)
    techniques: list[str] = field(default_factory=list)  # the slugs of docs/techniques/<slug>.yml
    quiz: bool = False
    assets: list[str] = field(default_factory=list)  # published only where a page uses them
    skipped: list[str] = field(default_factory=list)  # the system's and editors' working files


def inventory(docs: Path, name: Callable[[Path], str], languages: tuple[str, ...]) -> Inventory:
    """Every file under `docs`, sorted; the first one that has no place there, or that cannot be
    opened, raises `ContentError` (`name` gives a path as errors show it)."""
    found = Inventory()
    seen_folders: set[tuple[int, int]] = set()

    def walk(folder: Path, rel: str) -> None:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen_folders:
                raise ContentError(name(folder), "(folder)", "a link to a folder that holds it (a loop): delete the link")
            seen_folders.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            raise ContentError(name(folder), "(folder)", why_unreadable(folder, error).replace("read it", "open it")) from None
        for entry in entries:
            path, sub = folder / entry.name, f"{rel}{entry.name}"
            if WORKING_FILES.match(entry.name):
                found.skipped.append(sub)
                continue
            try:
                mode = path.stat().st_mode
            except OSError as error:
                raise ContentError(name(path), "(file)", why_unreadable(path, error)) from None
            if stat.S_ISDIR(mode):
                walk(path, f"{sub}/")
            elif not stat.S_ISREG(mode):
                raise ContentError(name(path), "(file)", "not a regular file (a pipe or a device): delete it")
            else:
                reason = stray_reason(sub, languages)
                if reason:
                    raise ContentError(name(path), "(file)", reason)
                if sub.endswith(".md"):
                    found.pages.append(sub)
                elif sub == QUIZ_FILE:
                    found.quiz = True
                elif sub.endswith(".yml"):
                    found.techniques.append(sub.rsplit("/", 1)[1][:-4])
                else:
                    found.assets.append(sub)

    walk(docs, "")
    return found
