"""Step 2f: figures stated in the narrative (DOMAIN.md b.16), kept apart from the tables.

Every `N万元` / `N万` (and `N%` after 增加/减少) in sections 二, 三, 四, 六, 七 and 九 becomes a
figure with the label printed before it, a stable key, the sentence and the line.  A decrease
(`减少X万元`) is a negative change.  Keys name what the figure is (`overview.income_total`,
`three_public.change_total`); a label no rule knows keeps a numbered key in its section, so
nothing printed is dropped.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Document

SECTIONS = ("overview", "operating_costs", "three_public", "procurement", "assets", "other")
_FIGURE = re.compile(
    r"(?P<number>\d+(?:\.\d+)?)\s*(?:(?P<wan>万元|万)|(?P<pct>%)|(?P<bare>(?=资金)))"
)
_CLAUSE_BREAK = re.compile(r"[，,；;：:。、]")
_MARKER = re.compile(r"^([（(][一二三四五六七八九十\d]+[)）]|\d+、|[①②③④⑤⑥⑦⑧⑨⑩])")
_CHANGE = re.compile(r"(增加了?|增长了?|减少了?|下降了?)$")
_DECREASE = ("减少", "下降")

# (section, pattern on the label, key); the first match wins.
RULES = (
    ("overview", r"^(\d{4}年)?(部门)?预算收入$", "income_total"),
    ("overview", r"一般公共预算(拨款)?收入$", "income_general_budget"),
    ("overview", r"(政府性?|^)基金(预算)?收入$", "income_government_fund"),
    ("overview", r"国有资本经营(预算)?(拨款)?收入$", "income_state_capital"),
    ("overview", r"财政专户(核拨|拨款)?收入$", "income_fiscal_special_account"),
    ("overview", r"单位资金收入$", "income_unit_funds"),
    ("overview", r"其他来源收入$", "income_other_sources"),
    ("overview", r"上年结转结余$", "income_carryover"),
    ("overview", r"支出预算(为)?$", "expenditure_total"),
    ("overview", r"预算收支安排$", "total_arranged"),
    ("overview", r"基本支出$", "basic"),
    ("overview", r"人员经费$", "personnel"),
    ("overview", r"公用经费$", "public"),
    ("overview", r"项目支出$", "project"),
    ("operating_costs", r"机关运行经费(共计)?(安排)?$", "total"),
    ("three_public", r"三公.?经费.*(安排|预算)$", "total"),
    ("three_public", r"因公出国.境.费.*$", "abroad"),
    ("three_public", r"公务用车购置及运(行)?维(护)?费(支出)?$", "vehicles"),
    ("three_public", r"公务用车购置(费|支出)(为)?$", "vehicle_purchase"),
    ("three_public", r"公务用车运(行)?(维护)?(维)?费(支出)?$", "vehicle_operation"),
    ("three_public", r"公务接待费(支出)?$", "reception"),
    ("procurement", r"(政府采购预算|零星采购)$", "total"),
    ("assets", r"年末固定资产金额为$", "total"),
    ("assets", r"(拟购置固定资产总额为|拟零星购置)$", "planned_purchases"),
    ("other", r"国有资本经营预算收支安排$", "state_capital_total"),
)


def clause_label(text: str, start: int, floor: int) -> str:
    """The words printed right before a figure, back to punctuation or the previous figure."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    begin = max(breaks[-1].end() if breaks else 0, floor)
    label = re.sub(r"^(和|及|其中|包括|分别为|主要为|主要是)", "", before[begin:].strip()).strip()
    return _MARKER.sub("", label).strip()


def figure_key(section: str, label: str) -> str:
    for rule_section, pattern, key in RULES:
        if rule_section == section and re.search(pattern, label):
            return key
    return ""


def sentences(text: str):
    start = 0
    for match in re.finditer(r"[。！？]", text):
        yield text[start : match.end()], start
        start = match.end()
    if start < len(text):
        yield text[start:], start


def figure_rows(doc: Document, narrative: list[dict]) -> list[dict]:
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for paragraph in narrative:
        section = paragraph["section"]
        if section not in SECTIONS:
            continue
        for sentence, _ in sentences(paragraph["text"]):
            last_key, floor = "", 0
            for match in _FIGURE.finditer(sentence):
                if match["bare"] is not None and not match["number"].isdigit():
                    continue
                label = clause_label(sentence, match.start(), floor)
                floor = match.end()
                value = Decimal(match["number"])
                change = _CHANGE.search(label)
                base = _CHANGE.sub("", label) if change else label
                key = figure_key(section, base)
                if change:
                    if any(word in change.group(1) for word in _DECREASE):
                        value = -value
                    key = key or last_key or "total"
                    last_key = key
                    key = f"change_{key}" + ("_percent" if match["pct"] else "")
                elif match["pct"]:
                    continue  # a share, not a figure of the budget
                if match["bare"] is not None:
                    doc.warn(
                        f"narrative figure {match['number']} printed without 万元; read as 万元",
                        paragraph["source_line"],
                    )
                if not change:
                    last_key = key
                key = f"{section}.{key or 'item'}"
                seen[key] = seen.get(key, 0) + 1
                numbered = seen[key] > 1 or key.endswith(".item")
                unique = f"{key}_{seen[key]}" if numbered else key
                rows.append(
                    {
                        "dataset_id": doc.metadata.dataset_id,
                        "figure_key": unique,
                        "section": section,
                        "label": label,
                        "figure_value": value,
                        "figure_unit": "%" if match["pct"] else "万元",
                        "sentence": sentence.strip(),
                        "source_line": paragraph["source_line"],
                    }
                )
    return rows
