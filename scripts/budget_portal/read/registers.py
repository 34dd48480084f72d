"""Step 2c: the small register tables of the narrative: 机构设置 and 固定资产占用情况表.

Both are plain grids identified by their header row; repeated headers after a page break
(000:480, 000:1059), blank rows (004:25–28) and page furniture are skipped.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Document, Paragraph, Row
from ..text import clean_label, is_blank, label_key, parse_amount
from .sections import Section, section_of
from .tables import is_page_noise


def grid_rows(records: list, header: tuple[str, ...], width: int):
    """(cells, line) of the grid whose header row starts with `header`; stops at prose."""
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


def organization_rows(doc: Document, sections: list[Section]) -> list[dict]:
    section = section_of(sections, "duties")
    rows: list[dict] = []
    for cells, line in grid_rows(section.records if section else [], ("单位名称", "单位性质"), 4):
        if len([c for c in cells if c.strip()]) < 4:
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

ASSET_ITEMS = (
    ("office_buildings", "办公用房"),  # a 其中 of buildings: test it first
    ("total", "资产总额"),
    ("buildings", "房屋"),
    ("vehicles", "车辆"),
    ("equipment", "设备"),
    ("other", "其他固定资产"),
)
_AS_OF = re.compile(r"截止时间[:：]\s*(\d{4})\s*[-年]\s*(\d{1,2})\s*[-月]\s*(\d{1,2})")
_UNIT = re.compile(r"[（(]([^（()）]+)[)）]")
_THRESHOLD = re.compile(r"(\d+)\s*万元以上")
NOT_APPLICABLE = re.compile(r"^[—－-]+$")


def as_of_date(records: list) -> str:
    """`截止时间：2022-12-31` or `截止时间：2022年12月31日` as an ISO date."""
    for record in records:
        texts = [record.text] if isinstance(record, Paragraph) else list(record.cells)
        for text in texts:
            if match := _AS_OF.search(unicodedata.normalize("NFKC", text)):
                year, month, day = (int(g) for g in match.groups())
                return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def asset_item(label: str) -> str:
    key = label_key(label)
    return next((item for item, word in ASSET_ITEMS if word in key), "")


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


def fixed_asset_rows(doc: Document, sections: list[Section]) -> list[dict]:
    section = section_of(sections, "assets")
    records = section.records if section else []
    as_of = as_of_date(records)
    rows: list[dict] = []
    for cells, line in grid_rows(records, ("项目", "数量"), 3):
        label = clean_label(cells[0])
        item = asset_item(label)
        if not item:
            doc.warn(f"fixed_assets: unknown item {label!r}", line)
        unit = _UNIT.search(unicodedata.normalize("NFKC", label))
        threshold = _THRESHOLD.search(label) if item == "equipment" else None
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
            "fixed_assets: the 国有资产 section has a table but no 项目/数量 header", section.line
        )
    return rows
