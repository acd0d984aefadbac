"""Every private or undocumented API of MkDocs, Material and static-i18n the hooks use, in one
module: each function says why it is needed, and tests/test_architecture.py holds each to the
pinned packages (requirements.txt), so an upgrade that changes one fails there, by name.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.utils import CountHandler

I18N = "i18n"  # static-i18n's name in `plugins:`
OFFLINE = "material/offline"  # Material's offline plugin
# static-i18n's logger for the settings a language overrides (mkdocs_static_i18n/reconfigure.py)
I18N_OVERRIDES_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"


@dataclass(frozen=True)
class I18nState:
    current: str | None  # the language being built; None in the first build's on_config
    default: str
    built: tuple[tuple[str, str], ...]  # (locale, name) of each language built, in mkdocs.yml's order


def i18n_state(config) -> I18nState | None:
    """static-i18n's languages and the one it is building (None without static-i18n). Why: it has
    no public API saying which language a build is for, and `theme.language` is still the previous
    build's in on_config; reads `current_language`, `default_language`, `config.languages`."""
    i18n = config.plugins.get(I18N)
    if i18n is None:
        return None
    built = tuple((lang.locale, lang.name) for lang in i18n.config.languages if lang.build)
    return I18nState(i18n.current_language, i18n.default_language, built)


def i18n_building(config) -> bool:
    """Is static-i18n still building the other languages (its `building`, set inside the default
    language's on_post_build)? Why: only then is an `on_post_build` after its own not the last."""
    i18n = config.plugins.get(I18N)
    return bool(i18n and i18n.building)


def offline_enabled(config) -> bool:
    """Is Material's offline plugin on? Why: its `config.enabled` is how a build knows it makes
    the offline copy (documented as a setting, read here as the plugin's attribute)."""
    plugin = config.plugins.get(OFFLINE)
    return bool(plugin and plugin.config.enabled)


def strict_warnings_counted() -> bool:
    """Has MkDocs counted a warning that `--strict` turns into a failure? Why: it decides only after
    on_post_build (mkdocs/commands/build.py:349), too late to keep a failed site unpublished; read
    from its `CountHandler` on the "mkdocs" logger, as that line does."""
    return any(h.get_counts() for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler))


def add_anchor_ids(page, ids: set[str]) -> None:
    """Anchors a link to `page` may name, for MkDocs' link validation. Why: the widgets' IDs are
    added after Markdown, and MkDocs gathers `Page.present_anchor_ids` during the conversion only."""
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ids


def wrap_live_reload(server, wrap: Callable[[str], str]) -> None:
    """`wrap` applied to every page `mkdocs serve` sends, after it adds its live-reload script.
    Why: that script must pass the page's policy (csp.renew_policy), and the server adds it in a
    private method, `LiveReloadServer._inject_js_into_html(content, epoch)`."""
    inject = server._inject_js_into_html

    def inject_and_wrap(content: bytes, epoch: int) -> bytes:
        return wrap(inject(content, epoch).decode("utf-8")).encode("utf-8")

    server._inject_js_into_html = inject_and_wrap


def search_worker_imports(worker: str, langs: list[str]) -> list[str]:
    """The scripts Material's search worker (`worker`, a path from the site's root) imports for a
    search index in `langs`, beside it in `../lunr/`. Why: the worker for offline reading precaches
    them (pocket.py), and Material says which in its worker's code only (`setupSearchLanguages`)."""
    base = posixpath.normpath(posixpath.join(posixpath.dirname(worker), "../lunr"))
    scripts = []
    for lang in langs:
        scripts += {"ja": [f"{base}/tinyseg.js"], "hi": [f"{base}/wordcut.js"], "th": [f"{base}/wordcut.js"]}.get(lang, [])
        if lang != "en":
            scripts.append(f"{base}/min/lunr.{lang}.min.js")
    if len(langs) > 1:
        scripts.append(f"{base}/min/lunr.multi.min.js")
    return [f"{base}/min/lunr.stemmer.support.min.js", *scripts] if scripts else []
