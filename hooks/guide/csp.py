"""A Content-Security-Policy for every built page: this origin only, inline scripts and styles by hash.

Material puts a few small inline scripts in each page, and the guide its style sheet; their
SHA-256 hashes are computed from the finished HTML, so the policy admits exactly them and nothing
injected later.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

INLINE = re.compile(r"<(?P<tag>script|style)(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</(?P=tag)>", re.S)
DATA_TYPE = re.compile(r'type="application/(?:ld\+)?json"')
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')

POLICY = (
    "default-src 'self'; script-src 'self' {scripts}; style-src 'self' {styles}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)

# The worker's own script (routes.WORKER) can only take a policy from its HTTP response, which a
# static host sends if told to: this one admits what the worker does, fetch files of its own origin.
WORKER_POLICY = "default-src 'self'"


def inline_hashes(html: str, tag: str = "script") -> list[str]:
    """The CSP source of each inline script (or style) that applies (JSON data blocks need none)."""
    hashes = set()
    for match in INLINE.finditer(html):
        if match.group("tag") != tag or (tag == "script" and DATA_TYPE.search(match.group("attrs"))):
            continue
        hashes.add(script_source(match.group("body")))
    return sorted(hashes)


def script_source(body: str) -> str:
    """The CSP source that admits an inline script (or style) by its text: its SHA-256 hash."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


def add_policy(html: str, scripts_elsewhere: Iterable[str] = ()) -> str:
    """The page's policy in its head; `scripts_elsewhere`: the sources of inline scripts that its
    own frames run under its policy (the offline copy's search worker: offline.py)."""
    scripts = " ".join(sorted({*inline_hashes(html, "script"), *scripts_elsewhere}))
    styles = " ".join(inline_hashes(html, "style"))
    policy = re.sub(" +;", ";", POLICY.format(scripts=scripts, styles=styles))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    html, found = CHARSET.subn(lambda m: m.group(0) + meta, html, count=1)
    if not found:
        raise ValueError("page has no <meta charset>: the policy must come first")
    return html


def renew_policy(html: str) -> str:
    """The page's policy made anew from its scripts as they are now: `mkdocs serve` adds its
    live-reload script to each page it sends, and the reader's browser must run it."""
    return add_policy(POLICY_META.sub("", html, count=1))
