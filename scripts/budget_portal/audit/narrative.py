"""Step 3b: identities 15–24 of docs/domain.md d: the narrative, projects, procurement and assets
against the tables and against themselves.  Checks run only where both sides are printed."""

from __future__ import annotations

import re
from decimal import Decimal

from ..metadata.key_figures import KEY_FIGURES
from ..templates import words
from ..templates.parts import ProjectTables
from ..text import label_key
from .tables import ZERO, Audit, Check, coded_rows, table_title, total_row, value

# The key figures the narrative's overview states and a table prints (the narrative's income is
# compared with the summary's, below).
OVERVIEW_VS_TABLES = tuple(k for k in KEY_FIGURES if k.table_label)
FIXED_ASSET_CLASSES = ("A01", "A02", "A03", "A04", "A05", "A06")
# The income sources the narrative may state, and the label of their row in the 收支总表.
INCOME_SOURCES = (
    ("income_general_budget", r"一般公共预算"),
    ("income_government_fund", r"政府性基金|基金预算"),
    ("income_state_capital", r"国有资本经营"),
    ("income_fiscal_special_account", r"财政专户"),
    ("income_fiscal_appropriation", r"^(一、)?财政拨款收入$"),
    ("income_business", r"^(.、)?事业收入$"),
    ("income_operating", r"经营收入$"),
    ("income_other", r"^(.、)?其他收入$"),
)
FUND_SPENDING = (
    ("expenditure_general_budget", "general_budget_expenditure"),
    ("expenditure_government_fund", "government_fund_expenditure"),
    ("expenditure_state_capital", "state_capital_expenditure"),
)
PERCENT_STEP = Decimal("1e-8")  # a computed percentage, before rounding to the printed decimals
# Words that open a list of parts (项目支出 X 万元，主要包括：…; 其中：办公费…).
LIST_LEAD = re.compile(r"(?:主要)?(?:包括|其中|用于|分别)|主要(?:是|为)")
# Keys of figures numbered in a series (one per item), not one figure stated twice.
SERIES = re.compile(r"item$|function_item|_percent$")
INCOME_PARTS = ("income_general_budget", "income_government_fund", "income_state_capital",
                "income_fiscal_special_account", "income_unit_funds", "income_other_sources",
                "income_carryover")  # fmt: skip


