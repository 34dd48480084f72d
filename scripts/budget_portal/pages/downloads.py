"""Downloads served by the site: a zip per package, its CSV files and datapackage.json.

The package's files are not served one by one, and there is no workbook per document: at a
thousand documents they would be most of the site (GitHub Pages allows 1 GB) and most of the
time of a build; the zip holds the same files.  Zip entries carry a fixed timestamp, so
building twice gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from ..cache import used
from .corpus import Dataset
from .output import Output

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def download_base(dataset: Dataset) -> str:
    return f"downloads/{dataset.name}"


def write_package_downloads(output: Output, dataset: Dataset, cache: Path) -> None:
    """A zip of a package's files, made once per package content (cached by hash)."""
    output.copy(f"{download_base(dataset)}.zip", package_zip(dataset.path, cache))


def package_zip(package: Path, cache: Path) -> Path:
    """The zip of the package in the folder `package` (its files under the folder's name)."""
    files = sorted(p for p in package.iterdir() if p.is_file())
    return cached(
        cache, package_digest(files), ".zip", lambda t: fixed_zip_file(t, package.name, files)
    )


def package_digest(files: list[Path]) -> str:
    """The package's content and this module's code: a changed layout is remade.  A package
    whose descriptor states the hash of every other file is known by its descriptor alone
    (at a thousand documents, reading every CSV was most of a warm build)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    descriptor = next((p for p in files if p.name == "datapackage.json"), None)
    others = {p.name for p in files} - {"datapackage.json"}
    hashed = descriptor is not None and hashed_files(descriptor) == others
    for path in [descriptor] if hashed else files:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as stream:
            digest.update(hashlib.file_digest(stream, "sha256").digest())
    return digest.hexdigest()


def hashed_files(descriptor: Path) -> set[str] | None:
    """The files whose SHA-256 the descriptor states (None when one resource has none)."""
    resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
    if not all(str(r.get("hash", "")).startswith("sha256:") for r in resources):
        return None
    return {r["path"] for r in resources}


def cached(cache: Path, digest: str, suffix: str, make) -> Path:
    """The file made by `make(path)` for a package's content, made only once."""
    target = cache / "downloads" / f"{digest}{suffix}"
    if target.exists():
        return used(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    make(partial)
    partial.replace(target)
    return target


def fixed_zip_file(target: Path, name: str, files: list[Path]) -> None:
    """A zip of a package's files (one read at a time) with fixed timestamps."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:  # each entry's method is its ZipInfo's; the level is given here
            archive.writestr(fixed_entry(f"{name}/{path.name}"), path.read_bytes(), compresslevel=9)


def fixed_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
