"""The audit on the site: a scorecard on each document's page, the data-quality page (documents
ranked, findings by family) and the catalogue on the data dictionary.

Findings are written as a list, not a wide table (phones): the Chinese message, then each side
with where it was read (a link to the PDF page, or the line of the text) and the text quoted
from there.  Everything from a document goes through `esc`.
"""

from __future__ import annotations

import pandas as pd

from ..audit.catalogue import FAMILIES, RULES, SEVERITIES
from ..metadata.registry import RESOURCES
from .context import DICTIONARY, QUALITY, Site, document_page
from .corpus import Dataset
from .markup import (
    bullets,
    esc,
    link,
    para,
    table,
    tabs,
    unsearched,
    unsearched_para,
    unsearched_table,
)
from .measures import label, memo, warning_count

COUNTS = ("checks", "passed", "rounding", "not_checked", "errors", "warnings")


def counts(rows: list[dict]) -> dict[str, int]:
    """Checks, passed, within rounding, not checked (what they read was not read), errors
    and warnings of audit rows."""
    failed = [r["severity"] for r in rows if r["status"] == "fail"]
    statuses = [r["status"] for r in rows]
    return {
        "checks": len(rows),
        "passed": statuses.count("pass"),
        "rounding": statuses.count("rounding"),
        "not_checked": statuses.count("not_checked"),
        "errors": failed.count("error"),
        "warnings": failed.count("warning"),
    }


def document_audit(ds: Dataset) -> dict:
    """A document's audit as the pages across documents need it: counts, counts by family and
    its findings (kept with its summary, so the corpus's audit is never read whole)."""

    def make() -> dict:
        rows = ds.records("audit")
        by_family: dict[str, list[dict]] = {f: [] for f in FAMILIES}
        for row in rows:
            by_family[row["family"]].append(row)
        return {
            "counts": counts(rows),
            "families": {f: counts(part) for f, part in by_family.items()},
            "findings": [r for r in rows if r["status"] == "fail"],
            "rounding": [r for r in rows if r["status"] == "rounding"],
        }

    return memo(ds, "audit", make)


def document_counts(ds: Dataset) -> dict[str, int]:
    return document_audit(ds)["counts"]


def corpus_counts(datasets: list[Dataset], family: str | None = None) -> dict[str, int]:
    parts = [
        document_audit(ds)["families"][family] if family else document_counts(ds) for ds in datasets
    ]
    return {k: sum(p[k] for p in parts) for k in COUNTS}


def corpus_findings(datasets: list[Dataset]) -> pd.DataFrame:
    rows = [f for ds in datasets for f in document_audit(ds)["findings"]]
    return pd.DataFrame(rows, columns=list(RESOURCES["audit"].fields), dtype=str)


def summary_sentence(c: dict[str, int]) -> str:
    return (
        f"共核对 {c['checks']} 项，通过 {c['passed']} 项"
        + (f"，尾差 {c['rounding']} 项" if c["rounding"] else "")
        + (f"，未能核对 {c['not_checked']} 项（所需的数没有读到）" if c["not_checked"] else "")
        + f"；发现 {c['errors'] + c['warnings']} 处（错误 {c['errors']}，提醒 {c['warnings']}）。"
    )


def scorecard(families: dict[str, dict[str, int]]) -> str:
    """Checks run, passed and findings by severity, one row per family that ran."""
    rows = [[FAMILIES[f], *(str(c[k]) for k in COUNTS)] for f, c in families.items() if c["checks"]]
    return table(
        ["类别", "核对", "通过", "尾差", "未能核对", "错误", "提醒"], rows, [1, 2, 3, 4, 5, 6]
    )


def where(site: Site, ds: Dataset | None, finding: dict, side: str, page: str) -> str:
    """The pages (linked) or lines one side of a finding was read from."""
    pages = [p for p in finding.get(f"{side}_pages", "").split(",") if p]
    if ds is not None and ds.is_paged and pages:
        return "、".join(site.cite(ds, {"source_page": p}, page) for p in pages)
    lines = [n for n in finding.get(f"{side}_lines", "").split(",") if n]
    return f"第 {esc('、'.join(lines))} 行" if lines else "全文"


