from budget_portal.cli import main

from .conftest import SEEDS


def test_data_command_reports_and_sets_the_exit_status(tmp_path, capsys):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / SEEDS["001"].name).write_bytes(SEEDS["001"].read_bytes())
    assert (
        main(["data", "--documents", str(documents), "--datapackages", str(tmp_path / "out"), "-v"])
        == 0
    )
    out = capsys.readouterr().out
    assert "built zhaoxian-323-2024" in out and "9 audit findings" in out
    assert ":232: warning: income: stray fragment '金'" in out
    (documents / "empty.txt").write_text("", encoding="utf-8")
    assert (
        main(["data", "--documents", str(documents), "--datapackages", str(tmp_path / "out")]) == 1
    )
    captured = capsys.readouterr()
    assert "empty.txt: the file is empty" in captured.err
    assert "1 documents built, 1 failed" in captured.out
