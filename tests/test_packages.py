"""The guide to take away (hooks/guide/packaging.py), read as files: the offline copy holds every
page and asset, links only inside itself and carries its search index as scripts; each SCORM 1.2
package has a manifest as SCORM 1.2 wants it, naming exactly the files it holds, and a launch page.
Driven in Chromium: tests/test_browser_packages.py."""

from __future__ import annotations

import html as html_lib
import json
import re
import signal
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from guide.build import load_strings
from guide.csp import inline_hashes
from guide.offline import frame_script_sources
from guide.packaging import SCHEMA_VENDOR, SCHEMAS, Packing, offline_copy
from guide.pocket import APPLE_ICON, MANIFEST_ICONS
from guide.routes import LAUNCH_PAGE, MANIFEST, OFFLINE_ZIP, POCKET_SCRIPT, SHIM_DIR, WEB_MANIFEST, WORKER, scorm_zip
from guide.settings import Settings
from lxml import etree
from mkdocs.exceptions import PluginError
from support.project import GUIDE, LANGS, LANGUAGES, ROOT
from support.site import KNOWN_ADDRESSES, pages_of

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
REFERENCE = re.compile(r'<(?:a|link|script|img|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"')
ID = re.compile(r'\sid="([^"]*)"')


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def outside_or_broken(folder: Path, pages: list[Path] | None = None) -> list[tuple[str, str]]:
    """The references of `folder`'s pages (or of `pages`) that leave it, name a folder (a disk
    shows a listing, not its index.html), or lead to no file or to no anchor of their page. Read
    with patterns: the pages are the build's, one tag a match."""
    texts = {file: file.read_text(encoding="utf-8") for file in folder.rglob("*.html")}
    ids = {file: set(map(html_lib.unescape, ID.findall(text))) for file, text in texts.items()}
    found = [(file, html_lib.unescape(address)) for file in (pages or texts) for address in REFERENCE.findall(texts[file])]
    bad = []
    for path, address in found:
        file = path.relative_to(folder).as_posix()
        if re.match(r"^(https?:)?//", address):
            if address not in KNOWN_ADDRESSES:
                bad.append((file, address))
            continue
        url = urlparse(urljoin(f"http://x/{file}", address))
        target = folder / unquote(url.path).lstrip("/")
        if (
            address.startswith("/")
            or url.netloc != "x"
            or not target.is_file()
            or (url.fragment and target.suffix == ".html" and unquote(url.fragment) not in ids[target])
        ):
            bad.append((file, address))
    return bad


def test_the_trainers_page_offers_every_package_in_both_languages(site):
    strings = load_strings(LANGUAGES)
    names = {"fr": "Français", "en": "English"}  # static-i18n's names in mkdocs.yml
    for lang, prefix in LANGS.items():
        html = BeautifulSoup((site / prefix / "trainers/index.html").read_text(encoding="utf-8"), "html.parser")
        links = html.select(".guide-downloads a[download]")
        targets = [urlparse(urljoin(f"http://x/{prefix}trainers/", a["href"])).path for a in links]
        assert targets == [f"/{OFFLINE_ZIP}", *(f"/{scorm_zip(other)}" for other in LANGUAGES)]
        assert links[0].get_text() == strings[lang]["download_offline"]
        for link, other in zip(links[1:], LANGUAGES):
            assert link.select_one("span")["lang"] == other and link.get_text() == strings[lang]["download_scorm"].replace(
                "{language}", names[other]
            )
        for target in targets:
            assert zipfile.is_zipfile(site / target.lstrip("/")), target


def test_the_offline_copy_holds_every_page_and_asset(site, packages):
    copy = packages["offline"]
    held = files_of(copy)
    for lang, prefix in LANGS.items():
        for path in pages_of(site, lang):
            as_file = f"{prefix}{path.rstrip('/')}.html" if path else f"{prefix}index.html"
            assert as_file in held or f"{prefix}{path}index.html" in held, (lang, path)
        assert {f"{prefix}pdf/{p.name}" for p in (site / prefix / "pdf").iterdir()} <= held
    # every asset but the website's app: its worker's script, its icons (hooks/guide/pocket.py)
    app = {POCKET_SCRIPT, APPLE_ICON, *(path for path, _, _ in MANIFEST_ICONS)}
    assets = {p for p in files_of(site) if p.startswith("assets/") and not p.endswith(".map")}
    assert app <= assets and assets - app <= held
    assert not any(p.startswith("embed/") or "/embed/" in p or p.endswith(".map") or p == "404.html" for p in held)
    # no service worker, no app manifest: the copy is opened from disk or by a learning platform
    assert not [p for p in held if p in app or p == WORKER or p.endswith(WEB_MANIFEST)]
    pages = [f.read_text(encoding="utf-8") for f in copy.rglob("*.html")]
    assert not [text for text in pages if 'rel="manifest"' in text or "data-worker" in text or "data-guide-update" in text]
    # the shim that runs search's worker from disk is iframe-worker's own file, from npm
    assert (copy / SHIM_DIR / "shim.js").read_bytes() == (ROOT / "tools/node_modules/iframe-worker/shim/index.js").read_bytes()
    assert (copy / SHIM_DIR / "LICENSE").read_text(encoding="utf-8").startswith("Copyright (c) 2020-2022 Martin Donath")


