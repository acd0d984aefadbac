"""The hooks' own structure: layers that point one way, upstream internals that still exist."""

from __future__ import annotations

import ast
import inspect
import itertools
import logging
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "guide"


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports (`from .x import …`, `from . import x`, `import
    guide.x`), wherever the import stands: at the top, under TYPE_CHECKING, inside a function."""
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    graph = {}
    for name in sorted(modules):
        edges = set()
        for node in ast.walk(ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                edges |= {node.module} if node.module else {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("guide"):
                edges |= {node.module.removeprefix("guide").lstrip(".")} if node.module != "guide" else {a.name for a in node.names}
            elif isinstance(node, ast.Import):
                edges |= {a.name.split(".")[1] for a in node.names if a.name.startswith("guide.")}
        graph[name] = {edge.split(".")[0] for edge in edges} & modules
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of `graph` (its modules in order, the first repeated), or []."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[module] = "done"
        path.pop()
        return []

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return []


def test_the_graph_reader_sees_every_kind_of_import():
    graph = import_graph()
    assert "routes" in graph["render"]  # a top-level import
    assert "pdf" in graph["build"]  # an import inside a function (WeasyPrint loads only for PDFs)
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []


def test_the_guide_package_has_no_import_cycle():
    graph = import_graph()
    assert cycle(graph) == [], " → ".join(cycle(graph))


def test_the_module_graph_architecture_md_draws_is_the_codes():
    """ARCHITECTURE.md draws the package's imports, one line a module (`render -> model, pages`),
    those importing nothing on one line: the drawing and the code say the same."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    drawn = re.search(r"```\n([a-z0-9_, ]+\(import nothing of the package\)\n(?:[a-z0-9_]+ +-> [a-z0-9_, ]+\n)+)```", text).group(1)
    lines = drawn.splitlines()
    graph = {name: set() for name in lines[0].split("(")[0].replace(",", " ").split()}
    graph |= {name.strip(): set(targets.replace(",", " ").split()) for name, targets in (line.split("->") for line in lines[1:])}
    assert graph == import_graph()


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module `start` imports, directly or through others."""
    found, todo = set(), [start]
    while todo:
        for target in graph[todo.pop()] - found:
            found.add(target)
            todo.append(target)
    return found


def test_routes_and_packaging_stand_below_the_build():
    graph = import_graph()
    assert graph["routes"] == set()  # every convention in one place, depending on nothing
    assert reachable(graph, "packaging") <= {"routes", "settings", "csp", "model"}  # given what to pack; knows no build, no page
    assert reachable(graph, "pocket") <= {"routes", "csp", "html", "upstream"}  # given the site's files and names; knows no build
    assert graph["settings"] == set()  # read once, handed down
    assert not reachable(graph, "render") & {"build", "packaging", "offline"}  # rendering needs nothing of the packages
    assert len(graph["build"]) <= 12  # the hub: it registers the marker extension (markers) per language


def string_constants(path: Path) -> set[str]:
    """The string literals a module's code holds (its docstrings and comments aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node, clean=False) is not None
    }
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings}


def test_the_guide_settings_are_read_in_one_place():
    readers = {
        path.relative_to(ROOT).as_posix()
        for path in [ROOT / "hooks" / "events.py", *PACKAGE.glob("*.py")]
        if any(re.fullmatch(r"GUIDE_[A-Z_]+", text) for text in string_constants(path))
    }
    assert readers == {"hooks/guide/settings.py"}


def test_settings_come_from_the_environment_and_go_to_the_offline_copy_as_they_are_read():
    from guide.settings import Settings

    assert Settings.from_environ({}) == Settings(pdfs=True, packages=True, site_url=None, offline=False)
    given = Settings.from_environ({"GUIDE_PDFS": "off", "GUIDE_PACKAGES": "off", "GUIDE_SITE_URL": " https://example.org/ "})
    assert given == Settings(pdfs=False, packages=False, site_url=" https://example.org/ ", offline=False)
    child = Settings(site_url="https://example.org/").for_offline_copy()
    assert child == Settings(pdfs=False, packages=False, site_url="", offline=True)
    assert child.environ() == {"GUIDE_PDFS": "off", "GUIDE_PACKAGES": "off", "GUIDE_SITE_URL": "", "GUIDE_OFFLINE": "true"}
    assert Settings.from_environ(child.environ()) == child  # what the child build reads is what it was given


