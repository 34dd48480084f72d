"""Step 4: write Frictionless data packages, one per document and one combined (`all`).

Schemas come from `registry`; CSV is UTF-8 without BOM, `\\n` line ends, amounts as printed
(Decimal text, so `6228.00` stays `6228.00`).  A package is written into a temporary folder
and moved into place only when complete, so a failure never leaves half a package behind.
Nothing time-dependent is written: the same documents give the same bytes.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

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


def classification_codes(parsed_list: list[Parsed]) -> list[dict]:
    """Each code seen, with its most common name (ties: the first in code order of names)."""
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    for parsed in parsed_list:
        for spec in SPECS:
            table = parsed.tables.get(spec.key)
            if not table or spec.kind == "labelled":
                continue
            for row in table.records():
                if spec.kind == "coded" and row["code"]:
                    names[row["code"]][row["name"]] += 1
                    kinds[row["code"]] = spec.classification
                elif spec.kind == "two_sided" and row.get("expenditure_code"):
                    code = row["expenditure_code"]
                    names[code][strip_numbering(row["expenditure_name"])] += 1
                    kinds[code] = "functional"
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


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    frame = pd.DataFrame(
        [{f: row.get(f) for f in fields} for row in rows], columns=fields, dtype=object
    )
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def write_package(
    target: Path, descriptor: dict, contents: list[tuple[Resource, list, bool]]
) -> bool:
    """Write CSVs and datapackage.json into a temporary folder, then swap it into place.
    Returns False (and leaves the package alone) when nothing in it changed."""
    staging = target.with_name(f".{target.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    resources = []
    for resource, rows, with_dataset_id in contents:
        entry = resource_descriptor(resource, with_dataset_id)
        write_csv(staging / entry["path"], [f["name"] for f in entry["schema"]["fields"]], rows)
        resources.append(entry)
    descriptor = {**descriptor, "resources": resources}
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (staging / "datapackage.json").write_text(text, encoding="utf-8")
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


def write_document_package(out_dir: Path, parsed: Parsed) -> bool:
    doc, m = parsed.doc, parsed.doc.metadata
    codes = classification_codes([parsed])
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
        (RESOURCES["classification_codes"], codes, False),
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
    return write_package(out_dir / m.dataset_id, descriptor, contents)


def write_combined_package(out_dir: Path, parsed_list: list[Parsed]) -> bool:
    def rows(function):
        return [row for parsed in parsed_list for row in function(parsed)]

    contents = [
        (RESOURCES["documents"], [document_row(p.doc) for p in parsed_list], False),
        (RESOURCES["document_tables"], rows(table_rows), True),
        (RESOURCES["budget_lines"], rows(budget_lines), False),
        (RESOURCES["classification_codes"], classification_codes(parsed_list), False),
        *[
            (RESOURCES[name], rows(lambda p, n=name: p.sections[n]), False)
            for name in SECTION_RESOURCES
        ],
        (RESOURCES["audit"], rows(audit_rows), False),
        (RESOURCES["warnings"], rows(warning_rows), False),
    ]
    descriptor = {
        "name": COMBINED,
        "title": "全部部门预算",
        "description": "所有文件的合并数据：文件清单、预算明细长表、科目编码表、核对结果和读取警告。金额单位：万元。",
        "sources": [
            {
                "title": p.doc.path.name,
                "path": f"documents/{p.doc.path.name}",
                "sha256": p.doc.sha256,
            }
            for p in parsed_list
        ],
    }
    return write_package(out_dir / COMBINED, descriptor, contents)
