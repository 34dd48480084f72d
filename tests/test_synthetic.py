"""The benchmark's synthetic corpus: it must read like the seeds and add up."""

import csv
import re

from budget_portal.build import build_data
from budget_portal.read.pipeline import parse
from tests.bench.synthetic import write_corpus

# The parts of the narrative each template's synthetic documents print.
PARTS = {
    "hebei": ("organizations", "projects", "performance_indicators", "procurement", "fixed_assets",
              "glossary", "narrative", "narrative_figures"),
    "shanghai": ("organizations", "expenditure_items", "fixed_assets", "glossary", "narrative",
                 "narrative_figures"),
    "national_final": ("expenditure_items", "narrative"),
}  # fmt: skip


def test_synthetic_documents_parse_completely_with_no_finding(tmp_path):
    """Both templates, rendered from their definitions (tests/render.py), read back whole."""
    paths = write_corpus(tmp_path / "documents", 24, seed=4)
    layouts, templates = set(), set()
    for path in paths:
        parsed = parse(path)
        layouts.add(parsed.doc.layout)
        templates.add(parsed.doc.template)
        assert parsed.doc.problems == [], path.name
        assert [c for c in parsed.checks if c.status == "fail"] == [], path.name
        assert len(parsed.checks) > 200
        statuses = {t.spec.role: t.status for t in parsed.tables.values()}
        assert len(statuses) == 9
        assert statuses.pop("government_fund_expenditure") == "empty"
        assert statuses.pop("state_capital_expenditure") == "empty"
        assert set(statuses.values()) == {"parsed"}, (path.name, statuses)
        parts = PARTS[parsed.doc.template]
        for section in parts:
            assert parsed.sections[section], (path.name, section)
    assert layouts == {"pdf-tsv", "docx-cells"}
    assert templates == {"hebei", "shanghai", "national_final"}


def test_synthetic_corpus_is_deterministic_and_varied(tmp_path):
    first = write_corpus(tmp_path / "a", 30, seed=1)
    again = write_corpus(tmp_path / "b", 30, seed=1)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    report = build_data(tmp_path / "a", tmp_path / "packages")
    assert report.ok and len(report.built) == 30
    rows = [b.document for b in report.built]
    assert len({r["jurisdiction"] for r in rows}) > 5
    assert len({r["year"] for r in rows}) > 3
    departments = [(r["jurisdiction"], r["department_code"]) for r in rows]
    assert len(set(departments)) < len(departments)  # some departments have several years


def test_page_breaks_split_labels_and_repeat_headers(tmp_path):
    text = "".join(p.read_text(encoding="utf-8") for p in write_corpus(tmp_path, 12, seed=4))
    assert "档次\t1" in text  # the 栏次 misprint
    assert "\n预算年\n\n度：" in text  # year split from its label
    assert re.search(r"(?m)^\t\t[\u4e00-\u9fff]+\t", text)  # a label continued on the next page
    assert re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text)  # a wrapped label
    assert "[bookmark: _Toc" in text


def test_each_synthetic_final_is_compared_with_its_budget_and_its_stated_rates(tmp_path):
    """决算 rendered for the departments and years of budgets in the corpus: the execution
    resource pairs each with its budget, and every rate is the one the 决算 states."""
    write_corpus(tmp_path / "documents", 60, seed=5)
    report = build_data(tmp_path / "documents", tmp_path / "packages")
    assert report.ok
    finals = [b.document for b in report.built if b.document["document_type"] == "final_accounts"]
    assert len(finals) >= 5
    with (tmp_path / "packages" / "all" / "execution.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    with (tmp_path / "packages" / "all" / "expenditure_items.csv").open(encoding="utf-8") as file:
        stated = {
            (r["dataset_id"], r["code"]): r["completion_percent"] for r in csv.DictReader(file)
        }
    assert {r["dataset_id"] for r in rows} == {d["dataset_id"] for d in finals}
    assert {r["budget_source"] for r in rows if r["approved"]} == {"budget_document"}
    compared = [r for r in rows if (r["dataset_id"], r["code"]) in stated]
    assert len(compared) >= 5 * len(finals)
    assert all(r["execution_rate"] == stated[r["dataset_id"], r["code"]] for r in compared)
