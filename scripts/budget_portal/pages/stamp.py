"""What `docs/` was generated from: `site` and `serve` refuse pages that are not those of the
data packages they are given (made from other packages, or by older page code)."""

from __future__ import annotations

from pathlib import Path

from ..package.rows import COMBINED
from .downloads import package_digest
from .jobs import key_of

STAMP = ".generated-from"  # in docs/; MkDocs leaves dot files out of the site


def stamp(datapackages: Path) -> str:
    """The combined package (it holds every document's rows) and the pages code, as a digest."""
    combined = datapackages / COMBINED
    files = sorted(p for p in combined.iterdir() if p.is_file()) if combined.is_dir() else []
    return key_of("generated-from", package_digest(files))


def stale_docs(docs: Path, datapackages: Path) -> str | None:
    """Why `docs` does not hold the pages of `datapackages` (None when it does)."""
    path = docs / STAMP
    if not path.is_file():
        return f"{docs}/ holds no generated pages"
    if path.read_text(encoding="utf-8").strip() != stamp(datapackages):
        return (
            f"{docs}/ was generated from other data packages than {datapackages}/ "
            "(or by an older version of the pages code)"
        )
    return None
