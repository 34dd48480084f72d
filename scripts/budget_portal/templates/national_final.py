"""The national structure of a 部门决算 (final accounts), prescribed by the Ministry of Finance.

A 决算 reports the year's actual income and spending in nine tables of the same family as the
budget's (docs/domain.md k): 收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表,
一般公共预算财政拨款支出决算表, 一般公共预算财政拨款基本支出决算表, 财政拨款“三公”经费支出决算表,
政府性基金预算财政拨款收入支出决算表 and 国有资本经营预算财政拨款（收入）支出决算表.  What differs
from the budget's printing, and is read here as data:

* 行次 columns numbering the rows of the two-sided tables (`index_columns`: not figures);
* the balance of the year: 使用非财政拨款结余 beside 年初结转和结余, 结余分配 beside
  年末结转和结余 (summary row roles);
* the 基本支出 table printed in blocks side by side (人员经费 | 公用经费 | 公用经费 continued),
  each block its own code, name and amount columns;
* the 三公 table printing 预算数 and 决算数 of each item (`phases`);
* the 政府性基金 (and in some provinces 国有资本经营) table with 年初结转和结余, 本年收入 and
  年末结转和结余 around the year's spending.

The vocabularies of the budget's national structure (`national.py`) are reused: a 决算 of a
province is read by the same words.
"""

from __future__ import annotations

from dataclasses import replace

from . import Column, FigureRule, SectionRule, TableLayout
from .national import (
    CODE,
    FUNDS,
    INCOME_SOURCES,
    NAME,
    NATIONAL,
    OTHER_SPENDING,
    PERSONNEL,
    PUBLIC,
    THREE_PUBLIC_ITEMS,
    VEHICLES,
)

FINAL = r"决算数?|金额|本年决算|合计"
SPENDING = (
    *CODE,
    *NAME,
    Column("total", r"(?:本年支出)?(?:合计|小计)|决算数?|金额|本年支出"),
    Column("basic", r"(?:其中:)?基本支出(?:合计|小计)?"),
    Column("project", r"(?:其中:)?项目支出(?:合计)?"),
)
BALANCES = (
    Column("opening_balance", r"年初(?:财政拨款)?结转(?:和)?结余"),
    Column("year_income", r"本年收入(?:合计)?"),
    Column("closing_balance", r"年末(?:财政拨款)?结转(?:和)?结余"),
)
TWO_SIDED = (
    Column("income_name", r"(?:收入)?项目"),
    Column("income", rf"(?:收入)?(?:{FINAL})"),
    Column("expenditure_name", r"(?:支出)?项目"),
)

TABLES = (
    TableLayout(
        "final_income_expenditure_summary",
        (r"收入支出决算(?:总表|总体情况表)",),
        "meaning",
        (*TWO_SIDED, Column("expenditure", rf"(?:支出)?(?:{FINAL})")),
    ),
    TableLayout(
        "final_income",
        (r"收入决算表",),
        "meaning",
        (
            *CODE,
            *NAME,
            Column("total", r"本年收入合计|合计|决算数?"),
            *INCOME_SOURCES,
        ),
    ),
    TableLayout(
        "final_expenditure",
        (r"支出决算表",),
        "meaning",
        (
            *SPENDING,
            *OTHER_SPENDING,
        ),
    ),
    TableLayout(
        "final_fiscal_appropriation_summary",
        (r"财政拨款收入支出决算(?:总表|表)",),
        "meaning",
        (
            *TWO_SIDED,
            Column("total", rf"(?:支出)?(?:{FINAL})"),
            *FUNDS,
        ),
    ),
    TableLayout(
        "final_general_budget_expenditure",
        (r"一般公共预算财政拨款支出决算(?:明细)?表",),
        "meaning",
        (
            *SPENDING,
            # the budget some provinces print beside what was spent
            Column("initial_budget", r"年初预算(?:数)?"),
            Column("adjusted_budget", r"调整(?:后)?预算(?:数)?"),
        ),
    ),
    TableLayout(
        "final_basic_expenditure",
        (r"一般公共预算财政拨款基本支出决算(?:明细)?表",),
        "meaning",
        (
            *CODE,
            *NAME,
            Column("total", r"决算数?|金额|合计"),
            Column("personnel", PERSONNEL),
            Column("public", PUBLIC),
        ),
    ),
    TableLayout(
        "final_government_fund_expenditure",
        (r"政府性基金预算财政拨款(?:收入)?支出决算(?:明细)?表",),
        "meaning",
        (*SPENDING, *BALANCES),
    ),
    TableLayout(
        "final_state_capital_expenditure",
        (r"国有资本经营预算财政拨款(?:收入)?支出决算(?:明细)?表",),
        "meaning",
        (*SPENDING, *BALANCES),
    ),
    TableLayout(
        "final_three_public",
        (r"(?:一般公共预算)?财政拨款三公经费(?:支出)?决算(?:情况)?表",),
        "across",
        items=THREE_PUBLIC_ITEMS,
        phases=(Column("budgeted", r"(?:全年)?预算数?"), Column("total", r"决算数?")),
    ),
)

# The 情况说明 of a 决算: a heading a table's name + 决算情况说明 (二、收入决算情况说明, 五、一般公共
# 预算财政拨款支出决算情况说明) explains the year's figures, after the topics it names itself.
SECTIONS = (
    SectionRule("duties", r"主要职(?:责|能)|部门职责"),
    SectionRule("institutions", r"机构设置|(?:预算|决算)单位构成"),
    SectionRule("three_public", r"三公"),
    SectionRule("operating_costs", r"机关运行经费"),
    SectionRule("procurement", r"政府采购"),
    SectionRule("performance", r"绩效"),
    SectionRule("assets", r"国有资产"),
    SectionRule("glossary", r"名词解释"),
    SectionRule("other", r"其他(?:需要|相关|重要)?(?:说明|情况|事项)"),
    SectionRule("overview", r"决算(?:总体|具体)?情况(?:说明)?|收支(?:总体)?情况"),
)

