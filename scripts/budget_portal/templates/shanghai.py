"""Shanghai district budgets (上海市普陀区, 2024–2026): docs/domain.md section e.

A cover (上海市普陀区2025年区级部门预算 / 预算主管部门：…, or 区级单位预算 / 预算单位：…), a
table of contents, then 主要职能, 机构设置 (prose), 名词解释, 预算编制说明 (totals and the
numbered items of 财政拨款支出), the nine tables (in 元, codes printed over 类/款/项 columns, no
序号; the 三公 table in 万元 printed across), 其他相关情况说明 (三公, 机关运行经费, 政府采购, 绩效目标,
国有资产, each under 一、二、…) and 项目经费情况说明 (a page a project).  There are no performance
target tables, procurement or asset tables: those facts are prose.
"""

from __future__ import annotations

from dataclasses import replace

from . import Column, FigureRule, Item, SectionRule, TableLayout
from .national import NATIONAL, VEHICLES
from .parts import AssetStatements, Cover, ExpenditureItems, ProjectPages, UnitList

KIND = r"(\d{4}年)?(部门|预算单位|单位)"  # 2025年部门… in a 部门预算, 2025年预算单位… in a 单位预算
NOT_NUMBERED = r"^(?![一二三四五六七八九十]+、)"  # a heading, not its entry in the contents
NUMBERED = r"^[一二三四五六七八九十]+、"

FUNCTIONAL_CODE = (
    Column("code", "类"),
    Column("code", "款"),
    Column("code", "项"),
    Column("name", "(功能分类)?科目名称"),
)
SPENDING = (
    *FUNCTIONAL_CODE,
    Column("total", "合计"),
    Column("basic", "基本支出"),
    Column("project", "项目支出"),
)

# In the order the template prints them (the 基本支出 table after the two fund tables).
TABLES = (
    TableLayout(
        "income_expenditure_summary",
        (rf"{KIND}财务收支预算总表",),
        "labelled",
        (
            Column("income_name", "项目"),
            Column("income", "预算数"),
            Column("expenditure_name", "项目"),
            Column("expenditure", "预算数|合计"),
            Column("personnel", "人员经费"),
            Column("public", "公用经费"),
            Column("project", "项目支出"),
        ),
    ),
    TableLayout(
        "income",
        (rf"{KIND}收入预算总表",),
        "labelled",
        (
            *FUNCTIONAL_CODE,
            Column("total", "合计"),
            Column("fiscal_appropriation", "财政拨款收入"),
            Column("business", "事业收入"),
            Column("operating", "事业单位经营收入"),
            Column("other", "其他收入"),
        ),
        absent=(
            "subtotal",
            "fiscal_special_account",
            "superior_subsidy",
            "subordinate_remittance",
            "carryover",
        ),
    ),
    TableLayout(
        "expenditure",
        (rf"{KIND}支出预算总表",),
        "labelled",
        SPENDING,
        absent=("operating", "remittance_to_superior", "subsidy_to_subordinate"),
    ),
    TableLayout(
        "fiscal_appropriation_summary",
        (rf"{KIND}财政拨款收支预算总表",),
        "labelled",
        (
            Column("income_name", "项目"),
            Column("income", "预算数"),
            Column("expenditure_name", "项目"),
            Column("total", "合计"),
            Column("general_budget", "一般公共预算"),
            Column("government_fund", "政府性基金预算"),
            Column("state_capital", "国有资本经营预算"),
        ),
    ),
    TableLayout(
        "general_budget_expenditure",
        (rf"{KIND}一般公共预算支出功能分类预算表",),
        "labelled",
        SPENDING,
    ),
    TableLayout(
        "government_fund_expenditure",
        (rf"{KIND}政府性基金预算支出功能分类预算表",),
        "labelled",
        SPENDING,
    ),
    TableLayout(
        "state_capital_expenditure",
        (rf"{KIND}国有资本经营预算支出功能分类预算表",),
        "labelled",
        SPENDING,
    ),
    TableLayout(
        "basic_expenditure",
        (rf"{KIND}一般公共预算基本支出部门预算经济分类预算表",),
        "labelled",
        (
            Column("code", "类"),
            Column("code", "款"),
            Column("name", "(部门)?经济分类科目名称"),
            Column("total", "合计"),
            Column("personnel", "人员经费"),
            Column("public", "公用经费"),
        ),
    ),
    TableLayout(
        "three_public",
        (rf"{KIND}?三公经费和机关运行经费预算表",),
        "across",
        items=(
            Item("合计", 0),
            Item(r"因公出国\(境\)费", 1),
            Item("公务接待费", 1),
            Item("小计", 1, named_by_group=True),
            Item("购置费", 2),
            Item("运行费", 2),
            Item(r"(\d{4}年)?机关运行经费预算数", 1),
        ),
        absent=("general_budget", "government_fund", "state_capital"),
    ),
)

