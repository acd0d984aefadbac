"""Every built page through the W3C Nu HTML Checker (vnu-jar from npm, pinned in tools/; it needs
Java): no error in the guide's own markup. Material's own templates cause a few errors on every
page; each is listed below with the template and the markup it comes from, and nothing else is
let through. The list is kept exact: an entry Material no longer causes must go."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from support.project import ROOT

VNU = ROOT / "tools/node_modules/vnu-jar/build/dist/vnu.jar"
# One short run: Java's quick compiler only and its simple collector (a third of the CPU time, the
# same report); the quick compiler's deeper stack frames need more than the default stack.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]

# (the checker's message, Material's template, what the markup in error looks like)
MATERIAL_TEMPLATE_ERRORS = [
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
        "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        # base.html: the hidden checkboxes that open the drawer and the search, autocomplete="off"
        "base.html",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
    ),
    (
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        # partials/nav-item.html: a section's label in the navigation (navigation.sections), tabindex="{{ tabindex }}"
        # with tabindex left undefined for sections
        "partials/nav-item.html",
        r'<label class="md-nav__link" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
    ),
]


def material_template(message: dict) -> str | None:
    """The Material template an error comes from, or None when it is the guide's own."""
    for text, template, markup in MATERIAL_TEMPLATE_ERRORS:
        if message["message"] == text and re.search(markup, message.get("extract", "")):
            return template
    return None


@pytest.mark.slow
def test_every_page_is_valid_html(site):
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("The HTML checker needs Java and vnu-jar: scripts/test.sh installs both (npm ci in tools/)")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 25
    command = [java, *JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", *map(str, pages)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]  # the checker writes its report on stderr
    assert result.returncode == (1 if messages else 0), result.stderr

    own, from_material = [], set()
    for message in messages:
        template = material_template(message)
        if template is None:
            where = message.get("url", "").partition(f"{site.as_posix()}/")[2]
            own.append(f"{where}:{message.get('lastLine', '?')}: {message['type']}: {message['message']} {message.get('extract', '')!r}")
        else:
            from_material.add(template)
    assert own == []
    # every page comes with Material's header and navigation; an entry that no longer matches
    # anything is taken off the list
    assert from_material == {template for _, template, _ in MATERIAL_TEMPLATE_ERRORS}
