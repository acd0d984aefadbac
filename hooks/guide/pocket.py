"""The guide in the pocket (issue #23): installable in each language, read with no network after
one visit. Made once every language is built (events.py), from the files the build wrote; it is
given what it needs (`Pocket`) and imports nothing above it.

- Icons from one source image, `icon.png` beside this module (1024 × 1024, drawn once with Pillow:
  the guide's indigo, a white network of four nodes within the central 67 %): 192 and 512 px with
  rounded corners, a maskable 512 (the whole image at 80 % on its own colour: the safe zone's
  padding) and the 180 px apple-touch-icon (square: iOS rounds it).
- A web app manifest per language (`manifest.webmanifest` in its root): its names from
  strings.yml, `start_url` and `scope` relative, so one site installs at a domain's root or in a
  sub-folder. Every full page links its language's (overrides/main.html, `head`); embed pages,
  the 404 page, the offline copy and the SCORM packages do not.
- The service worker at the site's root (`sw.js`, its scope the site's folder): its code
  (overrides/assets/guide/worker.js, minified by assets.py) after `const PRECACHE = {…};` and
  `const OFFLINE = {…};` (the words, by language, of what it shows offline for a page not kept), the
  precache list made here: every full page of each language and every file they load (styles,
  scripts, the manifest and icons, the search worker, its lunr languages and the language's search
  index, what guide.js fetches later), each with its content hash, and a version made of them all,
  so any change to the site changes the worker's bytes. Files every language loads are `shared`;
  PDFs are listed apart (`downloads`): never precached, kept once fetched.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError

from .csp import WORKER_POLICY
from .html import attributes, json_script
from .routes import EMBED_DIR, HOST_HEADERS, ICON_DIR, POCKET_SCRIPT, WEB_MANIFEST, WORKER, icon_path
from .upstream import search_worker_imports

ICON_SOURCE = Path(__file__).with_name("icon.png")
THEME_COLOUR = "#4051b5"  # Material's default primary colour (indigo), as the site's main.css sets it
BACKGROUND = "#ffffff"
ICON_SIZES = (192, 512)
MASKABLE_SIZE = 512
MASKABLE_CONTENT = 0.8  # the source's share of a maskable icon: its glyph well inside the 80 % safe circle
APPLE_ICON = f"{ICON_DIR}apple-touch-icon.png"
# What each manifest lists, (path from the site's root, size, purpose); write_icons makes them
MANIFEST_ICONS = (
    *((icon_path(size), size, "any") for size in ICON_SIZES),
    (icon_path(MASKABLE_SIZE, maskable=True), MASKABLE_SIZE, "maskable"),
)
APPLE_SIZE = 180
PAGE = "index.html"
ASSET_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
TAG = re.compile(r"<(link|script|img|a)\b[^>]*>", re.I)
SEARCH_INDEX = "search/search_index.json"
PDF = ".pdf"
HERE = "https://site.invalid/"  # a stand-in origin to resolve a page's relative addresses against


@dataclass(frozen=True)
class PocketLanguage:
    lang: str
    prefix: str  # its folder in the site: "" or "en/"
    name: str  # the app's name and short name in that language (strings.yml)
    short_name: str
    description: str  # the site's description in that language
    offline: Mapping[str, str]  # the page shown offline for a page not kept yet: its title, text, and a link to this language's


@dataclass(frozen=True)
class Pocket:
    """What the pocket needs, as the site's build leaves it."""

    site_dir: Path
    languages: tuple[PocketLanguage, ...]  # the default first
    worker: str  # the worker's own code (assets.py), written after its precache list
    later: Mapping[str, tuple[str, ...]]  # a script → what it fetches on first use (assets.LATER: guide.js → extras.js …)


def head(prefix: str) -> dict[str, str]:
    """What a full page of a language links (overrides/main.html): paths from the site's root."""
    return {
        "manifest": prefix + WEB_MANIFEST,
        "theme_color": THEME_COLOUR,
        "apple_icon": APPLE_ICON,
        "script": POCKET_SCRIPT,
        "worker": WORKER,
    }


