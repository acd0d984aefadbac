"""PDF handouts of the checklists, one per technique and one with all of them, per language.

They are made from the same checklist template as the pages and styled by the same print rules
(guide.css), so the paper version and the PDF cannot drift apart.
"""
from __future__ import annotations

from pathlib import Path

from .render import Renderer, pdf_name


def write_handouts(renderer: Renderer, site: Path, style: str) -> list[Path]:
    """Writes the language's handouts under `site`/<prefix>pdf/; returns their paths."""
    from weasyprint import CSS, HTML

    site_dir = site / renderer.prefix
    stylesheets = [CSS(string=style), CSS(string=f"@page {{ size: {renderer.t['paper_size']}; }}")]
    template = renderer.env.get_template("partials/guide/handout.html")
    written = []
    techniques = renderer.guide.techniques
    jobs = [(pdf_name(t.id), t.title(renderer.lang), [t]) for t in techniques]
    jobs.append((pdf_name(), renderer.t["download_all_pdf"], list(techniques)))
    for name, title, chosen in jobs:
        page_url = f"{renderer.prefix}{name}"
        html = template.render(
            lang=renderer.lang,
            title=title,
            checklists=[renderer.checklist(t, page_url, with_pdf=False, edition=True) for t in chosen],
        )
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=html, base_url=str(site_dir)).write_pdf(target, stylesheets=stylesheets)
        written.append(target)
    return written
