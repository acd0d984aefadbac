"""Markers as Markdown sees them (markers.py): where one counts, what a near miss is told, a page
and its translation, and the files a page uses. Pages are converted with the site's own Markdown
extensions (mkdocs.yml)."""

from __future__ import annotations

import functools

import pytest
from guide.files import ContentError
from guide.markers import Marker, MarkerExtension, MarkerRules, Page, PageReader, compare_translations
from guide.render import WIDGETS
from support.project import GUIDE, ROOT


@functools.cache
def reader() -> PageReader:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    rules = MarkerRules(GUIDE, {kind: widget.takes_id for kind, widget in WIDGETS.items()})
    return PageReader(rules, config.markdown_extensions, config.mdx_configs)


def markers(text: str) -> list[tuple[str, str, int]]:
    return [(m.kind, m.arg, m.line) for m in reader().read(text, "docs/p.md", "p.md").markers]


def error(text: str) -> str:
    with pytest.raises(ContentError) as caught:
        reader().read(text, "docs/p.md", "p.md")
    return str(caught.value).removeprefix("docs/p.md: ")


def test_markers_count_on_their_own_line_at_the_top_level():
    page = "---\ntitle: T\n---\n\n# Title\n\nText.\n<!-- guide:quiz remercier -->\n\n## Next\n\n<!-- guide:assessment -->\n"
    assert markers(page) == [("quiz", "remercier", 8), ("assessment", "", 12)]


@pytest.mark.parametrize(
    "page",
    [
        "Write `<!-- guide:quiz nothing -->` on its own line.\n",  # inline code
        "```\n<!-- guide:quiz nothing -->\n```\n",  # a fenced block
        "~~~markdown\n<!--guide:Quiz x-->\n~~~\n",
        "Text.\n\n    <!-- guide:quiz nothing -->\n",  # an indented block
        "- In a list:\n\n    ```\n    <!-- guide:checklst x -->\n    ```\n",  # a fenced block in a list item
        '---\ndescription: "<!-- guide:quiz nothing -->"\n---\n\n# T\n',  # the front matter
        "<!-- a comment of the editor's -->\n\n<!-- plan: revoir ce paragraphe -->\n",  # comments that are not markers
        "Le guide : quiz, liste et plan.\n",
    ],
)
def test_what_shows_a_marker_as_text_or_is_no_marker_places_nothing(page):
    assert markers(page) == []


@pytest.mark.parametrize(
    "page",
    [
        "Write `<!-- guide:quiz nothing -->` or `guide:quiz x` on its own line.\n",
        "```html\n<!-- guide:quiz nothing -->\n```\n",
        "- In a list:\n\n    ```\n    <!--guide:Quiz x-->\n    ```\n",
        "Text.\n\n    <!-- guide:quiz\n    nothing -->\n",
        "# Title\n\n<!-- guide:quiz remercier -->\n\n<!-- a comment of the editor's -->\n",
        "# The `<!-- guide:quiz ID -->` marker\n\n## Its `guide:quiz` part\n",  # the headings' IDs and the table of contents
        '![guide:quiz remercier](a.png "<!-- guide:quiz remercier -->")\n',
    ],
)
def test_the_page_converts_as_if_its_markers_were_not_looked_for(page):
    """Markers are looked for during the page's one conversion: what the page shows (code, comments,
    the markers themselves, which the widgets replace next) comes out as Markdown alone makes it."""
    import markdown

    reader()  # the site's extensions
    rules, extensions, configs = reader().rules, reader().extensions, reader().configs
    extension = MarkerExtension(rules)
    extension.begin(Page("docs/p.md", "p.md"))
    md, plain = (markdown.Markdown(extensions=e, extension_configs=configs) for e in ([*extensions, extension], extensions))
    noted = md.convert(page)
    assert "guidesentinel" not in noted
    assert noted == plain.convert(page)
    assert md.toc_tokens == plain.toc_tokens  # the sidebar's headings too


KINDS = "checklist, quiz, self-check, checklists, assessment, answer-key, my-data, plan, downloads"
ALONE = "a marker stands alone on its line, at the top level of the page (not in a list, quote, admonition, table or HTML block)"
EXACT = "is not written as a marker (lowercase, one space inside each end)"


