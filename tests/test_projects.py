"""项目绩效目标表: the four variants and their traps (b.11, c.8a, c.15, c.16)."""

from decimal import Decimal

import pytest

from budget_portal.read.projects import target_parts, title_fields
from budget_portal.templates.hebei import HEBEI

from .conftest import tsv

HEAD = (
    "邯郸市人社局 2023 年部门预算信息公开情况说明\n\n五、预算绩效信息\n第二部分 预算项目绩效目标\n"
)
INDICATOR_HEAD = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]


@pytest.mark.parametrize(
    ("printed", "parts"),
    [
        ("≥300 个", ("≥", Decimal("300"), "个")),
        ("≥97%", ("≥", Decimal("97"), "%")),
        ("<1 百分比", ("<", Decimal("1"), "百分比")),
        ("100 比例", ("", Decimal("100"), "比例")),
        ("350 平方米.年", ("", Decimal("350"), "平方米.年")),
        ("≤20 万元", ("≤", Decimal("20"), "万元")),
        ("保障人员经费足额发放", ("", None, "")),
    ],
)
def test_target_values(printed, parts):
    assert target_parts(printed) == parts


def test_title_hints():
    settings = HEBEI.part("projects")
    assert title_fields("ZX23-创业担保贷款贴息绩效目标表", settings)["fund_prefix"] == "ZX23"
    fields = title_fields("[323] 承财社[2021]306号 通知(2080799 199万)绩效目标表", settings)
    assert (fields["code_prefix"], fields["code_hint"], fields["amount_hint"]) == (
        "323",
        "2080799",
        Decimal("199"),
    )


def test_000_style_goal_and_carried_down_levels(read):
    text = HEAD + tsv(
        "1、FM-劳动监察工作经费绩效目标表",
        ["绩效目标", "", "", "受理投诉举报案件，及时查处。", "", ""], INDICATOR_HEAD,
        ["产出指标", "数量指标", "办理案件个数", "实际办理案件个数", "≥300 个", "工作要求"],
        ["", "时效指标", "受理案件办结率", "按期结案率", "≥97 百分比", "工作要求"],
        ["满意度指标", "服务对象满意度指标", "投诉率", "投诉率", "≤10 百分比", ""],
        "六、政府采购预算情况",
    )  # fmt: skip
    parsed = read(text)
    (project,) = parsed.sections["projects"]
    assert (project["fund_prefix"], project["goal"], project["budget"]) == (
        "FM",
        "受理投诉举报案件，及时查处。",
        None,
    )
    rows = parsed.sections["performance_indicators"]
    assert [(r["level1"], r["level2"], r["level3"]) for r in rows] == [
        ("产出指标", "数量指标", "办理案件个数"), ("产出指标", "时效指标", "受理案件办结率"),
        ("满意度指标", "服务对象满意度指标", "投诉率")]  # fmt: skip


