"""Three versions of the published site, served from a sub-folder of a server of their own as a
host publishes one in place of another: version 1 is the site as built; versions 2 and 3 the same
with one page's text changed and the worker's precache list made again from its files
(`pocket.write_worker`, as the build does). The pocket tests in Chromium and the update journey in
Firefox publish the second in place of the first; a page left open meets the third too."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

from guide import pocket
from guide.assets import LATER
from guide.routes import WORKER

from .project import LANGS, LANGUAGES
from .server import host_headers, serve

FOLDER = "formation/guide"  # the sub-folder the site is served from
CHANGED = "remercier"  # the technique whose page version 2 changes
CHANGED_IN = "Cette page a changé dans la version {n}."  # what version n adds to that page, as #version-n
NEW_TEXT = CHANGED_IN.format(n=2)
ADDED = "techniques/ajoutee/"  # a page versions 2 and 3 add (a copy of the CHANGED one)
MARK = "window.guideVersion"  # the version number a version's script sets (none in version 1)
VERSION_2 = "#version-2"
VERSION_3 = "#version-3"
A_YEAR = "public, max-age=31536000"  # a host that lets browsers keep every file a year
PUBLISH = "/guide-tests-publish-version-2"  # asked for (by a test's driver), the server serves version 2
# What an open page shows once version 2 is ready (overrides/main.html, pocket.js), in French.
NOTICE = "[data-guide-update][role=status]"
OFFERED = "[data-guide-update][data-ready]"  # the notice once it offers a version
READY = "Une nouvelle version du guide est prête."
SHOW = "Afficher la nouvelle version"  # the notice's button
# Run in a page: what the page's origin keeps in its caches, cache name → addresses (`kept`).
CACHES = """async () => {
  const out = {};
  for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  return out;
}"""


def kept(caches: dict[str, list[str]]) -> dict[str, set[str]]:
    """What CACHES answered: cache name → addresses, without their revision."""
    return {name: {url.split("?revision=")[0] for url in urls} for name, urls in caches.items()}


def versioned(caches: dict) -> set[str]:
    """The names of the caches that hold a version of the site (the PDFs fetched keep theirs)."""
    return {name for name in caches if not name.endswith(" downloads")}


class Versions:
    """Versions of the site, one of them served at `base`, a sub-folder of another server."""

    def __init__(self, root: Path, first: Path, second: Path):
        self.root, self.first, self.second = root, first, second
        self.origin = self.base = ""
        self.server = None

    @functools.cached_property
    def third(self) -> Path:
        """Version 3, made when a test first asks for it (the Firefox journeys need none)."""
        return next_version(self.first, self.root, 3)

    def publish(self, version: Path) -> None:
        """`version` served in place of the other at once."""
        publish(self.root, version)

    def files_of(self, version: Path, lang: str) -> set[str]:
        """Every address the worker keeps for a reader of `lang`."""
        data = pocket.read_precache(version)
        return {self.base + path for path, _ in data["shared"] + data["languages"][lang]}


def publish(root: Path, site: Path) -> None:
    """`site` served from FOLDER under `root`, in place of what was there at once, as a host swaps a folder."""
    link = root / FOLDER
    link.parent.mkdir(parents=True, exist_ok=True)
    temporary = link.with_name("next")
    temporary.symlink_to(site, target_is_directory=True)
    os.replace(temporary, link)


def link_or_copy(source: str, target: str) -> None:
    """Speed: version 2's files are links to version 1's (a copy where the two folders cannot link)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def rewrite(file: Path, change) -> None:
    """A file of version 2 changed: a file of its own first (the others are links to version 1's)."""
    text = file.read_text(encoding="utf-8")
    file.unlink()
    file.write_text(change(text), encoding="utf-8")


def next_version(site: Path, root: Path, number: int) -> Path:
    """Version `number` under `root`: `site` with a paragraph of its own on the CHANGED page
    (#version-n, CHANGED_IN), a page ADDED, its script setting MARK to `number`, and the worker's
    precache list made again."""
    version = root / f"v{number}"
    shutil.copytree(site, version, copy_function=link_or_copy)
    marked = f'</h1>\n<p id="version-{number}">{CHANGED_IN.format(n=number)}</p>'
    rewrite(version / f"techniques/{CHANGED}/index.html", lambda text: text.replace("</h1>", marked, 1))
    (version / ADDED).mkdir()
    shutil.copy(version / f"techniques/{CHANGED}/index.html", version / ADDED / "index.html")
    rewrite(version / "assets/guide/guide.js", lambda text: f"{text}\n{MARK} = {number};\n")
    code = pocket.worker_code((version / WORKER).read_text(encoding="utf-8"))
    (version / WORKER).unlink()
    pocket.write_worker(version, [(lang, LANGS[lang]) for lang in LANGUAGES], code, LATER)
    return version


def serve_versions(site: Path, root: Path) -> Versions:
    """Version 1 (`site` itself) served, version 2 made beside it under `root` (and version 3 once
    asked for: `Versions.third`), each served once `publish`ed (version 2 also once a driver asks
    the server for `PUBLISH`), by a host that lets browsers keep every file a year (the worker must
    fetch past that) and sends the headers the build asks for in `_headers` (the worker's own
    script with its policy). Shut `.server` down after."""
    second = next_version(site, root, 2)
    served = Versions(root, site, second)
    served.publish(site)
    served.server = serve(root, cache_control=A_YEAR, headers=host_headers(site), actions={PUBLISH: lambda: served.publish(second)})
    served.origin = f"http://127.0.0.1:{served.server.server_port}"
    served.base = f"{served.origin}/{FOLDER}/"
    return served
