"""The handouts of the languages made side by side (pdf.side_by_side): each language's in a process
of its own where that is safe, what one of them fails with raised in the build. A build runs it in
a process of one thread, as `mkdocs build` is; the tests' workers run threads of their own, so it
is tried in a fresh process (RUN)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

from guide.pdf import side_by_side
from support.project import ROOT

# A fresh `python` running side_by_side on jobs that write which process ran them to a folder:
# three languages ("three"; "mac": the same where Python says it runs on macOS), or a child's that
# fails once it has written ("failing"). Prints what
# it saw as JSON: the error, its own process, and whether the failed child was left to reap.
RUN = """
import json, os, sys
from pathlib import Path
from guide.pdf import side_by_side

folder, case = Path(sys.argv[1]), sys.argv[2]
writer = lambda name: lambda: (folder / name).write_text(str(os.getpid()), encoding="utf-8")

def fails():
    writer("child")()
    raise OSError("No space left on device: pdf/checklist-remercier.pdf")

error = None
if case == "mac":
    sys.platform = "darwin"
try:
    three = [writer("fr"), writer("de"), writer("en")]
    side_by_side({"three": three, "mac": three, "failing": [fails, writer("en")]}[case])
except Exception as raised:
    error = f"{type(raised).__name__}: {raised}"
left = None
if (folder / "child").exists():
    try:
        left = os.waitpid(int((folder / "child").read_text(encoding="utf-8")), os.WNOHANG)
    except ChildProcessError:
        left = "reaped"
print(json.dumps({"error": error, "pid": os.getpid(), "child": left}))
"""


def run(tmp_path, case: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    done = subprocess.run([sys.executable, "-c", RUN, str(tmp_path), case], env=env, capture_output=True, text=True, check=True, timeout=60)
    return json.loads(done.stdout)


def made(tmp_path, *names: str) -> dict[str, int]:
    return {name: int((tmp_path / name).read_text(encoding="utf-8")) for name in names}


def test_each_language_is_made_and_all_but_the_last_in_a_child_of_its_own(tmp_path):
    seen = run(tmp_path, "three")
    assert seen["error"] is None
    by = made(tmp_path, "fr", "de", "en")
    assert by["en"] == seen["pid"]  # the last in the build's process
    assert len({by["fr"], by["de"], seen["pid"]}) == 3  # the others each in a child


def test_what_a_child_fails_with_stops_the_build_once_every_language_is_done(tmp_path):
    seen = run(tmp_path, "failing")
    assert seen["error"] == "PluginError: PDF handouts: No space left on device: pdf/checklist-remercier.pdf"
    assert made(tmp_path, "en")["en"] == seen["pid"]  # the other language was made meanwhile
    assert made(tmp_path, "child")["child"] != seen["pid"] and seen["child"] == "reaped"  # no child left behind


def test_with_threads_running_the_languages_are_made_one_after_another_here(tmp_path):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)  # as `mkdocs serve`'s server would be
    thread.start()
    try:
        side_by_side([lambda name=name: (tmp_path / name).write_text(str(os.getpid()), encoding="utf-8") for name in ("fr", "en")])
    finally:
        stop.set()
        thread.join()
    assert made(tmp_path, "fr", "en") == {"fr": os.getpid(), "en": os.getpid()}


def test_anywhere_but_linux_the_languages_are_made_one_after_another(tmp_path):
    """macOS's system frameworks are not fork-safe (Python spawns there), Windows has no fork."""
    seen = run(tmp_path, "mac")
    assert seen["error"] is None
    assert made(tmp_path, "fr", "de", "en") == {"fr": seen["pid"], "de": seen["pid"], "en": seen["pid"]}
