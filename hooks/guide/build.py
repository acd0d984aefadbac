"""One language build of the guide: what `events.py` calls, holding that build's state only."""
from __future__ import annotations

import functools
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .cache import keep, kept_path
from .content import check_translations, load_guide
from .model import Guide
from .render import Renderer, check_page_markers, make_environment
from .strings import for_scripts

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
ALTERNATE_LINK = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang=)')


def i18n_languages(config) -> tuple[str, str]:
    """(this build's language, the default language), from static-i18n's plugin."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        lang = config.theme.get("language", "fr")
        return lang, lang
    return i18n.current_language or i18n.default_language, i18n.default_language


@dataclass
class Build:
    guide: Guide
    lang: str
    prefix: str  # "" for the default language, "en/" for English: where its pages live in the site
    default_lang: str
    with_pdfs: bool
    _renderer: Renderer | None = field(default=None, repr=False)

    @classmethod
    def start(cls, config, with_pdfs: bool) -> "Build":
        docs = Path(config.docs_dir)
        root = Path(config.config_file_path).parent if config.config_file_path else docs.parent
        guide = load_guide(docs, root)
        lang, default = i18n_languages(config)
        if lang == default:  # built first: every language's pages are checked before any is written
            pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
            check_translations(pages)
            for path in pages:
                check_page_markers((docs / path).read_text(encoding="utf-8"), guide, f"docs/{path}")
        return cls(guide, lang, "" if lang == default else f"{lang}/", default, with_pdfs)

    def renderer(self, config) -> Renderer:
        if self._renderer is None:
            self._renderer = Renderer(
                env=make_environment(*config.theme.dirs),
                guide=self.guide,
                lang=self.lang,
                prefix=self.prefix,
                site_url=(config.site_url or "/") + self.prefix,
                with_pdfs=self.with_pdfs,
            )
        return self._renderer

    @functools.cached_property
    def script_strings(self) -> str:
        """The interface strings the widgets' scripts read, as the JSON each widget page carries."""
        return json.dumps(for_scripts(self.lang), ensure_ascii=False)

    def finish_page(self, html: str, page_url: str, site_url: str) -> str:
        """The page's hreflang alternates as absolute URLs (as search engines want them), and a
        translated page's search pointed at its own language's index (see `split_search_index`)."""
        here = urljoin(site_url or "/", page_url)
        html = ALTERNATE_LINK.sub(lambda m: m.group(1) + urljoin(here, m.group(2)) + m.group(3), html)
        if not self.prefix:
            return html

        def patch(match: re.Match) -> str:
            data = json.loads(match.group(2))
            data["base"] = data["base"].rstrip("/") + "/" + self.prefix
            return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

        return CONFIG_SCRIPT.sub(patch, html, count=1)

    def write_pdfs(self, config) -> None:
        if self.with_pdfs:
            from .pdf import write_handouts  # WeasyPrint loads only when PDFs are made

            write_handouts(self.renderer(config), Path(config.site_dir))


HEADING = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"[^>]*>(.*?)</h[1-6]>', re.S)
TAG = re.compile(r"<[^>]*>")
ASCII_SPACES = re.compile(r"[ \t\r\n]+")


def keep_heading_spaces(toc, html: str) -> None:
    """Python-Markdown's table of contents collapses every Unicode space of a heading, so the
    no-break space in "Où en suis-je ?" reaches the sidebar as a plain one: give each entry its
    heading's own text back, with only ASCII whitespace collapsed."""
    titles = {m.group(1): ASCII_SPACES.sub(" ", TAG.sub("", m.group(2))).strip(" ") for m in HEADING.finditer(html)}

    def restore(links) -> None:
        for link in links:
            link.title = titles.get(link.id, link.title)
            restore(link.children)

    restore(toc)


HREFLANG_HREF = re.compile(r'href="[^"]*"( hreflang="([a-z]{2})")')


def language_homes(html: str, site_url: str, default: str) -> str:
    """A page that is no page (404): its language links go to each language's home page."""
    root = site_url or "/"
    return HREFLANG_HREF.sub(lambda m: f'href="{root}{"" if m.group(2) == default else m.group(2) + "/"}"{m.group(1)}', html)


def after_all_languages(config) -> None:
    """Site-wide work once every language is built: one search index per language, sitemaps."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    split_search_index(site, i18n.default_language, others)
    for lang in others:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).exists():
                shutil.copyfile(site / name, site / lang / name)
    write_alternate_sitemaps(site)


ASSETS = "assets/guide"
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}


def minify_assets(files: Files, config) -> Files:
    """Ships the widgets' scripts and styles minified, local names shortened (the sources in
    overrides/ stay readable). Done before anything is written, so a script that does not parse
    stops the build with one line. Each minified file is kept under the hash of its source."""
    for file in [f for f in files if f.src_uri.startswith(f"{ASSETS}/") and Path(f.src_uri).suffix in MEDIA_TYPES]:
        source = Path(file.abs_src_path).read_bytes()
        target = kept_path("networking-guide-assets", source, f"-{Path(file.src_uri).name}")
        if not target.exists():
            keep(target, _minified(source.decode("utf-8"), file.src_uri))
        files.remove(file)
        files.append(File.generated(config, file.src_uri, abs_src_path=str(target)))
    return files


def _minified(source: str, src_uri: str) -> bytes:
    import minify  # tdewolff-minify

    try:
        return minify.string(MEDIA_TYPES[Path(src_uri).suffix], source).encode("utf-8")
    except minify.MinifyError as error:
        raise PluginError(f"overrides/{src_uri}: {str(error).splitlines()[0]}") from None


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def write_alternate_sitemaps(site: Path) -> None:
    """Material fetches `sitemap.xml` beside every `<link rel="alternate">` of a page, which
    static-i18n points at the page's translations: give each page folder an empty one, so the
    reader's browser logs no 404 (the real sitemaps, with hreflang, stay at each language root)."""
    for page in site.rglob("index.html"):
        target = page.parent / "sitemap.xml"
        if not target.exists():
            target.write_text(EMPTY_SITEMAP, encoding="utf-8")


def split_search_index(site: Path, default: str, others: list[str]) -> None:
    """static-i18n writes one index for all languages at the root; give each language its own."""
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    for lang in [default, *others]:
        prefix = "" if lang == default else f"{lang}/"
        if prefix:
            mine = [dict(d, location=d["location"][len(prefix):]) for d in docs if d["location"].startswith(prefix)]
        else:
            mine = [d for d in docs if not any(d["location"].startswith(f"{o}/") for o in others)]
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = dict(index, config=dict(index.get("config", {}), lang=[lang]), docs=mine)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
