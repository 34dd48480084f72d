"""Synthetic budget documents for the benchmark: the seeds' structure, generated names and numbers.

`write_corpus(directory, n, seed)` writes n documents (`.txt` text as extracted from a PDF or a
DOCX, plus the `.yml` provenance) for varied jurisdictions, departments and years.  Each document
has the nine standard tables, 机构设置, project performance tables, procurement, fixed assets, a
narrative and a glossary, laid out like the seeds (docs/domain.md a–c) with their traps: repeated page
headers (full or column headers only), rows whose label is split across a page break, labels
wrapped with inserted spaces, `档次` for `栏次`, `预算年`/`度：` split, empty tables with notes,
000's misaligned procurement header; in the DOCX layout one cell per line, collapsed header
cells, bookmarks and stray page numbers.  Every arithmetic identity of docs/domain.md d holds, so the
audit of a synthetic corpus has no findings.  Same n and seed → same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path

from pypinyin import lazy_pinyin

from budget_portal.metadata.places import DIVISIONS
from budget_portal.read.metadata import department_slug
from budget_portal.templates import TEMPLATES

from ..render import header, text
from .final import render_final
from .shanghai import render_shanghai

YEARS = range(2019, 2026)
HEBEI = TEMPLATES["hebei"]
CLASS_NAMES = {
    "201": "一般公共服务支出",
    "205": "教育支出",
    "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出",
    "210": "卫生健康支出",
    "213": "农林水支出",
    "214": "交通运输支出",
    "220": "自然资源海洋气象等支出",
    "221": "住房保障支出",
    "224": "灾害防治及应急管理支出",
}
# Items every department has (their basic spending is tied to 基本支出表 by identity 13).
COMMON = {
    "20805": (
        "行政事业单位养老支出",
        {"2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出"},
    ),
    "21011": ("行政事业单位医疗", {"2101101": "行政单位医疗", "2101102": "事业单位医疗"}),
    "22102": ("住房改革支出", {"2210201": "住房公积金"}),
}


@dataclass(frozen=True)
class Department:
    name: str
    domain: str  # words for duties, projects and units
    programmes: dict  # 款 code → (name, {项 code: name}); the first 项 is 行政运行


DEPARTMENTS = (
    Department(
        "人力资源和社会保障局",
        "就业创业",
        {
            "20801": (
                "人力资源和社会保障管理事务",
                {
                    "2080101": "行政运行",
                    "2080102": "一般行政管理事务",
                    "2080109": "社会保险经办机构",
                    "2080199": "其他人力资源和社会保障管理事务支出",
                },
            ),
            "20807": ("就业补助", {"2080799": "其他就业补助支出"}),
        },
    ),
    Department(
        "教育局",
        "基础教育",
        {
            "20501": ("教育管理事务", {"2050101": "行政运行", "2050102": "一般行政管理事务"}),
            "20502": (
                "普通教育",
                {"2050201": "学前教育", "2050202": "小学教育", "2050203": "初中教育"},
            ),
        },
    ),
    Department(
        "卫生健康委员会",
        "公共卫生",
        {
            "21001": (
                "卫生健康管理事务",
                {"2100101": "行政运行", "2100199": "其他卫生健康管理事务支出"},
            ),
            "21004": ("公共卫生", {"2100401": "疾病预防控制机构", "2100408": "基本公共卫生服务"}),
        },
    ),
    Department(
        "民政局",
        "社会救助",
        {
            "20802": ("民政管理事务", {"2080201": "行政运行", "2080208": "基层政权建设和社区治理"}),
            "20810": ("社会福利", {"2081001": "儿童福利", "2081002": "老年福利"}),
        },
    ),
    Department(
        "农业农村局",
        "农业技术推广",
        {
            "21301": (
                "农业农村",
                {"2130101": "行政运行", "2130104": "事业运行", "2130108": "病虫害控制"},
            )
        },
    ),
    Department(
        "交通运输局",
        "道路养护",
        {"21401": ("公路水路运输", {"2140101": "行政运行", "2140106": "公路养护"})},
    ),
    Department(
        "文化广电和旅游局",
        "公共文化服务",
        {"20701": ("文化和旅游", {"2070101": "行政运行", "2070109": "群众文化"})},
    ),
    Department(
        "自然资源和规划局",
        "国土空间规划",
        {"22001": ("自然资源事务", {"2200101": "行政运行", "2200106": "自然资源利用与保护"})},
    ),
    Department(
        "应急管理局",
        "安全生产监管",
        {"22401": ("应急管理事务", {"2240101": "行政运行", "2240106": "安全监管"})},
    ),
    Department(
        "市场监督管理局",
        "市场监管",
        {"20138": ("市场监督管理事务", {"2013801": "行政运行", "2013804": "市场主体管理"})},
    ),
)
ECONOMIC = {
    "301": (
        "工资福利支出",
        {
            "30101": "基本工资",
            "30102": "津贴补贴",
            "30103": "奖金",
            "30107": "绩效工资",
            "30108": "机关事业单位基本养老保险缴费",
            "30109": "职业年金缴费",
            "30110": "职工基本医疗保险缴费",
            "30112": "其他社会保障缴费",
            "30113": "住房公积金",
        },
    ),
    "302": (
        "商品和服务支出",
        {
            "30201": "办公费",
            "30205": "水费",
            "30206": "电费",
            "30207": "邮电费",
            "30211": "差旅费",
            "30216": "培训费",
            "30217": "公务接待费",
            "30228": "工会经费",
            "30229": "福利费",
            "30231": "公务用车运行维护费",
            "30299": "其他商品和服务支出",
        },
    ),
    "303": ("对个人和家庭的补助", {"30302": "退休费", "30305": "生活补助"}),
    "310": ("资本性支出", {"31002": "办公设备购置"}),
}
INCOME_LABELS = (
    "一般公共预算拨款收入",
    "政府性基金预算拨款收入",
    "国有资本经营预算拨款收入",
    "财政专户管理资金收入",
    "事业收入",
    "事业单位经营收入",
    "上级补助收入",
    "附属单位上缴收入",
    "其他收入",
)
EXPENDITURE_LABELS = (
    "一般公共服务支出",
    "外交支出",
    "国防支出",
    "公共安全支出",
    "教育支出",
    "科学技术支出",
    "文化旅游体育与传媒支出",
    "社会保障和就业支出",
    "社会保险基金支出",
    "卫生健康支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "交通运输支出",
    "资源勘探工业信息等支出",
    "商业服务业等支出",
    "金融支出",
    "援助其他地区支出",
    "自然资源海洋气象等支出",
    "住房保障支出",
    "粮油物资储备支出",
    "国有资本经营预算支出",
    "灾害防治及应急管理支出",
    "预备费",
    "其他支出",
    "转移性支出",
    "债务还本支出",
    "债务付息支出",
    "债务发行费用支出",
    "抗疫特别国债安排的支出",
    "上划地方政府债券本金利息服务费",
)
NUMERALS = "一二三四五六七八九十"
GLOSSARY = (
    ("一般公共预算拨款收入", "指本级财政当年拨付的资金。"),
    ("财政专户管理资金收入", "指缴入财政专户、实行专项管理的资金收入。"),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    (
        "“三公”经费",
        "指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    ),
    ("机关运行经费", "指为保障行政单位运行用于购买货物和服务的各项公用经费。"),
)
INDICATORS = (  # 一级, 二级, 三级, description, value template, basis
    ("产出指标", "数量指标", "{d}服务人次", "全年完成{d}服务人次", "≥{n} 人次", "年度工作计划"),
    ("产出指标", "质量指标", "{d}任务完成率", "任务按要求完成的比例", "≥{p}%", "工作要求"),
    ("产出指标", "时效指标", "按时完成率", "在规定时限内完成的比例", "≥{p}%", "工作要求"),
    ("产出指标", "成本指标", "成本控制数", "项目成本控制在预算以内", "≤{m} 万元", "预算控制金额"),
    ("效益指标", "社会效益指标", "{d}覆盖率", "服务覆盖的人群比例", "≥{p} 百分比", "行业标准"),
    ("效益指标", "可持续影响指标", "长效机制建立情况", "制度建设与执行情况", "健全", "工作规划"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "服务对象问卷调查满意率", "≥{p}%", ""),
)
ITEMS = (  # procurement: name, catalogue number, unit, unit price range in 0.01 万元
    ("台式计算机", "A02010105", "台", (40, 80)),
    ("便携式计算机", "A02010108", "台", (50, 90)),
    ("多功能一体机", "A02020400", "台", (20, 60)),
    ("扫描仪", "A02021118", "台", (10, 40)),
    ("办公桌", "A05010201", "张", (5, 20)),
    ("办公椅", "A05010301", "把", (3, 10)),
    ("文件柜", "A05010502", "组", (5, 12)),
    ("空调机", "A02061804", "台", (30, 70)),
)
UNIT_KINDS = (
    ("行政", "正科级", "财政拨款"),
    ("事业", "正科级", "财政性资金基本保证"),
    ("事业", "副科级", "财政性资金定额或定项补助"),
)


# --- the data of one document ------------------------------------------------------------------


@dataclass
class Budget:
    """One synthetic department budget; amounts in 分 (0.01 万元) so every sum is exact."""

    jurisdiction: str
    department: Department
    code: str
    year: int
    layout: str  # "pdf-tsv" | "docx-cells"
    rng: random.Random
    template: str = "hebei"
    economic: dict = field(default_factory=dict)  # 5-digit code → basic amount
    basic: dict = field(default_factory=dict)  # 7-digit code → general-budget basic
    project: dict = field(default_factory=dict)  # 7-digit code → general-budget project
    special: dict = field(default_factory=dict)  # 7-digit code → 财政专户 project
    names: dict = field(default_factory=dict)  # functional code → name

    @property
    def agency(self) -> str:
        return f"{self.jurisdiction}{self.department.name}"


def money(cents: int) -> str:
    """As the tables print it: two decimals, blank for nothing."""
    return f"{cents // 100}.{cents % 100:02d}" if cents else ""


def prose(cents: int) -> str:
    """As the narrative prints it: trailing zeros dropped (506, 124.4)."""
    return f"{cents // 100}.{cents % 100:02d}".rstrip("0").rstrip(".")


def split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` in `parts` positive shares that add up exactly."""
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def make_budget(jurisdiction, department, code, year, layout, rng, template="hebei") -> Budget:
    b = Budget(jurisdiction, department, code, year, layout, rng, template)
    scale = rng.choice((30_000, 120_000, 400_000, 1_500_000))  # 基本工资 in 分
    wages = {
        "30101": scale,
        "30102": scale * rng.randint(40, 80) // 100,
        "30103": scale * rng.randint(5, 15) // 100,
        "30107": scale * rng.randint(20, 50) // 100,
    }
    payroll = sum(wages.values())
    b.economic = {
        **wages,
        "30108": payroll * 16 // 100,
        "30109": payroll * 8 // 100,
        "30110": payroll * 8 // 100,
        "30112": payroll // 100,
        "30113": payroll * 12 // 100,
    }
    for code5 in ECONOMIC["302"][1]:
        if rng.random() < 0.8 or code5 in ("30201", "30217", "30231"):
            b.economic[code5] = rng.randint(1, 40) * scale // 400 + rng.randint(1, 99)
    b.economic["30302"] = scale * rng.randint(5, 40) // 100
    if rng.random() < 0.5:
        b.economic["30305"] = rng.randint(10, 900)
    b.economic["31002"] = rng.randint(100, 3000)
    # Functional basic spending: identity 13 ties three 项 to 基本支出表; the rest is 行政运行.
    b.names.update({c: n for c, n in CLASS_NAMES.items()})
    for kuan, (name, items) in (*department.programmes.items(), *COMMON.items()):
        b.names[kuan] = name
        b.names.update(items)
    b.basic = {
        "2080505": b.economic["30108"],
        "2080506": b.economic["30109"],
        "2210201": b.economic["30113"],
    }
    medical = split(rng, b.economic["30110"], 2)
    b.basic.update({"2101101": medical[0], "2101102": medical[1]})
    programmes = list(department.programmes.values())
    running = list(programmes[0][1])  # 行政运行 first
    rest = sum(b.economic.values()) - sum(b.basic.values())
    shares = split(rng, rest, 2) if len(running) > 1 and rng.random() < 0.5 else [rest]
    for item, amount in zip(running, shares, strict=False):  # one or two shares
        b.basic[item] = amount
    project_items = [c for _, items in programmes for c in items if c not in running[:1]]
    for item in rng.sample(project_items, max(1, len(project_items) - rng.randint(0, 1))):
        b.project[item] = rng.randint(5, 60) * scale // 10 + rng.randint(1, 99)
    if rng.random() < 0.4 and template == "hebei":  # Shanghai's tables have no 财政专户 column
        b.special[project_items[0]] = rng.randint(1, 10) * scale // 20 + rng.randint(1, 99)
    return b


