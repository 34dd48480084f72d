"""Hebei department budgets (河北, 2018–2024): the five seeds, docs/domain.md sections a–d.

Tables come first, in 万元, each with a 序号 column and a 栏次 row numbering its columns, page
headers (agency with its department code, 预算年度, 单位) repeated at every page break.  The
narrative (情况说明) follows under numbered headings 一、二、…; its own tables (units,
project performance targets, procurement, assets) are grids found by their headers.
"""

from __future__ import annotations

from dataclasses import replace

from . import Column, FigureRule, SectionRule, TableLayout
from .national import NATIONAL
from .parts import (
    ActivityTable,
    AssetTable,
    Cover,
    GridTable,
    ProcurementTable,
    ProjectTables,
)


def _title(pattern: str) -> tuple[str]:
    return (rf"(部门预算)?{pattern}",)


CODED = (Column("code", "科目编码"), Column("name", "科目名称"))
FUNCTIONAL = (
    *CODED,
    Column("total", "合计"),
    Column("basic", "基本支出"),
    Column("project", "项目支出"),
)

TABLES = (
    TableLayout(
        "income_expenditure_summary",
        _title("收支总表"),
        "numbered",
        (
            Column("income_name", "项目"),
            Column("income", "预算数"),
            Column("expenditure_name", "项目"),
            Column("expenditure", "预算数"),
        ),
        absent=("personnel", "public", "project"),
    ),
    TableLayout(
        "income",
        _title("收入总表"),
        "numbered",
        (
            *CODED,
            Column("total", "合计"),
            Column("subtotal", "小计"),
            Column("fiscal_appropriation", "财政拨款收入"),
            Column("fiscal_special_account", "财政专户收入"),
            Column("business", "事业收入"),
            Column("operating", "经营收入"),
            Column("superior_subsidy", "上级补助收入"),
            Column("subordinate_remittance", "附属单位上缴收入"),
            Column("other", "其他收入"),
            Column("carryover", "上年结转"),
        ),
    ),
    TableLayout(
        "expenditure",
        _title("支出总表"),
        "numbered",
        (
            *FUNCTIONAL,
            Column("operating", "经营支出"),
            Column("remittance_to_superior", "上解上级支出"),
            Column("subsidy_to_subordinate", "对附属单位补助支出"),
        ),
    ),
    TableLayout(
        "fiscal_appropriation_summary",
        _title("财政拨款收支总表"),
        "numbered",
        (
            Column("income_name", "项目"),
            Column("income", "金额"),
            Column("expenditure_name", "项目"),
            Column("total", "合计"),
            Column("general_budget", "一般公共预算财政拨款"),
            Column("government_fund", "政府性基金预算财政拨款"),
            Column("state_capital", "国有资本经营预算财政拨款"),
        ),
    ),
    TableLayout(
        "general_budget_expenditure", _title("一般公共预算财政拨款支出表"), "numbered", FUNCTIONAL
    ),
    TableLayout(
        "basic_expenditure",
        _title("一般公共预算财政拨款基本支出表"),
        "numbered",
        (
            *CODED,
            Column("total", "合计"),
            Column("personnel", "人员经费"),
            Column("public", "公用经费"),
        ),
    ),
    TableLayout(
        "government_fund_expenditure",
        _title("政府性?基金预算财政拨款支出表"),
        "numbered",
        FUNCTIONAL,
    ),
    TableLayout(
        "state_capital_expenditure",
        _title("国有资本经营预算财政拨款支出表"),
        "numbered",
        FUNCTIONAL,
    ),
    TableLayout(
        "three_public",
        _title("财政拨款三公经费支出表"),
        "numbered",
        (
            Column("name", "项目"),
            Column("total", "合计"),
            Column("general_budget", "一般公共预算财政拨款"),
            Column("government_fund", "政府性基金预算拨款"),
            Column("state_capital", "国有资本经营预算财政拨款"),
        ),
    ),
)

