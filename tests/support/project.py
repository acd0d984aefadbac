"""The project under test: its root, the hooks package on the path, its languages, its guide."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

from guide.content import load_guide  # noqa: E402  (needs hooks/ on the path)

LANGUAGES = ("fr", "en")  # the site's, as mkdocs.yml declares them
LANGS = {"fr": "", "en": "en/"}  # each language's folder in the built site
GUIDE = load_guide(ROOT / "docs", ROOT, LANGUAGES)  # the guide's content, as the build reads it
SLUGS = [t.id for t in GUIDE.techniques]


def docs_pages() -> list[str]:
    """The default language's pages in docs/ (a translation is `<name>.<lang>.md`)."""
    others = tuple(f".{lang}.md" for lang in LANGUAGES[1:])
    return sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md") if not p.name.endswith(others))