# The figures a 决算's 情况说明 states (its narrative checks compare them with the tables): the
# year's totals, the 三公 budget and what was spent on each item, 机关运行经费, and 政府采购 with its
# 货物/工程/服务 parts and the share awarded to small and medium enterprises.
FIGURES = (
    FigureRule("overview", r"本年收入合计(为)?$", "income_total"),
    FigureRule("overview", r"本年支出合计(为)?$", "expenditure_total"),
    FigureRule("overview", r"一般公共预算财政拨款收入$", "income_general_budget"),
    FigureRule("overview", r"(?<!财政拨款)基本支出(为)?$", "basic"),
    FigureRule("overview", r"(?<!财政拨款)项目支出(为)?$", "project"),
    FigureRule("three_public", r"三公.?经费.*预算(数)?为$", "budget_total"),
    FigureRule("three_public", r"因公出国.境.费(支出)?决算(数)?为$", "abroad"),
    FigureRule("three_public", r"公务用车购置及运(行)?(维护)?费(支出)?决算(数)?为$", "vehicles"),
    FigureRule("three_public", r"公务用车购置费?(支出)?决算(数)?为$", "vehicle_purchase"),
    FigureRule("three_public", r"公务用车运(行)?(维护)?费(支出)?决算(数)?为$", "vehicle_operation"),
    FigureRule("three_public", r"公务接待费(支出)?决算(数)?为$", "reception"),
    FigureRule("three_public", r"支出决算(数)?为$", "total", sentence=r"三公"),
    FigureRule("operating_costs", r"机关运行经费(支出)?(决算)?(为|共计)?$", "total"),
    FigureRule("procurement", r"政府采购(支出)?(总额|金额)(\(以合同签订为准\))?(为)?$", "total"),
    FigureRule("procurement", r"(政府采购)?货物(类)?(支出|采购)?(为)?$", "goods"),
    FigureRule("procurement", r"(政府采购)?工程(类)?(支出|采购)?(为)?$", "works"),
    FigureRule("procurement", r"(政府采购)?服务(类)?(支出|采购)?(为)?$", "services"),
    FigureRule("procurement", r"授予中小企业合同(金额)?(为)?$", "sme"),
    # 绩效: the projects self-evaluated and their money; each evaluated project's score, budget
    # and spending (numbered in print order)
    FigureRule("performance", r"(组织)?对$", "projects_evaluated", sentence=r"绩效自评|绩效评价"),
    FigureRule("performance", r"一级项目$", "level1_projects", sentence=r"绩效自评"),
    FigureRule("performance", r"二级项目$", "level2_projects", sentence=r"绩效自评"),
    FigureRule("performance", r"(共)?涉及(项目)?(预算)?资金$", "evaluated_funds"),
    FigureRule("performance", r"自评(得分|综合得分)?为?$", "project_score_item"),
    FigureRule("performance", r"全年预算数为?$", "project_budget_item"),
    FigureRule("performance", r"执行数为?$", "project_executed_item"),
    FigureRule("assets", r"共有车辆$", "vehicles"),
    *(FigureRule("assets", rf"^{word}用车$", f"vehicles_{key}") for word, key in VEHICLES),
    FigureRule("assets", r"以上(通用|专用)?设备(（不含车辆）)?$", "equipment"),
)

NATIONAL_FINAL = replace(
    NATIONAL,
    name="national_final",
    title="全国部门决算公开（通用结构）",
    description="财政部规定的部门决算结构：九张决算表按标题用词识别，行次栏不是数字，"
    "基本支出表按人员经费、公用经费分块并列，“三公”表并列预算数与决算数。",
    kinds={"unit": r"单位决算", "department": r"部门(?:综合)?决算"},
    tables=TABLES,
    sections=SECTIONS,
    figure_sections=(
        "overview",
        "three_public",
        "operating_costs",
        "procurement",
        "assets",
        "performance",
    ),
    figure_units=("万元", "万", "辆", "台（套）", "个", "分"),
    figure_rules=FIGURES,
    stated_flat=True,
    document_type="final_accounts",
    page_noise=NATIONAL.page_noise.replace(r".*预算公开$", r".*(?:预算|决算)公开$"),
    summary_rows={
        **NATIONAL.summary_rows,
        "income_balance_used": (
            "使用非财政拨款结余",
            "使用非财政拨款结余(含专用结余)",
            "用事业基金弥补收支差额",
        ),
        "expenditure_distribution": ("结余分配",),
        "income_grand_total": ("收入总计", "总计"),
        "expenditure_grand_total": ("支出总计", "总计"),
        "expenditure_carryover": ("年末结转和结余", "年末财政拨款结转和结余"),
        "appropriation_carryover": ("年初财政拨款结转和结余", "年初结转和结余"),
    },
    index_columns=r"行次",
    parts={
        **NATIONAL.parts,
        "cover": replace(
            NATIONAL.parts["cover"],
            title_pattern=NATIONAL.parts["cover"].title_pattern.replace("预算", "决算"),
            budget_year_pattern=r"(?P<year>(?:19|20)\d{2})\s*年度?[^，。,；;]{0,16}?决算",
        ),
    },
)
