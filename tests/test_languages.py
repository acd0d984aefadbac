"""Languages come from mkdocs.yml: a third one is a config entry plus its translations (made here
by a stand-in translator from the English), and the guide builds it like the other two."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from support.builds import build_site
from support.project import ROOT

NEW = "de"
LANGUAGE_ENTRY = f"""
        - locale: {NEW}
          name: Deutsch
          build: true
          site_name: Effektive Networking-Techniken
          nav_translations:
            Les sept techniques: Die sieben Techniken
            S’exercer: Üben
"""


def translated(node):
    """Every text that has an English version gets a German stand-in beside it."""
    if isinstance(node, dict):
        node = {key: translated(value) for key, value in node.items()}
        if isinstance(node.get("en"), str) and "fr" in node:
            node[NEW] = f"[{NEW}] {node['en']}"
        return node
    if isinstance(node, list):
        return [translated(value) for value in node]
    return node


def add_language(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    after = "\n  - offline:"  # the plugin listed after i18n's languages
    assert after in text
    config.write_text(text.replace(after, LANGUAGE_ENTRY + after, 1), encoding="utf-8")
    for path in [*(project / "docs").rglob("*.yml"), project / "hooks/guide/strings.yml"]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(translated(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for page in (project / "docs").rglob("*.en.md"):
        page.with_name(page.name.replace(".en.md", f".{NEW}.md")).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_third_language_builds_pages_search_and_widgets(tmp_path):
    for part in ["docs", "hooks", "overrides", "mkdocs.yml"]:
        source = ROOT / part
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / part, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
    add_language(tmp_path)
    site = tmp_path / "site"
    result = build_site(site, tmp_path / "mkdocs.yml", GUIDE_PDFS="off", GUIDE_SITE_URL="https://example.org/")
    assert result.returncode == 0, result.stderr

    def page(path: str) -> BeautifulSoup:
        return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    home = page(NEW)
    assert home.html["lang"] == NEW
    assert {link["hreflang"] for link in home.select(".md-select__link[hreflang]")} == {"fr", "en", NEW}  # the language switch
    # widgets in the new language, from content and interface strings
    technique = page(f"{NEW}/techniques/remercier")
    checklist = technique.select_one('[data-guide-checklist="remercier"]')
    labels = [label.get_text() for label in checklist.select("label")]
    assert labels and all(label.startswith(f"[{NEW}] ") for label in labels)
    assert checklist.select_one("legend").get_text() == f"[{NEW}] Before the event"
    assert technique.select_one('form[data-guide-quiz="remercier"] legend').get_text(" ", strip=True).startswith(f"[{NEW}] Question 1.")
    config = json.loads(technique.find(id="guide-config").string)
    assert config["strings"]["progress"] == f"[{NEW}] {{done}} / {{total}} ticked"
    # its own search index, with its own pages only
    index = json.loads((site / NEW / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [NEW]
    assert index["docs"] and not any(d["location"].startswith(("en/", f"{NEW}/")) for d in index["docs"])
    french = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith(f"{NEW}/") for d in french["docs"])
    # the 404 page speaks it too, and links to its home
    not_found = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    block = not_found.find("div", lang=NEW)
    assert block.get_text(" ", strip=True).startswith(f"[{NEW}] Page not found")
    assert block.find("a")["href"].endswith(f"/{NEW}/")
