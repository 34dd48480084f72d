"""The national structure (部门预算公开, prescribed by the Ministry of Finance): the default.

Every department of every government publishes the same nine tables, the same functional
(类/款/项) and economic classifications and the same topics of the 情况说明; provinces and
cities set only the printing (docs/domain.md f).  This template reads a document that no
province template claims, from vocabularies rather than one province's habits:

* a table is known by its title, whatever prefix numbers it (预算01表, 公开01表, 表1：, 表一,
  一、, 部门公开表1), whatever year, level (市级, 区级) and 部门/单位 precede it, and whatever
  classification note follows it (（按功能分类科目）, （预算表1）);
* its columns by what their headers mean (`meaning`: any order, alternatives per field; a column
  no field fits is reported, not guessed);
* its codes in every style (a code column, 类/款/项 columns, `[2010501]行政运行`,
  `2010501-行政运行`, `2010501 行政运行`, or none);
* the cover from the title lines before the contents: agency, year and kind in either order.
"""

from __future__ import annotations

from . import Column, FigureRule, Item, SectionRule, TableLayout, Template
from .parts import Cover, ExpenditureItems
from .words import GOVERNMENT_LEVEL

# What may stand before a title: a table number in any style, the year, the level of
# government, 部门/单位 and 综合/预算; and after it: a note on the classification or a number.
NUMBER = r"[0-9一二三四五六七八九十]{1,3}"
TITLE_PREFIX = (
    rf"(?:(?:部门公开|公开|预算|部门)?表{NUMBER}[:、.]?|(?:预算|公开){NUMBER}表[:、.]?"
    rf"|{NUMBER}、|\({NUMBER}\))?"
    rf"(?:\d{{4}}年度?)?{GOVERNMENT_LEVEL}?(?:部门|单位|预算单位)?"
    r"(?:综合)?(?:预算)?(?:本年)?"
)
TITLE_SUFFIX = r"(?:\((?:按)?[^()]{0,10}\)|\(预算表\d+\)|\(\d{4}年度?\))?"

FUND = r"(?:财政拨款|拨款)?"
KIND = r"(?:表|情况表|明细表)"

# The code column of the functional or the department's economic classification (not the
# government economic one, 政府经济分类 5xx, which no published field holds).
CODE = (
    Column(
        "code",
        # 科目代码 (a 决算's word) is a classification's; 部门代码 is a unit's, not read as one
        r"(?:部门预算|部门)?(?:支出)?(?:功能|经济)?(?:分类)?(?:科目)?编码"
        r"|(?:支出)?(?:功能|经济)?(?:分类)?科目代码|类|款|项",
    ),
)
NAME = (
    Column(
        "name",
        # the functional or the department's economic class (支出经济分类科目名称), never the
        # government's economic class (政府支出经济分类科目), which no published field holds
        r"(?:支出)?(?:部门)?(?:预算)?(?:支出)?(?:功能|经济)?(?:分类)?科目(?:名称)?|项目|功能科目名称"
        r"|(?:部门|单位|预算单位)(?:名称)?",  # a table by unit (收入总表 in 福建, 江苏)
    ),
)
PERSONNEL = r"(?:基本支出)?人员(?:经费|支出)(?:支出)?"
PUBLIC = r"(?:基本支出)?(?:日常)?公用(?:经费|支出)(?:支出)?"
TOTAL = r"合计|总计|小计|预算数?|本年预算|(?:\d{4}年)?预算数|金额|本年(?:预算)?合计"
SPENDING = (
    *CODE,
    *NAME,
    Column("total", TOTAL),
    Column("basic", r"(?:其中:)?基本支出(?:合计|小计)?"),
    Column("project", r"(?:其中:)?项目支出(?:合计)?"),
)
# The vocabularies a 预算 and a 决算 (templates/national_final.py) share: the sources of income,
# the spending beside basic and project, the three kinds of appropriation, the 三公 items.
INCOME_SOURCES = (
    Column("fiscal_appropriation", r"财政拨款(?:收入)?(?:合计|小计)?"),
    Column("business", r"事业收入"),
    Column("operating", r"(?:事业单位)?经营(?:收入)?"),
    Column("superior_subsidy", r"上级补助(?:收入)?"),
    Column("subordinate_remittance", r"附属单位上缴(?:收入)?"),
    Column("other", r"其他收入"),
)
OTHER_SPENDING = (
    Column("operating", r"(?:事业单位)?经营(?:性)?支出"),
    Column("remittance_to_superior", r"上(?:缴|解)上级支出"),
    Column("subsidy_to_subordinate", r"对附属单位补助(?:支出)?"),
)
FUNDS = (
    Column("general_budget", r"一般公共预算(?:财政拨款|拨款)?(?:资金)?"),
    Column("government_fund", r"政府性基金(?:预算)?(?:财政拨款|拨款)?(?:资金)?"),
    Column("state_capital", r"国有资本经营(?:预算)?(?:财政拨款|拨款)?(?:资金)?"),
)
THREE_PUBLIC_ITEMS = (
    Item(r"(?:三公经费)?(?:财政拨款)?(?:预算)?(?:总额|合计|总计)", 0),
    Item(r"因公出国\(境\)费(?:用)?", 1),
    Item(r"公务接待费", 1),
    Item(r"公务用车购置及运(?:行|维)(?:维护)?费|小计", 1, named_by_group=True),
    Item(r"(?:公务用车)?购置费", 2),
    Item(r"(?:公务用车)?运(?:行)?(?:维护)?费", 2),
)