SECTIONS = (
    SectionRule("duties", rf"{NOT_NUMBERED}.*主要职能$"),
    SectionRule("institutions", rf"{NOT_NUMBERED}.*机构设置$"),
    SectionRule("glossary", r"^名词解释$"),
    SectionRule("overview", rf"^{KIND}预算编制说明$"),
    SectionRule("other", r"^其他相关情况说明$"),
    SectionRule("three_public", rf"{NUMBERED}.*三公.*情况说明$"),
    SectionRule("operating_costs", rf"{NUMBERED}.*机关运行经费"),
    SectionRule("procurement", rf"{NUMBERED}.*政府采购"),
    SectionRule("performance", rf"{NUMBERED}.*绩效目标设置"),
    SectionRule("assets", rf"{NUMBERED}.*国有资产"),
    SectionRule("projects", rf"{NOT_NUMBERED}.*经费情况说明$", repeats=True),
)

PLANNED = r"安排购置"
FIGURES = (
    FigureRule("overview", r"收入预算$", "income_total"),
    FigureRule("overview", r"^财政拨款收入$", "income_fiscal_appropriation"),
    FigureRule("overview", r"^事业收入$", "income_business"),
    FigureRule("overview", r"^事业单位经营收入$", "income_operating"),
    FigureRule("overview", r"^其他收入$", "income_other"),
    FigureRule("overview", r"^支出预算$", "expenditure_total"),
    FigureRule("overview", r"^财政拨款支出预算$", "expenditure_fiscal_appropriation"),
    FigureRule("overview", r"一般公共预算拨款支出预算$", "expenditure_general_budget"),
    FigureRule("overview", r"政府性基金拨款支出预算$", "expenditure_government_fund"),
    FigureRule("overview", r"国有资本经营预算拨款支出预算$", "expenditure_state_capital"),
    FigureRule("overview", r"（项）”$", "function_item"),
    FigureRule("overview", r"预算执行数为$", "function_item_previous"),
    FigureRule("overview", r"^\d{4}年预算安排$", "function_item_restated"),
    FigureRule("three_public", r"三公.?经费预算数为$", "total"),
    FigureRule("three_public", r"因公出国.境.费$", "abroad"),
    FigureRule("three_public", r"公务用车购置及运行费$", "vehicles"),
    FigureRule("three_public", r"公务用车购置费$", "vehicle_purchase"),
    FigureRule("three_public", r"公务用车运行费$", "vehicle_operation"),
    FigureRule("three_public", r"公务接待费$", "reception"),
    FigureRule("operating_costs", r"机关运行经费预算为$", "total"),
    FigureRule("procurement", r"政府采购预算$", "total"),
    FigureRule("procurement", r"政府采购货物预算$", "goods"),
    FigureRule("procurement", r"政府采购工程预算$", "works"),
    FigureRule("procurement", r"政府采购服务预算$", "services"),
    FigureRule("procurement", r"面向中小企业预留政府采购项目预算金额$", "sme_reserved"),
    FigureRule("procurement", r"预留给小型和微型企业的政府采购项目预算为$", "small_micro_reserved"),
    FigureRule("performance", r"^本(部门|单位)$", "units"),
    FigureRule("performance", r"编报绩效目标的项目(共)?$", "projects"),
    FigureRule("performance", r"涉及项目预算资金$", "project_funds"),
    FigureRule("assets", r"安排购置车辆$", "planned_vehicles", PLANNED),
    *(
        FigureRule("assets", rf"^{word}用车$", f"planned_vehicles_{key}", PLANNED)
        for word, key in VEHICLES
    ),
    FigureRule("assets", r"以上设备（不含车辆）$", "planned_equipment", PLANNED),
    FigureRule("assets", r"共有车辆$", "vehicles"),
    *(FigureRule("assets", rf"^{word}用车$", f"vehicles_{key}") for word, key in VEHICLES),
    FigureRule("assets", r"以上设备（不含车辆）$", "equipment"),
)

