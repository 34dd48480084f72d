"""The whole corpus of real documents beside the repository (../shared/real-documents/).

Budgets of some twenty jurisdictions and three final accounts (决算) as their governments publish
them, and four files a crawl of government sites brings beside them.  No one wrote down the truth of these documents: their
own arithmetic is the oracle.  Every budget is added, no refusal; every one of the nine tables
each prints is read; every identity holds, or its failure is listed here with what the page
shows; and the reading report accounts for every figure no resource captured.
"""

from __future__ import annotations

import csv

import pytest

from budget_portal.add import add_documents
from budget_portal.cli import main
from budget_portal.metadata.registry import ROLE_OF

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "real-documents"
CACHE = ROOT / "build" / "cache"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/real-documents is absent")
BUDGET_FOLDERS = (SHARED, SHARED / "provinces", SHARED / "cities")
FINAL_FOLDER = SHARED / "final-accounts"
PACKAGES = ROOT / "datapackages" / "all"
# The documents the portal was first built on: their findings are explained in test_audit.py.
FIRST = ("chengdeshi", "handanshi", "quyangxian", "zhaoxian", "shanghaishi")

# Every finding on the other real documents, by document: what the page shows.
#   empty_table_note: the table is printed as its header (and a blank 合计), with no note saying
#     why it is empty (北京 预算07/08表, 泉州, 杭州 表8/9, 湖州, 长春 预算表8/10).
#   tables_present: 西安's 报表目录 declares 政府性基金, 国有资本经营 and 三公 tables empty and does
#     not print them.
#   personnel_by_class / public_by_class: the 基本支出表 puts part of class 303 in 公用经费
#     (湖州退役军人 p. 26: 301 = 1436.51 人员, 302 = 114.53 公用, totals 1487.48 / 116.93), so
#     人员经费 ≠ 301 + 303 (identity 11 is a convention these documents do not follow); 杭州气象局
#     p. 20: 303 = 249.90 of which 53.00 公用 (其他对个人和家庭的补助, which its narrative lists under
#     日常公用支出); the same in 杭州公安局 p. 27 and 杭州司法局 p. 32 (their codes found from
#     their names).
#   general_budget.vs_appropriation: 国家信访局's 一般公共预算支出表 prints the year's 16474.82
#     without the 2254.12 carried over that its 财政拨款收支总表 spends (p. 9 against p. 10);
#     湖州卫健委's 财政拨款收支总表 (pp. 33–35) has 一般公共预算 25591.21 coming in, but the 类 it
#     spends on add up to 64618.76 against its 支出总计 38191.21 (appropriation.expenditure_items):
#     科学技术 1140.61 + 社会保障和就业 11871.20 + 卫生健康 23268.50 + 住房保障 738.45 = 37018.76,
#     the 一般公共预算支出表's 合计 37018.75 (p. 36), beside 城乡社区 12600.00 and 其他支出
#     15000.00 of 政府性基金; the source spends 11427.54 more 一般公共预算 than it receives.
#   functional_economic_link (广州统计局): read as printed, 2080505/2080506/2210201 基本支出 in the
#     一般公共预算支出表 (p. 13: 175.83, 87.91, 197.59) are each 36% of 30108/30109/30113 in the
#     基本支出表 (p. 14: 488.39, 244.19, 543.85), both tables' 合计 8,401.67: the rest of those
#     contributions is coded under other functions (a convention, warning severity, not followed).
#   names.code_name_by_year 30213 (长春 p. 11): printed 维护（护）费 for 维修（护）费.
#   佛山轨道交通局 2019 决算: tables_present — it prints 表1–表8, no 国有资本经营 table (p. 2
#     lists eight); functional_economic_link — 2080505 基本支出 53.45 (p. 15) against 30108
#     47.01 (p. 17), the rest of the pension contributions coded elsewhere (a convention);
#     changes.percent — p. 27: 机关运行经费 97.19 万元 "比预算数增加 97.19 万元，增长 0%" from a
#     budget of 0, where no percentage follows (the page says so: 预算数为 0，因此增长 0%).
#   wording: the sentences quoted in each finding.
BY_CLASS = [("basic.personnel_by_class", ""), ("basic.public_by_class", "")]
EXPECTED_FINDINGS = {
    "beijingshi-caizhengju-2026": [("completeness.empty_table_note", "")] * 2,
    "beijingshi-tongjiju-2026": [("completeness.empty_table_note", "")] * 2,
    "beijingshi-yiliaobaozhangju-2026": [("completeness.empty_table_note", "")] * 2,
    "changchunshi-xinfangjubenji-2026": [
        *[("completeness.empty_table_note", "")] * 2,
        ("names.code_name_by_year", "30213"),
        ("wording.kind", ""),  # p. 19: 本单位固定资产总量 in a 部门预算
    ],
    # p. 71: a （ opened in the 三公 sentence is never closed
    "guangzhoushi-guihuaheziranziyuanju-2026": [("wording.unmatched_brackets", "")] * 2,
    "guangzhoushi-tongjiju-2026": [
        ("functional_economic_link", "30108"),
        ("functional_economic_link", "30109"),
        ("functional_economic_link", "30113"),
    ],
    "hangzhoushi-gonganju-2026": [("completeness.empty_table_note", ""), *BY_CLASS],
    "hangzhoushi-qixiangju-2026": [*[("completeness.empty_table_note", "")] * 2, *BY_CLASS],
    "hangzhoushi-sifaju-2026": [*[("completeness.empty_table_note", "")] * 2, *BY_CLASS],
    "huzhoushi-tuiyijunrenshiwuju-2026": [
        ("basic.personnel_by_class", ""),
        ("basic.public_by_class", ""),
    ],
    "huzhoushi-weishengjiankangweiyuanhui-2026": [
        ("basic.personnel_by_class", ""),
        ("basic.public_by_class", ""),
        ("completeness.empty_table_note", ""),
        ("general_budget.vs_appropriation", ""),
        ("appropriation.expenditure_items", ""),
        ("wording.unmatched_brackets", ""),  # p. 18: a ） with no （
    ],
    "quanzhoushi-gonganju-2026": [("completeness.empty_table_note", "")] * 2,
    "quanzhoushi-shichangjianguanzonghejianceyujishubaozhangzhongxin-danwei-2026": [
        ("completeness.empty_table_note", "")
    ]
    * 2,
    "suzhoushi-kexuejishuju-danwei-2026": [("wording.kind", "")],  # p. 37: 本部门 in a 单位预算
    "xianshi-tongjijuhuizong-2026": [
        ("basic.personnel_by_class", ""),
        ("basic.public_by_class", ""),
        ("completeness.tables_present", ""),
    ],
    "xianshi-xinfangjuhuizong-2026": [
        ("basic.personnel_by_class", ""),
        ("basic.public_by_class", ""),
        ("completeness.tables_present", ""),
    ],
    "zhongyang-guojiaxinfangju-2026": [("general_budget.vs_appropriation", "")],
    "foshanshi-guidaojiaotongju-juesuan-2019": [
        ("completeness.tables_present", ""),
        ("functional_economic_link", "30108"),
        ("changes.percent", ""),
    ],
    # pp. 3, 21: a 部门预算 of a one-unit department calls itself 本单位
    "zhuhaishi-zhengfutouzijiaotongshizhengxiangmugongwuzhongxin-2026": [("wording.kind", "")] * 3,
}
# The nine tables (by role) a document does not print.
NOT_PRINTED = {
    "foshanshi-guidaojiaotongju-juesuan-2019": {"state_capital_expenditure"},
    "xianshi-tongjijuhuizong-2026": {
        "government_fund_expenditure",
        "state_capital_expenditure",
        "three_public",
    },
    "xianshi-xinfangjuhuizong-2026": {
        "government_fund_expenditure",
        "state_capital_expenditure",
        "three_public",
    },
}