TABLES = (
    TableLayout(
        "income_expenditure_summary",
        (r"(?:财务)?收支(?:预算)?(?:总表|总体情况表)",),
        "meaning",
        (
            Column("income_name", r"(?:收入)?项目"),
            Column("income", r"预算数?|金额|本年预算|合计"),
            Column("expenditure_name", r"(?:支出)?项目"),
            Column("expenditure", r"预算数?|金额|本年预算|合计"),
            Column("personnel", PERSONNEL),
            Column("public", PUBLIC),
            Column("project", r"项目支出"),
        ),
    ),
    TableLayout(
        "income",
        (r"收入(?:预算)?(?:总表|总体情况表)",),
        "meaning",
        (
            *CODE,
            *NAME,
            Column("total", r"合计|总计|收入总计|本年收入合计"),
            Column("subtotal", r"小计|本年收入小计"),
            *INCOME_SOURCES,
            Column("fiscal_special_account", r"财政专户(?:管理资金|拨款|核拨)?(?:收入)?"),
            Column("carryover", r"(?:使用)?上年结转(?:和)?(?:结余)?(?:资金)?(?:小计|合计)?"),
        ),
    ),
    TableLayout(
        "expenditure",
        (r"(?:本年)?支出(?:预算)?(?:总表|总体情况表)",),
        "meaning",
        (
            *SPENDING,
            *OTHER_SPENDING,
        ),
    ),
    TableLayout(
        "fiscal_appropriation_summary",
        (r"财政拨款收支(?:预算)?(?:总表|总体情况表)",),
        "meaning",
        (
            Column("income_name", r"(?:收入)?项目"),
            Column("income", r"预算数?|金额|本年预算"),
            Column("expenditure_name", r"(?:支出)?项目"),
            Column("total", r"合计|小计|预算数?|金额|本年预算"),
            *FUNDS,
        ),
    ),
    TableLayout(
        "general_budget_expenditure",
        (rf"一般公共预算{FUND}支出(?:功能分类)?(?:预算)?{KIND}",),
        "meaning",
        SPENDING,
    ),
    TableLayout(
        "government_fund_expenditure",
        (rf"政府性?基金预算{FUND}支出(?:功能分类)?(?:预算)?{KIND}",),
        "meaning",
        SPENDING,
    ),
    TableLayout(
        "state_capital_expenditure",
        (rf"国有资本经营预算{FUND}支出(?:功能分类)?(?:预算)?{KIND}",),
        "meaning",
        SPENDING,
    ),
    TableLayout(
        "basic_expenditure",
        # by economic class: one by functional class (西安's 基本支出明细表（按支出功能分类科目）)
        # is another table
        (rf"一般公共预算{FUND}基本支出(?:部门预算)?(?:经济分类)?(?:预算)?{KIND}(?!\(按?支出功能)",),
        "meaning",
        (
            *CODE,
            *NAME,
            Column("total", TOTAL),
            Column("personnel", PERSONNEL),
            Column("public", PUBLIC),
        ),
    ),
    TableLayout(
        "three_public",
        (
            r"(?:一般公共预算|财政拨款(?:预算)?|财政拨款安排的行政经费及)?三公经费"
            r"(?:、会议费、培训费|和机关运行经费|及机关运行经费)?(?:支出)?(?:预算)?(?:表|情况表)",
        ),
        "across",
        items=THREE_PUBLIC_ITEMS,
        absent=("general_budget", "government_fund", "state_capital"),  # printed across
        # … or its items as rows (福建, 广东): 项目 | 预算数 (| the three funds)
        columns=(
            Column("name", r"项目|科目(?:名称)?|项目名称"),
            Column("total", r"预算数?|合计|金额|本年预算|\d{4}年预算数?"),
            Column("general_budget", r"一般公共预算(?:财政拨款|拨款)?"),
            Column("government_fund", r"政府性基金(?:预算)?(?:财政拨款|拨款)?"),
            Column("state_capital", r"国有资本经营(?:预算)?(?:财政拨款|拨款)?"),
        ),
    ),
)

