"""Step 3a, family `arithmetic`: the nine tables add up, within each table and across them.

Rows are compared in 万元 (tables printed in 元 are converted exactly); sums are exact
(Decimal), so a failure is a real disagreement at printed precision.  The template says which
rows play which role (本年收入合计, 收入总计…) and which columns it prints.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..metadata.key_figures import is_total
from ..metadata.registry import FIELDS, TABLES
from ..metadata.units import WAN_YUAN, to_wan_yuan
from ..read.tables import ZERO, Table
from ..templates import Template, words
from ..text import label_key, strip_numbering
from .check import Check, make_check


def table_title(key: str) -> str:
    return TABLES[key].title.removeprefix("部门预算")


def measure_title(measure: str) -> str:
    return FIELDS[measure].title


_INCOME = TABLES["income"].fields
# 收入总表's source columns: everything printed between 小计 and 上年结转.
INCOME_SOURCES = _INCOME[_INCOME.index("subtotal") + 1 : _INCOME.index("carryover")]
EXPENDITURE_PARTS = (
    "basic",
    "project",
    "operating",
    "remittance_to_superior",
    "subsidy_to_subordinate",
)
SIDES = {"income": "收入", "expenditure": "支出"}
FUNDS = ("general_budget", "government_fund", "state_capital")
FUND_TABLES = {
    "general_budget": "general_budget_expenditure",
    "government_fund": "government_fund_expenditure",
    "state_capital": "state_capital_expenditure",
}
# The row by which a 决算's side settles the year beside its carry-over (summary row roles).
SETTLED = {"income": "income_balance_used", "expenditure": "expenditure_distribution"}
FUNCTIONAL_ECONOMIC_LINKS = (("2080505", "30108"), ("2080506", "30109"), ("2210201", "30113"))
PERSONNEL_CLASSES, PUBLIC_CLASSES = ("301", "303"), ("302", "310")
# Checks that add up the columns of one row: a column no field fits may be one of the parts.
ROW_SUMS = frozenset(
    (
        "summary.expenditure_parts",
        "income.total",
        "income.subtotal",
        "expenditure.total",
        "appropriation.funds",
        "general_budget.total",
        "basic.total",
    )
)


# --- reading rows -------------------------------------------------------------------------


class Unread(Decimal):
    """The amount of a column its table does not print: 0 that remembers it was never read.
    Whatever it is added to or taken from is unread too, so the check it feeds says it could
    not run instead of passing as 0 = 0."""

    def __add__(self, other):
        return Unread(Decimal(self) + Decimal(other))

    __radd__ = __add__

    def __sub__(self, other):
        return Unread(Decimal(self) - Decimal(other))

    def __rsub__(self, other):
        return Unread(Decimal(other) - Decimal(self))


UNREAD = Unread(0)


def value(row: dict | None, measure: str) -> Decimal:
    """A row's amount in a column, 0 when blank; `UNREAD` for a column its table does not
    print."""
    if row is not None and measure not in row:
        return UNREAD
    return (row or {}).get(measure) or ZERO


def plain_amount(amount):
    return Decimal(amount) if isinstance(amount, Unread) else amount


def total_row(rows: list[dict]) -> dict | None:
    return next((r for r in rows if is_total(r)), None)


def repeated_codes(rows: list[dict]) -> bool:
    """Whether a code stands on more than one row: the table is not a hierarchy of codes but
    crosses them with units or another classification (北京: 项 codes once per unit)."""
    codes = [r["code"] for r in rows if r.get("code")]
    return len(codes) != len(set(codes))


def coded_rows(rows: list[dict]) -> dict[str, dict]:
    by_code: dict[str, dict] = {}
    for row in rows:
        if row.get("code"):
            by_code.setdefault(row["code"], row)
    return by_code


def row_labelled(rows: list[dict], column: str, key: str) -> dict | None:
    """The row labelled `key`, numbered or not (二、上年结转结余 is 上年结转结余)."""
    return next(
        (
            r
            for r in rows
            if key in (label_key(r.get(column) or ""), strip_numbering(r.get(column) or ""))
        ),
        None,
    )


def numbered(rows: list[dict], column: str, before: dict | None) -> list[dict]:
    """The numbered items (一、二、…) of one side, above the side's 本年…合计 row."""
    limit = before["row_number"] if before else float("inf")
    return [
        r
        for r in rows
        if r["row_number"] < limit and words.NUMBERED.match(label_key(r.get(column) or ""))
    ]