def rows(name: str) -> list[dict]:
    with (PACKAGES / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def real_documents() -> list[str]:
    return [r["dataset_id"] for r in rows("documents") if not r["dataset_id"].startswith(FIRST)]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """Every real budget added as a maintainer would: `add` of the folders, in one go."""
    documents = tmp_path_factory.mktemp("crawl") / "documents"
    files = [p for folder in BUDGET_FOLDERS for p in sorted(folder.glob("*.pdf"))]
    return documents, list(add_documents(files, documents, cache=CACHE))


def test_every_real_budget_is_added_none_refused(crawl):
    documents, outcomes = crawl
    assert [o.refused for o in outcomes if o.refused] == []
    # 北京 publishes a department's budget as two files: the tables join their narrative.
    tables = sorted(p.name for f in BUDGET_FOLDERS for p in f.glob("*-tables.pdf"))
    assert sorted(o.source.name for o in outcomes if o.added.companion_of) == tables
    added = {o.added.doc.metadata.dataset_id for o in outcomes if not o.added.companion_of}
    seeds = ("chengdeshi", "handanshi", "quyangxian", "zhaoxian")  # text, not in ../shared
    bundled = {
        r["dataset_id"]
        for r in rows("documents")
        if not r["dataset_id"].startswith(seeds) and r["document_type"] == "budget"
    }
    assert added == bundled  # what documents/ holds is what a maintainer's crawl adds
    assert sorted(p.name for p in documents.glob("*.pdf")) and not list(documents.glob("*.partial"))


def test_every_real_final_accounts_is_added_as_one_and_the_template_refused(tmp_path):
    """The 决算 folder: each department's 决算 is added as a 决算 (never a budget's error); the
    instructions with XXX placeholders are refused as what they are."""
    files = sorted(FINAL_FOLDER.glob("*.pdf"))
    outcomes = list(add_documents(files, tmp_path / "documents", cache=CACHE))
    added = {o.added.doc.metadata.dataset_id: o.added.doc for o in outcomes if o.added}
    bundled = {r["dataset_id"] for r in rows("documents") if r["document_type"] != "budget"}
    assert set(added) == bundled
    assert {d.template for d in added.values()} == {"national_final"}
    refused = [o.refused for o in outcomes if o.refused]
    assert len(refused) == 1 and "a template of a final accounts (决算) document" in refused[0]


def test_what_a_crawl_brings_that_is_no_budget_is_refused_each_with_its_reason(tmp_path, capsys):
    files = [str(p) for p in sorted((SHARED / "not-budgets").glob("*.pdf"))]
    code = main(["add", *files, "--documents", str(tmp_path / "documents")])
    err = capsys.readouterr().err
    assert code == 1 and not (tmp_path / "documents").exists()
    reasons = {
        "html-page-saved-as-pdf": "an HTML web page saved as .pdf, not a PDF",
        "image-only-budget-narrative": "no text layer: all 8 pages are images (a scan)",
        "notice-hangzhou": "not a budget document in any known template",
        "performance-self-evaluation": "not a budget document in any known template",
    }
    lines = [line for line in err.splitlines() if line.startswith("refused")]
    assert len(lines) == len(reasons)
    for start, reason in reasons.items():
        assert any(start in line and reason in line for line in lines), (start, err)


def test_every_real_document_reads_the_nine_tables_it_prints():
    tables = rows("document_tables")
    for dataset_id in real_documents():
        status = {r["table"]: r["table_status"] for r in tables if r["dataset_id"] == dataset_id}
        nine = {ROLE_OF[k]: v for k, v in status.items() if k in ROLE_OF}
        missing = {k for k, v in nine.items() if v == "missing"}
        assert missing == NOT_PRINTED.get(dataset_id, set()), dataset_id
        assert "unreadable" not in nine.values(), (dataset_id, nine)


NINE = (
    "income_expenditure_summary",
    "income",
    "expenditure",
    "fiscal_appropriation_summary",
    "general_budget_expenditure",
    "basic_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
    "three_public",
)  # the roles: a 决算 prints its own table of each


def test_every_identity_holds_or_its_failure_is_on_the_page():
    found: dict[str, list] = {}
    for row in rows("audit"):
        if row["status"] == "fail" and not row["dataset_id"].startswith(FIRST):
            found.setdefault(row["dataset_id"], []).append((row["check"], row["code"]))
    assert {k: sorted(v) for k, v in found.items()} == {
        k: sorted(v) for k, v in EXPECTED_FINDINGS.items()
    }


def test_the_reading_report_accounts_for_every_figure():
    """Per document: the report's counts add up, and each uncaptured figure is listed."""
    report, uncaptured = rows("reading_report"), rows("uncaptured_figures")
    for dataset_id in real_documents():
        parts = [r for r in report if r["dataset_id"] == dataset_id]
        assert {ROLE_OF[r["part"]] for r in parts if r["part_kind"] == "table"} == set(NINE)
        for part in parts:
            printed, got = int(part["figures_printed"]), int(part["figures_captured"])
            assert printed == got + int(part["figures_uncaptured"])
        listed = [r for r in uncaptured if r["dataset_id"] == dataset_id]
        assert len(listed) == sum(int(r["figures_uncaptured"]) for r in parts)
        # The nine tables are read: at least half their figures are captured (西安 prints four
        # classifications side by side in its 收支总表; the report lists those columns).
        tables = [p for p in parts if p["part_kind"] == "table"]
        printed = sum(int(p["figures_printed"]) for p in tables)
        captured = sum(int(p["figures_captured"]) for p in tables)
        assert captured >= 0.5 * printed, (dataset_id, captured, printed)


def test_execution_rates_agree_with_the_completion_each_final_states():
    """The oracle of budget against actual: where a 决算 states 完成年初预算的 Z%, the portal's
    execution rate from the same two figures is Z (to the decimals printed)."""
    stated = {
        (r["dataset_id"], r["code"]): r["completion_percent"]
        for r in rows("expenditure_items")
        if r["completion_percent"]
    }
    compared = 0
    for row in rows("execution"):
        said = stated.get((row["dataset_id"], row["code"]))
        if said and row["budget_source"] == "stated_in_final" and row["execution_rate"]:
            places = len(said.partition(".")[2])
            assert round(float(row["execution_rate"]), places) == pytest.approx(float(said)), row
            compared += 1
    assert compared >= 12  # 国家信访局's items (普陀 states no share)
