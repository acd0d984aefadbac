"""Rewrites of the HTML that Material and static-i18n generate: each finds its tags by parsing
their attributes (whatever their order) and fails loudly when the markup it expects is gone, so
an upgrade that changes the theme's markup stops the build instead of quietly shipping a page the
rewrite missed."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from html.parser import HTMLParser

from mkdocs.exceptions import PluginError

Attrs = dict[str, str | None]


class _StartTag(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs


def attributes(tag: str) -> Attrs:
    """The attributes of one start tag (`<link rel="x" href="y">`), entities decoded."""
    parser = _StartTag()
    parser.feed(tag)
    parser.close()
    return dict(parser.attrs)


def start_tag(name: str, attrs: Attrs) -> str:
    parts = [name] + [key if value is None else f'{key}="{html_lib.escape(value)}"' for key, value in attrs.items()]
    return f"<{' '.join(parts)}>"


def rewrite_tags(html: str, name: str, wanted: Callable[[Attrs], bool], change: Callable[[Attrs], Attrs | None], what: str) -> str:
    """Every `<name …>` tag whose attributes are `wanted`, rewritten with `change(attrs)` (or
    removed, where it gives None: for void tags such as <link>). Raises when there is none:
    `what` says which markup was expected."""
    found = 0

    def rewrite(match: re.Match) -> str:
        nonlocal found
        attrs = attributes(match.group(0))
        if not wanted(attrs):
            return match.group(0)
        found += 1
        changed = change(dict(attrs))
        return "" if changed is None else start_tag(name, changed)

    html = re.sub(rf"<{name}\b[^>]*>", rewrite, html)
    if not found:
        raise PluginError(f"the theme's markup has changed: no {what} found to rewrite")
    return html


def _json_script(html: str, script_id: str) -> re.Match:
    for match in re.finditer(r"(<script\b[^>]*>)(.*?)(</script>)", html, re.S):
        if attributes(match.group(1)).get("id") == script_id:
            return match
    raise PluginError(f'the theme\'s markup has changed: no <script id="{script_id}"> found')


def rewrite_json_script(html: str, script_id: str, change: Callable[[str], str]) -> str:
    """The body of the `<script id=…>` data block rewritten with `change(body)`; raises when absent."""
    match = _json_script(html, script_id)
    return html[: match.start(2)] + change(match.group(2)) + html[match.end(2) :]


def json_script(html: str, script_id: str) -> str:
    """The body of the `<script id=…>` data block; raises when absent."""
    return _json_script(html, script_id).group(2)
