"""Synthetic documents of Shanghai's template, rendered from its definitions.

Titles, header labels, the codes over 类/款/项 columns, the table printed across, the cover,
the section headings, the glossary entries, the listed units, the numbered expenditure items
and the narrative's figures all come from `templates/shanghai.py` (through tests/render.py);
what is written here is the content: the names, the amounts (from the same synthetic budget as
the Hebei documents, in 元) and the sentences around the figures.  Every identity holds.
"""

from __future__ import annotations

import re

from budget_portal.templates import TEMPLATES

from ..render import body, header, text

SHANGHAI = TEMPLATES["shanghai"]
LAYOUTS = {layout.key: layout for layout in SHANGHAI.tables}
RULES = {(rule.section, rule.key): rule for rule in SHANGHAI.figure_rules}
HEADINGS = {rule.key: rule.pattern for rule in SHANGHAI.sections}
NUMERALS = "一二三四五六七八九十"
INCOME = ("一、财政拨款收入", "1.一般公共预算资金", "2.政府性基金", "3.国有资本经营预算",
          "二、事业收入", "三、事业单位经营收入", "四、其他收入")  # fmt: skip
FUNDS = ("一、一般公共预算资金", "二、政府性基金", "三、国有资本经营预算")
GLOSSARY = (
    ("财政拨款收入", "是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。"),
    ("基本支出预算", "是预算单位为保障其机构正常运转、完成日常工作任务所必需的开支。"),
    ("项目支出预算", "是预算单位为完成其特定的行政工作任务或事业发展目标所发生的支出。"),
    ("“三公”经费", "是因公出国（境）费、公务用车购置及运行费和公务接待费。"),
)


def yuan(cents: int) -> str:
    """An amount of the synthetic budget (0.01 万元) as the tables print it: 元, separators."""
    return f"{cents * 100:,}.00" if cents else ""


def wan(cents: int) -> str:
    """As the narrative and the 三公 table print it: 万元, two decimals."""
    return f"{cents // 100}.{cents % 100:02d}"


def figure(section: str, key: str, value: str, unit: str = "万元") -> str:
    """A figure the narrative states, after the words the template's rule reads it by."""
    rule = RULES[section, key]
    return f"{text(rule.label, full=False)}{value}{unit}"


def heading(key: str, year: int, number: int = 0) -> str:
    title = text(HEADINGS[key], year=year, full=False)
    return (
        re.sub(r"^[一二三四五六七八九十]+、", f"{NUMERALS[number - 1]}、", title)
        if number
        else title
    )


def numbered(i: int, label: str) -> str:
    return f"{NUMERALS[i - 1] if i <= 10 else '十' + NUMERALS[i - 11]}、{label}"


def coded(rows, fields) -> list[dict]:
    """(code, name, amounts) rows → field dicts of a coded table, amounts in 元."""
    return [
        {"code": code, "name": name, **{f: yuan(a) for f, a in zip(fields, amounts, strict=True)}}
        for code, name, amounts in rows
    ]


def tables(b, functional_rows, economic_rows) -> dict[str, list[dict]]:
    """The rows of the nine tables, as field dicts."""
    gp = lambda c: b.basic.get(c, 0) + b.project.get(c, 0)  # noqa: E731
    spending = functional_rows(b, lambda c: [gp(c), b.basic.get(c, 0), b.project.get(c, 0)])
    total = spending[0][2][0]
    classes = [(c, n, a) for c, n, a in spending if len(c) == 3]
    income = [(label, total if i < 2 else 0) for i, label in enumerate(INCOME)]
    summary = []
    for i in range(max(len(income), len(classes))):
        row = {}
        if i < len(income):
            row |= {"income_name": income[i][0], "income": yuan(income[i][1])}
        if i < len(classes):
            _, name, (amount, basic, project) = classes[i]
            row |= {"expenditure_name": numbered(i + 1, name), "expenditure": yuan(amount),
                    "personnel": yuan(basic), "project": yuan(project)}  # fmt: skip
        summary.append(row)
    summary.append({"income_name": "收入总计", "income": yuan(total), "expenditure_name": "支出总计",
                    "expenditure": yuan(total), "personnel": yuan(spending[0][2][1]),
                    "project": yuan(spending[0][2][2])})  # fmt: skip
    fiscal = []
    for i in range(max(len(FUNDS), len(classes))):
        row = {}
        if i < len(FUNDS):
            row |= {"income_name": FUNDS[i], "income": yuan(total if i == 0 else 0)}
        if i < len(classes):
            _, name, (amount, _, _) = classes[i]
            row |= {"expenditure_name": numbered(i + 1, name), "total": yuan(amount),
                    "general_budget": yuan(amount)}  # fmt: skip
        fiscal.append(row)
    fiscal.append({"income_name": "收入总计", "income": yuan(total), "expenditure_name": "支出总计",
                   "total": yuan(total), "general_budget": yuan(total)})  # fmt: skip
    income_rows = functional_rows(b, lambda c: [gp(c), gp(c), 0, 0, 0])
    return {
        "income_expenditure_summary": summary,
        "income": coded(income_rows, ("total", "fiscal_appropriation", "business", "operating", "other")),
        "expenditure": coded(spending, ("total", "basic", "project")),
        "fiscal_appropriation_summary": fiscal,
        "general_budget_expenditure": coded(spending, ("total", "basic", "project")),
        "government_fund_expenditure": [],
        "state_capital_expenditure": [],
        "basic_expenditure": coded(economic_rows(b), ("total", "personnel", "public")),
    }  # fmt: skip


