"""Reference pages: downloads, the data dictionary, data quality and the glossary."""

from __future__ import annotations

from ..metadata.registry import DOCUMENT_TYPES, RESOURCES, TABLE_SETS, TABLES
from ..package.combined import CONCATENATED
from .audit import catalogue_section
from .context import DATA, DICTIONARY, GLOSSARY, Site, document_page
from .downloads import download_base
from .markup import anchor, bullets, esc, heading_text, link, para, table, unsearched
from .measures import label, row_counts


def write_data(site: Site) -> None:
    page = DATA
    corpus = site.corpus
    combined, base = corpus.combined, download_base(corpus.combined)
    body = [
        "# 数据下载\n",
        para(
            "每份文件一个 "
            + anchor("Frictionless 数据包", "https://datapackage.org/")
            + "：若干 CSV（UTF-8，逗号分隔，第一行为字段名）和描述字段、类型、单位与主外键的"
            f" <code>datapackage.json</code>。字段含义见{link('数据字典', DICTIONARY, page)}。"
        ),
        "## 本站提供哪些文件\n",
        bullets(
            [
                "每份文件：<strong>原件</strong>（政府发布的 PDF 或 DOCX，或从中提取的文本，网页上的“出处”链接到它的页）"
                "和<strong>数据包 zip</strong>（全部 CSV 和 datapackage.json）；",
                "全部文件：<strong>合并数据包 zip</strong>（各资源的全部行，加上核对规则目录和科目名称沿革）；",
                "每张图表：它的数据（CSV）。",
            ]
        ),
        para(
            "单个 CSV、datapackage.json 和每份文件的 Excel 工作簿不放在网站上：一个省每年数千份文件，"
            "它们会占去网站的大部分空间（GitHub Pages 每个网站不超过 1 GB）和构建的大部分时间，"
            "而 zip 中的内容完全相同，只是压缩了。需要单个文件时，可以从项目仓库的"
            " <code>datapackages/</code> 目录取得。"
        ),
        para(
            "<strong>在 Excel 中打开 CSV</strong>：CSV 为 UTF-8 编码，中文 Excel 直接双击可能显示乱码，"
            "请用“数据 → 从文本/CSV”导入并选择 UTF-8；编码列请设为“文本”，以免丢掉开头的 0。"
        ),
        "## 全部文件（合并）\n",
        para(
            f"{link('合并数据包（zip）', base + '.zip', page)}：下列资源，每个一个 CSV。"
            "合并包的行数超过 Excel 单表上限时无法整体打开，请用 CSV。"
        ),
        table(
            ["资源", "标题", "行数"],
            (
                [
                    f"<code>{esc(r['name'])}</code>",
                    esc(r.get("title", "")),
                    str(combined_rows(corpus, r["name"])),
                ]
                for r in combined.descriptor["resources"]
            ),
            [2],
        ),
        "## 每份文件\n",
        unsearched(
            table(
                ["文件", "数据集标识", "下载"],
                (
                    [
                        link(label(ds), document_page(ds), page),
                        f"<code>{esc(ds.name)}</code>",
                        link("zip", download_base(ds) + ".zip", page),
                    ]
                    for ds in corpus.datasets
                ),
            )
        ),
    ]
    site.page(page, "数据下载", body)


def combined_rows(corpus, name: str) -> int:
    """Rows of a resource of the combined package: the documents' rows added up where it is
    their files one after another (not read again), counted where it is made whole."""
    if name in (*CONCATENATED, "document_tables"):
        return sum(row_counts(ds).get(name, 0) for ds in corpus.datasets)
    if name == "documents":
        return len(corpus.datasets)
    return corpus.combined.rows(name)


def write_dictionary(site: Site) -> None:
    """Generated from the registry the schemas come from, so the two cannot disagree."""
    page = DICTIONARY
    body = [
        "# 数据字典\n",
        para(
            "每个资源（CSV 文件）的字段：名称、中文标题、类型、单位和说明。"
            "九张表的金额按文件印刷的数值、精度和单位（见同一行的 <code>unit</code>），"
            "<code>budget_lines.amount_wan_yuan</code> 换算为万元；编码一律是文本。"
            "本页与 <code>datapackage.json</code> 中的结构说明由同一份字段登记表生成。"
        ),
    ]
    groups = [
        (f"{DOCUMENT_TYPES[kind]}的九张标准表", {key: TABLES[key] for key in keys.values()})
        for kind, keys in TABLE_SETS.items()
    ]
    for group, resources in (*groups, ("其他资源", RESOURCES)):
        body.append(f"## {group}\n")
        for name, resource in resources.items():
            schema = resource.schema(with_dataset_id=name in TABLES)
            body += [
                f"### `{name}` {heading_text(resource.title)}\n",
                para(esc(resource.description)),
                para(
                    "主键："
                    + ("、".join(f"<code>{k}</code>" for k in schema.get("primaryKey", [])) or "无")
                ),
                table(
                    ["字段", "标题", "类型", "单位", "说明"],
                    (
                        [
                            f"<code>{f['name']}</code>",
                            esc(f["title"]),
                            f["type"],
                            esc(f.get("unit", "")),
                            esc(f["description"])
                            + (
                                "（取值："
                                + "、".join(
                                    f"<code>{esc(v)}</code>" for v in f["constraints"]["enum"]
                                )
                                + "）"
                                if "enum" in f.get("constraints", {})
                                else ""
                            ),
                        ]
                        for f in schema["fields"]
                    ),
                ),
            ]
    body += catalogue_section()
    site.page(page, "数据字典", body)


def write_glossary(site: Site) -> None:
    page = GLOSSARY
    corpus = site.corpus
    glossary = corpus.combined.frame("glossary")
    datasets = {ds.name: ds for ds in corpus.datasets}
    body = [
        "# 名词解释\n",
        para("各文件“名词解释”部分的原文。同一名词在不同文件中的解释并列，注明出处。"),
    ]
    for term, rows in sorted(glossary.groupby("term"), key=lambda g: g[1].index[0]):
        body.append(f"## {heading_text(term)}\n")
        for definition, same in rows.groupby("definition", sort=False):
            sources = "、".join(
                link(label(datasets[r["dataset_id"]]), f"documents/{r['dataset_id']}.md", page)
                + " "
                + site.cite(datasets[r["dataset_id"]], r, page)
                for r in same.to_dict("records")
            )
            body.append(para(esc(definition)) + para(f"<small>出处：{sources}</small>"))
    site.page(page, "名词解释", body)
