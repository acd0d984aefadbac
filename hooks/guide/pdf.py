"""PDF handouts, per language: the checklists (one per technique and one with all of them) and the
trainers' plans (one per technique).

They are made from the same templates as the pages and styled by the same rules (guide.css, print.css),
so the paper version and the PDF cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

from .render import Renderer
from .routes import pdf_name, plan_pdf_name


def write_handouts(renderer: Renderer, site: Path, styles: list[str]) -> list[Path]:
    """Writes the language's handouts under `site`/<prefix>pdf/; returns their paths."""
    from weasyprint import CSS, HTML

    site_dir = site / renderer.prefix
    stylesheets = [*(CSS(string=style) for style in styles), CSS(string=f"@page {{ size: {renderer.t['paper_size']}; }}")]
    template = renderer.env.get_template("partials/guide/handout.html")
    written = []
    techniques = renderer.guide.techniques

    def checklists(chosen):
        return lambda url: [renderer.checklist(t, url, with_pdf=False, edition=True) for t in chosen]

    jobs = [(pdf_name(t.id), t.title(renderer.lang), checklists([t])) for t in techniques]
    jobs.append((pdf_name(), renderer.t["download_all_pdf"], checklists(techniques)))
    for t in techniques:
        title = renderer.t["trainer_print_title"].replace("{number}", str(t.number)).replace("{title}", t.title(renderer.lang))
        jobs.append((plan_pdf_name(t.id), title, lambda url, t=t: [renderer.plan(t, url, handout=True)]))
    for name, title, sheets in jobs:
        html = template.render(lang=renderer.lang, title=title, sheets=sheets(f"{renderer.prefix}{name}"))
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=html, base_url=str(site_dir)).write_pdf(target, stylesheets=stylesheets)
        written.append(target)
    return written
