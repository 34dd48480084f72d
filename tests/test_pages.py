"""The pages step: Markdown written from the packages, escaped, deterministic, complete."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from html import escape
from html import unescape as html_unescape

import markdown
import pandas as pd
import pytest

from budget_portal.audit.catalogue import FAMILIES, RULES
from budget_portal.metadata.registry import RESOURCES, TABLES, table_set
from budget_portal.pages import build_pages
from budget_portal.pages.corpus import load_corpus
from budget_portal.pages.downloads import package_digest
from budget_portal.pages.markup import bullets, esc, heading_text, page_title, para, table
from budget_portal.pages.measures import key_figures
from budget_portal.pages.output import MANIFEST, Output
from budget_portal.site import copy_handwritten

from .conftest import ROOT, Links

DATASETS = sorted(p.parent.name for p in (ROOT / "datapackages").glob("*/datapackage.json"))
DOCUMENT_IDS = [d for d in DATASETS if d != "all"]


def render(text: str) -> str:
    """Markdown as MkDocs converts a page (the extensions that touch raw HTML)."""
    return markdown.markdown(text, extensions=["tables", "md_in_html", "attr_list"])


# --- escaping -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("**粗体** _斜体_", "**粗体** _斜体_"),
        ("[链接](javascript:alert(1))", "[链接](javascript:alert(1))"),
        ("# 标题", "# 标题"),
        ("1. 第一", "1. 第一"),
        ("A&B", "A&amp;B"),
        ('"引号" {: .x}', "&quot;引号&quot; {: .x}"),
    ],
)
def test_document_text_is_shown_as_written(text, shown):
    assert render(para(esc(text))) == f"<p>{shown}</p>"
    assert render(bullets([esc(text)])) == f"<ul>\n<li>{shown}</li>\n</ul>"


@pytest.mark.parametrize("text", ["**粗体**", "[链接](javascript:x)", "<b>b</b>", "标题 {: #x}"])
def test_a_heading_shows_its_text_as_written(text):
    html = render("## " + heading_text(text))
    assert (
        "<strong>" not in html and "<a" not in html and "<b>" not in html and 'id="x"' not in html
    )


def test_a_pipe_in_a_cell_stays_in_its_cell():
    html = render(table(["a", "b"], [[esc("x|y"), "z"]]))
    assert "<td>x|y</td>" in html and "<td>z</td>" in html


def test_page_titles_have_no_markup_characters():
    assert page_title('<b>"A" & B</b>') == "＜b＞＂A＂ ＆ B＜/b＞"


# --- what the pages say ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "datapackages")


def test_key_figures_pair_the_table_with_the_narrative(corpus):
    ds = next(d for d in corpus.datasets if d.name == "handanshi-316-2023")
    readings = {r.figure.key: r for r in key_figures(ds)}
    income = readings["income"]
    assert (income.table_value, income.table_row["source_line"]) == ("37203.83", "97")
    assert (income.narrative_value, income.narrative_row["source_line"], income.agreement) == (
        "37203.83",
        "490",
        "一致",
    )
    # 000's narrative counts 财政专户 money in 日常公用经费 (audit identity 16): shown, not hidden.
    assert readings["public"].table_value == "865.21"
    assert readings["operating_costs"].table_value == ""
    assert readings["operating_costs"].value == readings["operating_costs"].narrative_value != ""


def test_key_figures_of_a_pdf_are_in_wan_yuan_cite_pages_and_agree_at_printed_precision(corpus):
    ds = next(d for d in corpus.datasets if d.name == "shanghaishi-putuoqu-shangwuweiyuanhui-2025")
    readings = {r.figure.key: r for r in key_figures(ds)}
    income = readings["income"]  # 371,514,655.00 元 in 收入预算总表 (p. 11); 37,151.47万元 in prose
    assert (income.table_value, income.table_row["source_page"]) == ("37151.4655", "11")
    assert (income.narrative_value, income.agreement) == ("37151.47", "一致")
    costs = readings["operating_costs"]  # its own column of the 三公 table, in 万元
    assert (costs.table_value, costs.narrative_value, costs.agreement) == (
        "171.01",
        "171.01",
        "一致",
    )


def test_a_disagreement_with_the_narrative_is_shown_not_smoothed(corpus):
    ds = next(d for d in corpus.datasets if d.name == "zhaoxian-323-2024")
    three = next(r for r in key_figures(ds) if r.figure.key == "three_public")
    # 001 prints the 三公 合计 row blank (line 596, read as 0); its narrative says 11.1 (line 691).
    assert (three.table_value, three.table_row["source_line"]) == ("0", "596")
    assert (three.narrative_value, three.narrative_row["source_line"], three.agreement) == (
        "11.1",
        "691",
        "不一致",
    )


def test_a_package_is_known_by_its_hashed_descriptor_or_else_by_every_file(tmp_path):
    source = ROOT / "datapackages" / "handanshi-316-2023"
    package = tmp_path / source.name
    shutil.copytree(source, package)
    descriptor, lines = package / "datapackage.json", package / "budget_lines.csv"

    def digest() -> str:
        return package_digest(sorted(p for p in package.iterdir()))

    first = digest()
    lines.write_text(lines.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest() == first  # the descriptor vouches for its files (`validate` checks it)
    text = descriptor.read_text(encoding="utf-8")
    descriptor.write_text(text.replace('"hash": "sha256:', '"hash": "sha256:0', 1), "utf-8")
    assert digest() != first
    descriptor.write_text(re.sub(r' *"hash": "[^"]*",\n', "", text), encoding="utf-8")
    without_hashes = digest()
    lines.write_text(lines.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest() != without_hashes  # an older package: every file is read


def test_every_page_type_is_built(built_site):
    site = built_site.site
    expected = [
        "index.html",
        "about.html",
        "documents/index.html",
        "departments/index.html",
        "compare/index.html",
        "codes/index.html",
        "codes/208.html",
        "codes/20801.html",
        "codes/301.html",
        "data/index.html",
        "data/dictionary.html",
        "quality/index.html",
        "glossary/index.html",
        *[f"documents/{d}.html" for d in DOCUMENT_IDS],
        "departments/handanshi-316.html",
    ]
    missing = [p for p in expected if not (site / p).exists()]
    assert not missing


def test_every_section_is_reachable_from_the_navigation(built_site):
    parser = Links()
    parser.feed((built_site.site / "index.html").read_text(encoding="utf-8"))
    for section in (
        "departments/index.html",
        "documents/index.html",
        "compare/index.html",
        "codes/index.html",
        "data/index.html",
        "data/dictionary.html",
        "quality/index.html",
        "glossary/index.html",
        "about.html",
    ):
        assert section in parser.links, section


def test_every_internal_link_resolves(built_site):
    site = built_site.site
    broken = []
    for page in site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            if link.startswith(("http:", "https:", "#", "mailto:", "data:", "javascript:")):
                continue
            path = link.split("#")[0].split("?")[0]
            # 404.html links from the site root (site_url's path is / here).
            base = site if path.startswith("/") else page.parent
            target = (base / path.lstrip("/")).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {link}")
    assert not broken, broken[:10]


def test_document_page_shows_tables_sections_audit_and_downloads(built_site):
    html = (built_site.site / "documents/zhaoxian-323-2024.html").read_text(encoding="utf-8")
    for title in [TABLES[key].title for key in table_set("budget").values()]:
        assert title in html
    for heading in (
        "主要数字",
        "图表",
        "部门预算单位构成",
        "项目",
        "政府采购预算",
        "国有资产占有使用情况",
        "情况说明",
        "核对结果",
        "读取报告",
    ):
        assert f'href="#{heading}"' in html.split('id="主要数字"')[0]  # the jump list above
        assert f'id="{heading}"' in html
    top = html.split('id="主要数字"')[0]  # the downloads come before the first section
    assert "zhaoxian-323-2024.zip" in top and "originals/zhaoxian-323-2024." in top
    assert "不一致" in html  # the blank 三公 合计 against the narrative's 11.1
    assert "尾差" in html  # identity 21: 40 projects add to 32619.37 against 32619.38
    assert "32619.37" in html and "32619.38" in html  # its two sides


def test_quality_page_ranks_documents_and_lists_every_finding_by_family(built_site):
    audit = pd.read_csv(ROOT / "datapackages/all/audit.csv", dtype=str, keep_default_na=False)
    findings = audit[audit["status"] == "fail"]
    html = (built_site.site / "quality/index.html").read_text(encoding="utf-8")
    tabs = html.split('class="tabbed-block"')[1:]
    assert len(tabs) == 1 + len(FAMILIES)
    labels = re.findall(r"<label[^>]*>([^<]+)</label>", html)
    assert labels[: 1 + len(FAMILIES)] == [f"全部（{len(findings)}）"] + [
        f"{title}（{(findings['family'] == family).sum()}）" for family, title in FAMILIES.items()
    ]
    for _, f in findings.iterrows():
        message = escape(f["message"], quote=False)
        family = list(FAMILIES).index(f["family"]) + 1
        assert message in tabs[0] and message in tabs[family], f["message"]
    # Ranked by errors, then warnings: the document with the most errors first, the two clean
    # 商务委 documents last.
    ranking = html.split('id="各文件排名"')[1].split("</table>")[0]
    order = re.findall(r'href="../documents/([^"/]+)\.html"', ranking)
    errors = findings[findings["severity"] == "error"].groupby("dataset_id").size()
    clean = set(order) - set(findings["dataset_id"])  # no finding at all: ranked last
    assert order[0] in set(errors[errors == errors.max()].index)
    assert set(order[-len(clean) :]) == clean and {
        "shanghaishi-putuoqu-shangwuweiyuanhui-2025", "shanghaishi-putuoqu-shangwuweiyuanhui-danwei-2025"} <= clean  # fmt: skip


def test_document_page_scorecard_links_each_finding_to_its_page(built_site):
    name = "shanghaishi-putuoqu-renminzhengfuwanlijiedaobanshichu-2024"
    html = (built_site.site / f"documents/{name}.html").read_text(encoding="utf-8")
    section = html.split('id="核对结果"')[1].split('id="读取报告"')[0]
    assert all(f"<td>{title}</td>" in section for title in ("完整性", "表内与表间运算", "科目名称"))
    assert f'href="../originals/{name}.pdf#page=31"' in section  # the 三公 table and its note
    assert "故本表为空表" in section and "发现 4 处（错误 4，提醒 0）" in section


def test_home_page_says_how_many_findings(built_site):
    audit = pd.read_csv(ROOT / "datapackages/all/audit.csv", dtype=str, keep_default_na=False)
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert f"发现 {(audit['status'] == 'fail').sum()} 处" in html


def test_dictionary_lists_every_field_of_every_resource_and_every_check(built_site):
    html = (built_site.site / "data/dictionary.html").read_text(encoding="utf-8")
    for name, resource in {**TABLES, **RESOURCES}.items():
        assert f"<code>{name}</code>" in html
        for field in resource.fields:
            assert f"<code>{field}</code>" in html
    catalogue = html.split('id="audit-catalogue"')[1]
    assert all(f"<code>{rule.check}</code>" in catalogue for rule in RULES)


def test_search_index_is_segmented_into_chinese_words(built_site):
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]
    text = "".join(doc["text"] for doc in index["docs"])
    # jieba with the project's dictionary keeps budget terms whole, split from their neighbours.
    assert "\u200b一般公共预算\u200b" in text
    assert "\u200b机关运行经费\u200b" in text
    assert "\u200b社会保障\u200b和\u200b就业\u200b支出\u200b" in text


def test_search_finds_departments_projects_codes_and_narrative_words(built_site):
    """What a reader types: an agency, a project's title, a code, words of a 情况说明."""
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    packages = ROOT / "datapackages" / "all"
    documents = pd.read_csv(packages / "documents.csv", dtype=str, keep_default_na=False)
    projects = pd.read_csv(packages / "projects.csv", dtype=str, keep_default_na=False)
    narrative = pd.read_csv(packages / "narrative.csv", dtype=str, keep_default_na=False)
    assert all(agency in text for agency in documents["agency"])
    titles = projects["title"].where(projects["title"] != "", projects["project_name"])
    assert all(title.split("绩效目标表")[0] in text for title in titles)
    assert "2080101" in text and "行政运行" in text
    # the 名词解释 is searched on the glossary page, not once per document
    prose = narrative[narrative["section"] != "glossary"]["text"]
    sentences = prose.str.replace(r"[*\s]", "", regex=True).str.split("。").str[0].str[:20]
    assert len(sentences) > 500
    searched = re.sub(r"[*\s]", "", html_unescape(text))
    assert [s for s in sentences if s not in searched] == []


