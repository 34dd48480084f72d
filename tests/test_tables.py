"""Each layout trap of docs/domain.md c, as a small inline document."""

from decimal import Decimal

from budget_portal.package.rows import budget_lines

from .conftest import NARRATIVE, PREAMBLE, tsv

INCOME_HEAD = tsv(
    ["序号", "功能分类科目", "", "合计", "本年收入", "", "", "", "", "", "", "", "上年结转"],
    ["", "科目编码", "科目名称", "", "小计", "财政拨款收入", "财政专户收入", "事业收入",
     "经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", ""],
    ["栏次", *range(1, 13)],
)  # fmt: skip
SPENDING_HEAD = tsv(
    ["序号", "功能分类科目", "", "合计", "基本支出", "项目支出", "经营支出", "上解上级支出",
     "对附属单位补助支出"],
    ["", "科目编码", "科目名称", "", "", "", "", "", ""],
    ["栏次", *range(1, 9)],
)  # fmt: skip
GENERAL_HEAD = tsv(
    ["序号", "功能分类科目", "", "合计", "基本支出", "项目支出"],
    ["", "科目编码", "科目名称", "", "", ""],
    ["档次", 1, 2, 3, 4, 5],  # the 000 misprint (c.6)
)
SUMMARY_HEAD = tsv(["序号", "收入", "", "支出", ""], ["", "项目", "预算数", "项目", "预算数"],
                   ["栏次", 1, 2, 3, 4])  # fmt: skip


def income_row(n, code, name, amount, cut=""):
    return [n, code, name, amount, amount, amount, "", "", "", "", "", "", cut]


def test_row_split_by_a_page_break_with_a_code_cut_in_two(read):
    """001:144+155: `20805` + `07`, `6228.` + `00`; 20805 also exists as the real parent."""
    text = tsv(
        "部门预算收入总表", PREAMBLE, INCOME_HEAD,
        income_row(1, "", "合计", "6328.00"),
        income_row(2, "208", "社会保障和就业支出", "6328.00"),
        income_row(3, "20805", "行政事业单位养老支出", "6328.00"),
        income_row(4, "2080505", "机关事业单位基本养老保险缴费支出", "100.00"),
        income_row(5, "20805", "对机", "6228."),
        "", PREAMBLE, INCOME_HEAD,  # the page break repeats the whole header
        income_row("", "07", "关事业单位基本养老保险基金的补助", "00"),
    ) + NARRATIVE  # fmt: skip
    parsed = read(text)
    rows = parsed.tables["income"].records()
    assert [r["code"] for r in rows] == ["", "208", "20805", "2080505", "2080507"]
    last = rows[-1]
    assert last["name"] == "对机关事业单位基本养老保险基金的补助"
    assert str(last["total"]) == "6228.00"
    assert (last["source_line"], last["source_lines"]) == (16, "16,28")
    assert last["parent_code"] == "20805" and last["level"] == 3
    assert not [c for c in parsed.checks if c.status == "fail" and c.family == "arithmetic"]


def test_only_column_headers_repeat_and_wrapped_names_join(read):
    """000:115–117 (headers without agency lines); 001:129+140 `行政单位` + `离退休`."""
    text = tsv(
        "部门预算收入总表", PREAMBLE, INCOME_HEAD,
        income_row(1, "", "合计", "5.00"),
        income_row(2, "208", "社会保障和就业支出", "5.00"),
        income_row(3, "20805", "行政事业单位养老支出", "5.00"),
        income_row(4, "2080501", "行政单位", "5.00"),
        "", INCOME_HEAD,
        income_row("", "", "离退休", ""),
    ) + NARRATIVE  # fmt: skip
    rows = read(text).tables["income"].records()
    assert rows[-1]["name"] == "行政单位离退休"
    assert rows[-1]["total"] == Decimal("5.00")


def test_a_stray_duplicate_fragment_is_dropped_when_other_tables_disagree(read):
    """001:232 `金` after 001:221 `住房公积金`: 支出总表 names 2210201 `住房公积 金`."""
    text = tsv(
        "部门预算收入总表", PREAMBLE, INCOME_HEAD,
        income_row(1, "", "合计", "3.00"),
        income_row(2, "2210201", "住房公积金", "3.00"),
        "", PREAMBLE, INCOME_HEAD,
        income_row("", "", "金", ""),
        "", "部门预算支出总表", PREAMBLE, SPENDING_HEAD,
        [1, "", "合计", "3.00", "3.00", "", "", "", ""],
        [2, "2210201", "住房公积 金", "3.00", "3.00", "", "", "", ""],
    ) + NARRATIVE  # fmt: skip
    parsed = read(text)
    income = parsed.tables["income"].records()[-1]
    assert income["name"] == "住房公积金"
    assert income["source_lines"] == "13"
    assert parsed.tables["expenditure"].records()[-1]["name"] == "住房公积金"
    warning = next(p for p in parsed.doc.problems if "stray fragment" in p.message)
    assert warning.line == 25


