"""The guide's scripts and style: checked, bundled, minified, and what the pages need of them.
Why our own bundler: a classic script runs from file:// and in sandboxed frames; esbuild would add a binary download.

The widgets' sources are small ES modules (overrides/assets/guide/*.js, readable, one per widget).
Readers get them as one classic script, `assets/guide/guide.js`, bundled from the entry module
`guide.js` and minified: a classic script runs where modules cannot (a page opened from disk, a
frame sandboxed without `allow-same-origin`, where module scripts need CORS headers). What few
readers open (the projector, the "Embed" dialog, My data, the calendar file) is a second classic script bundled the same way
from `extras.js`, which guide.js fetches on first use (later.js): no page loads it before. The launch
page of a SCORM package gets its own bundle the same way, from `scorm.js`, in the build the
packages are made from (packaging.py); so does every full page of the website, from `pocket.js`
(it registers the service worker, whose own code, `worker.js`, pocket.py writes at the site's root
after its precache list), and every embed page, from `frame.js` (it tells the frame's host how tall
the page is). Any other script there (`embed.js`, for the pages that embed
a widget) ships alone, minified. The style
sheet for the screen is small, so every page carries it inline: no request more than stock Material
before the first paint; the print rules (`print.css`, loaded for print only) and what only scripts
show (`interactive.css`, loaded with extras.js) ship as files. The interface strings a page carries are exactly those the scripts ask for.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from .files import read_text
from .pages import add_generated

ASSETS = "assets/guide"
STYLE = f"{ASSETS}/guide.css"
PRINT_STYLE = f"{ASSETS}/print.css"
ENTRY = "guide"  # the pages' bundle: its entry module, and the bundle's name
LAUNCH_ENTRY = "scorm"  # the SCORM launch page's bundle (packaging.py)
EXTRAS_ENTRY = "extras"  # what guide.js fetches on first use (later.js): the projector, the "Embed" dialog
POCKET_ENTRY = "pocket"  # every full page's own small script: registers the service worker, offers a new version
FRAME_ENTRY = "frame"  # every embed page's own small script: tells the frame's host how tall the page is
WORKER_SOURCE = "worker"  # the service worker's code: pocket.py writes it at the site's root, after its precache list
# What a script fetches on first use, beside it (later.js): the service worker precaches them with it (pocket.py)
LATER = {f"{ASSETS}/{ENTRY}.js": (f"{ASSETS}/{EXTRAS_ENTRY}.js", f"{ASSETS}/interactive.css")}
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}
# t("key") reads one string; t(`prefix_${name}`) any string whose key starts with prefix_
STRING_CALL = re.compile(r"""\bt\(\s*(?:["']([a-z0-9_]+)["']|`([a-z0-9_]+)\$\{)""")
# The two module forms the bundler understands, one statement a line: what our sources use.
IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([a-z0-9-]+)\.js";?[ \t]*$', re.M)
EXPORT = re.compile(r"^export\s+((?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*))", re.M)
OTHER_MODULE_SYNTAX = re.compile(r"^\s*(import|export)\b", re.M)
THEME_SCRIPT = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")  # Material's script, its hash in the name


class Assets:
    """The scripts and style of one build: `files` loses the sources and gains what ships."""

    def __init__(self, files: Files, config, launch_page: bool = False, pocket: bool = False):
        self.sources: dict[str, str] = {}  # module name → source, for every script
        self.styles: dict[str, str] = {}  # site path → minified style sheet
        for file in [f for f in files if f.src_uri.startswith(f"{ASSETS}/") and Path(f.src_uri).suffix in MEDIA_TYPES]:
            files.remove(file)
            source = read_text(Path(file.abs_src_path), f"overrides/{file.src_uri}")
            minified = _minified(source, file.src_uri)  # every source must parse, named in the error
            if file.src_uri.endswith(".css"):
                self.styles[file.src_uri] = minified
            else:
                self.sources[Path(file.src_uri).stem] = source
        self.style = self.styles.pop(STYLE, "")  # inline in every page; the others ship as files
        # Material's own script, which every page but an embed loads at the end of its body: preloaded
        # from the head (overrides/main.html), since the page's policy keeps the browser from finding it early
        theme_scripts = [f.src_uri for f in files if THEME_SCRIPT.fullmatch(f.src_uri)]
        if len(theme_scripts) != 1:
            raise PluginError(f"Material's script: expected one assets/javascripts/bundle.*.min.js, found {theme_scripts}")
        self.theme_script = theme_scripts[0]
        self.bundled = _bundle_order(self.sources, ENTRY)
        self.extras = _bundle_order(self.sources, EXTRAS_ENTRY)
        bundles = {
            ENTRY: self.bundled,
            EXTRAS_ENTRY: self.extras,
            LAUNCH_ENTRY: _bundle_order(self.sources, LAUNCH_ENTRY),
            POCKET_ENTRY: _bundle_order(self.sources, POCKET_ENTRY),
            FRAME_ENTRY: _bundle_order(self.sources, FRAME_ENTRY),
        }
        wanted = {LAUNCH_ENTRY: launch_page, POCKET_ENTRY: pocket}
        shipped = {
            f"{ASSETS}/{name}.js": _minified(bundle(self.sources, order), f"{ASSETS}/{name}.js")
            for name, order in bundles.items()
            if wanted.get(name, True)
        }
        shipped.update(self.styles)
        # the service worker's code, a classic script of its own, is written at the site's root by pocket.py
        self.worker = _minified(self.sources[WORKER_SOURCE], f"{ASSETS}/{WORKER_SOURCE}.js") if pocket else ""
        for name in sorted(set(self.sources).difference(*bundles.values(), {WORKER_SOURCE})):
            shipped[f"{ASSETS}/{name}.js"] = _minified(self.sources[name], f"{ASSETS}/{name}.js")
        for uri, text in shipped.items():
            add_generated(files, config, uri, text)

    def string_keys(self, available: dict[str, str]) -> frozenset[str]:
        """The interface strings the pages' scripts (guide.js, extras.js) can ask for, read from the scripts themselves."""
        exact, prefixes = set(), set()
        for name in dict.fromkeys(self.bundled + self.extras):
            for key, prefix in STRING_CALL.findall(self.sources[name]):
                if key:
                    exact.add(key)
                else:
                    prefixes.add(prefix)
        unknown = sorted(exact - available.keys())
        if unknown:
            raise PluginError(f"hooks/guide/strings.yml: {unknown[0]}: missing, but a script asks for it")
        return frozenset(exact | {key for key in available if key.startswith(tuple(prefixes))})


def _imports(name: str, source: str) -> list[tuple[str, str]]:
    """(names, module) of each import; any other module syntax stops the build with its line."""
    for number, line in enumerate(source.splitlines(), start=1):
        if OTHER_MODULE_SYNTAX.match(line) and not (IMPORT.match(line) or EXPORT.match(line)):
            raise PluginError(
                f'overrides/{ASSETS}/{name}.js: line {number}: write imports as `import {{ a, b }} from "./x.js";` '
                "and exports as `export function|const|let|class name`, one a line (the bundler reads only these)"
            )
    return [(m.group(1), m.group(2)) for m in IMPORT.finditer(source)]


def _bundle_order(sources: dict[str, str], entry: str) -> list[str]:
    """The modules reachable from `entry`, each after the modules it imports."""
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise PluginError(f"overrides/{ASSETS}/{name}.js: imports form a cycle: {' → '.join([*visiting, name])}")
        if name not in sources:
            raise PluginError(f"overrides/{ASSETS}/{visiting[-1]}.js: imports ./{name}.js, which does not exist")
        visiting.append(name)
        for _, module in _imports(name, sources[name]):
            visit(module)
        visiting.pop()
        order.append(name)

    visit(entry)
    return order


def bundle(sources: dict[str, str], order: list[str]) -> str:
    """One classic script from ES modules: each module's code in its own function scope, its
    exports returned as an object, each import read from the object of the module it names."""
    chunks = []
    for name in order:
        source = sources[name]
        code = IMPORT.sub(lambda m: f"const {{ {m.group(1).replace(' as ', ': ').strip()} }} = {_var(m.group(2))};", source)
        exports = [m.group(2) for m in EXPORT.finditer(code)]
        code = EXPORT.sub(lambda m: m.group(1), code)
        chunks.append(f"const {_var(name)} = (() => {{\n{code}\nreturn {{ {', '.join(exports)} }};\n}})();")
    return '"use strict";\n(() => {\n' + "\n".join(chunks) + "\n})();\n"


def _var(module: str) -> str:
    return "module_" + module.replace("-", "_")


@functools.lru_cache(maxsize=64)
def _minified(source: str, src_uri: str) -> str:
    """`source` minified (once per text in a process); a source that does not parse stops the
    build with one line naming the file."""
    import minify  # tdewolff-minify

    try:
        return minify.string(MEDIA_TYPES[Path(src_uri).suffix], source)
    except minify.MinifyError as error:
        raise PluginError(f"overrides/{src_uri}: {str(error).splitlines()[0]}") from None
