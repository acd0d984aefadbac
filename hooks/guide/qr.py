"""QR codes of the guide's addresses, for what it prints (checklists, handouts, and later any
other printed sheet): an inline SVG, made at build time with segno, nothing fetched.

A sheet carries the QR code of its page online only when the site's address is known
(GUIDE_SITE_URL): with none, the caller prints no code rather than a wrong one.
"""

from __future__ import annotations

import functools

from markupsafe import Markup, escape


@functools.lru_cache(maxsize=256)
def qr_svg(url: str, label: str = "") -> Markup:
    """The QR code of `url` as an inline `<svg>` (quiet zone included, no size: the style sheet
    sizes it), an image to assistive technology named by `label` (the URL when none is given)."""
    if not url:
        raise ValueError("a QR code needs an address")
    import segno

    # level M (15 % of the code may be lost to a crease or a pen mark); segno raises it further
    # when that fits in the same size
    code = segno.make(url, error="m", micro=False)
    name = label or url
    svg = code.svg_inline(border=4, omitsize=True, svgclass="guide-qr__code", lineclass=None, title=name)
    # segno writes `<svg viewBox=… class=…><title>…</title><path …/></svg>`: only the role is added
    assert svg.startswith("<svg ")
    return Markup(f'<svg role="img" aria-label="{escape(name)}" ' + svg[len("<svg ") :])
