"""Step 4b: write a document's Frictionless data package.

Schemas come from `registry`; CSV is UTF-8 without BOM, `\\n` line ends, amounts as printed
(Decimal text, so `6228.00` stays `6228.00`).  A package is written into a temporary folder
and moved into place only when complete, so a failure never leaves half a package behind.
Nothing time-dependent is written: the same documents give the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import textwrap
from pathlib import Path

from ..audit.catalogue import catalogue_rows
from ..metadata.registry import RESOURCES, TABLES, Resource
from ..read.parsed import Parsed
from .rows import (
    audit_rows,
    budget_lines,
    classification_codes,
    code_sightings,
    document_row,
    located,
    table_rows,
    warning_rows,
)


def descriptor_json(descriptor: dict, resources: list[tuple[Resource, bool]], folder: Path) -> str:
    """`json.dumps(descriptor | {"resources": …}, indent=2)` for the package in `folder`, with
    each resource's (constant) text made once: the indenting encoder is pure Python and slow
    on 25 schemas a package.  Each resource states the `bytes` and `hash` of its CSV (already
    written), so a reader can check a download and the pages know a package's content from
    its descriptor alone."""
    head = json.dumps(descriptor, ensure_ascii=False, indent=2)
    entries = ",\n".join(
        with_file_stats(resource_json(resource, with_id), folder / f"{resource.name}.csv")
        for resource, with_id in resources
    )
    return f'{head.removesuffix(chr(10) + "}")},\n  "resources": [\n{entries}\n  ]\n}}\n'


ENCODING_LINE = '      "encoding": "utf-8",\n'


def with_file_stats(entry: str, path: Path) -> str:
    """A resource's descriptor text with the size and SHA-256 of its file after `encoding`."""
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
    stats = f'      "bytes": {path.stat().st_size},\n      "hash": "sha256:{digest}",\n'
    return entry.replace(ENCODING_LINE, ENCODING_LINE + stats, 1)


def resource_json(resource: Resource, with_dataset_id: bool) -> str:
    key = (resource.name, with_dataset_id)
    if key not in _RESOURCE_JSON:
        entry = resource_descriptor(resource, with_dataset_id)
        _RESOURCE_JSON[key] = textwrap.indent(
            json.dumps(entry, ensure_ascii=False, indent=2), "    "
        )
    return _RESOURCE_JSON[key]


_RESOURCE_JSON: dict[tuple[str, bool], str] = {}


def resource_descriptor(resource: Resource, with_dataset_id: bool) -> dict:
    return {
        "name": resource.name,
        "path": f"{resource.name}.csv",
        "title": resource.title,
        "description": resource.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": resource.schema(with_dataset_id),
    }


def field_names(resource: Resource, with_dataset_id: bool) -> list[str]:
    key = (resource.name, with_dataset_id)
    if key not in _FIELD_NAMES:
        _FIELD_NAMES[key] = [f["name"] for f in resource.schema(with_dataset_id)["fields"]]
    return _FIELD_NAMES[key]


_FIELD_NAMES: dict[tuple[str, bool], list[str]] = {}


def csv_text(fields: list[str], rows: list[dict], header: bool = True) -> str:
    """RFC 4180 CSV as pandas' to_csv writes it (the same csv module underneath, None → empty),
    without building a DataFrame for every small table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(fields)
    writer.writerows([row.get(f) for f in fields] for row in rows)
    return buffer.getvalue()


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    path.write_text(csv_text(fields, rows), encoding="utf-8")


def stage(target: Path, owner: str = "") -> Path:
    """An empty folder beside `target` to write a package into before it replaces `target`
    (`owner` keeps the folders of documents built at the same time apart)."""
    staging = target.with_name(f".{target.name}{owner}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def write_files(
    folder: Path, descriptor: dict, contents: list[tuple[Resource, list, bool]]
) -> None:
    """The CSVs of `contents` and datapackage.json."""
    for resource, rows, with_dataset_id in contents:
        write_csv(folder / f"{resource.name}.csv", field_names(resource, with_dataset_id), rows)
    text = descriptor_json(descriptor, [(r, with_id) for r, _, with_id in contents], folder)
    (folder / "datapackage.json").write_text(text, encoding="utf-8")


def install(staging: Path, target: Path) -> bool:
    """Swap a staged package into place.  Returns False (and leaves the package alone, so its
    files keep their times) when nothing in it changed."""
    if same_files(staging, target):
        shutil.rmtree(staging)
        return False
    previous = target.with_name(f".{target.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    return True


def same_files(a: Path, b: Path) -> bool:
    """Do two folders hold the same files with the same bytes?  (An unchanged package is not
    rewritten, so a rebuild touches only what changed.)"""
    if not b.is_dir():
        return False
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


KIND_TITLES = {"department": "部门预算", "unit": "单位预算"}
TYPE_WORDS = {"budget": "预算", "final_accounts": "决算"}


def kind_title(m) -> str:
    """部门预算, 单位预算, 部门决算 or 单位决算: the document's kind and type, as it calls itself."""
    return KIND_TITLES[m.kind].replace("预算", TYPE_WORDS[m.document_type])


def package_title(parsed: Parsed) -> str:
    m = parsed.doc.metadata
    return f"{m.agency} {m.year} 年{kind_title(m)}"


def write_document_package(folder: Path, parsed: Parsed) -> None:
    """One document's package, written into `folder` (a staging folder; see `install`)."""
    doc, m = parsed.doc, parsed.doc.metadata
    contents = [
        (RESOURCES["documents"], [document_row(doc)], False),
        (RESOURCES["document_tables"], table_rows(parsed), False),
    ]
    for key in parsed.table_keys:
        table = parsed.tables.get(key)
        if table and table.status != "unreadable":
            contents.append((TABLES[key], table.records(), False))
    contents += [(RESOURCES[name], rows, False) for name, rows in parsed.sections.items()]
    contents += [
        (RESOURCES["budget_lines"], budget_lines(parsed), False),
        (RESOURCES["classification_codes"], classification_codes(code_sightings(parsed)), False),
        (RESOURCES["audit"], audit_rows(parsed), False),
        (RESOURCES["audit_checks"], catalogue_rows(), False),
        (RESOURCES["warnings"], warning_rows(parsed), False),
    ]
    contents = [(resource, located(rows, doc), with_id) for resource, rows, with_id in contents]
    units = "、".join(dict.fromkeys(t.unit for t in parsed.tables.values())) or m.unit
    descriptor = {
        "name": m.dataset_id,
        "title": package_title(parsed),
        "description": (
            f"{m.jurisdiction} {m.agency}（部门编码 {m.department_code or '未印刷'}）"
            f"{m.year} 年{kind_title(m)}公开文件中的九张标准表、情况说明各部分、核对结果（附核对规则目录）和读取警告。"
            f"金额单位：{units}。"
        ),
        "keywords": [kind_title(m), m.jurisdiction, m.agency, str(m.year)],
        "sources": [
            {
                "title": doc.path.name,
                "path": f"documents/{doc.path.name}",
                "sha256": doc.sha256,
                "layout": doc.layout,
            }
        ],
    }
    write_files(folder, descriptor, contents)
