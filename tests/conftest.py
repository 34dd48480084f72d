"""Shared helpers: write a small document and read it the way the build does."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_portal.build import parse

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
