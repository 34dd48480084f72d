"""The audit: its catalogue, one snippet per check family, and every finding of the eight real
documents with the source text that explains it (a finding nobody can explain is a bug)."""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace

import pytest

from budget_portal.audit.catalogue import CATALOGUE, FAMILIES, RULES, catalogue_rows
from budget_portal.audit.check import Check, make_check
from budget_portal.audit.completeness import table_notes, tables_order
from budget_portal.audit.names import name_checks, names_in, reference
from budget_portal.audit.narrative import NarrativeAudit
from budget_portal.audit.wording import wording_checks
from budget_portal.metadata.registry import FIELDS
from budget_portal.package.rows import audit_rows
from budget_portal.read.tables import SPEC_BY_KEY, Table, TableRow
from budget_portal.templates import TEMPLATES

D = Decimal


def failed(checks: list[Check]) -> list[str]:
    return [c.check for c in checks if c.status == "fail"]


# --- the catalogue ---------------------------------------------------------------------------


def test_every_rule_has_a_family_severity_and_template():
    assert set(FAMILIES) == set(FIELDS["family"].enum)
    for rule in RULES:
        assert rule.templates, rule.check
        assert rule.severity == "warning" or rule.family not in ("names", "wording"), rule.check
    assert {r.family for r in RULES} == set(FAMILIES)
    rows = catalogue_rows()
    assert len(rows) == len(CATALOGUE) and all("DOMAIN" not in r["formula"] for r in rows)


def test_a_check_the_catalogue_does_not_list_is_an_error():
    with pytest.raises(KeyError, match="not in the catalogue"):
        make_check("no.such.check", "", "income", ("a", D(1)), ("b", D(1))).record("x", 1)


def test_every_check_of_the_corpus_is_catalogued_and_applies_to_its_template(seeds, shanghai):
    for parsed in (*seeds.values(), *shanghai.values()):
        for check in parsed.checks:
            assert parsed.doc.template in CATALOGUE[check.check].templates, check.check


def test_a_finding_carries_both_sides_units_places_quotes_and_a_message(seeds):
    rows = audit_rows(seeds["000"])
    finding = next(r for r in rows if r["check"] == "overview.public_vs_table")
    assert (finding["left_value"], finding["left_unit"], finding["right_value"]) == (
        D("1341.21"), "万元", D("865.21"))  # fmt: skip
    assert (finding["difference"], finding["severity"], finding["family"]) == (
        D("476.00"), "error", "narrative")  # fmt: skip
    assert (finding["left_lines"], finding["right_lines"]) == ("494", "328")
    assert "日常公用经费1341.21万元" in finding["left_text"]
    assert finding["right_text"] == "1 | 合计 | 8484.26 | 7619.05 | 865.21"
    assert "1341.21 万元" in finding["message"] and "865.21 万元" in finding["message"]
    passed = next(r for r in rows if r["status"] == "pass")
    assert passed["message"] == passed["left_text"] == ""


# --- precision: no false alarm from rounding -------------------------------------------------


def test_a_stated_figure_agrees_with_an_amount_that_rounds_or_truncates_to_it():
    def stated(left, right, **extra):
        return make_check("changes.percent", "", "narrative_figures", ("", D(left)), ("", D(right)),
                          unit="%", precision=2, **extra).status  # fmt: skip

    assert stated("938.99", "938.99130") == "pass"  # 9,389,913.00 元 stated in 万元
    assert stated("57.14", "57.1476") == "fail"  # rounds to 57.15 …
    assert stated("57.14", "57.1476", truncation_ok=True) == "pass"  # … but cut, 57.14
    assert stated("57.13", "57.1476", truncation_ok=True) == "fail"


# --- completeness ----------------------------------------------------------------------------


def table(key: str, values: list[dict], notes=(), line=10) -> Table:
    rows = [TableRow([], [line + 1 + i], values=v) for i, v in enumerate(values)]
    return Table(
        SPEC_BY_KEY[key], f"{key} title", line, rows=rows, notes=list(notes), lines=[line, line + 5]
    )


