"""The settings of the readers of a document's other parts: what a template prints for each.

One frozen dataclass per reader; a template sets the ones it prints (`Template.parts`) and the
reader takes its settings from there.  Patterns are regexes, checked when the template loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields


class Settings:
    """Every `str` field whose name ends in `_pattern` is a regex: compiled once, checked at
    import."""

    def __post_init__(self):
        for f in fields(self):
            if f.name.endswith("_pattern"):
                re.compile(getattr(self, f.name))

    def regex(self, name: str) -> re.Pattern:
        return re.compile(getattr(self, f"{name}_pattern"))


@dataclass(frozen=True)
class Cover(Settings):
    """Where the document says who it is: agency, jurisdiction, year (read/metadata.py)."""

    title_pattern: str  # the document's title: `agency` (may be empty) and `year` groups
    agency_line_pattern: str = r"(?!)"  # a page-header line with a department `code` and `name`
    agency_label_pattern: str = r"(?!)"  # `预算主管部门：name` on a cover
    budget_year_pattern: str = r"(?!)"  # `year` group
    split_year_start: str = ""  # a year label cut from its year by the page (预算年 / 度：2024)
    department_codes: bool = False  # the template prints department codes (in page headers)
    joined_lines: int = 1  # a title wrapped over up to this many lines at the start is joined


@dataclass(frozen=True)
class GridTable(Settings):
    """A table of the narrative found by the first labels of its header row."""

    section: str
    header: tuple[str, ...]
    width: int


@dataclass(frozen=True)
class AssetTable(GridTable):
    items: tuple[tuple[str, str], ...] = ()  # (asset_item, word in the label), first match wins
    as_of_pattern: str = r"(?!)"  # year, month and day groups
    threshold_pattern: str = r"(?!)"  # `N` of 单价在 N 万元以上的设备


@dataclass(frozen=True)
class ProcurementTable(Settings):
    section: str
    source_header: str  # the first cell of the header's first row
    item_header: str  # the first cell of its second row
    leading: tuple[str, ...]  # the fields of the columns before the money columns
    money: tuple[tuple[str, str], ...]  # (printed label, field) of the money columns
    reserved_word: str  # in the first header row: the SME-reserved share, printed last
    reserved_field: str = "sme_reserved"


@dataclass(frozen=True)
class ProjectTables(Settings):
    """项目绩效目标表 (docs/domain.md b.11): rows recognised by their label cell."""

    sections: tuple[str, ...]
    title_pattern: str  # `number` and `title` groups
    fund_prefix_pattern: str
    code_prefix_pattern: str
    hint_pattern: str  # `code` and `amount` groups
    month_pattern: str
    month_value_pattern: str
    code_label: str
    name_label: str
    budget_block: str
    budget_label: str
    fiscal_label: str
    other_label: str
    plan_label: str
    goal_label: str
    indicator_header: str
    plan_months: tuple[tuple[int, str], ...] = (
        (3, "plan_march"),
        (6, "plan_june"),
        (10, "plan_october"),
        (12, "plan_december"),
    )
    width: int = 6


@dataclass(frozen=True)
class ActivityTable(Settings):
    """部门职责-工作活动绩效目标 (docs/domain.md b.12)."""

    section: str
    header: str
    width: int
    header_width: int
    truncated_at: int


@dataclass(frozen=True)
class UnitList(Settings):
    """机构设置 printed as prose: numbered units, and divisions listed after 包括："""

    section: str
    unit_pattern: str  # a numbered unit: `name` and `remark` groups
    divisions_pattern: str  # `parent` and `names` groups


@dataclass(frozen=True)
class ExpenditureItems(Settings):
    """The numbered items that spend by function (财政拨款支出主要内容), read with the shared
    grammar (read/grammar.py: number, classification path, amount, comparison); a template adds
    phrasings of its own, it does not replace the grammar."""

    section: str = ""  # the section they stand in; '' any section
    # the heading (the section's title or a sub-heading above them) that says the items are of
    # the 一般公共预算 spending their checks compare with; '' any heading
    scope_pattern: str = ""
    item_pattern: str = r"(?!)"  # a phrasing of its own: `number`, `path`, `amount` groups
    previous_pattern: str = r"(?!)"  # `label` and `amount`: last year's figure
    restated_pattern: str = r"(?!)"  # `amount`: this year's figure stated again
    change_pattern: str = r"(?!)"  # `direction` and `percent` (the grammar's otherwise)
    purpose_pattern: str = r"主要用于[:：]?(?P<text>[^。]*)"
    reason_pattern: str = r"主要原因是[:：]?(?P<text>[^。]*)"


@dataclass(frozen=True)
class ProjectPages(Settings):
    """项目经费情况说明: a page a project, its parts under numbered headings."""

    section: str
    title_pattern: str  # `name` group (may be empty: the title names no project)
    parts: tuple[tuple[str, str], ...]  # (heading regex, field)
    total_pattern: str  # the year's total in the budget part: `amount` group
    item_pattern: str  # one part of the budget: `label` and `amount` groups


@dataclass(frozen=True)
class AssetStatements(Settings):
    """Vehicles and large equipment stated in prose, as at a date."""

    section: str
    as_of_pattern: str  # year, month, day groups
    held_pattern: str  # the sentence about what is held (not planned)
    vehicles_pattern: str  # `quantity`
    category_pattern: str  # `name` and `quantity` of a kind of vehicle
    equipment_pattern: str  # `threshold` and `quantity`
