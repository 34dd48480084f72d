"""One page per document (department × year): key figures, charts, every table and section."""

from __future__ import annotations

import pandas as pd

from ..metadata.registry import FIELDS, RESOURCES, TABLES, table_set
from .audit import audit_section
from .charts import Chart, bars, long_form
from .context import Site, department_page, document_page
from .corpus import Dataset
from .downloads import download_base
from .execution import execution_section
from .markup import (
    anchor,
    bullets,
    details,
    esc,
    heading_text,
    jump_list,
    link,
    number,
    para,
    percent,
    rel,
    table,
    tabs,
    unsearched,
    unsearched_para,
    wan,
)
from .measures import economic_basic, functional_spending, key_figures

HIDDEN_COLUMNS = {"dataset_id", "source_lines", "source_page", "source_ref", "unit"}


def write_document_page(site: Site, ds: Dataset) -> None:
    page = document_page(ds)
    m = ds.meta
    intro = [
        f"# {heading_text(ds.shown_name)} {m['year']} 年{ds.kind}\n",
        para(
            printed_name(ds)
            + f"{esc(m['jurisdiction'])} · 部门编码 {esc(m['department_code'] or '未印刷')} · "
            f"{link('本部门各年度', department_page(ds.department_id), page)} · "
            f"来源：{esc(m['publisher'] or m['agency'])}《{esc(m['title'] or own_title(ds))}》"
            f"（{anchor('原件 ' + esc(m['original_format'] or '文本'), rel(ds.original, page))}）· "
            f"表中金额按文件印刷，单位见各表（本文件多为{esc(m['unit'])}）；主要数字和图表换算为万元"
        ),
        *download_section(ds, page),
    ]
    sections = [
        *key_figure_section(site, ds, page),
        *execution_section(site, ds, page),
        *chart_section(site, ds, page),
        *table_section(site, ds, page),
        *organization_section(site, ds, page),
        *project_section(site, ds, page),
        *expenditure_item_section(site, ds, page),
        *activity_section(site, ds, page),
        *procurement_section(site, ds, page),
        *asset_section(site, ds, page),
        *narrative_section(site, ds, page),
        *audit_section(site, ds, page),
        *reading_section(site, ds, page),
    ]
    body = [*intro, unsearched(jump_list(sections)), *sections]
    site.page(
        page,
        f"{ds.shown_name} {m['year']}{'' if ds.kind == '部门预算' else f'（{ds.kind}）'}",
        body,
    )


def printed_name(ds: Dataset) -> str:
    """The name this document prints for its department where the pages show another (the
    fullest of its documents): said, so that a search for either finds it."""
    agency = ds.meta["agency"]
    return f"本文件称{esc(agency)} · " if agency != ds.shown_name else ""


def own_title(ds: Dataset) -> str:
    """The title a document added without one calls itself: agency, year and kind."""
    return f"{ds.meta['agency']}{ds.meta['year']}年{ds.kind}"


def key_figure_section(site: Site, ds: Dataset, page: str) -> list[str]:
    rows = []
    for r in key_figures(ds):
        if not ds.records(r.figure.table):
            table_cell = "（文件中没有该表）"
        elif not r.table_row:
            table_cell = "（表中无）"
        else:
            table_cell = wan(r.table_value) or "（未印刷）"
        stated = (
            f"{esc(r.narrative_label)}：{number(r.narrative_value)} 万元"
            if r.narrative_value
            else "（未说明）"
        )
        rows.append(
            [
                esc(r.figure.label),
                table_cell,
                site.cite(ds, r.table_row, page),
                stated,
                site.cite(ds, r.narrative_row, page),
                r.agreement,
            ]
        )
    return [
        "## 主要数字\n",
        unsearched_para(
            "表中数取自相应表格的合计行，换算为万元（元 ÷ 10000，不四舍五入）；情况说明所述为文件文字部分"
            "写明的数字，与换算后的表中数按情况说明印刷的小数位比较。“出处”指向原件中的页或源文件的行。"
        ),
        unsearched(
            table(["指标", "表中数（万元）", "出处", "情况说明所述", "出处", "是否一致"], rows, [1])
        ),
    ]


def chart_section(site: Site, ds: Dataset, page: str) -> list[str]:
    # Two charts a document: each costs ~45 ms to render, a thousand documents make it count;
    # the 款 and the “三公” items are in the tables below.
    charts = [basic_project_chart(ds), economic_chart(ds)]
    drawn = [site.chart(c, page) for c in charts if c is not None]
    if not drawn:
        return ["## 图表\n", para("本文件没有可绘制的表格数据。")]
    return ["## 图表\n", unsearched("\n".join(drawn))]


