"""A Content-Security-Policy for every built page: this origin only, inline scripts by hash.

Material puts a few small inline scripts in each page; their SHA-256 hashes are computed from the
finished HTML, so the policy admits exactly them and nothing injected later.
"""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPE = re.compile(r'type="application/(?:ld\+)?json"')
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def script_hashes(html: str) -> list[str]:
    """The CSP source of each inline script that runs (JSON data blocks need none)."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if DATA_TYPE.search(match.group("attrs")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def add_policy(html: str) -> str:
    policy = POLICY.format(hashes=" ".join(script_hashes(html))).replace("  ", " ")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    html, found = CHARSET.subn(lambda m: m.group(0) + meta, html, count=1)
    if not found:
        raise ValueError("page has no <meta charset>: the policy must come first")
    return html