# --- the tables --------------------------------------------------------------------------------


def functional_rows(b: Budget, columns) -> list[tuple[str, str, list[int]]]:
    """(code, name, amounts) for 合计 and every 类/款/项 with money; `columns(code7)` → amounts."""
    items = sorted(c for c in set(b.basic) | set(b.project) | set(b.special) if any(columns(c)))
    totals: dict[str, list[int]] = {}
    for item in items:
        for code in (item[:3], item[:5], item):
            totals[code] = [
                a + v
                for a, v in zip(
                    totals.get(code, [0] * len(columns(item))), columns(item), strict=True
                )
            ]
    grand = [
        sum(totals[c][i] for c in totals if len(c) == 3) for i in range(len(columns(items[0])))
    ]
    return [("", "合计", grand)] + [
        (c, b.names[c], totals[c][: len(grand)]) for c in sorted(totals)
    ]


def coded_table(rows, width: int):
    """Data rows of a coded table: 序号, 科目编码, 科目名称, amounts (blank when 0)."""
    return [
        [str(i), code, name, *(money(a) for a in amounts)][:width]
        for i, (code, name, amounts) in enumerate(rows, start=1)
    ]


def class_totals(b: Budget, columns) -> dict[str, list[int]]:
    return {code: amounts for code, _, amounts in functional_rows(b, columns) if len(code) == 3}