def test_an_empty_table_needs_its_note_and_a_table_with_figures_is_not_empty():
    hebei = TEMPLATES["hebei"]
    blank = table("government_fund_expenditure", [{"name": "合计", "total": D(0)}])
    assert failed(table_notes(blank, hebei)) == ["completeness.empty_table_note"]
    noted = table(
        "government_fund_expenditure", [], notes=["注：无政府基金预算财政拨款预算，空表列示。"]
    )
    assert failed(table_notes(noted, hebei)) == []
    says_empty = table(
        "three_public",
        [{"name": "合计", "total": D("47.91")}],
        notes=["注:本部门无“三公”经费，故本表为空表。"],
    )
    assert failed(table_notes(says_empty, hebei)) == ["completeness.note_vs_figures"]
    assert table_notes(table("three_public", [{"name": "合计", "total": D(1)}]), hebei) == []


def test_tables_out_of_the_template_order():
    hebei, shanghai = TEMPLATES["hebei"], TEMPLATES["shanghai"]
    printed = {"general_budget_expenditure": table("general_budget_expenditure", [], line=10),
               "government_fund_expenditure": table("government_fund_expenditure", [], line=20),
               "basic_expenditure": table("basic_expenditure", [], line=30)}  # fmt: skip
    assert failed([tables_order(printed, hebei)]) == ["completeness.tables_order"]
    assert failed([tables_order(printed, shanghai)]) == []  # Shanghai prints 基本支出 later