def test_misprinted_lanci_and_blank_cells_are_zero(read):
    text = tsv(
        "部门预算一般公共预算财政拨款支出表", PREAMBLE, GENERAL_HEAD,
        [1, "", "合计", "10.00", "", "10.00"],
        [2, "205", "教育支出", "10.00", "", "10.00"],
    ) + NARRATIVE  # fmt: skip
    rows = read(text).tables["general_budget_expenditure"].records()
    assert rows[1] == rows[1] | {"code": "205", "basic": Decimal("0"), "project": Decimal("10.00")}


def test_empty_tables_with_a_note_or_a_blank_total_row(read):
    """000:390 (header and note only) and 001:580 (a blank `1 合计` row before the note)."""
    head = tsv(["序号", "功能分类科目", "", "合计", "基本支出", "项目支出"],
               ["", "科目编码", "科目名称", "", "", ""], ["栏次", 1, 2, 3, 4, 5])  # fmt: skip
    text = tsv(
        "部门预算政府基金预算财政拨款支出表", PREAMBLE, head, "",
        "注：无政府基金预算财政拨款预算，空表列示。", "",
        "部门预算国有资本经营预算财政拨款支出表", PREAMBLE, head,
        [1, "", "合计", "", "", ""], "",
        "注：无国有资本经营预算财政拨款预算，空表列示。",
    ) + NARRATIVE  # fmt: skip
    parsed = read(text)
    fund = parsed.tables["government_fund_expenditure"]
    assert (fund.status, fund.rows, fund.notes) == (
        "empty", [], ["注：无政府基金预算财政拨款预算，空表列示。"])  # fmt: skip
    capital = parsed.tables["state_capital_expenditure"].records()
    assert [(r["name"], r["total"]) for r in capital] == [("合计", Decimal("0"))]
    assert {line["measure"]: line["amount"] for line in budget_lines(parsed)} == {
        "total": 0, "basic": 0, "project": 0}  # fmt: skip


def test_table_of_contents_is_not_a_table(read):
    text = tsv(
        "2023 年部门预算信息公开目录",
        ["部门预算收支总表.....", 3],  # 000:7
        ["部门预算收入总表", 4],  # 001:8
        "部门预算支出总表",  # a TOC entry printed without page number
        "", "部门预算收支总表", PREAMBLE, SUMMARY_HEAD,
        [1, "一、一般公共预算拨款收入", "5.00", "一、一般公共服务支出", ""],
        [2, "", "", "二、教育支出", "5.00"],
        [3, "本年收入合计", "5.00", "本年支出合计", "5.00"],
    ) + NARRATIVE  # fmt: skip
    parsed = read(text)
    assert list(parsed.tables) == ["income_expenditure_summary"]
    assert parsed.tables["income_expenditure_summary"].title_line == 6


def test_two_sided_rows_continue_across_pages_and_labels_give_codes(read):
    """001:79+90 `二十七、债务还本` + `支出`; 001:343+355: the numbers sit on the first part."""
    text = tsv(
        "部门预算收支总表", PREAMBLE, SUMMARY_HEAD,
        [1, "一、一般公共预算 拨款收入", "5.00", "八、社会", "5.00"],
        "", PREAMBLE.replace("预算年度：2023", "预算年\n度：2023"), SUMMARY_HEAD,
        ["", "", "", "保障和就业支出", ""],
        [2, "", "", "二十七、债务还本", ""],
        "", PREAMBLE, SUMMARY_HEAD,
        ["", "", "", "支出", ""],
        [3, "", "", "三十一、人行科目", ""],
        [4, "本年收入合计", "5.00", "本年支出合计", "5.00"],
    ) + NARRATIVE  # fmt: skip
    parsed = read(text)
    rows = parsed.tables["income_expenditure_summary"].records()
    assert [(r["expenditure_name"], r["expenditure_code"]) for r in rows] == [
        ("八、社会保障和就业支出", "208"), ("二十七、债务还本支出", "231"),
        ("三十一、人行科目", ""), ("本年支出合计", "")]  # fmt: skip
    assert rows[0]["income_name"] == "一、一般公共预算拨款收入"
    assert rows[1]["income_name"] == "" and rows[1]["income"] is None  # an absent side is null
    lines = budget_lines(parsed)
    assert [(x["row_number"], x["measure"], x["code"]) for x in lines][:3] == [
        (1, "income", ""), (1, "expenditure", "208"), (2, "expenditure", "231")]  # fmt: skip


