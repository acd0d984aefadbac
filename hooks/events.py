"""MkDocs events → the `guide` package (hooks/guide/). Each function only wires.

MkDocs loads a hook module once per process (a `serve` session keeps it across rebuilds), so what
a process knows lives in one object, `SESSION`, made by `on_startup`: its settings (GUIDE_*, read
once: guide/settings.py), the register of language builds and the theme's compiled templates.
static-i18n runs every event once per language build; each event reaches the `Build` of its own
language through `SESSION.builds.of(…)` (see guide/build.py), and `on_config` of the default
language starts a new set of builds, so no build outlives the `mkdocs build` (or `serve` rebuild)
it is for.
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path

from guide import i18n_fixes, offline, packaging, pdf, pocket
from guide.assets import LATER, Assets
from guide.build import Builds, Languages, keep_heading_spaces
from guide.content import ContentError
from guide.csp import add_policy, renew_policy
from guide.packaging import PackedLanguage, Packing
from guide.pocket import Pocket, PocketLanguage
from guide.render import CompiledTemplates
from guide.settings import Settings
from guide.upstream import OFFLINE, add_anchor_ids, wrap_live_reload
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority


class Session:
    """One `mkdocs build` or `serve` process: its settings, and what its builds make."""

    def __init__(self, command: str, dirty: bool, settings: Settings):
        self.settings = settings
        self.is_serve = command == "serve"
        self.pdfs = settings.pdfs and not self.is_serve  # `serve` skips the PDF handouts
        self.packages = self.pdfs and settings.packages  # the packages to take away hold the PDFs
        self.published = not self.is_serve  # `serve` puts its own local address in site_url: no sheet prints it
        self.staged = not dirty  # a `--dirty` build updates the site in place; any other writes a new one beside it
        # installable, offline after one visit; a `serve` preview shows each save at once, no worker caching it
        self.pocket = not self.is_serve
        self.builds = Builds()
        self.templates = CompiledTemplates()  # the theme's templates, compiled once a process (render.py)


SESSION: Session  # made by on_startup, which MkDocs calls first in every process


def _one_line_errors(event):
    """A content error anywhere in an event ends the build with its one line, no traceback."""

    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None

    return wrapper


def _lang(config) -> str:
    return Languages.of(config).current


def _pocket_on(build) -> bool:
    """Does this build's site install and work offline (pocket.py)? Not the offline copy's."""
    return SESSION.pocket and not build.offline


def on_startup(command, dirty):
    global SESSION
    SESSION = Session(command, dirty, Settings.from_environ())
    i18n_fixes.quiet_overrides()


@_one_line_errors
def on_config(config):
    s = SESSION
    build = s.builds.start(
        config, with_pdfs=s.pdfs, published=s.published, with_packages=s.packages, staged=s.staged, site_url=s.settings.site_url
    )
    if build.offline:
        offline.ship_shim(config)


@event_priority(-110)  # after static-i18n (−100) has mapped the files: what the build makes stays out of its sitemap
@_one_line_errors
def on_files(files, config):
    build = SESSION.builds.of(_lang(config))
    build.drop_unpublished(files)
    build.assets = Assets(files, config, launch_page=build.offline, pocket=_pocket_on(build))
    build.add_pages(files, config)
    if build.offline:
        offline.add_shim(files, config)
    return files


@_one_line_errors
def on_page_read_source(page, config):
    return SESSION.builds.of(_lang(config)).page_source(page.file.abs_src_path)


@_one_line_errors
def on_env(env, config, files):
    build = SESSION.builds.of(_lang(config))
    build.check_pages()  # every page of the language converted, before the first is written
    env.globals["guide"] = build.theme_globals(pocket.head(build.prefix) if _pocket_on(build) else None)
    env.bytecode_cache = env.bytecode_cache or SESSION.templates  # unless one is set already (the tests' MkDocs worker)
    return env


def on_page_markdown(markdown, page, config, files):
    SESSION.builds.of(_lang(config)).begin_page(page.file.src_uri, page.file.abs_src_path)  # its markers are noted as it is converted
    return markdown


@_one_line_errors
def on_page_content(html, page, config, files):
    build = SESSION.builds.of(_lang(config))
    keep_heading_spaces(page.toc, html)
    html = build.render_page(html, page.url, page.file.src_uri)
    add_anchor_ids(page, build.anchors(page.file.src_uri))  # the widgets' anchors, for MkDocs' link checks
    return html


def on_page_context(context, page, config, nav):
    context.update(SESSION.builds.of(_lang(config)).template_values(page.file.src_uri, page.url))
    return context


def _frame_scripts(build, html: str) -> list[str]:
    """The policy sources a page needs for the scripts its frames run (the offline copy's search)."""
    return offline.frame_script_sources(html) if build.offline else []


def on_post_page(output, page, config):
    build = SESSION.builds.of(_lang(config))
    if not build.is_embed(page.file.src_uri):  # an embed page has no language links nor Material's script
        output = i18n_fixes.finish_page(output, page.url, build.prefix, build.languages.prefixes)
    return add_policy(output, _frame_scripts(build, output))


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    output = i18n_fixes.language_homes(output_content, config.site_url, Languages.of(config).prefixes)
    return add_policy(output, _frame_scripts(SESSION.builds.of(_lang(config)), output))


def _note_output(config):
    SESSION.builds.of(_lang(config)).site_dir = Path(config.site_dir)  # its PDFs are written once every check has passed


def _packing(config, builds) -> Packing:
    """What packaging.py packs, once every language is built (`builds`: the default first)."""
    return Packing(
        site_dir=Path(config.site_dir),
        config_file=Path(config.config_file_path) if config.config_file_path else None,
        strict=bool(config.strict),
        settings=SESSION.settings.for_offline_copy(),
        offline_plugin=OFFLINE in config.plugins,
        languages=tuple(PackedLanguage(b.lang, b.prefix, b.site_name) for b in builds),
        templates=builds[0].renderer.env,
        favicon=config.theme["favicon"],
        quiz_id=builds[0].guide.quiz.id,
    )


def _pocket(config, builds) -> Pocket:
    """What pocket.py makes the site installable and offline from, once every language is built."""
    languages = tuple(
        PocketLanguage(
            b.lang,
            b.prefix,
            b.strings["app_name"],
            b.strings["app_short_name"],
            b.site_description,
            {"title": b.strings["offline_title"], "text": b.strings["offline_text"], "other": b.strings["offline_other"]},
        )
        for b in builds
    )
    return Pocket(site_dir=Path(config.site_dir), languages=languages, worker=builds[0].assets.worker, later=LATER)


@event_priority(-200)  # after static-i18n (−100) has built every other language
@_one_line_errors
def _after_all_languages(config):
    if not i18n_fixes.all_languages_built(config):
        return
    SESSION.builds.check_site()  # what the pages place, across pages and languages, before anything is published
    builds = SESSION.builds.every()
    packing = _packing(config, builds) if builds[0].with_packages and not builds[0].offline else None
    # speed: the offline copy builds in a child process while this one makes the PDFs
    with packaging.offline_copy(packing) if packing else contextlib.nullcontext() as offline:
        # the PDFs, a build's slowest part, once every check has passed; the languages side by side
        pdf.side_by_side([build.write_pdfs for build in builds])
        i18n_fixes.after_all_languages(config, search_scripts=builds[0].offline)
        if packing:
            packaging.write_packages(packing, offline)
    if _pocket_on(builds[0]):
        pocket.write_pocket(_pocket(config, builds))  # last: its worker lists every file the site holds
    SESSION.builds.output.publish(config)  # the whole site built: it replaces the last one


on_post_build = CombinedEvent(_note_output, _after_all_languages)


def on_build_error(error):
    SESSION.builds.output.discard()  # the site stays as it was


def on_shutdown():
    SESSION.builds.output.discard()  # a build interrupted before it was published


def on_serve(server, config, builder):
    """`mkdocs serve` adds a live-reload script to every page it sends: the page's policy admits
    it too, so a saved change shows at once, under the same policy as the built site."""
    wrap_live_reload(server, renew_policy)
    return server
