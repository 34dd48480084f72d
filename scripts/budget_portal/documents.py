"""Step 1: read a budget document into rows and paragraphs, with its metadata and provenance.

Two text layouts exist today (DOMAIN.md a, c.8):

* ``pdf-tsv``: text extracted from a PDF, one table row per line, cells separated by TAB;
  paragraphs are lines without a TAB.
* ``docx-cells``: text extracted from a DOCX, one cell per line behind a leading TAB, a blank
  line between rows; an untabbed line right after a cell continues that cell (a second
  paragraph inside it) unless it looks like a heading, a bookmark or a page number.

Either way the result is the same list of `Row` and `Paragraph` records, each with the 1-based
line where it starts, so every later step can say where a figure was read.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .text import clean_label

LAYOUTS = ("pdf-tsv", "docx-cells", "plain")
PROVENANCE_SUFFIX = ".yml"
DOCUMENT_SUFFIX = ".txt"


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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: warning: {self.message}"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


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


@dataclass
class Document:
    path: Path
    sha256: str
    encoding: str
    layout: str
    records: list[Row | Paragraph]
    metadata: Metadata
    problems: list[Problem] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path.name, line, message))


# --- bytes to lines -------------------------------------------------------------------------


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


# --- metadata -------------------------------------------------------------------------------

_TITLE = re.compile(
    r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年\s*部门预算(?:信息)?公开情况说明$"
)
_AGENCY_LINE = re.compile(r"^(?P<code>\d{3})\s*(?P<name>[\u4e00-\u9fff][^\t]*)$")
_BUDGET_YEAR = re.compile(r"预算年度[:：]\s*(?P<year>(?:19|20)\d{2})")
_UNIT = re.compile(r"^单位[:：]\s*(?P<unit>\S+)$")
_JURISDICTION = re.compile(
    r"^(?:[^市县区旗]{1,8}?(?:市|州|盟|地区))?(?:[^市县区旗]{1,8}?(?:县|区|旗|市))?"
)
_MAY_BE_METADATA = re.compile(r"^\d{3}|年|度|单位")
_ADMIN_UNIT = re.compile(r".+?(?:省|自治区|市|州|盟|地区|县|区|旗)")


def texts(records: list[Row | Paragraph]):
    """Every paragraph and cell with its line, and a row's cells joined (for split labels)."""
    for record in records:
        if isinstance(record, Paragraph):
            yield clean_label(record.text), record.line
        else:
            for cell in record.cells:
                yield clean_label(cell), record.line
            yield clean_label("".join(record.cells)), record.line


def jurisdiction_of(agency: str) -> str:
    """The government a department belongs to, from its name: 承德市双桥区人力资源… → 承德市双桥区."""
    return _JURISDICTION.match(agency).group(0)


def slug(text: str) -> str:
    """ASCII, URL-readable: 承德市双桥区 → chengdeshi-shuangqiaoqu."""
    from pypinyin import lazy_pinyin  # its dictionaries take a third of a second to load

    units = _ADMIN_UNIT.findall(text) or [text]
    parts = ["".join(lazy_pinyin(unit)) for unit in units]
    return "-".join(re.sub(r"[^a-z0-9]+", "", part.lower()) for part in parts if part)


def read_metadata(records: list[Row | Paragraph]) -> dict:
    """Agency, department code, year and unit as printed; the first occurrence wins."""
    found: dict = {}
    years: dict[int, int] = {}
    units: dict[str, int] = {}
    previous = ""
    joined_year = ""
    for text, line in texts(records):
        if not _MAY_BE_METADATA.search(text):  # most cells are amounts: skip the patterns
            joined_year, previous = "", text or previous
            continue
        if (match := _TITLE.match(text)) and "agency" not in found:
            found["agency"] = match["agency"] or previous
            found["title_year"] = int(match["year"])
        if (
            (match := _AGENCY_LINE.match(text))
            and "department_code" not in found
            and jurisdiction_of(match["name"])
        ):
            found["department_code"], found["agency_line"] = match["code"], match["name"]
        # `预算年度：` and its year may be split over two lines (c.4): test the pair too.
        for candidate in (text, joined_year + text):
            if match := _BUDGET_YEAR.search(candidate):
                years.setdefault(int(match["year"]), line)
                break
        joined_year = text if text.startswith("预算年") and len(text) < 8 else ""
        if match := _UNIT.match(text):
            units.setdefault(match["unit"], line)
        if text:
            previous = text
    found["years"], found["units"] = years, units
    return found


def load_provenance(path: Path) -> dict:
    """The YAML beside a document; dates stay strings (PyYAML would make them dates)."""
    if not path.exists():
        return {}

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise DocumentError(path, f"provenance is not valid YAML: {error}", line) from None
    if not isinstance(data, dict):
        raise DocumentError(path, "provenance must be a YAML mapping")
    return data


def provenance_path(document: Path) -> Path:
    return document.with_suffix(PROVENANCE_SUFFIX)


def build_metadata(found: dict, provenance: dict, path: Path, doc: Document) -> Metadata:
    agency = found.get("agency") or found.get("agency_line")
    years = found["years"]
    year = found.get("title_year") or (min(years, key=years.get) if years else None)
    if not agency or not year:
        raise DocumentError(
            path, "not a budget document: no 部门预算 title, agency line or budget year found"
        )
    for other, line in years.items():
        if other != year:
            doc.warn(f"budget year {other} differs from the document's year {year}", line)
    if provenance.get("year") and int(provenance["year"]) != year:
        doc.warn(f"provenance says year {provenance['year']}, the document says {year}")
    units = found["units"]
    for unit, line in units.items():
        if unit != "万元":
            raise DocumentError(path, f"amounts in {unit}, only 万元 is supported", line)
    code = str(provenance.get("department_code") or found.get("department_code") or "")
    if not code:
        doc.warn("no department code (like `316 邯郸市人社局`) found")
    jurisdiction = provenance.get("jurisdiction") or jurisdiction_of(agency)
    if not jurisdiction:
        raise DocumentError(path, f"cannot tell the jurisdiction from agency name {agency!r}")
    dataset_id = provenance.get("dataset_id") or "-".join(
        part for part in (slug(jurisdiction), code or slug(agency), str(year)) if part
    )
    return Metadata(
        dataset_id=dataset_id,
        agency=agency,
        jurisdiction=jurisdiction,
        department_code=code,
        year=year,
        unit="万元",
        title=provenance.get("title", ""),
        publisher=provenance.get("publisher", ""),
        original_format=provenance.get("original_format", ""),
        obtained_from=provenance.get("obtained_from", ""),
        retrieved=str(provenance.get("retrieved", "")),
    )


def read_document(path: Path) -> Document:
    """Read one document; raises DocumentError when it cannot be used at all."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot read: {error.strerror}") from None
    text, encoding = decode(raw, path)
    lines = text.split("\n")
    layout = detect_layout(lines)
    records = to_records(lines, layout)
    doc = Document(path, hashlib.sha256(raw).hexdigest(), encoding, layout, records, None)
    if encoding != "utf-8":
        doc.warn(f"decoded as {encoding}")
    provenance = load_provenance(provenance_path(path))
    if not provenance:
        doc.warn(f"no provenance file {provenance_path(path).name}; metadata read from the text")
    elif provenance.get("sha256") and provenance["sha256"] != doc.sha256:
        doc.warn("sha256 differs from the provenance file: the document changed since")
    found = read_metadata(records)
    doc.metadata = build_metadata(found, provenance, path, doc)
    return doc
