"""Pages across documents: home, the list of documents, departments over the years, compare."""

from __future__ import annotations

import functools
import math

import pandas as pd

from .audit import corpus_counts
from .charts import AMOUNT, Chart, bars, lines, most
from .context import (
    CODES_INDEX,
    COMPARE,
    DATA,
    DEPARTMENTS_INDEX,
    DOCUMENTS_INDEX,
    HOME,
    PLACES_INDEX,
    QUALITY,
    Site,
    department_page,
    document_page,
    place_breadcrumb,
    place_trail,
)
from .corpus import Dataset
from .downloads import download_base
from .jobs import Job, key_of, run_jobs
from .markup import bullets, esc, heading_text, link, para, percent, table, unsearched
from .measures import (
    KEY_FIGURES,
    MARKS,
    functional_spending,
    key_figures,
    key_value,
    label,
    three_public_items,
)

LATEST = 10


def _amount(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:,.2f}"


def spending_data(datasets: list[Dataset]) -> pd.DataFrame:
    """基本支出 and 项目支出 of each document, one row each."""
    return pd.DataFrame(
        [
            {"文件": label(ds), "支出类型": kind, AMOUNT: key_value(ds, key)}
            for ds in datasets
            for kind, key in (("基本支出", "basic"), ("项目支出", "project"))
        ]
    ).fillna({AMOUNT: 0})


def spending_chart(site: Site, datasets: list[Dataset], path: str, title: str) -> Chart:
    data = spending_data(datasets)
    totals = data.groupby("文件", sort=False)[AMOUNT].sum()
    data, note = most(data)
    return Chart(
        path,
        title,
        f"{len(totals)} 份文件的预算支出，最多的是{totals.idxmax()}（{totals.max():,.2f} 万元），"
        f"最少的是{totals.idxmin()}（{totals.min():,.2f} 万元）。{note}",
        data,
        bars(data, "文件", color="支出类型"),
    )


def write_home(site: Site) -> None:
    corpus, page = site.corpus, HOME
    datasets = corpus.budgets  # the budget figures: a 决算's actuals are not added to them
    finals = len(corpus.datasets) - len(datasets)
    audit = corpus_counts(corpus.datasets)
    findings = audit["errors"] + audit["warnings"]
    years = sorted({ds.meta["year"] for ds in datasets})
    departments = [ds for ds in datasets if ds.kind == "部门预算"]  # a 单位预算 is inside one
    spending = sum(v for ds in departments if not math.isnan(v := key_value(ds, "expenditure")))
    latest = sorted(  # by the date each was added, then its year
        corpus.datasets,
        key=lambda d: (d.meta.get("added", ""), d.meta["year"], d.name),
        reverse=True,
    )[:LATEST]
    everything = download_base(corpus.combined)
    body = [
        "# 部门预算开放数据\n",
        para(
            "中国各级政府的每个部门每年公开部门预算：九张标准表、所属单位、项目绩效目标、政府采购、"
            "国有资产和情况说明。本站把这些文件读成可检索、可比较、可下载的开放数据，"
            "并像最仔细的读者那样逐项核对每份文件（表内和表间的运算、情况说明与表格、增减变化、"
            "完整性、科目名称和文字），公开每一处发现。"
        ),
        "## 概况\n",
        table(
            ["", "数量"],
            [
                ["预算文件", f"{len(datasets)} 份"],
                ["决算文件", f"{finals} 份"],
                ["部门", f"{len(corpus.departments())} 个"],
                ["辖区", f"{len({ds.meta['jurisdiction'] for ds in datasets})} 个"],
                ["预算年度", f"{years[0]}–{years[-1]}" if years else "—"],
                ["预算支出合计（各部门预算相加，不含单位预算）", f"{spending:,.2f} 万元"],
                [
                    "核对",
                    f"{audit['checks']} 项，{link(f'发现 {findings} 处', QUALITY, page)}"
                    f"（错误 {audit['errors']}，提醒 {audit['warnings']}）",
                ],
            ],
        ),
    ]
    if departments:  # each department once: its 部门预算 (a 单位预算 is inside it)
        body.append(
            site.chart(spending_chart(site, departments, "home/spending", "各部门预算支出"), page)
        )
    body += [
        "## 最近加入的文件\n",
        bullets(
            f"{link(label(ds), document_page(ds), page)}（{esc(ds.meta['jurisdiction'])}）"
            for ds in latest
        ),
        "## 从这里开始\n",
        bullets(
            [
                f"{link('按地区浏览', PLACES_INDEX, page)}：省、市、区县，再到部门",
                f"{link('按部门浏览', DEPARTMENTS_INDEX, page)}，或查看 {link('全部预算文件', DOCUMENTS_INDEX, page)}",
                f"{link('部门之间比较', COMPARE, page)}：总额、功能分类、“三公”经费、机关运行经费",
                f"{link('按预算科目查看', CODES_INDEX, page)}：每个功能分类的类、款和经济分类的类",
                f"{link('数据质量', QUALITY, page)}：每份文件的核对结果和每一处发现",
            ]
        ),
        "## 下载全部数据\n",
        para(
            f"全部文件的合并数据包：{link('zip', everything + '.zip', page)}（每个资源一个带结构说明的"
            f" CSV，UTF-8，另有 datapackage.json），详见{link('数据下载', DATA, page)}。"
        ),
    ]
    site.page(page, "首页", body, hide=["navigation"])