def three_public(b, public: int) -> tuple[dict[str, int], list[dict]]:
    """The 三公 figures and the one row of the table printed across (万元)."""
    abroad = b.rng.choice((0, 0, b.rng.randint(100, 900)))
    purchase = b.rng.choice((0, 0, b.rng.randint(1000, 3000)))
    operation, reception = b.economic["30231"], b.economic["30217"]
    vehicles = purchase + operation
    figures = {"total": abroad + reception + vehicles, "abroad": abroad, "reception": reception,
               "vehicles": vehicles, "vehicle_purchase": purchase, "vehicle_operation": operation,
               "operating_costs": public}  # fmt: skip
    order = ("total", "abroad", "reception", "vehicles", "vehicle_purchase", "vehicle_operation",
             "operating_costs")  # fmt: skip
    return figures, [{"total": wan(figures[k])} for k in order]


def groups(layout) -> list[list[str]]:
    """The row above a table printed across that names the items printed under a group (the
    公务用车 columns: 小计, 购置费, 运行费)."""
    under = [i for i, item in enumerate(layout.items) if item.named_by_group]
    if not under:
        return []
    vehicles = text(dict(SHANGHAI.three_public_rows)["vehicles"], full=False)
    return [[vehicles if i == under[0] else "" for i in range(len(layout.items))]]