# --- upstream.py: each private API the hooks use, held to the pinned packages --------------------


def _config(monkeypatch, **environ):
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return load_config(str(ROOT / "mkdocs.yml"))


def test_upstream_static_i18n_says_which_language_it_builds(monkeypatch):
    from guide.upstream import I18nState, i18n_building, i18n_state

    config = _config(monkeypatch)
    assert i18n_state(config) == I18nState(None, "fr", (("fr", "Français"), ("en", "English")))  # before its first on_config
    assert i18n_building(config) is False
    i18n = config.plugins["i18n"]
    i18n.current_language, i18n.building = "en", True  # as its on_post_build sets them for the other languages
    assert i18n_state(config).current == "en"
    assert i18n_building(config) is True


def test_upstream_static_i18n_logs_its_overrides_where_we_quiet_them():
    from guide.upstream import I18N_OVERRIDES_LOGGER
    from mkdocs_static_i18n import reconfigure

    assert reconfigure.log.logger.name == I18N_OVERRIDES_LOGGER
    assert "Overriding '" in inspect.getsource(reconfigure)


def test_upstream_material_offline_plugin_says_when_it_is_on(monkeypatch):
    from guide.upstream import OFFLINE, offline_enabled

    assert OFFLINE in _config(monkeypatch).plugins
    assert offline_enabled(_config(monkeypatch)) is False
    assert offline_enabled(_config(monkeypatch, GUIDE_OFFLINE="true")) is True


def test_upstream_mkdocs_counts_warnings_on_its_logger():
    from guide.upstream import strict_warnings_counted
    from mkdocs.commands import build
    from mkdocs.utils import CountHandler

    assert "CountHandler()" in inspect.getsource(build.build) and "get_counts()" in inspect.getsource(build.build)
    handler = CountHandler()
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        assert strict_warnings_counted() is False
        logging.getLogger("mkdocs.test").warning("a warning --strict fails on")
        assert strict_warnings_counted() is True
    finally:
        logger.removeHandler(handler)


def test_upstream_mkdocs_checks_links_against_present_anchor_ids():
    from guide.upstream import add_anchor_ids
    from mkdocs.structure.pages import Page

    assert "present_anchor_ids" in inspect.getsource(Page.validate_anchor_links)

    class Rendered:
        present_anchor_ids = None

    page = Rendered()
    add_anchor_ids(page, {"quiz-remercier"})
    add_anchor_ids(page, {"checklist-remercier"})
    assert page.present_anchor_ids == {"quiz-remercier", "checklist-remercier"}


def test_upstream_mkdocs_serve_injects_its_script_in_one_private_method(tmp_path):
    from guide.upstream import wrap_live_reload
    from mkdocs.livereload import LiveReloadServer

    assert list(inspect.signature(LiveReloadServer._inject_js_into_html).parameters) == ["self", "content", "epoch"]
    assert "self._inject_js_into_html(" in inspect.getsource(LiveReloadServer)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        wrap_live_reload(server, lambda html: html.replace("<body>", '<body class="wrapped">'))
        sent = server._inject_js_into_html(b"<html><body><p>page</p></body></html>", 1).decode("utf-8")
    finally:
        server.server_close()
    assert sent.startswith('<html><body class="wrapped"><p>page</p><script>')  # the script added, then the wrap


