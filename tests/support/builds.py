"""Building the site in the tests: `mkdocs` through a forked worker, the sites the tests share,
and copies of the project for builds with something broken."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from support.project import ROOT
from support.server import serve

MKDOCS = [sys.executable, "-m", "mkdocs"]


class MkDocsWorker:
    """Runs `mkdocs` command lines through support/mkdocs_worker.py, forked from a process that has
    imported MkDocs once (speed: a failed build costs 0.1 s instead of 0.5 s)."""

    process: subprocess.Popen | None = None

    @classmethod
    def run(cls, args: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
        if cls.process is None or cls.process.poll() is not None:
            cls.process = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("mkdocs_worker.py"))],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                start_new_session=True,
            )
        process = cls.process
        process.stdin.write(json.dumps({"args": args, "cwd": str(cwd), "env": env}) + "\n")
        process.stdin.flush()
        if not select.select([process.stdout], [], [], timeout)[0]:
            cls.stop()
            raise subprocess.TimeoutExpired([*MKDOCS, *args], timeout)
        line = process.stdout.readline()
        if not line:
            cls.stop()
            pytest.fail("tests/support/mkdocs_worker.py ended without an answer")
        answer = json.loads(line)
        return subprocess.CompletedProcess([*MKDOCS, *args], answer["returncode"], answer["stdout"], answer["stderr"])

    @classmethod
    def stop(cls) -> None:
        if cls.process is not None:
            cls.process.stdin.close()
            try:
                cls.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                cls.process.kill()
            cls.process = None

    @classmethod
    def kill(cls) -> None:
        """Ends the worker and the build it runs, if any (they share a process group)."""
        if cls.process is not None:
            os.killpg(cls.process.pid, signal.SIGKILL)
            cls.process.wait()
            cls.process = None


def build_site(
    target: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True, **env_vars: str | None
) -> subprocess.CompletedProcess:
    """`mkdocs build` as a reader of the README runs it, into `target` (a variable given as None
    is left unset). Not quiet: MkDocs' `-q` hides warnings from `--strict` too, which then lets
    them through."""
    args = ["build", "-f", str(config), "-d", str(target)] + (["--strict"] if strict else [])
    return MkDocsWorker.run(args, config.parent, {"NO_MKDOCS_2_WARNING": "1", **env_vars})


# The sites the tests build, each as `mkdocs build` makes it with these variables: the published one
# (for the address the tests serve it at) and the one built when nobody says where it is published.
# Built in this order: the one without an address is the quicker, and the first site tests to
# start (the slowest, the every-page pass) read it while the published one builds.
SITES = {
    # the packages, always built without an address, are the published site's (`packages`)
    "site-without-address": lambda origin: {"GUIDE_SITE_URL": None, "GUIDE_PACKAGES": "off"},
    "site": lambda origin: {"GUIDE_SITE_URL": f"{origin}/"},
}
# The fixtures that need a built site: their tests run after the others (`site_tests_last_slow_first`).
NEEDS_A_SITE = {"site", "site_build", "site_without_address", "server", "packages", "elsewhere"}


def site_tests_last_slow_first(items) -> None:
    """Speed: the tests that need no site run while the sites build, those that build a project
    last among them, and slow ones start first (with worksteal, the workers end together); the
    order is otherwise kept. Worksteal hands each worker half of the list, by count: the second
    half then begins with builds of a project, not with a site test waiting for the sites."""

    def order(item) -> tuple:
        slow_last = item.get_closest_marker("slow") is None
        if NEEDS_A_SITE & set(item.fixturenames):
            return (1, slow_last)
        return (0, "project" in item.fixturenames, slow_last)

    items.sort(key=order)


def build_with_own_temporary_folder(name: str, folder: Path, origin: str) -> dict:
    """Builds SITES[name] into folder/name, with a temporary folder of its own (TMPDIR): the
    outcome, and what the build left in that folder (`leftovers`)."""
    temporary = folder / f"{name}.tmp"
    temporary.mkdir()
    try:
        result = build_site(folder / name, TMPDIR=str(temporary), **SITES[name](origin))
        outcome = {"returncode": result.returncode, "stderr": result.stderr}
    except BaseException as error:  # the tests must hear of it, whatever it is
        outcome = {"returncode": -1, "stderr": repr(error)}
    return {**outcome, "leftovers": sorted(p.name for p in temporary.iterdir())}


class SharedSite:
    """Speed: with parallel workers, the controller builds SITES once in the background while the
    workers run the site-less tests, and serves the published one; workers wait for it (`wait`)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="guide-tests-"))
        (self.folder / "site").mkdir()
        self.httpd = serve(self.folder / "site")
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.cancelled = False
        self.thread = threading.Thread(target=self.build, daemon=True)
        self.thread.start()

    def build(self) -> None:
        for name in SITES:
            if self.cancelled:
                return
            outcome = build_with_own_temporary_folder(name, self.folder, self.origin)
            partial = self.folder / f"{name}.json.partial"
            partial.write_text(json.dumps(outcome), encoding="utf-8")
            partial.replace(self.folder / f"{name}.json")

    @staticmethod
    def wait(folder: Path, name: str, timeout: float = 600) -> dict:
        built, deadline = folder / f"{name}.json", time.monotonic() + timeout
        while not built.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"the shared build of {name} took more than {timeout} s")
            time.sleep(0.05)
        return json.loads(built.read_text(encoding="utf-8"))

    def cancel(self) -> None:
        self.cancelled = True
        if self.thread.is_alive():
            MkDocsWorker.kill()

    def workerinput(self) -> dict:
        return {"folder": str(self.folder), "origin": self.origin}

    def stop(self) -> None:
        self.thread.join(timeout=600)
        self.httpd.shutdown()
        shutil.rmtree(self.folder, ignore_errors=True)


SHARED_SITE = pytest.StashKey[SharedSite]()


def shared_site(config) -> dict | None:
    """In a worker of a parallel run, where the shared site is; None otherwise."""
    return getattr(config, "workerinput", {}).get("guide_site")


def built(name: str, config, tmp_path_factory, origin: str) -> tuple[Path, dict]:
    """SITES[name] built: the shared one in a parallel run, else built here; where, and how it went."""
    shared = shared_site(config)
    if shared:
        folder = Path(shared["folder"])
        outcome = SharedSite.wait(folder, name)
    else:
        folder = tmp_path_factory.mktemp(name)
        outcome = build_with_own_temporary_folder(name, folder, origin)
    assert outcome["returncode"] == 0, outcome["stderr"]
    return folder / name, outcome


PARTS = ["docs", "hooks", "overrides", "mkdocs.yml"]  # what a build of the project reads


def copy_project(folder: Path) -> Path:
    """A copy of the project in `folder`, to break and build."""
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, folder / part)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
