"""Final accounts (部门决算) on snippets: each trap of the family on a few lines of text read the
way the build reads a document (tests/conftest.py `read`), and on in-memory records."""

from __future__ import annotations

import re
from decimal import Decimal as D

from budget_portal.extract.pdf import on_baselines
from budget_portal.read.grammar import OUTTURN

from .conftest import tsv

COVER = "国家信访局\n2024 年度部门决算\n"


def final(*tables: str) -> str:
    return COVER + "\n".join(tables) + "\n以上为决算表。\n"


def checks(parsed, name: str) -> list[tuple[str, D | None, D | None]]:
    return [(c.status, c.left_value, c.right_value) for c in parsed.checks if c.check == name]


def test_a_final_is_told_by_its_tables_and_gets_its_own_dataset_id(read):
    parsed = read(final(tsv("收入决算表", "金额单位：万元", ["科目编码", "科目名称", "本年收入合计", "财政拨款收入"],
                            ["", "合计", "5.00", "5.00"], ["201", "一般公共服务支出", "5.00", "5.00"])))  # fmt: skip
    m = parsed.doc.metadata
    assert (parsed.doc.template, m.document_type, m.dataset_id, m.year) == (
        "national_final", "final_accounts", "zhongyang-guojiaxinfangju-juesuan-2024", 2024)  # fmt: skip
    assert list(parsed.tables) == ["final_income"]
    assert [r["code"] for r in parsed.tables["final_income"].records()] == ["", "201"]


SUMMARY = tsv(
    "收入支出决算总表",
    "部门：国家信访局 金额单位：万元",
    ["收入", "", "", "支出", "", ""],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["栏次", "", "1", "栏次", "", "2"],
    ["一、一般公共预算财政拨款收入", "1", "100.00", "一、一般公共服务支出", "5", "90.00"],
    ["二、其他收入", "2", "10.00", "", "6", ""],
    ["", "3", "", "", "7", ""],
    ["本年收入合计", "4", "110.00", "本年支出合计", "8", "90.00"],
    ["使用非财政拨款结余", "9", "5.00", "结余分配", "12", "1.00"],
    ["年初结转和结余", "10", "20.00", "年末结转和结余", "13", "44.00"],
    ["总计", "11", "135.00", "总计", "14", "135.00"],
)


def test_row_numbers_are_not_figures_and_the_year_settles_with_its_balances(read):
    """行次 is declared row numbering (never read, never reported); 总计 = 本年收入合计 + 使用非财政
    拨款结余 + 年初结转和结余 = 本年支出合计 + 结余分配 + 年末结转和结余."""
    parsed = read(final(SUMMARY))
    table = parsed.tables["final_income_expenditure_summary"]
    assert table.unread == [] and not [p for p in parsed.doc.problems if "行次" in p.message]
    assert [r["income_name"] for r in table.records()][:2] == [
        "一、一般公共预算财政拨款收入",
        "二、其他收入",
    ]
    assert checks(parsed, "summary.income_grand_total") == [("pass", D("135.00"), D("135.00"))]
    assert checks(parsed, "summary.expenditure_grand_total") == [("pass", D("135.00"), D("135.00"))]
    wrong = read(final(SUMMARY.replace("结余分配\t12\t1.00", "结余分配\t12\t2.00")), "wrong.txt")
    assert checks(wrong, "summary.expenditure_grand_total") == [("fail", D("135.00"), D("136.00"))]


def blocks(labelled: bool) -> str:
    """A 基本支出决算表 printed in two blocks side by side, its totals row under them."""
    over = [["人员经费", "", "", "公用经费", "", ""]] if labelled else []
    return tsv(
        "一般公共预算财政拨款基本支出决算表",
        "金额单位：万元",
        *over,
        ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"],
        ["301", "工资福利支出", "8.00", "302", "商品和服务支出", "3.00"],
        ["30101", "基本工资", "8.00", "30201", "办公费", "3.00"],
        ["303", "对个人和家庭的补助", "2.00", "", "", ""],
        ["30302", "退休费", "2.00", "", "", ""],
        ["人员经费合计", "", "10.00", "公用经费合计", "", "3.00"],
    )


