"""Shared helpers: write a small document and read it the way the build does."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from budget_portal.pages import build_pages
from budget_portal.read.pipeline import parse
from budget_portal.site import build_site, copy_handwritten

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "documents"
SEEDS = {p.name[:3]: p for p in sorted(DOCUMENTS.glob("*.txt"))}

# What every snippet needs to be recognised as a budget document.
PREAMBLE = "316 邯郸市人社局\n\n预算年度：2023\n\n单位：万元\n\n"
NARRATIVE = "\n邯郸市人社局 2023 年部门预算信息公开情况说明\n"


def tsv(*rows) -> str:
    """Rows given as lists of cells become one TAB-separated line each."""
    return "\n".join("\t".join(map(str, r)) if isinstance(r, list | tuple) else r for r in rows)


@pytest.fixture
def read(tmp_path):
    """Write text to a file in a temporary folder and parse it."""

    def _read(text: str, name: str = "doc.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return parse(path)

    return _read


@pytest.fixture(scope="session")
def seeds():
    return {number: parse(path) for number, path in SEEDS.items()}


ORIGINALS = {
    "department": DOCUMENTS / "上海市普陀区商务委员会2025年部门预算.pdf",
    "unit": DOCUMENTS / "上海市普陀区商务委员会2025年单位预算.pdf",
    "wanli": DOCUMENTS / "上海市普陀区人民政府万里街道办事处2024年部门预算.pdf",
}


@pytest.fixture(scope="session")
def shanghai():
    """The three original Shanghai PDFs, parsed (their extraction cached by content)."""
    return {name: parse(path, ROOT / "build" / "cache") for name, path in ORIGINALS.items()}


FINALS = {
    "central": DOCUMENTS / "central-zhongyang-guojiaxinfangju-2024-final.pdf",
    "foshan": DOCUMENTS / "guangdong-foshan-guidaojiaotongju-2019-final.pdf",
    "putuo": DOCUMENTS / "putuo-caizheng-2024-final.pdf",
}


@pytest.fixture(scope="session")
def finals():
    """The three real 部门决算 PDFs of documents/, parsed."""
    return {name: parse(path, ROOT / "build" / "cache") for name, path in FINALS.items()}


class Links(HTMLParser):
    """Every href, src and data-spec (a chart's spec) of an HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [v for k, v in attrs if k in ("href", "src", "data-spec") and v]


@dataclass
class BuiltSite:
    docs: Path
    site: Path
    report: object


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The portal built from the committed data packages, pages and site in a temporary folder."""
    root = tmp_path_factory.mktemp("portal")
    docs, site = root / "docs", root / "site"
    copy_handwritten(ROOT / "docs", docs)
    report = build_pages(ROOT / "datapackages", docs, ROOT / "build" / "cache")
    build_site(docs, site)
    return BuiltSite(docs, site, report)


def pytest_terminal_summary(terminalreporter, config):
    from .test_browser import SCREENSHOT_KEY

    shots = config.stash.get(SCREENSHOT_KEY, [])
    if shots:
        terminalreporter.section("screenshots")
        for path in sorted(shots):
            terminalreporter.write_line(str(path))
