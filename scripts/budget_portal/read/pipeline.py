"""The reading flow for one document: file → records → metadata → tables and sections → audit.

Each reader of the narrative runs on its own: one that fails is reported and its resources are
published empty, so the rest of the document still builds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..audit.narrative import audit_document
from ..extract.text import text_records
from ..model import Document, DocumentError, Parsed
from .activities import activity_rows
from .figures import figure_rows
from .metadata import build_metadata, read_metadata
from .procurement import procurement_rows, table_printed
from .projects import project_rows
from .provenance import load_provenance, provenance_path
from .registers import fixed_asset_rows, organization_rows
from .sections import Section, glossary_rows, narrative_rows, section_of, split_sections
from .tables import read_tables


def read_document(path: Path) -> Document:
    """Read one document; raises DocumentError when it cannot be used at all."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot read: {error.strerror}") from None
    encoding, layout, records = text_records(raw, path)
    doc = Document(path, hashlib.sha256(raw).hexdigest(), encoding, layout, records, None)
    if encoding != "utf-8":
        doc.warn(f"decoded as {encoding}")
    provenance = load_provenance(provenance_path(path))
    if not provenance:
        doc.warn(f"no provenance file {provenance_path(path).name}; metadata read from the text")
    elif provenance.get("sha256") and provenance["sha256"] != doc.sha256:
        doc.warn("sha256 differs from the provenance file: the document changed since")
    found = read_metadata(records)
    doc.metadata = build_metadata(found, provenance, path, doc)
    return doc


# Readers of the narrative part: the resources each fills, and the function.
READERS = (
    (("organizations",), organization_rows),
    (("projects", "performance_indicators"), project_rows),
    (("activities", "activity_indicators"), activity_rows),
    (("procurement",), procurement_rows),
    (("fixed_assets",), fixed_asset_rows),
    (("glossary",), glossary_rows),
    (("narrative",), narrative_rows),
)


def read_sections(doc: Document, sections: list[Section]) -> dict[str, list[dict]]:
    """Each reader on its own: a malformed section is reported and published empty, whole."""
    rows: dict[str, list[dict]] = {}
    for names, reader in READERS:
        try:
            result = reader(doc, sections)
        except Exception as error:  # one section must not stop the rest of the document
            line = sections[0].line if sections else None
            doc.warn(f"{', '.join(names)}: could not be read ({error!r}); published empty", line)
            result = tuple([] for _ in names) if len(names) > 1 else []
        rows.update(zip(names, result if len(names) > 1 else (result,), strict=True))
    rows["narrative_figures"] = figure_rows(doc, rows["narrative"])
    return rows


def parse(path: Path) -> Parsed:
    doc = read_document(path)
    tables = read_tables(doc)
    sections = split_sections(doc)
    rows = read_sections(doc, sections)
    printed = table_printed(sections)
    checks = audit_document(tables, rows, procurement_printed=printed)
    return Parsed(doc, tables, checks, rows, section_inventory(sections, rows, printed))


def section_inventory(
    sections: list[Section], rows: dict[str, list[dict]], procurement: bool
) -> list[dict]:
    """The narrative's tables accounted for like the nine: parsed, empty or missing."""
    inventory = []
    for key, section_key, title in SECTION_TABLES:
        found = rows[key]
        section = section_of(sections, section_key)
        empty = key == "procurement" and procurement and not found
        line = found[0]["source_line"] if found else (section.line if empty and section else None)
        status = "parsed" if found else ("empty" if empty else "missing")
        inventory.append({"table": key, "table_title": title, "table_status": status,
                          "rows": len(found), "note": "", "source_line": line})  # fmt: skip
    return inventory


SECTION_TABLES = (
    ("organizations", "duties", "部门机构设置情况"),
    ("projects", "projects", "项目绩效目标表"),
    ("activities", "performance", "部门职责-工作活动绩效目标"),
    ("procurement", "procurement", "部门政府采购预算"),
    ("fixed_assets", "assets", "部门固定资产占用情况表"),
    ("glossary", "glossary", "名词解释"),
)
