"""Step 2h: the numbered items of 财政拨款支出主要内容 (docs/domain.md e), with the code of each.

`1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于…。2023年当年
预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：…`

The narrative names a function by its 类/款/项 names, not its code: the code is the one whose
names the document's own tables print (支出总表, 一般公共预算支出表, 收入总表).  An item whose
names no table prints keeps an empty code, with a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from ..model import Document, Paragraph
from ..templates import Template
from ..templates.parts import ExpenditureItems
from ..text import label_key
from . import grammar
from .sections import Section, join_page_breaks
from .tables import Table

FUNCTIONAL_TABLES = ("expenditure", "general_budget_expenditure", "income")


def expenditure_item_rows(doc: Document, sections: list[Section], template: Template) -> list[dict]:
    items: ExpenditureItems | None = template.part("expenditure_items")
    if items is None:
        return []
    chosen = [s for s in sections if s.key == items.section] if items.section else sections
    rows = []
    noise = re.compile(template.page_noise)
    for section in chosen[:1] if items.section else chosen:
        rows += section_items(doc, section, items, noise)
    return rows


NO_NOISE = re.compile(r"(?!)")


def section_items(
    doc: Document, section: Section, items: ExpenditureItems, noise: re.Pattern = NO_NOISE
) -> list[dict]:
    """The numbered items of one section (paragraphs cut by a page joined), read with the
    shared grammar (read/grammar.py) and the template's own phrasings."""
    rows = []
    scope = re.compile(items.scope_pattern) if items.scope_pattern else None
    headings = [section.title]  # the section's title, then the headings above the paragraph
    paragraphs = [r for r in section.records if isinstance(r, Paragraph)]
    prose = [(t, lines) for t, lines in join_page_breaks(paragraphs, noise) if not noise.match(t)]
    for text, lines in heads_joined(prose, items):
        if grammar.is_heading(text):
            # 五、 ends the headings under the last 一、; （三） only the last （二）
            depth = 1 if text[:1] not in "（(" else 2
            headings = [*headings[:depth], text]
            continue
        if scope and not any(scope.search(h) for h in headings):
            continue  # items of other spending (all funds, 政府性基金): not these checks'
        outturn = grammar.OUTTURN.search(text)
        match = grammar.item(text, items.regex("item")) or (outturn and grammar.HEAD.match(text))
        if not match:
            continue
        path = match.groupdict().get("path") or match["quoted"] or match["marked"]
        names = grammar.path_names(path)
        row = {
            "dataset_id": doc.metadata.dataset_id,
            "item_number": grammar.item_number(match),
            "code": grammar.printed_code(names),
            "name": names[-1].name if names else "",
            "function_names": path,
            "completion_percent": None,
            "source_line": lines[0],
        }
        row |= spent_against_budget(outturn, text) if outturn else budget_item(match, text, items)
        purpose = items.regex("purpose").search(text)
        row["purpose"] = purpose["text"].strip() if purpose else ""
        rows.append(row)
    return rows


def heads_joined(
    paragraphs: list[tuple[str, list[int]]], items: ExpenditureItems
) -> list[tuple[str, list[int]]]:
    """An item's number and path whose figures are in the paragraph after it (`9、卫生健康支出
    （类）…（项）。主要用于：` / `在职人员基本医疗保险费。年初预算为…`) joined to that paragraph."""
    out: list[tuple[str, list[int]]] = []
    for text, lines in paragraphs:
        follows = not grammar.HEAD.match(text) and not grammar.is_heading(text)
        if out and follows and is_bare_head(out[-1][0], items):
            out[-1] = (out[-1][0] + text, [*out[-1][1], *lines])
            continue
        out.append((text, lines))
    return out


def is_bare_head(text: str, items: ExpenditureItems) -> bool:
    return bool(
        grammar.HEAD.match(text)
        and not grammar.item(text, items.regex("item"))
        and not grammar.OUTTURN.search(text)
    )


def budget_item(match: re.Match, text: str, items: ExpenditureItems) -> dict:
    """A 预算's item: its amount, last year's figure, the change and its reason."""
    previous = items.regex("previous").search(text)
    restated = items.regex("restated").search(text)
    change = items.regex("change").search(text) or grammar.COMPARISON.search(text)
    direction = grammar.DIRECTIONS.get(change["direction"], "") if change else ""
    percent = Decimal(change["percent"]) if change and change["percent"] else None
    if percent is not None and direction == "减少":
        percent = -percent
    reason = items.regex("reason").search(text)
    return {
        "stated_amount": grammar.amount_in_wan_yuan(match),
        "previous_label": previous["label"] if previous else "",
        "previous_amount": amount(previous["amount"]) if previous else None,
        "restated_amount": amount(restated["amount"]) if restated else None,
        "change_direction": direction,
        "change_percent": percent,
        "reason": reason["text"].strip() if reason else "",
    }


def spent_against_budget(outturn: re.Match, text: str) -> dict:
    """A 决算's item: what was spent, against the year's budget (the base of its comparison),
    the share of the budget stated and why the two differ."""
    compared = grammar.OUTTURN_REASON.search(text, outturn.end())
    return {
        "stated_amount": amount(outturn["spent"]),
        "previous_label": "年初预算",
        "previous_amount": amount(outturn["budget"]),
        "restated_amount": None,
        "change_direction": grammar.COMPARED[compared["compared"]] if compared else "",
        "change_percent": None,
        "completion_percent": Decimal(outturn["rate"]) if outturn["rate"] else None,
        "reason": compared["text"].strip() if compared else "",
    }


def amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def resolve_codes(
    rows: list[dict], tables: dict[str, Table], doc: Document, template: Template
) -> None:
    """Each item's code, from the path of names the document's tables print for it."""
    if not rows:
        return
    paths = names_to_codes(tables)
    for row in rows:
        if row["code"]:
            continue  # its markers print it (204类 06款 01项)
        names = tuple(name_key(n.name) for n in grammar.path_names(row["function_names"]))
        row["code"] = paths.get(names, "") or paths.get((names[0], names[-1]), "") if names else ""
        if not row["code"]:
            doc.warn(
                f"expenditure item {row['item_number']}: no table prints the function "
                f"{row['function_names']!r}; its code is left empty",
                row["source_line"],
            )


def names_to_codes(tables: dict[str, Table]) -> dict[tuple[str, ...], str]:
    """(类 name, 款 name, 项 name) → code, and the shorter paths, from the coded tables."""
    names: dict[str, str] = {}
    by_role = {table.spec.role: table for table in tables.values()}
    for key in FUNCTIONAL_TABLES:
        for row in by_role[key].records() if key in by_role else ():
            if row.get("code"):
                names.setdefault(row["code"], name_key(row["name"]))
    paths: dict[tuple[str, ...], str] = {}
    ends: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code in names:
        parts = [code[:n] for n in (3, 5, 7) if len(code) >= n]
        if all(p in names for p in parts):
            paths[tuple(names[p] for p in parts)] = code
            if len(parts) == 3:
                ends[(names[parts[0]], names[code])].add(code)
    # A 项 named under its 类 where the narrative gives its 款 another (an older) name: by the
    # 类 and the 项 alone, when only one code fits them.
    paths |= {
        end: codes.pop() for end, codes in ends.items() if len(codes) == 1 and end not in paths
    }
    return paths


def name_key(name: str) -> str:
    """A function's name for comparison: the narrative may drop a name's 支出 (一般公共服务（类）)."""
    return label_key(name).removesuffix("支出")
