"""The key figures of a budget, each with the table cell that prints it and the narrative figure
that states it: one map, used by the audit (narrative against tables) and by the pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..templates.words import TOTAL_LABELS
from ..text import label_key


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    table: str  # one of the nine tables
    column: str
    narrative_key: str  # `narrative_figures.figure_key`
    row: str = ""  # a regex on the row's name; empty: the table's total row (合计)
    table_label: str = ""  # how the audit names the cell

    def find(self, rows: list[dict]) -> dict | None:
        """The row of `rows` (one table's, as dicts) that holds the figure."""
        if self.row:
            return next((r for r in rows if re.search(self.row, r.get("name") or "")), None)
        return next((r for r in rows if is_total(r)), None)


KEY_FIGURES = (
    KeyFigure("income", "收入合计", "income", "total", "overview.income_total"),
    KeyFigure("expenditure", "支出合计", "expenditure", "total", "overview.expenditure_total",
              table_label="支出总表 合计"),
    KeyFigure("basic", "基本支出", "expenditure", "basic", "overview.basic",
              table_label="支出总表 基本支出"),
    KeyFigure("project", "项目支出", "expenditure", "project", "overview.project",
              table_label="支出总表 项目支出"),
    KeyFigure("personnel", "人员经费", "basic_expenditure", "personnel", "overview.personnel",
              table_label="基本支出表 人员经费"),
    KeyFigure("public", "公用经费", "basic_expenditure", "public", "overview.public",
              table_label="基本支出表 公用经费"),
    KeyFigure("three_public", "“三公”经费", "three_public", "total", "three_public.total"),
    KeyFigure("operating_costs", "机关运行经费", "three_public", "total", "operating_costs.total",
              row="机关运行经费"),
)  # fmt: skip


def is_total(row: dict) -> bool:
    """The total row of a table: no code, and 合计 (or 总计) for a name."""
    return not row.get("code") and label_key(row.get("name") or "") in TOTAL_LABELS
