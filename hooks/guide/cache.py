"""What builds keep between runs, in the system's temporary folder, under the hash of its source:
an edited source gets a new name, so nothing kept is ever stale."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

ROOT = Path(tempfile.gettempdir())


def kept_path(folder: str, source: bytes, name: str = "") -> Path:
    return ROOT / folder / f"{hashlib.sha256(source).hexdigest()[:32]}{name}"


def keep(path: Path, data: bytes) -> None:
    """Writes `path` whole or not at all, should two builds write it at once."""
    path.parent.mkdir(exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    partial.replace(path)