class NarrativeAudit(Audit):
    def __init__(
        self, tables, sections: dict[str, list[dict]], template, procurement_printed: bool,
        year: int,
    ):  # fmt: skip
        super().__init__(tables, template)
        self.sections = sections
        self.procurement_printed = procurement_printed
        self.year = year
        self.figures = {r["figure_key"]: r for r in sections.get("narrative_figures", [])}

    def figure(self, key: str) -> dict | None:
        return self.figures.get(key)

    def run(self) -> list[Check]:
        super().run()
        for step in (self.three_public_vs_narrative, self.overview_vs_tables, self.sources_and_funds, self.overview_sums,
                     self.changes, self.operating_costs, self.project_breakdown, self.project_budgets, self.activity_budgets,
                     self.procurement, self.fixed_assets, self.planned_purchases,
                     self.expenditure_items, self.procurement_parts, self.project_budget_items,
                     self.operating_costs_vs_table, self.same_item_twice, self.change_percents,
                     self.performance_funds, self.procurement_reserved, self.vehicles):  # fmt: skip
            step()
        return self.checks

    def against_figure(self, check, description, table, figure_key, right, rows=()):
        """A figure of the narrative against `right`; against a table printed in another unit,
        at the figure's printed precision."""
        figure = self.figure(figure_key)
        if figure:
            self.equal(check, description, table,
                       (f"叙述：{figure['label']}", figure["figure_value"]), right, (figure, *rows),
                       name=figure_key, precision=self.stated_precision(figure["figure_value"], table))  # fmt: skip

    def stated_precision(self, value: Decimal, table: str) -> int | None:
        return decimals(value) if self.converted(table) else None

    # 15 -------------------------------------------------------------------------------
    def three_public_vs_narrative(self):
        rows = self.rows.get("three_public", [])
        if not rows:
            return
        target = next(
            (r for r in rows if r["level"] == 0 and words.SUBTOTAL in r["name"]), None
        ) or next((r for r in rows if r["level"] == 0), None)
        if target:
            self.against_figure("three_public.narrative_total", "“三公”表合计 = 情况说明的“三公”经费部分", "three_public",
                                "three_public.total", (f"表：{target['name']}", value(target, "total")), (target,))  # fmt: skip
        if target and "budgeted" in self.tables["three_public"].printed:  # a 决算's 预算数 column
            self.against_figure("three_public.narrative_budget_total", "“三公”表合计的预算数 = 情况说明所述预算", "three_public",
                                "three_public.budget_total", (f"表：{target['name']} 预算数", value(target, "budgeted")), (target,))  # fmt: skip
        for key, row in self.three_public_items(rows).items():
            if row:
                self.against_figure(f"three_public.narrative_{key}", "“三公”表各项 = 情况说明的“三公”经费部分", "three_public",
                                    f"three_public.{key}", (f"表：{row['name']}", value(row, "total")), (row,))  # fmt: skip

    def three_public_items(self, rows: list[dict]) -> dict[str, dict]:
        """Each 三公 item's row: a row is the first item whose words its name has (公务用车购置及
        运行维护费 is `vehicles`, not also `vehicle_operation`), the first row of each item."""
        items: dict[str, dict] = {}
        for row in (r for r in rows if r["level"]):
            key = next(
                (k for k, p in self.template.three_public_rows if re.search(p, row["name"])), ""
            )
            if key:
                items.setdefault(key, row)
        return items

    # 16, 17 ----------------------------------------------------------------------------
    def overview_vs_tables(self):
        summary = self.rows.get("income_expenditure_summary")
        if summary:
            year = self.role(summary, "income_name", "income_year_total") or self.role(
                summary, "income_name", "income_grand_total"
            )
            self.against_figure("overview.income_vs_summary", "情况说明 收入 = 收支总表 本年收入合计",
                                "income_expenditure_summary", "overview.income_total",
                                ("表：本年收入合计", value(year, "income")), (year,))  # fmt: skip
        for figure in OVERVIEW_VS_TABLES:
            table, label = figure.table, figure.table_label
            row = figure.find(self.rows.get(table, []))
            key = figure.narrative_key.removeprefix("overview.")
            if row:
                self.against_figure(f"overview.{key}_vs_table", f"情况说明 = {label}", table,
                                    figure.narrative_key, (f"表：{label}", value(row, figure.column)), (row,))  # fmt: skip

    def sources_and_funds(self):
        """Each income source the narrative states against its row of the 收支总表, and each
        fund's spending against the total of that fund's table."""
        summary = self.rows.get("income_expenditure_summary", [])
        grand = self.role(summary, "income_name", "income_grand_total")
        above = [r for r in summary if not grand or r["row_number"] < grand["row_number"]]
        for key, pattern in INCOME_SOURCES:
            row = next(
                (r for r in above if re.search(pattern, label_key(r.get("income_name") or ""))),
                None,
            )
            if row:
                self.against_figure("overview.income_source_vs_summary", "情况说明的各项收入 = 收支总表同一收入项目",
                                    "income_expenditure_summary", f"overview.{key}",
                                    (f"收支总表：{row['income_name']}", value(row, "income")), (row,))  # fmt: skip
        for key, table in FUND_SPENDING:
            if self.tables.get(table) and (row := total_row(self.rows[table])):
                self.against_figure("overview.fund_spending_vs_table", "情况说明的各类拨款支出 = 该类支出表合计",
                                    table, f"overview.{key}", (f"{table_title(table)} 合计", value(row, "total")), (row,))  # fmt: skip
        appropriation = self.rows.get("fiscal_appropriation_summary", [])
        if out := self.role(appropriation, "expenditure_name", "expenditure_grand_total"):
            self.against_figure("overview.fund_spending_vs_table", "情况说明的各类拨款支出 = 该类支出表合计",
                                "fiscal_appropriation_summary", "overview.expenditure_fiscal_appropriation",
                                ("财政拨款收支总表 支出总计", value(out, "total")), (out,))  # fmt: skip

    def overview_sums(self):
        def sum_of(keys):
            found = [self.figure(f"overview.{k}") for k in keys if self.figure(f"overview.{k}")]
            return found, sum((f["figure_value"] for f in found), ZERO)

        for total, parts, description in (
            ("expenditure_total", ("basic", "project"), "情况说明：支出 = 基本支出 + 项目支出"),
            ("basic", ("personnel", "public"), "情况说明：基本支出 = 人员经费 + 公用经费"),
            ("income_total", INCOME_PARTS, "情况说明：收入 = 各项收入之和"),
        ):
            found, amount = sum_of(parts)
            if self.figure(f"overview.{total}") and len(found) >= 2:
                self.against_figure(f"overview.{total}_sum", description, "narrative_figures",
                                    f"overview.{total}", ("+".join(f["label"] for f in found), amount), found)  # fmt: skip

    # 18 -------------------------------------------------------------------------------
    def changes(self):
        total, basic, project = (
            self.figure(f"overview.change_{k}") for k in ("total_arranged", "basic", "project")
        )
        if total and basic and project:
            self.against_figure("overview.change_sum", "情况说明：总增减 = 基本支出增减 + 项目支出增减", "narrative_figures",
                                "overview.change_total_arranged",
                                ("基本支出增减 + 项目支出增减", basic["figure_value"] + project["figure_value"]),
                                (basic, project))  # fmt: skip

    # 19, 20 ----------------------------------------------------------------------------
    def itemised(self, prefix: str) -> list[dict]:
        return [
            f
            for k, f in self.figures.items()
            if k.startswith(prefix) and f["figure_unit"] == "万元"
        ]

    def listed_after(self, key: str, prefix: str) -> list[dict]:
        """The unnamed figures (`prefix`N) listed after the figure `key`: in its paragraph, and
        in a paragraph right after it that opens the list (机关运行经费 X 万元…。 / 其中：办公费…);
        a figure of another paragraph ends the list (a sub-heading's 委托业务费 is not a part)."""
        total = self.figure(key)
        if not total:
            return []
        keys = list(self.figures)
        items, line = [], total["source_line"]
        for k in keys[keys.index(key) + 1 :]:
            figure = self.figures[k]
            if figure["source_line"] != line:
                if not LIST_LEAD.match(figure["sentence"]) or line != total["source_line"]:
                    break
                line = figure["source_line"]  # the list goes on in the next paragraph
            if k.startswith(prefix) and figure["figure_unit"] == "万元":
                items.append(figure)
        return items

    def operating_costs(self):
        items = self.listed_after("operating_costs.total", "operating_costs.item_")
        if items:
            self.against_figure("operating_costs.items", "机关运行经费 = 所列各项之和", "narrative_figures",
                                "operating_costs.total", (f"{len(items)} 项之和", sum((f["figure_value"] for f in items), ZERO)), items)  # fmt: skip

    def project_breakdown(self):
        """The categories listed after 项目支出 in its paragraph (项目支出 X 万元，主要包括：…): only
        where a list follows it (其他 figures after it in a sentence of all the parts of 支出 are
        its siblings, not its parts)."""
        project = self.figure("overview.project")
        if not project or not LIST_LEAD.search(project["sentence"].partition("项目支出")[2]):
            return
        items = self.listed_after("overview.project", "overview.item_")
        if items:
            self.against_figure("overview.project_breakdown", "情况说明：项目支出 = 所列各类之和", "narrative_figures",
                                "overview.project", (f"{len(items)} 类之和", sum((f["figure_value"] for f in items), ZERO)), items)  # fmt: skip

    # 21 -------------------------------------------------------------------------------
    def project_budgets(self):
        """Where every project has a performance table with its 预算数 (not where the narrative
        describes only its major projects)."""
        if not isinstance(self.template.part("projects"), ProjectTables):
            return
        projects = [p for p in self.sections.get("projects", []) if p["budget"] is not None]
        spending = total_row(self.rows.get("expenditure", []))
        if projects and spending:
            self.equal("projects.budget_sum", "各项目绩效目标表预算数之和 = 支出总表 项目支出", "projects",
                       (f"{len(projects)} 个项目预算数之和", sum((p["budget"] for p in projects), ZERO)),
                       ("支出总表 项目支出", value(spending, "project")), (*projects, spending),
                       split=len(projects))  # fmt: skip

    def activity_budgets(self):
        tops = [a for a in self.sections.get("activities", []) if a["level"] == 1]
        if tops:
            self.against_figure("activities.budget_sum", "情况说明 项目支出 = 一级职责活动年度预算数之和", "narrative_figures",
                                "overview.project", (f"{len(tops)} 个一级活动之和", sum((a["budget"] or ZERO for a in tops), ZERO)), tops)  # fmt: skip

    # 22 -------------------------------------------------------------------------------
    def procurement(self):
        rows = self.sections.get("procurement", [])
        funds = ("general_budget", "government_fund", "state_capital", "fiscal_special_account",
                 "unit_funds", "other_sources", "appropriation_carryover", "non_appropriation_carryover")  # fmt: skip
        items = [r for r in rows if r["row_type"] == "item"]
        for row in rows:
            self.equal("procurement.funds", "采购每行：合计 = 各资金来源之和", "procurement",
                       ("合计", row["total"] or ZERO), ("各资金来源之和", sum((row[f] or ZERO for f in funds), ZERO)),
                       (row,), name=row["item_name"] or row["project_name"])  # fmt: skip
        for row in items:
            if row["quantity"] is not None and row["unit_price"] is not None:
                product = row["quantity"] * row["unit_price"]
                self.equal("procurement.price", "采购品目：数量 × 单价 = 金额", "procurement",
                           ("合计", row["total"] or ZERO), (f"{row['quantity']} × {row['unit_price']}", product),
                           (row,), name=row["item_name"])  # fmt: skip
        item_sum = sum((r["total"] or ZERO for r in items), ZERO)
        for kind, label in (("subtotal", "各单位小计之和"), ("total", "合计行")):
            marked = [r for r in rows if r["row_type"] == kind]
            if marked:
                self.equal(f"procurement.items_vs_{kind}", f"采购：各品目之和 = {label}", "procurement",
                           (f"{len(items)} 个品目之和", item_sum), (label, sum((r["total"] or ZERO for r in marked), ZERO)),
                           (*items, *marked), split=len(items))  # fmt: skip
        if self.procurement_printed:
            self.against_figure("procurement.narrative_total", "情况说明的政府采购部分 = 采购各品目之和", "procurement",
                                "procurement.total", (f"{len(items)} 个品目之和", item_sum), items)  # fmt: skip

    # 23, 24 ----------------------------------------------------------------------------
    def fixed_assets(self):
        rows = {r["asset_item"]: r for r in self.sections.get("fixed_assets", [])}
        if "total" not in rows:
            return
        parts = [rows[k] for k in ("buildings", "vehicles", "equipment", "other") if k in rows]
        self.equal("fixed_assets.total", "资产总额 = 房屋 + 车辆 + 设备 + 其他（办公用房是其中项，不相加）", "fixed_assets",
                   ("资产总额", rows["total"]["value"] or ZERO), ("各类之和", sum((r["value"] or ZERO for r in parts), ZERO)),
                   (rows["total"], *parts))  # fmt: skip
        self.against_figure("fixed_assets.narrative_total", "情况说明的国有资产部分 = 资产总额", "fixed_assets",
                            "assets.total", ("表：资产总额", rows["total"]["value"] or ZERO), (rows["total"],))  # fmt: skip

    def planned_purchases(self):
        """Fixed assets in the procurement catalogue are classes A01–A06 (buildings, equipment,
        relics, books, furniture); consumables (A09) and services (C) are not assets."""
        assets = [r for r in self.sections.get("procurement", [])
                  if r["row_type"] == "item" and r["catalogue_code"][:3] in FIXED_ASSET_CLASSES]  # fmt: skip
        if self.procurement_printed:
            self.against_figure("assets.planned_vs_procurement", "拟购置固定资产 = 政府采购中的固定资产品目（目录 A01–A06）", "fixed_assets",
                                "assets.planned_purchases", (f"{len(assets)} 个固定资产品目之和", sum((r["total"] or ZERO for r in assets), ZERO)),
                                assets)  # fmt: skip

    # 25–27: the numbered items of 财政拨款支出主要内容 ---------------------------------------
    def expenditure_items(self):
        by_code = coded_rows(self.rows.get("general_budget_expenditure", []))
        table = "general_budget_expenditure"
        for item in self.sections.get("expenditure_items", []):
            stated, code = item["stated_amount"], item["code"]
            subject = {"code": code, "name": item["name"]}
            if row := by_code.get(code):
                self.equal("expenditure_items.vs_table", "情况说明逐项写明的支出 = 一般公共预算支出表同一科目合计",
                           "expenditure_items", (f"叙述：{item['function_names']}", stated),
                           (f"一般公共预算支出表 {code} 合计", value(row, "total")), (item, row),
                           precision=self.stated_precision(stated, table), **subject)  # fmt: skip
            if item["restated_amount"] is not None:
                self.equal("expenditure_items.restated", "同一项两处写明的本年预算一致",
                           "expenditure_items", ("叙述：本项金额", stated),
                           ("叙述：本年预算安排", item["restated_amount"]), (item,), **subject)  # fmt: skip
            previous = item["previous_amount"]
            if item.get("completion_percent") is not None and previous is not None:
                self.completion(item, stated, previous, subject)
            if previous is None or not item["change_direction"]:
                continue
            if item["change_percent"] is not None:
                self.stated_change(item, stated, previous, subject)
            expected = "增加" if stated > previous else "减少" if stated < previous else "持平"
            self.equal("expenditure_items.direction", "写明的增减与两年数字的大小一致",
                       "expenditure_items", (f"叙述：{item['change_direction']}", None),
                       (f"{stated} − {previous}：{expected}", None), (item,), unit="",
                       agrees=item["change_direction"] == expected, **subject)  # fmt: skip
            if said := direction_in(item["reason"] or ""):
                self.equal("expenditure_items.reason_direction", "增减原因写的方向与两年数字一致",
                           "expenditure_items", (f"原因：{item['reason']}", None),
                           (f"{stated} − {previous}：{expected}", None), (item,), unit="",
                           agrees=said == expected,
                           message=f"科目 {code} 本年 {stated} 万元、上年 {previous} 万元（{expected}），"
                                   f"原因却写“{item['reason']}”。", **subject)  # fmt: skip

    def completion(self, item: dict, spent: Decimal, budget: Decimal, subject: dict):
        """A 决算's stated share of the budget spent (完成年初预算的 Z%) against spent ÷ budget,
        at its printed decimals, rounded or cut; from a budget of 0 no share follows."""
        rate = item["completion_percent"]
        label = f"叙述：完成年初预算的{rate}%"
        if budget == 0:
            self.equal("expenditure_items.completion", "写明的完成比例 = 支出决算 ÷ 年初预算",
                       "expenditure_items", (label, rate), ("年初预算为 0：无从计算比例", None),
                       (item,), unit="%", agrees=False,
                       message=f"科目 {subject['code']} 年初预算为 0，写明的“完成{rate}%”无从计算。",
                       **subject)  # fmt: skip
            return
        computed = spent / budget * 100
        self.equal("expenditure_items.completion", "写明的完成比例 = 支出决算 ÷ 年初预算",
                   "expenditure_items", (label, rate),
                   (f"{spent} ÷ {budget} × 100", computed.quantize(PERCENT_STEP)),
                   (item,), precision=decimals(rate), truncation_ok=True, unit="%", **subject)  # fmt: skip

    def stated_change(self, item: dict, stated: Decimal, previous: Decimal, subject: dict):
        """A stated percentage against (this year − last year) / last year, at its printed
        decimals, rounded or cut; from a last year of 0 no percentage follows."""
        percent = item["change_percent"]
        label = f"叙述：{item['change_direction']}{abs(percent)}%"
        if previous == 0:
            self.equal("expenditure_items.percent", "写明的增减百分比 = (本年 − 上年) ÷ 上年",
                       "expenditure_items", (label, percent), ("上年数为 0：无从计算百分比", None),
                       (item,), unit="%", agrees=False,
                       message=f"科目 {subject['code']} 上年数为 0，写明的“{item['change_direction']}{abs(percent)}%”无从计算。",
                       **subject)  # fmt: skip
            return
        computed = (stated - previous) / previous * 100
        self.equal("expenditure_items.percent", "写明的增减百分比 = (本年 − 上年) ÷ 上年",
                   "expenditure_items", (label, percent),
                   (f"({stated} − {previous}) ÷ {previous} × 100", computed.quantize(PERCENT_STEP)),
                   (item,), precision=decimals(percent), truncation_ok=True, unit="%", **subject)  # fmt: skip

    # 22, 21, 19: the narrative's own splits and the 机关运行经费 column --------------------------
    def procurement_parts(self):
        parts = [self.figure(f"procurement.{k}") for k in ("goods", "works", "services")]
        if all(parts):
            self.against_figure("procurement.narrative_parts", "政府采购预算 = 货物 + 工程 + 服务", "narrative_figures",
                                "procurement.total", ("货物 + 工程 + 服务", sum((p["figure_value"] for p in parts), ZERO)), parts)  # fmt: skip

    def project_budget_items(self):
        items = self.sections.get("project_budget_items", [])
        for project in self.sections.get("projects", []):
            own = [i for i in items if i["project_id"] == project["project_id"]]
            if own and project["budget"] is not None:
                self.equal("projects.budget_items", "项目年度预算 = 所列各分项之和", "projects",
                           (f"{project['project_name']} 年度预算", project["budget"]),
                           (f"{len(own)} 个分项之和", sum((i["item_amount"] for i in own), ZERO)),
                           (project, *own), name=project["project_name"])  # fmt: skip

    def operating_costs_vs_table(self):
        row = next(
            (r for r in self.rows.get("three_public", []) if "机关运行经费" in r["name"]), None
        )
        if row:
            self.against_figure("operating_costs.vs_table", "情况说明 机关运行经费 = 表中机关运行经费", "three_public",
                                "operating_costs.total", (f"表：{row['name']}", value(row, "total")), (row,))  # fmt: skip

    # the narrative against itself, and its other statements ----------------------------------
    def same_item_twice(self):
        """A figure of this year stated twice in one section with two amounts (a figure whose
        label names another year, 2022年…, is last year's and is left out)."""
        groups: dict[str, list[dict]] = {}
        for key, figure in self.figures.items():
            base = re.sub(r"_\d+$", "", key)
            if SERIES.search(base) or self.other_year(figure["label"]):
                continue
            groups.setdefault(base, []).append(figure)
        for base, figures in groups.items():
            first, *others = figures
            for other in others:
                self.equal("narrative.same_item_twice", "同一项目在叙述中两处金额相同", "narrative_figures",
                           (f"叙述：{first['label']}", first["figure_value"]),
                           (f"叙述：{other['label']}", other["figure_value"]), (first, other),
                           name=base, unit=first["figure_unit"])  # fmt: skip

    def other_year(self, label: str) -> bool:
        return any(int(y) != self.year for y in re.findall(r"((?:19|20)\d{2})年", label)) or bool(
            re.search(r"上年|去年|上一年", label)
        )

    def change_percents(self):
        """`增加X万元，增长Y%` with this year's figure stated: Y = X ÷ (this year − X) × 100."""
        for key, percent in self.figures.items():
            if not key.endswith("_percent"):
                continue
            change = self.figure(key.removesuffix("_percent"))
            section, _, name = key.removesuffix("_percent").partition(".")
            current_key = f"{section}.{name.removeprefix('change_')}"
            current = self.figure(current_key)
            if (
                not change
                or not current
                or change["sentence"] != percent["sentence"]  # the change the percentage is of
                or self.figure(f"{current_key}_2")  # which of several figures is this year's?
            ):
                continue
            previous = current["figure_value"] - change["figure_value"]
            stated = percent["figure_value"]
            label = f"叙述：{percent['label']}{abs(stated)}%"
            if previous == 0:
                # 0 万元 both years, 增长 0%: no change, said so; from 0 to more, no percentage follows
                flat = stated == 0 == change["figure_value"]
                self.equal("changes.percent", "写明的增减百分比 = 增减额 ÷ 上年数", "narrative_figures",
                           (label, stated), ("上年与本年均为 0：持平" if flat else "上年数为 0：无从计算百分比", None),
                           (percent, change, current), name=key, unit="%", agrees=flat,
                           message=f"上年数为 0（本年 {current['figure_value']} 万元，增减 {change['figure_value']} 万元），"
                                   f"写明的 {stated}% 无从计算。")  # fmt: skip
                continue
            computed = change["figure_value"] / previous * 100
            self.equal("changes.percent", "写明的增减百分比 = 增减额 ÷ 上年数", "narrative_figures",
                       (label, stated),
                       (f"{change['figure_value']} ÷ ({current['figure_value']} − {change['figure_value']}) × 100",
                        computed.quantize(PERCENT_STEP)),
                       (percent, change, current), name=key, unit="%",
                       precision=decimals(stated), truncation_ok=True)  # fmt: skip

    def performance_funds(self):
        funds = self.figure("performance.project_funds")
        spending = total_row(self.rows.get("expenditure", []))
        if funds and spending:
            self.equal("performance.project_funds_within", "编报绩效目标的项目资金不超过项目支出", "narrative_figures",
                       ("支出总表 项目支出", value(spending, "project")),
                       (f"叙述：{funds['label']}", funds["figure_value"]), (spending, funds),
                       at_least=True, name="performance.project_funds")  # fmt: skip

    def procurement_reserved(self):
        total, sme, small = (
            self.figure(f"procurement.{k}")
            for k in ("total", "sme_reserved", "small_micro_reserved")
        )
        for big, part in ((total, sme), (sme, small)):
            if big and part:
                self.equal("procurement.reserved_within", "预留份额不超过其所属的预算", "narrative_figures",
                           (f"叙述：{big['label']}", big["figure_value"]), (f"叙述：{part['label']}", part["figure_value"]),
                           (big, part), at_least=True, name=part["figure_key"])  # fmt: skip

    def vehicles(self):
        """Vehicles held and to be bought: each total = its categories."""
        for prefix in ("assets.vehicles", "assets.planned_vehicles"):
            total = self.figure(prefix)
            parts = [f for k, f in self.figures.items() if k.startswith(prefix + "_")]
            if total and parts:
                self.equal("assets.vehicle_categories", "车辆总数 = 各类用车之和", "narrative_figures",
                           (f"叙述：{total['label']}", total["figure_value"]),
                           (f"{len(parts)} 类用车之和", sum((p["figure_value"] for p in parts), ZERO)),
                           (total, *parts), name=prefix, unit="辆")  # fmt: skip


def direction_in(text: str) -> str:
    """The one direction a reason states (增加, 减少 or 持平), or "" for none or both."""
    found = {
        word
        for word, pattern in (("增加", r"增加|增长|提高"), ("减少", r"减少|下降|降低|压减"),
                              ("持平", r"保持不变|持平|无变化"))
        if re.search(pattern, text)
    }  # fmt: skip
    return found.pop() if len(found) == 1 else ""


def decimals(value: Decimal) -> int:
    """The decimals a figure was printed with: 938.99 → 2, 25 → 0."""
    return max(0, -value.as_tuple().exponent)