def test_001_style_budget_and_irregular_spending_plans(read):
    def table(number, plan_rows, goal_rows):
        return [
            f"{number}、普惠金融发展专项资金绩效目标表", "单位：万元",
            ["项目编码", "13013324P00068810021D", "", "项目名称", "普惠金融发展专项资金", "", ""],
            ["预算规模及资金用途", "预算数", "16.59", "其中：财政资金", "16.59", "其他资金", ""],
            ["", "创业担保贷款财政贴息。", "", "", "", "", ""],
            *plan_rows, *goal_rows, [*INDICATOR_HEAD, ""],
            ["产出指标", "数量指标", "覆盖率", "确保全部补贴到位", "≥97%", "冀人社字【2022】18号", ""],
        ]  # fmt: skip

    text = HEAD + tsv(
        *table(1, [["资金支出计划（%）", "3月底", "", "6月底", "", "10月底", ""],
                   ["", "4.15", "", "8.30", "", "12月底 16.59", ""]],  # 001:1096
               [["绩效目标", "1.贴息到位。", "", "", "", "", ""]]),
        *table(2, [["资金支出计划（%）", "3 月底", "", "6 月底", "", "10 月底", ""],
                   ["", "5.24", "", "10.47", "", "15.72", ""], ["12 月底", "20.95", "", "", "", "", ""]],
               [["", "1.贴息到位。", "", "", "", "", ""]]),  # 001:1179–1182: the label is lost
        *table(3, [["资金支出计划（%）", "3月底", "", "6月底", "", "10月底", ""],
                   ["", "250.00", "", "500.00", "", "750.00", ""]],
               [["绩效目标", "1.确保资金安全", "", "", "", "", ""], ["", "2.确保及时补贴到位", "", "", "", "", ""]]),
        "", [*INDICATOR_HEAD], ["", "", "", "", "", "号"],  # 001:1426–1427
        "八、政府采购预算情况",
    )  # fmt: skip
    parsed = read(text)
    plans = [
        (p["plan_march"], p["plan_june"], p["plan_october"], p["plan_december"])
        for p in parsed.sections["projects"]
    ]
    assert plans == [
        (Decimal("4.15"), Decimal("8.30"), None, Decimal("16.59")),
        (Decimal("5.24"), Decimal("10.47"), Decimal("15.72"), Decimal("20.95")),
        (Decimal("250.00"), Decimal("500.00"), Decimal("750.00"), None)]  # fmt: skip
    first = parsed.sections["projects"][0]
    assert (first["project_code"], first["budget"], first["fiscal_funds"], first["other_funds"]) == (
        "13013324P00068810021D", Decimal("16.59"), Decimal("16.59"), 0)  # fmt: skip
    assert first["fund_use"] == "创业担保贷款财政贴息。"
    assert [p["goal"] for p in parsed.sections["projects"]] == [
        "1.贴息到位。",
        "1.贴息到位。",
        "1.确保资金安全 2.确保及时补贴到位",
    ]
    messages = [p.message for p in parsed.doc.problems]
    assert "projects: 绩效目标 label missing; the row is read as the goal" in messages
    assert "projects: stray fragment '号' already ends the row above; dropped" in messages
    assert parsed.sections["performance_indicators"][-1]["basis"] == "冀人社字【2022】18号"


def test_docx_indicator_row_cut_by_an_empty_paragraph_is_reassembled(read):
    """002:2414–2421: one row arrives as 3 + 1 + 2 cells."""
    lines = [
        "1、2023年就业补助资金绩效目标表", "\t绩效目标", "\t1.促进就业。", "",
        *[f"\t{c}" for c in INDICATOR_HEAD], "",
        "\t产出指标", "\t数量指标", "\t失业人员再就业人数", "", "\t失业人员再就业人数", "", "\t≥400人", "\t系统提取", "",
        "\t", "\t质量指标", "\t到位准确率", "\t准确发放人数*100%", "\t≥95%", "\t合同约定", "",
        "六、政府采购预算情况",
    ]  # fmt: skip
    parsed = read(HEAD + "\n".join(lines) + "\n")
    rows = parsed.sections["performance_indicators"]
    assert [(r["level1"], r["level2"], r["level3"], r["target_value"], r["basis"]) for r in rows] == [
        ("产出指标", "数量指标", "失业人员再就业人数", "≥400人", "系统提取"),
        ("产出指标", "质量指标", "到位准确率", "≥95%", "合同约定")]  # fmt: skip
    assert rows[0]["source_line"] == 16


def test_seed_projects(seeds):
    counts = {
        n: (len(p.sections["projects"]), len(p.sections["performance_indicators"]))
        for n, p in seeds.items()
    }
    assert counts == {
        "000": (37, 247),
        "001": (40, 360),
        "002": (19, 141),
        "003": (0, 0),
        "004": (18, 73),
    }
    budgets = [p["budget"] for p in seeds["001"].sections["projects"]]
    assert sum(budgets) == Decimal("32619.37")  # docs/domain.md b.11
    levels = {r["level1"] for r in seeds["004"].sections["performance_indicators"]}
    assert levels == {"产出指标", "效果指标", "满意度指标"}  # 004 says 效果指标
    hints = [
        (p["code_hint"], p["amount_hint"])
        for p in seeds["002"].sections["projects"]
        if p["code_hint"]
    ]
    assert hints == [
        ("2080799", Decimal("1200")),
        ("2080799", Decimal("199")),
        ("2080199", Decimal("1")),
        ("2082602", Decimal("20")),
    ]
    assert all(p["goal"] for s in seeds.values() for p in s.sections["projects"])