def test_the_offline_copy_links_only_inside_itself(packages, origin):
    copy = packages["offline"]
    assert outside_or_broken(copy) == []
    assert len(REFERENCE.findall((copy / "techniques" / "remercier.html").read_text(encoding="utf-8"))) > 50  # the reading finds them
    for file in copy.rglob("*"):
        if file.suffix in {".html", ".json", ".xml", ".txt"} or file.parent.name == "guide":
            text = file.read_text(encoding="utf-8")
            assert origin not in text and "example.org" not in text, file  # the site's own address: nowhere
            assert set(re.findall(r"https?://[^\s\"'<>)\\]+", text)) <= KNOWN_ADDRESSES, file


def test_the_offline_copy_searches_each_language_from_disk(site, packages):
    copy = packages["offline"]
    for lang, prefix in LANGS.items():
        script = (copy / prefix / "search/search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = ")
        index = json.loads(script.removeprefix("var __index = "))
        assert index["config"]["lang"] == [lang]
        assert index == json.loads((copy / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["docs"] and all(doc["location"].split("#")[0].endswith(".html") for doc in index["docs"])


def test_every_page_of_the_copy_admits_the_search_frame_and_nothing_else(packages):
    """iframe-worker runs the search worker in a frame whose inline script the page's policy admits
    by hash; no page loads the shim from anywhere but the copy."""
    copy = packages["offline"]
    for file in copy.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        html = BeautifulSoup(text, "html.parser")
        policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        scripts = dict(part.strip().split(" ", 1) for part in policy.split(";"))["script-src"].split()
        [frame] = frame_script_sources(text)
        assert sorted(scripts) == sorted(["'self'", frame, *inline_hashes(text, "script")]), file
        [shim] = [s["src"] for s in html.select("script[src]") if "iframe-worker" in s["src"]]
        assert (file.parent / shim).resolve() == (copy / SHIM_DIR / "shim.js").resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_scorm_manifest_is_scorm_1_2_and_names_every_file(site, packages, lang):
    folder = packages[f"scorm-{lang}"]
    with zipfile.ZipFile(site / scorm_zip(lang)) as archive:
        names = set(archive.namelist())
    assert {MANIFEST, LAUNCH_PAGE, *SCHEMAS} <= names  # at the zip's root
    manifest = ElementTree.parse(folder / MANIFEST).getroot()
    assert manifest.tag == f"{CP}manifest" and manifest.get("identifier")
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = manifest.find(f"{CP}organizations")
    [organization] = organizations.findall(f"{CP}organization")
    assert organizations.get("default") == organization.get("identifier")
    site_name = {"fr": "Techniques de networking efficaces", "en": "Effective networking techniques"}[lang]
    assert organization.findtext(f"{CP}title") == site_name
    [item] = organization.findall(f"{CP}item")
    assert item.findtext(f"{CP}title") == site_name
    [resource] = manifest.findall(f"{CP}resources/{CP}resource")
    assert item.get("identifierref") == resource.get("identifier")
    assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("type") == "webcontent"
    assert resource.get("href") == LAUNCH_PAGE
    listed = [unquote(f.get("href")) for f in resource.findall(f"{CP}file")]
    assert len(listed) == len(set(listed))
    assert set(listed) == names - {MANIFEST, *SCHEMAS} == files_of(folder) - {MANIFEST, *SCHEMAS}  # every file, and only files that exist
    assert not [href for href in listed if re.match(r"^([a-z]+:|/)", href) or ".." in href.split("/")]
    ids = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_scorm_package_is_the_offline_copy_and_its_launch_page(packages, lang):
    folder = packages[f"scorm-{lang}"]
    copy = packages["offline"]
    assert files_of(folder) - {MANIFEST, LAUNCH_PAGE, *SCHEMAS} == files_of(copy)
    assert all((folder / name).read_bytes() == (copy / name).read_bytes() for name in files_of(copy))
    assert outside_or_broken(folder, [folder / LAUNCH_PAGE]) == []  # the rest: as the copy's
    text = (folder / LAUNCH_PAGE).read_text(encoding="utf-8")
    html = BeautifulSoup(text, "html.parser")
    assert html.html["lang"] == lang
    assert html.select_one("iframe")["src"] == f"{LANGS[lang]}index.html"
    [script] = html.select("script[src]")
    assert script["src"] == "assets/guide/scorm.js" and not script.has_attr("defer")  # it runs before the frame loads
    config = json.loads(html.find(id="guide-config").string)
    assert config["quiz"] == GUIDE.quiz.id and config["scale"]
    policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "unsafe-inline" not in policy and all(h in policy for h in inline_hashes(text, "style"))
    bundle = (folder / "assets/guide/scorm.js").read_text(encoding="utf-8")
    assert not re.search(r"(^|[;}])\s*(import|export)\b", bundle) and "LMSInitialize" in bundle


# --- the manifests against SCORM 1.2's schemas, as shipped in the packages ------------------------


def scorm_schema(package: Path, folder: Path) -> etree.XMLSchema:
    """The schemas the manifest names (xsi:schemaLocation), read from the package, as one schema
    for lxml. libxml2 refuses two of the published files as they are, so a working copy in `folder`
    has two small changes (hooks/guide/vendor/scorm12/NOTICE.md): ims_xml.xsd without its default
    namespace binding (libxml2: "xml namespace URI cannot be the default namespace"), and IMS MD's
    `##any` wildcards read as `##other` (libxml2: "content model is not determinist")."""
    root = etree.parse(str(package / MANIFEST)).getroot()
    pairs = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    locations = dict(zip(pairs[::2], pairs[1::2], strict=True))
    for name in SCHEMAS:
        text = (package / name).read_text(encoding="utf-8")
        if name == "ims_xml.xsd":
            text = text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1)
        elif name == "imsmd_rootv1p2p1.xsd":
            text = text.replace('namespace="##any"', 'namespace="##other"')
        (folder / name).write_text(text, encoding="utf-8")
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{name}"/>' for ns, name in locations.items())
    (folder / "all.xsd").write_text(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>', encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(folder / "all.xsd")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_scorm_manifest_is_valid_against_the_schemas_it_ships(packages, tmp_path, lang):
    package = packages[f"scorm-{lang}"]
    for name in SCHEMAS:  # shipped as published
        assert (package / name).read_bytes() == (SCHEMA_VENDOR / name).read_bytes()
    schema = scorm_schema(package, tmp_path)
    root = etree.parse(str(package / MANIFEST)).getroot()
    pairs = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    assert {ns for ns in pairs[::2]} >= {root.nsmap[None], root.nsmap["adlcp"]} and set(pairs[1::2]) <= set(SCHEMAS)
    manifest = etree.parse(str(package / MANIFEST))
    assert schema.validate(manifest), schema.error_log
    # and a broken manifest is refused: a SCO of an unknown kind, a resource without its identifier,
    # an element CP does not define
    text = (package / MANIFEST).read_text(encoding="utf-8")
    for broken, expected in [
        (text.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'), "scormtype"),
        (text.replace(' identifier="guide-sco"', ""), "identifier"),
        (text.replace("<resources>", "<resources><chapter/>"), "chapter"),
    ]:
        assert broken != text
        assert not schema.validate(etree.fromstring(broken.encode("utf-8"))), expected
        assert expected in str(schema.error_log), schema.error_log


def offline_packing(tmp_path: Path, config: str) -> Packing:
    """A Packing whose offline copy is built from `config` (a mkdocs.yml) in `tmp_path`."""
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Packing(
        site_dir=tmp_path / "site",
        config_file=tmp_path / "mkdocs.yml",
        strict=True,
        settings=Settings().for_offline_copy(),
        offline_plugin=True,
        languages=(),
        templates=None,
        favicon="",
        quiz_id="",
    )


def test_an_offline_copy_that_fails_to_build_says_why_in_one_line(tmp_path):
    """The offline copy builds in a child `mkdocs build` while the PDFs are made: its failure is
    one line with MkDocs' own words, and nothing of it is left behind."""
    with offline_copy(offline_packing(tmp_path, "site_name: copy\n")) as copy:  # and no docs/
        folder = copy.site.parent
        with pytest.raises(PluginError) as failure:
            copy.wait()
    assert str(failure.value).startswith("the offline copy's build failed: ")
    assert "ERROR" in str(failure.value) and "'docs_dir'" in str(failure.value) and "\n" not in str(failure.value)
    assert not folder.exists()


def test_an_offline_copy_still_building_when_the_build_stops_is_stopped_and_removed(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Copy\n", encoding="utf-8")
    with pytest.raises(RuntimeError), offline_copy(offline_packing(tmp_path, "site_name: copy\n")) as copy:
        raise RuntimeError("a PDF that could not be made")
    assert copy.child.returncode == -signal.SIGKILL  # stopped, not waited for
    assert not copy.site.parent.exists()
