"""Reference pages: downloads, the data dictionary, data quality and the glossary."""

from __future__ import annotations

from ..metadata.registry import RESOURCES, TABLES
from .audit import catalogue_section
from .context import DATA, DICTIONARY, GLOSSARY, Site, document_page
from .downloads import download_base
from .markup import esc, link, rel, table, unsearched
from .measures import label


def write_data(site: Site) -> None:
    page = DATA
    corpus = site.corpus
    body = [
        "# 数据下载\n",
        "每份文件一个 [Frictionless 数据包](https://datapackage.org/)：若干 CSV（UTF-8，逗号分隔，"
        "第一行为字段名）和描述字段、类型、单位与主外键的 `datapackage.json`。"
        "另有合并全部文件的数据包 `all`。每个数据包也提供 zip 压缩包；每份文件另有 Excel 工作簿（xlsx，"
        "收录文件印刷的各表，第二行为中文字段名，金额按文件印刷的小数位显示）。字段含义见"
        f"{link('数据字典', DICTIONARY, page)}。\n",
        '!!! tip "在 Excel 中打开 CSV"\n    CSV 为 UTF-8 编码。中文 Excel 直接双击可能显示乱码：'
        "请用“数据 → 从文本/CSV”导入并选择 UTF-8，或直接下载 xlsx。\n",
    ]
    combined, base = corpus.combined, download_base(corpus.combined)
    body += [
        "## 全部文件（合并）\n",
        f"[zip]({rel(base + '.zip', page)}) · "
        f"[datapackage.json]({rel(base + '/datapackage.json', page)})。"
        "合并包的行数超过 Excel 单表上限时无法整体打开，请用 CSV。\n",
        table(
            ["资源", "标题", "行数", "下载"],
            (
                [
                    f"`{r['name']}`",
                    esc(r.get("title", "")),
                    str(combined.rows(r["name"])),
                    f"[CSV]({rel(base + '/' + r['path'], page)})",
                ]
                for r in combined.descriptor["resources"]
            ),
            [2],
        ),
        "## 每份文件\n",
        "每份文件的各个 CSV 另见其文件页面的“下载本文件的数据”。\n",
        unsearched_table(
            ["文件", "数据集标识", "下载"],
            (
                [
                    link(ds.descriptor.get("title", ds.name), document_page(ds), page),
                    f"`{ds.name}`",
                    f"[zip]({rel(download_base(ds) + '.zip', page)}) · "
                    f"[xlsx]({rel(download_base(ds) + '.xlsx', page)}) · "
                    f"[datapackage.json]({rel(download_base(ds) + '/datapackage.json', page)})",
                ]
                for ds in corpus.datasets
            ),
        ),
    ]
    site.page(page, "数据下载", body)


def unsearched_table(*args) -> str:
    return unsearched(table(*args))


def write_dictionary(site: Site) -> None:
    """Generated from the registry the schemas come from, so the two cannot disagree."""
    page = DICTIONARY
    body = [
        "# 数据字典\n",
        "每个资源（CSV 文件）的字段：名称、中文标题、类型、单位和说明。"
        "金额单位均为万元，保留文件印刷的小数位；编码一律是文本。"
        "本页与 `datapackage.json` 中的结构说明由同一份字段登记表生成。\n",
    ]
    for group, resources in (("九张标准表", TABLES), ("其他资源", RESOURCES)):
        body.append(f"## {group}\n")
        for name, resource in resources.items():
            schema = resource.schema(with_dataset_id=name in TABLES)
            body += [
                f"### `{name}` {esc(resource.title)}\n",
                f"{esc(resource.description)}\n",
                f"主键：{'、'.join(f'`{k}`' for k in schema.get('primaryKey', [])) or '无'}\n",
                table(
                    ["字段", "标题", "类型", "单位", "说明"],
                    (
                        [
                            f"`{f['name']}`",
                            esc(f["title"]),
                            f["type"],
                            esc(f.get("unit", "")),
                            esc(f["description"])
                            + (
                                "（取值："
                                + "、".join(f"`{v}`" for v in f["constraints"]["enum"])
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
        "各文件“名词解释”部分的原文。同一名词在不同文件中的解释并列，注明出处。\n",
    ]
    for term, rows in sorted(glossary.groupby("term"), key=lambda g: g[1].index[0]):
        body.append(f"## {esc(term)}\n")
        for definition, same in rows.groupby("definition", sort=False):
            sources = "、".join(
                link(label(datasets[r["dataset_id"]]), f"documents/{r['dataset_id']}.md", page)
                + " "
                + site.cite(datasets[r["dataset_id"]], r, page)
                for r in same.to_dict("records")
            )
            body.append(f"{esc(definition)}\n\n<small>出处：{sources}</small>\n")
    site.page(page, "名词解释", body)
