"""PDF handouts, per language: the checklists (one per technique and one with all of them) and the
trainers' plans (one per technique).

They are made from the same templates as the pages and styled by the same rules (guide.css, print.css),
so the paper version and the PDF cannot drift apart.
"""

from __future__ import annotations

import copy
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

from .model import Technique
from .render import Renderer
from .routes import pdf_name, plan_pdf_name


def _stylesheets(styles: list[str], paper: str) -> list:
    from weasyprint import CSS

    return [*(CSS(string=style) for style in styles), CSS(string=f"@page {{ size: {paper}; }}")]


def _document(renderer: Renderer, title: str, sheets: list[str], base_url: str, stylesheets: list):
    """The handout laid out on paper (WeasyPrint's `Document`), not yet written."""
    from weasyprint import HTML

    html = renderer.env.get_template("partials/guide/handout.html").render(lang=renderer.lang, title=title, sheets=sheets)
    return HTML(string=html, base_url=base_url).render(stylesheets=stylesheets)


def _pdf(renderer: Renderer, title: str, sheets: list[str], base_url: str, stylesheets: list) -> bytes:
    return _document(renderer, title, sheets, base_url, stylesheets).write_pdf()


def _bound(documents: list, title: str) -> bytes:
    """Documents already laid out, bound into one PDF under `title` (speed: nothing is laid out again)."""
    bound = documents[0].copy([page for document in documents for page in document.pages])
    bound.metadata = copy.copy(bound.metadata)
    bound.metadata.title = title
    return bound.write_pdf()


def plan_title(renderer: Renderer, technique: Technique) -> str:
    return renderer.t["trainer_print_title"].replace("{number}", str(technique.number)).replace("{title}", technique.title(renderer.lang))


def plan_pdf(renderer: Renderer, technique: Technique, styles: list[str], paper: str, base_url: str = ".") -> bytes:
    """A trainer's plan as a PDF handout on `paper` (a CSS page size: "A4", "letter")."""
    sheet = renderer.plan(technique, f"{renderer.prefix}{plan_pdf_name(technique.id)}", handout=True)
    return _pdf(renderer, plan_title(renderer, technique), [sheet], base_url, _stylesheets(styles, paper))


def write_handouts(renderer: Renderer, site: Path, styles: list[str]) -> list[Path]:
    """Writes the language's handouts under `site`/<prefix>pdf/; returns their paths."""
    site_dir = site / renderer.prefix
    stylesheets = _stylesheets(styles, renderer.t["paper_size"])
    written = []
    techniques = renderer.guide.techniques

    def write(name: str, pdf: bytes) -> None:
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        written.append(target)

    # A checklist's sheet is the same alone and among the others (a handout names no PDF): each is
    # laid out once, written alone, then bound with the others into the PDF of them all.
    sheets = []
    for t in techniques:
        url = f"{renderer.prefix}{pdf_name(t.id)}"
        sheet = [renderer.checklist(t, url, with_pdf=False, edition=True)]
        sheets.append(_document(renderer, t.title(renderer.lang), sheet, str(site_dir), stylesheets))
        write(pdf_name(t.id), sheets[-1].write_pdf())
    write(pdf_name(), _bound(sheets, renderer.t["download_all_pdf"]))
    for t in techniques:
        url = f"{renderer.prefix}{plan_pdf_name(t.id)}"
        write(
            plan_pdf_name(t.id), _pdf(renderer, plan_title(renderer, t), [renderer.plan(t, url, handout=True)], str(site_dir), stylesheets)
        )
    return written


def side_by_side(jobs: list[Callable[[], None]]) -> None:
    """Runs `jobs` (each language's handouts), all but the last in forked children, at once (speed:
    WeasyPrint's layouts are most of a full build, and a language's need nothing of another's).
    One after another where a process cannot fork safely: anywhere but Linux (Windows has no fork;
    macOS's system frameworks, which Pango may call, are not fork-safe: Python spawns there), one
    processor, or threads running (a fork copies none of them, and may copy a lock one holds)."""
    if sys.platform != "linux" or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        for job in jobs:
            job()
        return
    children = []
    for job in jobs[:-1]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: its job, then why it failed if it did, then gone without the parent's clean-up
            os.close(read)
            failure = b""
            try:
                job()
            except BaseException as error:  # reported to the parent, which raises it
                failure = (str(error) or type(error).__name__).encode("utf-8", "replace")
            finally:
                with os.fdopen(write, "wb") as said:
                    said.write(failure)
                os._exit(1 if failure else 0)
        os.close(write)
        children.append((pid, read))
    failures = []
    try:
        jobs[-1]()
    finally:
        for pid, read in children:
            with os.fdopen(read, "rb") as said:
                failure = said.read().decode("utf-8", "replace")
            _, status = os.waitpid(pid, 0)
            if status:
                failures.append(failure or f"a PDF child ended with status {status}")
    if failures:
        raise PluginError(f"PDF handouts: {failures[0]}")
