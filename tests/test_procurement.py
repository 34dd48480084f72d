"""政府采购预算: header variants, the misplaced SME label, 合计/小计 rows (b.13, c.14)."""

from decimal import Decimal

from .conftest import tsv

HEAD = "邯郸市人社局 2023 年部门预算信息公开情况说明\n\n六、政府采购预算情况\n部门政府采购预算\n316 邯郸市人社局\n单位：万元\n"


def test_000_style_sme_share_is_the_last_column_whatever_the_label_says(read):
    text = HEAD + tsv(
        ["政府采购项目来源", "", "采购物品名称", "政府采购目录序号", "计量单位", "数量", "单价",
         "政府采购金额（当年部门预算安排资金）", "", "", "", "", "", "", "2023年预留中小微企业份额", ""],
        ["项目名称", "预算资金", "", "", "", "", "", "合计", "一般公共预算拨款", "基金预算拨款",
         "国有资本经营预算拨款", "财政专户核拨", "单位资金", "财政拨款结转", "", "非财政拨款结转结余"],
        ["XZ-人社政务管理工作经费", "20.00", "其他沙发类", "A05010499", "张", "20", "0.055", "1.10",
         "1.10", "", "", "", "", "", "", "1.10"],
        "", "注：同一采购目录序号的物品，其单价会因配置规格不同而变动。", "七、国有资产信息",
    )  # fmt: skip
    (row,) = read(text).sections["procurement"]
    assert (row["item_name"], row["unit_price"], row["total"], row["sme_reserved"]) == (
        "其他沙发类", Decimal("0.055"), Decimal("1.10"), Decimal("1.10"))  # fmt: skip
    assert row["non_appropriation_carryover"] == 0 and row["other_sources"] is None


def test_004_style_total_and_subtotal_rows_are_marked(read):
    text = HEAD + tsv(
        ["政府采购项目来源", "采购物品名称", "政府采购目录序号", "计量  单位", "数量", "单价", "政府采购金额"],
        ["项目名称", "预算资金", "", "", "", "", "", "合计", "一般公共预算拨款", "基金预算拨款",
         "国有资本经营预算拨款", "财政专户核拨", "其他来源收入"],
        ["合　计", "", "", "", "", "", "", "8.80", "8.80", "", "", "", ""],
        ["曲阳县人力资源和社会保障局小计", "", "", "", "", "", "", "8.80", "8.80", "", "", "", ""],
        ["劳动仲裁经费", "5.00", "其他印刷服务", "C08140199", "次", "4.00", "1.00", "4.00", "4.00", "", "", "", ""],
        ["人社局社保卡补卡换卡收费项目", "7.80", "其他办公消耗用品", "A0999", "次", "1.00", "4.80", "4.80", "4.80", "", "", "", ""],
        "七、国有资产信息",
    )  # fmt: skip
    rows = read(text).sections["procurement"]
    assert [(r["row_type"], r["unit_name"], r["total"]) for r in rows] == [
        ("total", "", Decimal("8.80")), ("subtotal", "曲阳县人力资源和社会保障局", Decimal("8.80")),
        ("item", "曲阳县人力资源和社会保障局", Decimal("4.00")),
        ("item", "曲阳县人力资源和社会保障局", Decimal("4.80"))]  # fmt: skip
    assert rows[0]["quantity"] is None and rows[2]["quantity"] == Decimal("4.00")
    assert rows[2]["sme_reserved"] is None  # the 004 template has no such column


def test_an_empty_procurement_table_gives_no_rows(read):
    text = HEAD + tsv(
        ["政府采购项目来源", "", "采购物品名称", "政府采购目录序号", "计量单位", "数量", "单价", "政府采购金额", "", "", "", "", "", "2024年预留中小微企业份额"],
        ["项目名称", "预算资金", "", "", "", "", "", "合计", "一般公共预算拨款", "基金预算拨款", "国有资本经营预算拨款", "财政专户核拨", "单位资金", ""],
        "", "注：无政府采购预算，空表列示。", "九、国有资产信息",
    )  # fmt: skip
    parsed = read(text)
    assert parsed.sections["procurement"] == []
    assert not [p for p in parsed.doc.problems if "procurement" in p.message]


def test_seed_procurement_totals(seeds):
    def items(number):
        return [r for r in seeds[number].sections["procurement"] if r["row_type"] == "item"]

    assert (len(items("000")), sum(r["total"] for r in items("000"))) == (9, Decimal("20.00"))
    assert (len(items("004")), sum(r["total"] for r in items("004"))) == (35, Decimal("58.97"))
    subtotals = [r for r in seeds["004"].sections["procurement"] if r["row_type"] == "subtotal"]
    assert [r["source_line"] for r in subtotals] == [1234, 1416, 1500, 1612, 1766]
