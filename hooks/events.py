"""MkDocs events → the `guide` package (hooks/guide/). Each function only wires.

static-i18n runs every event once per language build, so `on_config` starts each build afresh
and nothing else outlives a language's build.
"""
from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from guide.build import Build, after_all_languages, keep_heading_spaces, language_homes, minify_assets
from guide.content import ContentError
from guide.csp import add_policy
from guide.render import modules_needed

_command = "build"  # set once per process; "serve" (or GUIDE_PDFS=off) skips the PDF handouts
_build: Build | None = None  # the current language build, replaced in on_config


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _build
    try:
        _build = Build.start(config, with_pdfs=_command != "serve" and os.environ.get("GUIDE_PDFS") != "off")
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_files(files, config):
    return minify_assets(files, config)


def on_page_content(html, page, config, files):
    keep_heading_spaces(page.toc, html)
    modules = modules_needed(html)
    if modules:  # read by overrides/main.html
        page.meta["guide_modules"] = modules
        page.meta["guide_strings"] = _build.script_strings
    return html


def on_post_page(output, page, config):
    try:
        output = _build.renderer(config).render_page(output, page.url, f"docs/{page.file.src_uri}")
    except ContentError as error:
        raise PluginError(str(error)) from None
    return add_policy(_build.finish_page(output, page.url, config.site_url))


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return add_policy(language_homes(output_content, config.site_url, _build.default_lang))


def _write_pdfs(config):
    _build.write_pdfs(config)


@event_priority(-200)  # after static-i18n (−100) has built every other language
def _after_all_languages(config):
    after_all_languages(config)


on_post_build = CombinedEvent(_write_pdfs, _after_all_languages)