@pytest.mark.parametrize(
    "page, expected",
    [
        (
            "<!-- guide:checklst remercier -->\n",
            f"line 1: <!-- guide:checklst remercier -->: unknown widget (known: {KINDS}): did you mean <!-- guide:checklist remercier -->?",
        ),
        ("<!--guide:quiz article-->\n", f"line 1: <!--guide:quiz article--> {EXACT}: write it exactly <!-- guide:quiz article -->"),
        ("<!--  guide:quiz article  -->\n", f"line 1: <!--  guide:quiz article  --> {EXACT}: write it exactly <!-- guide:quiz article -->"),
        ("<!-- GUIDE:QUIZ ARTICLE -->\n", f"line 1: <!-- GUIDE:QUIZ ARTICLE --> {EXACT}: write it exactly <!-- guide:quiz article -->"),
        ("<!-- guide :quiz article -->\n", f"line 1: <!-- guide :quiz article --> {EXACT}: write it exactly <!-- guide:quiz article -->"),
        ("<!-- guide-quiz article -->\n", f"line 1: <!-- guide-quiz article --> {EXACT}: write it exactly <!-- guide:quiz article -->"),
        ("<!-- gide:quiz article -->\n", f"line 1: <!-- gide:quiz article --> {EXACT}: write it exactly <!-- guide:quiz article -->"),
        (
            "<!-- guide:quiz remercier please -->\n",
            f"line 1: <!-- guide:quiz remercier please --> {EXACT}: write it exactly <!-- guide:quiz remercier -->",
        ),
        (
            "<!-- guide:quiz remercie -->\n",
            "line 1: <!-- guide:quiz remercie -->: no content with ID 'remercie' (known: attitude-positive, "
            "poser-des-questions, contact-visuel, aider-les-autres, digne-de-confiance, suivi-des-recommandations, remercier, article): "
            "did you mean <!-- guide:quiz remercier -->?",
        ),
        (
            "<!-- guide:my-data all -->\n",
            "line 1: <!-- guide:my-data all -->: this widget takes no ID, got 'all': write <!-- guide:my-data -->",
        ),
        ("<!-- guide:poll -->\n", f"line 1: <!-- guide:poll -->: unknown widget (known: {KINDS})"),
        (
            "<!-- guide:\u200bquiz article -->\n",
            f"line 1: <!-- guide:[U+200B]quiz article --> {EXACT}: it holds an invisible U+200B ZERO WIDTH SPACE; "
            "type it again, exactly <!-- guide:quiz article -->",
        ),
        ("Text <!-- guide:quiz article --> text.\n", f"line 1: <!-- guide:quiz article --> is inside a sentence: {ALONE}"),
        ("# Quiz <!-- guide:quiz article -->\n", f"line 1: <!-- guide:quiz article --> is inside a heading: {ALONE}"),
        ("1. First\n\n    <!-- guide:quiz article -->\n", f"line 3: <!-- guide:quiz article --> is inside a list item: {ALONE}"),
        ("> <!-- guide:quiz article -->\n", f"line 1: <!-- guide:quiz article --> is inside a quote (>): {ALONE}"),
        (
            '!!! note "N"\n\n    <!-- guide:quiz article -->\n',
            f"line 3: <!-- guide:quiz article --> is inside an admonition (!!!): {ALONE}",
        ),
        (
            "??? note\n    <!-- guide:quiz article -->\n",
            f"line 2: <!-- guide:quiz article --> is inside a collapsible block (???): {ALONE}",
        ),
        ("| a |\n|---|\n| <!-- guide:quiz article --> |\n", f"line 3: <!-- guide:quiz article --> is inside a table: {ALONE}"),
        (
            "<div markdown>\n\n<!-- guide:quiz article -->\n\n</div>\n",
            f"line 3: <!-- guide:quiz article --> is inside an HTML block (<div>): {ALONE}",
        ),
        (
            "<!-- guide:quiz article --> <!-- guide:assessment -->\n",
            "line 1: <!-- guide:quiz article --> shares its line with other text: a marker stands alone on its line",
        ),
        (
            "<! -- guide:quiz article -->\n",
            "line 1: guide:quiz article looks like a marker but is not an HTML comment: write it exactly <!-- guide:quiz article -->",
        ),
        (
            "<!-- guide:quiz article -->\n\n<!-- guide:quiz article -->\n",
            "line 3: <!-- guide:quiz article --> shows again (line 1): a page shows each widget once",
        ),
        (
            "<!-- guide:self-check remercier -->\n\n<!-- guide:assessment -->\n",
            "line 3: <!-- guide:assessment --> shows what <!-- guide:self-check remercier --> "
            "shows (line 1): a page shows each widget once",
        ),
        (
            "---\ntitle: [T\n---\n",
            "line 3, column 1: invalid YAML (did not find expected ',' or ']'): a list in [ ] is not closed: close it with ], or put the text in quotes",
        ),
        ("---\n- a\n---\n", "line 2: the front matter (between the --- lines) holds 'key: value' lines, such as title: …"),
        ("---\ntitle:\n---\n", "line 2: the page's title is not text: write it in quotes after 'title: '"),
        ("---\ntitle: T\n\n# T\n", "line 1: the front matter opened by --- is never closed: end it with a line holding ---"),
        (
            "Auteur: moi\n\n# T\n",
            "line 1: 'Auteur: moi' at the top of a page is taken for a page setting and not shown: start the page with its # title, "
            "or put settings between --- lines",
        ),
    ],
)
def test_a_marker_that_would_not_place_its_widget_stops_the_build(page, expected):
    assert error(page) == expected


def test_a_page_and_its_translation_place_the_same_widgets():
    a, b, c = Marker("checklist", "x", 3), Marker("quiz", "x", 5), Marker("quiz", "x", 9)
    compare_translations(("fr.md", [a, b]), ("en.md", [a, c]))  # lines may differ
    cases = [
        (
            [a, b],
            [b, a],
            "en.md: line 5: <!-- guide:quiz x --> stands where fr.md places <!-- guide:checklist x --> (line 3): "
            "a page and its translation place the same widgets in the same order",
        ),
        ([a, b], [a], "en.md: (page): places no <!-- guide:quiz x -->, which fr.md places on line 5: add it at the same place"),
        ([a], [a, c], "en.md: line 9: <!-- guide:quiz x --> is not on fr.md: a page and its translation place the same widgets"),
    ]
    for ours, theirs, expected in cases:
        with pytest.raises(ContentError) as caught:
            compare_translations(("fr.md", ours), ("en.md", theirs))
        assert str(caught.value) == expected


def test_the_files_a_page_uses_are_found_where_markdown_links_them():
    page = '![A photo](img/photo.png) [the sheet](../files/sheet%20A.pdf "title") [site](https://example.org/x.png) [top](/abs.png)\n\n<img src="img/b.jpg" srcset="img/b2.jpg 2x">\n\n[ref]: notes.txt\n\nSee [ref].\n'
    used = reader().read(page, "docs/techniques/p.md", "techniques/p.md").uses
    assert used == {
        "techniques/img/photo.png",
        "files/sheet A.pdf",
        "techniques/img/b.jpg",
        "techniques/img/b2.jpg",
        "techniques/notes.txt",
    }
