"""The contract every template keeps (run over every template in `TEMPLATES`).

* It has a fixture (tests/fixtures/templates/<name>.yml) whose real document it is chosen for.
* Every published field of the nine tables is printed, derived or declared absent (checked
  when the template loads; here, that a bad template is refused).
* A document rendered from the template's own definitions — its titles, header labels, code
  layout, cover — parses back to the rows rendered, with no warning.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from budget_portal.read.pipeline import parse, read_document
from budget_portal.read.tables import SPEC_BY_KEY
from budget_portal.templates import TEMPLATES, Column, TableLayout, Template
from budget_portal.templates.hebei import HEBEI

from .conftest import ROOT
from .render import body, example, header

FIXTURES = Path(__file__).parent / "fixtures" / "templates"
NAMES = sorted(TEMPLATES)


def fixture(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.yml").read_text(encoding="utf-8"))


def test_every_template_has_a_fixture():
    assert sorted(p.stem for p in FIXTURES.glob("*.yml")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_a_real_document_of_the_template_is_read_with_it(name):
    doc = read_document(ROOT / fixture(name)["document"], ROOT / "build" / "cache")
    assert (doc.template, doc.metadata.dataset_id) == (name, fixture(name)["dataset_id"])


@pytest.mark.parametrize("name", NAMES)
def test_the_sections_of_a_template_read_its_own_document(name):
    """Its section rules find the sections it requires (and some section at all), and the
    parts it sets read rows there: a template whose rules match nothing fails here."""
    parsed = parse(ROOT / fixture(name)["document"], ROOT / "build" / "cache")
    report = parsed.sections["reading_report"]
    found = {r["part"] for r in report if r["part_kind"] == "section"}
    template = TEMPLATES[name]
    assert found and set(template.required_sections) <= found, sorted(found)
    parts = [p for p in template.parts if p in parsed.sections]
    assert not parts or any(parsed.sections[p] for p in parts), (name, parts)
    assert parsed.sections["narrative"]


def test_a_template_naming_a_role_or_part_no_reader_knows_is_refused():
    with pytest.raises(ValueError, match="unknown summary row role"):
        dataclasses.replace(HEBEI, summary_rows={"income_grand_totl": ("收入总计",)})
    with pytest.raises(ValueError, match="unknown part"):
        dataclasses.replace(HEBEI, parts={**HEBEI.parts, "procurment": HEBEI.part("procurement")})
    with pytest.raises(ValueError, match="unknown 三公 row key"):
        dataclasses.replace(HEBEI, three_public_rows=(("abroard", "因公出国"),))


def test_a_template_with_a_bad_setting_is_refused_when_it_loads():
    with pytest.raises(ValueError, match="not a field of the table"):
        TableLayout("income", ("收入总表",), "numbered", (Column("nonsense", "合计"),))
    with pytest.raises(ValueError, match=r"not accounted for: .*'total'"):
        TableLayout("expenditure", ("支出总表",), "numbered", (Column("code", "科目编码"),))
    with pytest.raises(re.error):
        TableLayout("three_public", ("(unclosed",), "across", absent=())
    with pytest.raises(ValueError, match="needs a layout for each table of a budget"):
        dataclasses.replace(HEBEI, tables=HEBEI.tables[:8])


# --- a document rendered from the template ---------------------------------------------------


CODES = {
    "functional": [("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
                   ("2080505", "机关事业单位基本养老保险缴费支出")],
    "economic": [("301", "工资福利支出"), ("30101", "基本工资")],
}  # fmt: skip
SIDES = {"income_name": "一、一般公共预算拨款收入", "expenditure_name": "八、社会保障和就业支出"}


def amount(row: int, column: int) -> str:
    return f"{row + 1}{column}.{row}{column}"


def rendered_rows(layout: TableLayout) -> list[dict]:
    """The rows a rendered table holds: field → printed text."""
    spec = SPEC_BY_KEY[layout.key]
    if spec.kind == "coded":
        codes = [("", "合计"), *CODES[spec.classification]]
        return [
            {"code": code, "name": name}
            | {c.field: amount(i, j) for j, c in enumerate(layout.canonical_columns) if c.field not in ("code", "name")}
            for i, (code, name) in enumerate(codes)
        ]  # fmt: skip
    if spec.kind == "two_sided":
        return [
            {
                c.field: SIDES.get(c.field, amount(i, j))
                for j, c in enumerate(layout.canonical_columns)
            }
            for i in range(2)
        ]
    if layout.header == "across":
        fields = [p.field for p in layout.phases] or ["total"]
        return [
            {"name": example(item.label)} | {f: amount(k, j) for k, f in enumerate(fields)}
            for j, item in enumerate(layout.items)
        ]
    return [
        {"name": "一、因公出国（境）费"}
        | {c.field: amount(0, j) for j, c in enumerate(layout.canonical_columns[1:], 1)}
    ]


def render_table(layout: TableLayout, template: Template, unit_line: str) -> list[str]:
    rows = [*header(layout, template), *body(layout, rendered_rows(layout))]
    return [example(layout.titles[0]), unit_line, *("\t".join(r) for r in rows)]


@pytest.mark.parametrize("name", NAMES)
def test_a_document_rendered_from_the_template_parses_back(tmp_path, name):
    template, setting = TEMPLATES[name], fixture(name)
    lines = list(setting["cover"])
    for layout in template.tables:
        lines += render_table(layout, template, setting["unit_line"])
    path = tmp_path / "rendered.txt"
    path.write_text("\n".join([*lines, "以上为预算表。"]) + "\n", encoding="utf-8")
    parsed = parse(path)
    assert parsed.doc.template == name
    assert [p.message for p in parsed.doc.problems] == [
        "no provenance file rendered.yml; metadata read from the text"
    ]
    for layout in template.tables:
        table = parsed.tables[layout.key]
        read = table.records()
        expected = rendered_rows(layout)
        assert len(read) == len(expected), layout.key
        for got, want in zip(read, expected, strict=True):
            for field, text in want.items():
                value = got[field]
                assert (str(value) if isinstance(value, Decimal) else value) == text, (
                    layout.key,
                    field,
                )
        assert set(table.printed) - {"row_number"} == set(layout.printed), layout.key