# The categories of official vehicles (公务用车) the national rules define (a regex each), with
# their keys in the narrative's figures (assets.vehicles_<key>); 岗位保障 is the name before 2020,
# leaders' cars are named by rank (部级, 副部（省）级及以上).
VEHICLES = (
    (r"(?:副)?部(?:[（(]省[)）])?级(?:及以上)?领导干部", "ministerial"),
    ("主要领导干部", "principal_leader"),
    ("机要通(?:信|讯)", "confidential"),
    ("应急保障", "emergency"),
    ("执法执勤", "law_enforcement"),
    ("特种专业技术", "special_technical"),
    ("离退休干部", "retired_cadre"),
    ("岗位保障", "post_support"),
    ("其他", "other"),
)

# Tables provinces add to the nine: recognised (and reported), not yet published.
OTHER_TABLES = (
    r"项目支出(?:预算)?(?:情况)?(?:表|明细表)",
    r"政府采购(?:支出|预算)?(?:明细)?(?:表|情况表)",
    r"政府购买服务(?:预算)?(?:明细)?(?:表|情况表)",
    r"(?:项目支出|部门整体支出|整体支出|专项转移支付)?绩效目标(?:申报)?表",
    r"(?:一般公共预算)?机关运行经费(?:支出)?(?:预算)?表",
    r"财政拨款(?:基本)?支出(?:预算)?表",
    r"(?:一般公共预算)?(?:项目)?支出经济分类(?:情况|预算)?表",
    r"(?:部门预算)?(?:基本|项目)支出(?:及其他支出)?预算表",
)

SECTIONS = (
    SectionRule("duties", r"主要职(?:责|能)|部门职责"),
    SectionRule("institutions", r"机构设置|预算单位构成"),
    SectionRule("overview", r"收支(?:预算)?(?:总体)?情况|预算安排(?:的)?(?:总体)?情况|收支增减"),
    SectionRule("three_public", r"三公"),
    SectionRule("operating_costs", r"机关运行经费"),
    SectionRule("procurement", r"政府采购"),
    SectionRule("performance", r"绩效"),
    SectionRule("assets", r"国有资产"),
    SectionRule("glossary", r"名词解释"),
    SectionRule("other", r"其他(?:需要|相关)?(?:说明|情况)"),
)

PLANNED = r"拟购置|拟更新|计划购置|计划更新|安排购置|拟新增"  # a sentence of vehicles to be bought

# The figures a budget's 情况说明 states, in the words the national family uses (the checks
# compare them with the tables): the year's totals, the 三公 budget and each of its items,
# 机关运行经费, 政府采购 with its parts, vehicles by category.
FIGURES = (
    FigureRule("overview", r"(?:收入|收支)(?:预算)?(?:总额|总计|合计)(?:为)?$", "income_total"),
    FigureRule("overview", r"(?<!财政拨款)(?<!一般公共预算)基本支出(?:预算)?(?:为)?$", "basic"),
    FigureRule("overview", r"(?<!财政拨款)(?<!一般公共预算)项目支出(?:预算)?(?:为)?$", "project"),
    FigureRule("three_public", r"三公.?经费.*(?:预算|安排)(?:数|总额)?(?:为|共计)?$", "total"),
    FigureRule("three_public", r"因公出国.境.费(?:用)?(?:预算|安排)?(?:为)?$", "abroad"),
    FigureRule(
        "three_public", r"公务用车购置及运(?:行)?(?:维护)?费(?:预算|安排)?(?:为)?$", "vehicles"
    ),
    FigureRule("three_public", r"公务用车购置费?(?:预算|安排)?(?:为)?$", "vehicle_purchase"),
    FigureRule(
        "three_public", r"公务用车运(?:行)?(?:维护)?费(?:预算|安排)?(?:为)?$", "vehicle_operation"
    ),
    FigureRule("three_public", r"公务接待费(?:预算|安排)?(?:为)?$", "reception"),
    FigureRule("operating_costs", r"机关运行经费(?:财政拨款)?(?:预算|安排)?(?:为|共计)?$", "total"),
    FigureRule("procurement", r"政府采购预算(?:总额)?(?:为|共计)?$", "total"),
    FigureRule("procurement", r"(?:政府采购)?货物(?:类)?(?:采购)?(?:预算)?(?:为)?$", "goods"),
    FigureRule("procurement", r"(?:政府采购)?工程(?:类)?(?:采购)?(?:预算)?(?:为)?$", "works"),
    FigureRule("procurement", r"(?:政府采购)?服务(?:类)?(?:采购)?(?:预算)?(?:为)?$", "services"),
    # vehicles to be bought (a sentence that says 拟购置, 计划购置, 更新) apart from those held
    FigureRule("assets", r"(?:购置|更新)(?:车辆|公务用车)?$", "planned_vehicles", PLANNED),
    *(
        FigureRule(
            "assets",
            rf"^(?:\d{{4}}年?)?(?:购置|更新)?{word}用车$",
            f"planned_vehicles_{key}",
            PLANNED,
        )
        for word, key in VEHICLES
    ),
    FigureRule("assets", r"共有车辆$", "vehicles"),
    *(FigureRule("assets", rf"^{word}用车$", f"vehicles_{key}") for word, key in VEHICLES),
)

