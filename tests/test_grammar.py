"""The shared grammar of the narrative's numbered items (read/grammar.py), on the phrasings
documents print: every template reads them, a template adds its own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budget_portal.model import Document, Metadata, Paragraph
from budget_portal.read import grammar
from budget_portal.read.items import section_items
from budget_portal.read.sections import Section
from budget_portal.templates import TEMPLATES

ITEMS = [
    # 普陀 (a phrasing the first documents did not print): codes in the markers, no quotes
    ("1、公共安全支出（204类）司法（06款）行政运行（01项）1434.89万元。", 1,
     ["公共安全支出", "司法", "行政运行"], "2040601", Decimal("1434.89")),
    # quoted, hyphen-joined, a name with brackets of its own, 科目, separators
    ("2. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元", 2,
     ["一般公共服务支出", "政府办公厅（室）及相关机构事务", "行政运行"], "", Decimal("1202.95")),
    # quoted with empty markers (the first documents' form)
    ("3. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于…", 3,
     ["一般公共服务支出", "商贸事务", "行政运行"], "", Decimal("938.99")),
    # （三） numbering, 支出 before the amount, spaces (江苏)
    ("（三）社会保障和就业支出（类）支出 247.46 万元，主要用于…", 3,
     ["社会保障和就业支出"], "", Decimal("247.46")),
    # circled numbering, an amount in 元 (in 万元, exactly)
    ("③“教育支出（类）进修及培训（款）培训支出（项）”12,000元", 3,
     ["教育支出", "进修及培训", "培训支出"], "", Decimal("1.2")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "number", "names", "code", "amount"), ITEMS)
def test_an_item_is_read_whatever_its_numbering_path_and_unit(text, number, names, code, amount):
    match = grammar.item(text)
    assert match and grammar.item_number(match) == number
    path = grammar.path_names(match["quoted"] or match["marked"])
    assert [n.name for n in path] == names
    assert grammar.printed_code(path) == code
    assert grammar.amount_in_wan_yuan(match) == amount


@pytest.mark.parametrize(
    ("text", "direction", "percent", "amount"),
    [
        ("比2024年预算执行数减少57.14%", "减少", "57.14", None),
        ("比上年增长3.5%", "增长", "3.5", None),
        ("比上年预算数增加12.00万元", "增加", None, "12.00"),
        ("比2024年决算数持平", "持平", None, None),
    ],
)
def test_a_comparison_has_a_base_a_direction_and_an_amount_or_percent(
    text, direction, percent, amount
):
    match = grammar.COMPARISON.search(text)
    assert (match["direction"], match["percent"], match["amount"]) == (direction, percent, amount)


def test_a_heading_is_not_an_item_and_a_sentence_is_not_a_heading():
    assert grammar.is_heading("（四）一般公共预算支出情况")
    assert not grammar.is_heading("（三）社会保障和就业支出（类）支出 247.46 万元，主要用于…")
    assert not grammar.is_heading("一、本部门的收入包括财政拨款收入。其中：…")


def doc_of(lines: list[str]) -> tuple[Document, Section]:
    records = [Paragraph(text, n) for n, text in enumerate(lines, start=1)]
    meta = Metadata("x-2025", "某局", "某市", "", 2025, "万元")
    doc = Document(Path("x.pdf"), "", "", "pdf-tsv", records, meta)
    return doc, Section("overview", 0, "财政拨款支出主要内容", 1, records)


def test_the_shanghai_template_reads_every_phrasing_its_district_prints():
    """普陀's items in three forms: none is lost, whichever the document prints."""
    doc, section = doc_of([item for item, *_ in ITEMS[:3]])
    rows = section_items(doc, section, TEMPLATES["shanghai"].part("expenditure_items"))
    assert [(r["item_number"], r["name"], r["stated_amount"]) for r in rows] == [
        (1, "行政运行", Decimal("1434.89")),
        (2, "行政运行", Decimal("1202.95")),
        (3, "行政运行", Decimal("938.99")),
    ]
    assert rows[0]["code"] == "2040601"  # printed in its markers


def test_the_national_structure_reads_items_only_under_a_general_budget_heading():
    """A list of all funds' spending (三、支出预算情况说明) is not checked against the 一般公共预算
    table; the same list under （四）一般公共预算支出情况 is."""
    item = "（1）城乡社区支出（类）支出 842,090.31 万元，主要用于…"
    settings = TEMPLATES["national"].part("expenditure_items")
    doc, section = doc_of(["三、支出预算情况说明", item, "（四）一般公共预算支出情况", item])
    rows = section_items(doc, section, settings)
    assert [(r["source_line"], r["stated_amount"]) for r in rows] == [(4, Decimal("842090.31"))]