def write_pocket(pocket: Pocket) -> dict:
    """Icons, a manifest per language, the worker's policy for hosts that read a headers file, then
    the worker with its precache list; returns the list."""
    write_icons(pocket.site_dir)
    for language in pocket.languages:
        text = json.dumps(manifest(language), ensure_ascii=False, indent=1)
        (pocket.site_dir / language.prefix / WEB_MANIFEST).write_text(text, encoding="utf-8")
    (pocket.site_dir / HOST_HEADERS).write_text(host_headers(), encoding="utf-8")
    languages = [(language.lang, language.prefix) for language in pocket.languages]
    offline = json.dumps({language.lang: language.offline for language in pocket.languages}, ensure_ascii=False, sort_keys=True)
    return write_worker(pocket.site_dir, languages, f"const OFFLINE = {offline};\n{pocket.worker}", pocket.later)


def host_headers() -> str:
    """The worker's own policy (a worker takes one from its HTTP response only), in the `_headers`
    format Netlify and Cloudflare Pages read; other hosts are told in the README."""
    return f"# The service worker's own Content-Security-Policy (the pages carry theirs).\n/{WORKER}\n  Content-Security-Policy: {WORKER_POLICY}\n"


# --- icons and manifests -------------------------------------------------------------------------


def write_icons(site: Path) -> None:
    from PIL import Image, ImageDraw  # Pillow (WeasyPrint's too) loads only where icons are made

    source = Image.open(ICON_SOURCE).convert("RGBA")
    (site / ICON_DIR).mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        icon = source.resize((size, size), Image.Resampling.LANCZOS)
        corners = Image.new("L", (size * 4, size * 4), 0)
        ImageDraw.Draw(corners).rounded_rectangle((0, 0, size * 4 - 1, size * 4 - 1), radius=size * 4 * 0.2, fill=255)
        icon.putalpha(corners.resize((size, size), Image.Resampling.LANCZOS))
        icon.save(site / icon_path(size), optimize=True)
    inner = round(MASKABLE_SIZE * MASKABLE_CONTENT)
    maskable = Image.new("RGBA", (MASKABLE_SIZE, MASKABLE_SIZE), source.getpixel((0, 0)))
    maskable.paste(source.resize((inner, inner), Image.Resampling.LANCZOS), ((MASKABLE_SIZE - inner) // 2,) * 2)
    maskable.convert("RGB").save(site / icon_path(MASKABLE_SIZE, maskable=True), optimize=True)
    source.convert("RGB").resize((APPLE_SIZE, APPLE_SIZE), Image.Resampling.LANCZOS).save(site / APPLE_ICON, optimize=True)


def manifest(language: PocketLanguage) -> dict:
    """A language's web app manifest; every address relative to it (in the language's root)."""
    root = "../" * language.prefix.count("/") or "./"  # the site's root, from the language's
    icons = [
        {"src": root + path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose} for path, size, purpose in MANIFEST_ICONS
    ]
    return {
        "name": language.name,
        "short_name": language.short_name,
        "description": language.description,
        "lang": language.lang,
        "dir": "ltr",
        "start_url": "./",  # the language's home
        "scope": root,  # the whole site: the other language stays in the app
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND,
        "icons": icons,
    }


# --- the precache list ---------------------------------------------------------------------------


def full_pages(site: Path, prefix: str, prefixes: Iterable[str]) -> list[str]:
    """A language's pages as readers open them (`en/techniques/remercier/`), embed pages aside."""
    others = [p for p in prefixes if p and p != prefix]
    pages = []
    for index in (site / prefix).rglob(PAGE):
        url = index.relative_to(site).as_posix()[: -len(PAGE)]
        if any(url.startswith(other) for other in others) or url[len(prefix) :].startswith(EMBED_DIR):
            continue
        pages.append(url)
    return sorted(pages)


def site_path(page_url: str, reference: str) -> str | None:
    """A page's reference as a path from the site's root (None: another origin, or no file)."""
    parts = urlsplit(urljoin(HERE + page_url, reference))
    if f"{parts.scheme}://{parts.netloc}/" != HERE or not parts.path:
        return None
    return parts.path.lstrip("/")


def search_files(site: Path, worker: str, index: str) -> set[str]:
    """What Material's search loads in a language: its worker, the index, the lunr scripts for the
    index's languages."""
    langs = json.loads((site / index).read_text(encoding="utf-8"))["config"]["lang"]
    return {worker, index, *search_worker_imports(worker, langs)}


def loads(
    site: Path, page_url: str, later: Mapping[str, Sequence[str]], searches: dict[tuple[str, str], set[str]]
) -> tuple[set[str], set[str]]:
    """What a page loads (the files it links, the search it runs, what guide.js fetches later) and
    the PDFs it offers, as paths from the site's root. `searches`: what each search loads, read
    once a build (search_files), not once a page."""
    html = (site / page_url / PAGE).read_text(encoding="utf-8")
    files, pdfs = set(), set()
    for match in TAG.finditer(html):
        name, attrs = match.group(1).lower(), attributes(match.group(0))
        reference = attrs.get("href" if name in ("a", "link") else "src")
        if not reference or (name == "link" and not ASSET_RELS & set((attrs.get("rel") or "").split())):
            continue  # an inline script, a link to a page
        path = site_path(page_url, reference)
        if path and name == "a":
            if path.endswith(PDF):
                pdfs.add(path)
        elif path:
            files.add(path)
    config = json.loads(json_script(html, "__config"))
    search = site_path(page_url, config["search"]), site_path(page_url, config["base"].rstrip("/") + "/" + SEARCH_INDEX)
    if search not in searches:
        searches[search] = search_files(site, *search)
    files |= searches[search]
    for script, fetched in later.items():
        if script in files:
            files |= set(fetched)
    return files, pdfs


def revision(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()[:16]


def _file(site: Path, path: str) -> Path:
    return site / path / PAGE if path == "" or path.endswith("/") else site / path


def precache(site: Path, languages: Sequence[tuple[str, str]], later: Mapping[str, Sequence[str]]) -> dict:
    """The worker's list: each file (path from the site's root, content hash) the pages of every
    language need; `shared` what all of them load, the rest by language; the PDFs apart."""
    prefixes = [prefix for _, prefix in languages]
    needs, pdfs, searches = {}, set(), {}
    for lang, prefix in languages:
        pages = full_pages(site, prefix, prefixes)
        found = set(pages) | {path for path, _, _ in MANIFEST_ICONS}
        for page in pages:
            files, offered = loads(site, page, later, searches)
            found |= files
            pdfs |= offered
        needs[lang] = found
    shared = set.intersection(*needs.values())
    missing = sorted(path for path in set.union(*needs.values()) if not _file(site, path).is_file())
    if missing:
        raise PluginError(f"the service worker's precache list: pages load {missing[0]}, which the site does not have")
    pdfs = {path for path in pdfs if _file(site, path).is_file()}  # a build without PDFs (GUIDE_PDFS=off) may still link them

    def listed(paths: Iterable[str]) -> list[list[str]]:
        return [[path, revision(_file(site, path))] for path in sorted(paths)]

    data = {
        "default": languages[0][0],
        "prefixes": dict(languages),
        "shared": listed(shared),
        "languages": {lang: listed(needs[lang] - shared) for lang, _ in languages},
        "downloads": listed(pdfs),
    }
    data["version"] = hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    return data


def worker_script(data: dict, code: str) -> str:
    return f"const PRECACHE = {json.dumps(data, sort_keys=True, separators=(',', ':'))};\n{code}"


def read_precache(site: Path) -> dict:
    """The precache list a written `sw.js` holds."""
    first = (site / WORKER).read_text(encoding="utf-8").partition("\n")[0]
    return json.loads(first.removeprefix("const PRECACHE = ").removesuffix(";"))


def worker_code(script: str) -> str:
    """The worker's own code in a written `sw.js` (what follows its precache list)."""
    first, _, code = script.partition("\n")
    if not first.startswith("const PRECACHE = "):
        raise ValueError(f"{WORKER}: does not start with its precache list")
    return code


def write_worker(site: Path, languages: Sequence[tuple[str, str]], code: str, later: Mapping[str, Sequence[str]]) -> dict:
    """The precache list made from the site's files as they are now, and the worker written with it
    (also after the site's files are changed in place: the tests publish a second version so)."""
    data = precache(site, languages, later)
    (site / WORKER).write_text(worker_script(data, code), encoding="utf-8")
    return data


def sizes(site: Path, data: dict) -> dict[str, tuple[int, int]]:
    """Bytes and files a reader of each language keeps (the shared files and the language's)."""
    shared = [path for path, _ in data["shared"]]
    result = {}
    for lang, entries in data["languages"].items():
        paths = shared + [path for path, _ in entries]
        result[lang] = (sum(_file(site, path).stat().st_size for path in paths), len(paths))
    return result
