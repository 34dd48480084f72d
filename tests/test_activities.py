"""部门职责-工作活动绩效目标 (2018 template, b.12, c.8e, c.19)."""

from decimal import Decimal

HEAD = "邯郸市人力资源和社会保障局\n\n2018年部门预算公开情况说明\n五、绩效预算信息\n部门职责-工作活动绩效目标\n"


def cells(*values):
    return [f"\t{v}" for v in values]


def test_header_row_running_into_the_first_activity_and_grade_bands(read):
    lines = [
        *cells("316邯郸市人社局", "单位：万元"), "",
        *cells("职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标", "评价标准"),
        " \t促进就业政策及管理", *cells("1159.72", "负责促进就业工作", "控制失业率", "", "", "", "", ""), "",
        "\t\u3000\u3000就业创业扶持政策的制定及管理", *cells("1000", "组织协调", "促进再就业", "新增3万人", "95%", "85%-94%", "70%-84%", "69%以下"), "",
        *cells("", "", "", "", "符合审核要求", "95%", "85%-94%", "70%-84%", "69%以下"), "",
        "\t\u3000\u3000技能和创业培训", *cells("", "统筹规划", "培训20000人", "任务完成率100%", "99%以上", "90%~99%", "50%~90%", "50%以下"), "",
        "六、政府采购预算情况",
    ]  # fmt: skip
    parsed = read(HEAD + "\n".join(lines) + "\n")
    activities = parsed.sections["activities"]
    assert [(a["activity_id"], a["level"], a["parent_activity_id"], a["name"], a["budget"]) for a in activities] == [
        (1, 1, None, "促进就业政策及管理", Decimal("1159.72")),
        (2, 2, 1, "就业创业扶持政策的制定及管理", Decimal("1000")),
        (3, 2, 1, "技能和创业培训", 0)]  # fmt: skip
    assert activities[0]["source_line"] == 15
    indicators = parsed.sections["activity_indicators"]
    assert [(i["activity_id"], i["indicator_number"], i["indicator"], i["grade_poor"]) for i in indicators] == [
        (2, 1, "新增3万人", "69%以下"), (2, 2, "符合审核要求", "69%以下"), (3, 1, "任务完成率100%", "50%以下")]  # fmt: skip


def test_seed_activities(seeds):
    activities = seeds["003"].sections["activities"]
    assert [sum(1 for a in activities if a["level"] == n) for n in (1, 2)] == [7, 60]
    assert (
        len(seeds["003"].sections["activity_indicators"]) == 102
    )  # 109 data rows less the 7 top rows
    assert sum(a["budget"] for a in activities if a["level"] == 1) == Decimal("79335.07")
    cut = [p.line for p in seeds["003"].doc.problems if "255 characters" in p.message]
    assert cut == [474, 484, 524, 824]  # rows holding 003:476, 486, 526, 826 (c.19)
