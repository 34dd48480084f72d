"""`budget-portal add`: take a new document into documents/ with a provenance file beside it.

The original file (PDF, DOCX, or text someone extracted) is what is kept, byte for byte, as
`<dataset_id>.<suffix>`.  The document is read first (template, metadata, layout); a document
already there — the same bytes, or the same dataset id — is refused unless the maintainer asks
to replace it.  A folder (a crawl of government sites) is taken file by file: one file that
cannot be added never stops the others.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .build import discover
from .extract import extract
from .model import Document, DocumentError, Row
from .package.write import kind_title
from .read.pipeline import read_document
from .read.provenance import PROVENANCE_SUFFIX, load_provenance, provenance_path
from .templates import NATIONAL_NAME, TEMPLATES, short_texts
from .templates import texts as template_texts
from .text import clean_label

ORIGINAL_FORMAT = {"pdf-tsv": "PDF", "docx-cells": "DOCX"}  # of text extracted from them
EXTRACTION = {
    "pdf": "read from the original PDF by this project (pdfplumber); "
    "the extracted text is a build cache, not kept",
    "docx": "read from the original DOCX by this project (python-docx); "
    "the extracted text is a build cache, not kept",
}


class AddError(Exception):
    """A document that must not be added as asked; the message says what to do."""


@dataclass
class Added:
    document: Path
    provenance: Path
    doc: Document
    replaced: list[Path]
    companion_of: Path | None = None  # the document this file is a part of (its tables)


@dataclass
class Outcome:
    """What became of one file: added, or refused with the reason (which names the file)."""

    source: Path
    added: Added | None = None
    refused: str = ""


def existing_documents(documents_dir: Path, cache: Path | None) -> list[Document]:
    """The documents already in the folder that can be read (unreadable ones cannot clash)."""
    found = []
    for path in discover(documents_dir)[0] if documents_dir.is_dir() else []:
        try:
            found.append(read_document(path, cache))
        except DocumentError:
            continue
    return found


def clashes(doc: Document, existing: list[Document]) -> list[tuple[Document, str]]:
    out = []
    for other in existing:
        if other.sha256 == doc.sha256:
            out.append((other, "the same content"))
        elif other.metadata.dataset_id == doc.metadata.dataset_id:
            out.append((other, f"the same dataset id {doc.metadata.dataset_id}"))
    return out


def provenance_for(doc: Document, source: Path, options: dict) -> dict:
    """The provenance file's fields: a YAML beside the source, then the options, then what the
    document itself says."""
    given = load_provenance(provenance_path(source))
    m = doc.metadata
    original = doc.source_format.upper() if doc.source_format != "text" else ""
    fields = {
        "file": f"{m.dataset_id}{source.suffix.lower()}",
        "sha256": doc.sha256,
        "publisher": options.get("publisher") or given.get("publisher") or m.agency,
        # none given: the title the document gives itself (agency, year, kind as it says them)
        "title": options.get("title") or given.get("title") or own_title(m),
        "year": m.year,
        "jurisdiction": m.jurisdiction,
        "department_code": m.department_code,
        "original_format": options.get("original_format")
        or given.get("original_format")
        or original
        or ORIGINAL_FORMAT.get(doc.layout, ""),
        "text_extraction": EXTRACTION.get(doc.source_format)
        or given.get("text_extraction", f"text extracted ({doc.layout})"),
        "obtained_from": options.get("url") or given.get("obtained_from") or "",
        "retrieved": options.get("retrieved") or given.get("retrieved") or "",
        "added": given.get("added") or datetime.date.today().isoformat(),  # when it joined
        "added_from": source.name,
    }
    if given.get("dataset_id"):
        fields["dataset_id"] = given["dataset_id"]
    return fields


def check_date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise AddError(f"--retrieved {text!r}: give the date as YYYY-MM-DD") from None


def add_document(
    source: Path,
    documents_dir: Path,
    replace: bool = False,
    cache: Path | None = None,
    existing: list[Document] | None = None,
    **options,
) -> Added:
    """Copy `source` into `documents_dir` as `<dataset_id>.<suffix>` with `<dataset_id>.yml`.
    `existing`, the documents already there, is read from the folder unless given, and is
    kept up to date (adding many files reads the folder once)."""
    source, documents_dir = Path(source), Path(documents_dir)
    if options.get("retrieved"):
        options["retrieved"] = check_date(options["retrieved"])
    doc = read_document(source, cache)  # DocumentError names the file and line
    if existing is None:
        existing = existing_documents(documents_dir, cache)
    found = clashes(doc, existing)
    if found and not replace:
        other, why = found[0]
        raise AddError(
            f"{source}: {why} as {other.path} is already in {documents_dir}; "
            "nothing added (use --replace to replace it)"
        )
    replaced = []
    for other, _ in found:
        for path in (other.path, provenance_path(other.path)):
            if path.exists():
                path.unlink()
                replaced.append(path)
    existing[:] = [d for d in existing if not any(d is other for other, _ in found)]
    fields = provenance_for(doc, source, options)
    target = documents_dir / fields["file"]
    documents_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    header = f"# Provenance of {target.name}: where the document came from, checked against its sha256 at every build.\n"
    provenance = provenance_path(target)
    provenance.write_text(
        header + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    existing.append(dataclasses.replace(doc, path=target))
    return Added(target, provenance, doc, replaced)


def files_to_add(paths: list[Path], documents_dir: Path) -> list[tuple[Path, str]]:
    """Each file to add, with the reason it cannot be when that shows already: the files named
    and every file in the folders named (recursively, sorted), except hidden ones and those
    of the documents folder itself.  A provenance file beside a document goes with it."""
    documents = Path(documents_dir).resolve()
    found: dict[Path, str] = {}
    for path in map(Path, paths):
        if not path.is_dir():
            found.setdefault(path, "")
            continue
        root = path.resolve()
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and (root == documents or documents not in p.resolve().parents)
        )
        for file in files:
            found.setdefault(file, "")
        if not files:
            found.setdefault(path, "a folder with no files in it: nothing to add")
    beside = {p.with_suffix("") for p in found if p.suffix.lower() != PROVENANCE_SUFFIX}
    out = []
    for path, refusal in found.items():
        if path.suffix.lower() == PROVENANCE_SUFFIX and not path.is_dir():
            if path.with_suffix("") in beside:
                continue  # read as the provenance of the document beside it
            refusal = (
                "a .yml file, not a document "
                "(a provenance file goes beside its document, under the same name)"
            )
        out.append((path, refusal))
    return out


def add_documents(
    paths: list[Path],
    documents_dir: Path,
    replace: bool = False,
    cache: Path | None = None,
    **options,
) -> Iterator[Outcome]:
    """Add every file of `files_to_add(paths)`, one after the other, saying what became of
    each; a file that cannot be added is refused and the next one is tried."""
    documents_dir = Path(documents_dir)
    existing: list[Document] | None = None  # read once, when the first file needs it
    tables_only: list[tuple[Path, str]] = []  # files of tables that do not say whose they are
    narratives: list[Added] = []  # documents added without tables: a companion may hold them
    for source, refusal in files_to_add(paths, documents_dir):
        if refusal:
            yield Outcome(source, refused=f"{source}: {refusal}")
            continue
        if existing is None:
            existing = existing_documents(documents_dir, cache)
        try:
            added = add_document(source, documents_dir, replace, cache, existing, **options)
        except DocumentError as error:
            if has_tables(source, cache):
                tables_only.append((source, str(error)))
            else:
                yield Outcome(source, refused=str(error))
            continue
        except AddError as error:
            yield Outcome(source, refused=str(error))
            continue
        except Exception as error:  # a file no one foresaw must not stop a crawl's other files
            why = f"{type(error).__name__}: {error}"
            yield Outcome(source, refused=f"{source}: cannot be read ({why}); please report it")
            continue
        if not prints_rows(added.document, cache):
            narratives.append(added)
        yield Outcome(source, added)
    for source, error in tables_only:
        owner = next((a for a in narratives if is_companion(source, a.doc, cache)), None)
        if owner is None:
            yield Outcome(source, refused=f"{error} (nor is it the tables of a document added "
                          "with it: none names the same agency and year)")  # fmt: skip
            continue
        yield Outcome(source, attach_companion(source, owner))


def records_of(path: Path, cache: Path | None) -> list:
    try:
        return extract(path.read_bytes(), path, cache).records
    except (DocumentError, OSError):
        return []


def has_tables(path: Path, cache: Path | None) -> bool:
    """Whether a file prints any of the nine tables (their titles, by the national structure's
    vocabulary, and rows)."""
    records = records_of(path, cache)
    national = TEMPLATES[NATIONAL_NAME]
    titled = any(national.title_of(text) for text in short_texts(records))
    return titled and any(isinstance(r, Row) for r in records)


def prints_rows(path: Path, cache: Path | None) -> bool:
    """Whether a document prints any table at all (a 情况说明 published alone prints none)."""
    return any(isinstance(r, Row) for r in records_of(path, cache))


def is_companion(path: Path, doc: Document, cache: Path | None) -> bool:
    """A file of tables is the companion of a document (北京: 报表 beside 情况说明) when it
    names the document's agency and budget year (部门名称 and 2026年度 in its tables)."""
    records = extract(path.read_bytes(), path, cache).records
    text = "".join(template_texts(records))
    agency = clean_label(doc.metadata.agency)
    return agency in text and f"{doc.metadata.year}年" in text


def attach_companion(source: Path, owner: Added) -> Added:
    """Copy a companion beside its document, byte for byte, and list it in its provenance."""
    raw = source.read_bytes()
    number = len(load_provenance(owner.provenance).get("companions") or []) + 1
    target = owner.document.with_name(f"{owner.document.stem}-{number}{source.suffix.lower()}")
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    fields = load_provenance(owner.provenance)
    fields["companions"] = [
        *(fields.get("companions") or []),
        {"file": target.name, "sha256": hashlib.sha256(raw).hexdigest(), "added_from": source.name},
    ]
    header = owner.provenance.read_text(encoding="utf-8").splitlines()[0] + "\n"
    owner.provenance.write_text(
        header + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return Added(target, owner.provenance, owner.doc, [], companion_of=owner.document)


def own_title(m) -> str:
    """部门 + 年度 + 部门预算/单位预算/部门决算/单位决算, as a document without a given title is named."""
    return f"{m.agency}{m.year}年{kind_title(m)}"
