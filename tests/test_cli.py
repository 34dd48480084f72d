"""The `budget-portal` command: each sub-command, its messages and its exit status."""

from __future__ import annotations

import csv
import datetime
import re
import shutil

import pytest
import yaml

from budget_portal.cli import main, parser
from budget_portal.pages.stamp import stale_docs

from .conftest import ROOT, SEEDS


def seed_with_year(tmp_path, year: int = 2025):
    """Seed 000 (邯郸市人社局 2023) as if it were another year's document."""
    text = SEEDS["000"].read_text(encoding="utf-8").replace("2023", str(year))
    path = tmp_path / "incoming" / f"handan-{year}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ORIGINAL = "上海市普陀区商务委员会2025年单位预算"  # the smallest original PDF


def copy_seeds(target):
    """The five seeds and one original PDF, with their provenance files."""
    target.mkdir(parents=True)
    for path in sorted((ROOT / "documents").iterdir()):
        if path.name[:3].isdigit() or path.stem == ORIGINAL:
            shutil.copy2(path, target / path.name)
    return target


def test_data_command_reports_and_sets_the_exit_status(tmp_path, capsys):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / SEEDS["001"].name).write_bytes(SEEDS["001"].read_bytes())
    out_dir, cache = str(tmp_path / "out"), str(tmp_path / "cache")
    assert main(["data", "--documents", str(documents), "--datapackages", out_dir, "--cache", cache, "-v"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "[1/1] parsed    001_fc59685dbd3e97fe.txt" in out  # one line per document off a terminal
    assert "zhaoxian-323-2024: 001_fc59685dbd3e97fe.txt" in out and "8 audit findings" in out
    assert ":232: warning: income: stray fragment '金'" in out
    assert "1 parsed, 0 unchanged; 2 packages written" in out
    (documents / "empty.txt").write_text("", encoding="utf-8")
    assert main(["data", "--documents", str(documents), "--datapackages", out_dir, "--cache", cache]) == 1  # fmt: skip
    captured = capsys.readouterr()
    assert "empty.txt: the file is empty" in captured.err
    assert "run again" in captured.err  # says what to do
    assert "1 documents built, 1 failed" in captured.out
    assert "0 parsed, 1 unchanged" in captured.out


def test_quiet_prints_only_errors(tmp_path, capsys):
    documents = copy_seeds(tmp_path / "documents")
    args = ["data", "-q", "--documents", str(documents), "--datapackages", str(tmp_path / "out")]
    assert main([*args, "--no-cache"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("command", ["add", "check", "data", "pages", "site", "serve", "validate"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        parser().parse_args([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "usage: budget-portal " + command in out
    assert re.search(r"[\u4e00-\u9fff]{4,}[^·\n]* · [a-z]", out)  # in Chinese, then in English


def test_add_copies_the_document_with_its_provenance(tmp_path, capsys):
    documents = copy_seeds(tmp_path / "documents")
    source = seed_with_year(tmp_path)
    args = ["add", str(source), "--documents", str(documents)]
    assert main([*args, "--url", "https://example.gov.cn/x.pdf", "--retrieved", "2026-11-01"]) == 0
    out = capsys.readouterr().out
    assert "agency 邯郸市人社局 · jurisdiction 邯郸市 · department code 316 · year 2025" in out
    assert "部门预算 · template hebei · dataset id handanshi-316-2025" in out
    added = documents / "handanshi-316-2025.txt"
    assert added.read_bytes() == source.read_bytes()
    provenance = yaml.safe_load((documents / "handanshi-316-2025.yml").read_text(encoding="utf-8"))
    assert provenance["file"] == added.name and provenance["year"] == 2025
    assert provenance["obtained_from"] == "https://example.gov.cn/x.pdf"
    assert provenance["retrieved"] == "2026-11-01" and provenance["original_format"] == "PDF"
    assert len(provenance["sha256"]) == 64
    assert provenance["title"] == "邯郸市人社局2025年部门预算"  # none given: its own name
    assert provenance["added"] == datetime.date.today().isoformat()  # when it joined the portal


def test_add_keeps_an_original_pdf_byte_for_byte_with_its_provenance(tmp_path, capsys):
    source = tmp_path / "download.pdf"
    shutil.copy(ROOT / "documents" / f"{ORIGINAL}.pdf", source)
    documents = tmp_path / "new-folder"  # created when the first document is added
    cache = ["--cache", str(ROOT / "build" / "cache")]
    assert main(["add", str(source), "--documents", str(documents), *cache]) == 0
    out = capsys.readouterr().out
    assert "dataset id shanghaishi-putuoqu-shangwuweiyuanhui-danwei-2025" in out
    added = documents / "shanghaishi-putuoqu-shangwuweiyuanhui-danwei-2025.pdf"
    assert added.read_bytes() == source.read_bytes()
    provenance = yaml.safe_load(added.with_suffix(".yml").read_text(encoding="utf-8"))
    assert (provenance["original_format"], provenance["year"], provenance["jurisdiction"]) == (
        "PDF", 2025, "上海市普陀区")  # fmt: skip
    assert "pdfplumber" in provenance["text_extraction"]
    assert main(["add", str(source), "--documents", str(documents), *cache]) == 1
    assert "the same content as" in capsys.readouterr().err


def test_check_text_prints_the_lines_the_data_cites(capsys):
    original = ROOT / "documents" / f"{ORIGINAL}.pdf"
    assert main(["check", "--text", str(original), "--cache", str(ROOT / "build" / "cache")]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[0] == "     1  上海市普陀区2025年区级单位预算"
    assert lines[2] == "     3  \f"  # page 2 starts
    assert main(["check", str(SEEDS["001"]), "--text"]) == 0
    assert capsys.readouterr().out.split("\n")[31] == "    32  部门预算收支总表"


def test_add_refuses_duplicates_unless_told_to_replace(tmp_path, capsys):
    documents = copy_seeds(tmp_path / "documents")
    before = sorted(p.name for p in documents.iterdir())
    # The same bytes as a seed, under another name.
    same = tmp_path / "copy.txt"
    shutil.copy(SEEDS["001"], same)
    assert main(["add", str(same), "--documents", str(documents)]) == 1
    assert "the same content as" in capsys.readouterr().err
    # Other bytes, but the same department and year: the same dataset id.
    edited = tmp_path / "edited.txt"
    edited.write_text(SEEDS["001"].read_text(encoding="utf-8") + "\n附注\n", encoding="utf-8")
    assert main(["add", str(edited), "--documents", str(documents)]) == 1
    err = capsys.readouterr().err
    assert "the same dataset id zhaoxian-323-2024" in err and "--replace" in err
    assert sorted(p.name for p in documents.iterdir()) == before  # nothing written
    assert main(["add", str(edited), "--documents", str(documents), "--replace"]) == 0
    assert "replaced" in capsys.readouterr().out
    assert not (documents / SEEDS["001"].name).exists()
    assert (documents / "zhaoxian-323-2024.txt").read_bytes() == edited.read_bytes()


def test_add_says_what_is_wrong_with_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要\n", encoding="utf-8")
    assert main(["add", str(bad), "--documents", str(tmp_path / "documents")]) == 1
    assert "notes.txt: not a budget document" in capsys.readouterr().err
    assert main(["add", str(SEEDS["000"]), "--retrieved", "1 Nov", "--documents", str(tmp_path)]) == 1  # fmt: skip
    assert "YYYY-MM-DD" in capsys.readouterr().err
    photo = tmp_path / "scan.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    assert main(["add", str(photo), "--documents", str(tmp_path / "documents")]) == 1
    assert "the portal reads PDF (.pdf), Word (.docx) and text extracted from them (.txt)" in (
        capsys.readouterr().err
    )


def test_check_prints_what_was_read_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / SEEDS["001"].name
    shutil.copy(SEEDS["001"], source)
    assert main(["check", str(source)]) == 0
    out = capsys.readouterr().out
    assert "dataset id   zhaoxian-323-2024" in out
    assert "34063.09" in out  # 收入总表 合计
    assert "audit: 573 checks, 8 findings" in out
    assert "rounding projects.budget_sum" in out and "尾差" in out  # 32619.37 against 32619.38
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]


def test_validate_fails_on_an_invalid_package_not_on_audit_findings(tmp_path, capsys):
    packages = tmp_path / "datapackages"
    shutil.copytree(ROOT / "datapackages", packages)
    assert main(["validate", "--datapackages", str(packages)]) == 0
    out = capsys.readouterr().out
    audit = list(csv.DictReader((packages / "all" / "audit.csv").open(encoding="utf-8")))
    findings = sum(row["status"] == "fail" for row in audit)
    packages_count = len(list(packages.glob("*/datapackage.json")))
    assert f"audit: {len(audit)} checks, {findings} findings" in out
    assert f"{packages_count} packages, 0 invalid" in out
    income = packages / "zhaoxian-323-2024" / "income.csv"
    income.write_text(
        income.read_text(encoding="utf-8").replace("34063.09", "三万"), encoding="utf-8"
    )
    assert main(["validate", "--datapackages", str(packages)]) == 1
    captured = capsys.readouterr()
    assert "INVALID zhaoxian-323-2024" in captured.out
    assert "type-error" in captured.err


def test_site_and_serve_refuse_docs_not_generated_from_the_packages(tmp_path, capsys, built_site):
    packages = ROOT / "datapackages"
    # the pages of these packages, by this code: accepted
    assert stale_docs(built_site.docs, packages) is None
    # no pages at all, or pages of other packages: refused, saying what to run
    other = tmp_path / "other"
    shutil.copytree(packages / "all", other / "all")
    with (other / "all" / "datapackage.json").open("a", encoding="utf-8") as stream:
        stream.write("\n")  # another package: its descriptor states its files' hashes
    assert "other data packages" in stale_docs(built_site.docs, other)
    for command in ("site", "serve"):
        docs = ["--docs", str(tmp_path / "docs"), "--datapackages", str(packages)]
        assert main([command, *docs]) == 1
        assert "holds no generated pages" in (err := capsys.readouterr().err)
        assert "budget-portal pages" in err
