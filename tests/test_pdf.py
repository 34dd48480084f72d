"""Reading original PDFs: each repair of the extractor on small inputs, the traps of the real
Shanghai files (docs/domain.md e), and PDFs that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_portal.build import build_data
from budget_portal.extract import extract, render
from budget_portal.extract.pdf import Line, paragraphs, regrid
from budget_portal.extract.text import text_records
from budget_portal.model import DocumentError, Paragraph, Row
from budget_portal.read.pipeline import parse

from .conftest import ROOT
from .pdfs import make_pdf, page_content, scanned_pdf

DOCUMENTS = ROOT / "documents"
DEPARTMENT = DOCUMENTS / "上海市普陀区商务委员会2025年部门预算.pdf"
UNIT = DOCUMENTS / "上海市普陀区商务委员会2025年单位预算.pdf"
WANLI = DOCUMENTS / "上海市普陀区人民政府万里街道办事处2024年部门预算.pdf"
CACHE = ROOT / "build" / "cache"  # extraction is keyed on the file's bytes: safe to share


def line(text, x0, x1, top):
    return Line(text, x0, x1, top, top + 12)


def test_wrapped_lines_join_and_indented_or_enumerated_lines_start_paragraphs():
    lines = [
        line("2025年，收入预算37,151.47万元，比2024年预算执行数增加", 82, 730, 120),
        line("24,558.18万元；事业收入0万元。", 58, 466, 135),  # at the margin after a full line
        line("支出预算37,151.47万元，其中：财政拨款支出预算", 82, 772, 149),  # indented
        line("三、实施主体", 58, 130, 164),  # at the margin, but an enumeration
        line("短的一行。", 58, 200, 179),
        line("不接在短行后面。", 58, 300, 194),  # the line above did not fill the width
    ]
    assert [p.text for p in paragraphs(lines)] == [
        "2025年，收入预算37,151.47万元，比2024年预算执行数增加24,558.18万元；事业收入0万元。",
        "支出预算37,151.47万元，其中：财政拨款支出预算",
        "三、实施主体",
        "短的一行。",
        "不接在短行后面。",
    ]


def test_a_continuation_with_merged_code_cells_is_put_back_on_its_grid():
    grid = [(57, 92), (92, 126), (126, 160), (160, 364), (364, 456), (456, 538)]
    lone = [(57, 364), (364, 456), (456, 538)]  # 合计 spans 类/款/项 and the name
    assert regrid(["合计", "156,211,123", "0"], lone, grid) == [
        "合计", "", "", "", "156,211,123", "0"]  # fmt: skip


def test_text_a_clip_path_hides_is_not_read_twice():
    """WPS draws 主要职能 on pages 3 and 4 and clips each copy (docs/domain.md e)."""
    records = extract(DEPARTMENT.read_bytes(), DEPARTMENT, CACHE).records
    texts = [r.text for r in records if isinstance(r, Paragraph)]
    assert sum(t.startswith("1、贯彻执行国家和本市") for t in texts) == 1
    item9 = next(r for r in records if isinstance(r, Paragraph) and r.text.startswith("9、"))
    after = records[records.index(item9) + 1]
    assert (item9.page, after.page) == (3, 4) and after.text.startswith("应急机制")


def test_the_extracted_text_reads_back_as_the_same_records():
    """`check --text` prints what the line numbers cite: it parses back to the records."""
    records = extract(WANLI.read_bytes(), WANLI, CACHE).records
    _, layout, again = text_records(render(records).encode(), WANLI)
    assert layout == "pdf-tsv" and again == records
    assert [r.page for r in records][:2] == [1, 1] and records[-1].page == 33


def test_a_lone_total_row_on_the_next_page_and_a_title_inside_the_grid(shanghai):
    total = shanghai["wanli"].tables["income"].records()[-1]  # page 15: 合计 | 156,211,123 | …
    assert (total["name"], total["code"], total["level"]) == ("合计", "", 0)
    assert (total["total"], total["fiscal_appropriation"], total["other"]) == (
        156211123,
        156211123,
        0,
    )
    assert shanghai["wanli"].doc.page_of(total["source_line"]) == 15
    appropriation = shanghai["unit"].tables["fiscal_appropriation_summary"]
    assert appropriation.title == "2025年预算单位财政拨款收支预算总表"  # a row of the grid
    assert shanghai["unit"].doc.page_of(appropriation.title_line) == 14


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (scanned_pdf(), "no text layer: its one page is an image"),
        (
            make_pdf([page_content([(72, 100, "abc")])], encrypted=True),
            "encrypted: the PDF needs a password",
        ),
        (b"%PDF-1.7\n 1 0 obj", "damaged or not a PDF"),
    ],
)
def test_pdfs_that_cannot_be_read_get_one_clear_message(tmp_path, raw, message):
    path = tmp_path / "doc.pdf"
    path.write_bytes(raw)
    with pytest.raises(DocumentError, match=rf"^{path}: {message}"):
        parse(path)


def test_a_pdf_that_is_not_a_budget_says_what_was_found(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([page_content([(72, 100, "2024年第三季度经济运行报告")])]))
    with pytest.raises(DocumentError) as error:
        parse(path)
    message = str(error.value)
    assert "not a budget document in any known template" in message
    assert "hebei: 0 of the nine tables" in message and "shanghai: 0 of the nine tables" in message
    assert "it begins '2024年第三季度经济运行报告'" in message


def test_a_bad_pdf_fails_alone_and_writes_nothing(tmp_path):
    documents, out = tmp_path / "documents", tmp_path / "out"
    documents.mkdir()
    (documents / "scan.pdf").write_bytes(scanned_pdf())
    (documents / UNIT.name).write_bytes(UNIT.read_bytes())
    report = build_data(documents, out)
    assert [e.split(": ", 1)[1] for e in report.errors] == [
        "no text layer: its one page is an image (a scan); OCR is not supported"
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "all",
        "shanghaishi-putuoqu-shangwuweiyuanhui-danwei-2025",
    ]


def test_extraction_is_cached_by_the_bytes_the_extractor_and_its_libraries(tmp_path):
    raw = make_pdf([page_content([(72, 100, "部门预算")])])
    first = extract(raw, Path("a.pdf"), tmp_path)
    (entry,) = (tmp_path / "extracted").iterdir()
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("部门预算", "缓存"), encoding="utf-8"
    )
    assert extract(raw, Path("b.pdf"), tmp_path).records[0].text == "缓存"  # read from the cache
    assert first.records == [Paragraph("部门预算", 1, 1)]
    assert isinstance(
        extract(b"1\t2\n", Path("t.txt"), tmp_path).records[0], Row
    )  # text: not cached
    assert len(list((tmp_path / "extracted").iterdir())) == 1


def sideways_copy(source: Path, pages: list[int], turn: int) -> bytes:
    """Those pages of a real PDF, each laid on its side (its /Rotate turned by `turn`)."""
    import io

    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    document.import_pages(pypdfium2.PdfDocument(source), pages)
    for page in document:
        page.set_rotation(turn)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("turn", [90, 270])
def test_a_page_whose_text_runs_sideways_is_read_upright_and_said_so(tmp_path, turn):
    """佛山's 收入支出决算总表 (three pages), laid on its side either way: the same rows as
    upright, and a warning naming the pages turned."""
    source = ROOT / "documents" / "guangdong-foshan-guidaojiaotongju-2019-final.pdf"
    upright = tmp_path / "upright.pdf"
    upright.write_bytes(sideways_copy(source, [4, 5, 6], 0))
    turned = tmp_path / "turned.pdf"
    turned.write_bytes(sideways_copy(source, [4, 5, 6], turn))
    plain, laid = extract(upright.read_bytes(), upright), extract(turned.read_bytes(), turned)
    assert [(type(r), getattr(r, "cells", None)) for r in laid.records] == [
        (type(r), getattr(r, "cells", None)) for r in plain.records
    ]
    assert plain.notes == []
    assert laid.notes == [
        "pages 1, 2, 3: the text ran sideways (a table turned on the page); read turned upright"
    ]
