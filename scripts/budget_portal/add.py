"""`budget-portal add`: take a new document into documents/ with a provenance file beside it.

The original file (PDF, DOCX, or text someone extracted) is what is kept, byte for byte, as
`<dataset_id>.<suffix>`.  The document is read first (template, metadata, layout); a document
already there — the same bytes, or the same dataset id — is refused unless the maintainer asks
to replace it.
"""

from __future__ import annotations

import datetime
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from .build import discover
from .model import Document, DocumentError
from .read.pipeline import read_document
from .read.provenance import load_provenance, provenance_path

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
        "title": options.get("title") or given.get("title") or "",
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
    **options,
) -> Added:
    """Copy `source` into `documents_dir` as `<dataset_id>.<suffix>` with `<dataset_id>.yml`."""
    source, documents_dir = Path(source), Path(documents_dir)
    if options.get("retrieved"):
        options["retrieved"] = check_date(options["retrieved"])
    doc = read_document(source, cache)  # DocumentError names the file and line
    found = clashes(doc, existing_documents(documents_dir, cache))
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
    return Added(target, provenance, doc, replaced)