def test_a_missing_table_and_a_contents_entry_without_its_table(read):
    from .conftest import NARRATIVE, PREAMBLE, tsv

    text = "2023 年部门预算信息公开目录\n部门预算收支总表.....\t3\n部门预算收入总表.....\t5\n\n" + tsv(
        "部门预算收入总表", PREAMBLE,
        ["序号", "科目编码", "科目名称", "合计", "本年收入小计", "财政拨款收入", "财政专户管理资金收入",
         "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "上年结转"],
        ["栏次", "", "", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        [1, "", "合计", "5.00", "5.00", "5.00", "", "", "", "", "", "", ""],
    ) + NARRATIVE  # fmt: skip
    parsed = read(text)
    assert [e["target"] for e in parsed.sections["table_of_contents"]] == [
        "income_expenditure_summary",
        "income",
    ]
    checks = {
        c.check: c for c in parsed.checks if c.family == "completeness" and c.status == "fail"
    }
    assert "收支总表" in checks["completeness.tables_present"].finding_message()
    assert "部门预算收支总表" in checks["completeness.contents_in_body"].finding_message()
    assert "部门职责" in checks["completeness.sections_present"].finding_message()


# --- names -----------------------------------------------------------------------------------


def coded(code: str, name: str, line: int) -> dict:
    return {"code": code, "name": name, "source_line": line}


def test_the_reference_covers_every_code_of_the_corpus_with_its_renames(seeds, shanghai):
    for parsed in (*seeds.values(), *shanghai.values()):
        for table in parsed.tables.values():
            assert {r["code"] for r in table.records() if r.get("code")} <= set(reference())
    assert [r["name"] for r in names_in("210", 2018)] == ["医疗卫生与计划生育支出"]
    assert [r["name"] for r in names_in("210", 2019)] == ["卫生健康支出"]
    assert all(r["source"] for rows in reference().values() for r in rows)


def test_a_code_printed_with_another_name_or_its_old_name():
    audit = SimpleNamespace(rows={
        "income": [coded("210", "十、医疗卫生与计划生育支出", 5), coded("2080110", "劳动关系和维权", 6)],
        "expenditure": [coded("210", "卫生健康支出", 9), coded("2080110", "劳动关系的维权", 10)],
    })  # fmt: skip
    checks = name_checks(audit, [], 2023)
    found = sorted((c.check, c.code) for c in checks if c.status == "fail")
    assert found == [("names.code_name_by_year", "2080110"), ("names.code_name_by_year", "210"),
                     ("same_code_same_name", "2080110"), ("same_code_same_name", "210")]  # fmt: skip
    old = next(
        c for c in checks if c.status == "fail" and c.code == "210" and c.check.startswith("names")
    )
    assert "2018 年及以前" in old.finding_message() and "卫生健康支出" in old.finding_message()
    # In 2018 the old name was the name: no finding by year.
    assert not [c for c in name_checks(audit, [], 2018) if c.check == "names.code_name_by_year"
                and c.code == "210" and "医疗" in c.name and c.status == "fail"]  # fmt: skip


def test_the_narrative_item_name_is_compared_with_the_tables():
    audit = SimpleNamespace(
        rows={"general_budget_expenditure": [coded("2101101", "行政单位医疗", 5)]}
    )
    items = [coded("2101101", "行政单位医疗保险", 40)]
    assert "same_code_same_name" in failed(name_checks(audit, items, 2025))


# --- wording and the year -----------------------------------------------------------------


def paragraph(text: str, section: str = "overview", line: int = 7) -> dict:
    return {"text": text, "section": section, "source_line": line}


@pytest.mark.parametrize(
    ("text", "kind", "check"),
    [
        ("本部门2025年收入预算XX万元。", "department", "wording.placeholder"),
        ("公务接待费××万元。", "department", "wording.placeholder"),
        ("印刷费1万元、、劳务费1万元。", "department", "wording.doubled_punctuation"),
        ("规划、政策、，起草法规。", "department", "wording.doubled_punctuation"),
        ("依据《预算法（2018年修正）规定。", "department", "wording.unmatched_brackets"),
        ("资金(冀财社【2022】162 号绩效目标表", "department", "wording.unmatched_brackets"),
        ("比上年增加10万元，主要原因是。", "department", "wording.missing_content"),
        ("主要用于；其他支出0万元。", "department", "wording.missing_content"),
        ("2025年本部门政府采购预算38.20万元。", "unit", "wording.kind"),
        ("我单位三公经费无变动。", "department", "wording.kind"),
        ("2024年部门预算收入100万元。", "department", "wording.year"),
        ("“三公”经费比2025年预算增加1万元。", "department", "changes.self_year"),
    ],
)
def test_each_wording_rule_finds_its_slip(text, kind, check):
    assert failed(wording_checks([paragraph(text)], kind, 2025)) == [check]


def test_wording_that_is_right_passes():
    texts = [
        "2025年本部门收入预算100万元，比2024年预算增加10万元（增长11.11%）。",
        "其中：",  # a colon ending a paragraph introduces the list below it
        "本部门中，行政单位1家，事业单位1家，具体包括：",
        "维修（护)费5万元，主要用于办公楼维修。",  # half- and full-width brackets pair
        "根据《中华人民共和国预算法》，现将“三公”经费说明如下。",
        "2024年当年预算执行数为60.13万元，2025年预算安排25.77万元。",
    ]
    checks = wording_checks([paragraph(t) for t in texts], "department", 2025)
    assert failed(checks) == [] and len(checks) == 7  # one passing check per rule
    unit = wording_checks(
        [paragraph("部门一般公共预算基本支出部门预算经济分类预算表说明")], "unit", 2025
    )
    assert "wording.kind" not in failed(unit)  # the classification's name, not a self-reference


def test_a_finding_quotes_the_words_around_it():
    text = "甲" * 40 + "印刷费1万元、、劳务费" + "乙" * 40
    (check,) = failed_checks = [
        c for c in wording_checks([paragraph(text)], "department", 2025) if c.status == "fail"
    ]
    assert failed_checks and check.left_lines == [7]
    assert (
        check.sentences[7].startswith("…")
        and "、、" in check.sentences[7]
        and len(check.sentences[7]) < 60
    )


# --- stated changes and the narrative against itself ---------------------------------------


def figure(key: str, value: str, label: str = "", sentence: str = "s", unit: str = "万元") -> dict:
    return {"figure_key": key, "figure_value": D(value), "figure_unit": unit, "label": label or key,
            "sentence": sentence, "source_line": 3}  # fmt: skip


def narrative(figures: list[dict], year: int = 2018) -> NarrativeAudit:
    sections = {"narrative_figures": figures}
    return NarrativeAudit({}, sections, TEMPLATES["hebei"], False, year)


def test_a_stated_percentage_against_the_change_and_this_year():
    sentence = "支出83747.17万元，较2017年预算增加63205.9万元，增加307.7%。"
    good = narrative([figure("overview.total_arranged", "83747.17"),
                      figure("overview.change_total_arranged", "63205.9", sentence=sentence),
                      figure("overview.change_total_arranged_percent", "307.7", sentence=sentence, unit="%")])  # fmt: skip
    good.change_percents()
    assert [(c.check, c.status) for c in good.checks] == [("changes.percent", "pass")]
    wrong = narrative([figure("overview.total_arranged", "83747.17"),
                       figure("overview.change_total_arranged", "63205.9", sentence=sentence),
                       figure("overview.change_total_arranged_percent", "-307.7", sentence=sentence, unit="%")])  # fmt: skip
    wrong.change_percents()
    assert failed(wrong.checks) == ["changes.percent"]  # 下降 written where the figure rose
    elsewhere = narrative([figure("overview.total_arranged", "10"), figure("overview.change_total_arranged", "0"),
                           figure("overview.change_total_arranged_percent", "5", sentence="other", unit="%")])  # fmt: skip
    elsewhere.change_percents()
    assert elsewhere.checks == []  # a change stated in another sentence is not this percentage's


def test_one_item_given_two_amounts():
    audit = narrative([
        figure("three_public.vehicles", "3", "公务用车购置及运维费"),
        figure("three_public.vehicles_2", "0", "公务用车购置及运行维护费支出"),
        figure("three_public.total", "3", "“三公”经费预算安排"),
        figure("three_public.total_2", "3", "2017年“三公”经费预算安排"),  # last year's: not compared
    ])  # fmt: skip
    audit.same_item_twice()
    assert [(c.name, c.status) for c in audit.checks] == [("three_public.vehicles", "fail")]


def test_vehicles_add_up_by_category():
    audit = narrative([figure("assets.vehicles", "7", unit="辆"), figure("assets.vehicles_other", "6", unit="辆"),
                       figure("assets.vehicles_emergency", "0", unit="辆")])  # fmt: skip
    audit.vehicles()
    assert failed(audit.checks) == ["assets.vehicle_categories"] and audit.checks[0].unit == "辆"


def test_reserved_procurement_within_the_total():
    audit = narrative([figure("procurement.total", "10"), figure("procurement.sme_reserved", "12"),
                       figure("procurement.small_micro_reserved", "5")])  # fmt: skip
    audit.procurement_reserved()
    assert [c.status for c in audit.checks] == ["fail", "pass"]


# --- every finding of the eight real documents ---------------------------------------------

CORPUS_FINDINGS = {
    # 邯郸市人社局 2023
    "000": [
        # line 494: 日常公用经费1341.21万元; the 基本支出表 prints 公用经费 865.21 (line 328): the
        # narrative counts 476.00 of 财政专户 money the table does not
        ("overview.public_vs_table", ""),
        # line 113: the 收入总表 prints 2080110 劳动关系的维权; the other tables 劳动关系和维权
        ("names.code_name_by_year", "2080110"),
        ("same_code_same_name", "2080110"),
        # line 730: 就业补助资金(冀财社【2022】162 号绩效目标表: the `(` is never closed
        ("wording.unmatched_brackets", ""),
    ],
    # 赵县人社局 2024
    "001": [
        # 收入总表 20801 prints 4411.63 in three columns; its 项 add to 4418.33, because 2080102
        # is 161.20 in the 收入总表 (line 114) and 154.50 in the 支出总表 (line 249)
        *[("income.hierarchy", "20801")] * 3,
        ("income_vs_expenditure", "2080102"),
        # 基本支出表 302 prints 124.4 (line 524); its 13 items add to 123.50
        *[("basic_expenditure.hierarchy", "302")] * 2,
        # 三公 table: 合计 printed blank (line 596) over 小计 11.10 + 会议费 1.50 + 培训费 3.50
        ("three_public.grand_total", ""),
        # 会议费 1.50 (line 616) over its two parts 1.50 + 1.50 (lines 617–618)
        ("three_public.parts", ""),
    ],
    # 承德市双桥区人社局 2023
    "002": [
        # 基本支出表 合计 人员经费 818.97 / 公用经费 46.58 (line 1562); 302 商品和服务支出 puts
        # 32.86 in the 人员经费 column (line 1632), so 301 + 303 = 786.11 and 302 + 310 = 79.44
        ("basic.personnel_by_class", ""),
        ("basic.public_by_class", ""),
        # line 2018: 公务用车购置及运维费3万元（…公务用车运维费3万元）; line 2019: （一）公务用车
        # 购置及运行维护费支出0万元 and ②公务用车运行维护费支出0万元
        *[("narrative.same_item_twice", "")] * 2,
        # line 2016: 印刷费1万元、、劳务费1万元
        ("wording.doubled_punctuation", ""),
        # line 2020: a 部门预算 says 我单位三公经费无变动
        ("wording.kind", ""),
    ],
    # 邯郸市人社局 2018: the 情况说明 alone, the nine tables not printed in it
    "003": [
        ("completeness.tables_present", ""),
        # line 8: 拟定全市人力资源和社会保障事业发展规划、政策、，起草…
        ("wording.doubled_punctuation", ""),
    ],
    # 曲阳县人社局 2020: the 情况说明 alone
    "004": [
        ("completeness.tables_present", ""),
        # line 1799 (拟购置固定资产总额为12万元) against the A02 items of the procurement table
        # (11.87) is rounding: 12 is stated to whole 万元 (see the test below)
    ],
}
WANLI_FINDINGS = [
    # p. 31: the 三公 table prints 47.91 … 443.18 and the note 故本表为空表
    ("completeness.note_vs_figures", ""),
    # p. 6, item 4: 110.60 万元 against 114.00 (减少2.98%), 主要原因是：…经费增加
    ("expenditure_items.reason_direction", "2013302"),
    # p. 7, item 9: from 0.00 to 25.00 万元 stated as 增加100.00%
    ("expenditure_items.percent", "2059999"),
    # p. 9, item 31: 住房公积金 350.35万元, then 2024年预算安排352.67万元
    ("expenditure_items.restated", "2210201"),
]


def findings(parsed) -> list[tuple[str, str]]:
    return sorted((c.check, c.code) for c in parsed.checks if c.status == "fail")


@pytest.mark.parametrize("number", sorted(CORPUS_FINDINGS))
def test_every_finding_of_the_seeds_is_in_the_source(seeds, number):
    assert findings(seeds[number]) == sorted(CORPUS_FINDINGS[number])


def test_a_difference_the_printed_decimals_explain_is_rounding_not_a_finding(seeds):
    # 001: the 40 project tables add to 32619.37; 支出总表 项目支出 32619.38 (line 245): 41
    # amounts each rounded to 0.01 can miss by up to 0.205 (尾差)
    check = next(c for c in seeds["001"].checks if c.check == "projects.budget_sum")
    assert (check.status, check.difference) == ("rounding", Decimal("-0.01"))
    assert "尾差" in check.finding_message()
    # 004 line 1799: 拟购置固定资产总额为12万元, stated to whole 万元; its 6 items add to 11.87
    check = next(c for c in seeds["004"].checks if c.check == "assets.planned_vs_procurement")
    assert (check.status, check.left_value, check.right_value) == ("rounding", 12, Decimal("11.87"))
    # … but a figure the printed decimals cannot explain is a finding: 15 against 11.87
    assert replace(check, left_value=Decimal(15)).status == "fail"


def test_every_finding_of_the_shanghai_pdfs_is_in_the_source(shanghai):
    assert findings(shanghai["department"]) == findings(shanghai["unit"]) == []
    assert findings(shanghai["wanli"]) == sorted(WANLI_FINDINGS)
    pages = {c.check: c for c in shanghai["wanli"].checks if c.status == "fail"}
    assert shanghai["wanli"].doc.page_of(pages["completeness.note_vs_figures"].right_lines[0]) == 31


def test_every_family_runs_on_both_templates(seeds, shanghai):
    for parsed in (seeds["000"], shanghai["department"]):
        assert {c.family for c in parsed.checks} == set(FAMILIES), parsed.doc.template


# --- every numeric check can fail ---------------------------------------------------------


def mutated(parsed, lines: set[int], key: str):
    """The parse's tables and narrative rows with the amount `key` of the rows read on `lines`
    changed."""
    tables, sections = copy.deepcopy(parsed.tables), copy.deepcopy(parsed.sections)

    def change(row: dict) -> dict:
        value = row.get(key)
        return {**row, key: value * 2 + 1_000_000} if isinstance(value, Decimal) else row

    for table in tables.values():
        for row in table.rows:
            if lines & set(row.source_lines):
                row.values = change(row.values)
    for rows in sections.values():
        for i, row in enumerate(rows):
            if row.get("source_line") in lines:
                rows[i] = change(row)
    return tables, sections


def amounts_read(parsed, lines: set[int]) -> set[str]:
    keys = {
        k
        for t in parsed.tables.values()
        for r in t.rows
        if lines & set(r.source_lines)
        for k, v in r.values.items()
        if isinstance(v, Decimal)
    }
    keys |= {
        k
        for rows in parsed.sections.values()
        for r in rows
        if r.get("source_line") in lines
        for k, v in r.items()
        if isinstance(v, Decimal)
    }
    return keys


def rerun(parsed, tables, sections) -> list[Check]:
    printed = any(c.check == "procurement.narrative_total" for c in parsed.checks)
    doc = parsed.doc
    by_role = {table.spec.role: table for table in tables.values()}  # as audit_document does
    return NarrativeAudit(
        by_role, sections, TEMPLATES[doc.template], printed, doc.metadata.year
    ).run()


NUMERIC = ("arithmetic", "narrative", "changes")


def can_fail(parsed, check: Check) -> bool:
    """Whether changing one amount of one side of a passing check makes it fail."""
    for side in (check.left_lines, check.right_lines):
        for key in sorted(amounts_read(parsed, set(side))):
            tables, sections = mutated(parsed, set(side), key)
            if any(
                c.check == check.check and c.status == "fail" and c.left_lines == check.left_lines
                for c in rerun(parsed, tables, sections)
            ):
                return True
    return False


def test_every_numeric_check_can_fail(seeds, shanghai, finals):
    """A check fails in the corpus, or changing an amount one of its sides was read from makes
    it fail: no check that cannot."""
    documents = [*seeds.values(), *shanghai.values(), *finals.values()]
    # changes.self_year reads words, not amounts: its snippets are with the wording rules.
    untested = {r.check for r in RULES if r.family in NUMERIC} - {"changes.self_year"}
    untested -= {c.check for p in documents for c in p.checks if c.status == "fail"}
    for parsed in documents:
        for check in parsed.checks:
            if (
                check.check in untested
                and check.status in ("pass", "rounding")
                and can_fail(parsed, check)
            ):
                untested.discard(check.check)
    # Never run in the corpus: no document prints parts of its 支出 items, and every 政府性基金
    # table of the corpus is empty.
    assert untested == {"summary.expenditure_item_parts", "government_fund_expenditure.hierarchy"}


def test_the_two_checks_the_corpus_never_runs_fail_on_snippets():
    from budget_portal.audit.tables import Audit

    rows = [{"code": "", "name": "合计", "level": 0, "parent_code": "", "total": D(10)},
            {"code": "212", "name": "城乡社区支出", "level": 1, "parent_code": "", "total": D(10)},
            {"code": "21208", "name": "国有土地使用权出让收入安排的支出", "level": 2, "parent_code": "212", "total": D(7)}]  # fmt: skip
    funds = table(
        "government_fund_expenditure", [{**r, "row_number": i + 1} for i, r in enumerate(rows)]
    )
    funds.unit = "万元"
    audit = Audit({"government_fund_expenditure": funds}, TEMPLATES["hebei"])
    audit.hierarchy("government_fund_expenditure")
    assert ("government_fund_expenditure.hierarchy", "212") in [
        (c.check, c.code) for c in audit.checks if c.status == "fail"
    ]
    summary = [{"row_number": 1, "expenditure_name": "一、一般公共服务支出", "expenditure": D(10), "source_line": 5},
               {"row_number": 2, "expenditure_name": "1.人大事务", "expenditure": D(3), "source_line": 6},
               {"row_number": 3, "expenditure_name": "2.政协事务", "expenditure": D(5), "source_line": 7}]  # fmt: skip
    audit.item_parts("income_expenditure_summary", summary, "expenditure_name", ("expenditure",))
    assert failed(audit.checks[-1:]) == ["summary.expenditure_item_parts"]


def side(labels: list[tuple[str, str]], column: str = "expenditure_name") -> list[dict]:
    """Rows of one side of a two-sided table: (label, 类 code read from the label)."""
    return [
        {"row_number": i + 1, column: label, "expenditure_code": code, "expenditure": D(1)}
        for i, (label, code) in enumerate(labels)
    ]


def test_the_items_of_a_side_in_each_outline_the_family_prints():
    from budget_portal.audit.tables import side_items

    def names(rows, total_at):
        items = side_items(
            rows, "expenditure_name", rows[total_at] if total_at is not None else None
        )
        return [r["expenditure_name"] for r in items]

    hebei = side(
        [
            ("一、一般公共服务支出", "201"),
            ("1.人大事务", ""),
            ("二、教育支出", "205"),
            ("本年支出合计", ""),
        ]
    )
    assert names(hebei, 3) == ["一、一般公共服务支出", "二、教育支出"]
    # 财政部's layout: the total is itself item 一, its parts （一）（二） below it, 二 ends them.
    ministry = side([("一、本年支出", ""), ("（一）一般公共服务支出", "201"), ("（二）外交支出", "202"), ("二、年终结转结余", ""), ("支出总计", "")])  # fmt: skip
    assert names(ministry, 0) == ["（一）一般公共服务支出", "（二）外交支出"]
    # names only, 类 款 项 mixed: the 类 rows, each once, above the total.
    names_only = side([("卫生健康支出", "210"), ("公共卫生", ""), ("其他支出", "229"), ("其他支出", "229"), ("支出总计", "")])  # fmt: skip
    assert names(names_only, 4) == ["卫生健康支出", "其他支出"]
    # an income side that numbers nothing: which rows are items is unknown.
    income = side([("财政拨款", ""), ("本年收入合计", "")], column="income_name")
    assert side_items(income, "income_name", income[1]) == []


def test_a_side_without_a_year_total_adds_its_items_and_carry_over_to_its_grand_total():
    from budget_portal.audit.tables import Audit

    rows = [{"row_number": 1, "income_name": "一、财政拨款", "income": D(10), "expenditure_name": "卫生健康支出", "expenditure_code": "210", "total": D(30), "source_line": 5},
            {"row_number": 2, "income_name": "上年结转结余", "income": D(0), "expenditure_name": "城乡社区支出", "expenditure_code": "212", "total": D(5), "source_line": 6},
            {"row_number": 3, "income_name": "收入总计", "income": D(10), "expenditure_name": "支出总计", "expenditure_code": "", "total": D(10), "source_line": 7}]  # fmt: skip
    summary = table("fiscal_appropriation_summary", rows)
    summary.unit = "万元"
    audit = Audit({"fiscal_appropriation_summary": summary}, TEMPLATES["national"])
    audit.appropriation_summary()
    by_check = {}
    for c in audit.checks:
        by_check.setdefault(c.check, c)  # the first: 合计 before the fund columns
    assert by_check["appropriation.income_items"].status == "pass"
    spending = by_check["appropriation.expenditure_items"]
    assert (spending.status, spending.left_value, spending.right_value) == ("fail", D(10), D(35))
