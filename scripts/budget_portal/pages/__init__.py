"""Step 5: data packages → Markdown pages, charts and downloads in docs/ (MkDocs builds the site).

The pages are made from the data packages only, never from the documents.  Generated files are
listed in `docs/.generated-files`; the hand-written pages beside them are left alone.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .charts import Renderer, write_bundle
from .codes import page_codes, write_codes
from .context import Site
from .corpus import load_corpus
from .document import write_document_pages
from .downloads import write_downloads
from .output import Output
from .overview import write_compare, write_departments, write_documents_index, write_home
from .reference import write_data, write_dictionary, write_glossary, write_quality

WRITERS = (
    write_home,
    write_documents_index,
    write_document_pages,
    write_departments,
    write_compare,
    write_codes,
    write_data,
    write_dictionary,
    write_quality,
    write_glossary,
)


@dataclass
class PagesReport:
    pages: int
    charts: int
    rendered: int  # SVGs rendered now (the others came from the cache)
    written: int
    unchanged: int
    removed: int

    def summary(self) -> str:
        return (
            f"{self.pages} pages, {self.charts} charts ({self.rendered} rendered, "
            f"{self.charts - self.rendered} from cache); files: {self.written} written, "
            f"{self.unchanged} unchanged, {self.removed} removed"
        )


def build_pages(datapackages: Path, docs: Path, cache: Path | None = None) -> PagesReport:
    corpus = load_corpus(datapackages)
    if cache is None:  # zips, workbooks and charts still need a place to be made
        cache = Path(tempfile.mkdtemp(prefix="budget-pages-"))
    output = Output()
    renderer = Renderer(output, cache)
    site = Site(corpus, output, renderer)
    site.code_pages = set(page_codes(corpus.combined.frame("classification_codes"))["code"])
    write_bundle(output, cache)
    write_downloads(output, corpus, cache)
    for writer in WRITERS:
        writer(site)
    counts = output.sync(docs)
    files = output.files
    return PagesReport(
        pages=sum(p.endswith(".md") for p in files),
        charts=sum(p.endswith(".svg") for p in files),
        rendered=renderer.rendered,
        **counts,
    )