def test_upstream_material_search_worker_imports_lunr_as_our_precache_list_says():
    """The scripts Material's search worker imports for an index's languages, as its own code says:
    the service worker precaches them (pocket.py), or search dies offline."""
    import material
    from guide.upstream import search_worker_imports

    [worker] = (Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js")
    code = worker.read_text(encoding="utf-8")
    for piece in ['e="../lunr"', 'n!=="en"&&r.push(`${e}/min/lunr.${n}.min.js`)', "t.lang.length>1&&r.push(`${e}/min/lunr.multi.min.js`)"]:
        assert piece in code, piece
    assert "importScripts(`${e}/min/lunr.stemmer.support.min.js`,...r)" in code
    at = "assets/javascripts/workers/search.js"
    assert search_worker_imports(at, ["en"]) == []
    assert search_worker_imports(at, ["fr"]) == [f"assets/javascripts/lunr/min/lunr.{n}.min.js" for n in ("stemmer.support", "fr")]
    assert search_worker_imports(at, ["fr", "en"])[-1] == "assets/javascripts/lunr/min/lunr.multi.min.js"
    assert "assets/javascripts/lunr/tinyseg.js" in search_worker_imports(at, ["ja"])


def test_upstream_material_search_dialog_is_named_by_our_rewrite_not_a_copy():
    """The search partial is Material's own (no copy under overrides/): the dialog has no name there,
    and its options carry the label the rewrite gives it (i18n_fixes.name_search_dialog)."""
    import material
    from guide.i18n_fixes import name_search_dialog

    assert not (ROOT / "overrides" / "partials" / "search.html").exists()
    partial = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    assert '<div class="md-search" data-md-component="search" role="dialog">' in partial
    assert '<nav class="md-search__options" aria-label="{{ lang.t(\'search\') }}">' in partial
    rendered = partial.replace("{{ lang.t('search') }}", "Recherche")
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Recherche">' in name_search_dialog(rendered)


# --- hand-written machinery: what the build pins rather than computes ---------------------------


def frame_script_from_shim(shim: str) -> tuple[str, str]:
    """The inline script iframe-worker's shim writes into its frame, split where the worker's
    address goes, read from the shim's code: a template literal naming two of its own functions
    (their source text, as Function.prototype.toString gives it) and the address."""
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
    assert address is not None and template.count(f"${{{address}}}") == 1
    before, after = template.split(f"${{{address}}}")
    return before, after


def test_the_pinned_frame_script_is_the_one_the_vendored_shim_writes():
    """offline.py admits the shim's frame script by a hash computed from pinned data: that data is
    what the shim's own code builds, for the very shim it names."""
    import hashlib
    import json

    from guide.offline import FRAME_SCRIPT, VENDOR

    shim = (VENDOR / "shim.js").read_bytes()
    pinned = json.loads((VENDOR / FRAME_SCRIPT).read_text(encoding="utf-8"))
    assert pinned["shim_sha256"] == hashlib.sha256(shim).hexdigest()
    assert (pinned["before"], pinned["after"]) == frame_script_from_shim(shim.decode("utf-8"))
    assert pinned["before"].startswith("postMessage=function ") and pinned["after"].startswith('"')


def test_the_build_parses_no_javascript_to_admit_the_shim():
    source = (PACKAGE / "offline.py").read_text(encoding="utf-8")
    assert "depth" not in source and "re.search" not in source and "sha256" in source


# --- one name per idea ----------------------------------------------------------------------------


def test_the_guide_has_one_identity_in_python_and_in_the_scripts():
    """`networking-guide` names the packages (routes.NAME) and the readers' stored record
    (record.js KEY): defined once on each side, the same on both."""
    from guide.routes import NAME, OFFLINE_ZIP, scorm_zip
    from support.browser import STORAGE_KEY

    assert NAME == STORAGE_KEY == "networking-guide"
    assert f"downloads/{NAME}-offline.zip" == OFFLINE_ZIP and scorm_zip("en") == f"downloads/{NAME}-scorm12-en.zip"
    python = [p.relative_to(ROOT).as_posix() for p in [ROOT / "hooks/events.py", *PACKAGE.glob("*.py")] if NAME in string_constants(p)]
    assert python == ["hooks/guide/routes.py"]


def test_a_self_check_is_spelt_self_check_wherever_a_page_or_editor_sees_it():
    """Markers, embed paths, anchors, data attributes, classes, templates: `self-check`; string keys
    and Python names: `self_check`. (`selfcheck.js` is the script's file name, not shown.)"""
    template = (ROOT / "overrides/partials/guide/self-check.html").read_text(encoding="utf-8")
    assert 'data-guide-widget="self-check"' in template and 'data-guide-self-check="' in template
    assert 'class="guide-self-check"' in template and 'id="self-check-' in template
    strings = (PACKAGE / "strings.yml").read_text(encoding="utf-8")
    for where in [template, strings, (ROOT / "overrides/partials/guide/assessment.html").read_text(encoding="utf-8")]:
        assert "selfcheck" not in where
    assert re.search(r'"self-check": \(root\) => selfcheck\(', (ROOT / "overrides/assets/guide/guide.js").read_text(encoding="utf-8"))


def test_my_data_is_spelt_my_data_wherever_a_page_or_editor_sees_it():
    """As for the self-check: `my-data` in markers, data attributes, classes and templates;
    `my_data` in string keys and Python names. (`mydata.js` is the script's file name, not shown.)"""
    template = (ROOT / "overrides/partials/guide/my-data.html").read_text(encoding="utf-8")
    assert 'data-guide-widget="my-data"' in template and "data-guide-my-data" in template and 'class="guide-my-data"' in template
    strings = (PACKAGE / "strings.yml").read_text(encoding="utf-8")
    assert "mydata" not in template.replace("mydata.js", "") and "mydata" not in strings
    assert re.search(r'"my-data": mydata', (ROOT / "overrides/assets/guide/guide.js").read_text(encoding="utf-8"))


def test_each_path_convention_is_written_in_routes_alone():
    """The article's page, the folders of techniques, plans and embeds, the marker's spelling: a
    literal of each is in routes.py and nowhere else in the hooks' code (messages aside)."""
    modules = [ROOT / "hooks/events.py", *PACKAGE.glob("*.py")]
    for literal in ("article.md", "trainers/", "embed/", "techniques", "quiz.md", "assessment.md", "downloads/"):
        holders = [p.relative_to(ROOT).as_posix() for p in modules if any(literal == text for text in string_constants(p))]
        assert holders == ["hooks/guide/routes.py"], literal
    assert [p.name for p in modules if builds_a_marker(p)] == ["routes.py"]  # routes.marker_text; messages spell KIND ID


def builds_a_marker(path: Path) -> bool:
    """Does the module's code make a marker from values, `f"<!-- guide:{kind}…"`?"""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            parts = node.values
            for before, after in itertools.pairwise(parts):
                if isinstance(before, ast.Constant) and str(before.value).endswith("<!-- guide:") and isinstance(after, ast.FormattedValue):
                    return True
    return False


def top_level_selectors(selector: str) -> list[str]:
    """A rule's selector list cut at its commas outside brackets."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(selector):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if c == "," and depth == 0:
            parts.append(selector[start:i])
            start = i + 1
    return [*parts, selector[start:]]


def test_a_selector_with_has_stands_in_a_rule_of_its_own():
    """A browser without :has() (Firefox before 121, Safari before 15.4) drops a whole rule over one
    selector it cannot read: a :has() beside other selectors took the red border of a wrong answer,
    or the print rules hiding the buttons, away with it."""
    mixed = []
    for sheet in sorted((ROOT / "overrides/assets/guide").glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for selector in re.findall(r"([^{};]+)\{", text):
            if ":has(" in selector and not selector.strip().startswith("@") and len(top_level_selectors(selector)) > 1:
                mixed.append((sheet.name, " ".join(selector.split())[:80]))
    assert top_level_selectors(".a, :is(.b, .c):has(.d)") == [".a", " :is(.b, .c):has(.d)"]
    assert mixed == []