def with_amounts(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart draws: those whose total is neither blank nor 0."""
    return rows[rows["total"].fillna(0) != 0]


def basic_project_chart(ds: Dataset) -> Chart | None:
    rows = with_amounts(functional_spending(ds, "1"))
    if rows.empty:
        return None
    data = long_form(
        rows, "功能分类（类）", "支出类型", {"basic": "基本支出", "project": "项目支出"}
    )
    basic, project = rows["basic"].sum(), rows["project"].sum()
    return Chart(
        f"{ds.name}/basic-project",
        "基本支出与项目支出",
        f"基本支出 {basic:,.2f} 万元（{percent(basic, basic + project)}），"
        f"项目支出 {project:,.2f} 万元，按功能分类（类）分列。",
        data,
        bars(data, "功能分类（类）", color="支出类型"),
    )


def economic_chart(ds: Dataset) -> Chart | None:
    rows = with_amounts(economic_basic(ds))
    if rows.empty:
        return None
    data = long_form(
        rows, "经济分类（类）", "经费类型", {"personnel": "人员经费", "public": "公用经费"}
    )
    top = rows.sort_values("total", ascending=False).iloc[0]
    return Chart(
        f"{ds.name}/economic-basic",
        "基本支出的经济分类",
        f"基本支出按经济分类共 {rows['total'].sum():,.2f} 万元，最多的是{top['name']}"
        f"（{top['total']:,.2f} 万元）。",
        data,
        bars(data, "经济分类（类）", color="经费类型"),
    )


def grouped(rows: list[dict], column: str) -> dict[str, list[dict]]:
    """Rows by the value of `column`, in the order first seen."""
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row[column], []).append(row)
    return out


def resource_table(
    site: Site, ds: Dataset, rows: list[dict], resource, page: str, columns=None
) -> str:
    """Rows of a resource as a table: the columns given, or every field the document fills
    but the hidden ones; codes link to their pages and `source_line` says where each was read."""
    columns = columns or [
        c for c in resource.fields if c not in HIDDEN_COLUMNS and any(r.get(c) for r in rows)
    ]
    headers = [
        "出处" if c == "source_line" else resource.titles.get(c, FIELDS[c].title) for c in columns
    ]
    numeric = [i for i, c in enumerate(columns) if FIELDS[c].type == "number"]
    coded = {"code", "expenditure_code"}

    def cell(row: dict, column: str) -> str:
        if column in coded:
            return site.code_link(row[column], page)
        if column == "source_line":
            return site.cite(ds, row, page)
        if FIELDS[column].type == "number":
            return number(row[column])
        return esc(FIELDS[column].label(row[column]))

    return table(headers, ([cell(r, c) for c in columns] for r in rows), numeric)


def table_section(site: Site, ds: Dataset, page: str) -> list[str]:
    inventory = {r["table"]: r for r in ds.records("document_tables")}
    out = [
        "## 九张标准表\n",
        unsearched_para(
            "每张表按文件印刷的样子列出，金额的单位见表头；“出处”指向原件中的页或源文件的行，可据以核对原文。"
        ),
    ]
    items = []
    for key in table_set(ds.document_type).values():
        resource, info = TABLES[key], inventory.get(key)
        status = FIELDS["table_status"].label(info["table_status"]) if info else "—"
        frame = ds.records(key)
        printed = f"《{esc(info['table_title'])}》，" if info and info["table_title"] else ""
        head = f"<strong>{esc(resource.title)}</strong>（{printed}{status}"
        head += f"，{len(frame)} 行" if len(frame) else ""
        head += f"，单位：{esc(info['unit'])}" if info and info.get("unit") else ""
        head += f"，{site.cite(ds, info, page)}起）" if info and info["source_line"] else "）"
        note = para(esc(info["note"])) if info and info["note"] else ""
        content = (
            resource_table(site, ds, frame, resource, page)
            if len(frame)
            else para("本文件中此表没有数据行。")
        )
        items.append((resource.title, para(head) + note + content))
    return [*out, unsearched(tabs("tables", items))]


def _resource_table(
    site: Site, ds: Dataset, name: str, page: str, columns: list[str] | None = None
) -> str:
    """A narrative resource as a table, left out of the search index (a searchable line of
    names goes with the tables whose names matter)."""
    return unsearched(resource_table(site, ds, ds.records(name), RESOURCES[name], page, columns))


def searchable_names(title: str, names) -> str:
    """One line of names for the search index (the table beside it is not indexed)."""
    shown = [esc(n) for n in dict.fromkeys(names) if n]
    return para(f"{title}：" + "、".join(shown)) if shown else ""


def organization_section(site: Site, ds: Dataset, page: str) -> list[str]:
    if not ds.records("organizations"):
        return ["## 部门预算单位构成\n", para("本文件没有列出预算单位。")]
    return [
        "## 部门预算单位构成\n",
        searchable_names("单位", (r["unit_name"] for r in ds.records("organizations"))),
        _resource_table(site, ds, "organizations", page),
    ]


def project_section(site: Site, ds: Dataset, page: str) -> list[str]:
    projects = ds.records("projects")
    if not projects:
        return ["## 项目\n", para("本文件没有项目绩效目标表或项目经费情况说明。")]
    indicators = ds.records("performance_indicators")
    described = any(p["summary"] for p in projects)
    columns = (
        ["title", "budget", "implementer", "implementation_period", "source_line"]
        if described
        else ["title_number", "title", "budget", "fiscal_funds", "goal", "source_line"]
    )
    out = [
        "## 项目\n",
        para(
            f"共 {len(projects)} 个项目"
            + (f"，{len(indicators)} 个绩效指标" if len(indicators) else "")
            + "。金额单位：万元。"
        ),
        searchable_names("项目", (p["title"] for p in projects)),
        _resource_table(site, ds, "projects", page, columns),
    ]
    blocks = []
    by_project = grouped(indicators, "project_id")
    parts = grouped(ds.records("project_budget_items"), "project_id")
    for project in projects:
        number = f"{project['title_number']}. " if project["title_number"] else ""
        rows = by_project.get(project["project_id"])
        if rows is not None:
            # Where each indicator was read is in the data; the page cites the project's table.
            fields = ("level1", "level2", "level3", "target_value")
            where = site.cite(ds, project, page)
            body = para(f"绩效目标表见{where}。") if where else ""
            body += table(
                ["一级指标", "二级指标", "三级指标", "指标值"],
                ([esc(r[f]) for f in fields] for r in rows),
            )
            blocks.append(details(f"{number}{project['title']}（{len(rows)} 个指标）", body))
        elif described:
            blocks.append(
                details(project["title"], project_description(site, ds, project, parts, page))
            )
    return [*out, unsearched("\n".join(blocks))]


DESCRIBED = (
    ("summary", "项目概述"),
    ("legal_basis", "立项依据"),
    ("implementer", "实施主体"),
    ("implementation_plan", "实施方案"),
    ("implementation_period", "实施周期"),
    ("budget_text", "年度预算安排"),
    ("goal", "绩效目标"),
)


def project_description(site: Site, ds: Dataset, project, parts: dict, page: str) -> str:
    """A project of 项目经费情况说明: its parts as printed, and its budget's parts."""
    out = [
        para(f"<strong>{title}</strong>：{esc(project[field])}")
        for field, title in DESCRIBED
        if project[field]
    ]
    own = parts.get(project["project_id"])
    if own is not None:
        out.append(
            table(
                ["分项", "金额（万元）", "出处"],
                ([esc(r["label"]), wan(r["item_amount"]), site.cite(ds, r, page)] for r in own),
                [1],
            )
        )
    return "\n".join(out)


def expenditure_item_section(site: Site, ds: Dataset, page: str) -> list[str]:
    if not ds.records("expenditure_items"):
        return []
    return [
        "## 财政拨款支出主要内容\n",
        unsearched_para("情况说明逐项写明的支出，科目编码由所写的类、款、项名称在本文件表格中找到。金额单位：万元。"),
        unsearched(
            _resource_table(
                site, ds, "expenditure_items", page,
                ["item_number", "code", "name", "stated_amount", "previous_amount",
                 "change_direction", "change_percent", "source_line"],
            )
        ),
    ]  # fmt: skip


def activity_section(site: Site, ds: Dataset, page: str) -> list[str]:
    activities = ds.records("activities")
    if not activities:
        return []
    indicators = ds.records("activity_indicators")
    out = [
        "## 工作活动绩效目标\n",
        _resource_table(
            site,
            ds,
            "activities",
            page,
            ["activity_id", "parent_activity_id", "name", "budget", "goal", "source_line"],
        ),
    ]
    if indicators:
        out.append(
            details(
                f"工作活动绩效指标（{len(indicators)} 个）",
                _resource_table(site, ds, "activity_indicators", page),
            )
        )
    return out


def procurement_section(site: Site, ds: Dataset, page: str) -> list[str]:
    if not ds.records("procurement"):
        return ["## 政府采购预算\n", para("本文件的政府采购预算表没有数据行（或没有该表）。")]
    return [
        "## 政府采购预算\n",
        _resource_table(
            site,
            ds,
            "procurement",
            page,
            [
                "row_type",
                "project_name",
                "item_name",
                "catalogue_code",
                "quantity",
                "unit_price",
                "total",
                "sme_reserved",
                "source_line",
            ],
        ),
    ]


def asset_section(site: Site, ds: Dataset, page: str) -> list[str]:
    if not ds.records("fixed_assets"):
        return ["## 国有资产占有使用情况\n", para("本文件没有资产情况表。")]
    return [
        "## 国有资产占有使用情况\n",
        _resource_table(
            site,
            ds,
            "fixed_assets",
            page,
            ["item", "quantity", "quantity_unit", "value", "as_of", "source_line"],
        ),
    ]


def narrative_section(site: Site, ds: Dataset, page: str) -> list[str]:
    narrative = ds.records("narrative")
    if not narrative:
        return ["## 情况说明\n", para("本文件没有文字说明。")]
    out = ["## 情况说明\n"]
    for section, rows in grouped(narrative, "section_title").items():
        paragraphs = [
            para(f"<strong>{esc(row['text'])}</strong>")
            if row["text"] == row["heading"]
            else para(f"{esc(row['text'])} <small>（{site.cite(ds, row, page)}）</small>")
            for row in rows
        ]
        # The glossary is the same in most documents and has its own page: not searched here.
        body = "\n".join(paragraphs)
        out += [
            f"### {heading_text(section)}\n",
            unsearched(body) if section == "名词解释" else body,
        ]
    return out


def part_name(report_row: dict) -> str:
    """A part the document does not print (no title of its own): a table or a section by the
    name the portal gives it."""
    part = report_row["part"]
    return TABLES[part].title if part in TABLES else FIELDS["section"].label(part)


def reading_section(site: Site, ds: Dataset, page: str) -> list[str]:
    """What was read of each part, and the figures no resource captured (nothing is lost in
    silence)."""
    report = ds.records("reading_report")
    if not report:
        return []
    printed = sum(int(r["figures_printed"] or 0) for r in report)
    missed = sum(int(r["figures_uncaptured"] or 0) for r in report)
    rows = (
        [
            esc(FIELDS["part_kind"].label(r["part_kind"])),
            esc(r["part_title"] or part_name(r)),
            esc(FIELDS["part_status"].label(r["part_status"])),
            esc(r["rows"]),
            esc(r["columns_not_read"]),
            esc(r["figures_printed"]),
            esc(r["figures_uncaptured"]),
            site.cite(ds, r, page) if r.get("source_line") else "",
        ]
        for r in report
    )
    return [
        "## 读取报告\n",
        unsearched_para(
            f"文件各部分是否识别和读取、读了多少行、哪些栏目没有对应的发布字段。文件中印出的 {printed} 个数字"
            f"（金额、百分比）中，{missed} 个没有被任何数据资源收录，逐一列在数据包的 "
            "<code>uncaptured_figures.csv</code> 中（附出处和上下文）。"
        ),
        unsearched(
            table(
                ["类型", "部分", "状态", "行数", "未读取的栏目", "印出的数字", "未收录", "出处"],
                rows,
                [3, 5, 6],
            )
        ),
    ]


def download_section(ds: Dataset, page: str) -> list[str]:
    base = download_base(ds)
    files = [
        link(f"原件（{ds.meta['original_format'] or '文本'}）", ds.original, page),
        link("数据包（zip：CSV 与 datapackage.json）", base + ".zip", page),
    ]
    resources = [
        f"<code>{esc(r['name'])}.csv</code>（{esc(r.get('title', ''))}，{ds.rows(r['name'])} 行）"
        for r in ds.descriptor["resources"]
    ]
    return [
        unsearched(
            para("下载：" + " · ".join(files))
            + details(f"数据包中的 {len(resources)} 个 CSV 文件", bullets(resources))
        ),
    ]
