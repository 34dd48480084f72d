"""Bad input gets a clear message naming the file (and line), and loses nothing else."""

import codecs
import re

import pytest

from budget_portal.build import build_data
from budget_portal.model import DocumentError
from budget_portal.package.rows import budget_lines
from budget_portal.read.pipeline import parse

from .conftest import SEEDS

GOOD = SEEDS["000"]


def lines_of(parsed):
    return [(x["table"], x["row_number"], x["measure"], x["amount"]) for x in budget_lines(parsed)]


def test_encodings_bom_and_crlf_give_the_same_figures(tmp_path):
    text = GOOD.read_text(encoding="utf-8")
    expected = lines_of(parse(GOOD))
    variants = {
        "gbk.txt": text.encode("gb18030"),
        "bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
    }
    for name, raw in variants.items():
        (tmp_path / name).write_bytes(raw)
        parsed = parse(tmp_path / name)
        assert lines_of(parsed) == expected, name
    assert parse(tmp_path / "gbk.txt").doc.encoding == "gb18030"


def test_bad_documents_fail_alone_and_leave_no_partial_package(tmp_path):
    documents, out = tmp_path / "documents", tmp_path / "out"
    documents.mkdir()
    (documents / "good.txt").write_bytes(GOOD.read_bytes())
    (documents / "empty.txt").write_bytes(b"")
    (documents / "novel.txt").write_text("从前有座山。\n", encoding="utf-8")
    (documents / "binary.txt").write_bytes(b"ok\n\x00\x01\x02")
    (documents / "cut.pdf").write_bytes(b"%PDF-1.7")
    (documents / "notes.odt").write_bytes(b"PK")
    report = build_data(documents, out)
    assert not report.ok
    assert sorted(e.split(":")[0].rsplit("/", 1)[-1] for e in report.errors) == [
        "binary.txt", "cut.pdf", "empty.txt", "novel.txt"]  # fmt: skip
    assert any("binary.txt:2: binary data" in e for e in report.errors)
    assert any("cut.pdf: damaged or not a PDF" in e for e in report.errors)
    assert any("notes.odt: skipped" in n for n in report.notices)
    assert sorted(p.name for p in out.iterdir()) == ["all", "handanshi-316-2023"]


def test_a_truncated_document_says_so(tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(GOOD.read_text(encoding="utf-8").split("\n")[:300]), encoding="utf-8")
    parsed = parse(cut)
    messages = [str(p) for p in parsed.doc.problems]
    assert any("cut.txt:300: warning: the document ends inside general_budget_expenditure" in m
               for m in messages)  # fmt: skip
    assert any("only 5 of the nine standard tables" in m for m in messages)
    assert [c for c in parsed.checks if c.status == "fail"]  # the cut table no longer adds up


def test_duplicate_dataset_ids_are_refused(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in ("a.txt", "b.txt"):
        (documents / name).write_bytes(GOOD.read_bytes())
    report = build_data(documents, tmp_path / "out")
    assert report.errors == [
        f"{documents / 'b.txt'}: dataset id handanshi-316-2023 is already used by a.txt; "
        "set `dataset_id` in its provenance file if both are wanted"
    ]


def test_stale_packages_are_removed(tmp_path):
    documents, out = tmp_path / "documents", tmp_path / "out"
    documents.mkdir()
    (documents / "good.txt").write_bytes(GOOD.read_bytes())
    stale = out / "gone-1-2020"
    stale.mkdir(parents=True)
    (stale / "datapackage.json").write_text("{}", encoding="utf-8")
    (out / ".handanshi-316-2023.partial").mkdir()
    report = build_data(documents, out)
    assert report.ok
    assert sorted(p.name for p in out.iterdir()) == ["all", "handanshi-316-2023"]


def test_a_section_that_cannot_be_read_is_reported_and_the_rest_builds(monkeypatch):
    from budget_portal.read import pipeline

    def broken(doc, sections, template):
        raise ValueError("unexpected layout")

    readers = tuple(
        (names, broken if names == ("procurement",) else reader)
        for names, reader in pipeline.READERS
    )
    monkeypatch.setattr(pipeline, "READERS", readers)
    parsed = parse(GOOD)
    assert parsed.sections["procurement"] == []
    assert len(parsed.sections["organizations"]) == 14 and len(parsed.sections["projects"]) == 37
    (problem,) = [p for p in parsed.doc.problems if "could not be read" in p.message]
    assert "procurement" in problem.message and "unexpected layout" in problem.message


def test_every_narrative_table_is_accounted_for(seeds):
    from budget_portal.package.rows import table_rows

    status = {
        (n, r["table"]): r["table_status"] for n, p in seeds.items() for r in table_rows(p)[9:]
    }
    assert status[("001", "procurement")] == status[("002", "procurement")] == "empty"
    assert status[("003", "procurement")] == "missing"  # 003 states 11.47 in prose, no table
    assert status[("003", "activities")] == "parsed" and status[("003", "projects")] == "missing"
    assert {
        s for (n, t), s in status.items() if t in ("organizations", "fixed_assets", "glossary")
    } == {"parsed"}


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("budget.doc", OLE, "a Word 97–2003 file (.doc) cannot be read: save it as .docx or PDF"),
        ("budget.xls", OLE, "an Excel 97–2003 file (.xls) cannot be read"),
        ("budget.docx", OLE, "an old Office file or an encrypted one: save it as .docx or PDF"),
        ("budget.pdf", b"<html>not found</html>", "an HTML web page saved as .pdf, not a PDF"),
        ("budget.pdf", b"not a pdf", "not a PDF file (damaged or misnamed)"),
        ("budget.ofd", b"PK\x03\x04", "an OFD file cannot be read: ask the publisher for the PDF"),
    ],
)
def test_files_that_are_not_readable_documents_say_what_to_do(tmp_path, name, raw, message):
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(DocumentError, match=rf"^{re.escape(str(path))}: {re.escape(message)}"):
        parse(path)


def test_a_final_accounts_document_is_read_as_one_and_never_given_a_budget_error(tmp_path):
    """决算 in the title and the tables' titles: the national structure of a 决算 reads it; one
    it cannot read says so in a 决算's words."""
    path = tmp_path / "juesuan.txt"
    path.write_text("邯郸市人社局2023年部门决算\n收入支出决算总表\n", encoding="utf-8")
    doc = parse(path).doc
    assert (doc.template, doc.metadata.document_type) == ("national_final", "final_accounts")
    assert doc.metadata.dataset_id == "handanshi-rensheju-juesuan-2023"  # apart from its 预算
    blank = tmp_path / "template.txt"  # the instructions: XXX where the agency and year go
    blank.write_text("XXX部门决算\n收入支出决算总表\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"a template of a final accounts \(决算\) document"):
        parse(blank)
    nameless = tmp_path / "nameless.txt"
    nameless.write_text("部门决算\n收入支出决算总表\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"not a final accounts \(决算\) document"):
        parse(nameless)
