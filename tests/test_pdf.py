"""The handouts of the languages made side by side (pdf.side_by_side): each language's in a process
of its own where that is safe, what one of them fails with raised in the build."""

from __future__ import annotations

import os
import threading

import pytest
from guide.pdf import side_by_side
from mkdocs.exceptions import PluginError


def writer(folder, name: str):
    """A job that writes which process ran it to `folder`/`name`."""
    return lambda: (folder / name).write_text(str(os.getpid()), encoding="utf-8")


def test_each_language_is_made_and_all_but_the_last_in_a_child_of_its_own(tmp_path):
    side_by_side([writer(tmp_path, "fr"), writer(tmp_path, "de"), writer(tmp_path, "en")])
    made = {name: int((tmp_path / name).read_text(encoding="utf-8")) for name in ("fr", "de", "en")}
    assert made["en"] == os.getpid()  # the last in this process
    assert len({made["fr"], made["de"], os.getpid()}) == 3  # the others each in a child


def test_what_a_child_fails_with_stops_the_build_once_every_language_is_done(tmp_path):
    def fails():
        writer(tmp_path, "child")()
        raise OSError("No space left on device: pdf/checklist-remercier.pdf")

    with pytest.raises(PluginError, match=r"^PDF handouts: No space left on device: pdf/checklist-remercier\.pdf$"):
        side_by_side([fails, writer(tmp_path, "en")])
    assert (tmp_path / "en").exists()  # the other language was made meanwhile
    with pytest.raises(ChildProcessError):
        os.waitpid(int((tmp_path / "child").read_text(encoding="utf-8")), os.WNOHANG)  # the child reaped: none left behind


def test_with_threads_running_the_languages_are_made_one_after_another_here(tmp_path):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)  # as `mkdocs serve`'s server would be
    thread.start()
    try:
        side_by_side([writer(tmp_path, "fr"), writer(tmp_path, "en")])
    finally:
        stop.set()
        thread.join()
    assert {(tmp_path / name).read_text(encoding="utf-8") for name in ("fr", "en")} == {str(os.getpid())}
