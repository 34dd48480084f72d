"""Reading original DOCX files: the DOCX versions of seeds 002–004 give the same data as their
text, and Word's merged cells and tables split by a page break read as extracted text does."""

from __future__ import annotations

import io
import shutil

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement

from budget_portal.extract.docx import extract_docx
from budget_portal.model import DocumentError, Paragraph, Row
from budget_portal.package.rows import audit_rows, budget_lines, table_rows
from budget_portal.read.pipeline import parse

from .conftest import SEEDS
from .fixtures.make_docx import FIXTURES, make_docx

WHERE = {"source_line", "source_lines", "source_page", "source_ref", "source_pages",
         "left_lines", "right_lines", "left_pages", "right_pages"}  # fmt: skip


def published(parsed) -> dict[str, list[dict]]:
    """Every resource of a parse, without the columns that say where a row was read."""
    out = {key: table.records() for key, table in parsed.tables.items()}
    out.update(parsed.sections)
    out.update(budget_lines=budget_lines(parsed), document_tables=table_rows(parsed))
    out["audit"] = audit_rows(parsed)
    # The reading report counts figures as each format prints them (a DOCX cell, a line of
    # text), so it is compared by what it says was read, not by its figure counts.
    del out["uncaptured_figures"]
    out["reading_report"] = [
        {k: r[k] for k in ("part_kind", "part", "part_status", "rows")}
        for r in out["reading_report"]
    ]
    return {
        k: [{f: v for f, v in r.items() if f not in WHERE} for r in rows] for k, rows in out.items()
    }


@pytest.mark.parametrize("number", ["002", "003", "004"])
def test_the_docx_of_a_seed_gives_the_data_of_its_text(tmp_path, number, seeds):
    text = SEEDS[number]
    original = tmp_path / f"{text.stem}.docx"
    shutil.copy(FIXTURES / original.name, original)
    from_docx = parse(original)
    assert (
        from_docx.doc.source_format == "docx" and from_docx.dataset_id == seeds[number].dataset_id
    )
    assert published(from_docx) == published(seeds[number])
    # The same warnings, but the DOCX has no provenance file beside it.
    assert [p.message for p in from_docx.doc.problems] == [
        f"no provenance file {text.stem}.yml; metadata read from the text",
        *(p.message for p in seeds[number].doc.problems),
    ]
    refs = [r.ref for r in from_docx.doc.records]
    assert all(ref.startswith(("paragraph ", "table ")) for ref in refs)
    assert len(set(refs)) == len(refs)


def test_the_fixtures_are_what_the_generator_makes():
    for number in ("002", "003", "004"):
        assert (FIXTURES / f"{SEEDS[number].stem}.docx").read_bytes() == make_docx(SEEDS[number])


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def header(row) -> None:
    """Mark a table row as a header Word repeats on every page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def test_merged_cells_read_as_one_cell_and_the_lower_part_of_a_vertical_merge_is_empty():
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    first = table.rows[0].cells
    first[0].text, first[1].text = "序号", "收入"
    first[1].merge(first[2])  # one cell across two columns
    first[3].text = "支出"
    below = table.rows[1].cells
    first[0].merge(below[0])  # 序号 spans two rows
    below[1].text, below[2].text, below[3].text = "项目", "预算数", "项目"
    cell = table.rows[2].cells[1]
    cell.paragraphs[0].text = "一、绩效目标"
    cell.add_paragraph("2、促进民生。")
    records = extract_docx(saved(document), "x.docx")
    assert [r.cells for r in records] == [
        ("序号", "收入", "支出"),
        ("", "项目", "预算数", "项目"),
        ("", "一、绩效目标\n2、促进民生。", "", ""),
    ]
    assert [r.ref for r in records] == ["table 1 row 1", "table 1 row 2", "table 1 row 3"]


def test_a_table_split_by_a_page_break_with_its_header_repeated_reads_as_one():
    document = docx.Document()
    document.add_paragraph("部门预算收入总表")
    for part, rows in enumerate(([["1", "合计", "5.00"]], [["2", "教育支出", "5.00"]])):
        if part:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        table = document.add_table(rows=1, cols=3)
        header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, ("序号", "科目名称", "合计"), strict=True):
            cell.text = text
        for values in rows:
            for cell, text in zip(table.add_row().cells, values, strict=True):
                cell.text = text
    document.add_paragraph("注：以上为收入预算。")
    records = extract_docx(saved(document), "x.docx")
    assert [r.cells if isinstance(r, Row) else r.text for r in records] == [
        "部门预算收入总表",
        ("序号", "科目名称", "合计"),
        ("1", "合计", "5.00"),
        ("2", "教育支出", "5.00"),  # the repeated header is gone
        "注：以上为收入预算。",
    ]
    assert isinstance(records[0], Paragraph) and records[0].ref == "paragraph 1"
    assert records[3].ref == "table 2 row 2"


def test_a_damaged_docx_is_named():
    with pytest.raises(DocumentError, match=r"^x.docx: damaged DOCX"):
        extract_docx(b"PK\x03\x04 not really a zip", "x.docx")
