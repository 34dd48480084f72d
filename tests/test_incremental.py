"""Adding a document to a built corpus redoes only what changed, and ends byte-for-byte where a
build from scratch ends; removing it again restores the corpus exactly."""

from __future__ import annotations

import importlib.metadata
import re

from budget_portal.add import add_document
from budget_portal.build import build_data
from budget_portal.pages import build_pages
from budget_portal.site import copy_handwritten

from .conftest import ROOT
from .test_cli import copy_seeds, seed_with_year

SVG_CACHE = ROOT / "build" / "cache"  # content-addressed: safe to share with any build


def snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def mtimes(folder):
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_add_then_rebuild_is_incremental_and_equals_a_clean_build(tmp_path):
    documents = copy_seeds(tmp_path / "documents")
    packages, docs, cache = tmp_path / "datapackages", tmp_path / "docs", tmp_path / "cache"
    copy_handwritten(ROOT / "docs", docs)
    first = build_data(documents, packages, cache)
    assert first.ok and len(first.written) == 7  # six documents and the combined package
    build_pages(packages, docs, SVG_CACHE, documents)
    packages_before, docs_before = snapshot(packages), snapshot(docs)
    package_times, page_times = mtimes(packages), mtimes(docs)

    added = add_document(seed_with_year(tmp_path), documents)
    assert added.doc.metadata.dataset_id == "handanshi-316-2025"

    # Data: only the new document is parsed; only its package and the combined one change.
    again = build_data(documents, packages, cache)
    assert again.ok and sorted(again.reused) == sorted(p.dataset_id for p in first.built)
    assert sorted(again.written) == ["all", "handanshi-316-2025"]
    untouched = [p for p in package_times if p.startswith("zhaoxian-323-2024/")]
    assert all(mtimes(packages)[p] == package_times[p] for p in untouched)

    # Pages: files that do not depend on the new document are not rewritten.
    pages = build_pages(packages, docs, SVG_CACHE, documents)
    assert 0 < pages.written < pages.unchanged
    now = mtimes(docs)
    for kept in ("documents/zhaoxian-323-2024.md", "charts/zhaoxian-323-2024/basic-project.svg",
                 "downloads/zhaoxian-323-2024.zip", "assets/javascripts/vega-bundle.js"):  # fmt: skip
        assert now[kept] == page_times[kept], kept
    assert "documents/handanshi-316-2025.md" in now
    assert "2025" in (docs / "departments/handanshi-316.md").read_text(encoding="utf-8")

    # The same as a clean build of the same documents (no parse cache, empty folders).
    clean_packages, clean_docs = tmp_path / "clean" / "datapackages", tmp_path / "clean" / "docs"
    assert build_data(documents, clean_packages).ok
    copy_handwritten(ROOT / "docs", clean_docs)
    build_pages(clean_packages, clean_docs, SVG_CACHE, documents)
    assert snapshot(packages) == snapshot(clean_packages)
    assert snapshot(docs) == snapshot(clean_docs)

    # Removed again: back to exactly where the corpus started.
    added.document.unlink()
    added.provenance.unlink()
    removed = build_data(documents, packages, cache)
    assert removed.ok and "removed" in " ".join(removed.notices)
    build_pages(packages, docs, SVG_CACHE, documents)
    assert snapshot(packages) == packages_before
    assert snapshot(docs) == docs_before


def test_a_changed_reading_code_invalidates_the_parse_cache(tmp_path, monkeypatch):
    documents = copy_seeds(tmp_path / "documents")
    cache = tmp_path / "cache"
    assert build_data(documents, tmp_path / "a", cache).reused == []
    assert len(build_data(documents, tmp_path / "a", cache).reused) == 6
    monkeypatch.setattr("budget_portal.build.code_version", lambda: "another version")
    assert build_data(documents, tmp_path / "a", cache).reused == []


def test_the_cache_key_covers_templates_and_the_libraries_that_shape_a_parse(monkeypatch):
    from budget_portal import build, extract

    before = build.code_version()
    template = ROOT / "scripts" / "budget_portal" / "templates" / "shanghai.py"
    real_read = type(template).read_bytes
    monkeypatch.setattr(
        type(template),
        "read_bytes",
        lambda self: real_read(self) + (b"# edited" if self == template else b""),
    )
    extract.version.cache_clear()
    assert build.code_version() != before  # template data is code: a template edit counts
    monkeypatch.undo()
    extract.version.cache_clear()
    real_version = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata,
        "version",
        lambda name: "99.0" if name == "pdfplumber" else real_version(name),
    )
    extract.version.cache_clear()
    assert build.code_version() != before  # so does an upgrade of pdfplumber
    monkeypatch.undo()
    extract.version.cache_clear()
    assert build.code_version() == before


def test_workflows_pin_every_action_to_a_commit():
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for action in re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8")):
            assert action.startswith("./") or re.fullmatch(
                r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action
            ), f"{workflow.name}: {action} is not pinned to a full commit SHA"
