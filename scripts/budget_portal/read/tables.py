"""Step 2: find the nine standard tables in a document's records and repair their rows.

The layout defects repaired here (DOMAIN.md c) are handled by rule, never by line number:

* repeated page headers (agency line, 预算年度, 单位, column headers, 栏次/档次 row) are skipped
  wherever they appear inside a table;
* a row without 序号 right after a repeated header is the rest of the row cut by the page
  break: each of its cells is appended to the same cell of the previous row, so `20805`+`07`
  becomes code 2080507 and `6228.`+`00` becomes 6228.00;
* a name-only fragment that makes the name disagree with the same code elsewhere in the
  document, while the name without it agrees, is a stray duplicate and is dropped, with a
  warning (`住房公积金`+`金`);
* wrap spaces inside labels are removed; blank amount cells of an existing row are 0;
* empty tables (only a note, or a blank row) give an empty table, not an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..metadata.classification import class_code_for_label, is_code, level_of, parent_of
from ..metadata.registry import TABLES
from ..model import Document, Paragraph, Row
from ..text import clean_label, is_blank, label_key, parse_amount

ZERO = Decimal("0")


# Columns the parser derives rather than reads from a printed column.
DERIVED = {"row_number", "level", "parent_code", "expenditure_code", "source_line", "source_lines"}
_TEXT_COLUMNS = {"code", "name", "income_name", "expenditure_name"}


@dataclass(frozen=True)
class TableSpec:
    key: str
    title_pattern: re.Pattern
    kind: str  # "coded" | "two_sided" | "labelled"
    classification: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """The printed columns after 序号, in order, as the registry lists them."""
        return tuple(f for f in TABLES[self.key].fields if f not in DERIVED)

    @property
    def width(self) -> int:
        return 1 + len(self.columns)

    @property
    def amounts(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in _TEXT_COLUMNS)


def _title(pattern: str) -> re.Pattern:
    return re.compile(rf"^(部门预算)?{pattern}$")


SPECS: tuple[TableSpec, ...] = (
    TableSpec("income_expenditure_summary", _title("收支总表"), "two_sided"),
    TableSpec("income", _title("收入总表"), "coded", "functional"),
    TableSpec("expenditure", _title("支出总表"), "coded", "functional"),
    TableSpec("fiscal_appropriation_summary", _title("财政拨款收支总表"), "two_sided"),
    TableSpec(
        "general_budget_expenditure", _title("一般公共预算财政拨款支出表"), "coded", "functional"
    ),
    TableSpec("basic_expenditure", _title("一般公共预算财政拨款基本支出表"), "coded", "economic"),
    TableSpec(
        "government_fund_expenditure",
        _title("政府性?基金预算财政拨款支出表"),
        "coded",
        "functional",
    ),
    TableSpec(
        "state_capital_expenditure", _title("国有资本经营预算财政拨款支出表"), "coded", "functional"
    ),
    TableSpec("three_public", _title("财政拨款三公经费支出表"), "labelled"),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}
assert tuple(SPEC_BY_KEY) == tuple(TABLES), "tables.SPECS and registry.TABLES must agree"

# Paragraphs (or DOCX rows) a page break repeats inside a table: agency line, budget year
# (whole or split in two), unit, page number.
_PAGE_NOISE = re.compile(
    r"^(\d{1,4}|\d{3}\s*[\u4e00-\u9fff].*|.*预算年度.*|预算年|度[:：]\s*\d{4}|单位[:：].*)$"
)
_HEADER_META = re.compile(r"预算年度|^单位[:：]")
_NOTE = re.compile(r"^注[:：]")
_HEADER_START = {"序号"}
_HEADER_END = {"栏次", "档次"}  # 档次 is a misprint of 栏次 (c.6)


@dataclass
class TableRow:
    cells: list[str]
    source_lines: list[int]
    fragments: list[tuple[int, str, str]] = field(default_factory=list)  # (line, column, text)
    values: dict = field(default_factory=dict)

    @property
    def source_line(self) -> int:
        return self.source_lines[0]


@dataclass
class Table:
    spec: TableSpec
    title: str
    title_line: int
    rows: list[TableRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unreadable: str = ""

    @property
    def status(self) -> str:
        if self.unreadable:
            return "unreadable"
        return "parsed" if self.rows else "empty"

    def records(self) -> list[dict]:
        """Wide rows as the document prints them, plus where each came from."""
        return [
            {
                **row.values,
                "source_line": row.source_line,
                "source_lines": ",".join(map(str, row.source_lines)),
            }
            for row in self.rows
        ]


def is_page_noise(text: str) -> bool:
    return bool(_PAGE_NOISE.match(clean_label(text)))


def title_spec(record) -> TableSpec | None:
    if not isinstance(record, Paragraph):
        return None
    key = label_key(record.text)
    return next((s for s in SPECS if s.title_pattern.match(key)), None)


def split_sections(records) -> list[tuple[TableSpec, Paragraph, list]]:
    """Each standard-table title with the records up to the first paragraph of other text."""
    sections = []
    current = None
    for record in records:
        spec = title_spec(record)
        if spec:
            current = (spec, record, [])
            sections.append(current)
        elif current is None:
            continue
        elif isinstance(record, Paragraph) and not (
            is_page_noise(record.text) or _NOTE.match(clean_label(record.text))
        ):
            current = None
        else:
            current[2].append(record)
    return sections


def warn_if_incomplete(tables: dict[str, Table], records: list, doc: Document) -> None:
    """A document cut short ends inside a table, or has only some of the nine (bad input)."""
    if not tables:
        return
    last = max(tables.values(), key=lambda t: t.title_line)
    if last.rows and records and last.rows[-1].source_lines[-1] == _last_row_line(records):
        doc.warn(
            f"the document ends inside {last.spec.key} (title at line {last.title_line}); "
            "it may be truncated",
            last.rows[-1].source_line,
        )
    missing = [s.key for s in SPECS if s.key not in tables]
    if missing:
        doc.warn(
            f"only {len(tables)} of the nine standard tables found; missing: {', '.join(missing)}"
        )


def _last_row_line(records: list) -> int | None:
    return records[-1].line if isinstance(records[-1], Row) else None


def first_key(cells) -> str:
    return label_key(cells[0]) if cells else ""


def _fit(cells: tuple[str, ...], width: int, doc: Document, line: int) -> list[str]:
    cells = list(cells)
    if len(cells) > width:
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            doc.warn(f"row has {len(cells)} cells, expected {width}; ignored {extra}", line)
        cells = cells[:width]
    elif len(cells) < width and not is_blank(cells):
        doc.warn(f"row has {len(cells)} cells, expected {width}; missing cells read as blank", line)
    return cells + [""] * (width - len(cells))


def read_section(spec: TableSpec, title: Paragraph, body: list, doc: Document) -> Table:
    """Header, data and continuation rows of one table (c.1, c.3, c.6, c.7)."""
    table = Table(spec, clean_label(title.text), title.line)
    state = "before-header"
    after_header = False
    for record in body:
        if isinstance(record, Paragraph):
            if _NOTE.match(clean_label(record.text)):
                table.notes.append(clean_label(record.text))
            continue
        if any(_HEADER_META.search(clean_label(c)) for c in record.cells):
            continue  # DOCX puts agency, year and unit in one row of cells (c.8d)
        key = first_key(record.cells)
        if key in _HEADER_START:
            state = "header"
            continue
        if state == "header":
            if key in _HEADER_END:
                numbers = [c.strip() for c in record.cells[1:] if c.strip()]
                if len(numbers) != len(spec.columns):
                    table.unreadable = (
                        f"栏次 row lists {len(numbers)} columns, expected {len(spec.columns)}"
                    )
                    doc.warn(f"{spec.key}: {table.unreadable}; table not read", record.line)
                    return table
                state, after_header = "data", True
            continue
        if state != "data" or is_blank(record.cells):
            continue
        cells = _fit(record.cells, spec.width, doc, record.line)
        if cells[0].strip():
            table.rows.append(TableRow(cells, [record.line]))
        elif table.rows:
            if not after_header:
                doc.warn(
                    "row without 序号 not after a page header; joined to the row above", record.line
                )
            join_continuation(table.rows[-1], cells, record.line, spec)
        else:
            doc.warn("row without 序号 before any numbered row; ignored", record.line)
        after_header = False
    if state == "before-header":
        table.unreadable = "no column header (序号 … 栏次) found"
    return table


def join_continuation(row: TableRow, cells: list[str], line: int, spec: TableSpec) -> None:
    """Append each cell of a page-break continuation to the same cell of the row (c.1)."""
    filled = [spec.columns[i - 1] for i, c in enumerate(cells) if i and c.strip()]
    if filled and all(column in _TEXT_COLUMNS - {"code"} for column in filled):
        for column in filled:
            row.fragments.append((line, column, cells[spec.columns.index(column) + 1]))
    row.cells = [a + b for a, b in zip(row.cells, cells, strict=True)]
    row.source_lines.append(line)


def read_tables(doc: Document) -> dict[str, Table]:
    """The standard tables found in the document, by key; a title without a header is a TOC."""
    tables: dict[str, Table] = {}
    for spec, title, body in split_sections(doc.records):
        table = read_section(spec, title, body, doc)
        if table.unreadable == "no column header (序号 … 栏次) found" and not table.rows:
            continue  # a table of contents entry, not the table
        if spec.key in tables:
            doc.warn(f"{spec.key} printed twice; the second copy is ignored", title.line)
            continue
        tables[spec.key] = table
    for table in tables.values():
        fill_values(table, doc)
    drop_stray_fragments(tables, doc)
    warn_if_incomplete(tables, doc.records, doc)
    return tables


# --- cell text to typed values --------------------------------------------------------------


def norm_code(cell: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell))


def fill_values(table: Table, doc: Document) -> None:
    spec = table.spec
    parent = ""
    for row in table.rows:
        values: dict = {}
        number = norm_code(row.cells[0])
        if not number.isdigit():
            doc.warn(f"{spec.key}: 序号 {row.cells[0]!r} is not a number", row.source_line)
        values["row_number"] = int(number) if number.isdigit() else None
        for column, cell in zip(spec.columns, row.cells[1:], strict=True):
            if column == "code":
                values[column] = norm_code(cell)
            elif column in _TEXT_COLUMNS:
                values[column] = clean_label(cell)
            else:
                values[column] = read_amount(cell, doc, row.source_line, spec.key, column)
        if spec.kind == "coded":
            code = values["code"]
            if code and not is_code(code, spec.classification):
                doc.warn(
                    f"{spec.key}: {code!r} is not a {spec.classification} code", row.source_line
                )
            values["level"] = (
                level_of(code) if code or label_key(values["name"]) == "合计" else None
            )
            values["parent_code"] = parent_of(code)
        elif spec.kind == "two_sided":
            blank_sides(values, spec)
            values["expenditure_code"] = class_code_for_label(values["expenditure_name"])
        else:
            values["level"], parent = three_public_level(values["name"], parent)
        row.values = values


def read_amount(cell: str, doc: Document, line: int, table: str, column: str) -> Decimal | None:
    try:
        amount = parse_amount(cell)
    except ValueError:
        doc.warn(f"{table}.{column}: cannot read {cell!r} as an amount; left empty", line)
        return None
    return ZERO if amount is None else amount


def blank_sides(values: dict, spec: TableSpec) -> None:
    """A side of a two-sided row with no label and no figures does not exist (null, not 0)."""
    income = ("income_name", "income")
    expenditure = ("expenditure_name", *spec.columns[spec.columns.index("expenditure_name") + 1 :])
    for side in (income, expenditure):
        name, *amounts = side
        if not values[name] and all(values[a] in (ZERO, None) for a in amounts):
            for amount in amounts:
                values[amount] = None


def three_public_level(name: str, parent: str) -> tuple[int, str]:
    """合计/小计 0; `一、…` 1; `其中：…` and the unnumbered rows after it 2."""
    key = label_key(name)
    if key.startswith("合计") or key.endswith("小计"):
        return 0, ""
    if re.match(r"^[一二三四五六七八九十]+、", key):
        return 1, key
    return 2, parent


# --- page-break fragments checked against the rest of the document (c.2) ---------------------


def names_by_code(tables: dict[str, Table], skip: str) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for key, table in tables.items():
        if key == skip or table.spec.kind != "coded":
            continue
        for row in table.rows:
            if row.values.get("code") and not row.fragments:
                names[row.values["code"]].add(label_key(row.values["name"]))
    return names


def drop_stray_fragments(tables: dict[str, Table], doc: Document) -> None:
    for key, table in tables.items():
        if table.spec.kind != "coded" or not any(row.fragments for row in table.rows):
            continue
        elsewhere = names_by_code(tables, skip=key)
        for row in table.rows:
            if not row.fragments or not elsewhere.get(row.values["code"]):
                continue
            known = elsewhere[row.values["code"]]
            line, column, text = row.fragments[-1]
            without = row.values[column].removesuffix(clean_label(text))
            if label_key(row.values[column]) not in known and label_key(without) in known:
                doc.warn(
                    f"{key}: stray fragment {clean_label(text)!r} not joined to "
                    f"{row.values['code']} {without} (named so in the other tables)",
                    line,
                )
                row.values[column] = without
                row.fragments.pop()
                row.source_lines.remove(line)
