"""What every page writer shares: the corpus, the output, the chart renderer and page paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..raw_html import wrap
from .charts import Chart, Renderer
from .corpus import Corpus, Dataset
from .markup import anchor, esc, front_matter, link, rel
from .output import Output


@dataclass
class Site:
    corpus: Corpus
    output: Output
    charts: Renderer
    code_pages: set[str] = field(default_factory=set)  # codes that have a page of their own
    cache: Path | None = None  # where cached jobs, charts and downloads are kept (pages.jobs)
    keys: dict[str, str] = field(default_factory=dict)  # document → its job's key

    def page(self, path: str, title: str, body: list[str], **front) -> None:
        """A page: Markdown headings (`#`, `##`…), everything else an HTML block."""
        parts = [part if part.startswith("#") else wrap(part) for part in body if part.strip()]
        self.output.text(path, front_matter(title, **front) + "\n".join(parts).rstrip() + "\n")

    def chart(self, chart: Chart, page: str) -> str:
        return self.charts.figure(chart, page)

    def cite(self, ds: Dataset, row: dict, page: str) -> str:
        """Where a row was read: its page of the original PDF (a link to it), its place in a
        DOCX, or its line of the text."""
        number = row.get("source_page")
        if ds.is_paged and number:
            return anchor(f"第 {esc(number)} 页", f"{rel(ds.original, page)}#page={esc(number)}")
        if ref := row.get("source_ref"):
            return esc(docx_place(ref))
        return f"第 {esc(row['source_line'])} 行" if row.get("source_line") else ""

    def code_link(self, code: str, page: str) -> str:
        """A code linked to its own page, or to its nearest ancestor's (项 → 款)."""
        for prefix in (code, code[:5], code[:3]):
            if prefix in self.code_pages:
                return link(code, code_page(prefix), page)
        return esc(code)


def docx_place(ref: str) -> str:
    """`table 3 row 5` → 表 3 第 5 行; `paragraph 17` → 第 17 段."""
    parts = ref.split()
    return f"表 {parts[1]} 第 {parts[3]} 行" if parts[0] == "table" else f"第 {parts[1]} 段"


def document_page(ds: Dataset) -> str:
    return f"documents/{ds.name}.md"


def department_page(department_id: str) -> str:
    return f"departments/{department_id}.md"


def place_page(code: str) -> str:
    """A province's or a prefecture's page, by its division code (中央's has none)."""
    return f"places/{code or 'zhongyang'}.md"


def place_trail(meta: dict) -> list[tuple[str, str]]:
    """A document's place as links down from its province: (name, page or page#section)."""
    code, province = meta.get("division_code", ""), meta.get("province", "")
    if not province:
        return []
    trail = [(province, place_page(code[:2] + "0000" if code else ""))]
    prefecture, county = meta.get("prefecture", ""), meta.get("county", "")
    if prefecture and prefecture != province:
        trail.append((prefecture, place_page(code[:4] + "00")))
    if county:
        trail.append((county, f"{trail[-1][1]}#{county}"))
    return trail


def place_breadcrumb(trail: list[tuple[str, str]], page: str) -> str:
    """全部地区 › 省 › 市 …: links to the place pages above a page."""
    links = [link("全部地区", PLACES_INDEX, page)] + [link(n, p, page) for n, p in trail]
    return f"<p>{' › '.join(links)}</p>\n"


def code_page(code: str) -> str:
    return f"codes/{code}.md"


DOCUMENTS_INDEX = "documents/index.md"
DEPARTMENTS_INDEX = "departments/index.md"
PLACES_INDEX = "places/index.md"
CODES_INDEX = "codes/index.md"
COMPARE = "compare/index.md"
EXECUTION = "execution/index.md"
DATA = "data/index.md"
DICTIONARY = "data/dictionary.md"
QUALITY = "quality/index.md"
GLOSSARY = "glossary/index.md"
HOME = "index.md"