def side_items(rows: list[dict], column: str, total: dict | None) -> list[dict]:
    """The items a side's total adds up, in whichever outline the side prints them: its
    一、二、 rows above the total (河北); the （一）（二） rows under a total itself numbered
    (一、本年收入, 一、本年支出: the Ministry of Finance's layout, 苏州 and 无锡); else, on the
    expenditure side, the rows that name a function 类 (杭州, 湖州: 类, 款 and 项 by name only),
    each 类 once.  [] when the side has no items it is known to add up."""
    if above := numbered(rows, column, total):
        return above
    if total is not None and words.NUMBERED.match(label_key(total.get(column) or "")):
        return next((parts for item, parts in sub_items(rows, column) if item is total), [])
    if column != "expenditure_name":
        return []
    limit = total["row_number"] if total else float("inf")
    first = {}
    for row in rows:
        if row["row_number"] < limit and row.get("expenditure_code"):
            first.setdefault(row["expenditure_code"], row)
    return list(first.values())


def total_of(rows, measure: str) -> Decimal:
    return sum((value(r, measure) for r in rows), ZERO)


class Audit:
    """Collects checks; each identity is one method."""

    def __init__(self, tables: dict[str, Table], template: Template):
        self.tables = tables
        self.template = template
        self.rows = {key: in_wan_yuan(table) for key, table in tables.items()}
        self.budget = template.document_type == "budget"  # else a 决算: the year's actuals
        self.checks: list[Check] = []

    def converted(self, key: str) -> bool:
        """Whether a table's amounts were printed in another unit than 万元."""
        return key in self.tables and self.tables[key].unit != WAN_YUAN

    def role(self, rows: list[dict], column: str, role: str) -> dict | None:
        """The row of a two-sided table the template labels `role` (本年收入合计, 收入总计…)."""
        for label in self.template.summary_rows.get(role, ()):
            if row := row_labelled(rows, column, label):
                return row
        return None

    def role_label(self, role: str, row: dict | None, column: str) -> str:
        labels = self.template.summary_rows.get(role, ())
        return labels[0] if labels else (row or {}).get(column, "")

    def year_total(self, rows: list[dict], column: str, side: str) -> tuple[dict | None, str]:
        """A side's 本年…合计 row and its label; a side that prints none (湖州) has only its grand
        total, which its items and carry-over add up to."""
        for role in (f"{side}_year_total", f"{side}_grand_total"):
            if row := self.role(rows, column, role):
                return row, self.role_label(role, row, column)
        return None, self.role_label(f"{side}_year_total", None, column)

    def printed(self, key: str, measures) -> tuple[str, ...]:
        """The measures of `measures` a table prints a column for."""
        return tuple(m for m in measures if m in self.tables[key].printed)

    def equal(self, check, description, table, left, right, *args, **kwargs):
        """Record a check; one that read a column its table does not print, or that adds up a
        row of a table with columns no field fits (a part left out), was not checked."""
        sides = (left, right)
        unread = any(isinstance(amount, Unread) for _, amount in sides)
        left, right = ((label, plain_amount(amount)) for label, amount in sides)
        made = make_check(check, description, table, left, right, *args, **kwargs)
        partial = check in ROW_SUMS and table in self.tables and self.tables[table].unread
        made.missing = made.missing or unread or bool(partial)
        self.checks.append(made)

    def run(self) -> list[Check]:
        present = {k for k, t in self.tables.items() if t.rows}
        budget = self.budget
        steps = (
            ({"income_expenditure_summary"}, self.summary_totals),
            ({"income"}, self.income_rows),
            ({"income"}, lambda: self.hierarchy("income")),
            ({"expenditure"}, self.expenditure_rows),
            ({"expenditure"}, lambda: self.hierarchy("expenditure")),
            ({"income_expenditure_summary", "income", "expenditure"}, self.summary_vs_tables),
            ({"income", "expenditure"}, self.income_vs_expenditure if budget else None),
            ({"fiscal_appropriation_summary"}, self.appropriation_summary),
            ({"general_budget_expenditure"}, self.general_budget),
            (
                {"government_fund_expenditure"},
                lambda: self.hierarchy("government_fund_expenditure"),
            ),
            ({"state_capital_expenditure"}, lambda: self.hierarchy("state_capital_expenditure")),
            ({"basic_expenditure"}, self.basic),
            ({"basic_expenditure", "general_budget_expenditure"}, self.basic_vs_general),
            ({"expenditure", "general_budget_expenditure"}, self.basic_at_least),
            ({"basic_expenditure", "general_budget_expenditure"}, self.functional_economic),
            ({"three_public"}, self.three_public),
            ({"government_fund_expenditure"}, self.fund_balances),
        )
        for needs, step in steps:
            if step and needs <= present:
                step()
        return self.checks

    # identity 1 -----------------------------------------------------------------------
    def summary_totals(self):
        key = "income_expenditure_summary"
        rows = self.rows[key]
        sides = (
            ("income_name", "income", "income"),
            ("expenditure_name", "expenditure", "expenditure"),
        )
        totals = {}
        for column, measure, side in sides:
            carry_row = self.role(rows, column, f"{side}_carryover")
            grand_row = self.role(rows, column, f"{side}_grand_total")
            target, target_label = self.year_total(rows, column, side)
            carry = self.role_label(f"{side}_carryover", carry_row, column)
            # a 决算's year also draws on 使用非财政拨款结余 and gives to 结余分配
            extra = self.role(rows, column, SETTLED[side])
            if extra is not None:
                carry = f"{self.role_label(SETTLED[side], extra, column)} + {carry}"
            grand = self.role_label(f"{side}_grand_total", grand_row, column)
            by_grand = target is not None and target is grand_row
            items = [r for r in side_items(rows, column, target) if r not in (carry_row, extra)]
            self.equal(
                f"summary.{measure}_items",
                f"收支总表：{target_label} = 各{SIDES[measure]}项目之和"
                + (f" + {carry}" if by_grand else ""),
                key,
                (target_label, value(target, measure)),
                (
                    f"{len(items)} 个{SIDES[measure]}项目之和",
                    total_of(items, measure)
                    + (value(carry_row, measure) + value(extra, measure) if by_grand else ZERO),
                ),
                (target, *items),
                missing=not items,  # which rows are the items is unknown
            )
            if target is not None and not by_grand:
                self.equal(
                    f"summary.{measure}_grand_total",
                    f"收支总表：{grand} = {target_label} + {carry}",
                    key,
                    (grand, value(grand_row, measure)),
                    (
                        f"{target_label} + {carry}",
                        value(target, measure) + value(carry_row, measure) + value(extra, measure),
                    ),
                    (grand_row, target, carry_row, extra),
                )
            self.item_parts(key, rows, column, (measure,))
            totals[measure] = grand_row
        self.equal(
            "summary.balance",
            "收支总表：收入总计 = 支出总计",
            key,
            ("收入总计", value(totals["income"], "income")),
            ("支出总计", value(totals["expenditure"], "expenditure")),
            (totals["income"], totals["expenditure"]),
        )
        parts = self.printed(key, ("personnel", "public", "project"))
        if parts:
            for row in rows:
                if row.get("expenditure") is None:
                    continue
                self.equal(
                    "summary.expenditure_parts",
                    "收支总表每行：支出合计 = " + " + ".join(measure_title(p) for p in parts),
                    key,
                    ("合计", value(row, "expenditure")),
                    ("各项之和", sum((value(row, p) for p in parts), ZERO)),
                    (row,),
                    code=row.get("expenditure_code") or "",
                    name=row["expenditure_name"],
                )

    def item_parts(self, key: str, rows: list[dict], column: str, measures) -> None:
        """A numbered item (一、财政拨款收入) = its numbered parts below it (1. 一般公共预算资金…)."""
        for item, parts in sub_items(rows, column):
            for measure in measures:
                self.equal(
                    f"summary.{column.removesuffix('_name')}_item_parts",
                    f"{table_title(key)}：项目 = 其下各分项之和",
                    key,
                    (item[column], value(item, measure)),
                    ("、".join(p[column] for p in parts), total_of(parts, measure)),
                    (item, *parts),
                    name=item[column],
                )

    # identities 2, 4 ------------------------------------------------------------------
    def income_rows(self):
        sources = self.printed("income", INCOME_SOURCES)
        subtotal = "subtotal" in self.tables["income"].printed
        for row in self.rows["income"]:
            code, name = row.get("code", ""), row["name"]
            if subtotal:
                self.equal(
                    "income.total",
                    "收入总表每行：合计 = 本年收入小计 + 上年结转",
                    "income",
                    ("合计", value(row, "total")),
                    ("小计 + 上年结转", value(row, "subtotal") + value(row, "carryover")),
                    (row,),
                    code=code,
                    name=name,
                )
            self.equal(
                "income.subtotal" if subtotal else "income.total",
                "收入总表每行：小计 = 财政拨款收入 + … + 其他收入"
                if subtotal
                else "收入总表每行：合计 = " + " + ".join(measure_title(m) for m in sources),
                "income",
                ("小计" if subtotal else "合计", value(row, "subtotal" if subtotal else "total")),
                (
                    "各项收入之和",
                    sum((value(row, m) for m in sources), ZERO)
                    # a 决算's 收入决算表 holds the year's income only
                    + (ZERO if subtotal or not self.budget else value(row, "carryover")),
                ),
                (row,),
                code=code,
                name=name,
            )

    def expenditure_rows(self):
        parts = self.printed("expenditure", EXPENDITURE_PARTS)
        description = (
            "支出总表每行：合计 = 基本支出 + 项目支出 + 经营支出 + 上解上级 + 对附属单位补助"
            if parts == EXPENDITURE_PARTS
            else "支出总表每行：合计 = " + " + ".join(measure_title(m) for m in parts)
        )
        for row in self.rows["expenditure"]:
            self.equal(
                "expenditure.total",
                description,
                "expenditure",
                ("合计", value(row, "total")),
                ("各项支出之和", sum((value(row, m) for m in parts), ZERO)),
                (row,),
                code=row.get("code", ""),
                name=row["name"],
            )

    # identities 3, 4, 8, 9: the classification hierarchy --------------------------------
    def hierarchy(self, key: str):
        spec = self.tables[key].spec
        rows = self.rows[key]
        by_code = coded_rows(rows)
        unchecked = (
            "表中没有科目编码"
            if not by_code
            else "同一编码印在多行（按单位或按另一分类交叉列示）"
            if repeated_codes(rows)
            else "表中只印名称，有的名称找不到编码"
            if self.tables[key].unresolved
            else ""
        )
        if unchecked and any(not is_total(r) for r in rows):
            self.equal(
                f"{key}.hierarchy",
                f"{table_title(key)}：上级科目 = 下级科目之和（{unchecked}，层级无从核对）",
                key,
                ("上级科目", None),
                ("下级科目之和", None),
                rows[:1],
                missing=True,
            )
            return
        children: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            if row.get("parent_code"):
                children[row["parent_code"]].append(row)
        if not any(not is_total(r) for r in rows):
            return  # the total alone: no rows to add up
        # The rows under the total: its 类, or where a table prints no 类 (项 codes only, 泉州),
        # the rows whose parent it does not print.
        top = [r for r in rows if r.get("code") and r.get("parent_code") not in by_code]
        groups = [
            (
                total_row(rows),
                top,
                "合计",
                "各类之和" if all(r.get("level") == 1 for r in top) else "最上级科目之和",
            )
        ]
        groups += [
            (by_code[c], kids, f"{c} {by_code[c]['name']}", "下级科目之和")
            for c, kids in children.items()
            if c in by_code
        ]
        for parent, kids, label, kids_label in groups:
            if parent is None:
                continue
            for measure in self.printed(key, spec.amounts):
                left, right = value(parent, measure), total_of(kids, measure)
                if left == right == ZERO:
                    continue
                self.equal(
                    f"{key}.hierarchy",
                    f"{table_title(key)}：上级科目 = 下级科目之和（{measure_title(measure)}）",
                    key,
                    (f"{label} {measure_title(measure)}", left),
                    (f"{kids_label}（{len(kids)} 行）", right),
                    (parent, *kids),
                    code=parent.get("code", ""),
                    name=parent["name"],
                )

    # identity 5 -----------------------------------------------------------------------
    def summary_vs_tables(self):
        rows = self.rows["income_expenditure_summary"]
        grand = self.role(rows, "income_name", "income_grand_total")
        for key in ("income", "expenditure"):
            row = total_row(self.rows[key])
            # A budget spends all it has (收入总计); a 决算's tables hold the year's figures only.
            side, measure = (
                ("income", "income") if key == "income" else ("expenditure", "expenditure")
            )
            summary, label = (
                (grand, "收入总计") if self.budget else self.year_total(rows, f"{side}_name", side)
            )
            self.equal(
                f"summary.grand_total_vs_{key}",
                f"收支总表 {label} = {table_title(key)} 合计",
                "income_expenditure_summary",
                (f"收支总表 {label}", value(summary, "income" if self.budget else measure)),
                (f"{table_title(key)} 合计", value(row, "total")),
                (summary, row),
            )
        by_class = coded_rows(self.rows["expenditure"])
        summary_rows = {r["expenditure_code"]: r for r in rows if r.get("expenditure_code")}
        for code in sorted(set(summary_rows) | {c for c in by_class if len(c) == 3}):
            left_row, right_row = summary_rows.get(code), by_class.get(code)
            left, right = value(left_row, "expenditure"), value(right_row, "total")
            if left == right == ZERO:
                continue
            self.equal(
                "summary.class_vs_expenditure",
                "收支总表 支出类 = 支出总表 同类合计",
                "income_expenditure_summary",
                (f"收支总表 {(left_row or {}).get('expenditure_name', code)}", left),
                (f"支出总表 {code} 合计", right),
                (left_row, right_row),
                code=code,
                name=(right_row or left_row)["name" if right_row else "expenditure_name"],
            )

    # identity 6 -----------------------------------------------------------------------
    def income_vs_expenditure(self):
        income, spending = coded_rows(self.rows["income"]), coded_rows(self.rows["expenditure"])
        pairs = [(total_row(self.rows["income"]), total_row(self.rows["expenditure"]))]
        pairs += [(income.get(c), spending.get(c)) for c in sorted(set(income) | set(spending))]
        for left, right in pairs:
            row = left or right or {}
            self.equal(
                "income_vs_expenditure",
                "收入总表 合计 = 支出总表 同一科目合计",
                "income",
                ("收入总表 合计", value(left, "total")),
                ("支出总表 合计", value(right, "total")),
                (left, right),
                code=row.get("code", ""),
                name=row.get("name", ""),
            )

    # identity 7 -----------------------------------------------------------------------
    def appropriation_summary(self):
        key = "fiscal_appropriation_summary"
        rows = self.rows[key]
        carry = self.role(rows, "income_name", "appropriation_carryover")
        grand_in = self.role(rows, "income_name", "income_grand_total")
        grand_out = self.role(rows, "expenditure_name", "expenditure_grand_total")
        year_in, in_label = self.year_total(rows, "income_name", "income")
        year_out, out_label = self.year_total(rows, "expenditure_name", "expenditure")
        # A grand total standing for the year's adds the carry-over to the items.
        carry_in = carry if year_in is grand_in else None
        items_in = [r for r in side_items(rows, "income_name", year_in) if r is not carry]
        self.equal(
            "appropriation.income_items",
            f"财政拨款收支总表：{in_label} = 各项财政拨款收入之和"
            + (" + 年初结转和结余" if carry_in else ""),
            key,
            (in_label, value(year_in, "income")),
            ("各项收入之和", total_of(items_in, "income") + value(carry_in, "income")),
            (year_in, *items_in, carry_in),
            missing=not items_in,
        )
        if carry:
            # its parts: numbered (一、一般公共预算财政拨款), else the rows naming a fund
            below = [
                r
                for r in rows
                if r["row_number"] > carry["row_number"]
                and (grand_in is None or r["row_number"] < grand_in["row_number"])
            ]
            parts = [
                r for r in below if words.NUMBERED.match(label_key(r.get("income_name") or ""))
            ]
            parts = parts or [
                r
                for r in below
                if words.FUND_WORDS.match(strip_numbering(r.get("income_name") or ""))
            ]
            self.equal(
                "appropriation.carryover_items",
                "财政拨款收支总表：年初结转和结余 = 各类资金结转之和",
                key,
                ("年初财政拨款结转和结余", value(carry, "income")),
                ("各类资金结转之和", total_of(parts, "income")),
                (carry, *parts),
                missing=not parts,  # no parts printed that it is known to add up
            )
        if year_in is not grand_in:
            self.equal(
                "appropriation.grand_total",
                f"财政拨款收支总表：收入总计 = {in_label} + 年初结转和结余",
                key,
                ("收入总计", value(grand_in, "income")),
                (f"{in_label} + 年初结转和结余", value(year_in, "income") + value(carry, "income")),
                (grand_in, year_in, carry),
                missing=year_in is None,
            )
        self.equal(
            "appropriation.balance",
            "财政拨款收支总表：收入总计 = 支出总计",
            key,
            ("收入总计", value(grand_in, "income")),
            ("支出总计", value(grand_out, "total")),
            (grand_in, grand_out),
        )
        carry_out = (
            self.role(rows, "expenditure_name", "expenditure_carryover")
            if year_out is grand_out
            else None
        )
        items_out = [
            r for r in side_items(rows, "expenditure_name", year_out) if r is not carry_out
        ]
        for measure in ("total", *FUNDS):
            self.equal(
                "appropriation.expenditure_items",
                f"财政拨款收支总表：{out_label} = 各类支出之和（{measure_title(measure)}）"
                + (" + 年末结转和结余" if carry_out else ""),
                key,
                (f"{out_label} {measure_title(measure)}", value(year_out, measure)),
                ("各类支出之和", total_of(items_out, measure) + value(carry_out, measure)),
                (year_out, *items_out, carry_out),
                missing=not items_out,
            )
        carried_out = self.role(rows, "expenditure_name", "expenditure_carryover")
        if carried_out is not None and year_out is not None and year_out is not grand_out:
            for measure in ("total", *FUNDS):
                self.equal(
                    "appropriation.expenditure_grand_total",
                    f"财政拨款收支总表：支出总计 = {out_label} + 年末结转和结余"
                    f"（{measure_title(measure)}）",
                    key,
                    (f"支出总计 {measure_title(measure)}", value(grand_out, measure)),
                    (
                        f"{out_label} + 年末结转和结余",
                        value(year_out, measure) + value(carried_out, measure),
                    ),
                    (grand_out, year_out, carried_out),
                )
        for row in rows:
            if row.get("total") is None:
                continue
            self.equal(
                "appropriation.funds",
                "财政拨款收支总表每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营",
                key,
                ("合计", value(row, "total")),
                (
                    "三类资金之和",
                    total_of([row], "general_budget")
                    + value(row, "government_fund")
                    + value(row, "state_capital"),
                ),
                (row,),
                code=row.get("expenditure_code") or "",
                name=row["expenditure_name"],
            )
        if "income" in self.tables:
            income_total = total_row(self.rows["income"])
            self.equal(
                "appropriation.vs_income",
                f"财政拨款收支总表 {in_label} = 收入总表 合计的财政拨款收入",
                key,
                (in_label, value(year_in, "income")),
                ("收入总表 合计 财政拨款收入", value(income_total, "fiscal_appropriation")),
                (year_in, income_total),
            )
        for fund, fund_key in FUND_TABLES.items():
            fund_rows = coded_rows(self.rows.get(fund_key, []))
            for row in items_out:
                code = row.get("expenditure_code")
                other = fund_rows.get(code)
                left, right = value(row, fund), value(other, "total")
                if not code or left == right == ZERO:
                    continue
                self.equal(
                    "appropriation.class_vs_fund_table",
                    f"财政拨款收支总表 {measure_title(fund)} 类 = {table_title(fund_key)} 同类合计",
                    key,
                    (f"{row['expenditure_name']} {measure_title(fund)}", left),
                    (f"{table_title(fund_key)} {code} 合计", right),
                    (row, other),
                    code=code,
                    name=row["expenditure_name"],
                )

    # identity 8 -----------------------------------------------------------------------
    def general_budget(self):
        key = "general_budget_expenditure"
        for row in self.rows[key]:
            self.equal(
                "general_budget.total",
                "一般公共预算支出表每行：合计 = 基本支出 + 项目支出",
                key,
                ("合计", value(row, "total")),
                ("基本支出 + 项目支出", value(row, "basic") + value(row, "project")),
                (row,),
                code=row.get("code", ""),
                name=row["name"],
            )
        self.hierarchy(key)
        rows = self.rows.get("fiscal_appropriation_summary")
        if not rows:
            return
        if not self.budget:
            self.general_budget_spent(rows)
            return
        carry = self.role(rows, "income_name", "appropriation_carryover")
        general = [r for r in rows if "一般公共预算" in label_key(r.get("income_name") or "")]
        this_year = general[:1]
        carried = [r for r in general[1:] if carry and r["row_number"] > carry["row_number"]]
        total = total_row(self.rows[key])
        self.equal(
            "general_budget.vs_appropriation",
            "一般公共预算支出表 合计 = 一般公共预算拨款收入 + 一般公共预算结转",
            key,
            ("一般公共预算支出表 合计", value(total, "total")),
            (
                "财政拨款收支总表 一般公共预算拨款（含年初结转）",
                total_of(this_year + carried, "income"),
            ),
            (total, *this_year, *carried),
        )

    def general_budget_spent(self, rows: list[dict]) -> None:
        """A 决算 spends what it received and carried in, less what it carries out: its
        一般公共预算支出表 合计 is the 一般公共预算 column of the 财政拨款 summary's 本年支出合计."""
        key = "general_budget_expenditure"
        year_out, out_label = self.year_total(rows, "expenditure_name", "expenditure")
        total = total_row(self.rows[key])
        self.equal(
            "general_budget.vs_appropriation_spent",
            f"一般公共预算支出表 合计 = 财政拨款收支总表 {out_label}的一般公共预算财政拨款",
            key,
            ("一般公共预算支出表 合计", value(total, "total")),
            (f"财政拨款收支总表 {out_label} 一般公共预算", value(year_out, "general_budget")),
            (total, year_out),
        )

    # identities 9, 10, 11 -------------------------------------------------------------
    def basic(self):
        key = "basic_expenditure"
        if self.tables[key].blocks:
            self.block_totals(key)
        # printed in blocks, a row's figure is its total and its block's part: nothing to add up
        for row in self.rows[key] if not self.tables[key].blocks else ():
            self.equal(
                "basic.total",
                "基本支出表每行：合计 = 人员经费 + 公用经费",
                key,
                ("合计", value(row, "total")),
                ("人员经费 + 公用经费", value(row, "personnel") + value(row, "public")),
                (row,),
                code=row.get("code", ""),
                name=row["name"],
            )
        self.hierarchy(key)
        by_code = coded_rows(self.rows[key])
        for measure, classes in (("personnel", PERSONNEL_CLASSES), ("public", PUBLIC_CLASSES)):
            total = self.measure_total(key, measure)
            parts = [by_code[c] for c in classes if c in by_code] or [None]  # no codes: unknown
            self.equal(
                f"basic.{measure}_by_class",
                f"基本支出表：{measure_title(measure)} = {' + '.join(classes)} 类合计",
                key,
                (f"合计 {measure_title(measure)}", value(total, measure)),
                (" + ".join(classes), total_of(parts, "total")),
                (total, *parts),
            )

    def measure_total(self, key: str, measure: str) -> dict | None:
        """The row totalling `measure`: the 合计 row, or in a table printed in blocks the
        block's own totals row (人员经费合计)."""
        rows = self.rows[key]
        if not self.tables[key].blocks:
            return total_row(rows)
        return next((r for r in rows if r.get("level") is None and r.get(measure)), None)

    def block_totals(self, key: str) -> None:
        """A table printed in blocks (人员经费 | 公用经费): each block's totals row = Σ its 类."""
        rows = self.rows[key]
        classes = [r for r in rows if r.get("level") == 1]
        for row in rows:
            measure = next((m for m in ("personnel", "public") if row.get(m)), None)
            if row.get("level") is not None or measure is None:
                continue
            self.equal(
                "basic.block_totals",
                f"基本支出表：{measure_title(measure)}合计 = 其下各类之和",
                key,
                (row["name"], value(row, measure)),
                (f"{measure_title(measure)}各类之和", total_of(classes, measure)),
                (row, *[r for r in classes if r.get(measure)]),
                name=row["name"],
            )

    def basic_vs_general(self):
        key = "basic_expenditure"
        general = total_row(self.rows["general_budget_expenditure"])
        if self.tables[key].blocks:  # its total is its blocks' totals (人员经费合计 + 公用经费合计)
            parts = [self.measure_total(key, m) for m in ("personnel", "public")]
            label, amount = "人员经费合计 + 公用经费合计", total_of(parts, "total")
        else:
            parts = [total_row(self.rows[key])]
            label, amount = "基本支出表 合计", value(parts[0], "total")
        self.equal(
            "basic.vs_general_budget",
            "基本支出表 合计 = 一般公共预算支出表 合计的基本支出",
            key,
            (label, amount),
            ("一般公共预算支出表 基本支出", value(general, "basic")),
            (*parts, general),
            split=len(parts),
        )

    # identity 12 ----------------------------------------------------------------------
    def basic_at_least(self):
        spending = total_row(self.rows["expenditure"])
        general = total_row(self.rows["general_budget_expenditure"])
        self.equal(
            "expenditure.basic_at_least_general",
            "支出总表 基本支出 ≥ 一般公共预算支出表 基本支出",
            "expenditure",
            ("支出总表 基本支出", value(spending, "basic")),
            ("一般公共预算支出表 基本支出", value(general, "basic")),
            (spending, general),
            at_least=True,
        )

    # identity 13 ----------------------------------------------------------------------
    def functional_economic(self):
        if any(
            map(
                repeated_codes,
                (self.rows["general_budget_expenditure"], self.rows["basic_expenditure"]),
            )
        ):
            return  # a code on several rows: its one amount is not printed
        functional = coded_rows(self.rows["general_budget_expenditure"])
        economic = coded_rows(self.rows["basic_expenditure"])
        for f_code, e_code in FUNCTIONAL_ECONOMIC_LINKS:
            f_row, e_row = functional.get(f_code), economic.get(e_code)
            left, right = value(f_row, "basic"), value(e_row, "total")
            if left == right == ZERO:
                continue
            self.equal(
                "functional_economic_link",
                f"功能分类 {f_code} 基本支出 = 经济分类 {e_code} 合计",
                "basic_expenditure",
                (f"一般公共预算支出表 {f_code} 基本支出", left),
                (f"基本支出表 {e_code} 合计", right),
                (f_row, e_row),
                code=e_code,
                name=(e_row or f_row)["name"],
            )

    # identity 14 ----------------------------------------------------------------------
    def three_public(self):
        key = "three_public"
        rows = self.rows[key]
        for row in rows if self.printed(key, FUNDS) else ():
            self.equal(
                "three_public.funds",
                "“三公”表每行：合计 = 各类资金之和",
                key,
                ("合计", value(row, "total")),
                ("三类资金之和", sum((value(row, f) for f in FUNDS), ZERO)),
                (row,),
                name=row["name"],
            )
        tops = [r for r in rows if r["level"] == 1]
        items = [r for r in tops if any(w in r["name"] for w in words.THREE_PUBLIC_ITEMS)]
        extras = [r for r in tops if r not in items]
        grand = next((r for r in rows if label_key(r["name"]) in words.TOTAL_LABELS), None)
        subtotal = next((r for r in rows if r["level"] == 0 and r is not grand), None)
        target = subtotal or grand
        if target is None:
            return  # a table without its 合计 has nothing to add up to (and says so: no check)
        # each phase printed: the budget's figures, or a 决算's 决算数 and 预算数 side by side
        for measure in self.printed(key, ("total", "budgeted")):
            phase = f"（{measure_title(measure)}）" if measure != "total" else ""
            self.equal(
                "three_public.items",
                "“三公”经费 = 因公出国（境）费 + 公务用车购置及运维费 + 公务接待费" + phase,
                key,
                (target["name"], value(target, measure)),
                ("三项之和", total_of(items, measure)),
                (target, *items),
                name=target["name"],
            )
            if subtotal and grand:
                self.equal(
                    "three_public.grand_total",
                    "“三公”表：合计 = “三公”经费小计 + 其他项目" + phase,
                    key,
                    ("合计", value(grand, measure)),
                    (
                        "小计 + " + " + ".join(r["name"] for r in extras) if extras else "小计",
                        value(subtotal, measure) + total_of(extras, measure),
                    ),
                    (grand, subtotal, *extras),
                    name="合计",
                )
            for top in tops:
                parts = [r for r in rows if r["level"] == 2 and _parent(rows, r) is top]
                if parts:
                    self.equal(
                        "three_public.parts",
                        "“三公”表：项目 = 其中各项之和" + phase,
                        key,
                        (top["name"], value(top, measure)),
                        ("其中各项之和", total_of(parts, measure)),
                        (top, *parts),
                        name=top["name"],
                    )

    def fund_balances(self) -> None:
        """A 决算's 政府性基金 table per row: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余."""
        key = "government_fund_expenditure"
        if "opening_balance" not in self.tables[key].printed:
            return
        for row in self.rows[key]:
            self.equal(
                "government_fund.balance",
                "政府性基金表每行：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余",
                key,
                ("年末结转和结余", value(row, "closing_balance")),
                (
                    "年初结转和结余 + 本年收入 − 本年支出",
                    value(row, "opening_balance") + value(row, "year_income") - value(row, "total"),
                ),
                (row,),
                code=row.get("code", ""),
                name=row["name"],
            )


