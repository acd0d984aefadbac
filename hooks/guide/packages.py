"""The guide to take away, built with the site into `downloads/`: an offline copy of the whole
guide (every language, opened from disk) and a SCORM 1.2 package per language for learning
platforms.

Both come from one more build of the site, run as a child `mkdocs build` into a temporary folder
once every language of the website is built, with Material's `offline` plugin on
(GUIDE_OFFLINE=true): pages as files (`techniques/remercier.html`: neither a disk nor every
platform opens a folder's index.html), each language's search index also as a script (nothing can
be fetched from `file://`), Material's search worker run in a frame by the iframe-worker shim,
shipped with the copy (vendor/: the plugin would load it from a CDN), no embed pages, and no site
address: nothing in a package leads to the published site's pages. The PDF handouts are the
website's, copied; source maps are left out.

- The offline copy: the site in one folder of the zip; the reader unzips it and opens index.html.
- A SCORM package: the same files, a launch page (overrides/scorm.html, its script
  overrides/assets/guide/scorm.js) and `imsmanifest.xml` at the zip's root. The launch page holds
  the platform's session for the whole visit and shows the guide's pages in a frame, starting at
  its language's home (the other languages stay a click away, as on the website).
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from .csp import add_policy, script_source
from .html import json_script
from .model import SCALE
from .pages import add_generated

if TYPE_CHECKING:
    from .build import Build, Languages

OFFLINE_ENV = "GUIDE_OFFLINE"  # mkdocs.yml: the offline plugin's `enabled`
OFFLINE_PLUGIN = "material/offline"
NAME = "networking-guide"
DOWNLOADS = "downloads/"
OFFLINE_ZIP = f"{DOWNLOADS}{NAME}-offline.zip"
LAUNCH_PAGE = "launch.html"  # the SCO: where the platform opens the package
LAUNCH_TEMPLATE = "scorm.html"  # in overrides/
LAUNCH_SCRIPT = "scorm"  # overrides/assets/guide/scorm.js, bundled in the offline build only
MANIFEST = "imsmanifest.xml"
LEFT_OUT = (".map",)  # source maps: nothing a reader uses, a third of the copy's weight
NOT_FOUND = "404.html"  # no server shows it: left out (its links lead to the root of a server)
VENDOR = Path(__file__).with_name("vendor") / "iframe-worker"  # iframe-worker 1.0.4 (MIT), from npm, unchanged
SHIM_DIR = "assets/vendor/iframe-worker/"  # where the copy ships it, its licence beside it
SCHEMA_VENDOR = Path(__file__).with_name("vendor") / "scorm12"  # SCORM 1.2's XSDs, unchanged (NOTICE.md there)
# Each namespace of the manifest and the schema file that defines it, shipped at the zip's root
# and named by the manifest's xsi:schemaLocation; ims_xml.xsd, imported by the others, beside them.
SCHEMA_LOCATIONS = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
}
SCHEMAS = (*SCHEMA_LOCATIONS.values(), "ims_xml.xsd")


class Download(NamedTuple):
    kind: str  # "offline" (every language) or "scorm"
    lang: str  # the SCORM package's language; "" for the offline copy
    language: str  # that language's name, in that language
    path: str  # in the site, from its root


def scorm_zip(lang: str) -> str:
    return f"{DOWNLOADS}{NAME}-scorm12-{lang}.zip"


def downloads(languages: Languages) -> list[Download]:
    """What the site offers to download: the offline copy, then a SCORM package per language."""
    scorm = [Download("scorm", lang, name, scorm_zip(lang)) for lang, name in zip(languages.all, languages.names, strict=True)]
    return [Download("offline", "", "", OFFLINE_ZIP), *scorm]


def is_offline(config) -> bool:
    """Is this the build of the offline copy (Material's offline plugin on)?"""
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return bool(plugin and plugin.config.enabled)


# --- the offline build: the shim shipped, and admitted by each page's policy ---------------------


def ship_shim(config) -> None:
    """The offline plugin loads iframe-worker from a CDN unless a polyfill already names it: the
    copy's own instead (on_config, after the plugin's)."""
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, f"{SHIM_DIR}shim.js"]


def add_shim(files: Files, config) -> None:
    for name in ("shim.js", "LICENSE"):
        add_generated(files, config, SHIM_DIR + name, (VENDOR / name).read_text(encoding="utf-8"))