def write_documents_index(site: Site) -> None:
    page = DOCUMENTS_INDEX
    rows = []
    for ds in site.corpus.datasets:
        m = ds.meta
        rows.append(
            [
                link(label(ds), document_page(ds), page),
                esc(ds.kind),
                esc(m["jurisdiction"]),
                esc(m["department_code"]),
                esc(m["year"]),
                esc(m["publisher"]),
                link(m["original_format"] or "文本", ds.original, page),
                f"<code>{esc(m['sha256'][:12])}</code>",
            ]
        )
    body = [
        "# 预算文件\n",
        para(
            f"本站读取的全部 {len(rows)} 份预算公开文件（部门预算和单位预算）。“原件”是本站读取的文件本身："
            "政府发布的 PDF 或 DOCX，或他人从中提取的文本；它的来源说明和校验值保存在项目的"
            " <code>documents/</code> 目录中。"
        ),
        unsearched(
            table(
                [
                    "文件",
                    "类型",
                    "辖区",
                    "部门编码",
                    "年度",
                    "发布机构",
                    "原件",
                    "SHA-256（前 12 位）",
                ],
                rows,
                [4],
            )
        ),
    ]
    site.page(page, "预算文件", body)


def write_departments(site: Site) -> None:
    departments = site.corpus.departments()
    page = DEPARTMENTS_INDEX
    by_jurisdiction: dict[str, list[str]] = {}
    for department_id, datasets in departments.items():
        by_jurisdiction.setdefault(datasets[-1].meta["jurisdiction"], []).append(
            department_row(department_id, datasets, page)
        )
    body = [
        "# 部门\n",
        para(f"{len(departments)} 个部门，按辖区排列。点击部门查看各年度的预算和变化。"),
    ]
    for jurisdiction, rows in sorted(by_jurisdiction.items()):
        body += [f"## {heading_text(jurisdiction)}\n", table(["部门", "部门编码", "年度"], rows)]
    site.page(page, "部门", body)
    jobs = [
        Job(
            key_of("department", department_id, *(site.keys[ds.name] for ds in datasets)),
            functools.partial(write_department, department_id=department_id, datasets=datasets),
        )
        for department_id, datasets in departments.items()
    ]
    run_jobs(site, site.cache, jobs)


def department_row(department_id: str, datasets: list[Dataset], page: str) -> list[str]:
    """A department in a list: its name (a link to its page), its code and its documents."""
    years = "、".join(
        link(column(ds, datasets).replace(" 年", " ").strip(), document_page(ds), page)
        for ds in datasets
    )
    link_ = link(datasets[-1].shown_name, department_page(department_id), page)
    return [link_, esc(datasets[-1].meta["department_code"]), years]


def write_department(site: Site, department_id: str, datasets: list[Dataset]) -> None:
    """A department's documents side by side (each year, 部门预算 and 单位预算), and its trend
    over the years of one kind."""
    page = department_page(department_id)
    latest = datasets[-1].meta
    name = datasets[-1].shown_name
    readings = [key_figures(ds) for ds in datasets]
    rows = [
        [esc(figure.label)] + [r[i].marked for r in readings]
        for i, figure in enumerate(KEY_FIGURES)
    ]
    marked = any(m in cell for row in rows for cell in row[1:] for m in "†‡")
    code = f" · 部门编码 {esc(latest['department_code'])}" if latest["department_code"] else ""
    body = [
        f"# {heading_text(name)}\n",
        place_breadcrumb(place_trail(latest), page),
        para(
            f"{esc(latest['jurisdiction'])}{code} · {len(datasets)} 份文件："
            + "、".join(
                link(f"{ds.meta['year']} 年{ds.kind}", document_page(ds), page) for ds in datasets
            )
        ),
        "## 主要数字（万元）\n",
        para("部门预算包括部门本级和所属单位，单位预算只是一个预算单位：两者并列，不相加。"),
        table(
            ["指标", *[column(ds, datasets) for ds in datasets]], rows, range(1, len(datasets) + 1)
        ),
        para(esc(MARKS)) if marked else "",  # the marks explained only where the table has them
    ]
    series = max(
        ([d for d in datasets if d.kind == kind] for kind in ("部门预算", "单位预算")), key=len
    )
    if len({d.meta["year"] for d in series}) > 1:
        body += ["## 历年变化\n", site.chart(trend_chart(department_id, series), page)]
        functional = [ds for ds in series if not functional_spending(ds, "1").empty]
        if len({ds.meta["year"] for ds in functional}) > 1:  # a chart of years needs two of them
            body.append(site.chart(functional_trend_chart(department_id, functional), page))
    else:
        body.append(para("本部门目前只有一个年度的文件；有多个年度时，这里显示历年变化。"))
    site.page(page, name, body)


