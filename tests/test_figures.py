"""Figures stated in the narrative (b.16): keys, labels, decreases, bare numbers."""

from decimal import Decimal

HEAD = "邯郸市人社局 2023 年部门预算信息公开情况说明\n\n"


def figures(read, text):
    return {
        r["figure_key"]: (r["figure_value"], r["figure_unit"])
        for r in read(HEAD + text).sections["narrative_figures"]
    }


def test_overview_income_spending_and_changes(read):
    text = "\n".join([
        "二、部门预算安排的总体情况",
        "2023年预算收入37203.83万元，其中：一般公共预算收入36697.83万元，财政专户核拨收入506万元。",
        "2023年支出预算37203.83万元，其中基本支出8960.26万元，包括人员经费7619.05万元和日常公用经费1341.21万元；项目支出28243.57万元。",
        "2020年部门预算收支安排2655.35万元，较2019年增加355.67万元，其中：基本支出减少36.14万元；项目支出增加391.81万元，增加389.36%。",
    ])  # fmt: skip
    got = figures(read, text)
    assert got["overview.income_total"] == (Decimal("37203.83"), "万元")
    assert got["overview.income_fiscal_special_account"] == (Decimal("506"), "万元")
    assert got["overview.public"] == (
        Decimal("1341.21"),
        "万元",
    )  # label starts after 7619.05万元和
    assert got["overview.change_total_arranged"] == (Decimal("355.67"), "万元")
    assert got["overview.change_basic"] == (Decimal("-36.14"), "万元")  # 减少 is negative
    assert got["overview.change_project_percent"] == (Decimal("389.36"), "%")


def test_three_public_components_and_itemised_operating_costs(read):
    text = "\n".join([
        "三、机关运行经费安排情况",
        "2024年，我局机关运行经费共计安排69.4万元。",
        "其中：办公费5.15万元、水费1万元、其他交通费(车补)10.5万元。",
        "四、财政拨款“三公”经费预算情况及增减变化原因",
        "2023年，我部门财政拨款“三公”经费预算安排45.45万元，其中因公出国（境）费0万元；公务用车购置及运维费34.30万元（其中：公务用车购置费为0万元，公务用车运维费34.30万元）；公务接待费11.15万元。与2022年相比增加1.13万元。",
    ])  # fmt: skip
    got = figures(read, text)
    assert got["operating_costs.total"] == (Decimal("69.4"), "万元")
    assert [got[f"operating_costs.item_{n}"][0] for n in (1, 2, 3)] == [
        Decimal("5.15"),
        Decimal("1"),
        Decimal("10.5"),
    ]
    assert {k: v[0] for k, v in got.items() if k.startswith("three_public")} == {
        "three_public.total": Decimal("45.45"), "three_public.abroad": Decimal("0"),
        "three_public.vehicles": Decimal("34.30"), "three_public.vehicle_purchase": Decimal("0"),
        "three_public.vehicle_operation": Decimal("34.30"), "three_public.reception": Decimal("11.15"),
        "three_public.change_total": Decimal("1.13")}  # fmt: skip


def test_a_figure_without_its_unit_is_read_loudly(read):
    parsed = read(
        HEAD
        + "二、部门预算安排的总体情况\n项目支出79335.07万元，包括就业资金1000万元，社保资金12165资金。\n"
    )
    rows = {r["label"]: r["figure_value"] for r in parsed.sections["narrative_figures"]}
    assert rows["社保资金"] == Decimal("12165")
    assert any("12165 printed without 万元" in p.message for p in parsed.doc.problems)


def test_seed_figures(seeds):
    def value(number, key):
        rows = {
            r["figure_key"]: r["figure_value"] for r in seeds[number].sections["narrative_figures"]
        }
        return rows[key]

    assert value("000", "operating_costs.total") == Decimal("1341.21")
    assert value("001", "three_public.total") == Decimal("11.1")
    assert value("002", "operating_costs.total") == Decimal("46.58")
    assert value("003", "procurement.total") == Decimal("11.47")  # narrative only (no table)
    assert value("003", "other.state_capital_total") == Decimal("17975")
    assert value("004", "three_public.change_total") == Decimal("-2")
    assert value("004", "assets.planned_purchases") == Decimal("12")
