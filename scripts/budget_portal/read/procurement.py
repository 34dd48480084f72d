"""Step 2d: 政府采购预算 (docs/domain.md b.13): one row per item, 合计 and 小计 rows marked.

The money columns are read from the second header row, whatever the template prints (单位资金
or 其他来源收入; with or without 财政拨款结转 and 非财政拨款结转结余).  The 预留中小微企业份额
column is a top-level header that always stands last: in 000 its label lands one column to the
left of its data (c.14), so it is placed by that rule, not by where the label fell.
"""

from __future__ import annotations

import re

from ..model import Document, Paragraph
from ..templates import Template, words
from ..templates.parts import ProcurementTable
from ..text import clean_label, is_blank, label_key
from .registers import quantity
from .sections import Section, section_of


def header_columns(
    table: ProcurementTable, first: tuple[str, ...], second: tuple[str, ...], doc, line
) -> list[str] | None:
    labels = dict(table.money)
    money = [label_key(c) for c in second[len(table.leading) :] if label_key(c)]
    unknown = [m for m in money if m not in labels]
    if unknown:
        doc.warn(f"procurement: unknown money columns {unknown}; table not read", line)
        return None
    columns = [*table.leading, *(labels[m] for m in money)]
    if any(table.reserved_word in label_key(c) for c in first):
        columns.append(table.reserved_field)
    return columns


def table_printed(sections: list[Section], template: Template) -> bool:
    """Whether the document prints a procurement table at all (003 states a figure only)."""
    table = template.part("procurement")
    section = section_of(sections, table.section) if table else None
    return bool(section) and any(
        not isinstance(r, Paragraph) and r.cells and label_key(r.cells[0]) == table.source_header
        for r in section.records
    )


def row_type(label: str) -> str:
    key = label_key(label)
    if key in words.TOTAL_LABELS:
        return "total"
    return "subtotal" if key.endswith(words.SUBTOTAL) else "item"


def procurement_rows(doc: Document, sections: list[Section], template: Template) -> list[dict]:
    table: ProcurementTable | None = template.part("procurement")
    if table is None:
        return []
    noise = re.compile(template.page_noise)
    section = section_of(sections, table.section)
    records = section.records if section else []
    rows: list[dict] = []
    columns: list[str] | None = None
    unit = ""
    pending_header: tuple[str, ...] | None = None
    for record in records:
        if isinstance(record, Paragraph):
            if (
                columns
                and not noise.match(clean_label(record.text))
                and not clean_label(record.text).startswith("注")
            ):
                break
            continue
        first_key = label_key(record.cells[0]) if record.cells else ""
        if first_key == table.source_header:
            pending_header = record.cells
            continue
        if first_key == table.item_header and pending_header is not None:
            columns = columns or header_columns(
                table, pending_header, record.cells, doc, record.line
            )
            pending_header = None
            continue
        if columns is None or is_blank(record.cells):
            continue
        if len(record.cells) != len(columns):
            doc.warn(
                f"procurement: row has {len(record.cells)} cells, expected {len(columns)}",
                record.line,
            )
        values = dict(zip(columns, record.cells, strict=False))
        kind = row_type(values["project_name"])
        if kind == "subtotal":
            unit = label_key(values["project_name"]).removesuffix(words.SUBTOTAL)
        rows.append(procurement_row(doc, table, values, kind, unit, len(rows) + 1, record.line))
    return rows


def procurement_row(
    doc, table: ProcurementTable, values: dict, kind: str, unit: str, number: int, line: int
) -> dict:
    row = {
        "dataset_id": doc.metadata.dataset_id,
        "row_number": number,
        "row_type": kind,
        "unit_name": unit if kind != "total" else "",
    }
    amounts = {
        "project_budget",
        "quantity",
        "unit_price",
        *dict(table.money).values(),
        table.reserved_field,
    }
    for column in (*table.leading, *dict(table.money).values(), table.reserved_field):
        cell = values.get(column)
        if column not in amounts:
            row[column] = clean_label(cell or "")
        elif cell is None:
            row[column] = None  # a column this template does not print
        else:
            row[column] = quantity(cell, doc, line, "procurement")
    if kind != "item":  # 合计 and 小计 rows have no budget, quantity or price of their own
        row.update(project_budget=None, quantity=None, unit_price=None)
    row["source_line"] = line
    return row