# --- charts ---------------------------------------------------------------------------------


def test_every_chart_has_svg_spec_and_the_csv_of_what_it_plots(built_site):
    docs = built_site.docs
    specs = sorted(docs.glob("charts/**/*.vl.json"))
    assert len(specs) == built_site.report.charts > 20
    for spec_path in specs:
        stem = spec_path.name.removesuffix(".vl.json")
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        svg = (spec_path.parent / f"{stem}.svg").read_text(encoding="utf-8")
        data = pd.read_csv(spec_path.parent / f"{stem}.csv", dtype=str, keep_default_na=False)
        assert svg.startswith("<svg") and "<text" in svg
        assert spec["title"] and spec["$schema"].startswith(
            "https://vega.github.io/schema/vega-lite/"
        )
        (values,) = spec["datasets"].values()
        assert len(values) == len(data)
        assert sorted(values[0]) == sorted(data.columns)


def test_charts_are_figures_with_static_svg_and_a_summary(built_site):
    html = (built_site.site / "documents/handanshi-316-2023.html").read_text(encoding="utf-8")
    assert html.count('<figure class="chart"') == 2
    assert 'src="../charts/handanshi-316-2023/basic-project.svg"' in html
    assert "基本支出 8,960.26 万元" in html.split("basic-project.svg")[1].split("</figure>")[0]


