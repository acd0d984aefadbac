"""The guide's settings, read from the environment in this one place (`Settings.from_environ`) and
handed down: to the builds, and to the offline copy's child build (`for_offline_copy`, `environ`).

mkdocs.yml reads two of the same variables for MkDocs and Material (`site_url: !ENV
[GUIDE_SITE_URL, ""]`, the offline plugin's `enabled: !ENV [GUIDE_OFFLINE, false]`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

PDFS_ENV = "GUIDE_PDFS"
PACKAGES_ENV = "GUIDE_PACKAGES"
SITE_URL_ENV = "GUIDE_SITE_URL"
OFFLINE_ENV = "GUIDE_OFFLINE"


@dataclass(frozen=True)
class Settings:
    pdfs: bool = True  # the PDF handouts (GUIDE_PDFS=off skips them)
    packages: bool = True  # the offline copy and SCORM packages; they hold the PDFs (GUIDE_PACKAGES=off skips them alone)
    site_url: str | None = None  # where the guide is published, as given (None: not said)
    offline: bool = False  # the build of the offline copy (Material's offline plugin on)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            pdfs=environ.get(PDFS_ENV) != "off",
            packages=environ.get(PACKAGES_ENV) != "off",
            site_url=environ.get(SITE_URL_ENV),
            offline=environ.get(OFFLINE_ENV) == "true",
        )

    def for_offline_copy(self) -> Settings:
        """The offline copy's: no PDFs (the website's are copied in), no packages, no address."""
        return replace(self, pdfs=False, packages=False, site_url="", offline=True)

    def environ(self) -> dict[str, str]:
        """The variables a child `mkdocs build` reads these settings from."""
        return {
            PDFS_ENV: "on" if self.pdfs else "off",
            PACKAGES_ENV: "on" if self.packages else "off",
            SITE_URL_ENV: self.site_url or "",
            OFFLINE_ENV: "true" if self.offline else "false",
        }
