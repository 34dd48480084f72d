"""Synthetic 部门决算 for the benchmark: the 决算 of a synthetic budget's department and year.

`render_final(b, rng)` prints the nine 决算 tables of the national structure (titles and headers
from `templates/national_final.py` itself, as the contract test renders them) and the items of its
情况说明: each 项 with the budget `b` gave it (年初预算), what was spent (a share of its project
money drawn from `rng`, basic spending as budgeted) and the share stated.  Every identity of a
决算 holds; paired with the budget document of the same department and year, every execution
rate is the rate the 决算 states.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from budget_portal.templates import TEMPLATES

from ..render import body, header, text

FINAL = TEMPLATES["national_final"]
LAYOUTS = {layout.key: layout for layout in FINAL.tables}


def render_final(b, rng: random.Random) -> str:
    """The 决算 of budget `b` (tests/bench/synthetic.py `Budget`, amounts in 分)."""
    from .synthetic import class_totals, economic_rows, functional_rows, money, numeral, prose

    spent = {c: v * rng.randint(60, 110) // 100 for c, v in b.project.items()}
    gp = lambda c: b.basic.get(c, 0) + spent.get(c, 0)  # noqa: E731
    total = lambda c: gp(c) + b.special.get(c, 0)  # noqa: E731
    gp_total = sum(gp(c) for c in set(b.basic) | set(b.project))
    grand = gp_total + sum(b.special.values())

    def coded(rows, fields) -> list[dict]:
        return [{"code": code, "name": name, **dict(zip(fields, map(money, amounts), strict=True))}
                for code, name, amounts in rows]  # fmt: skip

    def sides(income: list[tuple[str, int]], columns, fields, footer) -> list[dict]:
        """A two-sided table: income items beside the 类 spent on, then the totals."""
        classes = sorted(class_totals(b, columns).items())
        rows = []
        for i in range(max(len(income), len(classes))):
            name, amount = income[i] if i < len(income) else ("", 0)
            code, amounts = classes[i] if i < len(classes) else ("", [])
            spending = dict(zip(fields, map(money, amounts), strict=False))
            label = f"{numeral(i + 1)}、{b.names[code]}" if code else ""
            rows.append({"income_name": name, "income": money(amount),
                         "expenditure_name": label, **spending})  # fmt: skip
        return rows + footer

    summary = sides(
        [("一、一般公共预算财政拨款收入", gp_total), ("八、其他收入", sum(b.special.values()))],
        lambda c: [total(c)],
        ("expenditure",),
        [
            {"income_name": "本年收入合计", "income": money(grand),
             "expenditure_name": "本年支出合计", "expenditure": money(grand)},
            {"income_name": "使用非财政拨款结余", "expenditure_name": "结余分配"},
            {"income_name": "年初结转和结余", "expenditure_name": "年末结转和结余"},
            {"income_name": "总计", "income": money(grand),
             "expenditure_name": "总计", "expenditure": money(grand)},
        ],
    )  # fmt: skip
    appropriation = sides(
        [("一、一般公共预算财政拨款", gp_total)],
        lambda c: [gp(c), gp(c)],
        ("total", "general_budget"),
        [
            {"income_name": "本年收入合计", "income": money(gp_total), "expenditure_name": "本年支出合计",
             "total": money(gp_total), "general_budget": money(gp_total)},
            {"income_name": "年初财政拨款结转和结余", "expenditure_name": "年末财政拨款结转和结余"},
            {"income_name": "总计", "income": money(gp_total), "expenditure_name": "总计",
             "total": money(gp_total), "general_budget": money(gp_total)},
        ],
    )  # fmt: skip
    vehicle, reception = b.economic["30231"], b.economic["30217"]
    three = [("合计", vehicle + reception), ("因公出国(境)费", 0), ("公务接待费", reception),
             ("公务用车购置及运行费", vehicle), ("购置费", 0), ("运行费", vehicle)]  # fmt: skip
    data = {
        "final_income_expenditure_summary": summary,
        "final_income": coded(functional_rows(b, lambda c: [total(c), gp(c), 0, 0, 0, 0, b.special.get(c, 0)]),
                              ("total", "fiscal_appropriation", "superior_subsidy", "business",
                               "operating", "subordinate_remittance", "other")),
        "final_expenditure": coded(functional_rows(b, lambda c: [total(c), b.basic.get(c, 0),
                                                                 spent.get(c, 0) + b.special.get(c, 0)]),
                                   ("total", "basic", "project")),
        "final_fiscal_appropriation_summary": appropriation,
        "final_general_budget_expenditure": coded(
            functional_rows(b, lambda c: [gp(c), b.basic.get(c, 0), spent.get(c, 0)]),
            ("total", "basic", "project")),
        "final_basic_expenditure": coded(economic_rows(b), ("total", "personnel", "public")),
        "final_government_fund_expenditure": [],
        "final_state_capital_expenditure": [],
        "final_three_public": [{"name": n, "budgeted": money(v), "total": money(v)} for n, v in three],
    }  # fmt: skip
    lines = [b.agency, f"{b.year}年度部门决算", ""]
    for layout in FINAL.tables:
        rows = data[layout.key]
        lines += [text(layout.titles[0]), f"部门：{b.agency} 金额单位：万元"]
        lines += ["\t".join(r) for r in (*header(layout, FINAL), *body(layout, rows))]
        if not rows:
            lines.append("注：本部门没有该项财政拨款收入和支出，本表无数据。")
        lines.append("")
    lines += ["第三部分 情况说明", "一、收入支出决算总体情况说明",
              f"{b.agency}{b.year}年度收入、支出总计{prose(grand)}万元。",
              "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"]  # fmt: skip
    items = sorted(c for c in set(b.basic) | set(b.project) if gp(c))
    for number, code in enumerate(items, start=1):
        budget, actual = b.basic.get(code, 0) + b.project.get(code, 0), gp(code)
        rate = (Decimal(actual) / Decimal(budget) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        path = "".join(f"{b.names[c].removesuffix('支出') if len(c) == 3 else b.names[c]}（{level}）"
                       for c, level in ((code[:3], "类"), (code[:5], "款"), (code, "项")))  # fmt: skip
        why = ("决算数小于预算数的主要原因是项目按进度支付。" if actual < budget
               else "决算数大于预算数的主要原因是年中追加了预算。" if actual > budget else "")  # fmt: skip
        lines.append(f"{number}.{path}。年初预算为{prose(budget)}万元，支出决算为{prose(actual)}万元，"
                     f"完成年初预算的{rate}%。{why}")  # fmt: skip
    return "\n".join(lines) + "\n"
