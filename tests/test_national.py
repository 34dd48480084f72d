"""The national structure on snippets: the traps of the family, each on a few lines of text
read the way the build reads a document (tests/conftest.py `read`)."""

from __future__ import annotations

from decimal import Decimal

from .conftest import tsv

COVER = "杭州市气象局\n2026 年度部门预算\n"


def names_only(*rows) -> str:
    """A document whose 支出总表 prints names only (杭州), with a 合计 of 30.00."""
    header = ["科目名称", "合计", "基本支出", "项目支出"]
    total = ["合计", "30.00", "10.00", "20.00"]
    table = tsv("表3：2026年市级部门支出预算总表", "单位：万元", header, total, *rows)
    return COVER + table + "\n以上为预算表。\n"


def test_titles_are_known_whatever_their_numbering(read):
    from budget_portal.templates import TEMPLATES

    national = TEMPLATES["national"]
    titles = {
        "预算02表 收入总表": "income",
        "公开03表": None,  # a label alone is no title
        "表5：2026年市级部门一般公共预算支出预算表": "general_budget_expenditure",
        "部门公开表1 部门收支总表": "income_expenditure_summary",
        "本年一般公共预算基本支出表(预算表6)": "basic_expenditure",
        "一般公共预算基本支出情况表（按经济分类科目）": "basic_expenditure",
        "部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）": None,  # by function
        "财政拨款安排的行政经费及“三公”经费预算表": "three_public",
        "十、一般公共预算“三公”经费、会议费、培训费支出表": "three_public",
    }
    for title, key in titles.items():
        layout = national.title_of(title)
        assert (layout.key if layout else None) == key, title


def test_a_table_of_names_only_gets_its_codes_from_the_order_of_its_rows(read):
    """杭州 prints no codes and loses the indentation: 其他一般公共服务支出 is a 款 under 201 the
    first time and a 项 under it the second; a name that fits no code is reported and the
    table's hierarchy is not checked."""
    parsed = read(
        names_only(
            ["一般公共服务支出", "20.00", "", "20.00"],
            ["其他一般公共服务支出", "20.00", "", "20.00"],
            ["其他一般公共服务支出", "20.00", "", "20.00"],
            ["社会保障和就业支出", "10.00", "10.00", ""],
            ["行政事业单位养老支出", "10.00", "10.00", ""],
            ["机关事业单位基本养老保险缴费支出", "10.00", "10.00", ""],
        )
    )
    rows = parsed.tables["expenditure"].records()
    assert [r["code"] for r in rows] == ["", "201", "20199", "2019999", "208", "20805", "2080505"]
    hierarchy = [c for c in parsed.checks if c.check == "expenditure.hierarchy"]
    assert hierarchy and all(c.status == "pass" for c in hierarchy)


def test_a_name_that_fits_no_code_leaves_the_hierarchy_unchecked(read):
    parsed = read(
        names_only(
            ["公共安全支出", "30.00", "10.00", "20.00"],
            ["某项不存在的款", "30.00", "10.00", "20.00"],
        )
    )
    assert any("fit no code: ['某项不存在的款']" in p.message for p in parsed.doc.problems)
    statuses = {c.status for c in parsed.checks if c.check == "expenditure.hierarchy"}
    assert statuses == {"not_checked"}


def test_amounts_and_names_wrapped_onto_the_next_row_are_joined(read):
    """杭州 表5: an amount too wide for its cell wraps its last digit onto a row of its own;
    江苏: a long name wraps with its amounts on the first line."""
    parsed = read(
        COVER
        + tsv(
            "表5：2026年市级部门一般公共预算支出预算表",
            "单位：万元",
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["** ", "**", "1", "2", "3"],
            ["", "合计", "18,536.8", "18,536.8", ""],
            ["", "", "8", "8", ""],
            ["2080505", "机关事业单位基本养老保险缴费", "18,536.88", "18,536.88", ""],
            ["", "支出", "", "", ""],
        )
        + "\n以上为预算表。\n"
    )
    rows = parsed.tables["general_budget_expenditure"].records()
    assert [(r["name"], r["total"]) for r in rows] == [
        ("合计", Decimal("18536.88")),
        ("机关事业单位基本养老保险缴费支出", Decimal("18536.88")),
    ]


def test_a_budgets_narrative_figures_are_read_in_the_national_words(read):
    """三公 items against the table (公务用车购置及运行维护费 is the vehicles row, not also the
    operating one), 机关运行经费 with the parts it lists, vehicles held apart from those to be
    bought."""
    from decimal import Decimal as D

    table = tsv(
        "表7：2026年市级部门一般公共预算“三公”经费支出预算表",
        "单位：万元",
        ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""],
        ["10.00", "1.00", "6.00", "2.00", "4.00", "3.00"],
    )
    narrative = "\n".join([
        "七、“三公”经费预算情况说明",
        "2026年“三公”经费预算为 10 万元，其中：因公出国（境）费预算 1 万元，公务用车运行维护费预算 4 万元，公务接待费预算 3 万元。",
        "八、机关运行经费",
        "2026年机关运行经费预算为 20 万元，主要包括：办公费 12 万元、水电费 8 万元。",
        "九、国有资产占有使用情况",
        "本部门共有车辆 5 辆，其中：执法执勤用车 3 辆、其他用车 2 辆。2026年拟购置车辆 1 辆，其中：执法执勤用车 1 辆。",
    ])  # fmt: skip
    parsed = read(COVER + table + "\n" + narrative + "\n")
    status = {c.check: c.status for c in parsed.checks}
    for check in ("three_public.narrative_total", "three_public.narrative_abroad",
                  "three_public.narrative_vehicle_operation", "three_public.narrative_reception",
                  "operating_costs.items", "assets.vehicle_categories"):  # fmt: skip
        assert status.get(check) == "pass", (check, status.get(check))
    figures = {f["figure_key"]: f["figure_value"] for f in parsed.sections["narrative_figures"]}
    assert (figures["assets.vehicles"], figures["assets.planned_vehicles"]) == (D(5), D(1))


def test_a_table_beyond_the_nine_is_kept_cell_by_cell_with_its_column_labels(read):
    """A 项目支出表 no reader knows yet: every cell is published with its row, column and the
    labels over it, and its figures are no longer uncaptured."""
    extra = tsv(
        "表10：2026年项目支出表",
        "单位：万元",
        ["项目名称", "项目类别", "预算数", ""],
        ["", "", "小计", "一般公共预算"],
        ["气象监测运维", "运转类", "12.34", "12.34"],
        ["气象科普宣传", "特定目标类", "5.60", "5.60"],
    )
    parsed = read(COVER + extra + "\n以上为预算表。\n")
    cells = parsed.sections["other_tables"]
    assert {(c["row_number"], c["column_label"], c["cell"]) for c in cells} >= {
        (1, "项目名称", "气象监测运维"),
        (2, "预算数 / 小计", "5.60"),
        (2, "预算数 / 一般公共预算", "5.60"),
    }
    assert [c["cell_amount"] for c in cells if c["column_number"] == 3] == [
        Decimal("12.34"),
        Decimal("5.60"),
    ]
    report = {
        r["part"]: r for r in parsed.sections["reading_report"] if r["part_kind"] == "other_table"
    }
    assert report["表10：2026年项目支出表"]["part_status"] == "read"
    assert report["表10：2026年项目支出表"]["figures_uncaptured"] == 0