def test_a_table_printed_in_blocks_reads_each_block_down_then_the_next(read):
    for labelled in (True, False):  # 国家信访局 labels its blocks; 普陀 only its totals row
        parsed = read(final(blocks(labelled)), f"blocks{labelled}.txt")
        rows = parsed.tables["final_basic_expenditure"].records()
        assert [r["code"] for r in rows] == ["301", "30101", "303", "30302", "302", "30201", "", ""]
        assert [r["name"] for r in rows][-2:] == ["人员经费合计", "公用经费合计"]
        assert [(r["personnel"], r["public"]) for r in rows][::2] == [
            (D("8.00"), D(0)), (D("2.00"), D(0)), (D(0), D("3.00")), (D("10.00"), D(0))]  # fmt: skip
        assert {s for s, *_ in checks(parsed, "basic.block_totals")} == {"pass"}
        assert checks(parsed, "basic.total") == []  # one figure a row: nothing to add up
    wrong = read(
        final(blocks(True).replace("人员经费合计\t\t10.00", "人员经费合计\t\t11.00")), "w.txt"
    )
    assert ("fail", D("11.00"), D("10.00")) in checks(wrong, "basic.block_totals")


def test_three_public_reads_budget_and_actual_of_each_item_under_merged_headers(read):
    """普陀: the items over 预算数 | 决算数, each label printed once over the cells it spans."""
    table = tsv(
        "财政拨款“三公”经费支出决算表",
        "单位：万元",
        [
            "合计",
            "",
            "因公出国（境）费",
            "",
            "公务用车购置及运行费",
            "",
            "",
            "",
            "",
            "",
            "公务接待费",
            "",
        ],
        ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行费", "", "", ""],
        ["预算数", "决算数"] * 6,
        [
            "10.00",
            "7.00",
            "1.00",
            "0.50",
            "6.00",
            "4.50",
            "2.00",
            "2.00",
            "4.00",
            "2.50",
            "3.00",
            "2.00",
        ],
    )
    parsed = read(final(table))
    rows = parsed.tables["final_three_public"].records()
    assert [(r["name"], r["budgeted"], r["total"]) for r in rows] == [
        ("合计", D("10.00"), D("7.00")),
        ("因公出国（境）费", D("1.00"), D("0.50")),
        ("公务用车购置及运行费", D("6.00"), D("4.50")),
        ("公务用车购置费", D("2.00"), D("2.00")),
        ("公务用车运行费", D("4.00"), D("2.50")),
        ("公务接待费", D("3.00"), D("2.00")),
    ]
    assert {s for s, *_ in checks(parsed, "three_public.items")} == {"pass"}  # in both phases
    assert len(checks(parsed, "three_public.items")) == 2


def test_level_words_on_the_first_data_row_are_the_code_columns_labels(read):
    """上海: `类 款 项 合计 2,946.25 …` — the header's last row merged into the 合计 row."""
    table = tsv(
        "支出决算表",
        "单位：万元",
        ["项目", "", "", "", "本年支出合计", "基本支出", "项目支出"],
        ["支出功能分类科目编码", "", "", "科目名称", "", "", ""],
        ["类", "款", "项", "合计", "10.00", "6.00", "4.00"],
        ["201", "", "", "一般公共服务支出", "10.00", "6.00", "4.00"],
        ["201", "06", "", "财政事务", "10.00", "6.00", "4.00"],
        ["201", "06", "01", "行政运行", "10.00", "6.00", "4.00"],
    )
    rows = read(final(table)).tables["final_expenditure"].records()
    assert [(r["code"], r["name"]) for r in rows] == [
        ("", "合计"), ("201", "一般公共服务支出"), ("20106", "财政事务"), ("2010601", "行政运行")]  # fmt: skip