AGENCY_END = (
    r"(?:局|委员会|委|办公室|办|厅|中心|院|所|站|队|处|会|馆|署|部|政府|办事处|集团|学校|大学|"
    r"医院|学院|协会|联合会|总工会|法院|检察院|监狱|街道)"
)

NATIONAL = Template(
    name="national",
    title="全国部门预算公开（通用结构）",
    description="财政部规定的全国统一结构：九张表按标题用词识别（不论编号），栏目按表头含义，"
    "科目编码各种印法，元或万元；各省模板只写与此不同之处。",
    kinds={"unit": r"单位预算", "department": r"部门(?:综合)?预算"},
    tables=TABLES,
    default_unit="万元",
    unit_line=r"单位[:：]\s*(?P<unit>元|千元|万元|亿元)\s*$",
    page_noise=(
        r"^(?:[-—－–]\s*\d[\d\s]*[-—－–]|第?\s*\d[\d\s]*页?|[\d\s]+|.*单位[:：].*"
        r"|(?:编制)?(?:部门|单位)(?:名称)?[:：].*|[(（]?\d{4}\s*年度?[)）]?|.*预算公开$"
        r"|[*\s\d]+|\d{3}-\S+.*|(?:预算|公开)?表\s*[0-9一二三四五六七八九十]{1,3}\s*表?)$"
    ),
    note=r"^[(（]?注[:：]",
    header_meta=r"^(?:金额)?单位[:：]|^(?:编制)?(?:部门|单位)(?:名称)?[:：]|^\d{3}-[\u4e00-\u9fff]",
    sections=SECTIONS,
    numbered_sections=False,
    figure_sections=("overview", "three_public", "operating_costs", "procurement", "assets"),
    figure_units=("万元", "万", "辆"),
    figure_rules=FIGURES,
    stated_flat=True,
    glossary_entry=r"^[（(]?(?P<number>\d+|[一二三四五六七八九十]+)\s*(?:[)）]|[、.．])\s*(?P<term>[^：:，。]{1,30}?)\s*[:：]\s*(?P<definition>.+)$",
    summary_rows={
        "income_year_total": ("本年收入合计", "本年收入小计", "收入合计", "本年收入"),
        "income_carryover": ("上年结转结余", "上年结转", "年初结转和结余", "上年结转和结余"),
        "income_grand_total": ("收入总计", "收入总额"),
        "expenditure_year_total": ("本年支出合计", "本年支出小计", "支出合计", "本年支出"),
        "expenditure_carryover": ("结转结余下年", "年末结转和结余", "年终结转结余", "结转下年"),
        "expenditure_grand_total": ("支出总计", "支出总额"),
        "appropriation_carryover": (
            "年初财政拨款结转和结余",
            "上年结转结余",
            "上年结转",
            "年初结转和结余",
        ),
    },
    three_public_rows=(
        ("abroad", r"因公出国"),
        ("vehicles", r"公务用车购置及运"),
        ("vehicle_purchase", r"购置费$"),
        ("vehicle_operation", r"运(行|维)"),
        ("reception", r"公务接待"),
    ),
    inventory=(),
    parts={
        # 一般公共服务支出（类）…（款）…（项）支出 2,906.63 万元，主要用于…, in any section
        "expenditure_items": ExpenditureItems(scope_pattern=r"一般公共预算"),
        "cover": Cover(
            title_pattern=(
                r"^[^\u4e00-\u9fff\d]*(?:(?P<year>(?:19|20)\d{2})\s*年度?)?\s*"
                rf"(?P<agency>(?:(?!预算|目录)[\u4e00-\u9fff（）()])+?{AGENCY_END}(?:[（(](?:本级|汇总|本部)[)）])?)"
                r"(?:部门)?\s*(?:(?P<year2>(?:19|20)\d{2}))?\s*年?度?\s*(?:部门|单位)(?:综合)?预算"
                r"(?:信息)?(?:公开)?(?:说明|情况说明)?\s*(?P<year3>(?:19|20)\d{2})?$"
            ),
            budget_year_pattern=r"(?P<year>(?:19|20)\d{2})\s*年度?[^，。,；;]{0,16}?预算",
            joined_lines=4,
        ),
    },
    title_prefix=TITLE_PREFIX,
    title_suffix=TITLE_SUFFIX,
    other_tables=OTHER_TABLES,
    fixed_order=False,  # provinces order the nine differently (广东: 基本支出 before 政府性基金)
)
