"""Step 4: write Frictionless data packages, one per document and one combined (`all`).

Schemas come from `registry`; CSV is UTF-8 without BOM, `\\n` line ends, amounts as printed
(Decimal text, so `6228.00` stays `6228.00`).  A package is written into a temporary folder
and moved into place only when complete, so a failure never leaves half a package behind.
Nothing time-dependent is written: the same documents give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .audit import Check
from .documents import Document
from .registry import RESOURCES, TABLES, Resource
from .tables import SPEC_BY_KEY, SPECS, Table
from .text import strip_numbering

COMBINED = "all"
SECTION_RESOURCES = (
    "organizations",
    "projects",
    "performance_indicators",
    "activities",
    "activity_indicators",
    "procurement",
    "fixed_assets",
    "glossary",
    "narrative",
    "narrative_figures",
)
LINE_COLUMNS = ("dataset_id", "jurisdiction", "agency", "department_code", "year")


@dataclass
class Parsed:
    """Everything read from one document."""

    doc: Document
    tables: dict[str, Table]
    checks: list[Check]
    sections: dict[str, list[dict]]  # rows of the narrative resources, by resource name
    inventory: list[dict]  # the narrative's tables: parsed, empty or missing

    @property
    def dataset_id(self) -> str:
        return self.doc.metadata.dataset_id


# --- rows of each resource ------------------------------------------------------------------


def document_row(doc: Document) -> dict:
    m = doc.metadata
    return {
        "dataset_id": m.dataset_id,
        "jurisdiction": m.jurisdiction,
        "agency": m.agency,
        "department_code": m.department_code,
        "year": m.year,
        "source_file": doc.path.name,
        "sha256": doc.sha256,
        "layout": doc.layout,
        "encoding": doc.encoding,
        "unit": m.unit,
        "title": m.title,
        "publisher": m.publisher,
        "original_format": m.original_format,
        "obtained_from": m.obtained_from,
        "retrieved": m.retrieved,
    }


def table_rows(parsed: Parsed) -> list[dict]:
    """Every table accounted for (the nine, then the narrative's): parsed, empty, unreadable or missing."""
    out = []
    for spec in SPECS:
        table = parsed.tables.get(spec.key)
        out.append(
            {
                "dataset_id": parsed.dataset_id,
                "table": spec.key,
                "table_title": table.title if table else "",
                "table_status": table.status if table else "missing",
                "rows": len(table.rows) if table else 0,
                "note": "；".join(table.notes) if table else "",
                "source_line": table.title_line if table else None,
            }
        )
    return out + [{"dataset_id": parsed.dataset_id, **row} for row in parsed.inventory]


def _sides(spec_key: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name column, code column, measures) for each side of a table's rows."""
    spec = SPEC_BY_KEY[spec_key]
    if spec.kind == "two_sided":
        return [
            ("income_name", "", ("income",)),
            ("expenditure_name", "expenditure_code", spec.amounts[1:]),
        ]
    return [("name", "code" if spec.kind == "coded" else "", spec.amounts)]


def budget_lines(parsed: Parsed) -> list[dict]:
    """The long form: one line per numeric cell of every existing row (and side)."""
    meta = document_row(parsed.doc)
    out = []
    for spec in SPECS:
        table = parsed.tables.get(spec.key)
        if not table:
            continue
        for row in table.records():
            for name_column, code_column, measures in _sides(spec.key):
                if all(row.get(m) is None for m in measures):
                    continue  # this side of a two-sided row is empty
                code = row.get(code_column, "") if code_column else ""
                for measure in measures:
                    out.append(
                        {
                            **{k: meta[k] for k in LINE_COLUMNS},
                            "table": spec.key,
                            "row_number": row["row_number"],
                            "code": code,
                            "name": row[name_column],
                            "level": _level(row, spec.kind, code),
                            "parent_code": row.get("parent_code", "")
                            if code_column == "code"
                            else "",
                            "measure": measure,
                            "amount": row.get(measure),
                            "source_line": row["source_line"],
                        }
                    )
    return out


def _level(row: dict, kind: str, code: str):
    if kind == "two_sided":
        return 1 if code else None
    return row.get("level")


def code_sightings(parsed: Parsed) -> list[tuple[str, str, str]]:
    """(code, classification, name) for every coded row of the document's tables."""
    seen = []
    for spec in SPECS:
        table = parsed.tables.get(spec.key)
        if not table or spec.kind == "labelled":
            continue
        for row in table.records():
            if spec.kind == "coded" and row["code"]:
                seen.append((row["code"], spec.classification, row["name"]))
            elif spec.kind == "two_sided" and row.get("expenditure_code"):
                name = strip_numbering(row["expenditure_name"])
                seen.append((row["expenditure_code"], "functional", name))
    return seen


def classification_codes(sightings) -> list[dict]:
    """Each code seen, with its most common name (ties: the first in code order of names)."""
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    for code, kind, name in sightings:
        names[code][name] += 1
        kinds[code] = kind
    out = []
    for code in sorted(names):
        ranked = sorted(names[code].items(), key=lambda item: (-item[1], item[0]))
        out.append(
            {
                "code": code,
                "classification": kinds[code],
                "name": ranked[0][0],
                "level": {3: 1, 5: 2, 7: 3}[len(code)],
                "parent_code": code[:-2] if len(code) > 3 else "",
                "names": "；".join(name for name, _ in ranked[1:]),
            }
        )
    return out


def warning_rows(parsed: Parsed) -> list[dict]:
    return [
        {"dataset_id": parsed.dataset_id, "source_line": p.line, "message": p.message}
        for p in parsed.doc.problems
    ]


def audit_rows(parsed: Parsed) -> list[dict]:
    return [c.record(parsed.dataset_id, n) for n, c in enumerate(parsed.checks, start=1)]


# --- writing --------------------------------------------------------------------------------


def descriptor_json(descriptor: dict, resources: list[tuple[Resource, bool]]) -> str:
    """`json.dumps(descriptor | {"resources": …}, indent=2)`, with each resource's (constant)
    text made once: the indenting encoder is pure Python and slow on 25 schemas a package."""
    head = json.dumps(descriptor, ensure_ascii=False, indent=2)
    entries = ",\n".join(resource_json(*r) for r in resources)
    return f'{head.removesuffix(chr(10) + "}")},\n  "resources": [\n{entries}\n  ]\n}}\n'


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
    text = descriptor_json(descriptor, [(r, with_id) for r, _, with_id in contents])
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


def package_title(parsed: Parsed) -> str:
    m = parsed.doc.metadata
    return f"{m.agency} {m.year} 年部门预算"


def write_document_package(folder: Path, parsed: Parsed) -> None:
    """One document's package, written into `folder` (a staging folder; see `install`)."""
    doc, m = parsed.doc, parsed.doc.metadata
    contents = [
        (RESOURCES["documents"], [document_row(doc)], False),
        (RESOURCES["document_tables"], table_rows(parsed), False),
    ]
    for spec in SPECS:
        table = parsed.tables.get(spec.key)
        if table and table.status != "unreadable":
            contents.append((TABLES[spec.key], table.records(), False))
    contents += [(RESOURCES[name], rows, False) for name, rows in parsed.sections.items()]
    contents += [
        (RESOURCES["budget_lines"], budget_lines(parsed), False),
        (RESOURCES["classification_codes"], classification_codes(code_sightings(parsed)), False),
        (RESOURCES["audit"], audit_rows(parsed), False),
        (RESOURCES["warnings"], warning_rows(parsed), False),
    ]
    descriptor = {
        "name": m.dataset_id,
        "title": package_title(parsed),
        "description": (
            f"{m.jurisdiction} {m.agency}（部门编码 {m.department_code or '未印刷'}）"
            f"{m.year} 年部门预算公开文件中的九张标准表、核对结果和读取警告。金额单位：万元。"
        ),
        "keywords": ["部门预算", m.jurisdiction, m.agency, str(m.year)],
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


COMBINED_ORDER = ("documents", "document_tables", "budget_lines", "classification_codes",
                  *SECTION_RESOURCES, "audit", "warnings")  # fmt: skip
# Resources of the combined package that are the documents' own files one after another.
CONCATENATED = ("budget_lines", *SECTION_RESOURCES, "audit", "warnings")
COMBINED_DESCRIPTOR = {
    "name": COMBINED,
    "title": "全部部门预算",
    "description": "所有文件的合并数据：文件清单、预算明细长表、科目编码表、核对结果和读取警告。金额单位：万元。",
}


def combined_table_rows(parsed: Parsed) -> str:
    """The document's rows of the combined document_tables.csv (which adds dataset_id)."""
    fields = field_names(RESOURCES["document_tables"], True)
    return csv_text(fields, table_rows(parsed), header=False)


class CombinedPackage:
    """The package of all documents in one, written while they are built: a document's rows
    are appended, in document order, from its installed package; nothing is held in memory."""

    def __init__(self, out_dir: Path):
        self.target = out_dir / COMBINED
        self.staging = stage(self.target)
        self.files = {}
        self.documents: list[dict] = []
        self.codes: list[tuple[str, str, str]] = []
        self.sources: list[dict] = []
        for name in ("document_tables", *CONCATENATED):
            with_id = name == "document_tables"
            self.files[name] = (self.staging / f"{name}.csv").open("wb")
            self.files[name].write(csv_text(field_names(RESOURCES[name], with_id), []).encode())

    def add(self, built, package: Path) -> None:
        """Append one document (a `build.Built`) whose package is installed at `package`."""
        self.documents.append(built.document)
        self.codes += built.codes
        self.sources.append(
            {
                "title": built.path.name,
                "path": f"documents/{built.path.name}",
                "sha256": built.sha256,
            }
        )
        self.files["document_tables"].write(built.table_rows.encode())
        for name in CONCATENATED:
            data = (package / f"{name}.csv").read_bytes()
            self.files[name].write(data[data.index(b"\n") + 1 :])

    def close(self) -> None:
        for file in self.files.values():
            file.close()

    def install(self) -> bool:
        """Finish the package and put it in place; False when nothing in it changed."""
        self.close()
        codes = classification_codes(self.codes)
        for name, rows in (("documents", self.documents), ("classification_codes", codes)):
            write_csv(self.staging / f"{name}.csv", field_names(RESOURCES[name], False), rows)
        resources = [(RESOURCES[name], name == "document_tables") for name in COMBINED_ORDER]
        text = descriptor_json({**COMBINED_DESCRIPTOR, "sources": self.sources}, resources)
        (self.staging / "datapackage.json").write_text(text, encoding="utf-8")
        return install(self.staging, self.target)
