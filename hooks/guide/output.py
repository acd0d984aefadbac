"""Nothing half-built: a build writes into a fresh folder beside the site, and the site is replaced
by it only once every language is built and MkDocs has nothing to object to.

A build that fails, whatever the error (a content file, a page, a template, a warning under
`--strict`), leaves an existing site as it was and a new one unmade: its folder is deleted.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from .upstream import strict_warnings_counted


class Output:
    """The folder one build writes into, and the site folder it becomes."""

    def __init__(self):
        self.final: Path | None = None
        self.staging: Path | None = None

    def start(self, config) -> None:
        """Points the build at a new folder beside `config.site_dir` (same disk: one rename)."""
        self.discard()
        final = Path(config.site_dir).absolute()
        staging = final.parent / f".{final.name}.building-{secrets.token_hex(6)}"
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            staging.mkdir()  # fails rather than use a folder someone else made
        except OSError as error:
            raise PluginError(
                f"{final}: cannot make the build's folder beside it ({error.strerror}): build into a folder you may write to (-d)"
            ) from None
        self.final, self.staging = final, staging
        config.site_dir = str(staging)

    def publish(self, config) -> None:
        """The finished build becomes the site, unless MkDocs counted warnings that `--strict`
        turns into a failure (it says so itself next, and `discard` follows)."""
        if self.staging is None:
            return
        if config.strict and strict_warnings_counted():
            return
        final, staging = self.final, self.staging
        try:
            self._replace(final, staging)
        except OSError as error:
            raise PluginError(f"{final}: cannot be replaced with the new build ({error.strerror}): it may be left part-way") from None
        self.staging = None
        config.site_dir = str(final)

    @staticmethod
    def _replace(final: Path, staging: Path) -> None:
        if not (final.exists() or final.is_symlink()):
            staging.rename(final)
            return
        old = final.parent / f".{final.name}.old-{secrets.token_hex(6)}"
        try:
            final.rename(old)
        except OSError:  # a mount point, or a folder in use: replace what it holds
            for child in final.iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            for child in staging.iterdir():
                child.rename(final / child.name)
            staging.rmdir()
            return
        staging.rename(final)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """A failed (or interrupted) build's folder goes; the site stays as it was."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
