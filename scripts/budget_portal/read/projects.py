"""Step 2e: 项目绩效目标表 (docs/domain.md b.11), all four template variants, into projects and indicators.

A table starts at a paragraph ending in 绩效目标表.  Inside it, rows are recognised by their
label cell, not by position, so one reader covers the variants:

* 000: title with a fund prefix (`FM-`, `XZ-`, `ZX23-`), `绩效目标` row, indicator block;
* 001: `项目编码`, `预算规模及资金用途` (预算数, 财政资金, 其他资金), a 资金用途 row, the
  资金支出计划 rows (cumulative 万元 by 3/6/10/12月底, however irregularly printed, c.15),
  `绩效目标` (its label sometimes lost), indicator block with a trailing empty field;
* 002 and 004 (DOCX): a row cut by an empty paragraph inside a cell arrives as several short
  rows and is re-assembled by the known width of 6 (c.8a); titles may carry `[323]` and
  `(2080799 199万)` hints.

一级/二级指标 are printed once per group and carried down.  A lone fragment after a repeated
indicator header that the previous row already ends with is a stray duplicate (c.16).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..model import Document, Paragraph, Row
from ..templates import Template
from ..templates.parts import ProjectPages, ProjectTables
from ..text import clean_label, is_blank, label_key
from .project_pages import project_page_rows
from .registers import quantity
from .sections import Section

INDICATOR_COLUMNS = ("level1", "level2", "level3", "description", "target_value", "basis")
_TARGET = re.compile(r"^(?P<cmp>>=|<=|[≥≤<>=])?\s*(?P<number>-?\d+(?:\.\d+)?)\s*(?P<unit>\S.*)?$")


def project_sections(sections: list[Section], keys: tuple[str, ...]) -> list:
    return [r for s in sections if s.key in keys for r in s.records]


def split_tables(records: list, title: re.Pattern) -> list[tuple[Paragraph, re.Match, list]]:
    tables = []
    for record in records:
        match = title.match(clean_label(record.text)) if isinstance(record, Paragraph) else None
        if match:
            tables.append((record, match, []))
        elif tables:
            tables[-1][2].append(record)
    return tables


def title_fields(title: str, settings: ProjectTables) -> dict:
    out = {
        "title": title,
        "fund_prefix": "",
        "code_prefix": "",
        "code_hint": "",
        "amount_hint": None,
    }
    rest = title
    if match := settings.regex("code_prefix").match(rest):
        out["code_prefix"], rest = match["code"], rest[match.end() :]
    if match := settings.regex("fund_prefix").match(rest):
        out["fund_prefix"] = match["prefix"]
    if match := settings.regex("hint").search(unicodedata.normalize("NFKC", title)):
        out["code_hint"], out["amount_hint"] = match["code"], Decimal(match["amount"])
    return out


def target_parts(value: str) -> tuple[str, Decimal | None, str]:
    """`≥97 百分比` → (≥, 97, 百分比); `100%` → ('', 100, %); text targets → ('', None, '')."""
    match = _TARGET.match(unicodedata.normalize("NFKC", value).strip())
    if not match:
        return "", None, ""
    return match["cmp"] or "", Decimal(match["number"]), (match["unit"] or "").strip()


class ProjectReader:
    """Reads the rows of one 绩效目标表 into a project and its indicators."""

    def __init__(
        self,
        doc: Document,
        settings: ProjectTables,
        project_id: int,
        title: Paragraph,
        match: re.Match,
    ):
        self.doc = doc
        self.settings = settings
        self.months = settings.regex("month")
        self.month_value = settings.regex("month_value")
        self.project = {
            "dataset_id": doc.metadata.dataset_id,
            "project_id": project_id,
            "title_number": int(match["number"]),
            **title_fields(match["title"], settings),
            "project_code": "",
            "project_name": "",
            "budget": None,
            "fiscal_funds": None,
            "other_funds": None,
            "fund_use": "",
            **dict.fromkeys(dict(settings.plan_months).values()),
            "goal": "",
            "source_line": title.line,
        }
        self.indicators: list[dict] = []
        self.state = "head"
        self.pending: list[str] = []
        self.pending_line = 0
        self.month_labels: dict[int, int] = {}
        self.after_header = False

    # -- the head of the table: code, budget, use, plan, goal --------------------------
    def head_row(self, cells: list[str], line: int) -> None:
        labels = self.settings
        keys = [label_key(c) for c in cells]
        first = keys[0] if keys else ""
        if first == labels.code_label:
            self.project["project_code"] = keys[1] if len(keys) > 1 else ""
            self.project["project_name"] = self.after_label(cells, labels.name_label)
        elif first.startswith(labels.budget_block):
            self.project["budget"] = self.amount_after(cells, labels.budget_label, line)
            self.project["fiscal_funds"] = self.amount_after(cells, labels.fiscal_label, line)
            self.project["other_funds"] = self.amount_after(cells, labels.other_label, line)
            self.state = "use"
        elif first.startswith(labels.plan_label) or self.months.fullmatch(first):
            self.plan_labels(cells, line)
            self.state = "plan"
        elif first == labels.goal_label:
            self.add_goal(cells[1:])
            self.state = "goal"
        elif not first and any(keys):
            self.unlabelled(cells, line)

    def after_label(self, cells: list[str], label: str) -> str:
        keys = [label_key(c) for c in cells]
        if label not in keys:
            return ""
        rest = [clean_label(c) for c in cells[keys.index(label) + 1 :] if c.strip()]
        return rest[0] if rest else ""

    def amount_after(self, cells: list[str], label: str, line: int):
        keys = [label_key(c).replace("：", ":") for c in cells]
        if label not in keys:
            return None
        index = keys.index(label) + 1
        return quantity(cells[index] if index < len(cells) else "", self.doc, line, "projects")

    def plan_labels(self, cells: list[str], line: int) -> None:
        """A 3/6/10/12月底 label row; `12 月底 | 20.95` on one row is label and value (c.15)."""
        self.month_labels = {}
        for index, cell in enumerate(cells):
            if match := self.months.fullmatch(label_key(cell)):
                month = int(match.group(1))
                value = cells[index + 1] if index + 1 < len(cells) else ""
                if index == 0 and value.strip():
                    self.set_plan(month, value, line)
                else:
                    self.month_labels[month] = index

    def set_plan(self, month: int, value: str, line: int) -> None:
        field = dict(self.settings.plan_months).get(month)
        if field and self.project[field] is None:
            self.project[field] = quantity(value, self.doc, line, "projects")

    def unlabelled(self, cells: list[str], line: int) -> None:
        texts = [clean_label(c) for c in cells if c.strip()]
        if self.state == "use":
            self.project["fund_use"] = " ".join(texts)
            self.state = "after-use"
        elif self.state == "plan" and self.month_labels:
            for month, index in self.month_labels.items():
                if index < len(cells) and not self.month_value.fullmatch(label_key(cells[index])):
                    self.set_plan(month, cells[index], line)
            for cell in cells:  # `12月底 16.59` in one cell (001:1096)
                if match := self.month_value.fullmatch(label_key(cell)):
                    self.set_plan(int(match.group(1)), match.group(2), line)
            self.month_labels = {}
        elif self.state in ("plan", "goal", "after-use"):
            if self.state != "goal" and not self.project["goal"]:
                self.doc.warn("projects: 绩效目标 label missing; the row is read as the goal", line)
            self.add_goal(cells)
            self.state = "goal"

    def add_goal(self, cells: list[str]) -> None:
        text = " ".join(clean_label(c) for c in cells if c.strip())
        self.project["goal"] = f"{self.project['goal']} {text}".strip()

    # -- the indicator block --------------------------------------------------------------
    def indicator_cells(self, cells: list[str], line: int) -> None:
        """Collect cells until a whole row of 6 (DOCX rows cut by an empty paragraph)."""
        if not self.pending:
            self.pending_line = line
        self.pending += list(cells)
        width = self.settings.width
        if len(self.pending) >= width:
            row, extra = self.pending[:width], self.pending[width:]
            if any(c.strip() for c in extra):
                self.doc.warn(f"projects: indicator row has extra cells {extra}", self.pending_line)
            self.pending = []
            self.add_indicator(row, self.pending_line)

    def add_indicator(self, cells: list[str], line: int) -> None:
        values = dict(zip(INDICATOR_COLUMNS, (clean_label(c) for c in cells), strict=True))
        filled = [k for k, v in values.items() if v]
        if self.after_header and self.indicators and len(filled) == 1:
            self.fragment(filled[0], values[filled[0]], line)
            return
        self.after_header = False
        previous = self.indicators[-1] if self.indicators else {}
        if not values["level1"]:
            values["level1"] = previous.get("level1", "")
            values["level2"] = values["level2"] or previous.get("level2", "")
        elif not values["level2"]:
            values["level2"] = (
                previous.get("level2", "") if previous.get("level1") == values["level1"] else ""
            )
        comparator, number, unit = target_parts(values["target_value"])
        self.indicators.append(
            {
                "dataset_id": self.project["dataset_id"],
                "project_id": self.project["project_id"],
                "indicator_number": len(self.indicators) + 1,
                **values,
                "comparator": comparator,
                "target_number": number,
                "target_unit": unit,
                "source_line": line,
            }
        )

    def fragment(self, column: str, text: str, line: int) -> None:
        """A lone fragment after a repeated header: the tail of the row above (c.16)."""
        last = self.indicators[-1]
        if last[column].endswith(text):
            self.doc.warn(
                f"projects: stray fragment {text!r} already ends the row above; dropped", line
            )
        else:
            last[column] += text
            self.doc.warn(f"projects: fragment {text!r} joined to the row above", line)

    def read(self, records: list) -> None:
        for record in records:
            if not isinstance(record, Row):
                continue
            cells = list(record.cells)
            key = label_key(cells[0]) if cells else ""
            if key == self.settings.indicator_header:
                self.state, self.after_header, self.pending = (
                    "indicators",
                    bool(self.indicators),
                    [],
                )
                continue
            if self.state == "indicators":
                if not is_blank(cells) or self.pending:
                    self.indicator_cells(cells, record.line)
            elif not is_blank(cells):
                self.head_row(cells, record.line)
        if self.pending and any(c.strip() for c in self.pending):
            self.doc.warn(f"projects: incomplete indicator row {self.pending}", self.pending_line)


def project_rows(
    doc: Document, sections: list[Section], template: Template
) -> tuple[list[dict], list[dict], list[dict]]:
    """(projects, their performance indicators, the parts of their budgets)."""
    settings = template.part("projects")
    if isinstance(settings, ProjectPages):
        projects, items = project_page_rows(doc, sections, settings)
        return projects, [], items
    projects: list[dict] = []
    indicators: list[dict] = []
    if not isinstance(settings, ProjectTables):
        return projects, indicators, []
    records = project_sections(sections, settings.sections)
    for title, match, body in split_tables(records, settings.regex("title")):
        reader = ProjectReader(doc, settings, len(projects) + 1, title, match)
        reader.read(body)
        projects.append(reader.project)
        indicators += reader.indicators
    return projects, indicators, []
