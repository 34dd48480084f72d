"""One page per document (department × year): key figures, charts, every table and section."""

from __future__ import annotations

import pandas as pd

from ..metadata.registry import FIELDS, RESOURCES, TABLES
from .charts import AMOUNT, Chart, bars, long_form
from .context import QUALITY, Site, department_page, document_page
from .corpus import Dataset
from .downloads import download_base
from .markup import details, esc, link, percent, rel, tab, table, unsearched
from .measures import economic_basic, functional_spending, key_figures, three_public_items

HIDDEN_COLUMNS = {"dataset_id", "source_lines", "source_page", "source_ref", "unit"}
STATUS = {"parsed": "已解析", "empty": "空表", "missing": "文件中没有", "unreadable": "无法读取"}


def write_document_page(site: Site, ds: Dataset) -> None:
    page = document_page(ds)
    m = ds.meta
    body = [
        f"# {esc(m['agency'])} {m['year']} 年部门预算\n",
        f"{esc(m['jurisdiction'])} · 部门编码 {esc(m['department_code'] or '未印刷')} · "
        f"{link('本部门各年度', department_page(ds.department_id), page)} · "
        f"来源：{esc(m['publisher'])}《{esc(m['title'])}》（{esc(m['original_format'])}）· "
        f"金额单位：{esc(m['unit'])}\n",
        *key_figure_section(ds),
        *chart_section(site, ds, page),
        *table_section(site, ds, page),
        *organization_section(ds),
        *project_section(ds),
        *activity_section(ds),
        *procurement_section(ds),
        *asset_section(ds),
        *narrative_section(ds),
        *audit_section(ds, page),
        *download_section(ds, page),
    ]
    site.page(page, f"{m['agency']} {m['year']}", body)


def key_figure_section(ds: Dataset) -> list[str]:
    rows = []
    for r in key_figures(ds):
        if not r.figure.table:
            table_cell = "（表中无）"
        elif ds.frame(r.figure.table).empty:
            table_cell = "（文件中没有该表）"
        else:
            table_cell = esc(r.table_value) or "（未印刷）"
        stated = (
            f"{esc(r.narrative_label)}：{esc(r.narrative_value)} 万元"
            if r.narrative_value
            else "（未说明）"
        )
        rows.append(
            [
                esc(r.figure.label),
                table_cell,
                esc(r.table_line),
                stated,
                esc(r.narrative_line),
                r.agreement,
            ]
        )
    return [
        "## 主要数字\n",
        "表中数取自相应表格的合计行；情况说明所述为文件文字部分写明的数字。"
        "“行”是该数字在源文件中的行号。\n",
        unsearched(
            table(
                ["指标", "表中数（万元）", "行", "情况说明所述", "行", "是否一致"], rows, [1, 2, 4]
            )
        ),
    ]


def chart_section(site: Site, ds: Dataset, page: str) -> list[str]:
    # Two charts a document: each costs ~45 ms to render, a thousand documents make it count;
    # the 款 and the “三公” items are in the tables below.
    charts = [basic_project_chart(ds), economic_chart(ds)]
    drawn = [site.chart(c, page) for c in charts if c is not None]
    if not drawn:
        return ["## 图表\n", "本文件没有可绘制的表格数据。\n"]
    return ["## 图表\n", unsearched("\n".join(drawn))]


def _top_sentence(data: pd.DataFrame, name: str, what: str) -> str:
    total = data[AMOUNT].sum()
    if not len(data) or not total:
        return f"{what}合计为 0。"
    top = data.sort_values(AMOUNT, ascending=False).iloc[0]
    return (
        f"{what}合计 {total:,.2f} 万元，最多的是{top[name]}"
        f"（{top[AMOUNT]:,.2f} 万元，占 {percent(top[AMOUNT], total)}）。"
    )


