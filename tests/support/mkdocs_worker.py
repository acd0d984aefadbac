"""`mkdocs` command lines for the tests, each as from a fresh shell but without paying for Python
to start and import MkDocs, Material, static-i18n and the Markdown extensions every time.

This process imports them once, then forks one child per command: the child starts from that state
(nothing of an earlier build in it: no hook module, no cache, no log handler, no logged message),
moves to the requested folder, adds the requested environment, runs MkDocs' own command line with
its output going to files, and exits with the command's status. A Python exception that MkDocs
does not handle is printed with its traceback, as the interpreter does.

Protocol: one JSON request a line on stdin, {"args": [...], "cwd": "...", "env": {...}}; one JSON
answer a line on stdout, {"returncode": n, "stdout": "...", "stderr": "..."}.
"""

from __future__ import annotations

import difflib  # noqa: F401
import functools
import hashlib
import importlib.machinery
import json
import os
import sys
import sysconfig
import tempfile
import traceback
import types
from pathlib import Path

# What every build of the guide loads: the command line, the theme, the plugins and extensions
# named in mkdocs.yml and what they import. The project's own hooks are not among them: each child
# imports the hooks of the project it builds, as a fresh process does.
import colorama  # noqa: F401
import jinja2
import markdown.extensions.admonition
import markdown.extensions.attr_list
import markdown.extensions.codehilite
import markdown.extensions.fenced_code
import markdown.extensions.md_in_html
import markdown.extensions.tables
import markdown.extensions.toc  # noqa: F401
import material.extensions.emoji
import material.plugins.search.plugin
import material.templates
import mkdocs.__main__
import mkdocs.commands.build
import mkdocs.plugins
import mkdocs_static_i18n.plugin  # noqa: F401
import pygments.formatters.html
import pygments.lexers
import pygments.styles  # noqa: F401
import pymdownx.details
import pymdownx.emoji
import pymdownx.highlight
import pymdownx.superfences  # noqa: F401
import yaml  # noqa: F401

# Read once what depends only on the installed packages (both are cached for the process)
mkdocs.plugins.get_plugins()  # the plugins' entry points
material.extensions.emoji.twemoji({}, None)  # Material's index of emoji and icons, a walk over its icon folders

# Two things every build does again that its outcome does not depend on, kept for the children:
# listing the installed themes' templates (a walk over Material's thousands of icons, twice a
# build), and compiling the templates (a third of a failed build's time), which Jinja's own
# bytecode cache keeps, here shared by the children and told apart by everything that shapes the
# compiled code.
INSTALLED = sysconfig.get_paths()["purelib"]
_list_templates = jinja2.FileSystemLoader.list_templates


@functools.cache
def _installed_templates(path: str, followlinks: bool) -> tuple[str, ...]:
    return tuple(_list_templates(jinja2.FileSystemLoader(path, followlinks=followlinks)))


def list_templates(loader: jinja2.FileSystemLoader) -> list[str]:
    found = set()
    for path in loader.searchpath:
        if path.startswith(INSTALLED):
            found.update(_installed_templates(path, loader.followlinks))
        else:
            found.update(_list_templates(jinja2.FileSystemLoader(path, followlinks=loader.followlinks)))
    return sorted(found)


class SharedBytecode(jinja2.FileSystemBytecodeCache):
    def get_bucket(self, environment, name, filename, source):
        escape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        shape = [getattr(environment, a) for a in SHAPING] + [sorted(environment.extensions), escape, environment.finalize is None]
        bucket = jinja2.bccache.Bucket(
            environment, hashlib.sha256(repr((name, shape)).encode()).hexdigest(), self.get_source_checksum(source)
        )
        self.load_bytecode(bucket)  # a bucket whose source has changed since is compiled anew
        return bucket


SHAPING = [f"{part}_{end}_string" for part in ("block", "variable", "comment") for end in ("start", "end")]
SHAPING += ["line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence"]
SHAPING += ["keep_trailing_newline", "optimized", "is_async"]


def share_templates(folder: str) -> None:
    jinja2.FileSystemLoader.list_templates = list_templates
    for theme in ("material/templates", "mkdocs/themes/mkdocs"):
        list_templates(jinja2.FileSystemLoader(os.path.join(INSTALLED, theme)))
    cache, init = SharedBytecode(folder), jinja2.Environment.__init__

    def with_cache(environment, *args, **kwargs):
        init(environment, *args, **kwargs)
        environment.bytecode_cache = environment.bytecode_cache or cache

    jinja2.Environment.__init__ = with_cache


# The project's hooks, compiled once: each build of a copy of the project imports the copy's hooks,
# which Python would compile again (a quarter of a failed build); a child takes the code of a file
# whose text is unchanged from here, under the copy's file name.
_source_to_code = importlib.machinery.SourceFileLoader.source_to_code
COMPILED: dict[bytes, types.CodeType] = {}


def _named(code: types.CodeType, filename: str) -> types.CodeType:
    consts = tuple(_named(c, filename) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def source_to_code(loader, data, path, *, _optimize=-1):
    code = COMPILED.get(hashlib.sha256(data).digest())
    if code is None or _optimize != -1:
        return _source_to_code(loader, data, path, _optimize=_optimize)
    return code if code.co_filename == path else _named(code, path)


def share_hooks(root: Path) -> None:
    for file in sorted((root / "hooks").rglob("*.py")):
        data = file.read_bytes()
        COMPILED[hashlib.sha256(data).digest()] = compile(data, str(file), "exec", dont_inherit=True)
    importlib.machinery.SourceFileLoader.source_to_code = source_to_code


def run(request: dict, stdout_path: str, stderr_path: str) -> int:
    pid = os.fork()
    if pid:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    code = 1
    try:
        for fd, path in ((1, stdout_path), (2, stderr_path)):
            target = os.open(path, os.O_WRONLY | os.O_TRUNC)
            os.dup2(target, fd)
            os.close(target)
        os.chdir(request["cwd"])
        for name, value in request["env"].items():  # a variable given as null is left unset
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        tempfile.tempdir = None  # found again from TMPDIR, as in a fresh process
        sys.argv = ["mkdocs", *request["args"]]
        try:
            mkdocs.__main__.cli.main(args=request["args"], prog_name="mkdocs")
            code = 0
        except SystemExit as exit:
            if isinstance(exit.code, str):
                print(exit.code, file=sys.stderr)
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        except BaseException:
            traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        os.nice(5)  # speed: a parallel worker's builds (the catalogue's) yield to the controller's, the sites every browser test waits for
    with tempfile.TemporaryDirectory(prefix="mkdocs-worker-") as folder:
        out, err = os.path.join(folder, "stdout"), os.path.join(folder, "stderr")
        os.mkdir(os.path.join(folder, "templates"))
        share_templates(os.path.join(folder, "templates"))
        share_hooks(Path(__file__).resolve().parents[2])
        for line in sys.stdin:
            for path in (out, err):
                open(path, "w").close()
            returncode = run(json.loads(line), out, err)
            answer = {"returncode": returncode}
            for name, path in (("stdout", out), ("stderr", err)):
                with open(path, encoding="utf-8", errors="replace") as output:
                    answer[name] = output.read()
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