def two_sided(income: list[str], b: Budget, columns, width: int, footer) -> list[list[str]]:
    by_class = class_totals(b, columns)
    rows = []
    for i, label in enumerate(EXPENDITURE_LABELS):
        code = next((c for c, n in CLASS_NAMES.items() if n == label), "")
        amounts = by_class.get(code, [])
        left = income[i] if i < len(income) else ["", ""]
        rows.append(
            [
                str(i + 1),
                *left,
                f"{numeral(i + 1)}、{label}",
                *(money(a) for a in amounts),
                *[""] * (width - 4 - len(amounts)),
            ][:width]
        )
    for cells in footer:
        rows.append([str(len(rows) + 1), *cells])
    return rows


def numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return f"{NUMERALS[tens - 1] if tens > 1 else ''}十{NUMERALS[ones - 1] if ones else ''}"


def economic_rows(b: Budget) -> list[tuple[str, str, list[int]]]:
    """(code, name, [total, personnel, public]) of 基本支出表: 合计, each 类 and its 款."""
    people = lambda c: c[:3] in ("301", "303")  # noqa: E731
    economic = [
        (
            "",
            "合计",
            [
                sum(b.economic.values()),
                sum(v for c, v in b.economic.items() if people(c)),
                sum(v for c, v in b.economic.items() if not people(c)),
            ],
        )
    ]
    for klass, (name, items) in ECONOMIC.items():
        amounts = {c: b.economic[c] for c in items if c in b.economic}
        subtotal = sum(amounts.values())
        economic.append(
            (klass, name, [subtotal, *((subtotal, 0) if people(klass) else (0, subtotal))])
        )
        economic += [
            (c, items[c], [v, *((v, 0) if people(c) else (0, v))]) for c, v in amounts.items()
        ]
    return economic