SECTIONS = (
    SectionRule("duties", r"部门职责"),
    SectionRule("overview", r"部门预算安排的总体情况"),
    SectionRule("operating_costs", r"机关运行经费"),
    SectionRule("three_public", r"三公"),
    SectionRule("performance", r"预算绩效信息|绩效预算信息|部门整体绩效目标"),
    SectionRule("special_funds", r"部门主管专项资金"),
    SectionRule("projects", r"部门项目预算安排"),
    SectionRule("procurement", r"政府采购预算"),
    SectionRule("assets", r"国有资产"),
    SectionRule("glossary", r"名词解释"),
    SectionRule("other", r"其他需要说明"),
)

FIGURES = (
    FigureRule("overview", r"^(\d{4}年)?(部门)?预算收入$", "income_total"),
    FigureRule("overview", r"一般公共预算(拨款)?收入$", "income_general_budget"),
    FigureRule("overview", r"(政府性?|^)基金(预算)?收入$", "income_government_fund"),
    FigureRule("overview", r"国有资本经营(预算)?(拨款)?收入$", "income_state_capital"),
    FigureRule("overview", r"财政专户(核拨|拨款)?收入$", "income_fiscal_special_account"),
    FigureRule("overview", r"单位资金收入$", "income_unit_funds"),
    FigureRule("overview", r"其他来源收入$", "income_other_sources"),
    FigureRule("overview", r"上年结转结余$", "income_carryover"),
    FigureRule("overview", r"支出预算(为)?$", "expenditure_total"),
    FigureRule("overview", r"预算收支安排$", "total_arranged"),
    FigureRule("overview", r"基本支出$", "basic"),
    FigureRule("overview", r"人员经费$", "personnel"),
    FigureRule("overview", r"公用经费$", "public"),
    FigureRule("overview", r"项目支出$", "project"),
    FigureRule("operating_costs", r"机关运行经费(共计)?(安排)?$", "total"),
    FigureRule("three_public", r"三公.?经费.*(安排|预算)$", "total"),
    FigureRule("three_public", r"因公出国.境.费.*$", "abroad"),
    FigureRule("three_public", r"公务用车购置及运(行)?维(护)?费(支出)?$", "vehicles"),
    FigureRule("three_public", r"公务用车购置(费|支出)(为)?$", "vehicle_purchase"),
    FigureRule("three_public", r"公务用车运(行)?(维护)?(维)?费(支出)?$", "vehicle_operation"),
    FigureRule("three_public", r"公务接待费(支出)?$", "reception"),
    FigureRule("procurement", r"(政府采购预算|零星采购)$", "total"),
    FigureRule("assets", r"年末固定资产金额为$", "total"),
    FigureRule("assets", r"(拟购置固定资产总额为|拟零星购置)$", "planned_purchases"),
    FigureRule("other", r"国有资本经营预算收支安排$", "state_capital_total"),
)

