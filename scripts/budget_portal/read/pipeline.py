"""The reading flow for one document: file → records → metadata → tables and sections → audit.

Each reader of the narrative runs on its own: one that fails is reported and its resources are
published empty, so the rest of the document still builds.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..audit import audit_document
from ..extract import extract
from ..model import Document, DocumentError
from ..templates import TEMPLATES, Template, detect
from ..templates import texts as template_texts
from .activities import activity_rows
from .contents import contents_rows
from .figures import figure_rows
from .items import expenditure_item_rows, resolve_codes
from .metadata import build_metadata, read_metadata
from .other_tables import other_table_rows
from .parsed import Parsed
from .procurement import procurement_rows, table_printed
from .projects import project_rows
from .provenance import companions, load_provenance, provenance_path
from .registers import fixed_asset_rows, organization_rows
from .report import reading_report
from .sections import Section, glossary_rows, narrative_rows, section_of, split_sections
from .tables import read_tables


def read_document(path: Path, cache: Path | None = None) -> Document:
    """Read one document; raises DocumentError when it cannot be used at all.  `cache` keeps
    what was extracted from an original PDF or DOCX."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot read: {error.strerror}") from None
    extraction = extract(raw, path, cache)
    provenance = load_provenance(provenance_path(path))
    records = extraction.records + companion_records(path, provenance, extraction.records, cache)
    doc = Document(
        path,
        hashlib.sha256(raw).hexdigest(),
        extraction.encoding,
        extraction.layout,
        records,
        None,
        source_format=extraction.source_format,
        locations={r.line: (r.page, r.ref) for r in records if r.page or r.ref},
    )
    if extraction.encoding not in ("utf-8", ""):
        doc.warn(f"decoded as {extraction.encoding}")
    for note in extraction.notes:
        doc.warn(note)
    if not provenance:
        doc.warn(f"no provenance file {provenance_path(path).name}; metadata read from the text")
    elif provenance.get("sha256") and provenance["sha256"] != doc.sha256:
        doc.warn("sha256 differs from the provenance file: the document changed since")
    template = choose_template(records, path)
    doc.template = template.name
    found = read_metadata(records, template)
    doc.metadata = build_metadata(found, provenance, path, doc, template)
    return doc


def companion_records(path: Path, provenance: dict, records: list, cache: Path | None) -> list:
    """The records of the document's other files (its provenance's `companions`), after its
    own: lines go on after a page break; each record names its file and page in `ref`."""
    out: list = []
    line = (records[-1].line if records else 0) + 1
    for part in companions(path, provenance):
        try:
            raw = part.read_bytes()
        except OSError as error:
            raise DocumentError(
                path, f"companion {part.name}: cannot read: {error.strerror}"
            ) from None
        listed = next(c for c in provenance["companions"] if str(c["file"]) == part.name)
        if listed.get("sha256") and listed["sha256"] != hashlib.sha256(raw).hexdigest():
            raise DocumentError(path, f"companion {part.name}: sha256 differs from the provenance")
        for record in extract(raw, part, cache).records:
            where = f"{part.name} p. {record.page}" if record.page else f"{part.name} {record.ref}"
            out.append(replace(record, line=line + record.line, page=None, ref=where.strip()))
        line = out[-1].line + 1 if out else line
    return out


def choose_template(records: list, path: Path) -> Template:
    """The template the document's content matches; a clear refusal when none does."""
    template, found = detect(records)
    if template is None:
        seen = "; ".join(
            f"{name}: {len(tables)} of the nine tables{' (' + ', '.join(tables) + ')' if tables else ''}, "
            f"sections {', '.join(sections) or 'none'}"
            for name, (tables, sections) in found.items()
        )
        first = next((t for t in template_texts(records, 5) if t), "")
        raise DocumentError(
            path,
            f"not a budget document in any known template ({seen}); it begins {first[:40]!r}",
        )
    return template


def template_of(doc: Document) -> Template:
    return TEMPLATES[doc.template]


# Readers of the narrative part: the resources each fills, and the function.
READERS = (
    (("table_of_contents",), contents_rows),
    (("organizations",), organization_rows),
    (("projects", "performance_indicators", "project_budget_items"), project_rows),
    (("activities", "activity_indicators"), activity_rows),
    (("procurement",), procurement_rows),
    (("fixed_assets",), fixed_asset_rows),
    (("glossary",), glossary_rows),
    (("narrative",), narrative_rows),
    (("expenditure_items",), expenditure_item_rows),
)


def read_sections(
    doc: Document, sections: list[Section], template: Template
) -> dict[str, list[dict]]:
    """Each reader on its own: a malformed section is reported and published empty, whole."""
    rows: dict[str, list[dict]] = {}
    for names, reader in READERS:
        try:
            result = reader(doc, sections, template)
        except Exception as error:  # one section must not stop the rest of the document
            line = sections[0].line if sections else None
            doc.warn(f"{', '.join(names)}: could not be read ({error!r}); published empty", line)
            result = tuple([] for _ in names) if len(names) > 1 else []
        rows.update(zip(names, result if len(names) > 1 else (result,), strict=True))
    rows["narrative_figures"] = figure_rows(doc, rows["narrative"], template)
    return rows


def lines_read(rows: dict[str, list[dict]]) -> set[int]:
    """The lines the narrative's resources were read from."""
    lines: set[int] = set()
    for resource in rows.values():
        for row in resource:
            lines.add(row.get("source_line"))
            lines.update(int(n) for n in str(row.get("source_lines") or "").split(",") if n)
    return lines


def parse(path: Path, cache: Path | None = None) -> Parsed:
    doc = read_document(path, cache)
    template = template_of(doc)
    tables = read_tables(doc, template)
    units = Counter(t.unit for t in tables.values())
    doc.metadata.unit = units.most_common(1)[0][0] if units else template.default_unit
    in_tables = {line for table in tables.values() for line in table.lines}
    sections = split_sections(doc, template, skip=in_tables)
    rows = read_sections(doc, sections, template)
    rows["other_tables"] = other_table_rows(doc, template, lines_read(rows))
    resolve_codes(rows["expenditure_items"], tables, doc, template)
    printed = table_printed(sections, template)
    headings = {s.key: s.line for s in reversed(sections)}  # the first heading of each key
    checks = audit_document(doc, tables, rows, headings, template, procurement_printed=printed)
    rows["reading_report"], rows["uncaptured_figures"] = reading_report(
        doc, tables, sections, rows, template
    )
    return Parsed(doc, tables, checks, rows, section_inventory(sections, rows, printed, template))


def section_inventory(
    sections: list[Section], rows: dict[str, list[dict]], procurement: bool, template: Template
) -> list[dict]:
    """The narrative's tables accounted for like the nine: parsed, empty or missing."""
    inventory = []
    for key, section_key, title in template.inventory:
        found = rows[key]
        section = section_of(sections, section_key)
        empty = key == "procurement" and procurement and not found
        line = found[0]["source_line"] if found else (section.line if empty and section else None)
        status = "parsed" if found else ("empty" if empty else "missing")
        inventory.append({"table": key, "table_title": title, "table_status": status,
                          "rows": len(found), "note": "", "source_line": line})  # fmt: skip
    return inventory
