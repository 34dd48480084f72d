"""`budget-portal add DIR`: a crawl of government sites taken in one command, one line a file,
and the refusals of what such a crawl brings (web pages saved as PDFs, scans, non-budgets)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from budget_portal.cli import main
from budget_portal.extract import sniff
from budget_portal.model import DocumentError
from budget_portal.read.pipeline import parse

from .conftest import ROOT, SEEDS

SEED = SEEDS["000"]  # 邯郸市人社局 2023 部门预算
IMAGE_ONLY = (
    ROOT.parent
    / "shared"
    / "real-documents"
    / "not-budgets"
    / "image-only-budget-narrative-beijing-zhengwufuwuheshujuguanliju-2026.pdf"
)
HTML = (
    "\ufeff \n<!DOCTYPE HTML>\n<html><head><title>2026 部门预算专题</title></head></html>".encode()
)


def crawl(tmp_path) -> Path:
    """What a crawl brings: a budget (with the provenance the crawler wrote beside it), a web
    page saved under a .pdf name, a damaged PDF and a text that is not a budget."""
    folder = tmp_path / "crawl"
    (folder / "handan").mkdir(parents=True)
    shutil.copy(SEED, folder / "handan" / "2023年部门预算.txt")
    shutil.copy(SEED.with_suffix(".yml"), folder / "handan" / "2023年部门预算.yml")
    (folder / "x.pdf").write_bytes(HTML)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (folder / "notice.txt").write_text("关于开展消防安全检查的通知\n\n各单位：请于月底前完成。\n", encoding="utf-8")  # fmt: skip
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")  # hidden: not a download
    return folder


def test_add_a_folder_says_one_line_a_file_and_fails_when_any_file_did(tmp_path, capsys):
    folder, documents = crawl(tmp_path), tmp_path / "documents"
    assert main(["add", str(folder), "--documents", str(documents), "--cache", str(tmp_path / "cache")]) == 1  # fmt: skip
    captured = capsys.readouterr()
    lines = [
        line
        for line in (captured.out + captured.err).splitlines()
        if line.startswith(("added ", "refused "))
    ]
    assert len(lines) == 4  # the .yml goes with its document, the hidden file is not tried
    by_file = {line.split()[1].rstrip(":"): line for line in lines}
    assert sorted(by_file) == sorted(
        str(folder / name)
        for name in ("handan/2023年部门预算.txt", "x.pdf", "truncated.pdf", "notice.txt")
    )
    good = by_file[str(folder / "handan" / "2023年部门预算.txt")]
    assert good.startswith("added ")
    assert "邯郸市人社局 2023 部门预算 · template hebei · dataset id handanshi-316-2023" in good
    html = by_file[str(folder / "x.pdf")]
    assert html.startswith("refused ")
    assert "an HTML web page saved as .pdf, not a PDF: download the document the page links to" in html  # fmt: skip
    assert "damaged or not a PDF" in by_file[str(folder / "truncated.pdf")]
    assert "not a budget document" in by_file[str(folder / "notice.txt")]
    assert "4 files: 1 added, 3 refused" in captured.out
    assert sorted(p.name for p in documents.iterdir()) == [
        "handanshi-316-2023.txt",
        "handanshi-316-2023.yml",
    ]
    assert (documents / "handanshi-316-2023.txt").read_bytes() == SEED.read_bytes()


def test_a_folder_added_again_is_refused_as_duplicates_unless_replaced(tmp_path, capsys):
    folder, documents = tmp_path / "crawl", tmp_path / "documents"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    shutil.copy(SEED, folder / "b.txt")  # the same bytes twice in one crawl
    args = ["add", str(folder), "--documents", str(documents)]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert f"added    {folder / 'a.txt'}:" in captured.out
    assert f"refused  {folder / 'b.txt'}: the same content as" in captured.err
    assert "2 files: 1 added, 1 refused" in captured.out
    assert main([*args, "--replace"]) == 0
    assert "2 files: 2 added, 0 refused" in capsys.readouterr().out
    assert sorted(p.name for p in documents.iterdir()) == [
        "handanshi-316-2023.txt",
        "handanshi-316-2023.yml",
    ]


def test_an_empty_folder_and_a_url_for_a_whole_folder_are_refused(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["add", str(empty), "--documents", str(tmp_path / "documents")]) == 1
    assert "a folder with no files in it" in capsys.readouterr().err
    assert main(["add", str(empty), "--url", "https://example.gov.cn/", "--documents", str(tmp_path)]) == 1  # fmt: skip
    assert "--url and --title describe one document" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["x.pdf", "x.txt", "x.docx", "x"])
@pytest.mark.parametrize(
    "raw", [HTML, b"<html lang='zh'>", b"\r\n\t<!doctype html><html></html>", b"<HTML>"]
)
def test_sniff_refuses_a_web_page_whatever_its_name(name, raw):
    with pytest.raises(DocumentError, match=r"an HTML web page.*download the document the page links to"):  # fmt: skip
        sniff(raw, Path(name))


def test_sniff_says_what_a_web_page_was_saved_as():
    with pytest.raises(DocumentError, match=r"x\.pdf: an HTML web page saved as \.pdf, not a PDF:"):
        sniff(HTML, Path("x.pdf"))
    with pytest.raises(DocumentError, match=r"x\.txt: an HTML web page saved as \.txt, not a budget document:"):  # fmt: skip
        sniff(HTML, Path("x.txt"))


def test_sniff_reads_text_that_only_mentions_html():
    assert sniff("说明 <html> 标签\n".encode(), Path("x.txt")) == "text"
    assert sniff(b"%PDF-1.7 <html>", Path("x.txt")) == "pdf"


@pytest.mark.skipif(not IMAGE_ONLY.exists(), reason="the real documents in ../shared are absent")
def test_an_image_only_pdf_says_every_page_is_an_image():
    with pytest.raises(DocumentError) as error:
        parse(IMAGE_ONLY)
    assert str(error.value).endswith(
        "no text layer: all 8 pages are images (a scan); OCR is not supported"
    )
