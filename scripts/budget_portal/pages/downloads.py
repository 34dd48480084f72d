"""Downloads served by the site: a zip per package (its CSV files and datapackage.json) and,
for a document, an XLSX workbook of the tables it prints.  The package's files are not served
one by one: at a thousand documents they alone would be most of the site (the zip holds them).

Zip entries carry a fixed timestamp and the workbook fixed document dates, so building twice
gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from .corpus import Dataset
from .output import Output

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
SHEET_NAME_LIMIT = 31
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*<")


def download_base(dataset: Dataset) -> str:
    return f"downloads/{dataset.name}"


# Long derived tables stay CSV only: the workbook holds what the document prints.
NOT_IN_WORKBOOK = {"budget_lines", "audit", "warnings", "classification_codes", "document_tables"}


def write_package_downloads(output: Output, dataset: Dataset, cache: Path, workbook: bool) -> None:
    """A zip of a package's files and (for a document) a workbook of its tables, made once
    per package content (cached by hash).  The combined package has no workbook: at scale it
    exceeds Excel's 1,048,576 rows a sheet."""
    base = download_base(dataset)
    files = sorted(p for p in dataset.path.iterdir() if p.is_file())
    digest = package_digest(files)
    zipped = cached(cache, digest, ".zip", lambda t: fixed_zip_file(t, dataset.name, files))
    output.copy(f"{base}.zip", zipped)
    if workbook:
        book = cached(cache, digest, ".xlsx", lambda t: t.write_bytes(make_workbook(dataset)))
        output.copy(f"{base}.xlsx", book)


def package_digest(files: list[Path]) -> str:
    """The package's content and this module's code: a changed workbook layout is remade."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in files:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as stream:
            digest.update(hashlib.file_digest(stream, "sha256").digest())
    return digest.hexdigest()


def cached(cache: Path, digest: str, suffix: str, make) -> Path:
    """The file made by `make(path)` for a package's content, made only once."""
    target = cache / "downloads" / f"{digest}{suffix}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        make(partial)
        partial.replace(target)
    return target


def fixed_zip_file(target: Path, name: str, files: list[Path]) -> None:
    """A zip of a package's files (one read at a time) with fixed timestamps."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            archive.writestr(fixed_entry(f"{name}/{path.name}"), path.read_bytes())


def fixed_zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(fixed_entry(name), content)
    return buffer.getvalue()


def fixed_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def make_workbook(dataset: Dataset) -> bytes:
    """One sheet per resource; numbers are Excel numbers shown with the decimals printed."""
    book = Workbook(write_only=True)
    book.properties.created = book.properties.modified = datetime(2000, 1, 1)
    about = book.create_sheet("说明")
    about.append([dataset.descriptor.get("title", dataset.name)])
    about.append([dataset.descriptor.get("description", "")])
    about.append([])
    about.append(["工作表", "资源", "标题", "行数"])
    resources = [r for r in dataset.descriptor["resources"] if r["name"] not in NOT_IN_WORKBOOK]
    for resource in resources:
        about.append(
            [
                _sheet_name(resource["name"]),
                resource["name"],
                resource.get("title", ""),
                len(dataset.frame(resource["name"])),
            ]
        )
    for resource in resources:
        sheet = book.create_sheet(_sheet_name(resource["name"]))
        fields = resource["schema"]["fields"]
        sheet.append([f["name"] for f in fields])
        sheet.append([f.get("title", "") for f in fields])
        types = [f["type"] for f in fields]
        for row in dataset.frame(resource["name"]).itertuples(index=False):
            sheet.append(
                [_cell(sheet, value, kind) for value, kind in zip(row, types, strict=True)]
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return _refix(buffer.getvalue())


def _sheet_name(resource: str) -> str:
    return resource[:SHEET_NAME_LIMIT]


def _cell(sheet, value: str, kind: str):
    if value == "" or kind not in ("number", "integer"):
        return value
    cell = WriteOnlyCell(sheet, value=int(value) if kind == "integer" else float(value))
    if kind == "number":
        decimals = len(value.split(".", 1)[1]) if "." in value else 0
        cell.number_format = "0." + "0" * decimals if decimals else "0"
    return cell


def _refix(xlsx: bytes) -> bytes:
    """openpyxl stamps the zip entries and the document's `modified` date with the current
    time when it saves; rewrite both with fixed ones."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    core = "docProps/core.xml"
    entries = [
        (name, _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z<", content) if name == core else content)
        for name, content in entries
    ]
    return fixed_zip(entries)
