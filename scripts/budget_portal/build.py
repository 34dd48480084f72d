"""The flow for a folder of documents: read → tables → audit → packages.

One bad document never stops the others: its error is reported with file and line, it gets no
package, and the exit status says that not every document built.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .activities import activity_rows
from .documents import (
    DOCUMENT_SUFFIX,
    PROVENANCE_SUFFIX,
    Document,
    DocumentError,
    provenance_path,
    read_document,
)
from .figures import figure_rows
from .narrative_audit import audit_document
from .packages import COMBINED, Parsed, write_combined_package, write_document_package
from .procurement import procurement_rows, table_printed
from .projects import project_rows
from .registers import fixed_asset_rows, organization_rows
from .sections import Section, glossary_rows, narrative_rows, section_of, split_sections
from .tables import read_tables


@dataclass
class Report:
    built: list[Parsed] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)  # dataset ids taken from the parse cache
    written: list[str] = field(default_factory=list)  # packages whose files changed
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        warnings = sum(len(p.doc.problems) for p in self.built)
        findings = sum(c.status == "fail" for p in self.built for c in p.checks)
        checks = sum(len(p.checks) for p in self.built)
        return (
            f"{len(self.built)} documents built, {len(self.errors)} failed; "
            f"{warnings} warnings; audit: {checks} checks, {findings} findings; "
            f"{len(self.built) - len(self.reused)} parsed, {len(self.reused)} unchanged; "
            f"{len(self.written)} packages written; {self.seconds:.1f} s"
        )


def discover(documents_dir: Path) -> tuple[list[Path], list[Path]]:
    """Documents (`*.txt`) and other files that are neither documents nor provenance."""
    files = sorted(p for p in Path(documents_dir).iterdir() if p.is_file())
    documents = [p for p in files if p.suffix == DOCUMENT_SUFFIX]
    others = [
        p
        for p in files
        if p.suffix not in (DOCUMENT_SUFFIX, PROVENANCE_SUFFIX)
        and not p.name.startswith(".")
        and p.name != "README.md"
    ]
    return documents, others


# Readers of the narrative part: the resources each fills, and the function.
READERS = (
    (("organizations",), organization_rows),
    (("projects", "performance_indicators"), project_rows),
    (("activities", "activity_indicators"), activity_rows),
    (("procurement",), procurement_rows),
    (("fixed_assets",), fixed_asset_rows),
    (("glossary",), glossary_rows),
    (("narrative",), narrative_rows),
)


def read_sections(doc: Document, sections: list[Section]) -> dict[str, list[dict]]:
    """Each reader on its own: a malformed section is reported and published empty, whole."""
    rows: dict[str, list[dict]] = {}
    for names, reader in READERS:
        try:
            result = reader(doc, sections)
        except Exception as error:  # one section must not stop the rest of the document
            line = sections[0].line if sections else None
            doc.warn(f"{', '.join(names)}: could not be read ({error!r}); published empty", line)
            result = tuple([] for _ in names) if len(names) > 1 else []
        rows.update(zip(names, result if len(names) > 1 else (result,), strict=True))
    rows["narrative_figures"] = figure_rows(doc, rows["narrative"])
    return rows


def parse(path: Path) -> Parsed:
    doc = read_document(path)
    tables = read_tables(doc)
    sections = split_sections(doc)
    rows = read_sections(doc, sections)
    printed = table_printed(sections)
    checks = audit_document(tables, rows, procurement_printed=printed)
    return Parsed(doc, tables, checks, rows, section_inventory(sections, rows, printed))


def section_inventory(
    sections: list[Section], rows: dict[str, list[dict]], procurement: bool
) -> list[dict]:
    """The narrative's tables accounted for like the nine: parsed, empty or missing."""
    inventory = []
    for key, section_key, title in SECTION_TABLES:
        found = rows[key]
        section = section_of(sections, section_key)
        empty = key == "procurement" and procurement and not found
        line = found[0]["source_line"] if found else (section.line if empty and section else None)
        status = "parsed" if found else ("empty" if empty else "missing")
        inventory.append({"table": key, "table_title": title, "table_status": status,
                          "rows": len(found), "note": "", "source_line": line})  # fmt: skip
    return inventory


