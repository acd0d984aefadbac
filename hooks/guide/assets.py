"""The guide's scripts and style: shipped minified, and what the pages need of them.

Scripts are ES modules, one per widget, copied to `assets/guide/` minified (local names shortened;
the sources in overrides/ stay readable). The style sheet is small, so every page carries it
inline (no stylesheet request more than stock Material before the first paint). The interface
strings a page carries are exactly those the scripts ask for with `t("key")`.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .cache import keep, kept_path

ASSETS = "assets/guide"
STYLE = f"{ASSETS}/guide.css"
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}
# t("key") reads one string; t(`prefix_${name}`) any string whose key starts with prefix_
STRING_CALL = re.compile(r"""\bt\(\s*(?:["']([a-z0-9_]+)["']|`([a-z0-9_]+)\$\{)""")


class Assets:
    """The minified files of one build, by their path in the site."""

    def __init__(self, files: Files, config):
        self.minified: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        for file in [f for f in files if f.src_uri.startswith(f"{ASSETS}/") and Path(f.src_uri).suffix in MEDIA_TYPES]:
            source = Path(file.abs_src_path).read_bytes()
            target = kept_path("networking-guide-assets", source, f"-{Path(file.src_uri).name}")
            if not target.exists():
                keep(target, _minified(source.decode("utf-8"), file.src_uri))
            self.sources[file.src_uri] = source.decode("utf-8")
            self.minified[file.src_uri] = target.read_text(encoding="utf-8")
            files.remove(file)
            if file.src_uri != STYLE:  # the style sheet goes inline
                files.append(File.generated(config, file.src_uri, abs_src_path=str(target)))

    @property
    def style(self) -> str:
        return self.minified.get(STYLE, "")

    def string_keys(self, available: dict[str, str]) -> frozenset[str]:
        """The interface strings the scripts can ask for, read from the scripts themselves."""
        exact, prefixes = set(), set()
        for uri, source in self.sources.items():
            if uri.endswith(".js"):
                for key, prefix in STRING_CALL.findall(source):
                    (exact.add(key) if key else prefixes.add(prefix))
        unknown = sorted(k for k in exact if k not in available)
        if unknown:
            raise PluginError(f"hooks/guide/strings.yml: {unknown[0]}: missing, but a script asks for it")
        return frozenset(exact | {k for k in available if k.startswith(tuple(prefixes))})


def _minified(source: str, src_uri: str) -> bytes:
    import minify  # tdewolff-minify

    try:
        return minify.string(MEDIA_TYPES[Path(src_uri).suffix], source).encode("utf-8")
    except minify.MinifyError as error:
        raise PluginError(f"overrides/{src_uri}: {str(error).splitlines()[0]}") from None
