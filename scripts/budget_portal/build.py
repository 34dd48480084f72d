"""The flow for a folder of documents: read → tables → audit → packages.

One bad document never stops the others: its error is reported with file and line, it gets no
package, and the exit status says that not every document built.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import multiprocessing
import os
import pickle
import shutil
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .cache import used
from .extract import DOCUMENT_SUFFIXES, UNSUPPORTED
from .extract import version as extract_version
from .model import DocumentError
from .package.combined import CombinedPackage, combined_table_rows
from .package.execution import execution_facts
from .package.rows import COMBINED, code_sightings, document_row
from .package.write import install, stage, write_document_package
from .read.parsed import Parsed
from .read.pipeline import parse
from .read.provenance import PROVENANCE_SUFFIX, companions, load_provenance, provenance_path


@dataclass
class Report:
    built: list[Built] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)  # dataset ids taken from the parse cache
    written: list[str] = field(default_factory=list)  # packages whose files changed
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        warnings = sum(len(b.problems) for b in self.built)
        findings = sum(b.findings for b in self.built)
        checks = sum(b.checks for b in self.built)
        return (
            f"{len(self.built)} documents built, {len(self.errors)} failed; "
            f"{warnings} warnings; audit: {checks} checks, {findings} findings; "
            f"{len(self.built) - len(self.reused)} parsed, {len(self.reused)} unchanged; "
            f"{len(self.written)} packages written; {self.seconds:.1f} s"
        )


def discover(documents_dir: Path) -> tuple[list[Path], list[Path]]:
    """Documents (PDF, DOCX, extracted text, and the office files people download, which get
    a message saying what to do) and other files that are neither documents nor provenance."""
    files = sorted(p for p in Path(documents_dir).iterdir() if p.is_file())
    wanted = (*DOCUMENT_SUFFIXES, *UNSUPPORTED)
    parts = companion_files(files)
    documents = [p for p in files if p.suffix.lower() in wanted and p not in parts]
    others = [
        p
        for p in files
        if p.suffix.lower() not in (*wanted, PROVENANCE_SUFFIX)
        and not p.name.startswith(".")
        and p.name != "README.md"
    ]
    return documents, others


def companion_files(files: list[Path]) -> set[Path]:
    """The files that are part of another document (its provenance lists them): read with
    that document, never on their own."""
    found: set[Path] = set()
    for path in files:
        if path.suffix == PROVENANCE_SUFFIX:
            try:
                found.update(companions(path, load_provenance(path)))
            except DocumentError:
                continue  # reported when the document it describes is read
    return found


COMMANDS = ("add.py", "check.py", "cli.py", "site.py", "validate.py", "search_skip.py")


def code_version() -> str:
    """A hash of what reads a document: a cached parse is used only by what made it.

    Every module and reference file under the package counts (templates are code), except the
    pages, which read packages, and the maintainer's commands, which do not change how a
    document reads; and the versions of the libraries that shape what is read (PDF, DOCX,
    pinyin for ids)."""
    digest = hashlib.sha256(extract_version().encode())
    digest.update(f"pypinyin=={importlib.metadata.version('pypinyin')}".encode())
    here = Path(__file__).parent
    # the code and the reference data it reads (metadata/classification_names.csv)
    for source in sorted(p for p in here.rglob("*") if p.suffix in (".py", ".csv")):
        relative = source.relative_to(here)
        if relative.parts[0] != "pages" and relative.as_posix() not in COMMANDS:
            digest.update(relative.as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def cache_key(path: Path, version: str) -> str:
    """Content decides: the document's bytes, its provenance file's bytes and the code."""
    digest = hashlib.sha256(version.encode())
    digest.update(path.read_bytes())
    provenance = provenance_path(path)
    digest.update(provenance.read_bytes() if provenance.exists() else b"")
    try:
        parts = companions(path, load_provenance(provenance))
    except DocumentError:
        parts = []  # the read that follows reports the bad provenance
    for part in parts:
        digest.update(part.read_bytes() if part.exists() else b"")
    return digest.hexdigest()


def parse_cached(path: Path, cache: Path | None, version: str) -> tuple[Parsed, bool]:
    """Parse a document, or load the parse of the same bytes from the cache."""
    if cache is None:
        return parse(path), False
    entry = cache / "parsed" / f"{cache_key(path, version)}.pickle"
    if entry.exists():
        try:
            parsed = pickle.loads(used(entry).read_bytes())
            parsed.doc.path = path  # the same bytes may have been seen under another name
            return parsed, True
        except Exception:  # a damaged cache entry is parsed again
            entry.unlink()
    parsed = parse(path, cache)
    parsed.doc.records = []  # the text's rows are not needed once read: a smaller, faster cache
    parsed.doc.other_tables = []
    entry.parent.mkdir(parents=True, exist_ok=True)
    partial = entry.with_suffix(".partial")
    partial.write_bytes(pickle.dumps(parsed))
    partial.replace(entry)
    return parsed, False


Progress = Callable[[Path, str], None]


def _silent(path: Path, status: str) -> None:
    """The default progress report: none."""


@dataclass
class Built:
    """What the build keeps of a document once its package is staged: the parse itself stays in
    the worker process that made it; the summary, the problems and the combined package's rows
    come back."""

    dataset_id: str
    path: Path
    sha256: str
    document: dict  # its row of documents.csv
    tables: int
    checks: int
    findings: int
    problems: list[str]
    codes: list[tuple[str, str, str]]  # classification codes seen (packages.code_sightings)
    table_rows: str  # its rows of the combined document_tables.csv
    execution: list[dict]  # its budgeted and executed figures (package.execution)
    staging: Path | None  # its package, written beside its place (None: unchanged)
    reused: bool  # parse taken from the cache


def build_job(job: tuple[Path, Path, Path | None, str]) -> Built | str:
    """Parse one document (or take it from the cache) and stage its package; an error message
    when the document cannot be read.  Runs in a worker process."""
    path, out_dir, cache, version = job
    try:
        parsed, reused = parse_cached(path, cache, version)
    except DocumentError as error:
        return str(error)
    except Exception as error:  # a parser bug must not stop the other documents
        return f"{path}: internal error while reading: {error!r}"
    staging = None
    if not (reused and (out_dir / parsed.dataset_id / "datapackage.json").exists()):
        # A parse from the cache was made by the same code from the same bytes: its package
        # is the one in place (`make drift` rebuilds from scratch to prove it).
        staging = stage(out_dir / parsed.dataset_id, owner=f".{path.name}")
        write_document_package(staging, parsed)
    return Built(
        dataset_id=parsed.dataset_id,
        path=path,
        sha256=parsed.doc.sha256,
        document=document_row(parsed.doc),
        tables=len(parsed.tables),
        checks=len(parsed.checks),
        findings=sum(c.status == "fail" for c in parsed.checks),
        problems=[str(problem) for problem in parsed.doc.problems],
        codes=code_sightings(parsed),
        table_rows=combined_table_rows(parsed),
        execution=execution_facts(parsed),
        staging=staging,
        reused=reused,
    )


def build_documents(
    paths: list[Path],
    out_dir: Path,
    report: Report,
    cache: Path | None,
    progress: Progress,
    combined: CombinedPackage,
) -> None:
    """Build every document, in parallel on every core; then, in document order, keep the
    first of documents that claim the same dataset id, install the packages that changed and
    add each document to the combined package."""
    jobs = [(path, out_dir, cache, code_version()) for path in paths]
    processes = workers(len(jobs))
    with (
        multiprocessing.get_context("fork").Pool(processes)
        if processes > 1
        else nullcontext() as pool
    ):
        results = pool.imap(build_job, jobs, chunksize=4) if pool else map(build_job, jobs)
        owners: dict[str, Path] = {}
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, str):
                report.errors.append(result)
            elif result.dataset_id in owners:
                report.errors.append(
                    f"{path}: dataset id {result.dataset_id} is already used by "
                    f"{owners[result.dataset_id].name}; set `dataset_id` in its provenance "
                    "file if both are wanted"
                )
                if result.staging:
                    shutil.rmtree(result.staging)
            else:
                owners[result.dataset_id] = path
                report.built.append(result)
                report.reused += [result.dataset_id] if result.reused else []
                if result.staging and install(result.staging, out_dir / result.dataset_id):
                    report.written.append(result.dataset_id)
                combined.add(result, out_dir / result.dataset_id)
                progress(path, "unchanged" if result.reused else "parsed")
                continue
            progress(path, "failed")


def workers(count: int) -> int:
    """Processes for a build: one per core, none for a handful of documents."""
    return min(os.cpu_count() or 1, count // 8)


def remove_stale(out_dir: Path, keep: set[str], report: Report) -> None:
    for child in sorted(out_dir.iterdir()):
        if (
            child.is_dir()
            and child.name.startswith(".")
            and child.name.endswith((".partial", ".previous"))
        ):
            shutil.rmtree(child)
        elif child.is_dir() and (child / "datapackage.json").exists() and child.name not in keep:
            shutil.rmtree(child)
            report.notices.append(f"removed {child}: no document builds it any more")


def build_data(
    documents_dir: Path,
    out_dir: Path,
    cache: Path | None = None,
    progress: Progress | None = None,
) -> Report:
    """Documents → packages.  With a cache, a document whose bytes, provenance and reading
    code are unchanged is not parsed again, and a package whose files would not change is not
    rewritten: the result is byte-for-byte that of a build from scratch."""
    started = time.perf_counter()
    report = Report()
    documents_dir, out_dir = Path(documents_dir), Path(out_dir)
    if not documents_dir.is_dir():
        report.errors.append(f"{documents_dir}: no such folder of documents")
        return report
    paths, others = discover(documents_dir)
    report.notices += [
        f"{p}: skipped, not a document (documents are PDF, DOCX or extracted text)" for p in others
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    combined = CombinedPackage(out_dir)
    try:
        build_documents(paths, out_dir, report, cache, progress or _silent, combined)
    finally:
        combined.close()
    if combined.install():
        report.written.append(COMBINED)
    remove_stale(out_dir, {p.dataset_id for p in report.built} | {COMBINED}, report)
    report.seconds = time.perf_counter() - started
    return report
