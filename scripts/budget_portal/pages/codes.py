"""One page per classification code (功能分类 类 and 款, 经济分类 类): who budgets what under it."""

from __future__ import annotations

import functools

import pandas as pd

from .charts import AMOUNT, Chart, bars, most
from .context import CODES_INDEX, Site, code_page, document_page
from .corpus import Dataset, amounts, exact_wan_yuan
from .jobs import Job, key_of, run_jobs
from .markup import bullets, esc, heading_text, link, para, unsearched_table, wan
from .measures import label, memo

KIND = {"functional": "支出功能分类", "economic": "支出经济分类"}
# Where a code's figures are read from: 支出总表 for functions, 基本支出表 for economic classes.
SOURCE = {
    "functional": (
        "expenditure",
        (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")),
    ),
    "economic": (
        "basic_expenditure",
        (("total", "合计"), ("personnel", "人员经费"), ("public", "公用经费")),
    ),
}


def page_codes(codes: pd.DataFrame) -> pd.DataFrame:
    """Functional 类 and 款, economic 类: the codes that get a page."""
    wanted = ((codes["classification"] == "functional") & codes["level"].isin(["1", "2"])) | (
        (codes["classification"] == "economic") & (codes["level"] == "1")
    )
    return codes[wanted].sort_values("code")


def write_codes(site: Site) -> None:
    codes = page_codes(site.corpus.combined.frame("classification_codes"))
    write_codes_index(site, codes)
    jobs = []
    for _, code in codes.iterrows():
        related = codes[
            (codes["code"] == code["parent_code"]) | (codes["parent_code"] == code["code"])
        ]
        rows = rows_by_code(tuple(site.corpus.budgets), code["classification"]).get(
            code["code"], []
        )
        readers = sorted({site.keys[r["dataset"].name] for r in rows})
        key = key_of("code", code.to_dict(), related.to_dict("records"), *readers)
        jobs.append(Job(key, functools.partial(write_code, code=code, codes=codes)))
    run_jobs(site, site.cache, jobs)


def write_codes_index(site: Site, codes: pd.DataFrame) -> None:
    page = CODES_INDEX
    body = [
        "# 预算科目\n",
        para(
            "政府收支分类科目：支出功能分类说明钱用于做什么（类、款、项），支出经济分类说明钱怎么花"
            "（工资福利、商品和服务……）。每个科目一页，列出各部门各年度在该科目下的预算。"
        ),
    ]
    for kind, title in KIND.items():
        body.append(f"## {title}\n")
        own = codes[codes["classification"] == kind]
        items = []
        for _, top in own[own["level"] == "1"].iterrows():
            children = [
                link(child["code"] + " " + child["name"], code_page(child["code"]), page)
                for _, child in own[own["parent_code"] == top["code"]].iterrows()
            ]
            items.append(
                link(top["code"] + " " + top["name"], code_page(top["code"]), page)
                + ("\n" + bullets(children) if children else "")
            )
        body.append(bullets(items))
    site.page(page, "预算科目", body)


def code_rows(datasets: list[Dataset], classification: str, code: str) -> pd.DataFrame:
    """Every row printed under `code` in the documents, in document order."""
    return pd.DataFrame(rows_by_code(tuple(datasets), classification).get(code, []))


@functools.lru_cache(maxsize=4)
def rows_by_code(datasets: tuple[Dataset, ...], classification: str) -> dict[str, list[dict]]:
    """One pass over the documents' rows for all codes (not one pass per code)."""
    out: dict[str, list[dict]] = {}
    for ds in datasets:
        for row in code_rows_of(ds, classification):
            out.setdefault(row["code"], []).append({"dataset": ds, **row})
    return out


def code_rows_of(ds: Dataset, classification: str) -> list[dict]:
    """A document's rows of the table a code page reads, in 万元 (kept with its summary)."""
    table_key, columns = SOURCE[classification]

    def rows() -> list[dict]:
        return [
            {
                "code": row["code"],
                **{c: exact_wan_yuan(row[c], row["unit"]) for c, _ in columns},
                "source_line": row["source_line"],
                "source_page": row.get("source_page", ""),
                "source_ref": row.get("source_ref", ""),
            }
            for row in ds.records(table_key)
        ]

    return memo(ds, f"code rows {classification}", rows)


def write_code(site: Site, code: pd.Series, codes: pd.DataFrame) -> None:
    page = code_page(code["code"])
    classification = code["classification"]
    columns = SOURCE[classification][1]
    rows = code_rows(site.corpus.budgets, classification, code["code"])
    parent = codes[codes["code"] == code["parent_code"]]
    children = codes[codes["parent_code"] == code["code"]]
    body = [f"# {heading_text(code['code'])} {heading_text(code['name'])}\n"]
    context = [
        f"{KIND[classification]}，第 {code['level']} 级（{'类' if code['level'] == '1' else '款'}）"
    ]
    if len(parent):
        p = parent.iloc[0]
        context.append(f"上级：{link(p['code'] + ' ' + p['name'], code_page(p['code']), page)}")
    if code["names"]:
        context.append(f"文件中的其他写法：{esc(code['names'])}")
    body.append(para("；".join(context) + "。"))
    if len(children):
        body.append(
            para(
                "下级科目："
                + "、".join(
                    link(c["code"] + " " + c["name"], code_page(c["code"]), page)
                    for _, c in children.iterrows()
                )
            )
        )
    table_name = "支出总表" if classification == "functional" else "基本支出表"
    if rows.empty:
        body.append(para(f"没有文件在{table_name}中列出该科目（它只出现在其他表中）。"))
    else:
        body += [
            f"## 各部门的预算（{table_name}，万元）\n",
            unsearched_table(
                ["文件", *[t for _, t in columns], "出处"],
                (
                    [
                        link(label(r["dataset"]), document_page(r["dataset"]), page),
                        *[wan(r[c]) for c, _ in columns],
                        site.cite(r["dataset"], r, page),
                    ]
                    for _, r in rows.iterrows()
                ),
                range(1, len(columns) + 1),
            ),
        ]
        data = pd.DataFrame(
            {"文件": [label(d) for d in rows["dataset"]], AMOUNT: amounts(rows["total"])}
        ).fillna({AMOUNT: 0})
        if data[AMOUNT].any():
            top = data.loc[data[AMOUNT].idxmax()]
            listed = len(data)
            data, note = most(data)
            body.append(
                site.chart(
                    Chart(
                        f"codes/{code['code']}",
                        f"{code['code']} {code['name']}：各文件的预算",
                        f"{listed} 份文件在{table_name}中列出该科目，最多的是{top['文件']}（{top[AMOUNT]:,.2f} 万元）。{note}",
                        data,
                        bars(data, "文件", sort=None),
                    ),
                    page,
                )
            )
    site.page(page, f"{code['code']} {code['name']}", body)
