"""Step 4a: the rows of every published resource, derived from a parse: the wide tables as
printed, their long form (`budget_lines`), the code list, the audit and the warnings."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..metadata.classification import reference
from ..metadata.registry import PHASES
from ..metadata.units import to_wan_yuan
from ..model import Document
from ..read.parsed import Parsed
from ..read.tables import SPEC_BY_KEY
from ..text import strip_numbering

COMBINED = "all"
SECTION_RESOURCES = (
    "reading_report",
    "uncaptured_figures",
    "other_tables",
    "table_of_contents",
    "organizations",
    "projects",
    "performance_indicators",
    "project_budget_items",
    "expenditure_items",
    "activities",
    "activity_indicators",
    "procurement",
    "fixed_assets",
    "glossary",
    "narrative",
    "narrative_figures",
)
LINE_COLUMNS = ("dataset_id", "jurisdiction", "agency", "department_code", "year")


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
        "kind": m.kind,
        "department_id": m.department_id,
        "template": doc.template,
        "source_format": doc.source_format,
        "document_type": m.document_type,
        "phase": PHASES[m.document_type],
        "added": m.added,
        "division_code": m.division_code,
        "province": m.province,
        "prefecture": m.prefecture,
        "county": m.county,
    }


def table_rows(parsed: Parsed) -> list[dict]:
    """Every table accounted for (the nine, then the narrative's): parsed, empty, unreadable or missing."""
    out = []
    for key in parsed.table_keys:
        table = parsed.tables.get(key)
        out.append(
            {
                "dataset_id": parsed.dataset_id,
                "table": key,
                "table_title": table.title if table else "",
                "table_status": table.status if table else "missing",
                "rows": len(table.rows) if table else 0,
                "note": "；".join(table.notes) if table else "",
                "unit": table.unit if table else "",
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
    for spec in (SPEC_BY_KEY[key] for key in parsed.table_keys):
        table = parsed.tables.get(spec.key)
        if not table:
            continue
        for row in table.records():
            for name_column, code_column, measures in _sides(spec.key):
                measures = tuple(m for m in measures if m in table.printed)
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
                            # a 决算 prints the budget beside the year's actual (三公 预算数)
                            "phase": "approved" if measure == "budgeted" else meta["phase"],
                            "amount": row.get(measure),
                            "unit": table.unit,
                            "amount_wan_yuan": to_wan_yuan(row.get(measure), table.unit),
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
    for spec in (SPEC_BY_KEY[key] for key in parsed.table_keys):
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
    """Each code seen, with its most common name (ties: the first in code order of names);
    and the levels above a code that the document does not print (a table of 项 codes only),
    named from the reference where it knows them, so that every parent code exists."""
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    for code, kind, name in sightings:
        names[code][name] += 1
        kinds[code] = kind
    for code in list(names):
        parent = code[:-2] if len(code) > 3 else ""
        while parent and parent not in names:
            names[parent] = Counter({reference_name(parent): 0})
            kinds[parent] = kinds[code]
            parent = parent[:-2] if len(parent) > 3 else ""
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


def reference_name(code: str) -> str:
    """The latest name of a code in the reference (metadata/classification_names.csv), or ''."""
    rows = reference().get(code, [])
    return rows[-1]["name"] if rows else ""


def warning_rows(parsed: Parsed) -> list[dict]:
    return [
        {"dataset_id": parsed.dataset_id, "source_line": p.line, "message": p.message}
        for p in parsed.doc.problems
    ]


def audit_rows(parsed: Parsed) -> list[dict]:
    rows = [c.record(parsed.dataset_id, n) for n, c in enumerate(parsed.checks, start=1)]
    for row in rows:
        for side in ("left", "right", "source"):
            row[f"{side}_pages"] = pages_of(row[f"{side}_lines"], parsed.doc)
    return rows


def pages_of(lines: str, doc: Document) -> str:
    """The PDF pages of comma-separated source lines (empty for other formats)."""
    pages = {doc.page_of(int(line)) for line in lines.split(",") if line}
    return ",".join(str(p) for p in sorted(p for p in pages if p))


def located(rows: list[dict], doc: Document) -> list[dict]:
    """Rows with the PDF page and DOCX position of their source line."""
    if not doc.locations:
        return rows
    return [
        {
            **row,
            "source_page": doc.page_of(row.get("source_line")),
            "source_ref": doc.ref_of(row.get("source_line")),
        }
        for row in rows
    ]
