"""One language build of the guide, and the register of the builds of one `mkdocs build`.

static-i18n builds the default language first and, inside that build's `on_post_build`, every
other language (the same `config` object each time). So every event runs once per language, and
a French event can come after the English build: each event reaches its language's `Build`
explicitly, through `Builds.of(language)`, never through "the current one".
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.config_options import URL
from mkdocs.exceptions import PluginError

from .assets import PRINT_STYLE, Assets
from .content import ASCII_SPACES, load_guide, read_strings, read_yaml
from .files import ContentError, inventory, namer, read_text, why_unreadable
from .markers import MarkerExtension, MarkerRules, Page
from .model import SCALE, Guide
from .output import Output
from .pages import Embed, add_embed_pages, add_generated, embeds, oembed
from .render import WIDGETS, Renderer, make_environment
from .routes import HOST_SCRIPT, OEMBED_FILE, downloads
from .source import Source, check_site, check_source, check_technique_pages
from .upstream import i18n_state, offline_enabled

STRINGS_FILE = Path(__file__).with_name("strings.yml")
STRINGS_SHOWN = "hooks/guide/strings.yml"


@dataclass(frozen=True)
class Languages:
    """The site's languages, as mkdocs.yml declares them (static-i18n's `languages`)."""

    current: str
    default: str
    all: tuple[str, ...]  # the default first
    names: tuple[str, ...] = ()  # each one's name, in that language (as the language switch gives it)

    @classmethod
    def of(cls, config) -> Languages:
        i18n = i18n_state(config)
        if i18n is None:  # a site without static-i18n: one language, the theme's
            lang = config.theme["language"]
            return cls(lang, lang, (lang,), (lang,))
        built = sorted(i18n.built, key=lambda lang: lang[0] != i18n.default)
        # in the first build's on_config static-i18n has not set its current language yet
        return cls(i18n.current or i18n.default, i18n.default, tuple(lang for lang, _ in built), tuple(name for _, name in built))

    def prefix(self, lang: str) -> str:
        """Where a language's pages live in the site: "" for the default, "en/" for English."""
        return "" if lang == self.default else f"{lang}/"

    @property
    def prefixes(self) -> dict[str, str]:
        return {lang: self.prefix(lang) for lang in self.all}


class Strings(dict):
    """One language's interface strings. A key the file lacks stops the build with one line,
    whether a template, the renderer or the 404 page asks for it (a script's keys are checked
    before anything is built: placeholders.py)."""

    def __missing__(self, key: str) -> str:
        raise PluginError(f"{STRINGS_SHOWN}: {key}: missing, but the guide's pages show it: put it back, with its text in every language")


@functools.lru_cache(maxsize=8)
def _strings(path: str, mtime_ns: int, languages: tuple[str, ...]) -> dict[str, Strings]:
    tables = read_strings(read_yaml(Path(path), STRINGS_SHOWN), STRINGS_SHOWN, languages)
    return {lang: Strings(table) for lang, table in tables.items()}


def load_strings(languages: tuple[str, ...]) -> dict[str, Strings]:
    """The interface strings, one table per language (read again only when the file changes)."""
    try:
        changed = STRINGS_FILE.stat().st_mtime_ns
    except OSError as error:
        raise ContentError(STRINGS_SHOWN, "(file)", why_unreadable(STRINGS_FILE, error)) from None
    return _strings(str(STRINGS_FILE), changed, languages)


