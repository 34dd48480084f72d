"""Step 2i: the tables a document prints beyond the nine (项目支出表, 政府采购表, 绩效目标表…), kept
as printed: one row a cell, with its table, row, column and the labels over that column.

These tables have no published structure of their own yet; reading them cell by cell keeps their
figures in the data (and out of the reading report's uncaptured figures) until one is made.
"""

from __future__ import annotations

from ..model import Document, DocumentError, Row
from ..templates import Template
from ..text import clean_label, is_blank, label_key, parse_amount
from .tables import header_block, is_index_row, is_meta_row, leaf_labels, spanned, table_unit


def other_table_rows(doc: Document, template: Template, taken: set[int]) -> list[dict]:
    """Each cell of each table beyond the nine that no other reader took (`taken`: the lines
    the narrative's resources were read from: projects, procurement, assets…)."""
    rows = []
    for number, (title, _line, body) in enumerate(doc.other_tables, start=1):
        if not any(isinstance(r, Row) for r in body):
            continue  # a title alone (an entry of the contents, a heading)
        if any(r.line in taken for r in body if isinstance(r, Row)):
            continue  # read by its own reader (项目绩效目标表 → projects)
        header, rest = header_block(body, template)
        width = max(len(r.cells) for r in body if isinstance(r, Row))
        stacks = leaf_labels(spanned(header), width) if header else [[] for _ in range(width)]
        repeated = {tuple(label_key(c) for c in r.cells) for r in header}
        unit = unit_of(body, template, doc)
        row_number = 0
        for record in rest:
            if not isinstance(record, Row) or is_blank(record.cells):
                continue
            keys = tuple(label_key(c) for c in record.cells)
            if (
                keys in repeated
                or is_index_row(record.cells)
                or is_meta_row(record.cells, template)
            ):
                continue  # the header again on the next page, the column numbers, furniture
            row_number += 1
            for column, cell in enumerate(record.cells, start=1):
                if not cell.strip():
                    continue
                rows.append(
                    {
                        "dataset_id": doc.metadata.dataset_id,
                        "table_number": number,
                        "table_title": title,
                        "row_number": row_number,
                        "column_number": column,
                        "column_label": " / ".join(stacks[column - 1]) if column <= width else "",
                        "cell": clean_label(cell),
                        "cell_amount": amount_of(cell),
                        "unit": unit,
                        "source_line": record.line,
                    }
                )
    return rows


def amount_of(cell: str):
    """The number a cell prints, or None for words (a project's name, a target)."""
    try:
        return parse_amount(cell)
    except ValueError:
        return None


def unit_of(body: list, template: Template, doc: Document) -> str:
    """The table's money unit; a table of counts (单位：个) has none."""
    try:
        return table_unit(body, template, doc)
    except DocumentError:
        return ""