# --- downloads ------------------------------------------------------------------------------


def test_each_package_is_downloadable_as_a_zip(built_site):
    docs = built_site.docs
    for name in DATASETS:
        package = ROOT / "datapackages" / name
        files = sorted(p.name for p in package.iterdir())
        with zipfile.ZipFile(docs / f"downloads/{name}.zip") as archive:
            assert archive.namelist() == [f"{name}/{f}" for f in files]
            assert all(archive.read(f"{name}/{f}") == (package / f).read_bytes() for f in files)
    # The files of a package are served in its zip only (site size).
    assert sorted(p.name for p in (docs / "downloads").iterdir()) == [f"{n}.zip" for n in DATASETS]


# --- determinism and incremental output -----------------------------------------------------


def test_building_twice_gives_the_same_bytes(built_site, tmp_path):
    again = tmp_path / "docs"
    copy_handwritten(ROOT / "docs", again)
    build_pages(ROOT / "datapackages", again, ROOT / "build" / "cache")
    first = {
        p.relative_to(built_site.docs): p.read_bytes()
        for p in built_site.docs.rglob("*")
        if p.is_file()
    }
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_sync_rewrites_only_changes_and_removes_what_is_no_longer_generated(tmp_path):
    (tmp_path / "about.md").write_text("hand-written", encoding="utf-8")
    first = Output({"a.md": b"1", "dir/b.md": b"2"})
    assert first.sync(tmp_path) == {"written": 2, "unchanged": 0, "removed": 0}
    second = Output({"a.md": b"1", "c.md": b"3"})
    assert second.sync(tmp_path) == {"written": 1, "unchanged": 1, "removed": 1}
    assert not (tmp_path / "dir").exists()
    assert (tmp_path / "about.md").read_text(encoding="utf-8") == "hand-written"
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8").split() == ["a.md", "c.md"]