@dataclass
class Build:
    """What one language's build knows: the content, its strings, its renderer, and the pages'
    scripts as they are rendered."""

    guide: Guide
    strings: dict[str, str]  # this language's interface strings
    languages: Languages
    lang: str
    site_url: str  # the guide's address online; "" when unknown
    with_pdfs: bool
    theme_dirs: tuple[str, ...]
    site_name: str = ""
    site_description: str = ""
    with_packages: bool = False  # does the site offer the offline copy and SCORM packages (packaging.py)
    offline: bool = False  # is this the build they are made from (pages as files, no embed page)
    directory_urls: bool = True
    source: Source | None = None  # the site's source, checked before anything is written
    markers: MarkerExtension | None = None  # notes each page's markers as MkDocs converts it (markers.py)
    page_markers: dict[str, Page] = field(default_factory=dict)  # page src_uri → what its conversion found
    docs: Path = Path("docs")
    shown: Callable[[Path], str] = str  # a path as messages name it
    assets: Assets | None = None  # set in on_files
    site_dir: Path = Path("site")  # where this language is written, set in on_post_build
    # page src → the scripts its widgets need, for each page holding a widget or a plan (they link the print rules)
    widget_pages: dict[str, list[str]] = field(default_factory=dict)
    embed_pages: dict[str, Embed] = field(default_factory=dict)  # generated embed page src → its widget
    _script_config: str | None = field(default=None, repr=False)

    @classmethod
    def start(
        cls,
        config,
        languages: Languages,
        with_pdfs: bool,
        published: bool = True,
        with_packages: bool = False,
        source: Source | None = None,
    ) -> Build:
        """`published`: is config.site_url the guide's address (GUIDE_SITE_URL), not a preview's?
        `source`: the site's source as the default language's build checked it (None: check it
        now, every language's pages, before anything is written; their markers are checked as
        MkDocs converts them, by the Markdown extension registered here)."""
        docs = Path(config.docs_dir)
        root = Path(config.config_file_path).parent if config.config_file_path else docs.parent
        shown = namer(root)
        found = inventory(docs, shown, languages.all)
        check_technique_pages(docs, found, languages.all, shown)
        guide = load_guide(docs, root, languages.all, found)
        strings = load_strings(languages.all)
        if source is None:
            source = check_source(config, docs, found, guide, languages.all, shown, strings=(strings, STRINGS_SHOWN))
        markers = MarkerExtension(MarkerRules(guide, {kind: widget.takes_id for kind, widget in WIDGETS.items()}))
        config.markdown_extensions = [e for e in config.markdown_extensions if not isinstance(e, MarkerExtension)] + [markers]
        return cls(
            guide=guide,
            strings=strings[languages.current],
            languages=languages,
            lang=languages.current,
            site_url=(config.site_url or "") if published else "",
            with_pdfs=with_pdfs,
            theme_dirs=tuple(config.theme.dirs),
            site_name=config.site_name,
            with_packages=with_packages,
            offline=offline_enabled(config),
            directory_urls=config.use_directory_urls,
            source=source,
            markers=markers,
            docs=docs,
            shown=shown,
        )

    def drop_unpublished(self, files) -> None:
        """Out of the site: every file of docs/ that is neither a page nor used by one (content
        files, the system's and editors' working files)."""
        docs = os.path.abspath(self.docs) + os.sep
        for file in list(files):
            if file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs) and file.src_uri not in self.source.published:
                files.remove(file)

    def page_source(self, abs_src_path: str | None) -> str | None:
        """A page's Markdown through the one reading path (None for a page the build makes)."""
        return read_text(Path(abs_src_path), self.shown(Path(abs_src_path))) if abs_src_path else None

    @property
    def prefix(self) -> str:
        return self.languages.prefix(self.lang)

    @functools.cached_property
    def embeds(self) -> list[Embed]:
        """What other sites may embed: nothing from an offline copy (no address to embed from)."""
        return [] if self.offline else embeds(self.guide, self.lang, self.strings)

    def add_pages(self, files, config) -> None:
        """The embed pages (and, where the site's address is known, their oEmbed documents)."""
        self.site_name = config.site_name  # the language's own: static-i18n sets it after our on_config
        self.site_description = config.site_description or ""
        self.embed_pages = add_embed_pages(files, config, self.embeds, self.prefix)
        if self.site_url:
            for embed in self.embeds:
                text = oembed(embed, self.site_url, self.prefix, self.site_name, HOST_SCRIPT)
                add_generated(files, config, f"{self.prefix}{embed.path}{OEMBED_FILE}", text)

    def oembed_links(self, url: str) -> list[dict]:
        """An embed page's oEmbed discovery link. Only there: Material's script fetches a
        `sitemap.xml` beside every `<link rel="alternate">` of a page it runs on (embed pages do
        not load it), across origins when the guide is read from another address."""
        path = url[len(self.prefix) :]
        mine = [e for e in self.embeds if e.path == path] if self.site_url else []
        return [{"href": f"{self.site_url}{self.prefix}{e.path}{OEMBED_FILE}", "title": e.title} for e in mine]

    @functools.cached_property
    def renderer(self) -> Renderer:
        return Renderer(
            env=make_environment(*self.theme_dirs),
            guide=self.guide,
            embeds=self.embeds,
            strings=self.strings,
            lang=self.lang,
            prefix=self.prefix,
            site_url=self.site_url + self.prefix if self.site_url else "",
            with_pdfs=self.with_pdfs,
            directory_urls=self.directory_urls,
            offline=self.offline,
            downloads=downloads(self.languages.all, self.languages.names) if self.with_packages else [],
        )

    def begin_page(self, src_uri: str, abs_src_path: str | None) -> None:
        """The page MkDocs converts next: its markers are noted as it does (markers.py)."""
        path = Path(abs_src_path) if abs_src_path else None
        src = path.relative_to(self.docs.absolute()).as_posix() if path else ""
        record = Page(self.shown(path) if path else f"docs/{src_uri}", src, self.source.offsets.get(src, 0))
        self.page_markers[src_uri] = self.markers.begin(record)

    def check_pages(self) -> None:
        """Every page of this language converted: the first marker that would not place its
        widget, in the pages' order, stops the build."""
        for _, record in sorted(self.page_markers.items()):
            record.check()

    def render_page(self, html: str, url: str, src_uri: str) -> str:
        """The page's markers replaced by widgets; which scripts they need is noted for the template."""
        record = self.page_markers.get(src_uri)
        if record is None or record.problem is not None or not record.markers:
            return html  # nothing to place, or a page that stops the build (check_pages)
        rendered, scripts = self.renderer.render_page(html, url)
        self.widget_pages[src_uri] = scripts
        return rendered

    def anchors(self, src_uri: str) -> set[str]:
        """The IDs a link may name in the widgets the page places, from what they show."""
        record = self.page_markers.get(src_uri)
        return {a for m in (record.markers if record else []) for a in WIDGETS[m.kind].anchors(self.guide, m.arg)}

    def theme_globals(self, pocket: dict | None = None) -> dict:
        """What every template of the theme may read as `guide`: the style sheet, Material's script, each
        language's home and strings (the 404 page speaks every language), and what a full page links
        to be installed and read offline (`pocket`: pocket.head; None where it is not)."""
        every = load_strings(self.languages.all)
        homes = [(lang, self.languages.prefix(lang), every[lang]) for lang in self.languages.all]
        style, script = Markup(self.assets.style), self.assets.theme_script
        return {"style": style, "theme_script": script, "homes": homes, "t": self.strings, "pocket": pocket}

    def template_values(self, src_uri: str, url: str) -> dict:
        """What the templates read for a page: its widgets' scripts and what they read, its
        oEmbed links, and for an embed page the page its widget comes from."""
        scripts = self.widget_pages.get(src_uri, [])
        embed = self.embed_pages.get(src_uri)
        return {
            "guide_scripts": scripts,
            "guide_print": src_uri in self.widget_pages,
            "guide_config": Markup(self.script_config()) if scripts else "",
            "guide_oembed": self.oembed_links(url),
            "guide_embed_source": self.source_url(embed) if embed else "",
        }

    def source_url(self, embed: Embed) -> str:
        """Where an embed page's widget is in the guide, as MkDocs writes that page's address
        (`techniques/remercier/` or, without directory URLs, `techniques/remercier.html`)."""
        page, _, anchor = embed.source.partition("#")
        return self.prefix + self.renderer.url_of(page) + (f"#{anchor}" if anchor else "")

    def script_config(self) -> str:
        """What the scripts read (overrides/assets/guide/config.js), as the JSON each widget page
        carries: the interface strings they ask for and the self-assessment scale."""
        if self._script_config is None:
            keys = self.assets.string_keys(self.strings)
            strings = {key: text for key, text in self.strings.items() if key in keys}
            config = {"strings": strings, "scale": SCALE}
            self._script_config = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
        return self._script_config

    def is_embed(self, src_uri: str) -> bool:
        return src_uri in self.embed_pages

    def write_pdfs(self) -> None:
        if self.with_pdfs:
            from .pdf import write_handouts  # WeasyPrint loads only when PDFs are made

            write_handouts(self.renderer, self.site_dir, [self.assets.style, self.assets.styles[PRINT_STYLE]])


