"""Step 1: a file as governments publish it → records, one module per format.

The format is told from the file's first bytes, not from its name: a PDF starts `%PDF`, a DOCX
is a zip holding `word/document.xml`, an old Word or Excel file (or an encrypted Office file)
is an OLE container; anything else is read as extracted text.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import used
from ..model import DocumentError, Paragraph, Record, Row
from .docx import extract_docx
from .pdf import extract_pdf
from .text import text_records

DOCUMENT_SUFFIXES = (".txt", ".pdf", ".docx")
ACCEPTED = "the portal reads PDF (.pdf), Word (.docx) and text extracted from them (.txt)"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Other files people download from government sites, and what to do with them.
UNSUPPORTED = {
    ".doc": "a Word 97–2003 file (.doc) cannot be read: save it as .docx or PDF and add that",
    ".xls": "an Excel 97–2003 file (.xls) cannot be read: budget documents are read from their "
    "PDF or DOCX",
    ".xlsx": "an Excel workbook cannot be read: budget documents are read from their PDF or DOCX",
    ".wps": "a WPS file cannot be read: save it as .docx or PDF and add that",
    ".ofd": "an OFD file cannot be read: ask the publisher for the PDF",
}
# The libraries whose versions shape what an extractor returns (see `version`).
LIBRARIES = {
    "text": (),
    "pdf": ("pdfplumber", "pdfminer.six", "pypdfium2"),
    "docx": ("python-docx",),
}


@dataclass
class Extraction:
    source_format: str  # text, pdf, docx
    encoding: str
    layout: str
    records: list[Record]
    notes: list[str] = field(default_factory=list)  # what was repaired on the way, to be said


def sniff(raw: bytes, path: Path) -> str:
    """The format of a file from its first bytes; the name of a file we cannot read says what
    to do with it."""
    suffix = path.suffix.lower()
    if raw.startswith(b"%PDF"):
        return "pdf"
    # What a crawler saves when a link leads to a web page instead of the file: first
    # non-blank bytes `<!DOCTYPE html` or `<html`, in any case, after a byte order mark.
    head = raw[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        saved_as = f" saved as {suffix}" if suffix else ""
        what = f"a {suffix[1:].upper()}" if suffix in (".pdf", ".docx") else "a budget document"
        raise DocumentError(
            path,
            f"an HTML web page{saved_as}, not {what}: download the document the page links to",
        )
    if suffix in UNSUPPORTED:
        raise DocumentError(path, UNSUPPORTED[suffix])
    if raw.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
        except zipfile.BadZipFile:
            raise DocumentError(path, f"damaged zip file (is it a DOCX?); {ACCEPTED}") from None
        if "word/document.xml" in names:
            return "docx"
        raise DocumentError(path, f"a zip file, not a DOCX; {ACCEPTED}")
    if raw.startswith(OLE):
        raise DocumentError(
            path,
            "an old Office file or an encrypted one: save it as .docx or PDF without a password "
            "and add that",
        )
    if suffix in (".pdf", ".docx"):
        raise DocumentError(path, f"not a {suffix[1:].upper()} file (damaged or misnamed)")
    if suffix not in DOCUMENT_SUFFIXES and not is_text(raw):
        raise DocumentError(
            path,
            f"not a document this portal reads ({suffix or 'no extension'}): {ACCEPTED}",
        )
    return "text"


def is_text(raw: bytes) -> bool:
    """Whether the start of a file reads as text (UTF-8 or GB18030, no NUL bytes)."""
    head = raw[:4096]
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:  # a character cut at the end of the sample
                return True
    return False


def records_of(records: list, source_format: str, notes: list[str] = ()) -> Extraction:
    layout = "pdf-tsv" if source_format == "pdf" else "docx-cells"
    return Extraction(source_format, "", layout, records, list(notes))


def pdf_extraction(raw: bytes, path: Path) -> Extraction:
    records, notes = extract_pdf(raw, path)
    return records_of(records, "pdf", notes)


EXTRACTORS: dict[str, Callable[[bytes, Path], Extraction]] = {
    "text": lambda raw, path: Extraction("text", *text_records(raw, path)),
    "pdf": pdf_extraction,
    "docx": lambda raw, path: records_of(extract_docx(raw, path), "docx"),
}


def extract(raw: bytes, path: Path, cache: Path | None = None) -> Extraction:
    """The records of a file; with a cache, a file read before by the same extractor and the
    same libraries is not read again (its records are kept as JSON: the extracted text)."""
    source_format = sniff(raw, path)
    if cache is None or source_format == "text":
        return EXTRACTORS[source_format](raw, path)
    entry = cache / "extracted" / f"{hashlib.sha256(raw + version().encode()).hexdigest()}.json"
    if entry.exists():
        try:
            return from_json(json.loads(used(entry).read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError):  # a damaged entry is extracted again
            entry.unlink()
    extraction = EXTRACTORS[source_format](raw, path)
    entry.parent.mkdir(parents=True, exist_ok=True)
    partial = entry.with_suffix(".partial")
    partial.write_text(json.dumps(to_json(extraction), ensure_ascii=False), encoding="utf-8")
    partial.replace(entry)
    return extraction


@functools.cache
def version() -> str:
    """What an extraction depends on besides the file: the extractors' code and the versions
    of the libraries they use."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    for name in sorted({lib for libs in LIBRARIES.values() for lib in libs}):
        digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
    return digest.hexdigest()


def to_json(extraction: Extraction) -> dict:
    return {
        "source_format": extraction.source_format,
        "encoding": extraction.encoding,
        "layout": extraction.layout,
        "notes": extraction.notes,
        "records": [
            [r.line, r.page, r.ref, list(r.cells) if isinstance(r, Row) else r.text]
            for r in extraction.records
        ],
    }


def from_json(data: dict) -> Extraction:
    records = [
        Row(tuple(content), line, page, ref)
        if isinstance(content, list)
        else Paragraph(content, line, page, ref)
        for line, page, ref, content in data["records"]
    ]
    return Extraction(
        data["source_format"], data["encoding"], data["layout"], records, data.get("notes", [])
    )


def render(records: list[Record]) -> str:
    """The extracted text: one record a line (a row's cells TAB-separated), a form feed a
    page; a record's `line` is its line here."""
    lines: list[str] = []
    for record in records:
        while len(lines) < record.line - 1:
            lines.append("\f")
        if isinstance(record, Row):
            lines.append("\t".join(" ".join(c.split()) for c in record.cells))
        elif isinstance(record, Paragraph):
            lines.append(" ".join(record.text.split()))
    return "\n".join(lines) + "\n"