@functools.cache
def _frame_script() -> tuple[str, str]:
    """The inline script iframe-worker writes into the frame it runs a worker in, split where the
    worker's address goes. The shim's code builds it from a template literal naming two of its
    own functions (their source text, as Function.prototype.toString gives it) and the address."""
    shim = (VENDOR / "shim.js").read_text(encoding="utf-8")
    template = re.search(r"<script>(.*?)<\\/script>", shim).group(1)
    address = None
    for name in re.findall(r"\$\{(\w+)\}", template):
        start = shim.find(f"function {name}(")
        if start < 0:
            address = name  # the constructor's argument: the worker's address
            continue
        depth, end = 0, shim.index("{", start)
        while True:
            depth += {"{": 1, "}": -1}.get(shim[end], 0)
            end += 1
            if depth == 0:
                break
        template = template.replace(f"${{{name}}}", shim[start:end])
    if address is None or template.count(f"${{{address}}}") != 1:
        raise PluginError(f"{VENDOR / 'shim.js'}: not the iframe-worker shim this build knows how to admit")
    before, after = template.split(f"${{{address}}}")
    return before, after


def frame_script_sources(html: str) -> list[str]:
    """The policy source of the script iframe-worker writes into its frame for this page's search
    worker (the frame inherits the page's policy): Material hands the shim the worker's address
    as the page's `__config` gives it, relative to the page."""
    worker = json.loads(json_script(html, "__config")).get("search")
    if not worker:
        return []
    before, after = _frame_script()
    return [script_source(f"{before}{worker}{after}")]


# --- the packages -----------------------------------------------------------------------------


def build_offline_copy(config, target: Path) -> None:
    """The site once more, offline, into `target`: a child `mkdocs build`, as from a shell."""
    if OFFLINE_PLUGIN not in config.plugins or config.config_file_path is None:
        raise PluginError(f"mkdocs.yml: plugins: the offline copy needs Material's offline plugin, enabled by {OFFLINE_ENV}")
    project = Path(config.config_file_path)
    args = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project), "-d", str(target)]
    if config.strict:
        args.append("--strict")
    env = {**os.environ, OFFLINE_ENV: "true", "GUIDE_PDFS": "off", "GUIDE_SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(args, cwd=project.parent, env=env, capture_output=True, text=True, encoding="utf-8", check=False)
    if result.returncode:
        lines = (result.stderr + result.stdout).splitlines()
        said = [line for line in lines if line.startswith(("ERROR", "WARNING"))] or lines[-3:]
        raise PluginError(f"the offline copy's build failed: {' | '.join(said)}")


def write_packages(config, builds: list[Build]) -> None:
    """The offline copy and the SCORM packages, into the site's `downloads/` (`builds`: one per
    language, the default first)."""
    site = Path(config.site_dir)
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as folder:
        copy = Path(folder) / "site"
        build_offline_copy(config, copy)
        for build in builds:
            if (site / build.prefix / "pdf").is_dir():
                shutil.copytree(site / build.prefix / "pdf", copy / build.prefix / "pdf")
        (copy / NOT_FOUND).unlink(missing_ok=True)
        files = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file() and not p.name.endswith(LEFT_OUT))
        (site / DOWNLOADS).mkdir(exist_ok=True)
        write_zip(site / OFFLINE_ZIP, {f"{NAME}/{name}": copy / name for name in files})
        for build in builds:
            launch = launch_page(build, config.theme["favicon"])
            manifest = scorm_manifest(build, [LAUNCH_PAGE, *files])
            entries = {MANIFEST: manifest, **schema_files(), LAUNCH_PAGE: launch, **{name: copy / name for name in files}}
            write_zip(site / scorm_zip(build.lang), entries)


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


def launch_page(build: Build, favicon: str) -> str:
    """The SCO: the guide's pages in a frame, from the language's home, and the script that
    holds the platform's session (overrides/scorm.html)."""
    config = json.dumps({"scale": SCALE, "quiz": build.guide.quiz.id}).replace("</", "<\\/")
    html = build.renderer.env.get_template(LAUNCH_TEMPLATE).render(
        lang=build.lang,
        title=build.site_name,
        start=f"{build.prefix}index.html",
        favicon=favicon,
        config=Markup(config),
        script=f"assets/guide/{LAUNCH_SCRIPT}.js",
    )
    return add_policy(html)


def scorm_manifest(build: Build, files: list[str]) -> str:
    """imsmanifest.xml (SCORM 1.2 content packaging): one organisation, one item, one SCO
    resource listing every file of the package (but the manifest and the schemas, named by
    xsi:schemaLocation), all by relative address."""
    title = escape(build.site_name)
    listed = "\n".join(f'      <file href="{escape(quote(name))}"/>' for name in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{NAME}-{build.lang}" version="1.0"
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