def test_docx_cell_per_line_table_with_merged_header_and_meta_row(read):
    """002: agency/year/unit as one 3-cell row (c.8d); merged header cells collapse (c.8c)."""
    cells = [
        [" [bookmark: _Toc_2_2_0000000009]部门预算财政拨款“三公”经费支出表"],
        ["\t323承德市双桥区人力资源和社会保障局", "\t预算年度：2023", "\t单位：万元"],
        ["\t序号", "\t项  目", "\t资 金 性 质"],
        ["\t", "\t", "\t合计", "\t一般公共预算              财政拨款", "\t政府性基金 预算拨款",
         "\t国有资本经营 预算财政拨款"],
        ["\t栏次", "\t1", "\t2", "\t3", "\t4", "\t5"],
        ["\t1", "\t合计", "\t3.00", "\t3.00", "\t", "\t"],
        ["\t2", "\t“三公”经费小计", "\t3.00", "\t3.00", "\t", "\t"],
        ["\t3", "\t一、因公出国（境）费", "\t", "\t", "\t", "\t"],
        ["\t4", "\t    其中：教学科研人员因公出国（境）费", "\t", "\t", "\t", "\t"],
        ["\t5", "\t二、公务用车购置及运维费", "\t3.00", "\t3.00", "\t", "\t"],
        ["\t6", "\t          公务用车运行维护费", "\t3.00", "\t3.00", "\t", "\t"],
        ["\t7", "\t四、会议费", "\t", "\t", "\t", "\t"],
        ["承德市双桥区人力资源和社会保障局2023年部门预算信息公开情况说明"],
    ]  # fmt: skip
    parsed = read("\n\n".join("\n".join(row) for row in cells) + "\n")
    assert parsed.doc.layout == "docx-cells"
    rows = parsed.tables["three_public"].records()
    assert [(r["name"], r["level"]) for r in rows] == [
        ("合计", 0), ("“三公”经费小计", 0), ("一、因公出国（境）费", 1),
        ("其中：教学科研人员因公出国（境）费", 2), ("二、公务用车购置及运维费", 1),
        ("公务用车运行维护费", 2), ("四、会议费", 1)]  # fmt: skip
    assert rows[0]["source_line"] == 25
    assert not [c for c in parsed.checks if c.status == "fail" and c.family == "arithmetic"]


def test_an_unreadable_amount_is_reported_not_guessed(read):
    text = tsv(
        "部门预算一般公共预算财政拨款支出表", PREAMBLE, GENERAL_HEAD,
        [1, "", "合计", "约10", "", "10.00"],
    ) + NARRATIVE  # fmt: skip
    parsed = read(text)
    assert parsed.tables["general_budget_expenditure"].records()[0]["total"] is None
    problem = next(p for p in parsed.doc.problems if "cannot read" in p.message)
    assert problem.line == 12 and "'约10'" in problem.message


def test_a_table_with_other_columns_is_refused_loudly(read):
    head = tsv(["序号", "功能分类科目", "", "合计"], ["栏次", 1, 2, 3])
    text = tsv("部门预算支出总表", PREAMBLE, head, [1, "", "合计", "1.00"]) + NARRATIVE
    parsed = read(text)
    assert parsed.tables["expenditure"].status == "unreadable"
    assert any("expected 8" in p.message for p in parsed.doc.problems)
    assert budget_lines(parsed) == []


def test_title_variants_are_recognised(read):
    head = tsv(
        ["序号", "功能分类科目", "", "合计", "基本支出", "项目支出"], ["栏次", 1, 2, 3, 4, 5]
    )
    for title in ("部门预算政府基金预算财政拨款支出表", "部门预算政府性基金预算财政拨款支出表"):
        parsed = read(tsv(title, PREAMBLE, head) + NARRATIVE)
        assert parsed.tables["government_fund_expenditure"].status == "empty"
