"""MkDocs events → the `guide` package (hooks/guide/). Each function only wires.

static-i18n runs every event once per language build; each event reaches the `Build` of its own
language through `BUILDS.of(…)` (see guide/build.py), and `on_config` of the default language
starts a new set of builds, so nothing outlives the `mkdocs build` (or `serve` rebuild) it is for.
"""

from __future__ import annotations

import functools
import os

from guide import i18n_fixes, packages
from guide.assets import Assets
from guide.build import Builds, Languages, keep_heading_spaces
from guide.content import ContentError
from guide.csp import add_policy, renew_policy
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

BUILDS = Builds()
_pdfs = True  # `mkdocs serve` (or GUIDE_PDFS=off) skips the PDF handouts; set once per process
# and the packages to take away (they hold the PDFs; GUIDE_PACKAGES=off skips them alone)
_packages = True
# `mkdocs serve` replaces site_url with its own local address: no sheet prints that as the guide's
_published = True
_staged = True  # a `--dirty` build updates the site in place; any other writes a new one beside it


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


def on_startup(command, dirty):
    global _pdfs, _packages, _published, _staged
    _pdfs = command != "serve" and os.environ.get("GUIDE_PDFS") != "off"
    _packages = _pdfs and os.environ.get("GUIDE_PACKAGES") != "off"
    _published = command != "serve"
    _staged = not dirty
    i18n_fixes.quiet_overrides()


@_one_line_errors
def on_config(config):
    build = BUILDS.start(config, with_pdfs=_pdfs, published=_published, with_packages=_packages, staged=_staged)
    if build.offline:
        packages.ship_shim(config)


@event_priority(-110)  # after static-i18n (−100) has mapped the files: what the build makes stays out of its sitemap
@_one_line_errors
def on_files(files, config):
    build = BUILDS.of(_lang(config))
    build.drop_unpublished(files)
    build.assets = Assets(files, config, launch_page=build.offline)
    build.add_pages(files, config)
    return files


@_one_line_errors
def on_page_read_source(page, config):
    return BUILDS.of(_lang(config)).page_source(page.file.abs_src_path)


@_one_line_errors
def on_env(env, config, files):
    build = BUILDS.of(_lang(config))
    build.check_pages()  # every page of the language converted, before the first is written
    env.globals["guide"] = build.theme_globals()
    return env


def on_page_markdown(markdown, page, config, files):
    BUILDS.of(_lang(config)).begin_page(page.file.src_uri, page.file.abs_src_path)  # its markers are noted as it is converted
    return markdown


@_one_line_errors
def on_page_content(html, page, config, files):
    build = BUILDS.of(_lang(config))
    keep_heading_spaces(page.toc, html)
    html = build.render_page(html, page.url, page.file.src_uri)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | build.anchors(page.file.src_uri)  # for MkDocs' link checks
    return html


def on_page_context(context, page, config, nav):
    context.update(BUILDS.of(_lang(config)).template_values(page.file.src_uri, page.url))
    return context


def on_post_page(output, page, config):
    build = BUILDS.of(_lang(config))
    if not build.is_embed(page.file.src_uri):  # an embed page has no language links nor Material's script
        output = i18n_fixes.finish_page(output, page.url, build.prefix, build.languages.prefixes)
    return add_policy(output, build.frame_scripts(output))


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    output = i18n_fixes.language_homes(output_content, config.site_url, Languages.of(config).prefixes)
    return add_policy(output, BUILDS.of(_lang(config)).frame_scripts(output))


def _write_pdfs(config):
    BUILDS.of(_lang(config)).write_pdfs(config.site_dir)


@event_priority(-200)  # after static-i18n (−100) has built every other language
@_one_line_errors
def _after_all_languages(config):
    if not i18n_fixes.all_languages_built(config):
        return
    BUILDS.check_site()  # what the pages place, across pages and languages, before anything is published
    builds = BUILDS.every()
    i18n_fixes.after_all_languages(config, search_scripts=builds[0].offline)
    if builds[0].with_packages and not builds[0].offline:
        packages.write_packages(config, builds)
    BUILDS.output.publish(config)  # the whole site built: it replaces the last one


on_post_build = CombinedEvent(_write_pdfs, _after_all_languages)


def on_build_error(error):
    BUILDS.output.discard()  # the site stays as it was


def on_shutdown():
    BUILDS.output.discard()  # a build interrupted before it was published


def on_serve(server, config, builder):
    """`mkdocs serve` adds a live-reload script to every page it sends: the page's policy admits
    it too, so a saved change shows at once, under the same policy as the built site."""
    inject = server._inject_js_into_html

    def inject_and_admit(content: bytes, epoch: int) -> bytes:
        return renew_policy(inject(content, epoch).decode("utf-8")).encode("utf-8")

    server._inject_js_into_html = inject_and_admit
    return server