def test_a_fund_table_balances_each_row_from_opening_to_closing(read):
    table = tsv(
        "政府性基金预算财政拨款收入支出决算表",
        "单位：万元",
        ["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
        ["科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""],
        ["", "合计", "5.00", "10.00", "12.00", "", "12.00", "3.00"],
        ["212", "城乡社区支出", "5.00", "10.00", "12.00", "", "12.00", "4.00"],
    )
    parsed = read(final(table))
    assert checks(parsed, "government_fund.balance") == [
        ("pass", D("3.00"), D("3.00")), ("fail", D("4.00"), D("3.00"))]  # fmt: skip


def test_an_item_states_budget_spending_share_and_why_they_differ(read):
    """The items of a 决算's 情况说明, a page turn inside one and its figures in the paragraph
    after its path (`主要用于：` / …)."""
    general = tsv(
        "一般公共预算财政拨款支出决算表",
        "单位：万元",
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["", "合计", "110.00", "110.00", ""],
        ["201", "一般公共服务支出", "110.00", "110.00", ""],
        ["20140", "信访事务", "110.00", "110.00", ""],
        ["2014001", "行政运行", "100.00", "100.00", ""],
        ["2014002", "一般行政管理事务", "10.00", "10.00", ""],
    )
    narrative = "\n".join([
        "五、一般公共预算财政拨款支出决算情况说明",
        "（三）财政拨款支出决算具体情况",
        "1.一般公共服务（类）信访事务（款）行政运行（项）。年初预算为 80 万元，支出决算为 100 万元，"
        "完成年初预算的 125%。决算数大于预算数的主要原因是预算执行中追加了预算。",
        "2.一般公共服务（类）信访事务（款）一般行政管理事务（项）。主要用于：",
        "日常管理。年初预算为 20 万元，支出决算为 10 万元，完成年初预算的 50%。决算数小于预算数的主要原因是节约。",
    ])  # fmt: skip
    parsed = read(COVER + general + "\n" + narrative + "\n")
    items = parsed.sections["expenditure_items"]
    assert [(i["code"], i["previous_amount"], i["stated_amount"], i["completion_percent"],
             i["change_direction"]) for i in items] == [
        ("2014001", D("80"), D("100"), D("125"), "增加"),
        ("2014002", D("20"), D("10"), D("50"), "减少"),
    ]  # fmt: skip
    assert items[0]["reason"] == "预算执行中追加了预算"
    assert {s for s, *_ in checks(parsed, "expenditure_items.completion")} == {"pass"}
    assert {s for s, *_ in checks(parsed, "expenditure_items.vs_table")} == {"pass"}
    wrong = read(COVER + general + "\n" + narrative.replace("125%", "120%") + "\n", "w.txt")
    assert checks(wrong, "expenditure_items.completion")[0][0] == "fail"


def test_the_outturn_grammar_reads_amounts_with_or_without_spaces_and_a_share():
    match = OUTTURN.search("年初预算为1,560.05万元，支出决算为1511.89万元。")
    assert (match["budget"], match["spent"], match["rate"]) == ("1,560.05", "1511.89", None)


def char(text: str, x0: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6, "top": top, "bottom": top + 12}


def line(*chars: dict) -> dict:
    return {
        "text": "".join(c["text"] for c in chars),
        "chars": list(chars),
        "x0": chars[0]["x0"],
        "x1": chars[-1]["x1"],
        "top": chars[0]["top"],
        "bottom": chars[0]["bottom"],
    }


def test_figures_drawn_a_few_points_off_their_line_go_back_into_their_sentence():
    """上海: FangSong at top 183.05, the figures in Times New Roman at 187.93 (59% of a 12-point
    line shared), the next line at 197.02 (24%): two lines, not three."""
    words = line(char("总", 0, 183.05), char("计", 6, 183.05), char("万", 40, 183.05))
    figures = line(char("2", 14, 187.93), char("9", 20, 187.93))
    below = line(char("下", 0, 197.02))
    merged = on_baselines([words, figures, below])
    assert [m["text"] for m in merged] == ["总计29 万", "下"]
    assert (merged[0]["top"], merged[0]["bottom"]) == (183.05, 195.05)  # the sentence's own line


def test_a_final_is_compared_with_its_budget_where_held_else_with_the_budget_it_states():
    from budget_portal.package.execution import execution_rows

    def doc(dataset_id, document_type, year=2024):
        return {"dataset_id": dataset_id, "department_id": "x-ju", "year": year,
                "kind": "department", "document_type": document_type}  # fmt: skip

    def fact(side, code, amount, line):
        return {"side": side, "subject": "function", "code": code, "name": code,
                "amount": D(amount), "line": line}  # fmt: skip

    facts = {
        "x-ju-2024": [fact("approved", "2010101", "80", 7)],
        "x-ju-juesuan-2024": [fact("executed", "2010101", "100", 20), fact("approved", "2010101", "90", 40)],
    }  # fmt: skip
    paired = execution_rows(
        [doc("x-ju-2024", "budget"), doc("x-ju-juesuan-2024", "final_accounts")], facts
    )
    assert [(r["approved"], r["executed"], r["difference"], r["execution_rate"], r["budget_source"],
             r["budget_dataset_id"], r["budget_line"]) for r in paired] == [
        (D("80"), D("100"), D("20"), D("125.00"), "budget_document", "x-ju-2024", 7)]  # fmt: skip
    alone = execution_rows(
        [doc("x-ju-2023", "budget", 2023), doc("x-ju-juesuan-2024", "final_accounts")], facts
    )
    assert [(r["approved"], r["execution_rate"], r["budget_source"]) for r in alone] == [
        (D("90"), D("111.11"), "stated_in_final")]  # fmt: skip


def test_a_contents_line_is_no_heading_and_a_page_turn_joins_prose_not_headings():
    from budget_portal.model import Paragraph
    from budget_portal.read.headings import section_key
    from budget_portal.read.sections import join_page_breaks
    from budget_portal.templates import TEMPLATES

    final = TEMPLATES["national_final"]
    assert section_key("七、一般公共预算财政拨款“三公”经费支出决算表..........11", final) is None
    assert (
        section_key("七、一般公共预算财政拨款“三公”经费支出决算情况说明", final)[0]
        == "three_public"
    )
    noise = re.compile(final.page_noise)
    pages = [Paragraph("二、收入决算情况说明", 1, 16), Paragraph("16", 2, 16),
             Paragraph("国家信访局本年收入合计 20451.35 万元。", 3, 17),
             Paragraph("3.一般公共服务（类）信访事务（款）机关服务（项）。年", 4, 17), Paragraph("19", 5, 17),
             Paragraph("初预算为 222.6 万元，支出决算为 229.19 万元。", 6, 18)]  # fmt: skip
    texts = [t for t, _ in join_page_breaks(pages, noise) if not noise.match(t)]
    assert texts == [
        "二、收入决算情况说明",
        "国家信访局本年收入合计 20451.35 万元。",
        "3.一般公共服务（类）信访事务（款）机关服务（项）。年初预算为 222.6 万元，支出决算为 229.19 万元。",
    ]


def test_the_narrative_of_a_final_states_the_three_public_budget_and_spending(read):
    table = tsv(
        "财政拨款“三公”经费支出决算表",
        "单位：万元",
        ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
        ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"] * 2,
        ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""] * 2,
        ["10.00", "1.00", "6.00", "2.00", "4.00", "3.00", "7.00", "0.50", "4.50", "2.00", "2.50", "2.00"],
    )  # fmt: skip
    narrative = (
        "七、财政拨款“三公”经费支出决算情况说明\n"
        "2024 年度“三公”经费财政拨款支出预算为 10 万元，2024 年度支出决算为 7 万元，完成预算的 70%。"
        "其中：因公出国（境）费支出决算为 0.5 万元；公务接待费支出决算为 2 万元。\n"
    )
    parsed = read(final(table) + narrative)
    figures = {f["figure_key"]: f["figure_value"] for f in parsed.sections["narrative_figures"]}
    assert figures == {"three_public.budget_total": D(10), "three_public.total": D(7),
                       "three_public.abroad": D("0.5"), "three_public.reception": D(2)}  # fmt: skip
    for name in ("budget_total", "total", "abroad", "reception"):
        assert checks(parsed, f"three_public.narrative_{name}")[0][0] == "pass", name


def test_a_final_states_its_vehicles_by_category_and_they_add_up(read):
    narrative = (
        "十、国有资产占用情况说明\n"
        "截至 2024 年 12 月 31 日，本部门共有车辆 5辆，其中，机要通信用车 2 辆、应急保障用车 1 辆、"
        "其他用车 1 辆，单价 50 万元以上通用设备 3台（套）。\n"
    )
    parsed = read(final(SUMMARY) + narrative)
    figures = {
        f["figure_key"]: (f["figure_value"], f["figure_unit"])
        for f in parsed.sections["narrative_figures"]
    }
    assert figures["assets.vehicles"] == (D(5), "辆")
    assert figures["assets.vehicles_confidential"] == (D(2), "辆")
    assert figures["assets.equipment"] == (D(3), "台（套）")
    assert checks(parsed, "assets.vehicle_categories") == [("fail", D(5), D(4))]  # 2 + 1 + 1


def test_a_final_states_its_self_evaluation_and_each_project_score_as_a_series(read):
    narrative = (
        "十一、预算绩效情况说明\n"
        "国家信访局组织对 2024 年度一般公共预算项目支出全面开展绩效自评，其中，一级项目 7 个、"
        "二级项目 16 个，共涉及资金 5105.75 万元。\n"
        "项目自评得分为 94.7 分。全年预算数为 536.20 万元，执行数为 413.57 万元。\n"
        "项目自评得分为 98 分。全年预算数为 120 万元，执行数为 120 万元。\n"
    )
    parsed = read(final(SUMMARY) + narrative)
    figures = {f["figure_key"]: f["figure_value"] for f in parsed.sections["narrative_figures"]}
    assert (figures["performance.level1_projects"], figures["performance.level2_projects"]) == (
        7,
        16,
    )
    assert figures["performance.evaluated_funds"] == D("5105.75")
    assert [figures[f"performance.project_score_item_{n}"] for n in (1, 2)] == [D("94.7"), D(98)]
    assert checks(parsed, "narrative.same_item_twice") == []  # a series, not one item twice


def test_a_budget_printed_beside_the_spending_is_read_and_is_the_stated_budget(read):
    """Some provinces print 年初预算数 and 调整预算数 beside 决算数: read, and what the execution
    compares the spending with (stated in the 决算)."""
    from budget_portal.package.execution import execution_facts

    table = tsv(
        "一般公共预算财政拨款支出决算表",
        "单位：万元",
        ["科目编码", "科目名称", "年初预算数", "调整预算数", "决算数", "基本支出", "项目支出"],
        ["", "合计", "90.00", "95.00", "100.00", "60.00", "40.00"],
        ["201", "一般公共服务支出", "90.00", "95.00", "100.00", "60.00", "40.00"],
    )
    parsed = read(final(table))
    rows = parsed.tables["final_general_budget_expenditure"].records()
    assert [(r["initial_budget"], r["adjusted_budget"], r["total"]) for r in rows][1] == (
        D("90.00"), D("95.00"), D("100.00"))  # fmt: skip
    facts = {(f["side"], f["code"]): f["amount"] for f in execution_facts(parsed)}
    assert (facts["approved", "201"], facts["executed", "201"]) == (D("90.00"), D("100.00"))
