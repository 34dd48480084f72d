"""The catalogue of checks: every check the audit runs, once, with its family, severity, title
and formula.  The audit names a check by its id; family and severity come from here, and so
do the catalogue resource of every package and the table on the data dictionary page.

A rule applies to the templates that print what it compares (`applies`, a predicate on the
template); a check of a rule the catalogue does not list is an error, not a silent row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..metadata.key_figures import KEY_FIGURES
from ..metadata.registry import FIELDS, ROLE_OF
from ..templates import TEMPLATES, Template
from ..templates.parts import ProjectTables

# The families and severities as the registry names them (one place for the labels).
FAMILIES = dict(FIELDS["family"].labels)
SEVERITIES = dict(FIELDS["severity"].labels)


def _every(template: Template) -> bool:
    return True


def _part(name: str) -> Callable[[Template], bool]:
    return lambda template: template.part(name) is not None


def _prints(table: str, *fields: str) -> Callable[[Template], bool]:
    """Templates whose table of the role `table` prints every one of `fields`."""

    def prints(template: Template) -> bool:
        layout = next(t for t in template.tables if ROLE_OF[t.key] == table)
        return all(f in layout.printed for f in fields)

    return prints


def _budget(template: Template) -> bool:
    """A 预算 holds what it plans to spend: income and spending agree (a 决算 carries over)."""
    return template.document_type == "budget"


def _figure(key: str) -> Callable[[Template], bool]:
    """Templates whose narrative states the figure `key` (section.name): a rule names it, or,
    for `item` (a figure no rule names) and `change_…`, its section or its figure is stated."""
    section, _, name = key.partition(".")
    name = name.removeprefix("change_").removesuffix("_percent")
    if name == "item":
        return lambda t: section in t.figure_sections
    return lambda t: any(r.section == section and r.key == name for r in t.figure_rules)


@dataclass(frozen=True)
class Rule:
    check: str
    family: str
    severity: str
    title: str
    formula: str
    identity: int
    applies: Callable[[Template], bool] = _every

    def __post_init__(self):
        assert self.family in FAMILIES and self.severity in SEVERITIES, self.check

    @property
    def templates(self) -> tuple[str, ...]:
        return tuple(name for name, t in TEMPLATES.items() if self.applies(t))

    def record(self) -> dict:
        return {
            "check": self.check,
            "family": self.family,
            "family_title": FAMILIES[self.family],
            "severity": self.severity,
            "check_title": self.title,
            "formula": self.formula,
            "templates": ",".join(self.templates),
            "identity": self.identity,
        }


def _arithmetic(check, title, formula, identity, applies=_every) -> Rule:
    return Rule(check, "arithmetic", "error", title, formula, identity, applies)


def _convention(check, title, formula, identity, applies=_every) -> Rule:
    """How most documents split a figure between two classifications, not arithmetic: a
    document may assign otherwise (浙江 puts part of 303 in 公用经费; 广州 codes part of the
    staff's pension and housing-fund contributions outside 2080505/2080506/2210201), so a miss
    is a warning to read the page, not an error."""
    return Rule(check, "arithmetic", "warning", title, formula, identity, applies)


def _narrative(check, title, formula, identity, applies=_every) -> Rule:
    return Rule(check, "narrative", "error", title, formula, identity, applies)


_HIERARCHY_TABLES = {
    "income": ("收入总表", 3),
    "expenditure": ("支出总表", 4),
    "general_budget_expenditure": ("一般公共预算支出表", 8),
    "government_fund_expenditure": ("政府性基金支出表", 8),
    "state_capital_expenditure": ("国有资本经营支出表", 8),
    "basic_expenditure": ("基本支出表", 9),
}
_THREE_PUBLIC_KEYS = tuple(
    dict.fromkeys(key for t in TEMPLATES.values() for key, _ in t.three_public_rows)
)
_OVERVIEW_KEYS = tuple(k for k in KEY_FIGURES if k.table_label)

RULES: tuple[Rule, ...] = (
    # 1 completeness ----------------------------------------------------------------------
    Rule("completeness.tables_present", "completeness", "error", "九张表齐全",
         "模板规定的九张表都已印刷", 28),
    Rule("completeness.tables_order", "completeness", "warning", "九张表顺序",
         "九张表按模板规定的顺序印刷", 28),
    Rule("completeness.sections_present", "completeness", "error", "必备章节齐全",
         "模板规定的章节都已印刷", 28),
    Rule("completeness.empty_table_note", "completeness", "warning", "空表有说明",
         "没有数字的表附有说明（注：……空表）", 28),
    Rule("completeness.note_vs_figures", "completeness", "error", "有数字的表不称空表",
         "表中有非零数字时，不应说明本表为空表", 28),
    Rule("completeness.contents_in_body", "completeness", "warning", "目录条目在正文中",
         "目录列出的每张表和每个章节都在正文中出现", 28),
    Rule("completeness.body_in_contents", "completeness", "warning", "正文的表列入目录",
         "正文中的每张表都列在目录中", 28),
    # 2 table arithmetic -----------------------------------------------------------------
    _arithmetic("summary.income_items", "收支总表收入合计", "本年收入合计 = 各收入项目之和", 1),
    _arithmetic("summary.expenditure_items", "收支总表支出合计", "本年支出合计 = 各支出项目之和", 1),
    _arithmetic("summary.income_grand_total", "收支总表收入总计", "收入总计 = 本年收入合计 + 上年结转（决算：+ 使用非财政拨款结余）", 1,
                lambda t: "income_year_total" in t.summary_rows),
    _arithmetic("summary.expenditure_grand_total", "收支总表支出总计", "支出总计 = 本年支出合计 + 结转下年（决算：+ 结余分配）", 1,
                lambda t: "expenditure_year_total" in t.summary_rows),
    _arithmetic("summary.balance", "收支总表平衡", "收入总计 = 支出总计", 1),
    _arithmetic("summary.expenditure_parts", "收支总表每行支出构成", "支出合计 = 人员经费 + 公用经费 + 项目支出", 1,
                _prints("income_expenditure_summary", "personnel")),
    _arithmetic("summary.income_item_parts", "收支总表收入分项", "收入项目 = 其下各分项之和", 1),
    _arithmetic("summary.expenditure_item_parts", "收支总表支出分项", "支出项目 = 其下各分项之和", 1),
    _arithmetic("income.total", "收入总表每行合计", "合计 = 各项收入之和（含上年结转）", 2),
    _arithmetic("income.subtotal", "收入总表每行小计", "小计 = 财政拨款收入 + … + 其他收入", 2,
                _prints("income", "subtotal")),
    _arithmetic("expenditure.total", "支出总表每行合计", "合计 = 基本支出 + 项目支出 + …", 4),
    *(
        _arithmetic(f"{key}.hierarchy", f"{title}科目层级", "类 = Σ款，款 = Σ项，合计 = Σ类", identity)
        for key, (title, identity) in _HIERARCHY_TABLES.items()
    ),
    _arithmetic("summary.grand_total_vs_income", "收支总表与收入总表", "收支总表 收入总计 = 收入总表 合计", 5),
    _arithmetic("summary.grand_total_vs_expenditure", "收支总表与支出总表", "收支总表 收入总计 = 支出总表 合计", 5),
    _arithmetic("summary.class_vs_expenditure", "收支总表支出类与支出总表", "收支总表 某类支出 = 支出总表 同类合计", 5),
    _arithmetic("income_vs_expenditure", "收入与支出按科目一致", "收入总表 科目合计 = 支出总表 同一科目合计", 6,
                _budget),
    _arithmetic("appropriation.income_items", "财政拨款收入合计", "本年收入合计 = 各项财政拨款收入之和", 7),
    _arithmetic("appropriation.carryover_items", "财政拨款结转", "年初结转和结余 = 各类资金结转之和", 7,
                lambda t: "appropriation_carryover" in t.summary_rows),
    _arithmetic("appropriation.grand_total", "财政拨款收入总计", "收入总计 = 本年收入合计 + 年初结转和结余", 7,
                lambda t: "income_year_total" in t.summary_rows),
    _arithmetic("appropriation.balance", "财政拨款收支平衡", "收入总计 = 支出总计", 7),
    _arithmetic("appropriation.expenditure_grand_total", "财政拨款支出总计", "支出总计 = 本年支出合计 + 年末结转和结余", 7,
                lambda t: "expenditure_carryover" in t.summary_rows),
    _arithmetic("appropriation.expenditure_items", "财政拨款支出合计", "本年支出合计 = 各类支出之和", 7),
    _arithmetic("appropriation.funds", "财政拨款每行资金构成", "合计 = 一般公共预算 + 政府性基金 + 国有资本经营", 7),
    _arithmetic("appropriation.vs_income", "财政拨款收入与收入总表", "财政拨款 本年收入 = 收入总表 合计的财政拨款收入", 7),
    _arithmetic("appropriation.class_vs_fund_table", "财政拨款支出类与各资金支出表", "财政拨款收支总表 某类某资金 = 该资金支出表 同类合计", 7),
    _arithmetic("general_budget.total", "一般公共预算每行合计", "合计 = 基本支出 + 项目支出", 8),
    _arithmetic("general_budget.vs_appropriation", "一般公共预算支出与拨款", "一般公共预算支出表 合计 = 一般公共预算拨款 + 结转", 8,
                _budget),
    _arithmetic("general_budget.vs_appropriation_spent", "一般公共预算支出与财政拨款支出", "一般公共预算支出表 合计 = 财政拨款收支总表 本年支出合计的一般公共预算", 8,
                lambda t: not _budget(t)),
    _arithmetic("government_fund.balance", "政府性基金结转结余", "年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余", 8,
                _prints("government_fund_expenditure", "opening_balance")),
    _arithmetic("basic.total", "基本支出每行合计", "合计 = 人员经费 + 公用经费", 9),
    _arithmetic("basic.block_totals", "基本支出分块合计", "人员经费合计、公用经费合计 = 其下各类之和（分块印刷时）", 9),
    _convention("basic.personnel_by_class", "人员经费按经济分类", "人员经费 = 301 + 303 类合计（通常的划分）", 11),
    _convention("basic.public_by_class", "公用经费按经济分类", "公用经费 = 302 + 310 类合计（通常的划分）", 11),
    _arithmetic("basic.vs_general_budget", "基本支出表与一般公共预算支出表", "基本支出表 合计 = 一般公共预算支出表 基本支出", 10),
    _arithmetic("expenditure.basic_at_least_general", "基本支出不少于财政拨款基本支出", "支出总表 基本支出 ≥ 一般公共预算支出表 基本支出", 12),
    _convention("functional_economic_link", "功能分类与经济分类对应", "2080505 = 30108；2080506 = 30109；2210201 = 30113（基本支出，通常的对应）", 13),
    _arithmetic("three_public.funds", "“三公”表每行资金构成", "合计 = 各类资金之和", 14,
                _prints("three_public", "general_budget")),
    _arithmetic("three_public.items", "“三公”经费构成", "“三公”经费 = 因公出国（境）费 + 公务用车购置及运维费 + 公务接待费", 14),
    _arithmetic("three_public.grand_total", "“三公”表合计", "合计 = “三公”经费小计 + 其他项目", 14),
    _arithmetic("three_public.parts", "“三公”表分项", "项目 = 其中各项之和", 14),
    _arithmetic("procurement.funds", "政府采购每行资金来源", "合计 = 各资金来源之和", 22, _part("procurement")),
    _arithmetic("procurement.price", "政府采购数量与单价", "金额 = 数量 × 单价", 22, _part("procurement")),
    _arithmetic("procurement.items_vs_subtotal", "政府采购小计", "各品目之和 = 各单位小计之和", 22, _part("procurement")),
    _arithmetic("procurement.items_vs_total", "政府采购合计", "各品目之和 = 合计行", 22, _part("procurement")),
    _arithmetic("fixed_assets.total", "资产总额构成", "资产总额 = 房屋 + 车辆 + 设备 + 其他", 23,
                lambda t: type(t.part("fixed_assets")).__name__ == "AssetTable"),
    _arithmetic("projects.budget_items", "项目预算分项", "项目年度预算 = 所列各分项之和", 21,
                lambda t: type(t.part("projects")).__name__ == "ProjectPages"),
    # 3 narrative against tables ---------------------------------------------------------
    _narrative("three_public.narrative_total", "“三公”经费总额", "叙述的“三公”经费 = “三公”表 合计", 15),
    _narrative("three_public.narrative_budget_total", "“三公”经费预算数", "决算叙述的“三公”预算 = “三公”表 合计的预算数", 15,
               _prints("three_public", "budgeted")),
    *(
        _narrative(f"three_public.narrative_{key}", "“三公”经费各项", f"叙述的 {key} = “三公”表同一项", 15,
                   _figure(f"three_public.{key}"))
        for key in _THREE_PUBLIC_KEYS
    ),
    _narrative("overview.income_vs_summary", "叙述的收入与收支总表", "叙述的收入 = 收支总表 本年收入合计", 16),
    *(
        _narrative(f"overview.{k.narrative_key.removeprefix('overview.')}_vs_table", f"叙述与{k.table_label}",
                   f"叙述的数字 = {k.table_label}", 16, _figure(k.narrative_key))
        for k in _OVERVIEW_KEYS
    ),
    _narrative("overview.income_source_vs_summary", "叙述的各项收入与收支总表", "叙述的某项收入 = 收支总表同一收入项目", 16,
               lambda t: any(r.section == "overview" and r.key.startswith("income_") for r in t.figure_rules)),
    _narrative("overview.fund_spending_vs_table", "叙述的各类拨款支出与支出表", "叙述的某类拨款支出 = 该类支出表（或财政拨款收支总表）合计", 16,
               _figure("overview.expenditure_general_budget")),
    _narrative("overview.expenditure_total_sum", "叙述的支出构成", "叙述：支出 = 基本支出 + 项目支出", 17,
               _figure("overview.basic")),
    _narrative("overview.basic_sum", "叙述的基本支出构成", "叙述：基本支出 = 人员经费 + 公用经费", 17,
               _figure("overview.personnel")),
    _narrative("overview.income_total_sum", "叙述的收入构成", "叙述：收入 = 各项收入之和", 17),
    _narrative("operating_costs.items", "机关运行经费构成", "机关运行经费 = 所列各项之和", 19,
               _figure("operating_costs.item")),
    _narrative("operating_costs.vs_table", "机关运行经费与表", "叙述的机关运行经费 = 表中机关运行经费", 19,
               lambda t: any("机关运行" in i.label for layout in t.tables for i in layout.items)),
    _narrative("overview.project_breakdown", "项目支出构成", "叙述：项目支出 = 所列各类之和", 20,
               _figure("overview.item")),
    _narrative("projects.budget_sum", "项目绩效目标表与项目支出", "各项目预算数之和 = 支出总表 项目支出", 21,
               lambda t: isinstance(t.part("projects"), ProjectTables)),
    _narrative("activities.budget_sum", "职责活动与项目支出", "叙述的项目支出 = 一级职责活动预算之和", 21,
               _part("activities")),
    _narrative("performance.project_funds_within", "绩效目标涉及资金", "编报绩效目标的项目资金 ≤ 支出总表 项目支出", 21,
               _figure("performance.project_funds")),
    _narrative("procurement.narrative_total", "政府采购总额", "叙述的政府采购预算 = 采购表各品目之和", 22,
               _part("procurement")),
    _narrative("procurement.narrative_parts", "政府采购构成", "政府采购预算 = 货物 + 工程 + 服务", 22,
               _figure("procurement.goods")),
    _narrative("procurement.reserved_within", "预留中小企业份额", "预留小微企业 ≤ 预留中小企业 ≤ 政府采购预算", 22,
               _figure("procurement.sme_reserved")),
    _narrative("fixed_assets.narrative_total", "资产总额", "叙述的资产总额 = 资产表 资产总额", 23,
               _figure("assets.total")),
    _narrative("assets.planned_vs_procurement", "拟购置固定资产与政府采购", "拟购置固定资产 = 采购中目录 A01–A06 的品目之和", 24,
               _part("procurement")),
    _narrative("assets.vehicle_categories", "车辆按用途合计", "车辆总数 = 各类用车之和（现有和拟购置分别核对）", 24,
               _figure("assets.vehicles_other")),
    _narrative("expenditure_items.vs_table", "逐项支出与一般公共预算支出表", "叙述的科目金额 = 一般公共预算支出表 同一科目合计", 25,
               _part("expenditure_items")),
    _narrative("expenditure_items.restated", "逐项支出两处金额一致", "同一科目写明的金额 = 其后“本年预算安排”的金额", 25,
               _part("expenditure_items")),
    _narrative("narrative.same_item_twice", "同一项两处金额一致", "叙述中同一项目的两处金额相同", 25),
    # 4 stated changes -------------------------------------------------------------------
    Rule("overview.change_sum", "changes", "error", "增减额构成",
         "总增减 = 基本支出增减 + 项目支出增减", 18, _figure("overview.change_basic")),
    Rule("expenditure_items.percent", "changes", "error", "写明的增减百分比",
         "百分比 = (本年 − 上年) ÷ 上年，按印刷的小数位四舍五入或截断；上年为 0 时无从计算", 26,
         _part("expenditure_items")),
    Rule("expenditure_items.completion", "changes", "error", "写明的预算完成比例",
         "完成比例 = 支出决算 ÷ 年初预算，按印刷的小数位四舍五入或截断；年初预算为 0 时无从计算", 26,
         lambda t: not _budget(t) and _part("expenditure_items")(t)),
    Rule("expenditure_items.direction", "changes", "error", "写明的增减方向",
         "增加 / 减少 / 持平 与两年数字的大小一致", 27, _part("expenditure_items")),
    Rule("expenditure_items.reason_direction", "changes", "error", "增减原因的方向",
         "原因中写的增加 / 减少 / 持平 与两年数字的大小一致", 27, _part("expenditure_items")),
    Rule("changes.percent", "changes", "error", "增减额与百分比",
         "百分比 = 增减额 ÷ (本年 − 增减额)，按印刷的小数位四舍五入或截断", 26),
    Rule("changes.self_year", "changes", "warning", "与本年度自身比较",
         "增减比较的基年早于预算年度（不写“比本年度预算…”）", 27),
    # 5 names ----------------------------------------------------------------------------
    Rule("same_code_same_name", "names", "warning", "同一编码同一名称",
         "同一科目编码在各表和叙述中名称相同", 6),
    Rule("names.code_name_by_year", "names", "warning", "科目名称与年度",
         "科目名称是该编码在预算年度的名称（见科目名称沿革）", 29),
    # 6 wording --------------------------------------------------------------------------
    Rule("wording.placeholder", "wording", "warning", "未替换的占位符", "不含 XX、××、待填写 等占位文字", 30),
    Rule("wording.doubled_punctuation", "wording", "warning", "重复标点", "不出现连续的两个标点（、、 ，， 。。 、，…）", 30),
    Rule("wording.unmatched_brackets", "wording", "warning", "括号引号配对", "每段中的括号、书名号、引号成对", 30),
    Rule("wording.missing_content", "wording", "warning", "句子缺内容", "“主要原因是”“主要用于”等之后有内容", 30),
    Rule("wording.kind", "wording", "warning", "部门与单位的称谓",
         "单位预算自称“单位”，部门预算自称“部门”", 30),
    Rule("wording.year", "wording", "warning", "年度表述", "称本年预算时写的年份是预算年度", 30),
)  # fmt: skip

CATALOGUE = {rule.check: rule for rule in RULES}
assert len(CATALOGUE) == len(RULES), "a check id is listed twice"


def rule(check: str) -> Rule:
    try:
        return CATALOGUE[check]
    except KeyError:
        raise KeyError(f"check {check!r} is not in the catalogue (audit/catalogue.py)") from None


def catalogue_rows() -> list[dict]:
    return [r.record() for r in RULES]