SECTION_TABLES = (
    ("organizations", "duties", "部门机构设置情况"),
    ("projects", "projects", "项目绩效目标表"),
    ("activities", "performance", "部门职责-工作活动绩效目标"),
    ("procurement", "procurement", "部门政府采购预算"),
    ("fixed_assets", "assets", "部门固定资产占用情况表"),
    ("glossary", "glossary", "名词解释"),
)


def code_version() -> str:
    """A hash of the reading code: a cached parse is used only by the code that made it."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for source in sorted(here.glob("*.py")):
        if source.name not in ("add.py", "check.py", "cli.py", "site.py", "validate.py"):
            digest.update(source.read_bytes())
    return digest.hexdigest()


def cache_key(path: Path, version: str) -> str:
    """Content decides: the document's bytes, its provenance file's bytes and the code."""
    digest = hashlib.sha256(version.encode())
    digest.update(path.read_bytes())
    provenance = provenance_path(path)
    digest.update(provenance.read_bytes() if provenance.exists() else b"")
    return digest.hexdigest()


def parse_cached(path: Path, cache: Path | None, version: str) -> tuple[Parsed, bool]:
    """Parse a document, or load the parse of the same bytes from the cache."""
    if cache is None:
        return parse(path), False
    entry = cache / "parsed" / f"{cache_key(path, version)}.pickle"
    if entry.exists():
        try:
            parsed = pickle.loads(entry.read_bytes())
            parsed.doc.path = path  # the same bytes may have been seen under another name
            return parsed, True
        except Exception:  # a damaged cache entry is parsed again
            entry.unlink()
    parsed = parse(path)
    entry.parent.mkdir(parents=True, exist_ok=True)
    partial = entry.with_suffix(".partial")
    partial.write_bytes(pickle.dumps(parsed))
    partial.replace(entry)
    return parsed, False


Progress = Callable[[Path, str], None]


def _silent(path: Path, status: str) -> None:
    """The default progress report: none."""


def parse_all(
    paths: list[Path], report: Report, cache: Path | None = None, progress: Progress | None = None
) -> list[Parsed]:
    parsed_list: list[Parsed] = []
    owners: dict[str, Path] = {}
    version = code_version()
    progress = progress or _silent
    for path in paths:
        try:
            parsed, reused = parse_cached(path, cache, version)
        except DocumentError as error:
            report.errors.append(str(error))
            progress(path, "failed")
            continue
        except Exception as error:  # a parser bug must not stop the other documents
            report.errors.append(f"{path}: internal error while reading: {error!r}")
            progress(path, "failed")
            continue
        dataset_id = parsed.dataset_id
        if dataset_id in owners:
            report.errors.append(
                f"{path}: dataset id {dataset_id} is already used by {owners[dataset_id].name}; "
                "set `dataset_id` in its provenance file if both are wanted"
            )
            progress(path, "failed")
            continue
        owners[dataset_id] = path
        parsed_list.append(parsed)
        if reused:
            report.reused.append(dataset_id)
        progress(path, "unchanged" if reused else "parsed")
    return parsed_list


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
    report.notices += [f"{p}: skipped, only extracted text (*.txt) is read today" for p in others]
    report.built = parse_all(paths, report, cache, progress)
    out_dir.mkdir(parents=True, exist_ok=True)
    for parsed in report.built:
        if write_document_package(out_dir, parsed):
            report.written.append(parsed.dataset_id)
    if write_combined_package(out_dir, report.built):
        report.written.append(COMBINED)
    remove_stale(out_dir, {p.dataset_id for p in report.built} | {COMBINED}, report)
    report.seconds = time.perf_counter() - started
    return report
