"""Family `names`: a code printed with the same name everywhere in a document, and with its
name in the document's year.

The names of codes by year are reference data kept in the project
(`metadata/classification_names.csv`, with the source of each rename).  A code the reference
does not list is not checked by year (nothing is known against it); the names in one document
are still compared with each other.
"""

from __future__ import annotations

from collections import defaultdict

from ..metadata.classification import reference
from ..text import label_key, strip_numbering
from .check import Check, make_check
from .tables import Audit, coded_rows, table_title

NAMED_TABLES = (
    "income",
    "expenditure",
    "general_budget_expenditure",
    "basic_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
)


def reference_rows() -> list[dict]:
    """The reference as published (package `all`, resource `classification_names`)."""
    return [row for rows in reference().values() for row in rows]


def names_in(code: str, year: int) -> list[dict]:
    return [
        r
        for r in reference().get(code, [])
        if (not r["from_year"] or int(r["from_year"]) <= year)
        and (not r["to_year"] or year <= int(r["to_year"]))
    ]


def sightings(audit: Audit, items: list[dict]) -> dict[str, list[tuple[str, dict]]]:
    """Every place a code is printed with a name: the tables, then the narrative's items."""
    seen: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for key in NAMED_TABLES:
        for code, row in coded_rows(audit.rows.get(key, [])).items():
            seen[code].append((key, row))
    for item in items:
        if item.get("code") and item.get("name"):
            seen[item["code"]].append(("expenditure_items", item))
    return seen


def name_checks(audit: Audit, items: list[dict], year: int) -> list[Check]:
    checks = []
    for code, places in sorted(sightings(audit, items).items()):
        checks += same_name(code, places)
        checks += name_of_year(code, places, year)
    return checks


def place(table: str) -> str:
    return "情况说明" if table == "expenditure_items" else table_title(table)


def same_name(code: str, places: list[tuple[str, dict]]) -> list[Check]:
    (first_table, first), *others = places
    if not others:
        return []
    differing = [(t, r) for t, r in others if key(r["name"]) != key(first["name"])]
    return [
        make_check(
            "same_code_same_name",
            "同一科目编码在各表和叙述中名称相同",
            first_table,
            (f"{place(first_table)}：{first['name']}", None),
            ("；".join(f"{place(t)}：{r['name']}" for t, r in others), None),
            (first, *(r for _, r in others)),
            code=code,
            name=first["name"],
            unit="",
            agrees=not differing,
            message=f"科目 {code} 在文件中有不同的名称："
            + "；".join(
                f"{place(t)}印作“{r['name']}”" for t, r in [(first_table, first), *differing]
            )
            + "。",
        )
    ]


def name_of_year(code: str, places: list[tuple[str, dict]], year: int) -> list[Check]:
    """Each distinct name printed for a code the reference knows, against its name in `year`."""
    if code not in reference():
        return []
    if all(r["from_year"] and year < int(r["from_year"]) for r in reference()[code]):
        return []  # the reference knows the code only from a later year: its name then is unknown
    valid = names_in(code, year)
    expected = "、".join(f"“{r['name']}”" for r in valid) or "（该年度没有这一编码）"
    checks = []
    for name, (table, row) in {key(r["name"]): (t, r) for t, r in places}.items():
        agrees = any(key(r["name"]) == name for r in valid)
        other = next((r for r in reference()[code] if key(r["name"]) == name), None)
        when = f"（该名称见于{years(other)}，{other['source']}）" if other else ""
        checks.append(
            make_check(
                "names.code_name_by_year",
                f"科目名称是 {year} 年的名称",
                table,
                (f"{place(table)}：{code} {row['name']}", None),
                (f"{year} 年的名称：{expected}", None),
                (row,),
                code=code,
                name=row["name"],
                unit="",
                agrees=agrees,
                message=f"科目 {code} 在 {year} 年的名称是{expected}，{place(table)}印作“{row['name']}”{when}。",
            )
        )
    return checks


def key(name: str) -> str:
    return label_key(strip_numbering(name or ""))


def years(row: dict) -> str:
    start, end = row["from_year"], row["to_year"]
    if start and end:
        return f" {start}–{end} 年"
    return f" {end} 年及以前" if end else f" {start} 年起"