# What Shanghai's districts print differently from the national structure
# (templates/national.py): every setting not given here is the national one.
SHANGHAI = replace(
    NATIONAL,
    name="shanghai",
    fixed_order=True,  # the nine in one order (the national structure lets provinces differ)
    title="上海市区级部门预算（2024–2026）",
    description="封面、目录、主要职能、机构设置、名词解释、预算编制说明，九张表（元，科目编码分类/款/项三栏，"
    "无序号；“三公”表为万元、横排），其他相关情况说明和项目经费情况说明。",
    kinds={
        "unit": r"区级单位预算$|^预算单位[:：]",
        "department": r"区级部门预算$|^预算主管部门[:：]",
    },
    tables=TABLES,
    default_unit="元",
    unit_line=r"单位[:：]\s*(?P<unit>元|千元|万元|亿元)$",
    page_noise=r"^(编制(部门|单位)[:：].*|单位[:：].*)$",
    note=r"^注[:：]",
    header_meta=r"^编制(部门|单位)[:：]|^单位[:：]",
    sections=SECTIONS,
    figure_sections=(
        "overview",
        "three_public",
        "operating_costs",
        "procurement",
        "performance",
        "assets",
    ),
    figure_units=("万元", "万", "辆", "个", "台（套）"),
    figure_rules=FIGURES,
    glossary_entry=r"^[（(](?P<number>[一二三四五六七八九十]+)[)）]\s*(?P<term>[^：:]+?)\s*[:：]\s*(?P<definition>.+)$",
    summary_rows={
        "income_grand_total": ("收入总计",),
        "expenditure_grand_total": ("支出总计",),
    },
    three_public_rows=(
        ("abroad", r"因公出国"),
        ("vehicles", r"公务用车购置及运行费"),
        ("vehicle_purchase", r"^购置费$"),
        ("vehicle_operation", r"^运行费$"),
        ("reception", r"公务接待"),
    ),
    inventory=(
        ("organizations", "institutions", "机构设置"),
        ("projects", "projects", "项目经费情况说明"),
        ("expenditure_items", "overview", "财政拨款支出主要内容"),
        ("fixed_assets", "assets", "国有资产占有使用情况"),
        ("glossary", "glossary", "名词解释"),
        ("procurement", "procurement", "政府采购预算表（本模板只在文字中说明）"),
        ("activities", "performance", "职责活动绩效目标表（本模板不印）"),
    ),
    required_sections=(
        "duties",
        "institutions",
        "glossary",
        "overview",
        "three_public",
        "operating_costs",
        "procurement",
        "performance",
        "assets",
    ),
    parts={
        "cover": Cover(
            title_pattern=r"^(?P<jurisdiction>.+?)(?P<year>(?:19|20)\d{2})年区级(部门|单位)预算$",
            agency_label_pattern=r"^预算(主管部门|单位)[:：](?P<name>.+)$",
            budget_year_pattern=r"^(?P<year>(?:19|20)\d{2})年(部门|单位|预算单位)",
        ),
        "organizations": UnitList(
            section="institutions",
            unit_pattern=r"^\d+[.．、]\s*(?P<name>[^，,。]+?)(?:[（(]本部[)）])?(?:[，,](?P<remark>.*?))?。?$",
            divisions_pattern=r"(?P<parent>[^，,。：:]*?)设\d+个内设机构，包括[:：](?P<names>.+?)。",
        ),
        "expenditure_items": ExpenditureItems(
            section="overview",
            item_pattern=r"^(?P<number>\d+)[.．、]\s*[“\"](?P<path>[^”\"]+)[”\"]\s*(?P<amount>[\d,]+(?:\.\d+)?)万元",
            previous_pattern=r"(?P<label>\d{4}年当年预算执行数)为(?P<amount>[\d,]+(?:\.\d+)?)\s*万元",
            restated_pattern=r"\d{4}年预算安排(?P<amount>[\d,]+(?:\.\d+)?)\s*万元",
            change_pattern=r"比\d{4}年预算执行数(?P<direction>增加|减少|持平)(?:(?P<percent>[\d.]+)%)?",
            purpose_pattern=r"主要用于(?P<text>[^。]*)",
            reason_pattern=r"主要原因是[:：]?(?P<text>[^。]*)",
        ),
        "projects": ProjectPages(
            section="projects",
            title_pattern=r"^(?:项目|(?P<name>.+?))经费情况说明$",
            parts=(
                (r"项目概述|项目概况", "summary"),
                (r"立项依据", "legal_basis"),
                (r"实施主体", "implementer"),
                (r"实施方案", "implementation_plan"),
                (r"实施周期", "implementation_period"),
                (r"年度预算安排", "budget_text"),
                (r"绩效目标", "goal"),
            ),
            total_pattern=r"项目总预算(?P<amount>[\d,]+(?:\.\d+)?)\s*万元?",
            item_pattern=r"(?:^|[，,；;。]|其中)(?P<label>[^，,；;。\d]+?)(?P<amount>[\d,]+(?:\.\d+)?)\s*万元?",
        ),
        "fixed_assets": AssetStatements(
            section="assets",
            as_of_pattern=r"截至(\d{4})年(\d{1,2})月(\d{1,2})日",
            held_pattern=r"共有车辆",
            vehicles_pattern=r"共有车辆(?P<quantity>\d+)辆",
            category_pattern=r"(?P<name>[^，,；;：:、]+?用车)(?P<quantity>\d+)辆",
            equipment_pattern=r"单价(?P<threshold>\d+)万元（含）以上设备（不含车辆）(?P<quantity>\d+)台（套）",
        ),
    },
)