def finding_item(
    site: Site, ds: Dataset | None, finding: dict, page: str, with_document: bool
) -> str:
    severity = (
        "尾差"
        if finding["status"] == "rounding"
        else SEVERITIES.get(finding["severity"], finding["severity"])
    )
    head = (
        f"<strong>{severity}</strong> · {esc(FAMILIES.get(finding['family'], finding['family']))}"
    )
    if with_document:
        name = label(ds) if ds is not None else finding["dataset_id"]
        head += f" · {link(name, document_page_of(finding), page)}"
    places = []
    one_place = (finding["left_lines"], finding["left_text"]) == (
        finding["right_lines"],
        finding["right_text"],
    )
    # each side named by what it is (收支总表 收入总计, 叙述：…), not by its place in the rule
    sides = (("left", "出处"),) if one_place else (("left", ""), ("right", ""))
    for side, title in sides:
        quote = finding.get(f"{side}_text", "")
        title = title or esc(finding.get(f"{side}_label") or "")
        text = f"{title}：{where(site, ds, finding, side, page)}"
        places.append(text + (f"「{esc(quote)}」" if quote else ""))
    return f"{head}：{esc(finding['message'])}\n{bullets(places)}"


def document_page_of(finding: dict) -> str:
    return f"documents/{finding['dataset_id']}.md"


def finding_list(
    site: Site, findings: pd.DataFrame, datasets: dict, page: str, with_document: bool
) -> str:
    if findings.empty:
        return para("没有发现。")
    ordered = findings.assign(_rank=findings["severity"].map({"error": 0, "warning": 1}))
    ordered = ordered.sort_values(["_rank"], kind="stable")
    return bullets(
        finding_item(site, datasets.get(f["dataset_id"]), f, page, with_document)
        for f in ordered.to_dict("records")
    )


def audit_section(site: Site, ds: Dataset, page: str) -> list[str]:
    audit = document_audit(ds)
    findings = pd.DataFrame(audit["findings"], columns=list(RESOURCES["audit"].fields), dtype=str)
    out = [
        "## 核对结果\n",
        unsearched_para(
            f"按文件应当满足的各项关系逐一核对：{summary_sentence(audit['counts'])}"
            "发现按文件原样公布，不作修改；“错误”是数字相互矛盾或必备内容缺失，“提醒”是名称、文字和格式问题。"
            f"规则见{link('核对规则目录', DICTIONARY + '#audit-catalogue', page)}，"
            f"全部文件的情况见{link('数据质量', QUALITY, page)}。"
        ),
        scorecard(audit["families"]),
    ]
    if len(findings):
        out += [
            "### 发现\n",
            finding_list(site, findings, {ds.name: ds}, page, with_document=False),
        ]
    rounding = pd.DataFrame(audit["rounding"], columns=list(RESOURCES["audit"].fields), dtype=str)
    if len(rounding):
        out += [
            "### 尾差\n",
            unsearched_para(
                "以下各项两边相差不超过印刷小数位的四舍五入误差（各数分别四舍五入后相加所致），"
                "不算不符，列出供参考。"
            ),
            finding_list(site, rounding, {ds.name: ds}, page, with_document=False),
        ]
    warnings = ds.frame("warnings")
    if len(warnings):
        out += [
            "### 读取警告\n",
            unsearched_para(WARNINGS_IN_ENGLISH),
            unsearched_table(
                ["出处", "说明"],
                ([site.cite(ds, w, page), esc(w["message"])] for w in warnings.to_dict("records")),
            ),
        ]
    return out


WARNINGS_IN_ENGLISH = "说明是读取程序写给维护者的原话（英文，与数据包中的 warnings.csv 相同）；“出处”打开原文的那一页或那一行。"


