"""The narrative part: sections, prose, glossary, units and fixed assets."""

from decimal import Decimal

from budget_portal.read.headings import chinese_number

from .conftest import PREAMBLE, tsv

HEAD = "邯郸市人社局 2023 年部门预算信息公开情况说明\n\n"


def test_chinese_section_numbers():
    assert [chinese_number(n) for n in ("一", "九", "十", "十一", "二十", "二十三")] == [
        1, 9, 10, 11, 20, 23]  # fmt: skip


def test_sections_need_a_known_title_in_increasing_order(read):
    text = HEAD + "\n".join([
        "一、部门职责及机构设置情况", "部门职责：", "二、部门预算安排的总体情况",
        "第一部分 部门整体绩效目标", "一、总体绩效目标",  # nested `一、` (002:2024) is not a section
        "一、深入实施就业优先战略", "八、名词解释", "1、**基本支出**：指保障机构正常运转的支出。",
    ])  # fmt: skip
    parsed = read(text)
    assert [(r["section"], r["text"]) for r in parsed.sections["narrative"]] == [
        ("duties", "部门职责："), ("overview", "第一部分部门整体绩效目标"),
        ("overview", "一、总体绩效目标"), ("overview", "一、深入实施就业优先战略"),
        ("glossary", "1、**基本支出**：指保障机构正常运转的支出。")]  # fmt: skip


def test_a_paragraph_cut_by_a_page_break_is_joined(read):
    """000:440/442 `…拟订企业年金和职业年` / `金政策。…`."""
    first = "（四）统筹推进建立覆盖城乡的多层次社会保障体系。组织拟订养老保险的基金管理办法，拟订企业年金和职业年"
    text = HEAD + "\n\n".join(["一、部门职责及机构设置情况", first, "金政策。会同有关部门实施全民参保计划。",
                                "（五）负责就业工作。"])  # fmt: skip
    rows = read(text).sections["narrative"]
    assert [r["text"] for r in rows] == [
        first + "金政策。会同有关部门实施全民参保计划。",
        "（五）负责就业工作。",
    ]
    assert rows[0]["source_lines"] == "5,7"


def test_glossary_markdown_residue_and_comma_form(read):
    text = HEAD + "\n".join([
        "八、名词解释",
        "- 1、**一般公共预算拨款收入**：指本级财政当年拨付的资金。",  # 000:1067
        "2、**财政专户管理资金收入**：缴入财政专户的收入。",  # 001:1655
        "3、机关运行经费，是指各部门的公用经费。",  # 003:1321
    ])  # fmt: skip
    rows = read(text).sections["glossary"]
    assert [(r["term_number"], r["term"], r["definition"]) for r in rows] == [
        (1, "一般公共预算拨款收入", "指本级财政当年拨付的资金。"),
        (2, "财政专户管理资金收入", "缴入财政专户的收入。"),
        (3, "机关运行经费", "是指各部门的公用经费。")]  # fmt: skip


def test_organizations_skip_repeated_headers_and_empty_rows(read):
    head = ["单位名称", "单位性质", "单位规格", "经费保障形式"]
    text = HEAD + tsv(
        "一、部门职责及机构设置情况", "机构设置：", "部门机构设置情况", head,
        ["邯郸市人社局机关", "行政", "正处（县）级", "财政拨款"], ["", "", "", ""], "",
        head, ["冀南技师学院(锁定)", "事业", "正处（县）级", "财政性资金基本保证"],
        "二、部门预算安排的总体情况",
    )  # fmt: skip
    rows = read(text).sections["organizations"]
    assert [(r["unit_name"], r["unit_nature"], r["unit_rank"], r["source_line"]) for r in rows] == [
        ("邯郸市人社局机关", "行政", "正处（县）级", 7), ("冀南技师学院(锁定)", "事业", "正处（县）级", 11)]  # fmt: skip


def test_fixed_assets_dashes_dates_units_and_threshold(read):
    text = HEAD + tsv(
        "七、国有资产信息", "部门固定资产占用情况表", PREAMBLE.split("\n")[0], "截止时间：2022年12月31日",
        ["项目", "数量", "价值（金额单位：万元）"], ["资产总额", "—", "17031.55"],
        ["1、房屋（平方米）", "41499.57", "2801.42"], "",
        ["项 目", "数 量", "价 值 (金 额 单 位: 万 元)"],  # repeated after a page break (000:1059)
        ["其中: 办公用房 (平方米)", "16537.63", "648.77"],
        ["3、单价在50万元以上的设备", "", ""], ["4、其他固定资产", "——", "2064.79"],
        "八、名词解释",
    )  # fmt: skip
    rows = read(text).sections["fixed_assets"]
    assert [(r["asset_item"], r["quantity"], r["quantity_unit"], r["value"]) for r in rows] == [
        ("total", None, "", Decimal("17031.55")), ("buildings", Decimal("41499.57"), "平方米", Decimal("2801.42")),
        ("office_buildings", Decimal("16537.63"), "平方米", Decimal("648.77")),
        ("equipment", 0, "", 0), ("other", None, "", Decimal("2064.79"))]  # fmt: skip
    assert {r["as_of"] for r in rows} == {"2022-12-31"}
    assert rows[3]["equipment_threshold"] == 50


def test_seed_sections(seeds):
    kinds = ("organizations", "procurement", "fixed_assets", "glossary")
    counts = {n: {k: len(p.sections[k]) for k in kinds} for n, p in seeds.items()}
    assert counts == {
        "000": {"organizations": 14, "procurement": 9, "fixed_assets": 6, "glossary": 10},
        "001": {"organizations": 4, "procurement": 0, "fixed_assets": 6, "glossary": 10},
        "002": {"organizations": 1, "procurement": 0, "fixed_assets": 6, "glossary": 10},
        "003": {"organizations": 20, "procurement": 0, "fixed_assets": 5, "glossary": 2},
        "004": {"organizations": 6, "procurement": 41, "fixed_assets": 6, "glossary": 10},
    }
    assets = {r["asset_item"]: r for r in seeds["003"].sections["fixed_assets"]}
    assert (assets["buildings"]["value"], assets["equipment"]["equipment_threshold"]) == (
        Decimal("3058"),
        50,
    )
    assert seeds["003"].sections["fixed_assets"][0]["as_of"] == "2017-12-31"
    narrative = seeds["000"].sections["narrative"]
    joined = [r["source_lines"] for r in narrative if "," in r["source_lines"]]
    assert joined == ["440,442", "520,522", "572,574"]  # the page-break splits of c.17
    assert not [p for n, p in seeds.items() for p in p.doc.problems if "glossary" in p.message]
