"""The guide to take away, made after every language of the site is built, into `downloads/`: an
offline copy of the whole guide (every language, opened from disk) and a SCORM 1.2 package per
language for learning platforms. It is given what to pack (`Packing`) and imports nothing above it.

Both come from one more build of the site, a child `mkdocs build` into a temporary folder, with
Material's `offline` plugin on (offline.py): pages as files (`techniques/remercier.html`: neither a
disk nor every platform opens a folder's index.html), each language's search index also as a
script, no embed pages, and no site address (nothing in a package leads to the published site).
The PDF handouts are the website's, copied; source maps are left out.

- The offline copy: the site in one folder of the zip; the reader unzips it and opens index.html.
- A SCORM package: the same files, a launch page (overrides/scorm.html, its script
  overrides/assets/guide/scorm.js) and `imsmanifest.xml` at the zip's root. The launch page holds
  the platform's session for the whole visit and shows the guide's pages in a frame, starting at
  its language's home (the other languages stay a click away, as on the website).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from .csp import add_policy
from .model import SCALE
from .routes import DOWNLOADS, LAUNCH_PAGE, MANIFEST, NAME, OFFLINE_ZIP, scorm_zip
from .settings import OFFLINE_ENV, Settings

LEFT_OUT = (".map",)  # source maps: nothing a reader uses, a third of the copy's weight
NOT_FOUND = "404.html"  # no server shows it: left out (its links lead to the root of a server)
LAUNCH_TEMPLATE = "scorm.html"  # in overrides/
LAUNCH_SCRIPT = "assets/guide/scorm.js"  # bundled in the offline build only (assets.py)
SCHEMA_VENDOR = Path(__file__).with_name("vendor") / "scorm12"  # SCORM 1.2's XSDs, unchanged (NOTICE.md there)
# Each namespace of the manifest and the schema file that defines it, shipped at the zip's root
# and named by the manifest's xsi:schemaLocation; ims_xml.xsd, imported by the others, beside them.
SCHEMA_LOCATIONS = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
}
SCHEMAS = (*SCHEMA_LOCATIONS.values(), "ims_xml.xsd")


@dataclass(frozen=True)
class PackedLanguage:
    lang: str
    prefix: str  # its folder in the site: "" or "en/"
    title: str  # the site's name in that language


@dataclass(frozen=True)
class Packing:
    """What to pack, as the site's build leaves it."""

    site_dir: Path
    config_file: Path | None  # mkdocs.yml: the offline copy is built from it
    strict: bool
    settings: Settings  # the offline copy's build's (Settings.for_offline_copy)
    offline_plugin: bool  # does mkdocs.yml list Material's offline plugin
    languages: tuple[PackedLanguage, ...]  # the default first
    templates: jinja2.Environment  # the theme's templates (overrides/ first): the launch page's
    favicon: str  # the theme's, in the site
    quiz_id: str  # the article quiz's: the score a SCORM package reports


@dataclass(frozen=True)
class OfflineCopy:
    """The site's offline copy being built by a child `mkdocs build` (`offline_copy`)."""

    child: subprocess.Popen
    said: Path  # what the child prints
    site: Path  # where it builds the copy

    def wait(self) -> Path:
        """The copy's folder, once the child has built it; a PluginError with its lines if it failed."""
        if self.child.wait():
            lines = self.said.read_text(encoding="utf-8", errors="replace").splitlines()
            said = [line for line in lines if line.startswith(("ERROR", "WARNING"))] or lines[-3:]
            raise PluginError(f"the offline copy's build failed: {' | '.join(said)}")
        return self.site


@contextlib.contextmanager
def offline_copy(packing: Packing):
    """The site once more, offline, in a temporary folder: a child `mkdocs build`, as from a shell,
    started at once (speed: it builds while this process makes the PDFs) and waited for by
    `write_packages`. Stopped if still running when the block ends; its folder is removed then."""
    if not packing.offline_plugin or packing.config_file is None:
        raise PluginError(f"mkdocs.yml: plugins: the offline copy needs Material's offline plugin, enabled by {OFFLINE_ENV}")
    project = packing.config_file
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as folder:
        site, said = Path(folder) / "site", Path(folder) / "said.txt"
        args = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project), "-d", str(site)]
        if packing.strict:
            args.append("--strict")
        env = {**os.environ, **packing.settings.environ(), "NO_MKDOCS_2_WARNING": "1"}
        with said.open("w", encoding="utf-8") as out:  # a file, not a pipe: a full pipe would stall the child
            child = subprocess.Popen(args, cwd=project.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield OfflineCopy(child, said, site)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()


def write_packages(packing: Packing, offline: OfflineCopy) -> None:
    """The offline copy (`offline`, once built) and the SCORM packages, into the site's `downloads/`."""
    site = packing.site_dir
    copy = offline.wait()
    for language in packing.languages:
        if (site / language.prefix / "pdf").is_dir():
            shutil.copytree(site / language.prefix / "pdf", copy / language.prefix / "pdf")
    (copy / NOT_FOUND).unlink(missing_ok=True)
    files = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file() and not p.name.endswith(LEFT_OUT))
    (site / DOWNLOADS).mkdir(exist_ok=True)
    write_zip(site / OFFLINE_ZIP, {f"{NAME}/{name}": copy / name for name in files})
    for language in packing.languages:
        manifest = scorm_manifest(language, [LAUNCH_PAGE, *files])
        launch = launch_page(packing, language)
        entries = {MANIFEST: manifest, **schema_files(), LAUNCH_PAGE: launch, **{name: copy / name for name in files}}
        write_zip(site / scorm_zip(language.lang), entries)


def write_zip(target: Path, entries: dict[str, Path | str]) -> None:
    """A zip of `entries` (name in the zip → a file, or a text), in their order."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, source in entries.items():
            if isinstance(source, Path):
                archive.write(source, name)
            else:
                archive.writestr(name, source)


def schema_files() -> dict[str, Path]:
    """SCORM 1.2's schema files, at the package's root (not part of the SCO: not in its resource)."""
    return {name: SCHEMA_VENDOR / name for name in SCHEMAS}


def schema_location() -> str:
    """The manifest's xsi:schemaLocation: each namespace, then its schema file in the package."""
    return " ".join(f"{namespace} {name}" for namespace, name in SCHEMA_LOCATIONS.items())


def launch_page(packing: Packing, language: PackedLanguage) -> str:
    """The SCO: the guide's pages in a frame, from the language's home, and the script that
    holds the platform's session (overrides/scorm.html)."""
    config = json.dumps({"scale": SCALE, "quiz": packing.quiz_id}).replace("</", "<\\/")
    html = packing.templates.get_template(LAUNCH_TEMPLATE).render(
        lang=language.lang,
        title=language.title,
        start=f"{language.prefix}index.html",
        favicon=packing.favicon,
        config=Markup(config),
        script=LAUNCH_SCRIPT,
    )
    return add_policy(html)


def scorm_manifest(language: PackedLanguage, files: list[str]) -> str:
    """imsmanifest.xml (SCORM 1.2 content packaging): one organisation, one item, one SCO
    resource listing every file of the package (but the manifest and the schemas, named by
    xsi:schemaLocation), all by relative address."""
    title = escape(language.title)
    listed = "\n".join(f'      <file href="{escape(quote(name))}"/>' for name in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{NAME}-{language.lang}" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="{schema_location()}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="guide">
    <organization identifier="guide">
      <title>{title}</title>
      <item identifier="guide-item" identifierref="guide-sco" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="guide-sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH_PAGE}">
{listed}
    </resource>
  </resources>
</manifest>
"""