def standard_tables(b: Budget) -> list[tuple[str, list[list[str]], list[list[str]]]]:
    """(title, header rows, data rows) for the nine tables."""
    gp = lambda c: b.basic.get(c, 0) + b.project.get(c, 0)  # noqa: E731
    special = lambda c: b.special.get(c, 0)  # noqa: E731
    total = lambda c: gp(c) + special(c)  # noqa: E731
    gp_total = sum(gp(c) for c in set(b.basic) | set(b.project))
    sp_total = sum(b.special.values())
    grand = gp_total + sp_total
    income_rows = functional_rows(
        b, lambda c: [total(c), total(c), gp(c), special(c), 0, 0, 0, 0, 0, 0]
    )
    expenditure_rows = functional_rows(
        b, lambda c: [total(c), b.basic.get(c, 0), b.project.get(c, 0) + special(c)]
    )
    gp_rows = functional_rows(b, lambda c: [gp(c), b.basic.get(c, 0), b.project.get(c, 0)])
    income = [
        [f"{numeral(i + 1)}、{label}", money({0: gp_total, 3: sp_total}.get(i, 0))]
        for i, label in enumerate(INCOME_LABELS)
    ]
    summary = two_sided(
        income,
        b,
        lambda c: [total(c)],
        5,
        [
            ["本年收入合计", money(grand), "本年支出合计", money(grand)],
            ["上年结转结余", "", "年终结转结余", ""],
            ["收入总计", money(grand), "支出总计", money(grand)],
        ],
    )
    fiscal_income = [
        [f"{numeral(i + 1)}、{label}", money(gp_total if i == 0 else 0)]
        for i, label in enumerate(
            ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款")
        )
    ]
    fiscal = two_sided(
        fiscal_income,
        b,
        lambda c: [gp(c), gp(c)],
        8,
        [
            [
                "本年收入合计",
                money(gp_total),
                "本年支出合计",
                money(gp_total),
                money(gp_total),
                "",
                "",
            ],
            ["年初财政拨款结转和结余", "", "年末财政拨款结转和结余", "", "", "", ""],
            ["一、一般公共预算拨款", "", "", "", "", "", ""],
            ["二、政府性基金预算拨款", "", "", "", "", "", ""],
            ["三、国有资本经营预算拨款", "", "", "", "", "", ""],
            ["收入总计", money(gp_total), "支出总计", money(gp_total), money(gp_total), "", ""],
        ],
    )
    economic = economic_rows(b)
    vehicle, reception = b.economic["30231"], b.economic["30217"]
    abroad = b.rng.choice((0, 0, b.rng.randint(100, 900)))
    three = [
        ("合计", abroad + vehicle + reception),
        ("一、因公出国（境）费", abroad),
        ("二、公务用车购置及运维费", vehicle),
        ("其中：公务用车购置费", 0),
        ("公务用车运行维护费", vehicle),
        ("三、公务接待费", reception),
    ]
    b.three_public = dict(three)
    data = {
        "income_expenditure_summary": summary,
        "income": coded_table(income_rows, 13),
        "expenditure": [r + [""] * 3 for r in coded_table(expenditure_rows, 6)],
        "fiscal_appropriation_summary": fiscal,
        "general_budget_expenditure": coded_table(gp_rows, 6),
        "basic_expenditure": coded_table(economic, 6),
        "government_fund_expenditure": [],
        "state_capital_expenditure": [],
        "three_public": [
            [str(i), label, money(v), money(v), "", ""] for i, (label, v) in enumerate(three, 1)
        ],
    }
    tables = []
    for layout in HEBEI.tables:  # titles and headers as the template defines them
        head = header(layout, HEBEI)
        if layout.key == "general_budget_expenditure":
            head[-1][0] = b.rng.choice(HEBEI.column_number_labels)  # 档次 misprint
        tables.append((table_title(layout), head, data[layout.key]))
    return tables