def render_shanghai(b, functional_rows, economic_rows) -> str:
    """The document as text extracted from its PDF (paragraphs, TSV rows)."""
    y, agency = b.year, b.agency
    cover = SHANGHAI.parts["cover"]
    units = SHANGHAI.parts["organizations"]
    items = SHANGHAI.parts["expenditure_items"]
    out = [
        text(cover.title_pattern, {"jurisdiction": b.jurisdiction, "year": y}),
        text(cover.agency_label_pattern, {"name": agency}),
        heading("duties", y),
        f"{agency}是{b.jurisdiction}人民政府工作部门，主管全区{b.department.domain}工作。",
        heading("institutions", y),
    ]
    names = [f"{agency}（本部）", *(f"{b.jurisdiction}{w}中心" for w in ("综合服务", "信息")[: b.rng.randint(0, 2)])]  # fmt: skip
    out.append(f"本部门中，行政单位1家，事业单位{len(names) - 1}家，具体包括：")
    out += [text(units.unit_pattern, {"name": name, "remark": ""}, full=False) for name in names]
    out.append(heading("glossary", y))
    out += [
        text(SHANGHAI.glossary_entry, {"number": NUMERALS[i], "term": term, "definition": meaning})
        for i, (term, meaning) in enumerate(GLOSSARY)
    ]
    rows = tables(b, functional_rows, economic_rows)
    spending = functional_rows(b, lambda c: [b.basic.get(c, 0) + b.project.get(c, 0)])
    total = spending[0][2][0]
    out += [
        heading("overview", y),
        f"{y}年，" + "，".join([
            figure("overview", "income_total", wan(total)),
            "其中：" + figure("overview", "income_fiscal_appropriation", wan(total)),
            figure("overview", "income_business", "0.00"),
            figure("overview", "income_operating", "0.00"),
            figure("overview", "income_other", "0.00"),
        ]) + "。",
        figure("overview", "expenditure_total", wan(total)) + "，其中："
        + figure("overview", "expenditure_fiscal_appropriation", wan(total)) + "。",
        "财政拨款支出预算中，" + "；".join([
            figure("overview", "expenditure_general_budget", wan(total)),
            figure("overview", "expenditure_government_fund", "0.00"),
            figure("overview", "expenditure_state_capital", "0.00"),
        ]) + "。",
        "财政拨款支出主要内容如下：",
    ]  # fmt: skip
    names_of = {code: name for code, name, _ in spending}
    leaves = [(c, a[0]) for c, _, a in spending if len(c) == 7 and a[0]]
    for n, (code, amount) in enumerate(leaves, start=1):
        path = f"{names_of[code[:3]]}（类）{names_of[code[:5]]}（款）{names_of[code]}（项）"
        item = text(
            items.item_pattern, {"number": n, "path": path, "amount": wan(amount)}, full=False
        )
        out.append(f"{item}，主要用于{names_of[code]}。")
    public = sum(v for c, v in b.economic.items() if c[:3] in ("302", "310"))
    figures, across = three_public(b, public)
    for layout in SHANGHAI.tables:
        unit = "万元" if layout.header == "across" else "元"
        out += [text(layout.titles[0], year=y), f"编制部门：{agency} 单位：{unit}"]
        out += ["\t".join(r) for r in [*groups(layout), *header(layout, SHANGHAI)]]
        out += [
            "\t".join(r)
            for r in body(layout, across if layout.header == "across" else rows[layout.key])
        ]
        if layout.key in ("government_fund_expenditure", "state_capital_expenditure"):
            out.append(
                f"注：本部门{y}年无{'政府性基金' if 'fund' in layout.key else '国有资本经营'}预算财政拨款安排的预算，故本表为空表。"
            )
    procurement = [b.rng.randint(1000, 90000) for _ in range(3)]
    reserved = sum(procurement) * 4 // 10
    funds = sum(b.project.values())
    held = [b.rng.randint(0, 3) if k == "other" else 0 for _, k in VEHICLES]
    out += [
        heading("other", y),
        heading("three_public", y, 1),
        f"{y}年" + figure("three_public", "total", wan(figures["total"])) + "。其中：",
        "（一）" + figure("three_public", "abroad", wan(figures["abroad"])) + "。",
        "（二）" + figure("three_public", "vehicles", wan(figures["vehicles"])) + "，其中："
        + figure("three_public", "vehicle_purchase", wan(figures["vehicle_purchase"])) + "；"
        + figure("three_public", "vehicle_operation", wan(figures["vehicle_operation"])) + "。",
        "（三）" + figure("three_public", "reception", wan(figures["reception"])) + "。",
        heading("operating_costs", y, 2),
        f"{y}年{agency}" + figure("operating_costs", "total", wan(public)) + "。",
        heading("procurement", y, 3),
        f"{y}年本部门" + figure("procurement", "total", wan(sum(procurement))) + "，其中："
        + "、".join(figure("procurement", k, wan(v)) for k, v in zip(("goods", "works", "services"), procurement, strict=True)) + "。",
        f"{y}年本部门" + figure("procurement", "sme_reserved", wan(reserved)) + "，其中，"
        + figure("procurement", "small_micro_reserved", wan(reserved // 2)) + "。",
        heading("performance", y, 4),
        figure("performance", "units", str(len(names)), "个") + f"预算单位开展了{y}年项目预算绩效目标编报工作，"
        + figure("performance", "projects", str(max(1, len(b.project))), "个") + "，"
        + figure("performance", "project_funds", wan(funds)) + "。",
        heading("assets", y, 5),
        f"截至{y - 1}年8月31日，{agency}" + figure("assets", "vehicles", str(sum(held)), "辆") + "，其中："
        + "、".join(figure("assets", f"vehicles_{k}", str(n), "辆") for (_, k), n in zip(VEHICLES, held, strict=True))
        + "；单价100万元（含）以上设备（不含车辆）0台（套）。",
    ]  # fmt: skip
    return "\n\n".join(out) + "\n"


VEHICLES = tuple(
    (rule.label, rule.key.removeprefix("vehicles_"))
    for rule in SHANGHAI.figure_rules
    if rule.section == "assets" and rule.key.startswith("vehicles_")
)
