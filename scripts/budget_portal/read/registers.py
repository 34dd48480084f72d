"""Step 2c: the small register tables of the narrative: 机构设置 and 固定资产占用情况表.

Both are plain grids identified by their header row; repeated headers after a page break
(000:480, 000:1059), blank rows (004:25–28) and page furniture are skipped.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Document, Paragraph, Row
from ..templates import Template
from ..templates.parts import AssetTable, GridTable
from ..text import clean_label, is_blank, label_key, parse_amount
from .sections import Section, section_of


def grid_rows(records: list, header: tuple[str, ...], width: int, template: Template):
    """(cells, line) of the grid whose header row starts with `header`; stops at prose."""
    noise = re.compile(template.page_noise)

    def is_page_noise(text: str) -> bool:
        return bool(noise.match(clean_label(text)))

    started = False
    for record in records:
        if isinstance(record, Paragraph):
            if started and not is_page_noise(record.text):
                return
            continue
        keys = tuple(label_key(c) for c in record.cells[: len(header)])
        if keys == header:
            started = True
            continue
        if (
            not started
            or is_blank(record.cells)
            or all(is_page_noise(c) for c in record.cells if c.strip())
        ):
            continue
        cells = [*record.cells[:width], *[""] * (width - len(record.cells))]
        yield cells, record.line


# --- 机构设置 ---------------------------------------------------------------------------------


def organization_rows(doc: Document, sections: list[Section], template: Template) -> list[dict]:
    grid = template.part("organizations")
    if not isinstance(grid, GridTable):
        return []
    section = section_of(sections, grid.section)
    rows: list[dict] = []
    for cells, line in grid_rows(
        section.records if section else [], grid.header, grid.width, template
    ):
        if len([c for c in cells if c.strip()]) < grid.width:
            doc.warn(f"organizations: incomplete row {[clean_label(c) for c in cells]}", line)
        rows.append(
            {
                "dataset_id": doc.metadata.dataset_id,
                "row_number": len(rows) + 1,
                "unit_name": clean_label(cells[0]),
                "unit_nature": clean_label(cells[1]),
                "unit_rank": clean_label(cells[2]),
                "funding_form": clean_label(cells[3]),
                "source_line": line,
            }
        )
    return rows


# --- 固定资产占用情况表 -------------------------------------------------------------------------

_UNIT = re.compile(r"[（(]([^（()）]+)[)）]")
NOT_APPLICABLE = re.compile(r"^[—－-]+$")


def as_of_date(records: list, pattern: re.Pattern) -> str:
    """`截止时间：2022-12-31` or `截止时间：2022年12月31日` as an ISO date."""
    for record in records:
        texts = [record.text] if isinstance(record, Paragraph) else list(record.cells)
        for text in texts:
            if match := pattern.search(unicodedata.normalize("NFKC", text)):
                year, month, day = (int(g) for g in match.groups())
                return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def asset_item(label: str, items: tuple[tuple[str, str], ...]) -> str:
    key = label_key(label)
    return next((item for item, word in items if word in key), "")


def quantity(cell: str, doc: Document, line: int, resource: str = "fixed_assets"):
    """`—` is "not applicable" (null); a blank cell of an existing row is 0."""
    text = clean_label(cell)
    if NOT_APPLICABLE.match(text):
        return None
    try:
        value = parse_amount(text)
    except ValueError:
        doc.warn(f"{resource}: cannot read {text!r} as a number; left empty", line)
        return None
    return 0 if value is None else value


def fixed_asset_rows(doc: Document, sections: list[Section], template: Template) -> list[dict]:
    table: AssetTable | None = template.part("fixed_assets")
    if not isinstance(table, AssetTable):
        return []
    section = section_of(sections, table.section)
    records = section.records if section else []
    as_of = as_of_date(records, table.regex("as_of"))
    threshold_pattern = table.regex("threshold")
    rows: list[dict] = []
    for cells, line in grid_rows(records, table.header, table.width, template):
        label = clean_label(cells[0])
        item = asset_item(label, table.items)
        if not item:
            doc.warn(f"fixed_assets: unknown item {label!r}", line)
        unit = _UNIT.search(unicodedata.normalize("NFKC", label))
        threshold = threshold_pattern.search(label) if item == "equipment" else None
        rows.append(
            {
                "dataset_id": doc.metadata.dataset_id,
                "row_number": len(rows) + 1,
                "item": label,
                "asset_item": item,
                "quantity": quantity(cells[1], doc, line),
                "quantity_unit": unit.group(1) if unit and item != "equipment" else "",
                "value": quantity(cells[2], doc, line),
                "equipment_threshold": int(threshold.group(1)) if threshold else None,
                "as_of": as_of,
                "source_line": line,
            }
        )
    if records and not rows and any(isinstance(r, Row) for r in records):
        doc.warn(
            f"fixed_assets: the {table.section} section has a table but no "
            f"{'/'.join(table.header)} header",
            section.line,
        )
    return rows