HEADING = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"[^>]*>(.*?)</h[1-6]>', re.S)
TAG = re.compile(r"<[^>]*>")


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


def trim_site_url(config, given: str | None) -> None:
    """The guide's address as GUIDE_SITE_URL gives it (`given`), without the spaces around it (pasted with the
    address, MkDocs would keep them and make "https://example.org/ /" of it, in every address published)."""
    if given and given.strip() and given != given.strip() and config.site_url == URL(is_dir=True).validate(given):
        config.site_url = URL(is_dir=True).validate(given.strip())


class Builds:
    """The language builds of one `mkdocs build` (or one `serve` rebuild), by language, and the
    folder they write into (output.py)."""

    def __init__(self):
        self._by_lang: dict[str, Build] = {}
        self.output = Output()

    def start(
        self,
        config,
        with_pdfs: bool,
        published: bool = True,
        with_packages: bool = False,
        staged: bool = True,
        site_url: str | None = None,
    ) -> Build:
        """`staged`: write into a new folder that becomes the site once every language is built
        (not for `--dirty` builds, which update the site in place); `site_url`: GUIDE_SITE_URL as given."""
        trim_site_url(config, site_url)
        languages = Languages.of(config)
        first = languages.current == languages.default
        if first:  # a new site build: forget the last one's
            self._by_lang.clear()
        source = None if first else self._by_lang[languages.default].source
        build = Build.start(config, languages, with_pdfs, published, with_packages, source)  # ContentError: events.py makes it one line
        if first and staged:
            self.output.start(config)  # every check has passed: the build may write
        self._by_lang[languages.current] = build
        return build

    def of(self, lang: str) -> Build:
        return self._by_lang[lang]

    def check_site(self) -> None:
        """Every language's pages converted: what they place and use, across pages (source.py)."""
        builds = self.every()
        first = builds[0]
        pages = {record.src: record for build in builds for record in build.page_markers.values() if record.src}
        check_site(first.docs, first.source, first.guide, first.languages.all, pages, first.shown)

    def every(self) -> list[Build]:
        """Every language's build, the default first."""
        return list(self._by_lang.values())
