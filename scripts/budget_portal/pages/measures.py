"""The figures pages and charts show, taken from a dataset's tables with their source lines."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ..metadata.key_figures import KEY_FIGURES, KeyFigure
from ..metadata.units import WAN_YUAN
from ..templates.words import THREE_PUBLIC_ITEMS
from .corpus import Dataset, decimal, exact_wan_yuan, wan_yuan
from .markup import wan


@dataclass
class Reading:
    """One key figure of one document: as the table prints it (in 万元, converted exactly when
    printed in 元) and as the narrative states it, each with the row it was read from."""

    figure: KeyFigure
    table_value: str
    table_row: dict
    narrative_value: str
    narrative_label: str
    narrative_row: dict
    converted: bool = False  # the table prints another unit: agree at the narrative's precision

    @property
    def value(self) -> str:
        """The table's figure, or the narrative's when no table prints it."""
        return self.table_value or self.narrative_value

    @property
    def marked(self) -> str:
        """The value as HTML (万元, two decimals, the exact value on hover) with its provenance
        marks (see MARKS), for tables across documents."""
        if not self.value:
            return "—"
        from_prose = "†" if not self.table_value else ""
        return wan(self.value) + from_prose + ("‡" if self.agreement == "不一致" else "")

    @property
    def agreement(self) -> str:
        table, stated = decimal(self.table_value), decimal(self.narrative_value)
        if table is None or stated is None:
            return "—"
        if self.converted:
            table = table.quantize(Decimal(1).scaleb(stated.as_tuple().exponent), ROUND_HALF_UP)
        return "一致" if table == stated else "不一致"


MARKS = "† 表格中没有该数字，取自情况说明；‡ 表格与情况说明不一致（两者都见文件页的“主要数字”）。"


def key_figures(ds: Dataset) -> list[Reading]:
    if "key_figures" not in ds.lookups:
        ds.lookups["key_figures"] = [reading(ds, figure) for figure in KEY_FIGURES]
    return ds.lookups["key_figures"]


def reading(ds: Dataset, figure: KeyFigure) -> Reading:
    row = figure.find(ds.records(figure.table)) or {}
    unit = row.get("unit") or WAN_YUAN
    stated = ds.figure(figure.narrative_key)
    return Reading(
        figure,
        exact_wan_yuan(row.get(figure.column, ""), unit),
        row,
        stated.get("figure_value", ""),
        stated.get("label", ""),
        stated,
        converted=unit != WAN_YUAN,
    )


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


def memo(ds: Dataset, key: str, make):
    """A figure of a document, computed once (and kept with the document's cached pages, see
    `pages.summary`)."""
    if key not in ds.lookups:
        ds.lookups[key] = make()
    return ds.lookups[key]


def functional_spending(ds: Dataset, level: str = "1") -> pd.DataFrame:
    """支出总表 by function in 万元: code, name, total, basic, project and source line."""
    return memo(ds, f"functional {level}", lambda: _functional_spending(ds, level))


def _functional_spending(ds: Dataset, level: str) -> pd.DataFrame:
    rows = coded_rows(ds, "expenditure", level)
    if rows.empty:
        return pd.DataFrame(columns=["code", "name", "total", "basic", "project", "source_line"])
    out = rows[["code", "name", "source_line"]].copy()
    for column in ("total", "basic", "project"):
        out[column] = wan_yuan(rows, column)
    return out


def economic_basic(ds: Dataset) -> pd.DataFrame:
    """基本支出表 by economic 类 in 万元: code, name, personnel, public, total."""
    return memo(ds, "economic", lambda: _economic_basic(ds))


def _economic_basic(ds: Dataset) -> pd.DataFrame:
    rows = coded_rows(ds, "basic_expenditure", "1")
    if rows.empty:
        return pd.DataFrame(columns=["code", "name", "total", "personnel", "public"])
    out = rows[["code", "name"]].copy()
    for column in ("total", "personnel", "public"):
        out[column] = wan_yuan(rows, column)
    return out


# The three items of 三公 经费, each by the word every wording of it prints (the templates'
# vocabulary: 出国(境)费, 1.公务用车购置费 …), and the one name the pages give it.
THREE_PUBLIC_NAMES = dict(
    zip(THREE_PUBLIC_ITEMS, ("因公出国（境）费", "公务用车购置及运行费", "公务接待费"), strict=True)
)


def three_public_items(ds: Dataset) -> pd.DataFrame:
    """The three items of 三公 经费 in 万元, each under one name whatever the document prints
    (a chart across documents then has three colours, not one per wording); the other level-1
    rows some documents print in the table (会议费, 培训费, 上年结转) are not among them."""
    return memo(ds, "three_public", lambda: _three_public_items(ds))


def three_public_name(printed: str) -> str | None:
    return next((name for word, name in THREE_PUBLIC_NAMES.items() if word in printed), None)


def _three_public_items(ds: Dataset) -> pd.DataFrame:
    frame = ds.frame("three_public")
    if frame.empty:
        return pd.DataFrame(columns=["name", "total"])
    rows = frame[frame["level"] == "1"]
    names = rows["name"].map(three_public_name)
    items = pd.DataFrame({"name": names, "total": wan_yuan(rows, "total")}).dropna(subset="name")
    order = list(THREE_PUBLIC_NAMES.values())
    summed = items.groupby("name", sort=False)["total"].sum(min_count=1).reset_index()
    return summed.sort_values("name", key=lambda n: n.map(order.index), kind="stable")


def label(ds: Dataset) -> str:
    """A short label for a document in charts and tables: agency and year (and 单位预算)."""
    kind = "（单位预算）" if ds.kind == "单位预算" else ""
    return f"{ds.shown_name or ds.meta['agency']} {ds.meta['year']}{kind}"


def row_counts(ds: Dataset) -> dict[str, int]:
    """The rows of each resource of a document's package (the data page adds them up)."""
    return memo(
        ds,
        "row counts",
        lambda: {r["name"]: ds.rows(r["name"]) for r in ds.descriptor["resources"]},
    )


def warning_count(ds: Dataset) -> int:
    return memo(ds, "warnings", lambda: len(ds.records("warnings")))
