"""Step 2g: 部门职责-工作活动绩效目标 (the 2018 template, docs/domain.md b.12) into activities.

The header has 6 cells but data rows have 9: 评价标准 spans four unlabelled grade columns
(优/良/中/差).  Top-level activities have no indent, sub-activities are indented with U+3000;
a row whose first four cells are blank is one more indicator of the activity above.  Text cells
cut at exactly 255 characters by the source (c.19) are kept and reported.
"""

from __future__ import annotations

from ..model import Document, Row
from ..templates import Template
from ..templates.parts import ActivityTable
from ..text import clean_label, is_blank, label_key
from .registers import quantity
from .sections import Section, section_of

GRADES = ("grade_excellent", "grade_good", "grade_fair", "grade_poor")


def activity_rows(
    doc: Document, sections: list[Section], template: Template
) -> tuple[list[dict], list[dict]]:
    table: ActivityTable | None = template.part("activities")
    if not isinstance(table, ActivityTable):
        return [], []
    section = section_of(sections, table.section)
    reader = ActivityReader(doc, table)
    started = False
    for record in section.records if section else []:
        if not isinstance(record, Row):
            if started and not reader.pending:
                break
            continue
        if record.cells and label_key(record.cells[0]) == table.header:
            # 003:194 follows the header without a blank line: its cells join the header row.
            started = True
            width = table.header_width
            reader.push(record.cells[width:], record.line + width)  # one cell per line
        elif started and not (is_blank(record.cells) and not reader.pending):
            reader.push(record.cells, record.line)
    if any(c.strip() for c in reader.pending):
        doc.warn(f"activities: incomplete row {reader.pending}", reader.pending_line)
    return reader.activities, reader.indicators


class ActivityReader:
    """Re-assembles rows of 9 cells and reads each as an activity and/or an indicator."""

    def __init__(self, doc: Document, table: ActivityTable):
        self.doc = doc
        self.table = table
        self.activities: list[dict] = []
        self.indicators: list[dict] = []
        self.pending: list[str] = []
        self.pending_line = 0
        self.parent: dict | None = None

    def push(self, cells, line: int) -> None:
        if cells and not self.pending:
            self.pending_line = line
        self.pending += list(cells)
        width = self.table.width
        while len(self.pending) >= width:
            row, self.pending = self.pending[:width], self.pending[width:]
            self.read_row(row, self.pending_line)
            self.pending_line = line

    def read_row(self, cells: list[str], line: int) -> None:
        doc = self.doc
        for cell in cells:
            if len(clean_label(cell)) == self.table.truncated_at:
                doc.warn(
                    f"activities: a cell of this row ends at exactly {self.table.truncated_at} characters; the source cut it",
                    line,
                )
        if any(c.strip() for c in cells[:4]):
            level = 2 if cells[0].startswith(("\u3000", "  ")) else 1
            activity = {
                "dataset_id": doc.metadata.dataset_id,
                "activity_id": len(self.activities) + 1,
                "parent_activity_id": self.parent["activity_id"]
                if level == 2 and self.parent
                else None,
                "level": level,
                "name": clean_label(cells[0]),
                "budget": quantity(cells[1], doc, line, "activities"),
                "description": clean_label(cells[2]),
                "goal": clean_label(cells[3]),
                "source_line": line,
            }
            if level == 1:
                self.parent = activity
            self.activities.append(activity)
        if not self.activities:
            doc.warn("activities: an indicator row before any activity; ignored", line)
            return
        if any(c.strip() for c in cells[4:]):
            owner = self.activities[-1]["activity_id"]
            self.indicators.append(
                {
                    "dataset_id": doc.metadata.dataset_id,
                    "activity_id": owner,
                    "indicator_number": sum(1 for i in self.indicators if i["activity_id"] == owner)
                    + 1,
                    "indicator": clean_label(cells[4]),
                    **{
                        grade: clean_label(cell)
                        for grade, cell in zip(GRADES, cells[5:], strict=True)
                    },
                    "source_line": line,
                }
            )
