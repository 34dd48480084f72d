"""Step 2c: the reading report, so that nothing is lost in silence.

For every part of a document (each of the nine tables, each table beyond them, each section of
the narrative, and what lies outside them: cover, contents) it says whether it was recognised
and read, how many rows, which printed columns no published field took, and how many of the
figures printed in it some published resource captured.  Every figure left uncaptured is listed
with its line and the text around it.

A figure is an amount as a document prints one: with decimals or thousands separators, or
followed by a unit (万元, 元, %) in prose; years, codes, page numbers and row numbers are not
figures.  A figure is captured when a resource holds the same value read from the same part of
the document (a resource's row names the line it starts on; its figures may follow it).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..metadata.registry import table_set
from ..model import Document, Paragraph, Row
from ..templates import Template
from ..text import clean_label
from .contents import contents_entries
from .sections import Section
from .tables import Table

# An amount in prose: a number with decimals or separators, or one a unit follows.
_PROSE_FIGURE = re.compile(
    r"(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.,])"
    r"(?=\s*(?:万元|亿元|元|%|％))|(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d.,])"
)
_CELL_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_CODE_LIKE = re.compile(r"^(?:\d{3}|\d{5}|\d{7}|(?:19|20)\d{2})$")
CONTEXT = 40  # characters of text around an uncaptured figure


def value_of(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").rstrip("%％"))
    except InvalidOperation:
        return None


def figures_of(record) -> list[tuple[str, str]]:
    """(figure as printed, its context) for every figure a record prints."""
    if isinstance(record, Paragraph):
        text = clean_label(record.text)
        return [
            (m.group(), text[max(0, m.start() - CONTEXT // 2) : m.end() + CONTEXT // 2])
            for m in _PROSE_FIGURE.finditer(text)
        ]
    out = []
    cells = [" ".join(c.split()) for c in record.cells]
    for cell in cells:
        text = cell.replace(" ", "")
        if not _CELL_FIGURE.match(text) or _CODE_LIKE.match(text):
            continue
        if "." in text or "," in text or len(text.lstrip("-")) >= 4:
            row = " | ".join(c for c in cells if c)
            out.append((text, row[: CONTEXT * 2]))
    return out


def captured_figures(tables: dict[str, Table], rows: dict[str, list[dict]]) -> set:
    """(line, value) of every figure a resource holds."""
    found = set()
    for table in tables.values():
        for row in table.rows:
            values = [v for v in row.values.values() if isinstance(v, Decimal)]
            found.update((line, v) for line in row.source_lines for v in values)
    for resource in rows.values():
        for row in resource:
            lines = {row.get("source_line")} | {
                int(n) for n in str(row.get("source_lines") or "").split(",") if n.isdigit()
            }
            values = {as_decimal(v) for v in row.values()} - {None}
            found.update((line, v) for line in lines if line for v in values)
    return found


def as_decimal(value) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, str) and _CELL_FIGURE.match(value.replace(" ", "")):
        return value_of(value.replace(" ", ""))
    return None


def parts_of(doc: Document, tables: dict[str, Table], sections: list[Section]) -> dict[int, tuple]:
    """The part each line belongs to: a table of the nine, a table beyond them, a section."""
    part: dict[int, tuple] = {}
    for number, section in enumerate(sections):
        for record in (section, *section.records):
            part[record.line] = ("section", section.key, number)
    for number, (_, line, body) in enumerate(doc.other_tables):
        for at in (line, *(r.line for r in body)):
            part[at] = ("other_table", "", number)
    for table in tables.values():
        for line in table.lines:
            part[line] = ("table", table.spec.key, 0)
    return part


def reading_report(
    doc: Document,
    tables: dict[str, Table],
    sections: list[Section],
    rows: dict[str, list[dict]],
    template: Template,
) -> tuple[list[dict], list[dict]]:
    """(the report, a row a part; the uncaptured figures, a row each)."""
    part_of = parts_of(doc, tables, sections)
    outside = ("document", "", 0)
    # A resource's row says the line it starts on: its figures may be printed on the lines
    # after it (a project's 预算数 below its title), so a value counts within its part.
    captured = {(part_of.get(line, outside), v) for line, v in captured_figures(tables, rows)}
    counts: dict[tuple, list[int]] = {}
    uncaptured = []
    for record in doc.records:
        part = part_of.get(record.line, outside)
        tally = counts.setdefault(part, [0, 0])
        for figure, context in figures_of(record):
            tally[0] += 1
            if (part, value_of(figure)) in captured:
                tally[1] += 1
                continue
            uncaptured.append(
                {
                    "dataset_id": doc.metadata.dataset_id,
                    "figure_number": len(uncaptured) + 1,
                    "part_kind": part[0],
                    "part": part[1]
                    or (doc.other_tables[part[2]][0] if part[0] == "other_table" else ""),
                    "figure": figure,
                    "context": context,
                    "source_line": record.line,
                }
            )
    report = []

    def add(kind, key, title, status, n, unread, line, part):
        printed, got = counts.get(part, [0, 0])
        report.append(
            {
                "dataset_id": doc.metadata.dataset_id,
                "part_number": len(report) + 1,
                "part_kind": kind,
                "part": key,
                "part_title": title,
                "part_status": status,
                "rows": n,
                "columns_not_read": "；".join(unread),
                "figures_printed": printed,
                "figures_captured": got,
                "figures_uncaptured": printed - got,
                "source_line": line,
            }
        )

    for key in table_set(template.document_type).values():
        table = tables.get(key)
        status = {"parsed": "read"}.get(table.status, table.status) if table else "missing"
        add("table", key, table.title if table else "", status,
            len(table.rows) if table else 0, table.unread if table else [],
            table.title_line if table else None, ("table", key, 0))  # fmt: skip
    listed = {entry["source_line"] for entry in contents_entries(doc.records, template)}
    for number, (title, line, body) in enumerate(doc.other_tables):
        n = sum(isinstance(r, Row) for r in body)
        if line in listed and not n:
            continue  # an entry of the contents, not a table
        read = any(r["table_number"] == number + 1 for r in rows.get("other_tables", []))
        add("other_table", title, title, "read" if read else "not_read", n, [], line,
            ("other_table", "", number))  # fmt: skip
    for number, section in enumerate(sections):
        paragraphs = sum(isinstance(r, Paragraph) for r in section.records)
        add("section", section.key, section.title, "read", paragraphs, [], section.line,
            ("section", section.key, number))  # fmt: skip
    if ("document", "", 0) in counts:
        add("document", "", "封面、目录和其他", "read", 0, [], None, ("document", "", 0))
    return report, uncaptured