# What Hebei prints differently from the national structure (templates/national.py): every
# setting not given here is the national one.
HEBEI = replace(
    NATIONAL,
    name="hebei",
    fixed_order=True,  # the nine in one order (the national structure lets provinces differ)
    title="河北省部门预算（2018–2024）",
    description="表格在前（万元，带序号列和栏次行，每页重复表头），情况说明在后，按一、二、…编号。",
    kinds={"department": r"部门预算"},
    tables=TABLES,
    unit_line=r"^单位[:：]\s*(?P<unit>\S+)$",
    page_noise=r"^(\d{1,4}|\d{3}\s*[\u4e00-\u9fff].*|.*预算年度.*|预算年|度[:：]\s*\d{4}|单位[:：].*)$",
    note=r"^注[:：]",
    header_meta=r"预算年度|^单位[:：]",
    sections=SECTIONS,
    numbered_sections=True,
    figure_sections=(
        "overview",
        "operating_costs",
        "three_public",
        "procurement",
        "assets",
        "other",
    ),
    figure_rules=FIGURES,
    stated_flat=False,
    glossary_entry=r"^[-•]?\s*(?P<number>\d+)\s*[、.．]\s*(?P<term>.+?)\s*(?:[:：]|，(?=是?指))\s*(?P<definition>.+)$",
    summary_rows={
        "income_year_total": ("本年收入合计",),
        "income_carryover": ("上年结转结余",),
        "income_grand_total": ("收入总计",),
        "expenditure_year_total": ("本年支出合计",),
        "expenditure_carryover": ("年终结转结余",),
        "expenditure_grand_total": ("支出总计",),
        "appropriation_carryover": ("年初财政拨款结转和结余",),
    },
    three_public_rows=(
        ("abroad", r"因公出国"),
        ("vehicles", r"公务用车购置及运"),
        ("vehicle_purchase", r"公务用车购置费"),
        ("vehicle_operation", r"运行维护费"),
        ("reception", r"公务接待"),
    ),
    inventory=(
        ("organizations", "duties", "部门机构设置情况"),
        ("projects", "projects", "项目绩效目标表"),
        ("activities", "performance", "部门职责-工作活动绩效目标"),
        ("procurement", "procurement", "部门政府采购预算"),
        ("fixed_assets", "assets", "部门固定资产占用情况表"),
        ("glossary", "glossary", "名词解释"),
    ),
    required_sections=(
        "duties",
        "overview",
        "operating_costs",
        "three_public",
        "performance",
        "procurement",
        "assets",
        "glossary",
        "other",
    ),
    parts={
        "cover": Cover(
            title_pattern=r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年\s*部门预算(?:信息)?公开情况说明$",
            agency_line_pattern=r"^(?P<code>\d{3})\s*(?P<name>[\u4e00-\u9fff][^\t]*)$",
            budget_year_pattern=r"预算年度[:：]\s*(?P<year>(?:19|20)\d{2})",
            split_year_start="预算年",
            department_codes=True,
        ),
        "organizations": GridTable(section="duties", header=("单位名称", "单位性质"), width=4),
        "fixed_assets": AssetTable(
            section="assets",
            header=("项目", "数量"),
            width=3,
            items=(
                ("office_buildings", "办公用房"),  # a 其中 of buildings: test it first
                ("total", "资产总额"),
                ("buildings", "房屋"),
                ("vehicles", "车辆"),
                ("equipment", "设备"),
                ("other", "其他固定资产"),
            ),
            as_of_pattern=r"截止时间[:：]\s*(\d{4})\s*[-年]\s*(\d{1,2})\s*[-月]\s*(\d{1,2})",
            threshold_pattern=r"(\d+)\s*万元以上",
        ),
        "procurement": ProcurementTable(
            section="procurement",
            source_header="政府采购项目来源",
            item_header="项目名称",
            leading=(
                "project_name",
                "project_budget",
                "item_name",
                "catalogue_code",
                "measure_unit",
                "quantity",
                "unit_price",
            ),
            money=(
                ("合计", "total"),
                ("一般公共预算拨款", "general_budget"),
                ("基金预算拨款", "government_fund"),
                ("国有资本经营预算拨款", "state_capital"),
                ("财政专户核拨", "fiscal_special_account"),
                ("单位资金", "unit_funds"),
                ("其他来源收入", "other_sources"),
                ("财政拨款结转", "appropriation_carryover"),
                ("非财政拨款结转结余", "non_appropriation_carryover"),
            ),
            reserved_word="中小微",
        ),
        "projects": ProjectTables(
            sections=("performance", "projects"),
            title_pattern=r"^(?P<number>\d+)\s*[、.．]\s*(?P<title>.*绩效目标表.*)$",
            fund_prefix_pattern=r"^(?P<prefix>[A-Z]{2}\d*)-",
            code_prefix_pattern=r"^\[(?P<code>\d+)\]\s*",
            hint_pattern=r"[（(][^（()）]*?(?P<code>\d{7})\s*(?P<amount>\d+(?:\.\d+)?)\s*万[)）]",
            month_pattern=r"(\d+)\s*月底",
            month_value_pattern=r"(\d+)\s*月底\s*(\d+(?:\.\d+)?)$",
            code_label="项目编码",
            name_label="项目名称",
            budget_block="预算规模",
            budget_label="预算数",
            fiscal_label="其中:财政资金",
            other_label="其他资金",
            plan_label="资金支出计划",
            goal_label="绩效目标",
            indicator_header="一级指标",
        ),
        "activities": ActivityTable(
            section="performance", header="职责活动", width=9, header_width=6, truncated_at=255
        ),
    },
)
