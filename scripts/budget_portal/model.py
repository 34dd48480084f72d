"""The records every step of the flow passes on.

A document, whatever its format, is read into a list of `Row` and `Paragraph` records in body
order; each knows where it was read: `line` is the line of the document's text (for a PDF or
DOCX, of the text extracted from it, one record a line), `page` the PDF page, `ref` the DOCX
position.  Every later step keeps the line, so every figure can be traced to its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be turned into data; the message names the file (and line)."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path, self.line = str(path), line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Problem:
    """A warning about a document: something read with less than full confidence."""

    path: str
    line: int | None
    message: str
    page: int | None = None  # of a PDF

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        where += f" (p. {self.page})" if self.page else ""
        return f"{where}: warning: {self.message}"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    line: int
    page: int | None = None
    ref: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    page: int | None = None
    ref: str = ""


Record = Row | Paragraph


@dataclass
class Metadata:
    dataset_id: str
    agency: str
    jurisdiction: str
    department_code: str
    year: int
    unit: str
    title: str = ""
    publisher: str = ""
    original_format: str = ""
    obtained_from: str = ""
    retrieved: str = ""
    added: str = ""  # when the document was added to the portal (YYYY-MM-DD)
    kind: str = "department"  # department (部门预算) or unit (单位预算)
    department_id: str = ""  # the department across years and kinds
    document_type: str = "budget"  # budget (预算) or final_accounts (决算): registry DOCUMENT_TYPES
    # where the jurisdiction is (metadata/places.py): "" where it could not be placed
    division_code: str = ""
    province: str = ""
    prefecture: str = ""
    county: str = ""


@dataclass
class Document:
    path: Path
    sha256: str
    encoding: str
    layout: str
    records: list[Record]
    metadata: Metadata | None
    problems: list[Problem] = field(default_factory=list)
    source_format: str = "text"  # text, pdf or docx: the format of the file itself
    template: str = ""
    # line → (page, ref) of every record that has one: kept when the records are dropped
    locations: dict[int, tuple[int | None, str]] = field(default_factory=dict)
    # tables beyond the nine the document prints: (title, line, records), reported, not read
    other_tables: list[tuple[str, int, list]] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path.name, line, message, self.page_of(line)))

    def page_of(self, line: int | None) -> int | None:
        return self.locations.get(line, (None, ""))[0] if line else None

    def ref_of(self, line: int | None) -> str:
        return self.locations.get(line, (None, ""))[1] if line else ""