def table_title(layout) -> str:
    return text(layout.titles[0])


EMPTY_NOTES = {
    "government_fund_expenditure": "注：无政府基金预算财政拨款预算，空表列示。",
    "state_capital_expenditure": "注：无国有资本经营预算财政拨款预算，空表列示。",
}


# --- the narrative and its tables ---------------------------------------------------------------


def units(b: Budget) -> list[list[str]]:
    count = b.rng.randint(1, 8)
    words = [b.department.domain, "综合服务", "信息", "培训", "事务", "技术", "监测", "保障"]
    rows = [[f"{b.agency}机关", "行政", "正科级", "财政拨款"]]
    for word in b.rng.sample(words, count - 1):
        kind = b.rng.choice(UNIT_KINDS[1:])
        rows.append([f"{b.jurisdiction}{word}中心", *kind])
    return rows


def projects(b: Budget) -> list[tuple[str, str, list[list[str]]]]:
    """(title, goal, indicator rows) for each project."""
    out = []
    verbs = ("管理", "专项", "运行保障", "服务", "能力建设", "宣传", "监督检查", "信息化建设")
    for i in range(b.rng.randint(5, 35)):
        prefix = b.rng.choice(("XZ-", "FM-", "ZH-"))
        title = f"{prefix}{b.department.domain}{b.rng.choice(verbs)}经费{i + 1}"
        goal = (
            f"{i + 1}.保障{b.department.domain}工作顺利开展。 2.完成年度{b.rng.choice(verbs)}任务。"
        )
        rows, last = [], ""
        for first, second, third, description, value, basis in b.rng.sample(INDICATORS, 5):
            value = value.format(
                n=b.rng.randint(10, 5000), p=b.rng.randint(80, 100), m=b.rng.randint(1, 90)
            )
            third = third.format(d=b.department.domain)
            description = description.format(d=b.department.domain)
            rows.append([first if first != last else "", second, third, description, value, basis])
            last = first
        out.append((f"{title}绩效目标表", goal, rows))
    return out


def procurement(b: Budget) -> tuple[str, list[list[str]]]:
    project = f"XZ-{b.department.domain}管理经费"
    rows, total = [], 0
    chosen = b.rng.sample(ITEMS, b.rng.randint(2, 6))
    for name, catalogue, unit, (low, high) in chosen:
        quantity, price = b.rng.randint(1, 30), b.rng.randint(low, high)
        rows.append([name, catalogue, unit, str(quantity), money(price), money(quantity * price)])
        total += quantity * price
    return (
        project,
        [[project, money(total), *r[:5], r[5], r[5], *[""] * 6, r[5]] for r in rows],
        total,
    )


