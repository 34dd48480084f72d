"""Step 2f: figures stated in the narrative (docs/domain.md b.16), kept apart from the tables.

Every `N万元` / `N万` (and `N%` after 增加/减少, and the other units the template's narrative
uses: 辆, 个, …) in the template's figure sections becomes a figure with the label printed
before it, a stable key, the sentence and the line.  A decrease (`减少X万元`) is a negative
change; a template that says `持平` after a figure states a change of 0.  Keys name what the
figure is (`overview.income_total`, `three_public.change_total`) by the template's rules; a
label no rule knows keeps a numbered key in its section, so nothing printed is dropped.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ..model import Document
from ..templates import FigureRule, Template

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CLAUSE_BREAK = re.compile(r"[，,；;：:。、]")
_MARKER = re.compile(r"^([（(][一二三四五六七八九十\d]+[)）]|\d+、|[①②③④⑤⑥⑦⑧⑨⑩])")
_CHANGE = re.compile(r"(增加了?|增长了?|减少了?|下降了?)$")
_DECREASE = ("减少", "下降")
MONEY = ("万元", "万")  # a figure in 万 is in 万元


@functools.lru_cache(maxsize=8)
def figure_pattern(units: tuple[str, ...], flat: bool) -> re.Pattern:
    """A figure: a number with one of `units`, a percentage, or a bare number before 资金;
    `N万元（含）以上` is a threshold, not a figure; `持平` (when `flat`) states no change."""
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    figure = (
        rf"(?P<number>{_NUMBER})\s*(?:(?P<unit>{alternatives})|(?P<pct>%)|(?P<bare>(?=资金)))"
        r"(?P<threshold>(?:[（(]含[)）])?以上)?"
    )
    return re.compile(figure + (r"|(?P<flat>持平)" if flat else ""))


def clause_label(text: str, start: int, floor: int) -> str:
    """The words printed right before a figure, back to punctuation or the previous figure."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    begin = max(breaks[-1].end() if breaks else 0, floor)
    label = re.sub(r"^(和|及|其中|包括|分别为|主要为|主要是)", "", before[begin:].strip()).strip()
    return _MARKER.sub("", label).strip()


def figure_key(rules: tuple[FigureRule, ...], section: str, label: str, sentence: str) -> str:
    for rule in rules:
        if (
            rule.section == section
            and re.search(rule.label, label)
            and (not rule.sentence or re.search(rule.sentence, sentence))
        ):
            return rule.key
    return ""


def sentences(text: str):
    start = 0
    for match in re.finditer(r"[。！？]", text):
        yield text[start : match.end()], start
        start = match.end()
    if start < len(text):
        yield text[start:], start


def figure_rows(doc: Document, narrative: list[dict], template: Template) -> list[dict]:
    pattern = figure_pattern(tuple(template.figure_units), template.stated_flat)
    rules = template.figure_rules
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for paragraph in narrative:
        section = paragraph["section"]
        if section not in template.figure_sections:
            continue
        paragraph_key = (
            ""  # the last figure of the paragraph: what a 持平 opening a sentence is about
        )
        subject = ""  # the paragraph's first figure: what a change with no figure before it is of
        for sentence, _ in sentences(paragraph["text"]):
            last_key, floor = "", 0
            for match in pattern.finditer(sentence):
                if match["threshold"] or (
                    match["bare"] is not None and not match["number"].isdigit()
                ):
                    continue
                label = clause_label(sentence, match.start(), floor)
                floor = match.end()
                if match.groupdict().get("flat"):
                    value, unit = Decimal(0), ""
                    key = f"change_{last_key or paragraph_key or 'total'}"
                else:
                    value = Decimal(match["number"].replace(",", ""))
                    unit = (
                        "%"
                        if match["pct"]
                        else (
                            "万元"
                            if match["bare"] is not None or match["unit"] in MONEY
                            else match["unit"]
                        )
                    )
                    change = _CHANGE.search(label)
                    key = figure_key(
                        rules, section, _CHANGE.sub("", label) if change else label, sentence
                    )
                    if change:
                        if any(word in change.group(1) for word in _DECREASE):
                            value = -value
                        key = key or last_key or subject or "item"
                        last_key = key
                        key = f"change_{key}" + ("_percent" if match["pct"] else "")
                    elif match["pct"]:
                        continue  # a share, not a figure of the budget
                    if match["bare"] is not None:
                        doc.warn(
                            f"narrative figure {match['number']} printed without 万元; read as 万元",
                            paragraph["source_line"],
                        )
                    if not change:  # a change after it is its change (an item's: numbered)
                        last_key = paragraph_key = key or "item"
                        subject = subject or last_key
                key = f"{section}.{key or 'item'}"
                seen[key] = seen.get(key, 0) + 1
                numbered = seen[key] > 1 or key.endswith("item")
                unique = f"{key}_{seen[key]}" if numbered else key
                rows.append(
                    {
                        "dataset_id": doc.metadata.dataset_id,
                        "figure_key": unique,
                        "section": section,
                        "label": label,
                        "figure_value": value,
                        "figure_unit": unit,
                        "sentence": sentence.strip(),
                        "source_line": paragraph["source_line"],
                    }
                )
    return rows
