"""PDF handouts, per language: the checklists (one per technique and one with all of them) and the
trainers' plans (one per technique).

They are made from the same templates as the pages and styled by the same rules (guide.css, print.css),
so the paper version and the PDF cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

from .model import Technique
from .render import Renderer
from .routes import pdf_name, plan_pdf_name


def _stylesheets(styles: list[str], paper: str) -> list:
    from weasyprint import CSS

    return [*(CSS(string=style) for style in styles), CSS(string=f"@page {{ size: {paper}; }}")]


def _pdf(renderer: Renderer, title: str, sheets: list[str], base_url: str, stylesheets: list) -> bytes:
    from weasyprint import HTML

    html = renderer.env.get_template("partials/guide/handout.html").render(lang=renderer.lang, title=title, sheets=sheets)
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=stylesheets)


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

    def checklists(chosen):
        return lambda url: [renderer.checklist(t, url, with_pdf=False, edition=True) for t in chosen]

    jobs = [(pdf_name(t.id), t.title(renderer.lang), checklists([t])) for t in techniques]
    jobs.append((pdf_name(), renderer.t["download_all_pdf"], checklists(techniques)))
    for t in techniques:
        jobs.append((plan_pdf_name(t.id), plan_title(renderer, t), lambda url, t=t: [renderer.plan(t, url, handout=True)]))
    for name, title, sheets in jobs:
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_pdf(renderer, title, sheets(f"{renderer.prefix}{name}"), str(site_dir), stylesheets))
        written.append(target)
    return written