def column(ds: Dataset, department: list[Dataset]) -> str:
    """A document's year, and its kind when it is not a 部门预算 or the department has
    documents of more than one kind."""
    named = len({d.kind for d in department}) > 1 or ds.kind != "部门预算"
    return f"{ds.meta['year']} 年" + (ds.kind if named else "")


def trend_chart(department_id: str, datasets: list[Dataset]) -> Chart:
    keys = (
        ("预算收入", "income"),
        ("预算支出", "expenditure"),
        ("基本支出", "basic"),
        ("项目支出", "project"),
    )
    held = {int(ds.meta["year"]): ds for ds in datasets}
    years = range(min(held), max(held) + 1)  # every year between: one not held is a gap
    data = pd.DataFrame(
        [
            {"年度": year, "指标": name,
             AMOUNT: key_value(held[year], key) if year in held else float("nan")}
            for year in years
            for name, key in keys
        ]
    )  # fmt: skip
    first, last = datasets[0], datasets[-1]
    a, b = key_value(first, "expenditure"), key_value(last, "expenditure")
    return Chart(
        f"departments/{department_id}/trend",
        "历年预算收支",
        f"预算支出从 {first.meta['year']} 年的 {_amount(a)} 万元变为 {last.meta['year']} 年的 "
        f"{_amount(b)} 万元。",
        data,
        lines(data, "年度", AMOUNT, "指标"),
    )


def functional_trend_chart(department_id: str, datasets: list[Dataset]) -> Chart:
    frames = [
        pd.DataFrame({"年度": ds.meta["year"], "功能分类（类）": f["name"], AMOUNT: f["total"]})
        for ds in datasets
        if not (f := functional_spending(ds, "1")).empty
    ]
    data = pd.concat(frames).fillna({AMOUNT: 0})
    data = data[data.groupby("功能分类（类）")[AMOUNT].transform("sum") != 0]
    return Chart(
        f"departments/{department_id}/functional-trend",
        "历年按功能分类（类）的支出",
        f"{data['功能分类（类）'].nunique()} 个功能分类（类）在各年度的预算支出。",
        data,
        bars(data, "年度", color="功能分类（类）", sort=None),
    )


def comparable(datasets: list[Dataset]) -> list[Dataset]:
    """Each department once a year: its 部门预算 (a 单位预算 is part of it); a 单位预算 stands
    for its unit only where the department's 部门预算 of that year is not held."""
    held = {(ds.department_id, ds.meta["year"]) for ds in datasets if ds.kind == "部门预算"}
    return [
        ds
        for ds in datasets
        if ds.kind == "部门预算" or (ds.department_id, ds.meta["year"]) not in held
    ]


def write_compare(site: Site) -> None:
    page = COMPARE
    datasets = comparable(site.corpus.budgets)
    inside = len(site.corpus.budgets) - len(datasets)
    body = [
        "# 部门比较\n",
        para(
            "同一口径的数字并排比较：金额（万元）与占比。不同部门、不同年度的文件都列在一起；"
            "比较时请注意年度和部门职能的差异。"
            + (
                f"本站也收有同一部门同一年度部门预算的 {inside} 份单位预算：它们是部门预算的一部分，"
                "不作为另一个部门比较，见各部门的页面。"
                if inside
                else ""
            )
        ),
        "## 总额\n",
        compare_table(datasets, page),
        para(f"金额单位：万元。{esc(MARKS)}"),
    ]
    if datasets:
        body += [
            site.chart(
                spending_chart(site, datasets, "compare/spending", "预算支出：基本支出与项目支出"),
                page,
            ),
            site.chart(share_chart(datasets), page),
            "## 按功能分类\n",
            site.chart(function_chart(datasets, stack=True), page),
            site.chart(function_chart(datasets, stack="normalize"), page),
            "## “三公”经费\n",
            site.chart(three_public_compare(datasets), page),
            site.chart(
                ratio_chart(
                    datasets,
                    "three_public",
                    "expenditure",
                    "“三公”经费占预算支出的比例",
                    "three-public-share",
                ),
                page,
            ),
            "## 机关运行经费\n",
            site.chart(
                ratio_chart(datasets, "operating_costs", None, "机关运行经费", "operating-costs"),
                page,
            ),
            site.chart(
                ratio_chart(
                    datasets,
                    "operating_costs",
                    "basic",
                    "机关运行经费占基本支出的比例",
                    "operating-costs-share",
                ),
                page,
            ),
        ]
    site.page(page, "部门比较", body)


