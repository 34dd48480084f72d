"""Step 5: data packages → Markdown pages, charts and downloads in docs/ (MkDocs builds the site).

The pages are made from the data packages only, never from the documents.  Generated files are
listed in `docs/.generated-files`; the hand-written pages beside them are left alone.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import multiprocessing
import os
import pickle
import tempfile
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from .audit import write_quality
from .charts import Renderer, write_bundle
from .codes import page_codes, write_codes
from .context import Site
from .corpus import load_corpus
from .document import write_document_page
from .downloads import package_digest, write_package_downloads
from .measures import summary
from .output import Output
from .overview import write_compare, write_departments, write_documents_index, write_home
from .reference import write_data, write_dictionary, write_glossary

DOCUMENTS = Path(__file__).resolve().parents[3] / "documents"
WRITERS = (
    write_home,
    write_documents_index,
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


def build_pages(
    datapackages: Path, docs: Path, cache: Path | None = None, documents: Path = DOCUMENTS
) -> PagesReport:
    """Packages → pages, charts and downloads in `docs`; each document's original file is
    taken from `documents` (the site serves it, and cites its pages)."""
    corpus = load_corpus(datapackages)
    check_originals(corpus, documents)
    if cache is None:  # zips, workbooks and charts still need a place to be made
        cache = Path(tempfile.mkdtemp(prefix="budget-pages-"))
    output = Output()
    renderer = Renderer(output, cache)
    site = Site(corpus, output, renderer)
    site.code_pages = set(page_codes(corpus.combined.frame("classification_codes"))["code"])
    write_documents(site, cache, documents)  # first: its workers fork before vl-convert starts
    write_bundle(output, cache)
    write_package_downloads(output, corpus.combined, cache)
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


_FORKED: tuple[Site, Path, Path] | None = None  # what a worker process inherits


@functools.cache
def pages_version() -> str:
    """A hash of what makes a page: every module of the package and the chart libraries."""
    here = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in ("altair", "vl-convert-python", "pandas"):
        digest.update(f"{name}=={importlib.metadata.version(name)}\n".encode())
    for source in sorted(here.rglob("*.py")):
        digest.update(source.relative_to(here).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def document_key(site: Site, dataset, documents: Path) -> str:
    """What a document's files depend on: its package, the code, the codes that have a page
    of their own (its tables link to them) and where its original is."""
    files = sorted(p for p in dataset.path.iterdir() if p.is_file())
    digest = hashlib.sha256(pages_version().encode())
    digest.update(package_digest(files).encode())
    digest.update(" ".join(sorted(site.code_pages)).encode())
    digest.update(str((documents / dataset.meta["source_file"]).resolve()).encode())
    return digest.hexdigest()


def write_documents(site: Site, cache: Path, documents: Path) -> None:
    """Each document's page, charts and downloads.  A document whose package (and the code)
    did not change is taken whole from the cache, with what the other pages need of it, and
    not made again; the others are made on every core (rendering an SVG takes ~45 ms).
    Results are gathered in document order, so the output is the same either way."""
    global _FORKED
    datasets = site.corpus.datasets
    keys = [document_key(site, ds, documents) for ds in datasets]
    stored = [load_files(cache, key) for key in keys]
    todo = [i for i, files in enumerate(stored) if files is None]
    _FORKED = (site, cache, documents)
    processes = min(os.cpu_count() or 1, len(todo) // 8)
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) if processes > 1 else nullcontext() as pool:
        made = pool.imap(document_job, todo, chunksize=2) if pool else map(document_job, todo)
        for index, (files, lookups, rendered) in zip(todo, made, strict=True):
            save_files(cache, keys[index], (files, lookups))
            stored[index] = (files, lookups)
            site.charts.rendered += rendered
    _FORKED = None
    for ds, (files, lookups) in zip(datasets, stored, strict=True):
        ds.lookups.update(lookups)
        for path, content in files.items():
            site.output.add(path, content)


def load_files(cache: Path, key: str) -> tuple[dict, dict] | None:
    path = cache / "pages" / f"{key}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError):
        return None


def save_files(cache: Path, key: str, files: tuple[dict, dict]) -> None:
    path = cache / "pages" / f"{key}.pickle"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as stream:
        pickle.dump(files, stream, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)


def document_job(index: int) -> tuple[dict, dict, int]:
    """The files of one document (by its index in the corpus), what the pages across documents
    need of it (`summary`) and how many SVGs were rendered."""
    site, cache, documents = _FORKED
    output = Output()
    renderer = Renderer(output, cache)
    dataset = site.corpus.datasets[index]
    write_document_page(replace(site, output=output, charts=renderer), dataset)
    write_package_downloads(output, dataset, cache)
    output.copy(dataset.original, documents / dataset.meta["source_file"])
    return output.files, summary(dataset), renderer.rendered
