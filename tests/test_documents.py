import codecs
from pathlib import Path

import pytest

from budget_portal.extract.text import decode, detect_layout, docx_records
from budget_portal.model import DocumentError, Paragraph, Row
from budget_portal.read.metadata import jurisdiction_of, slug
from budget_portal.read.pipeline import read_document

from .conftest import NARRATIVE, PREAMBLE, tsv

P = Path("x.txt")


def test_decode_utf8_bom_crlf_and_gb18030():
    text = "部门预算收支总表\r\n预算年度：2023\r\n"
    assert decode(text.encode(), P) == ("部门预算收支总表\n预算年度：2023\n", "utf-8")
    assert decode(codecs.BOM_UTF8 + text.encode(), P)[1] == "utf-8-sig"
    decoded, encoding = decode(text.encode("gb18030"), P)
    assert (decoded, encoding) == ("部门预算收支总表\n预算年度：2023\n", "gb18030")


@pytest.mark.parametrize("raw", [b"", b"  \n\n"])
def test_decode_empty_file_is_an_error_naming_it(raw):
    with pytest.raises(DocumentError, match=r"^x.txt: the file is empty"):
        decode(raw, P)


def test_decode_binary_names_the_line():
    with pytest.raises(DocumentError, match=r"x.txt:2: binary data"):
        decode(b"ok\n\x00\x01", P)


def test_layouts_are_told_apart():
    assert detect_layout(["1\t合计\t3.00", "2\t教育\t1.00", "标题"]) == "pdf-tsv"
    assert detect_layout(["\t序号", "\t合计", "", "\t1"]) == "docx-cells"
    assert detect_layout(["只有段落"]) == "plain"


def test_docx_cells_group_into_rows_and_cells_continue_on_untabbed_lines():
    lines = [
        " [bookmark: _Toc1]部门预算收支总表",
        "\t序号",
        "\t收入",
        "",
        "\t绩效目标",
        "\t1、落实各项就业政策。",
        "2、促进民生，维护社会稳定。",  # second paragraph of the same cell (c.8b)
        "",
        " \t促进就业政策及管理",  # a cell line starting with a space (c.8e)
        "\t",  # a lone tab is an empty cell (c.8f)
        "\t15954.89",
        " 99",  # a stray page number is not part of the cell (c.10)
        "[bookmark: _Toc2]部门预算收入总表",
    ]
    assert docx_records(lines) == [
        Paragraph(" [bookmark: _Toc1]部门预算收支总表", 1),
        Row(("序号", "收入"), 2),
        Row(("绩效目标", "1、落实各项就业政策。\n2、促进民生，维护社会稳定。"), 5),
        Row(("促进就业政策及管理", "", "15954.89"), 9),
        Paragraph(" 99", 12),
        Paragraph("[bookmark: _Toc2]部门预算收入总表", 13),
    ]


@pytest.mark.parametrize(
    ("agency", "jurisdiction", "ascii"),
    [
        ("邯郸市人社局", "邯郸市", "handanshi"),
        ("赵县人力资源和社会保障局", "赵县", "zhaoxian"),
        ("承德市双桥区人力资源和社会保障局", "承德市双桥区", "chengdeshi-shuangqiaoqu"),
        ("曲阳县人力资源和社会保障局", "曲阳县", "quyangxian"),
    ],
)
def test_jurisdiction_and_its_url_slug(agency, jurisdiction, ascii):
    assert jurisdiction_of(agency) == jurisdiction
    assert slug(jurisdiction) == ascii


def test_metadata_from_the_text_with_split_budget_year(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "323 赵县人力资源和社会保障局\n\n预算年\n度：2024\n\n单位：万元\n"
        "赵县人力资源和社会保障局 2024 年部门预算信息公开情况说明\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    m = doc.metadata
    assert (m.agency, m.jurisdiction, m.department_code, m.year, m.unit) == (
        "赵县人力资源和社会保障局",
        "赵县",
        "323",
        2024,
        "万元",
    )
    assert m.dataset_id == "zhaoxian-323-2024"
    assert any("no provenance file a.yml" in p.message for p in doc.problems)


def test_agency_on_the_line_before_a_title_without_it(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text(
        "[bookmark: _GoBack]      曲阳县人力资源和社会保障局\n"
        "2020年部门预算信息公开情况说明\n367人\n",
        encoding="utf-8",
    )
    m = read_document(path).metadata
    assert (m.agency, m.year, m.department_code) == ("曲阳县人力资源和社会保障局", 2020, "")


def test_provenance_is_read_dates_stay_strings_and_sha_is_checked(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(PREAMBLE + NARRATIVE, encoding="utf-8")
    (tmp_path / "c.yml").write_text(
        "publisher: 邯郸市人力资源和社会保障局\nretrieved: 2024-03-01\nsha256: abc\n"
        "dataset_id: handan-renshe-2023\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.metadata.retrieved == "2024-03-01"
    assert doc.metadata.publisher == "邯郸市人力资源和社会保障局"
    assert doc.metadata.dataset_id == "handan-renshe-2023"
    assert [p.message for p in doc.problems] == [
        "sha256 differs from the provenance file: the document changed since"
    ]


def test_not_a_budget_document(tmp_path):
    path = tmp_path / "novel.txt"
    path.write_text("从前有座山，山里有座庙。\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"novel.txt: not a budget document"):
        read_document(path)


def test_a_table_keeps_its_printed_unit_and_an_unknown_unit_is_refused(read):
    table = (
        "部门预算财政拨款“三公”经费支出表\n"
        + PREAMBLE.replace("万元", "{}")
        + tsv(
            ["序号", "项目", "资金性质"],
            ["栏次", "1", "2", "3", "4", "5"],
            [1, "合计", "1", "1", "", ""],
        )
    )
    parsed = read(table.format("元") + NARRATIVE)
    assert parsed.tables["three_public"].unit == "元" and parsed.doc.metadata.unit == "元"
    with pytest.raises(DocumentError, match=r"doc.txt:6: amounts in 美元: not a money unit"):
        read(table.format("美元") + NARRATIVE, "doc.txt")