def test_pages_need_the_combined_package(tmp_path):
    with pytest.raises(FileNotFoundError, match="make data"):
        build_pages(tmp_path, tmp_path / "docs")


# --- hostile text ---------------------------------------------------------------------------


def test_compare_marks_figures_from_prose_and_disagreements(built_site):
    compare = (built_site.docs / "compare/index.md").read_text(encoding="utf-8")
    zhaoxian = next(row for row in compare.split("<tr>") if "zhaoxian-323-2024.html" in row)
    cells = re.findall(r"<td>([^<]*)</td>", zhaoxian)
    assert "0.00‡" in cells  # 三公: blank 合计 (0) against the narrative's 11.1
    assert "69.40†" in cells  # 机关运行经费 is stated only in the narrative
    assert "表格中没有该数字，取自情况说明" in compare


def test_a_pdf_documents_figures_link_to_their_pages_in_the_original(built_site):
    name = "shanghaishi-putuoqu-shangwuweiyuanhui-2025"
    html = (built_site.site / "documents" / f"{name}.html").read_text(encoding="utf-8")
    original = built_site.site / "originals" / f"{name}.pdf"
    assert (
        original.read_bytes()
        == (ROOT / "documents" / "上海市普陀区商务委员会2025年部门预算.pdf").read_bytes()
    )
    assert f'href="../originals/{name}.pdf#page=11"' in html  # the income table's total
    assert (
        "单位：元" in html and "财政拨款支出主要内容" in html and "科技创新专项经费情况说明" in html
    )
    text = (built_site.site / "documents" / "handanshi-316-2023.html").read_text(encoding="utf-8")
    assert "第 97 行" in text and 'href="../originals/handanshi-316-2023.txt"' in text


def test_a_department_shows_its_department_and_unit_budgets_side_by_side(built_site):
    html = (
        built_site.site / "departments" / "shanghaishi-putuoqu-shangwuweiyuanhui.html"
    ).read_text(encoding="utf-8")
    assert "2025 年部门预算" in html and "2025 年单位预算" in html
    assert "两者并列，不相加" in html


