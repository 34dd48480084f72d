"""Step 2c: the registers of the narrative: 机构设置 and 固定资产占用情况.

As tables (Hebei), both are plain grids identified by their header row; repeated headers
after a page break (000:480, 000:1059), blank rows (004:25–28) and page furniture are
skipped.  As prose (Shanghai), units are numbered paragraphs and internal divisions a list
after 包括：, and the assets held are vehicles and large equipment stated as at a date.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..model import Document, Paragraph, Row
from ..templates import Template
from ..templates.parts import AssetStatements, AssetTable, GridTable, UnitList
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
    if isinstance(grid, UnitList):
        return listed_units(doc, sections, grid)
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
                "organization_type": "unit",
                "parent_unit_name": "",
                "remark": "",
                "source_line": line,
            }
        )
    return rows


def listed_units(doc: Document, sections: list[Section], units: UnitList) -> list[dict]:
    """机构设置 in prose: `1. name，remark。` per unit, and `X设9个内设机构，包括：a、b、c。`."""
    section = section_of(sections, units.section)
    unit, divisions = units.regex("unit"), units.regex("divisions")
    rows: list[dict] = []

    def add(name: str, kind: str, parent: str, remark: str, line: int) -> None:
        rows.append(
            {
                "dataset_id": doc.metadata.dataset_id,
                "row_number": len(rows) + 1,
                "unit_name": clean_label(name),
                "unit_nature": "",
                "unit_rank": "",
                "funding_form": "",
                "organization_type": kind,
                "parent_unit_name": clean_label(parent),
                "remark": clean_label(remark),
                "source_line": line,
            }
        )

    for record in section.records if section else []:
        if not isinstance(record, Paragraph):
            continue
        text = clean_label(record.text)
        listed = divisions.search(text)
        if match := unit.match(text):
            remark = match["remark"] or ""
            add(match["name"], "unit", "", "" if listed else remark, record.line)
        for found in divisions.finditer(text):
            for name in found["names"].split("、"):
                add(name, "division", found["parent"], "", record.line)
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
    table: AssetTable | AssetStatements | None = template.part("fixed_assets")
    if isinstance(table, AssetStatements):
        return stated_assets(doc, sections, table)
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


def stated_assets(doc: Document, sections: list[Section], stated: AssetStatements) -> list[dict]:
    """Vehicles (in all and by use) and large equipment that the narrative says are held as
    at a date (`截至2024年8月31日，…共有车辆7辆，其中：…`); what is planned is a figure."""
    section = section_of(sections, stated.section)
    rows: list[dict] = []
    for record in section.records if section else []:
        text = clean_label(getattr(record, "text", ""))
        held = next((s for s in re.split(r"(?<=。)", text) if stated.regex("held").search(s)), "")
        if not held:
            continue
        as_of = as_of_date([Paragraph(held, record.line)], stated.regex("as_of"))

        def add(item, kind, quantity, unit, threshold=None, *, line=record.line, as_of=as_of):
            rows.append(
                {
                    "dataset_id": doc.metadata.dataset_id,
                    "row_number": len(rows) + 1,
                    "item": item,
                    "asset_item": kind,
                    "quantity": Decimal(quantity),
                    "quantity_unit": unit,
                    "value": None,
                    "equipment_threshold": threshold,
                    "as_of": as_of,
                    "source_line": line,
                }
            )

        if match := stated.regex("vehicles").search(held):
            add("车辆", "vehicles", match["quantity"], "辆")
        for match in stated.regex("category").finditer(held):
            add(match["name"], "vehicle_category", match["quantity"], "辆")
        if match := stated.regex("equipment").search(held):
            add(match.group(0).removesuffix(f"{match['quantity']}台（套）"), "equipment",
                match["quantity"], "台（套）", int(match["threshold"]))  # fmt: skip
    return rows
