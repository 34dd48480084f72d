"""Extracted text: the seeds' two layouts (docs/domain.md a, c.8), decoded once at the edge.

* ``pdf-tsv``: text extracted from a PDF, one table row per line, cells separated by TAB;
  paragraphs are lines without a TAB.
* ``docx-cells``: text extracted from a DOCX, one cell per line behind a leading TAB, a blank
  line between rows; an untabbed line right after a cell continues that cell (a second
  paragraph inside it) unless it looks like a heading, a bookmark or a page number.

A form feed (``\\f``, as pdftotext writes between pages) starts a new page: records after it
know their page.  Either way the result is a list of `Row` and `Paragraph` records, each with
the 1-based line where it starts.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from pathlib import Path

from ..metadata.registry import LAYOUTS as LAYOUTS  # the vocabulary, defined with the fields
from ..model import DocumentError, Paragraph, Row


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode once at the edge: UTF-8 (BOM or not) first, then GB18030; line ends unified."""
    if not raw.strip():
        raise DocumentError(path, "the file is empty")
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw, encoding = raw[len(codecs.BOM_UTF8) :], "utf-8-sig"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text, encoding = raw.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            line = raw[: utf8_error.start].count(b"\n") + 1
            raise DocumentError(path, "not UTF-8 or GB18030 text", line) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DocumentError(path, "binary data, not extracted text", line)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


_TSV_LINE = re.compile(r"^[^\t\s][^\t]*\t")
_CELL_LINE = re.compile(r"^[ \u3000]*\t")


def detect_layout(lines: list[str]) -> str:
    tsv = sum(1 for line in lines if _TSV_LINE.match(line))
    cells = sum(1 for line in lines if _CELL_LINE.match(line) and line.count("\t") == 1)
    if tsv > cells:
        return "pdf-tsv"
    return "docx-cells" if cells else "plain"


def tsv_records(lines: list[str]) -> list[Row | Paragraph]:
    records: list[Row | Paragraph] = []
    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            records.append(Row(tuple(line.split("\t")), number))
        elif line.strip():
            records.append(Paragraph(line, number))
    return records


_NOT_A_CONTINUATION = re.compile(
    r"^(\s|\[bookmark:|\d{1,4}\s*$|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)"
)


def docx_records(lines: list[str]) -> list[Row | Paragraph]:
    """Group one-cell-per-line text into rows (c.8): a blank line ends a row."""
    records: list[Row | Paragraph] = []
    cells: list[str] = []
    start = 0

    def end_row() -> None:
        nonlocal cells
        if cells:
            records.append(Row(tuple(cells), start))
        cells = []

    for number, line in enumerate(lines, start=1):
        if _CELL_LINE.match(line):
            if not cells:
                start = number
            cells.append(line.split("\t", 1)[1].rstrip("\t"))
        elif not line.strip():
            end_row()
        elif cells and not _NOT_A_CONTINUATION.match(line):
            cells[-1] = f"{cells[-1]}\n{line}"
        else:
            end_row()
            records.append(Paragraph(line, number))
    end_row()
    return records


def to_records(lines: list[str], layout: str) -> list[Row | Paragraph]:
    return docx_records(lines) if layout == "docx-cells" else tsv_records(lines)


def paginate(records: list, lines: list[str]) -> list:
    """Records with the page they are on, when the text marks page breaks with form feeds."""
    breaks = [number for number, line in enumerate(lines, start=1) if "\f" in line]
    if not breaks:
        return records
    out, page, pending = [], 1, iter(breaks)
    next_break = next(pending, None)
    for record in records:
        while next_break is not None and next_break <= record.line:
            page, next_break = page + 1, next(pending, None)
        out.append(replace(record, page=page))
    return out


def text_records(raw: bytes, path: Path) -> tuple[str, str, list]:
    """(encoding, layout, records) of a text file."""
    text, encoding = decode(raw, path)
    lines = text.split("\n")
    layout = detect_layout(lines)
    return encoding, layout, paginate(to_records(lines, layout), lines)
