"""Step 5: data packages → Markdown pages, charts and downloads in docs/ (MkDocs builds the site).

The pages are made from the data packages only, never from the documents.  Generated files are
listed in `docs/.generated-files`; the hand-written pages beside them are left alone.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import tempfile
from dataclasses import dataclass
from pathlib import Path

import vl_convert

from .audit import document_audit, write_quality
from .charts import Renderer, write_bundle
from .codes import code_rows_of, page_codes, write_codes
from .context import Site
from .corpus import Dataset, load_corpus
from .document import write_document_page
from .downloads import package_digest, package_zip, write_package_downloads
from .execution import execution_of, write_execution
from .jobs import Job, key_of, run_jobs
from .measures import (
    economic_basic,
    functional_spending,
    key_figures,
    row_counts,
    three_public_items,
    warning_count,
)
from .output import Output
from .overview import write_compare, write_departments, write_documents_index, write_home
from .places import write_places
from .reference import write_data, write_dictionary, write_glossary
from .stamp import STAMP, stamp

DOCUMENTS = Path(__file__).resolve().parents[3] / "documents"
# Pages that draw charts across all documents: jobs (charts are rendered only in jobs).
CHARTED = (write_home, write_compare)
# Pages of their own jobs (departments, codes) or of no chart.
WRITERS = (
    write_documents_index,
    write_departments,
    write_places,
    write_execution,
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


def build_pages(
    datapackages: Path, docs: Path, cache: Path | None = None, documents: Path = DOCUMENTS
) -> PagesReport:
    """Packages → pages, charts and downloads in `docs`; each document's original file is
    taken from `documents` (the site serves it, and cites its pages)."""
    corpus = load_corpus(datapackages)
    check_originals(corpus, documents)
    if cache is None:  # zips, workbooks and charts still need a place to be made
        cache = Path(tempfile.mkdtemp(prefix="budget-pages-"))
    output = Output(target=docs)
    renderer = Renderer(output, cache)
    site = Site(corpus, output, renderer, cache=cache)
    site.code_pages = set(page_codes(corpus.combined.frame("classification_codes"))["code"])
    # The combined zip depends on the combined package alone and takes seconds at a thousand
    # documents (all of it is compressed again when one document is added): it is made in a
    # process of its own while the pages are made; its job below finds it in the cache.
    zipping = multiprocessing.get_context("fork").Process(
        target=package_zip, args=(corpus.combined.path, cache)
    )
    zipping.start()
    write_documents(site, cache, documents)  # first: other pages use what it leaves
    zipping.join()
    everything = [site.keys[ds.name] for ds in corpus.datasets]
    combined = sorted(p for p in corpus.combined.path.iterdir() if p.is_file())
    jobs = [
        Job(key_of("runtime", vl_convert.__version__), write_bundle),
        Job(
            key_of("combined", package_digest(combined)),
            functools.partial(combined_download, combined=corpus.combined, cache=cache),
        ),
        *(Job(key_of(writer.__name__, *everything), writer) for writer in CHARTED),
    ]
    run_jobs(site, cache, jobs)
    for writer in WRITERS:
        writer(site)
    output.text(STAMP, stamp(datapackages) + "\n")
    counts = output.sync(docs)
    return PagesReport(
        pages=sum(p.endswith(".md") for p in output.names),
        charts=sum(p.endswith(".svg") for p in output.names),
        rendered=renderer.rendered,
        **counts,
    )


def check_originals(corpus, documents: Path) -> None:
    """Every package's original is in `documents`, the file its package was read from."""
    for ds in corpus.datasets:
        path = documents / ds.meta["source_file"]
        if not path.is_file():
            raise FileNotFoundError(
                f"{path}: the original of {ds.name} is missing; give the folder of documents "
                "(--documents) the packages were built from"
            )
        with path.open("rb") as stream:
            if hashlib.file_digest(stream, "sha256").hexdigest() != ds.meta["sha256"]:
                raise FileNotFoundError(f"{path}: not the file {ds.name} was read from (sha256)")


def write_documents(site: Site, cache: Path, documents: Path) -> None:
    """Each document's page, charts and download, as cached jobs; each job also leaves what
    the pages across documents need of it (`summary`).  The original is served as it is."""
    datasets = site.corpus.datasets
    jobs = []
    for ds in datasets:
        files = sorted(p for p in ds.path.iterdir() if p.is_file())
        # a 决算's page shows its rows of the combined `execution` (a 预算 added later changes them)
        execution = json.dumps(execution_of(site, ds.name), sort_keys=True, ensure_ascii=False)
        key = key_of(
            ds.name,
            package_digest(files),
            " ".join(sorted(site.code_pages)),
            execution,
            ds.shown_name,  # the department's name, from its other documents too
        )
        site.keys[ds.name] = key
        jobs.append(Job(key, functools.partial(document_job, ds=ds, cache=cache)))
    for ds, lookups in zip(datasets, run_jobs(site, cache, jobs), strict=True):
        ds.lookups.update(lookups)
        site.output.copy(ds.original, documents / ds.meta["source_file"])


def combined_download(site: Site, combined, cache: Path) -> None:
    """The zip of the combined package (a job: it runs beside the others)."""
    write_package_downloads(site.output, combined, cache)


# What the pages across documents need of each document (indexes, comparisons, departments,
# codes, quality): computed while its page is made and cached with it, so a build that takes
# a document's page from the cache does not read its package again.
SUMMARY = ("meta", "key_figures", "functional 1", "three_public", "economic", "audit",
           "warnings", "code rows functional", "code rows economic", "row counts")  # fmt: skip


def summary(ds: Dataset) -> dict:
    key_figures(ds), functional_spending(ds, "1"), three_public_items(ds), economic_basic(ds)
    document_audit(ds), warning_count(ds), row_counts(ds)
    code_rows_of(ds, "functional"), code_rows_of(ds, "economic")
    return {key: ds.lookups[key] for key in SUMMARY}


def document_job(site: Site, ds, cache: Path) -> dict:
    write_document_page(site, ds)
    write_package_downloads(site.output, ds, cache)
    return summary(ds)