def assets(b: Budget) -> list[tuple[str, str, int]]:
    house, vehicles, equipment, other = (b.rng.randint(10_000, 900_000) for _ in range(4))
    return [
        ("资产总额", "—", house + vehicles + equipment + other),
        ("1、房屋（平方米）", f"{b.rng.randint(500, 40000)}.{b.rng.randint(0, 99):02d}", house),
        ("其中: 办公用房 (平方米)", f"{b.rng.randint(100, 400)}.00", house // 3),
        ("2、车辆 (台、辆)", str(b.rng.randint(1, 20)), vehicles),
        ("3、单价在 20 万元以上的设备", str(b.rng.randint(1, 40)), equipment),
        ("4、其他固定资产", "—", other),
    ]


def narrative(b: Budget) -> list:
    """The 情况说明 as a list of paragraphs and tables (like 000:424–1081)."""
    y, a = b.year, b.agency
    gp_basic = sum(b.economic.values())
    people = sum(v for c, v in b.economic.items() if c[:3] in ("301", "303"))
    public = gp_basic - people
    projects_total = sum(b.project.values()) + sum(b.special.values())
    special = sum(b.special.values())
    total = gp_basic + projects_total
    d_basic, d_project = b.rng.randint(-5000, 30000), b.rng.randint(-20000, 90000)
    change = lambda v: ("增加" if v >= 0 else "减少") + f"{prose(abs(v))}万元"  # noqa: E731
    public_items = [
        (ECONOMIC[c[:3]][1][c], v) for c, v in b.economic.items() if c[:3] in ("302", "310")
    ]
    three = b.three_public
    duties = [
        f"（{NUMERALS[i]}）负责全{b.jurisdiction[-1]}{b.department.domain}工作的{w}。"
        for i, w in enumerate(
            ("统筹规划", "政策落实", "监督管理", "公共服务")[: b.rng.randint(2, 4)]
        )
    ]
    out = [
        f"{a} {y} 年部门预算信息公开情况说明",
        f"按照《中华人民共和国预算法》和《地方预决算公开操作规程》规定，现将{a} {y} 年部门预算公开如下：",
        "一、部门职责及机构设置情况",
        "部门职责：",
        *duties,
        "机构设置：",
        "部门机构设置情况",
        ("table", [["单位名称", "单位性质", "单位规格", "经费保障形式"], *units(b)]),
        "二、部门预算安排的总体情况",
        f"按照预算管理有关规定，{a}机关及所属事业单位的收支包含在部门预算中。",
        "（一）收入说明",
        f"反映本部门当年全部收入。{y}年预算收入{prose(total)}万元，其中：一般公共预算收入"
        f"{prose(total - special)}万元，基金预算收入0万元，国有资本经营预算收入0万元，财政专户核拨收入"
        f"{prose(special)}万元，单位资金收入0万元，上年结转结余0万元。",
        "（二）支出说明",
        f"反映{a}年度部门预算中支出预算的总体情况。{y}年支出预算{prose(total)}万元，其中基本支出"
        f"{prose(gp_basic)}万元，包括人员经费{prose(people)}万元和日常公用经费{prose(public)}万元；"
        f"项目支出{prose(projects_total)}万元，主要为{b.department.domain}等支出。",
        "（三）比上年增减情况",
        f"{y}年预算收支安排{prose(total)}万元，较{y - 1}年预算{change(d_basic + d_project)}，其中："
        f"基本支出{change(d_basic)}，主要为人员变动；项目支出{change(d_project)}，主要为{b.department.domain}任务调整。",
        "三、机关运行经费安排情况",
        f"{y}年，我部门机关运行经费共计安排{prose(public)}万元，主要用于办公、水电、差旅等日常运行支出。",
    ]
    if b.rng.random() < 0.5:
        out.append("其中：" + "、".join(f"{name}{prose(v)}万元" for name, v in public_items) + "。")
    out += [
        "四、财政拨款“三公”经费预算情况及增减变化原因",
        f"{y}年，我部门财政拨款“三公”经费预算安排{prose(three['合计'])}万元，其中因公出国（境）费"
        f"{prose(three['一、因公出国（境）费'])}万元；公务用车购置及运维费{prose(three['二、公务用车购置及运维费'])}"
        f"万元（其中：公务用车购置费为0万元，公务用车运维费{prose(three['公务用车运行维护费'])}万元）；"
        f"公务接待费{prose(three['三、公务接待费'])}万元。",
        "五、预算绩效信息",
        "第一部分 部门整体绩效目标",
        "（一）总体绩效目标",
        f"围绕{b.department.domain}中心工作，提高财政资金使用效益，完成年度各项任务。",
        "第二部分 预算项目绩效目标",
    ]
    for i, (title, goal, rows) in enumerate(projects(b), start=1):
        out += [
            f"{i}、{title}",
            (
                "table",
                [
                    ["绩效目标", "", "", goal, "", ""],
                    [
                        "一级指标",
                        "二级指标",
                        "三级指标",
                        "绩效指标描述",
                        "指标值",
                        "指标值确定依据",
                    ],
                    *rows,
                ],
            ),
        ]
    return out


# --- layout ------------------------------------------------------------------------------------


def wrap(rng: random.Random, text: str) -> str:
    """A long label as a PDF wraps it: a space inserted between two CJK characters (c.5)."""
    if len(text) < 8 or rng.random() < 0.7:
        return text
    at = rng.randint(3, len(text) - 2)
    return f"{text[:at]} {text[at:]}" if "\u4e00" <= text[at - 1] <= "\u9fff" else text


class Writer:
    """Lays out paragraphs and tables as the PDF (TSV) or DOCX (cell per line) text extraction."""

    def __init__(self, b: Budget):
        self.b, self.rng, self.lines = b, b.rng, []
        self.docx = b.layout == "docx-cells"
        self.bookmarks = 0

    def paragraph(self, text: str, bookmark: bool = False) -> None:
        if self.docx:
            if bookmark:
                self.bookmarks += 1
                text = f" [bookmark: _Toc_2_2_{self.bookmarks:010d}]{text}"
            self.lines.append(text)
        else:
            self.lines += [text, ""]

    def row(self, cells: list[str]) -> None:
        if self.docx:
            self.lines += [f"\t{cell}" for cell in cells] + [""]
        else:
            self.lines.append("\t".join(cells))

    def header(self, rows: list[list[str]]) -> None:
        for cells in rows:
            if self.docx:  # merged cells collapse (c.8c)
                cells = [cells[0], *(c.replace(" ", "    ") for c in cells[1:] if c)]
            self.row(cells)

    def page_head(self, year_split: bool = False) -> None:
        """The agency, year and unit lines a page repeats (c.3, c.4)."""
        b = self.b
        if self.docx:
            self.row([f"{b.code}{b.agency}", f"预算年度：{b.year}", "单位：万元"])
            return
        self.paragraph(f"{b.code} {b.agency}")
        if year_split:
            self.paragraph("预算年")
            self.paragraph(f"度：{b.year}")
        else:
            self.paragraph(f"预算年度：{b.year}")
        self.paragraph("单位：万元")

    def table(
        self,
        title: str,
        header: list[list[str]],
        rows: list[list[str]],
        name_column: int | None = 2,
    ) -> None:
        self.paragraph(title, bookmark=True)
        self.page_head()
        self.header(header)
        page = self.rng.randint(8, 22)
        for i, cells in enumerate(rows):
            if not self.docx and i and i % page == 0:
                self.page_break(header, name_column)
            self.row(
                [
                    wrap(self.rng, c) if j == name_column and not self.docx else c
                    for j, c in enumerate(cells)
                ]
            )
        self.lines += [] if self.docx else [""]

    def page_break(self, header: list[list[str]], name_column: int | None) -> None:
        """A page break (TSV only): page head and/or column headers repeat (c.3); sometimes the
        previous row's label continues on the new page in a row with an empty 序号 (c.1)."""
        previous = self.lines[-1].split("\t")
        label = previous[name_column].replace(" ", "") if name_column is not None else ""
        tail = None
        if previous[1].isdigit() and len(label) >= 6 and self.rng.random() < 0.5:
            cut = self.rng.randint(2, len(label) - 2)
            previous[name_column], rest = label[:cut], label[cut:]
            self.lines[-1] = "\t".join(previous)
            tail = [""] * len(previous)
            tail[name_column] = rest
        self.lines.append("")
        if self.rng.random() < 0.7:
            self.page_head(year_split=self.rng.random() < 0.2)
        self.header(header)
        if tail:
            self.row(tail)

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def render(b: Budget) -> str:
    w = Writer(b)
    if not w.docx:  # the table of contents (c.10)
        w.paragraph(f"{b.year} 年部门预算信息公开目录")
        titles = [table_title(layout) for layout in HEBEI.tables]
        w.lines += [f"{t}.....\t{i * 2 + 3}" for i, t in enumerate(titles)] + [""]
    for layout, (title, head, rows) in zip(HEBEI.tables, standard_tables(b), strict=True):
        w.table(title, head, rows, name_column=None if layout.key == "three_public" else 2)
        if layout.key in EMPTY_NOTES:
            w.paragraph(EMPTY_NOTES[layout.key])
        if w.docx and b.rng.random() < 0.3:
            w.lines.append(f" {b.rng.randint(2, 99)}")  # stray page number (c.10)
    _, items, procurement_total = procurement(b)
    asset_rows = assets(b)
    body = narrative(b)
    for part in body:
        if isinstance(part, tuple):
            for cells in part[1]:
                w.row(cells)
            w.lines += [] if w.docx else [""]
        else:
            w.paragraph(part)
    y = b.year
    w.paragraph("六、政府采购预算情况")
    w.paragraph(
        f"{y}年，{b.agency}安排政府采购预算{money(procurement_total)}万元。具体内容见下表。"
    )
    w.paragraph("部门政府采购预算")
    w.paragraph(f"{b.code} {b.agency}")
    w.paragraph("单位：万元")
    w.row(
        [
            "政府采购项目来源",
            "",
            "采购物品名称",
            "政府采购目录序号",
            "计量单位",
            "数量",
            "单价",
            "政府采购金额（当年部门预算安排资金）",
            "",
            "",
            "",
            "",
            "",
            "",
            f"{y}年预留中小微企业份额",
            "",
        ]
    )
    w.row(
        [
            "项目名称",
            "预算资金",
            "",
            "",
            "",
            "",
            "",
            "合计",
            "一般公共预算拨款",
            "基金预算拨款",
            "国有资本经营预算拨款",
            "财政专户核拨",
            "单位资金",
            "财政拨款结转",
            "",
            "非财政拨款结转结余",
        ]
    )
    for cells in items:
        w.row(cells)
    w.lines += [] if w.docx else [""]
    w.paragraph("注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。")
    w.paragraph("七、国有资产信息")
    w.paragraph(
        f"{b.agency}（含所属单位）上年末固定资产金额为 {money(asset_rows[0][2])} 万元（详见下表）。"
        f"本年度拟购置固定资产总额为 {money(procurement_total)} 万元，已按要求列入政府采购预算。"
    )
    w.paragraph("部门固定资产占用情况表")
    w.paragraph(f"{b.code} {b.agency}")
    w.paragraph(f"截止时间：{y - 1}-12-31")
    w.row(["项目", "数量", "价值（金额单位：万元）"])
    for label, quantity, value in asset_rows:
        w.row([label, quantity, money(value)])
    w.lines += [] if w.docx else [""]
    w.paragraph("八、名词解释")
    for i, (term, definition) in enumerate(GLOSSARY, start=1):
        w.paragraph(f"{i}、**{term}**：{definition}")
    w.paragraph("九、其他需要说明的事项")
    w.paragraph("无。")
    return w.text()


# --- the corpus --------------------------------------------------------------------------------


def jurisdictions(rng: random.Random) -> list[str]:
    """11 real prefecture-level cities (GB/T 2260), each with up to 14 of its counties and 3 of
    its districts, so the place pages have a real tree to draw; names with distinct pinyin.
    Counties are named within their city (`邢台市临城县`): a bare county name may recur."""
    names = dict(line.split(",", 1) for line in DIVISIONS.read_text("utf-8").splitlines()[1:])
    cities = sorted(
        c for c, n in names.items() if c[4:] == "00" and c[2:4] != "00" and n.endswith("市")
    )
    seen, out = set(), []

    def fresh(name: str) -> bool:
        key = "".join(lazy_pinyin(name))
        if key in seen:
            return False
        seen.add(key)
        return True

    for city in rng.sample(cities, 11):
        below = sorted(c for c in names if c[:4] == city[:4] and c != city)
        counties = [names[c] for c in below if names[c].endswith("县")]
        districts = [names[c] for c in below if names[c].endswith("区")]
        fresh(names[city])
        out.append(names[city])
        for pool, count in ((counties, 14), (districts, 3)):
            chosen = [f"{names[city]}{n}" for n in rng.sample(pool, min(count, len(pool)))]
            out += [name for name in chosen if fresh(name)]
    return out


def plan(n: int, seed: int) -> list[tuple[str, Department, str, int, str, str]]:
    """(jurisdiction, department, code, year, layout, template) for n documents.  Departments
    come in a shuffled order, each with one to three consecutive years, so even a small corpus
    spans several governments and has departments with more than one year.  Every fourth
    government prints Shanghai's template (as text extracted from its PDFs), the others
    Hebei's (in both extraction layouts): about a quarter and three quarters of a corpus.  A
    third of the departments also publish the 决算 of their first year (tests/bench/final.py),
    right after its budget: `template` is `final:<the budget's template>`."""
    rng = random.Random(f"plan-{seed}")
    places = jurisdictions(rng)
    groups = []
    for place in places:
        codes = rng.sample(range(101, 999), len(DEPARTMENTS))
        template = "shanghai" if places.index(place) % 4 == 0 else "hebei"
        for department, code in zip(DEPARTMENTS, codes, strict=True):
            first = rng.choice(YEARS)
            layout = rng.choice(("pdf-tsv", "pdf-tsv", "docx-cells"))
            layout = layout if template == "hebei" else "pdf-tsv"
            years = range(first, min(first + rng.randint(1, 3), YEARS.stop))
            group = [(place, department, str(code), year, layout, template) for year in years]
            if rng.random() < 1 / 3:
                group.insert(1, (place, department, str(code), first, layout, f"final:{template}"))
            groups.append(group)
    rng.shuffle(groups)
    out = [document for group in groups for document in group]
    if n > len(out):
        raise ValueError(f"at most {len(out)} synthetic documents")
    return out[:n]


def document(index: int, seed: int, planned) -> tuple[str, str, Budget]:
    """(file stem, text, budget) of one document; a 决算 is of the budget of its department
    and year (the same numbers drawn)."""
    place, department, code, year, layout, template = planned
    budget_template = template.removeprefix("final:")
    rng = random.Random(f"doc-{seed}-{place}-{code}-{year}")
    b = make_budget(place, department, code, year, layout, rng, budget_template)
    if template.startswith("final:"):
        text = render_final(b, random.Random(f"final-{seed}-{index}"))
    elif template == "hebei":
        text = render(b)
    else:
        text = render_shanghai(b, functional_rows, economic_rows)
    return f"synthetic-{index:05d}", text, b


def provenance(name: str, text: str, b: Budget, seed: int, final: bool = False) -> str:
    """A 决算 names its department as the maintainer adding it would: the department id of
    its budget (which the Hebei template derives from the department code)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cover = TEMPLATES[b.template].part("cover")
    department = department_slug(b.jurisdiction, b.agency, b.code, cover)
    return (
        f"# Provenance of {name}.txt: a synthetic document (tests/bench/synthetic.py), not a real budget.\n"
        f"file: {name}.txt\nsha256: {sha}\npublisher: {b.agency}\n"
        f"title: {b.agency}{b.year}年部门{'决算' if final else '预算信息公开'}（合成）\nyear: {b.year}\n"
        f"jurisdiction: {b.jurisdiction}\n"
        + (f"department_id: {department}\n" if final else "")
        + (f'department_code: "{b.code}"\n' if b.template == "hebei" else "")
        + f"original_format: {'DOCX' if b.layout == 'docx-cells' else 'PDF'}\n"
        f"text_extraction: synthetic ({b.layout})\n"
        f'obtained_from: "generated by tests/bench/synthetic.py with seed {seed}"\nretrieved: ""\n'
    )


def write_document(directory: Path, index: int, seed: int, planned) -> Path:
    name, text, b = document(index, seed, planned)
    path = directory / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    final = planned[5].startswith("final:")
    path.with_suffix(".yml").write_text(provenance(name, text, b, seed, final), encoding="utf-8")
    return path


def write_corpus(directory: Path, n: int, seed: int = 1) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    return [write_document(directory, i, seed, p) for i, p in enumerate(plan(n, seed))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("-n", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_corpus(args.directory, args.n, args.seed)
    print(f"{len(paths)} synthetic documents in {args.directory}")


if __name__ == "__main__":
    main()