def test_execution_page_ranks_every_final_and_its_page_shows_budget_against_actual(built_site):
    documents = pd.read_csv(
        ROOT / "datapackages/all/documents.csv", dtype=str, keep_default_na=False
    )
    finals = documents[documents["document_type"] == "final_accounts"]["dataset_id"]
    html = (built_site.site / "execution/index.html").read_text(encoding="utf-8")
    assert len(finals) == 3 and all(f"documents/{d}.html" in html for d in finals)
    assert 'title="17.3901%">17.4%' in html  # 国家信访局: Σ|决算 − 预算| over 13 items ÷ Σ预算
    page = (built_site.site / "documents/zhongyang-guojiaxinfangju-juesuan-2024.html").read_text(
        encoding="utf-8"
    )
    assert (
        "预算与决算" in page and 'title="100.71%">100.7%' in page and "决算所述" in page
    )  # 行政运行, stated
    assert "国家信访局 2024 年部门决算" in page
    budget = (built_site.site / "documents/zhongyang-guojiaxinfangju-2026.html").read_text(
        encoding="utf-8"
    )
    assert "预算与决算" not in budget


def test_one_number_format_amounts_with_separators_and_the_exact_value_on_hover():
    from budget_portal.pages.markup import number, wan

    assert number("371514655.00") == "371,514,655.00"  # as printed, decimals kept
    assert number("-1983.0655") == "-1,983.0655"
    assert number("行政运行") == "行政运行"
    assert wan("37151.4655") == '<span title="37151.4655">37,151.47</span>'
    assert wan("1983.07") == "1,983.07"


def test_reader_pages_say_code_values_and_finding_sides_in_chinese(built_site):
    page = (
        built_site.site / "documents/shanghaishi-putuoqu-shangwuweiyuanhui-2025.html"
    ).read_text(encoding="utf-8")
    assert "371,514,655.00" in page or "21,601,733.00" in page  # a table printed in 元
    zhaoxian = (built_site.site / "documents/zhaoxian-323-2024.html").read_text(encoding="utf-8")
    assert "预算单位" in zhaoxian and "<td>unit</td>" not in zhaoxian
    assert "左边" not in zhaoxian and "右边" not in zhaoxian
    assert "Made with" not in (built_site.site / "index.html").read_text(encoding="utf-8")


def test_a_department_has_one_name_and_each_appears_once_in_the_home_chart(built_site):
    page = (built_site.site / "departments/handanshi-316.html").read_text(encoding="utf-8")
    assert "<h1" in page and "邯郸市人力资源和社会保障局" in page.split("</h1>")[0]  # not 人社局
    index = (built_site.site / "departments/index.html").read_text(encoding="utf-8")
    assert "邯郸市人社局</a>" not in index
    chart = (built_site.docs / "charts/home/spending.csv").read_text(encoding="utf-8")
    assert "单位预算" not in chart  # a 单位预算 is inside its department's 部门预算


def test_chart_data_carries_exact_decimals_not_float_noise(built_site):
    noisy = [
        path.name
        for path in (built_site.docs / "charts").rglob("*.csv")
        if re.search(r"\d\.\d{9,}", path.read_text(encoding="utf-8"))
    ]
    assert noisy == []  # 293.27, not 293.27000000000004


def test_a_trend_shows_the_years_not_held_as_gaps(built_site):
    trend = (built_site.docs / "charts/departments/handanshi-316/trend.csv").read_text(
        encoding="utf-8"
    )
    years = [line.split(",")[0] for line in trend.splitlines()[1:]]
    assert sorted(set(years)) == [str(y) for y in range(2018, 2024)]  # 2018 and 2023 held
    assert "2020,预算支出,\n" in trend  # no figure: a gap in the line, not a straight line
    svg = (built_site.docs / "charts/departments/handanshi-316/trend.svg").read_text("utf-8")
    lines = re.findall(r'<path d="(M[^"]*)" stroke="#[0-9a-f]+" stroke-width="2"', svg)
    assert len(lines) == 4  # income, spending, basic, project: each a point in 2018 and 2023,
    assert all(line.count("M") == 2 and "L" not in line for line in lines)  # nothing between


def test_the_home_page_lists_the_documents_added_last_first(built_site):
    documents = pd.read_csv(
        ROOT / "datapackages/all/documents.csv", dtype=str, keep_default_na=False
    )
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    latest = html.split("最近加入的文件")[-1].split("</ul>")[0]  # the section, after the TOC
    first = re.search(r'href="documents/([^"]+)\.html"', latest)[1]
    newest = documents["added"].max()
    assert documents.set_index("dataset_id").loc[first, "added"] == newest


def test_the_theme_speaks_chinese_on_its_own_pages_too(built_site):
    """The 404 page (the theme's own, in English whatever the language) and the footer."""
    missing = (built_site.site / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in missing and "Not found" not in missing
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in home and "Material for MkDocs" not in home