def compare_table(datasets: list[Dataset], page: str) -> str:
    rows = []
    for ds in datasets:
        r = {reading.figure.key: reading for reading in key_figures(ds)}
        v = {k: key_value(ds, k) for k in r}
        rows.append(
            [
                link(label(ds), document_page(ds), page),
                r["expenditure"].marked,
                r["basic"].marked,
                percent(v["basic"], v["expenditure"]),
                r["project"].marked,
                r["three_public"].marked,
                "—"
                if math.isnan(v["three_public"])
                else percent(v["three_public"], v["expenditure"]),
                r["operating_costs"].marked,
                "—"
                if math.isnan(v["operating_costs"])
                else percent(v["operating_costs"], v["basic"]),
            ]
        )
    headers = [
        "文件",
        "预算支出",
        "基本支出",
        "基本支出占比",
        "项目支出",
        "“三公”经费",
        "“三公”占支出",
        "机关运行经费",
        "占基本支出",
    ]
    return unsearched(table(headers, rows, range(1, 9)))


def share_chart(datasets: list[Dataset]) -> Chart:
    data, note = most(spending_data(datasets))
    return Chart(
        "compare/spending-share",
        "预算支出中基本支出与项目支出的占比",
        f"每份文件的预算支出按 100% 计，基本支出与项目支出各占的比例。{note}",
        data,
        bars(data, "文件", color="支出类型", stack="normalize", sort=None),
    )


def function_chart(datasets: list[Dataset], stack) -> Chart:
    data = pd.concat(
        [
            pd.DataFrame({"文件": label(ds), "功能分类（类）": f["name"], AMOUNT: f["total"]})
            for ds in datasets
            if not (f := functional_spending(ds, "1")).empty
        ]
    ).fillna({AMOUNT: 0})
    data, note = most(data[data[AMOUNT] != 0])
    share = stack == "normalize"
    return Chart(
        f"compare/functional{'-share' if share else ''}",
        "按功能分类（类）的支出" + ("占比" if share else ""),
        (
            "每份文件的预算支出按 100% 计，各功能分类（类）所占比例。"
            if share
            else f"{data['功能分类（类）'].nunique()} 个功能分类（类）在各文件中的预算支出。"
        )
        + note,
        data,
        bars(data, "文件", color="功能分类（类）", stack=stack, sort=None),
    )


def three_public_compare(datasets: list[Dataset]) -> Chart:
    frames = [
        pd.DataFrame({"文件": label(ds), "项目": f["name"], AMOUNT: f["total"]})
        for ds in datasets
        if not (f := three_public_items(ds)).empty
    ]
    data = (
        pd.concat(frames).fillna({AMOUNT: 0})
        if frames
        else pd.DataFrame(columns=["文件", "项目", AMOUNT])
    )
    data, note = most(data)
    return Chart(
        "compare/three-public",
        "“三公”经费构成",
        "各文件“三公”经费表中因公出国（境）费、公务用车购置及运行费、公务接待费的预算数"
        f"（各文件的印刷名称归为这三项；表中另列的会议费、培训费等不在图中）。{note}",
        data,
        bars(data, "文件", color="项目", sort=None),
    )


def ratio_chart(
    datasets: list[Dataset], key: str, base: str | None, title: str, path: str
) -> Chart:
    column = "占比" if base else AMOUNT
    rows = []
    for ds in datasets:
        value = key_value(ds, key)
        if base:
            whole = key_value(ds, base)
            value = value / whole if whole and not math.isnan(whole) else float("nan")
        rows.append({"文件": label(ds), column: value})
    data = pd.DataFrame(rows).dropna()
    written = len(data)
    data, note = most(data, column) if len(data) else (data, "")
    if base:
        chart = bars(data, "文件", value=column, x_title="占比", sort=None, percent=True)
        summary = (
            f"{written} 份文件写明了该数字；比例最高的是{data.loc[data[column].idxmax(), '文件']}（{data[column].max():.1%}）。{note}"
            if len(data)
            else "没有文件写明该数字。"
        )
    else:
        chart = bars(data, "文件", sort=None)
        summary = (
            f"{written} 份文件的情况说明写明了机关运行经费；最多的是{data.loc[data[column].idxmax(), '文件']}（{data[column].max():,.2f} 万元）。{note}"
            if len(data)
            else "没有文件写明该数字。"
        )
    return Chart(f"compare/{path}", title, summary, data, chart)
