"""Step 2h: the numbered items of 财政拨款支出主要内容 (docs/domain.md e), with the code of each.

`1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于…。2023年当年
预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：…`

The narrative names a function by its 类/款/项 names, not its code: the code is the one whose
names the document's own tables print (支出总表, 一般公共预算支出表, 收入总表).  An item whose
names no table prints keeps an empty code, with a warning.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Document, Paragraph
from ..templates import Template
from ..templates.parts import ExpenditureItems
from ..text import clean_label, label_key
from . import grammar
from .sections import Section
from .tables import Table

FUNCTIONAL_TABLES = ("expenditure", "general_budget_expenditure", "income")


def expenditure_item_rows(doc: Document, sections: list[Section], template: Template) -> list[dict]:
    items: ExpenditureItems | None = template.part("expenditure_items")
    if items is None:
        return []
    chosen = [s for s in sections if s.key == items.section] if items.section else sections
    rows = []
    for section in chosen[:1] if items.section else chosen:
        rows += section_items(doc, section, items)
    return rows


def section_items(doc: Document, section: Section, items: ExpenditureItems) -> list[dict]:
    """The numbered items of one section, read with the shared grammar (read/grammar.py) and
    the template's own phrasings."""
    rows = []
    scope = re.compile(items.scope_pattern) if items.scope_pattern else None
    heading = section.title
    for record in section.records:
        if not isinstance(record, Paragraph):
            continue
        text = clean_label(record.text)
        if grammar.is_heading(text):
            heading = text
            continue
        if scope and not (scope.search(section.title) or scope.search(heading)):
            continue  # items of other spending (all funds, 政府性基金): not these checks'
        if not (match := grammar.item(text, items.regex("item"))):
            continue
        path = match.groupdict().get("path") or match["quoted"] or match["marked"]
        names = grammar.path_names(path)
        previous = items.regex("previous").search(text)
        restated = items.regex("restated").search(text)
        change = items.regex("change").search(text) or grammar.COMPARISON.search(text)
        direction = grammar.DIRECTIONS.get(change["direction"], "") if change else ""
        percent = Decimal(change["percent"]) if change and change["percent"] else None
        if percent is not None and direction == "减少":
            percent = -percent
        purpose, reason = items.regex("purpose").search(text), items.regex("reason").search(text)
        rows.append(
            {
                "dataset_id": doc.metadata.dataset_id,
                "item_number": grammar.item_number(match),
                "code": grammar.printed_code(names),
                "name": names[-1].name if names else "",
                "function_names": path,
                "stated_amount": grammar.amount_in_wan_yuan(match),
                "previous_label": previous["label"] if previous else "",
                "previous_amount": amount(previous["amount"]) if previous else None,
                "restated_amount": amount(restated["amount"]) if restated else None,
                "change_direction": direction,
                "change_percent": percent,
                "purpose": purpose["text"].strip() if purpose else "",
                "reason": reason["text"].strip() if reason else "",
                "source_line": record.line,
            }
        )
    return rows


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
        names = tuple(label_key(n.name) for n in grammar.path_names(row["function_names"]))
        row["code"] = paths.get(names, "")
        if not row["code"]:
            doc.warn(
                f"expenditure item {row['item_number']}: no table prints the function "
                f"{row['function_names']!r}; its code is left empty",
                row["source_line"],
            )


def names_to_codes(tables: dict[str, Table]) -> dict[tuple[str, ...], str]:
    """(类 name, 款 name, 项 name) → code, and the shorter paths, from the coded tables."""
    names: dict[str, str] = {}
    for key in FUNCTIONAL_TABLES:
        for row in tables[key].records() if key in tables else ():
            if row.get("code"):
                names.setdefault(row["code"], label_key(row["name"]))
    paths = {}
    for code in names:
        parts = [code[:n] for n in (3, 5, 7) if len(code) >= n]
        if all(p in names for p in parts):
            paths[tuple(names[p] for p in parts)] = code
    return paths