def _parent(rows: list[dict], row: dict) -> dict | None:
    """The nearest level-1 row above a level-2 row of the 三公 table."""
    above = [r for r in rows if r["row_number"] < row["row_number"] and r["level"] in (0, 1)]
    return above[-1] if above else None


def in_wan_yuan(table: Table) -> list[dict]:
    """A table's rows with every amount in 万元, converted exactly (the audit compares tables
    printed in 元 with a narrative in 万元)."""
    amounts = [m for m in table.spec.amounts if m in table.printed]
    unprinted = set(table.spec.amounts) - set(amounts)
    return [
        {k: v for k, v in row.items() if k not in unprinted}
        | {m: to_wan_yuan(row.get(m), table.unit) for m in amounts}
        for row in table.records()
    ]


def sub_items(rows: list[dict], column: str) -> list[tuple[dict, list[dict]]]:
    """Each item numbered 一、二、… with the rows numbered 1. 2. … or （一）（二）… right below it."""
    out: list[tuple[dict, list[dict]]] = []
    for row in rows:
        key = label_key(row.get(column) or "")
        if words.NUMBERED.match(key):
            out.append((row, []))
        elif out and words.SUB_NUMBERED.match(key):
            out[-1][1].append(row)
        elif key:
            out.append(({}, []))  # any other row ends the parts of the item above
    return [(item, parts) for item, parts in out if item and parts]
