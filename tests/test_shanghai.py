"""Whole-document checks on the three original Shanghai PDFs, against figures read by hand from
the files (docs/domain.md e) and against an independent oracle: pdfplumber's own table cells."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pdfplumber
import pytest

from budget_portal.package.rows import budget_lines, table_rows

from .conftest import ORIGINALS


def rows(parsed, table):
    return parsed.tables[table].records()


def row(parsed, table, **match):
    found = [r for r in rows(parsed, table) if match.items() <= r.items()]
    assert len(found) == 1, (table, match, found)
    return found[0]


def findings(parsed):
    return sorted((c.identity, c.check, c.code) for c in parsed.checks if c.status == "fail")


def test_cover_kind_and_stable_ascii_ids(shanghai):
    meta = {name: p.doc.metadata for name, p in shanghai.items()}
    assert {n: (m.dataset_id, m.kind, m.year, m.agency) for n, m in meta.items()} == {
        "department": ("shanghaishi-putuoqu-shangwuweiyuanhui-2025", "department", 2025, "上海市普陀区商务委员会"),
        "unit": ("shanghaishi-putuoqu-shangwuweiyuanhui-danwei-2025", "unit", 2025, "上海市普陀区商务委员会"),
        "wanli": ("shanghaishi-putuoqu-renminzhengfuwanlijiedaobanshichu-2024", "department", 2024,
                  "上海市普陀区人民政府万里街道办事处"),
    }  # fmt: skip
    assert meta["department"].department_id == meta["unit"].department_id  # side by side
    assert {p.doc.template for p in shanghai.values()} == {"shanghai"}
    assert {m.jurisdiction for m in meta.values()} == {"上海市普陀区"}
    assert {m.unit for m in meta.values()} == {"元"}


def test_the_nine_tables_with_their_rows_units_and_pages(shanghai):
    counts = {n: {k: len(t.rows) for k, t in p.tables.items()} for n, p in shanghai.items()}
    assert counts["department"] == counts["unit"] == {
        "income_expenditure_summary": 8, "income": 31, "expenditure": 31,
        "fiscal_appropriation_summary": 8, "general_budget_expenditure": 31,
        "basic_expenditure": 31, "government_fund_expenditure": 1,
        "state_capital_expenditure": 1, "three_public": 7}  # fmt: skip
    assert counts["wanli"] == {
        "income_expenditure_summary": 10, "income": 67, "expenditure": 67,
        "fiscal_appropriation_summary": 10, "general_budget_expenditure": 67,
        "basic_expenditure": 32, "government_fund_expenditure": 1,
        "state_capital_expenditure": 1, "three_public": 7}  # fmt: skip
    p = shanghai["department"]
    assert {k: t.unit for k, t in p.tables.items()} == {k: "元" for k in p.tables} | {
        "three_public": "万元"
    }
    pages = {k: p.doc.page_of(t.title_line) for k, t in p.tables.items()}
    assert pages == {
        "income_expenditure_summary": 9, "income": 10, "expenditure": 12,
        "fiscal_appropriation_summary": 14, "general_budget_expenditure": 15,
        "basic_expenditure": 19, "government_fund_expenditure": 17,
        "state_capital_expenditure": 18, "three_public": 21}  # fmt: skip
    empty = row(p, "government_fund_expenditure", name="合计")
    assert (empty["total"], empty["level"]) == (0, 0)
    assert p.tables["government_fund_expenditure"].notes == [
        "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"
    ]


def test_codes_over_three_columns_and_a_lost_leading_zero(shanghai):
    p = shanghai["department"]
    item = row(p, "income", code="2011301")
    assert (item["name"], item["total"], item["parent_code"], item["level"]) == (
        "行政运行", Decimal("9389913.00"), "20113", 3)  # fmt: skip
    assert row(p, "basic_expenditure", code="30201")["name"] == "办公费"
    wanli = shanghai["wanli"]
    assert row(wanli, "basic_expenditure", code="30102")["name"] == "津贴补贴"  # printed `301 | 2`
    assert row(wanli, "basic_expenditure", code="30107")["total"] == Decimal("11447100")
    warned = [pr.message for pr in wanli.doc.problems if "leading zero" in pr.message]
    assert len(warned) == 2


def test_amounts_keep_their_printed_value_and_unit_and_convert_exactly(shanghai):
    lines = {(x["table"], x["code"], x["measure"]): x for x in budget_lines(shanghai["department"])}
    general = lines[("income", "201", "total")]
    assert (general["amount"], general["unit"], general["amount_wan_yuan"]) == (
        Decimal("21601733.00"), "元", Decimal("2160.1733"))  # fmt: skip
    integer = {(x["table"], x["code"], x["measure"]): x for x in budget_lines(shanghai["wanli"])}
    assert integer[("income", "20138", "total")]["amount_wan_yuan"] == Decimal("13.52")  # 135,200


def test_the_summary_of_a_unit_budget_splits_spending_into_personnel_public_and_project(shanghai):
    unit = row(shanghai["unit"], "income_expenditure_summary", expenditure_name="支出总计")
    assert (unit["expenditure"], unit["personnel"], unit["public"], unit["project"]) == (
        Decimal("371514655.00"), Decimal("18120593.00"), Decimal("1710062.00"), Decimal("351684000.00"))  # fmt: skip
    department = row(
        shanghai["department"], "income_expenditure_summary", expenditure_name="支出总计"
    )
    assert department["personnel"] is None  # the 部门预算 does not print the split


def test_the_three_public_table_printed_across(shanghai):
    table = [(r["name"], r["level"], r["total"]) for r in rows(shanghai["wanli"], "three_public")]
    assert table == [
        ("合计", 0, Decimal("47.91")), ("因公出国(境)费", 1, Decimal("0")),
        ("公务接待费", 1, Decimal("1.35")), ("公务用车购置及运行费", 1, Decimal("46.56")),
        ("购置费", 2, Decimal("25")), ("运行费", 2, Decimal("21.56")),
        ("2024年机关运行经费预算数", 1, Decimal("443.18"))]  # fmt: skip
    # The table has figures and a note that it is empty: both kept (a finding for issue 12).
    assert shanghai["wanli"].tables["three_public"].notes[0].endswith("故本表为空表。")


def number(text: str) -> str:
    """A printed number as the oracle compares it: separators dropped, an integer without them
    normalised (a code part `05` and an amount `5` are both `5`)."""
    plain = text.replace(",", "").strip()
    return plain if "," in text or "." in text else str(int(plain))


def oracle(path) -> Counter:
    """Every non-zero number printed in a ruled table of the file, by pdfplumber alone."""
    cells = Counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.crop(page.bbox).extract_tables():
                for cell in (c for r in table for c in r if c):
                    if re.fullmatch(r"[\d,]+(\.\d+)?", cell.strip()) and float(
                        cell.replace(",", "")
                    ):
                        cells[number(cell)] += 1
    return cells


@pytest.mark.parametrize("name", ["department", "unit", "wanli"])
def test_every_printed_amount_is_in_budget_lines_and_nothing_else(shanghai, name):
    codes = Counter()  # 类/款/项 cells look like numbers to the oracle: take them out
    for key in ("income", "expenditure", "general_budget_expenditure", "basic_expenditure"):
        for r in rows(shanghai[name], key):
            code = r["code"]
            parts = [code[:3], code[3:5], code[5:7]] if code else []
            codes.update(str(int(p)) for p in parts if p and int(p))
    printed = oracle(ORIGINALS[name]) - codes
    published = Counter(
        number(str(x["amount"])) for x in budget_lines(shanghai[name]) if x["amount"]
    )
    assert printed == published and sum(printed.values()) > 100


def test_the_narrative_parts(shanghai):
    d, u, w = shanghai["department"], shanghai["unit"], shanghai["wanli"]
    units = [
        (o["unit_name"], o["organization_type"], o["remark"]) for o in d.sections["organizations"]
    ]
    assert units[0] == ("商务委本部", "unit", "") and units[-1] == (
        "上海市普陀区中小企业服务中心",
        "unit",
        "不单列预算",
    )
    assert [o["organization_type"] for o in d.sections["organizations"]].count("division") == 9
    assert [o["organization_type"] for o in u.sections["organizations"]] == ["division"] * 9
    assert [o["unit_name"] for o in w.sections["organizations"]][
        -1
    ] == "上海市普陀区万里街道综合行政执法队"
    assert [g["term"] for g in d.sections["glossary"]][:2] == ["财政拨款收入", "事业收入"]
    assert len(d.sections["glossary"]) == len(w.sections["glossary"]) == 8


def test_each_numbered_item_gets_its_code_from_the_names_it_prints(shanghai):
    items = shanghai["wanli"].sections["expenditure_items"]
    assert len(items) == 33 and all(i["code"] for i in items)
    first = items[0]
    assert (first["code"], first["stated_amount"], first["previous_amount"], first["change_direction"],
            first["change_percent"]) == ("2010507", Decimal("25.77"), Decimal("60.13"), "减少", Decimal("-57.14"))  # fmt: skip
    housing = next(i for i in items if i["item_number"] == 31)
    assert (housing["code"], housing["stated_amount"], housing["restated_amount"]) == (
        "2210201", Decimal("350.35"), Decimal("352.67"))  # fmt: skip
    mixed = shanghai["department"].sections["expenditure_items"][10]  # `医疗（款)行政单位医疗`
    assert (mixed["code"], mixed["name"]) == ("2101101", "行政单位医疗")


def test_project_pages_and_the_parts_of_their_budgets(shanghai):
    projects = shanghai["department"].sections["projects"]
    assert [(p["project_name"], p["budget"]) for p in projects] == [
        ("科技创新专项", Decimal("1720.00")), ("生命健康专项（政策资金）", Decimal("1170.00")),
        ("商业创新专项（政策资金）", Decimal("1410.00")), ("贸易高质量发展专项（政策资金）", Decimal("2921.00"))]  # fmt: skip
    assert projects[0]["implementer"] == "上海市普陀区商务委员会"
    assert projects[0]["implementation_period"] == "2025.1.1-2025.12.31"
    assert projects[0]["legal_basis"].count("\n") == 1  # two documents cited
    items = shanghai["department"].sections["project_budget_items"]
    assert [i["label"] for i in items if i["project_id"] == 4][:2] == [
        "支持外贸发展",
        "支持商销稳增长",
    ]
    wanli = shanghai["wanli"].sections
    assert wanli["projects"][0]["project_name"] == "" and wanli["projects"][0]["budget"] is None
    assert [i["item_amount"] for i in wanli["project_budget_items"]] == [Decimal("158.05")] * 4


def test_other_facts_stated_in_prose(shanghai):
    figures = {f["figure_key"]: f for f in shanghai["wanli"].sections["narrative_figures"]}
    stated = {k: (figures[k]["figure_value"], figures[k]["figure_unit"]) for k in (
        "three_public.total", "three_public.change_total", "three_public.vehicle_purchase",
        "operating_costs.total", "procurement.works", "procurement.sme_reserved",
        "performance.projects", "assets.vehicles", "assets.vehicles_other", "assets.planned_vehicles")}  # fmt: skip
    assert stated == {
        "three_public.total": (Decimal("47.91"), "万元"), "three_public.change_total": (Decimal("25"), "万元"),
        "three_public.vehicle_purchase": (Decimal("25"), "万元"), "operating_costs.total": (Decimal("443.18"), "万元"),
        "procurement.works": (Decimal("815.87"), "万元"), "procurement.sme_reserved": (Decimal("664.98"), "万元"),
        "performance.projects": (Decimal("50"), "个"), "assets.vehicles": (Decimal("7"), "辆"),
        "assets.vehicles_other": (Decimal("7"), "辆"), "assets.planned_vehicles": (Decimal("1"), "辆")}  # fmt: skip
    flat = {f["figure_key"]: f for f in shanghai["department"].sections["narrative_figures"]}
    assert (
        flat["three_public.change_reception"]["figure_value"],
        flat["three_public.change_reception"]["figure_unit"],
    ) == (0, "")
    assets = shanghai["wanli"].sections["fixed_assets"]
    assert (assets[0]["item"], assets[0]["quantity"], assets[0]["as_of"]) == (
        "车辆",
        7,
        "2023-08-31",
    )
    assert assets[-1]["equipment_threshold"] == 100


def test_every_identity_holds_but_where_the_document_contradicts_itself(shanghai):
    """The 商务委 documents agree with themselves; 万里's findings are each in its text
    (explained one by one in test_audit.py)."""
    assert findings(shanghai["department"]) == findings(shanghai["unit"]) == []
    assert findings(shanghai["wanli"]) == [
        (25, "expenditure_items.restated", "2210201"),
        (26, "expenditure_items.percent", "2059999"),
        (27, "expenditure_items.reason_direction", "2013302"),
        (28, "completeness.note_vs_figures", ""),
    ]
    ran = {c.check.split(".")[0] for c in shanghai["wanli"].checks}
    assert {"summary", "income", "expenditure", "appropriation", "general_budget", "basic",
            "three_public", "overview", "expenditure_items", "completeness", "names", "wording",
            "changes", "assets", "procurement", "performance"} <= ran  # fmt: skip


def test_every_part_is_accounted_for(shanghai):
    status = {r["table"]: r["table_status"] for r in table_rows(shanghai["department"])}
    assert {t: status[t] for t in ("organizations", "projects", "expenditure_items", "fixed_assets", "glossary")} == dict.fromkeys(
        ("organizations", "projects", "expenditure_items", "fixed_assets", "glossary"), "parsed")  # fmt: skip
    assert status["procurement"] == status["activities"] == "missing"  # not printed as tables
