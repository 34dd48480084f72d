"""The figures pages and charts show, taken from a dataset's tables with their source lines."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .corpus import Dataset, amounts, decimal


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    table: str | None  # the table the figure is read from (its 合计 row), None if only in prose
    column: str | None
    narrative_key: str


KEY_FIGURES = (
    KeyFigure("income", "预算收入", "income", "total", "overview.income_total"),
    KeyFigure("expenditure", "预算支出", "expenditure", "total", "overview.expenditure_total"),
    KeyFigure("basic", "基本支出", "expenditure", "basic", "overview.basic"),
    KeyFigure("project", "项目支出", "expenditure", "project", "overview.project"),
    KeyFigure("personnel", "人员经费", "basic_expenditure", "personnel", "overview.personnel"),
    KeyFigure("public", "公用经费", "basic_expenditure", "public", "overview.public"),
    KeyFigure("three_public", "“三公”经费", "three_public", "total", "three_public.total"),
    KeyFigure("operating_costs", "机关运行经费", None, None, "operating_costs.total"),
)


@dataclass
class Reading:
    """One key figure of one document: as the table prints it and as the narrative states it."""

    figure: KeyFigure
    table_value: str
    table_line: str
    narrative_value: str
    narrative_label: str
    narrative_line: str

    @property
    def value(self) -> str:
        """The table's figure, or the narrative's when no table prints it."""
        return self.table_value or self.narrative_value

    @property
    def marked(self) -> str:
        """The value with its provenance marks (see MARKS), for tables across documents."""
        if not self.value:
            return "—"
        from_prose = "†" if not self.table_value else ""
        return self.value + from_prose + ("‡" if self.agreement == "不一致" else "")

    @property
    def agreement(self) -> str:
        left, right = decimal(self.table_value), decimal(self.narrative_value)
        if left is None or right is None:
            return "—"
        return "一致" if left == right else "不一致"


MARKS = "† 表格中没有该数字，取自情况说明；‡ 表格与情况说明不一致（两者都见文件页的“主要数字”）。"


def key_figures(ds: Dataset) -> list[Reading]:
    out = []
    for figure in KEY_FIGURES:
        row = ds.total_row(figure.table) if figure.table else {}
        stated = ds.figure(figure.narrative_key)
        out.append(
            Reading(
                figure,
                row.get(figure.column, ""),
                row.get("source_line", ""),
                stated.get("figure_value", ""),
                stated.get("label", ""),
                stated.get("source_line", ""),
            )
        )
    return out


def key_value(ds: Dataset, key: str) -> float:
    reading = next(r for r in key_figures(ds) if r.figure.key == key)
    value = decimal(reading.value)
    return float(value) if value is not None else float("nan")


def coded_rows(ds: Dataset, table: str, level: str) -> pd.DataFrame:
    """Rows of a coded table at one level (1 类, 2 款, 3 项) that carry a code."""
    frame = ds.frame(table)
    if frame.empty:
        return frame
    return frame[(frame["level"] == level) & (frame["code"] != "")]


def functional_spending(ds: Dataset, level: str = "1") -> pd.DataFrame:
    """支出总表 by function: code, name, total, basic, project (numbers) and source line."""
    rows = coded_rows(ds, "expenditure", level)
    if rows.empty:
        return pd.DataFrame(columns=["code", "name", "total", "basic", "project", "source_line"])
    out = rows[["code", "name", "source_line"]].copy()
    for column in ("total", "basic", "project"):
        out[column] = amounts(rows[column])
    return out


def economic_basic(ds: Dataset) -> pd.DataFrame:
    """基本支出表 by economic 类: code, name, personnel, public, total."""
    rows = coded_rows(ds, "basic_expenditure", "1")
    if rows.empty:
        return pd.DataFrame(columns=["code", "name", "total", "personnel", "public"])
    out = rows[["code", "name"]].copy()
    for column in ("total", "personnel", "public"):
        out[column] = amounts(rows[column])
    return out


def three_public_items(ds: Dataset) -> pd.DataFrame:
    """The numbered 三公 items (level 1) with their totals."""
    frame = ds.frame("three_public")
    if frame.empty:
        return pd.DataFrame(columns=["name", "total"])
    rows = frame[frame["level"] == "1"]
    return pd.DataFrame({"name": rows["name"], "total": amounts(rows["total"])})


def label(ds: Dataset) -> str:
    """A short label for a document in charts and tables: agency and year."""
    return f"{ds.meta['agency']} {ds.meta['year']}"