def write_quality(site: Site) -> None:
    page = QUALITY
    corpus = site.corpus
    datasets = {ds.name: ds for ds in corpus.datasets}
    findings = corpus_findings(corpus.datasets)
    body = [
        "# 数据质量\n",
        para(
            "每份文件都应当自洽：九张表齐全、合计等于各项之和、各表之间一致、情况说明写的数字与表格一致、"
            "增减的方向和百分比与数字一致、科目名称正确、文字没有明显疏漏。"
            f"本站逐项核对所有文件，{summary_sentence(corpus_counts(corpus.datasets))}"
            "发现按文件原样公布，不作修改，并注明两边的数字、单位和出处（PDF 原件的页码可直接打开）。"
            f"每条规则的公式见{link('核对规则目录', DICTIONARY + '#audit-catalogue', page)}；"
            "核对结果可在数据下载中取得（<code>audit.csv</code>）。"
        ),
        "## 各文件排名\n",
        para("按错误数、再按提醒数从多到少排列。"),
        ranking(corpus.datasets, page),
        "## 发现\n",
        para("按类别筛选："),
        family_tabs(site, findings, datasets, page),
        "## 各类规则\n",
        family_table(corpus.datasets),
        "## 读取警告\n",
        para(
            "读取文件时遇到的版式问题（例如被分页截断的行、缺少的标签）。这些数字已读出，但值得对照原文。"
            f"{WARNINGS_IN_ENGLISH}"
        ),
        warning_table(site, corpus.combined.frame("warnings"), page),
    ]
    site.page(page, "数据质量", body)


def ranking(datasets: list[Dataset], page: str) -> str:
    rows = []
    for ds in datasets:
        c = document_counts(ds)
        rows.append((c["errors"], c["warnings"], ds, c))
    rows.sort(key=lambda r: (-r[0], -r[1], r[2].name))
    return unsearched(
        table(
            ["文件", "核对", "通过", "错误", "提醒", "读取警告"],
            (
                [
                    link(label(ds), document_page(ds), page),
                    str(c["checks"]),
                    str(c["passed"]),
                    str(c["errors"]),
                    str(c["warnings"]),
                    str(warning_count(ds)),
                ]
                for _, _, ds, c in rows
            ),
            [1, 2, 3, 4, 5],
        )
    )


def family_tabs(site: Site, findings: pd.DataFrame, datasets: dict, page: str) -> str:
    """Tabs (no script): all findings, then one tab per family."""
    parts = [("全部", findings)] + [
        (title, findings[findings["family"] == family]) for family, title in FAMILIES.items()
    ]
    return tabs(
        "findings",
        [
            (
                f"{title}（{len(part)}）",
                finding_list(site, part, datasets, page, with_document=True),
            )
            for title, part in parts
        ],
    )


def family_table(datasets: list[Dataset]) -> str:
    rows = []
    for family, title in FAMILIES.items():
        rules = [r for r in RULES if r.family == family]
        c = corpus_counts(datasets, family)
        rows.append([title, str(len(rules)), str(c["checks"]), str(c["errors"] + c["warnings"])])
    return table(["类别", "规则", "核对", "发现"], rows, [1, 2, 3])


def warning_table(site: Site, warnings: pd.DataFrame, page: str) -> str:
    if warnings.empty:
        return para("没有读取警告。")
    datasets = {ds.name: ds for ds in site.corpus.datasets}
    rows = []
    for w in warnings.to_dict("records"):
        ds = datasets.get(w["dataset_id"])
        place = site.cite(ds, w, page) if ds else esc(w["source_line"])
        name = label(ds) if ds else w["dataset_id"]
        rows.append([link(name, document_page_of(w), page), place, esc(w["message"])])
    return table(["文件", "出处", "说明"], rows)


def catalogue_section() -> list[str]:
    """The catalogue of checks on the data dictionary (anchor `audit-catalogue`)."""
    return [
        "## 核对规则目录 {#audit-catalogue}\n",
        para(
            "审核所用的每条规则。<code>check</code> 与核对结果（<code>audit.csv</code>）的同名列对应；"
            "同一目录也在每个数据包中（<code>audit_checks.csv</code>）。科目名称按年度的参考数据见合并数据包的"
            " <code>classification_names.csv</code>。"
        ),
        unsearched(
            table(
                ["规则", "类别", "严重程度", "名称", "公式", "适用模板"],
                (
                    [
                        f"<code>{r.check}</code>",
                        FAMILIES[r.family],
                        SEVERITIES[r.severity],
                        esc(r.title),
                        esc(r.formula),
                        "、".join(r.templates),
                    ]
                    for r in RULES
                ),
            )
        ),
    ]
