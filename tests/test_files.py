"""The reading rules (files.py), what docs/ may hold, and YAML as editors write it (yamlfile.py):
each rule with its exact one-line message."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from guide.files import ContentError, decode, inventory, read_text, stray_reason
from guide.yamlfile import invisible, parse

LANGUAGES = ("fr", "en")


def error(call, *args) -> str:
    with pytest.raises(ContentError) as caught:
        call(*args)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- files as editors save them ----------------------------------------------------------------


@pytest.mark.parametrize(
    "data, text",
    [
        (codecs.BOM_UTF8 + "id: é\n".encode(), "id: é\n"),  # Notepad's byte-order mark
        (b"a: 1\r\nb: 2\r\n", "a: 1\nb: 2\n"),  # Windows line endings
        (b"a: 1\rb: 2\r", "a: 1\nb: 2\n"),  # old Mac line endings
        ("tab\there, no-break\u00a0space, « guillemets »\n".encode(), "tab\there, no-break\u00a0space, « guillemets »\n"),
    ],
)
def test_what_editors_save_is_read_as_written(data, text):
    assert decode(data, "f.yml") == text


@pytest.mark.parametrize(
    "data, expected",
    [
        (
            "ligne 1\nune réponse\n".encode("cp1252"),
            "f.yml: line 2, column 6: not UTF-8 (byte 0xE9, “é” in Windows-1252, “ANSI” in Notepad): save the file as UTF-8",
        ),
        (
            "l’article".encode("cp1252"),
            "f.yml: line 1, column 2: not UTF-8 (byte 0x92, “’” in Windows-1252, “ANSI” in Notepad): save the file as UTF-8",
        ),
        ("id: x\n".encode("utf-16"), "f.yml: line 1: saved as UTF-16 (“Unicode” in Notepad), not UTF-8: save it again as UTF-8"),
        ("id: x\n".encode("utf-16-be"), "f.yml: line 1: saved as UTF-16 (“Unicode” in Notepad), not UTF-8: save it again as UTF-8"),
        (b"a: 1\nb: x\x0by\n", "f.yml: line 2, column 5: an invisible U+000B VERTICAL TAB, a word processor's line break: delete it"),
        (b"a\x00", "f.yml: line 1, column 2: an invisible U+0000 NUL: delete it"),
        (b"a: 1\r\nb: \x1b\r\n", "f.yml: line 2, column 4: an invisible U+001B ESCAPE: delete it"),
        (
            "a\u0085".encode(),
            "f.yml: line 1, column 2: an invisible U+0085 a control character, often Windows-1252 text read the wrong way: delete it",
        ),
        ("a\u2029b".encode(), "f.yml: line 1, column 2: an invisible U+2029 PARAGRAPH SEPARATOR: delete it"),
        ("x\n\u202eabc".encode(), "f.yml: line 2, column 1: an invisible U+202E RIGHT-TO-LEFT OVERRIDE: delete it"),
        ("a\n\ufeffb".encode(), "f.yml: line 2, column 1: an invisible U+FEFF ZERO WIDTH NO-BREAK SPACE: delete it"),
    ],
)
def test_what_is_not_text_is_refused_with_its_place(data, expected):
    assert error(decode, data, "f.yml") == expected


def test_unreadable_files_say_why(tmp_path, monkeypatch):
    assert error(read_text, tmp_path / "none.md", "none.md") == "none.md: (file): missing"
    os.symlink("gone.md", tmp_path / "link.md")
    assert error(read_text, tmp_path / "link.md", "link.md") == (
        "link.md: (file): a link to nowhere (gone.md does not exist): replace the link with the file, or delete it"
    )
    os.symlink("loop.md", tmp_path / "loop.md")
    assert error(read_text, tmp_path / "loop.md", "loop.md") == (
        "loop.md: (file): a link that leads back to itself (a loop): replace the link with the file, or delete it"
    )
    (tmp_path / "folder.md").mkdir()
    assert (
        error(read_text, tmp_path / "folder.md", "folder.md")
        == "folder.md: (file): a folder where a file is expected: move the folder away"
    )

    def refused(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refused)  # root reads everything: the refusal is simulated
    (tmp_path / "locked.md").write_text("x", encoding="utf-8")
    assert error(read_text, tmp_path / "locked.md", "locked.md") == (
        "locked.md: (file): no permission to read it: let the account that builds the guide read it"
    )


# --- what docs/ may hold -----------------------------------------------------------------------

KEPT = "neither published nor read: delete it or move it out of docs/"


@pytest.mark.parametrize(
    "path, reason",
    [
        ("index.md", None),
        ("index.en.md", None),
        ("quiz.yml", None),
        ("techniques/remercier.yml", None),
        ("images/photo.png", None),
        ("techniques/remercier.yml.bak", f"an editor's backup or temporary copy of remercier.yml, {KEPT}"),
        ("techniques/remercier.yml~", f"an editor's backup copy of remercier.yml, {KEPT}"),
        ("techniques/remercier.swp", f"an editor's backup or temporary copy of remercier, {KEPT}"),
        ("quiz.yml.orig", f"an editor's backup or temporary copy of quiz.yml, {KEPT}"),
        ("techniques/Copy of remercier.yml", f"a copy of remercier.yml, {KEPT}"),
        ("techniques/Copie de remercier.yml", f"a copy of remercier.yml, {KEPT}"),
        ("techniques/remercier (1).yml", f"a copy of remercier.yml, {KEPT}"),
        ("techniques/remercier - Copy (2).yml", f"a copy of remercier.yml, {KEPT}"),
        ("techniques/remercier copy.md", f"a copy of remercier.md, {KEPT}"),
        ("photocopy.md", None),
        (
            "remercier.yml.txt",
            "saved with an extra .txt (Notepad adds it when “Save as type” is “Text Documents”): rename it remercier.yml",
        ),
        ("techniques/x.YML", "content files end in .yml (in lowercase): rename it x.yml, or delete it (it is neither published nor read)"),
        (
            "techniques/remercier_v2.yml",
            "'remercier_v2' is not a technique ID (lowercase-kebab-case, e.g. remercier): "
            "rename the file after the technique's ID, or delete it (it is neither published nor read)",
        ),
        (
            "trainers/plan.yml",
            "a content file out of place: a technique's content is docs/techniques/<ID>.yml and the whole-article quiz "
            "docs/quiz.yml; move it there or delete it (it is neither published nor read)",
        ),
        ("page.Md", "a page's name ends in .md (in lowercase): rename it page.md"),
        ("page.mkd", "a page's name ends in .md (in lowercase): rename it page.md"),
        ("page.fr.md", "a page in the default language (fr) has no language in its name: rename it page.md"),
        (
            "page.de.md",
            "'.de' in a page's name is not one of the site's languages (fr, en): rename it, or if it is an old copy, delete it or move it out of docs/",
        ),
    ],
)
def test_each_file_of_docs_is_named_for_what_it_is(path, reason):
    assert stray_reason(path, LANGUAGES) == reason


def test_the_systems_and_editors_working_files_are_left_alone(tmp_path):
    docs = tmp_path / "docs"
    for path in ("index.md", "techniques/a.yml", "quiz.yml", "img/x.png"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("x", encoding="utf-8")
    working = [".DS_Store", "Thumbs.db", "desktop.ini", "~$brouillon.docx", "techniques/.a.yml.swp", "techniques/#a.yml#", ".git/config"]
    for path in working:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("x", encoding="utf-8")
    os.symlink("nowhere", docs / "techniques/.#a.yml")  # Emacs's lock: a link to nowhere, hidden
    found = inventory(docs, lambda p: p.relative_to(tmp_path).as_posix(), LANGUAGES)
    assert (found.pages, found.techniques, found.quiz, found.assets) == (["index.md"], ["a"], True, ["img/x.png"])
    assert sorted(found.skipped) == sorted(
        [
            ".DS_Store",
            ".git",
            "Thumbs.db",
            "desktop.ini",
            "techniques/#a.yml#",
            "techniques/.#a.yml",
            "techniques/.a.yml.swp",
            "~$brouillon.docx",
        ]
    )


def test_a_folder_that_cannot_be_opened_is_named(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "techniques").mkdir(parents=True)
    real = os.scandir

    def scandir(path):
        if str(path).endswith("techniques"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert error(inventory, docs, lambda p: p.relative_to(tmp_path).as_posix(), LANGUAGES) == (
        "docs/techniques: (folder): no permission to open it: let the account that builds the guide open it"
    )


# --- YAML as people write it ----------------------------------------------------------------------


def test_anchors_aliases_and_merge_keys_work_as_yaml_says():
    document = parse("base: &b {fr: a, en: b}\nx: *b\ny:\n  <<: *b\n  en: c\nz:\n  <<: [{fr: 1}, {fr: 2, en: 3}]\n", "f.yml")
    assert document.value == {
        "base": {"fr": "a", "en": "b"},
        "x": {"fr": "a", "en": "b"},
        "y": {"fr": "a", "en": "c"},
        "z": {"fr": 1, "en": 3},
    }


def test_what_was_written_is_kept_for_messages():
    document = parse('a: yes\nb: "7"\nc: Bonjour # et le reste\nd: |\n  x\ne: 1.50\n', "f.yml")
    assert document.value == {"a": True, "b": "7", "c": "Bonjour", "d": "x\n", "e": 1.5}
    a, b, c, d, e = (document.scalar(key) for key in "abcde")
    assert (a.raw, a.quoted, a.line) == ("yes", False, 1)
    assert (b.raw, b.quoted) == ("7", True)
    assert c.cut and not a.cut and not b.cut  # the text YAML cut at " #"
    assert d.block and e.raw == "1.50"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "a: 1\n---\nb: 2\n",
            "line 2: a second YAML document begins here (a '---' line): a content file holds one; delete this line, and what follows if it is a leftover",
        ),
        ("? [a, b]\n: c\n", "line 1: a list used as a key: a key is a name followed by a colon (text: …); check the brackets and the '?'"),
        ("{a: 1}: c\n", "line 1: a mapping used as a key: a key is a name followed by a colon (text: …); check the brackets and the '?'"),
        ("yes: 1\n", "line 1: 'yes' as a key is read by YAML as true/false, not as a name: put it in quotes if it is meant"),
        ("12: 1\n", "line 1: '12' as a key is read by YAML as a number, not as a name: put it in quotes if it is meant"),
        ("? \n: 1\n", "line 1: a colon with no key before it: write the key, or delete the colon"),
        ("“title”: x\n", "line 1: the key “title” is in curly quotes (a word processor's): write it without quotes, title:"),
        ("title\u00a0: x\n", "line 1: the key 'title[U+00A0]' holds an invisible U+00A0 NO-BREAK SPACE: type the key again"),
        (
            "a:\n  fr:\u00a0x\n",
            "line 2: after 'fr:' comes U+00A0 NO-BREAK SPACE, which YAML does not take for a space: type an ordinary space there",
        ),
        ("{a: 1, a: 2}\n", "line 1: 'a' is given twice in the same place (first on line 1): keep one"),
        ("a: *nothing\n", "line 1: *nothing repeats no &nothing written before it (or one that holds it): fix the name"),
        ("a: &x [*x]\n", "line 1: *x repeats no &x written before it (or one that holds it): fix the name"),
        ("a:\n  <<: [1]\n", "line 2: a merge key (<<) brings the keys of a mapping (<<: *name): this is no mapping"),
        ("a: !!binary aGk=\n", "line 1: the tag !!binary is not used in the guide's files: delete it, or put the value in quotes"),
        ("a: !custom x\n", "line 1: the tag !custom is not used in the guide's files: delete it, or put the value in quotes"),
        ("a: 2025-02-30\n", "line 1: '2025-02-30' reads as a date but is not a valid one: put it in quotes if it is text"),
        ("a: " + "[" * 40 + "]" * 40 + "\n", "line 1: nested too deep: check the indentation"),
        ("a:\n\t- b\n", "line 2: indented with a tab (YAML needs spaces): replace the tab with spaces"),
        ('a: "x\n', "line 1, column 4: invalid YAML (found unexpected end of stream): a quote opened here is never closed: close it"),
        (
            "a: `x`\n",
            "line 1, column 4: invalid YAML (found character that cannot start any token): a value cannot begin with this character "
            '(@, `, % or a tab): put the value in quotes "…"',
        ),
    ],
)
def test_yaml_traps_have_one_line_with_their_line(text, expected):
    assert error(parse, text, "f.yml") == f"f.yml: {expected}"


@pytest.mark.parametrize(
    "text, found",
    [
        ("Thank\u200b people", "\u200b"),
        ("\u2060word", "\u2060"),
        ("soft\u00adhyphen", None),  # a hyphenation point between letters
        ("\u00adhyphen", "\u00ad"),
        ("👩\u200d💻 a coder", None),  # an emoji sequence
        ("a\u200db", "\u200d"),
        ("\u3164", "\u3164"),  # a Hangul filler: shows nothing
        ("« Bien\u00a0! »", None),
    ],
)
def test_invisible_characters_are_found_where_they_mean_nothing(text, found):
    assert invisible(text) == found