def with_amounts(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart draws: those whose total is neither blank nor 0."""
    return rows[rows["total"].fillna(0) != 0]


def functional_chart(ds: Dataset, level: str) -> Chart | None:
    rows = with_amounts(functional_spending(ds, level))
    if rows.empty:
        return None
    kind = "类" if level == "1" else "款"
    data = pd.DataFrame(
        {"科目编码": rows["code"], f"功能分类（{kind}）": rows["name"], AMOUNT: rows["total"]}
    )
    if level == "2":
        classes = functional_spending(ds, "1").set_index("code")["name"].to_dict()
        data["所属类"] = [classes.get(code[:3], code[:3]) for code in rows["code"]]
    return Chart(
        f"{ds.name}/functional-{'class' if level == '1' else 'item'}",
        f"按功能分类（{kind}）的支出",
        _top_sentence(data, f"功能分类（{kind}）", f"支出总表中各{kind}支出"),
        data,
        bars(data, f"功能分类（{kind}）", color="所属类" if level == "2" else None),
    )


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


def three_public_chart(ds: Dataset) -> Chart | None:
    rows = three_public_items(ds)
    if rows.empty:
        return None
    data = pd.DataFrame({"项目": rows["name"], AMOUNT: rows["total"].fillna(0)})
    total = data[AMOUNT].sum()
    summary = f"“三公”经费各项合计 {total:,.2f} 万元。" if total else "“三公”经费各项预算均为 0。"
    return Chart(
        f"{ds.name}/three-public",
        "“三公”经费构成",
        summary,
        data,
        bars(data, "项目", sort=None),
    )


def wide_table(site: Site, frame: pd.DataFrame, resource, page: str) -> str:
    columns = [c for c in resource.fields if c not in HIDDEN_COLUMNS and c in frame]
    headers = [resource.titles.get(c, FIELDS[c].title) for c in columns]
    numeric = [i for i, c in enumerate(columns) if FIELDS[c].type in ("number", "integer")]
    coded = {"code", "expenditure_code"}
    rows = [
        [site.code_link(row[c], page) if c in coded else esc(row[c]) for c in columns]
        for row in frame.to_dict("records")
    ]
    return table(headers, rows, numeric)


def table_section(site: Site, ds: Dataset, page: str) -> list[str]:
    inventory = ds.frame("document_tables").set_index("table")
    out = ["## 九张标准表\n", "每张表按文件印刷的样子列出；“源文件行号”可据以核对原文。\n"]
    tabs = []
    for key, resource in TABLES.items():
        info = inventory.loc[key] if key in inventory.index else None
        status = STATUS.get(info["table_status"], info["table_status"]) if info is not None else "—"
        frame = ds.frame(key)
        head = f"**{esc(resource.title)}**（{status}"
        head += f"，{len(frame)} 行" if len(frame) else ""
        head += (
            f"，第 {esc(info['source_line'])} 行起）\n"
            if info is not None and info["source_line"]
            else "）\n"
        )
        note = f"\n{esc(info['note'])}\n" if info is not None and info["note"] else ""
        content = (
            wide_table(site, frame, resource, page) if len(frame) else "本文件中此表没有数据行。\n"
        )
        tabs.append(tab(resource.title, head + note + "\n" + content))
    return [*out, unsearched("\n".join(tabs))]


def _resource_table(ds: Dataset, name: str, columns: list[str] | None = None) -> str:
    """A resource as a table: the columns given, or every registry field but the hidden ones.
    Tables of numbers (procurement, assets) are left out of the search index."""
    resource = RESOURCES[name]
    frame = ds.frame(name)
    columns = columns or [c for c in resource.fields if c not in HIDDEN_COLUMNS]
    headers = [resource.titles.get(c, FIELDS[c].title) for c in columns]
    numeric = [i for i, c in enumerate(columns) if FIELDS[c].type in ("number", "integer")]
    rows = ([esc(row[c]) for c in columns] for row in frame.to_dict("records"))
    text = table(headers, rows, numeric)
    return unsearched(text) if name in ("procurement", "fixed_assets") else text


def organization_section(ds: Dataset) -> list[str]:
    if ds.frame("organizations").empty:
        return ["## 部门预算单位构成\n", "本文件没有列出预算单位。\n"]
    return [
        "## 部门预算单位构成\n",
        _resource_table(ds, "organizations"),
    ]


def project_section(ds: Dataset) -> list[str]:
    projects = ds.frame("projects")
    if projects.empty:
        return ["## 项目绩效目标\n", "本文件没有项目绩效目标表。\n"]
    indicators = ds.frame("performance_indicators")
    out = [
        "## 项目绩效目标\n",
        f"共 {len(projects)} 个项目，{len(indicators)} 个绩效指标。\n",
        _resource_table(
            ds,
            "projects",
            ["title_number", "title", "budget", "fiscal_funds", "goal", "source_line"],
        ),
    ]
    blocks = []
    by_project = dict(tuple(indicators.groupby("project_id", sort=False)))
    for _, project in projects.iterrows():
        rows = by_project.get(project["project_id"], indicators.iloc[0:0])
        if rows.empty:
            continue
        body = table(
            ["一级指标", "二级指标", "三级指标", "指标值", "行"],
            (
                [
                    esc(r["level1"]),
                    esc(r["level2"]),
                    esc(r["level3"]),
                    esc(r["target_value"]),
                    esc(r["source_line"]),
                ]
                for _, r in rows.iterrows()
            ),
            [4],
        )
        blocks.append(
            details(f"{project['title_number']}. {project['title']}（{len(rows)} 个指标）", body)
        )
    return [*out, unsearched("\n".join(blocks))]


def activity_section(ds: Dataset) -> list[str]:
    activities = ds.frame("activities")
    if activities.empty:
        return []
    indicators = ds.frame("activity_indicators")
    out = [
        "## 工作活动绩效目标\n",
        _resource_table(
            ds,
            "activities",
            ["activity_id", "parent_activity_id", "name", "budget", "goal", "source_line"],
        ),
        "\n",
    ]
    if not indicators.empty:
        out.append(
            details(
                f"工作活动绩效指标（{len(indicators)} 个）",
                _resource_table(ds, "activity_indicators"),
            )
        )
    return out


def procurement_section(ds: Dataset) -> list[str]:
    if ds.frame("procurement").empty:
        return ["## 政府采购预算\n", "本文件的政府采购预算表没有数据行（或没有该表）。\n"]
    return [
        "## 政府采购预算\n",
        _resource_table(
            ds,
            "procurement",
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


def asset_section(ds: Dataset) -> list[str]:
    if ds.frame("fixed_assets").empty:
        return ["## 国有资产占有使用情况\n", "本文件没有资产情况表。\n"]
    return [
        "## 国有资产占有使用情况\n",
        _resource_table(
            ds,
            "fixed_assets",
            ["item", "quantity", "quantity_unit", "value", "as_of", "source_line"],
        ),
    ]


def narrative_section(ds: Dataset) -> list[str]:
    narrative = ds.frame("narrative")
    if narrative.empty:
        return ["## 情况说明\n", "本文件没有文字说明。\n"]
    out = ["## 情况说明\n"]
    for section, rows in narrative.groupby("section_title", sort=False):
        paragraphs = [
            f"**{esc(row['text'])}**\n"
            if row["text"] == row["heading"]
            else f"{esc(row['text'])} <small>（第 {esc(row['source_line'])} 行）</small>\n"
            for _, row in rows.iterrows()
        ]
        # The glossary is the same in most documents and has its own page: not searched here.
        body = "\n".join(paragraphs)
        out += [f"### {esc(section)}\n", unsearched(body) if section == "名词解释" else body]
    return out


def audit_section(ds: Dataset, page: str) -> list[str]:
    audit = ds.frame("audit")
    findings = audit[audit["status"] == "fail"]
    out = [
        "## 核对结果\n",
        f"按文件应满足的 {audit['identity'].nunique()} 类算术关系共核对 {len(audit)} 项，"
        f"不符 {len(findings)} 项。不符之处按原样公布，不作修改。"
        f"{link('全部文件的核对结果', QUALITY, page)}\n",
    ]
    if len(findings):
        out.append(audit_table(findings, page, with_document=False))
    warnings = ds.frame("warnings")
    if len(warnings):
        out += [
            "### 读取警告\n",
            table(
                ["行", "说明"],
                ([esc(w["source_line"]), esc(w["message"])] for _, w in warnings.iterrows()),
                [0],
            ),
        ]
    return out


def audit_table(
    findings: pd.DataFrame, page: str, with_document: bool, names: dict | None = None
) -> str:
    headers = ["核对", "科目", "左边", "数值", "右边", "数值", "差额", "源文件行号"]
    rows = []
    for _, f in findings.iterrows():
        row = [
            esc(f["description"]),
            esc(" ".join(x for x in (f["code"], f["name"]) if x)),
            esc(f["left_label"]),
            esc(f["left_value"]),
            esc(f["right_label"]),
            esc(f["right_value"]),
            esc(f["difference"]),
            esc(f["source_lines"].replace(",", ", ")),
        ]
        if with_document:
            target = f"documents/{f['dataset_id']}.md"
            row.insert(0, link((names or {}).get(f["dataset_id"], f["dataset_id"]), target, page))
        rows.append(row)
    if with_document:
        headers.insert(0, "文件")
    offset = 1 if with_document else 0
    return table(headers, rows, [3 + offset, 5 + offset, 6 + offset])


def download_section(ds: Dataset, page: str) -> list[str]:
    base = download_base(ds)
    files = [
        f"[数据包（zip）]({rel(base + '.zip', page)})",
        f"[Excel 工作簿（xlsx）]({rel(base + '.xlsx', page)})",
        f"[datapackage.json]({rel(base + '/datapackage.json', page)})",
    ]
    resources = [
        f"[{esc(r['name'])}.csv]({rel(base + '/' + r['path'], page)})（{esc(r.get('title', ''))}，{ds.rows(r['name'])} 行）"
        for r in ds.descriptor["resources"]
    ]
    return [
        "## 下载本文件的数据\n",
        " · ".join(files) + "\n",
        unsearched("\n".join(f"- {line}" for line in resources) + "\n"),
    ]
