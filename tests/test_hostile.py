"""Nothing from a document runs or renders as markup.

Hostile text (HTML tags and event handlers, Markdown links and images with `javascript:` and
`data:` URLs, emphasis, Jinja, pymdownx syntax) is appended to every text field of every
resource of a document of each template; the pages and the site are built from those packages,
and every built page is read back: no element or attribute came from the document, no link or
source goes to `javascript:` or `data:`, and the text shows as written.
"""

from __future__ import annotations

import csv
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from budget_portal.build import build_data
from budget_portal.metadata.registry import FIELDS
from budget_portal.pages import build_pages
from budget_portal.site import build_site, copy_handwritten

from .conftest import ORIGINALS, ROOT, SEEDS

PAYLOAD = (
    '<script>alert("x")</script><img src=x onerror=alert(1)><b onclick="alert(1)">粗</b>'
    "[点我](javascript:alert(1))![图](data:text/html;base64,PHNjcmlwdD4=)"
    "<https://example.com>**强调**_斜_{{ 7*7 }}{% raw %}==标记==~~删~~{: .x onclick=y}"
)
SHOWN = ("[点我](javascript:alert(1))", "**强调**_斜_{{ 7*7 }}", "{: .x onclick=y}")
# Fields that say where a row is or which row it refers to, not text: the pages must be able to
# find the original, the table and the code.
STRUCTURE = {
    "dataset_id", "department_id", "department_code", "sha256", "source_file", "source_ref",
    "source_lines", "source_pages", "left_lines", "right_lines", "left_pages", "right_pages",
    "code", "parent_code", "expenditure_code", "project_code", "catalogue_code", "figure_key",
    "check", "templates", "target", "template", "encoding", "unit", "retrieved",
}  # fmt: skip
TEXT = {n for n, f in FIELDS.items() if f.type == "string" and not f.enum} - STRUCTURE
OURS = ("javascripts/", "assets/", "search/", "charts.js")  # the site's own scripts


def poison(packages: Path) -> int:
    """Append the payload to every text field of every CSV; how many cells were changed."""
    changed = 0
    for path in sorted(packages.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        columns = [i for i, name in enumerate(rows[0]) if name in TEXT]
        for row in rows[1:]:
            for i in columns:
                if row[i]:
                    row[i] += PAYLOAD
                    changed += 1
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream, lineterminator="\n").writerows(rows)
    return changed


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.text: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src", "data-spec", "action") and value.startswith(
                ("javascript:", "data:")
            ):
                self.problems.append(f"<{tag} {name}={value[:30]}>")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if src and not any(part in src for part in OURS):
                self.problems.append(f"<script src={src}>")
            self.in_script = True
        if tag in ("img",) and dict(attrs).get("src") == "x":
            self.problems.append("<img src=x>")
        if tag in ("b",) and any(n == "onclick" for n, _ in attrs):
            self.problems.append("<b onclick>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert" in data:
            self.problems.append("script content from the document")
        elif not self.in_script:
            self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    documents, packages, docs, site = (
        root / n for n in ("documents", "datapackages", "docs", "site")
    )
    documents.mkdir()
    for original in (SEEDS["000"], ORIGINALS["department"]):
        shutil.copy(original, documents / original.name)
        shutil.copy(original.with_suffix(".yml"), documents / original.with_suffix(".yml").name)
    build_data(documents, packages, ROOT / "build" / "cache")
    changed = poison(packages)
    copy_handwritten(ROOT / "docs", docs)
    build_pages(packages, docs, root / "cache", documents)
    build_site(docs, site)
    return site, changed


def test_every_text_field_of_both_templates_is_poisoned(hostile_site):
    _, changed = hostile_site
    assert changed > 1000
    assert {
        "name",
        "title",
        "indicator",
        "text",
        "term",
        "definition",
        "agency",
        "unit_name",
    } <= TEXT


def test_no_page_runs_or_renders_document_text_as_markup(hostile_site):
    site, _ = hostile_site
    pages = sorted(site.rglob("*.html"))
    shown = 0
    for page in pages:
        parser = Page()
        html = page.read_text(encoding="utf-8")
        parser.feed(html)
        assert parser.problems == [], (page.relative_to(site), parser.problems[:5])
        text = "".join(parser.text)
        if "alert" in html:
            assert "<script>alert" in text or "＜script＞" in html, page.relative_to(site)
            shown += all(s in text for s in SHOWN)
    assert shown >= 10  # the document pages, indexes, codes, departments, glossary, quality


def test_the_search_index_holds_document_text_as_text(hostile_site):
    site, _ = hostile_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        for raw in ("<script", "<img src=x", "<b onclick"):
            assert raw not in entry["text"] and raw not in entry["title"], entry["location"]
