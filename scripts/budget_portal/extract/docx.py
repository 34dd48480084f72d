"""Original DOCX → records, with python-docx (MIT).

The body is read in order, paragraphs and tables alike.  A table row gives one cell per cell
of the file (`w:tc`): a cell merged across columns is one cell, as extracted text has it
(docs/domain.md c.8c), and the lower part of a cell merged down a column is an empty cell.  A
cell's paragraphs are joined with line breaks.  A table that goes on after a page break as a
second table (the page break between them, its header rows repeated) is read as one: the
repeated header rows are dropped.

Each record knows its place in the file: `paragraph N` (the N-th paragraph of the body) or
`table T row R`.
"""

from __future__ import annotations

import io
import zipfile

from ..model import DocumentError, Paragraph, Row


def extract_docx(raw: bytes, path) -> list:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(path, f"damaged DOCX ({type(error).__name__}: {error})") from None
    records: list = []
    paragraphs = tables = 0
    previous_header: list[tuple[str, ...]] | None = None  # the header rows of the last table
    continues = False  # nothing but page breaks since the last table
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            text = DocxParagraph(element, document).text
            if text.strip():
                records.append(Paragraph(text, len(records) + 1, ref=f"paragraph {paragraphs}"))
                continues = False
        elif tag == "tbl":
            tables += 1
            rows = table_rows(element)
            header = [cells for cells, is_header in rows if is_header]
            repeated = continues and previous_header and header == previous_header
            if not repeated:
                previous_header = header
            for number, (cells, _) in enumerate(rows, start=1):
                if repeated and number <= len(header):
                    continue  # the header a page break repeated
                ref = f"table {tables} row {number}"
                records.append(Row(cells, len(records) + 1, ref=ref))
            continues = True
    if not records:
        raise DocumentError(path, "the DOCX has no text")
    return records


def table_rows(table) -> list[tuple[tuple[str, ...], bool]]:
    """(cells, is a repeated header row) of each row of a `w:tbl` element."""
    from docx.oxml.ns import qn

    out = []
    for tr in table.iterchildren(qn("w:tr")):
        properties = tr.find(qn("w:trPr"))
        is_header = properties is not None and properties.find(qn("w:tblHeader")) is not None
        cells = tuple(cell_text(tc) for tc in tr.iterchildren(qn("w:tc")))
        out.append((cells, is_header))
    return out


def cell_text(tc) -> str:
    """A cell's paragraphs joined by line breaks; the lower part of a vertical merge is empty."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph as DocxParagraph

    properties = tc.find(qn("w:tcPr"))
    merge = properties.find(qn("w:vMerge")) if properties is not None else None
    if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
        return ""
    texts = [DocxParagraph(p, None).text for p in tc.iter(qn("w:p"))]
    return "\n".join(texts).strip("\n").replace("\t", " ")
