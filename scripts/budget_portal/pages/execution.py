"""预算执行: budget against actual, from the combined package's `execution` resource.

A page ranks the 决算 by how far what they spent departed from what was budgeted, and each 决算's
own page lists its rows.  Where the budget comes from is said on every row: the 预算 of the same
department and year where the portal holds it, else the budget the 决算 states itself.
"""

from __future__ import annotations

from decimal import Decimal

from ..metadata.registry import FIELDS
from .context import EXECUTION, Site, document_page
from .corpus import Dataset
from .markup import esc, link, para, rate, table, unsearched_para, wan

SUBJECTS = {"function": "一般公共预算财政拨款支出", "three_public": "“三公”经费"}
THREE_PUBLIC = {
    "total": "合计",
    "abroad": "因公出国（境）费",
    "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "其中：购置费",
    "vehicle_operation": "其中：运行维护费",
    "reception": "公务接待费",
}
HEADERS = ["科目或项目", "预算数（万元）", "决算数（万元）", "差额", "执行率", "预算数出处"]


def source(row: dict) -> str:
    """Where a row's budget figure comes from, as the registry labels it."""
    return FIELDS["budget_source"].label(row["budget_source"]) or "—"


def execution_of(site: Site, dataset_id: str) -> list[dict]:
    return [r for r in site.corpus.combined.records("execution") if r["dataset_id"] == dataset_id]


def leaves(rows: list[dict]) -> list[dict]:
    """The rows compared item by item: 项 (or the lowest level given) with both figures."""
    both = [r for r in rows if r["subject"] == "function" and r["approved"] and r["executed"]]
    codes = {r["code"] for r in both}
    return [r for r in both if not any(c != r["code"] and c.startswith(r["code"]) for c in codes)]


def departure(rows: list[dict]) -> tuple[Decimal, Decimal, Decimal]:
    """(Σ budgeted, Σ spent, Σ |spent − budgeted|) over the items compared."""
    items = leaves(rows)
    plan = sum((Decimal(r["approved"]) for r in items), Decimal(0))
    spent = sum((Decimal(r["executed"]) for r in items), Decimal(0))
    apart = sum((abs(Decimal(r["difference"])) for r in items), Decimal(0))
    return plan, spent, apart


def execution_table(rows: list[dict], page: str) -> str:
    out = []
    for row in rows:
        name = (
            THREE_PUBLIC.get(row["code"], row["name"])
            if row["subject"] == "three_public"
            else (f"{row['code']} {row['name']}")
        )
        out.append([esc(name), wan(row["approved"]) or "—", wan(row["executed"]) or "—",
                    wan(row["difference"]) or "—", rate(row["execution_rate"]), esc(source(row))])  # fmt: skip
    return table(HEADERS, out, range(1, 5))


def execution_section(site: Site, ds: Dataset, page: str) -> list[str]:
    """A 决算's page: its budget against actual, by subject."""
    rows = execution_of(site, ds.name)
    if not rows:
        return []
    body = [
        "## 预算与决算\n",
        unsearched_para(
            "预算数取自同一部门同一年度的预算文件（本站收有时），否则取决算自己写明的年初预算"
            "（情况说明逐项所述、“三公”表的预算数列）；执行率 = 决算数 ÷ 预算数，本站计算。"
            f"各部门的比较见{link('预算执行', EXECUTION, page)}。"
        ),
    ]
    for subject, title in SUBJECTS.items():
        part = [r for r in rows if r["subject"] == subject]
        if part:
            body += [f"### {title}\n", execution_table(part, page)]
    return body


def write_execution(site: Site) -> None:
    """The 决算 ranked by how far spending departed from the budget, item by item."""
    page = EXECUTION
    finals = [ds for ds in site.corpus.datasets if not ds.is_budget]
    ranked = []
    for ds in finals:
        rows = execution_of(site, ds.name)
        plan, spent, apart = departure(rows)
        total = next(
            (r for r in rows if r["subject"] == "three_public" and r["code"] == "total"), {}
        )
        ranked.append((apart / plan if plan else Decimal(-1), ds, plan, spent, apart, total, rows))
    ranked.sort(key=lambda item: (-item[0], item[1].name))
    cells = [
        [
            link(f"{ds.shown_name} {ds.meta['year']}", document_page(ds), page),
            esc(f"{len(leaves(rows))}"),
            wan(plan), wan(spent), wan(apart),
            rate(share * 100 if plan else None),
            rate(total.get("execution_rate")),
            esc("、".join(sorted({source(r) for r in rows if r["budget_source"]}))),
        ]
        for share, ds, plan, spent, apart, total, rows in ranked
    ]  # fmt: skip
    body = [
        "# 预算执行\n",
        para(
            f"本站收有 {len(finals)} 份决算。每份决算逐项（功能分类的项）比较预算数与决算数："
            "偏离度 = Σ|决算数 − 预算数| ÷ Σ预算数，越大表示实际支出与预算相差越多（增加和减少都算）。"
            "预算数取自同一部门同一年度的预算文件，本站没有该预算时取决算自己写明的年初预算，"
            "末列注明。"
        ),
        table(
            [
                "决算",
                "比较的项",
                "预算数合计",
                "决算数合计",
                "偏离合计",
                "偏离度",
                "“三公”执行率",
                "预算数出处",
            ],
            cells,
            range(1, 7),
        ),
    ]
    site.page(page, "预算执行", body)
