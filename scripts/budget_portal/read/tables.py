"""Step 2b: find the nine standard tables in a document's records and repair their rows.

What a table looks like in print comes from the document's template (`TableLayout`); what it
publishes comes from the registry.  Defects repaired here (docs/domain.md c, e) by rule, never by
line number:

* repeated page headers (agency line, 预算年度, 单位, column headers, 栏次/档次 row) are skipped
  wherever they appear inside a table, and so is a header a page break repeats;
* a row without 序号 right after a repeated header is the rest of the row cut by the page
  break: each of its cells is appended to the same cell of the previous row, so `20805`+`07`
  becomes code 2080507 and `6228.`+`00` becomes 6228.00;
* a name-only fragment that makes the name disagree with the same code elsewhere in the
  document, while the name without it agrees, is a stray duplicate and is dropped, with a
  warning (`住房公积金`+`金`);
* a code printed over 类/款/项 columns is joined (`201 | 13 | 01` → 2011301), a 款 or 项 that
  lost its leading zero gets it back (`302 | 7` → 30207), with a warning;
* wrap spaces inside labels are removed; blank amount cells of an existing row are 0, a column
  the template does not print is null;
* empty tables (only a note, or a blank row) give an empty table, not an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..metadata.classification import (
    CLASS_BY_LABEL,
    class_code_for_label,
    is_code,
    level_of,
    parent_of,
    reference,
)
from ..metadata.registry import FIELDS, ROLE_OF, TABLE_SETS, TABLES
from ..metadata.units import IN_WAN_YUAN
from ..model import Document, DocumentError, Paragraph, Row
from ..templates import TableLayout, Template, words
from ..text import clean_label, is_blank, label_key, parse_amount, strip_numbering

ZERO = Decimal("0")
TEXT_COLUMNS = {"code", "name", "income_name", "expenditure_name"}
# The widths of the parts of a code printed over 类/款/项 columns.
CODE_PARTS = {"functional": (3, 2, 2), "economic": (3, 2)}
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")


@dataclass(frozen=True)
class TableSpec:
    """What a standard table is, whatever prints it: its shape and classification."""

    key: str
    kind: str  # "coded" | "two_sided" | "labelled"
    classification: str | None = None

    @property
    def role(self) -> str:
        """What the table is for, whatever document type prints it (`expenditure` for 支出总表
        and 支出决算表)."""
        return ROLE_OF[self.key]

    @property
    def amounts(self) -> tuple[str, ...]:
        """The table's amount columns, in the registry's order."""
        return tuple(f for f in TABLES[self.key].fields if FIELDS[f].type == "number")


_ROLE_SPECS: tuple[TableSpec, ...] = (
    TableSpec("income_expenditure_summary", "two_sided"),
    TableSpec("income", "coded", "functional"),
    TableSpec("expenditure", "coded", "functional"),
    TableSpec("fiscal_appropriation_summary", "two_sided"),
    TableSpec("general_budget_expenditure", "coded", "functional"),
    TableSpec("basic_expenditure", "coded", "economic"),
    TableSpec("government_fund_expenditure", "coded", "functional"),
    TableSpec("state_capital_expenditure", "coded", "functional"),
    TableSpec("three_public", "labelled"),
)
# Every document type's table of a role has the role's shape.
SPECS: tuple[TableSpec, ...] = tuple(
    replace(spec, key=tables[spec.key]) for tables in TABLE_SETS.values() for spec in _ROLE_SPECS
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}
assert tuple(SPEC_BY_KEY) == tuple(TABLES), "tables.SPECS and registry.TABLES must agree"


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
    layout: TableLayout | None = None
    rows: list[TableRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unreadable: str = ""
    unit: str = ""
    columns: list[str | None] = field(default_factory=list)  # the field of each printed cell
    unread: list[str] = field(default_factory=list)  # the labels of columns no field fits
    by_unit: bool = False  # its rows are units (单位名称), not a classification
    unresolved: list[str] = field(default_factory=list)  # printed names no code was found for
    blocks: bool = False  # printed in blocks side by side (人员经费 | 公用经费): one figure a row
    lines: list[int] = field(default_factory=list)  # every record the table spans

    @property
    def printed(self) -> set[str]:
        """The fields the document prints a column for (a table printed across: its total)."""
        if self.layout is None:  # a table made in code, not read: it has what its rows hold
            return set(TABLES[self.spec.key].fields)
        across = self.layout.header == "across" and not self.columns
        return set(self.layout.printed) if across else {c for c in self.columns if c}

    @property
    def status(self) -> str:
        if self.unreadable:
            return "unreadable"
        return "parsed" if self.rows else "empty"

    def records(self) -> list[dict]:
        """Wide rows as the document prints them, plus their unit and where each came from."""
        return [
            {
                **row.values,
                "unit": self.unit,
                "source_line": row.source_line,
                "source_lines": ",".join(map(str, row.source_lines)),
            }
            for row in self.rows
        ]


# --- where the tables are ------------------------------------------------------------------


def record_text(record) -> str:
    """A paragraph's text, or the one filled cell of a row (a title printed inside a grid)."""
    if isinstance(record, Paragraph):
        return record.text
    filled = [c for c in record.cells if c.strip()]
    return filled[0] if len(filled) == 1 else ""


FURNITURE_PAGES = 3  # a short line printed on this many pages is a running header or footer
_TITLE_LIKE = re.compile(r"^.{2,40}表(?:\(.{0,12}\))?$")


def running_lines(records) -> set[str]:
    """Short paragraphs repeated on several pages: running headers and footers (a PDF prints
    `某局2026年度部门预算公开` above every page, landing above a table's title or inside it)."""
    pages: dict[str, set[int]] = defaultdict(set)
    for record in records:
        if isinstance(record, Paragraph) and record.page and len(record.text) <= 40:
            pages[label_key(record.text)].add(record.page)
    return {text for text, on in pages.items() if len(on) >= FURNITURE_PAGES}


def split_tables(
    records, template: Template
) -> tuple[list[tuple[TableLayout, object, list]], list]:
    """Each table title with the records up to the first paragraph of other text or the title
    of another table; a title printed again on a continuation page continues its table.  Also
    the titles of tables beyond the nine (the template's `other_tables`, or any short line that
    reads as a table's title), which end the table before them."""
    noise, note = re.compile(template.page_noise), re.compile(template.note)
    furniture = running_lines(records)
    found, others = [], []
    current = None
    for record in records:
        text = record_text(record)
        layout = template.title_of(text)
        if layout and current and current[0] and current[0].key == layout.key and current[2]:
            continue  # the title again, above the rest of the table on the next page
        if layout:
            current = (layout, record, [])
            found.append(current)
            continue
        if template.other_title_of(text) or _TITLE_LIKE.match(label_key(text)):
            current = (None, record, [])  # a table beyond the nine: reported, not read
            others.append(current)
        elif current is None:
            continue
        elif isinstance(record, Paragraph) and not (
            noise.match(clean_label(record.text))
            or note.match(clean_label(record.text))
            or label_key(record.text) in furniture
        ):
            current = None
        else:
            current[2].append(record)
    return found, others


def read_tables(doc: Document, template: Template) -> dict[str, Table]:
    """The standard tables found in the document, by key; a title without a header is a TOC."""
    tables: dict[str, Table] = {}
    found, others = split_tables(doc.records, template)
    doc.other_tables = [
        (clean_label(record_text(title)), title.line, body) for _, title, body in others
    ]
    for layout, title, body in found:
        table = Table(SPEC_BY_KEY[layout.key], clean_label(record_text(title)), title.line, layout)
        table.lines = [title.line, *(r.line for r in body)]
        table.unit = table_unit(body, template, doc)
        READERS[layout.header](table, body, doc, template)
        if table.unreadable == NO_HEADER and not table.rows:
            continue  # a table of contents entry, not the table
        if layout.key in tables:
            doc.warn(f"{layout.key} printed twice; the second copy is ignored", title.line)
            continue
        tables[layout.key] = table
    for table in tables.values():
        if table.layout.header != "across" or table.columns:
            fill_values(table, doc)
    for table in tables.values():
        if (
            table.spec.kind == "coded"
            and not table.by_unit
            and not any(r.values.get("code") for r in table.rows)
        ):
            resolve_names(table, tables, doc)
    drop_stray_fragments(tables, doc)
    warn_if_incomplete(tables, doc.records, doc, template)
    return tables


def table_unit(body: list, template: Template, doc: Document) -> str:
    """The unit a table's `单位：…` line gives (the template's usual unit when none does)."""
    pattern = re.compile(template.unit_line)
    found: dict[str, int] = {}
    for record in body:
        texts = [record.text] if isinstance(record, Paragraph) else record.cells
        for text in texts:
            if match := pattern.search(clean_label(text)):
                found.setdefault(match["unit"], record.line)
    for unit, line in found.items():
        if unit not in IN_WAN_YUAN:
            raise_unit(doc, unit, line)
    if len(found) > 1:
        doc.warn(f"a table prints more than one unit: {', '.join(found)}", min(found.values()))
    return next(iter(found), template.default_unit)


def raise_unit(doc: Document, unit: str, line: int):
    known = "、".join(IN_WAN_YUAN)
    raise DocumentError(
        doc.path, f"amounts in {unit}: not a money unit this portal knows ({known})", line
    )


def warn_if_incomplete(
    tables: dict[str, Table], records: list, doc: Document, template: Template
) -> None:
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
    missing = [t.key for t in template.tables if t.key not in tables]
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


def is_meta_row(cells, template: Template) -> bool:
    """A row of page furniture: agency, year, unit (DOCX puts them in cells, c.8d)."""
    meta = re.compile(template.header_meta)
    return any(meta.search(clean_label(c)) for c in cells)


# --- numbered headers: a 序号 column and a 栏次 row ----------------------------------------

NO_HEADER = "no column header found"


def read_numbered(table: Table, body: list, doc: Document, template: Template) -> None:
    """Header, data and continuation rows of a table with 序号 and 栏次 (c.1, c.3, c.6, c.7)."""
    layout = table.layout
    table.columns = ["row_number", *(c.field for c in layout.columns)]
    width = len(table.columns)
    state = "before-header"
    after_header = False
    for record in body:
        if isinstance(record, Paragraph):
            note(table, record, template)
            continue
        if is_meta_row(record.cells, template):
            continue
        key = first_key(record.cells)
        if key == template.row_number_label:
            state = "header"
            continue
        if state == "header":
            if key in template.column_number_labels:
                numbers = [c.strip() for c in record.cells[1:] if c.strip()]
                if len(numbers) != len(layout.columns):
                    why = f"栏次 row lists {len(numbers)} columns, expected {len(layout.columns)}"
                    not_read(table, why, doc, record.line)
                    return
                state, after_header = "data", True
            continue
        if state != "data" or is_blank(record.cells):
            continue
        cells = _fit(record.cells, width, doc, record.line)
        if cells[0].strip():
            table.rows.append(TableRow(cells, [record.line]))
        elif table.rows:
            if not after_header:
                doc.warn(
                    "row without 序号 not after a page header; joined to the row above", record.line
                )
            join_continuation(table, table.rows[-1], cells, record.line)
        else:
            doc.warn("row without 序号 before any numbered row; ignored", record.line)
        after_header = False
    if state == "before-header":
        table.unreadable = NO_HEADER


def not_read(table: Table, why: str, doc: Document, line: int) -> None:
    """A table whose layout does not fit: reported, not read (never guessed)."""
    table.unreadable = why
    doc.warn(f"{table.spec.key}: {why}; table not read", line)


def note(table: Table, record: Paragraph, template: Template) -> None:
    if re.match(template.note, clean_label(record.text)):
        table.notes.append(clean_label(record.text))


def join_continuation(table: Table, row: TableRow, cells: list[str], line: int) -> None:
    """Append each cell of a page-break continuation to the same cell of the row (c.1)."""
    filled = [table.columns[i] for i, c in enumerate(cells) if i and c.strip()]
    if filled and all(column in TEXT_COLUMNS - {"code"} for column in filled):
        for column in filled:
            row.fragments.append((line, column, cells[table.columns.index(column)]))
    row.cells = [a + b for a, b in zip(row.cells, cells, strict=True)]
    row.source_lines.append(line)


# --- labelled headers: columns found by the labels printed over them --------------------------


def is_index_row(cells) -> bool:
    """A row numbering the columns under a header (`** 1 2 3 4 5`, `栏次 1 2 3`), not data."""
    keys = [label_key(c) for c in cells if label_key(c)]
    numbers = [k for k in keys if k.isdigit()]
    rest = [k for k in keys if not k.isdigit()]
    return (
        bool(numbers)
        and (len(numbers) >= 2 or bool(rest))
        and [int(n) for n in numbers]
        == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
        and all(re.fullmatch(r"\*+|栏次|档次|行次|序号|[甲乙丙丁]", k) for k in rest)
    )


def is_data(cells, total_first: bool = True) -> bool:
    """A row with a figure, or one that starts with a code or a total (合计) label (and is not
    a header that merely begins with the 合计 column)."""
    if is_index_row(cells):
        return False
    keys = [label_key(c) for c in cells]
    if any(_NUMBER.match(k) for k in keys[1:] if k) or (keys and _NUMBER.match(keys[0] or "x")):
        return True
    labels = [k for k in keys[1:] if k]
    # 合计 first over other column labels is a header (中央: 合计 | 上年结转 | 一般公共预算…)
    return total_first and bool(keys) and bool(words.TOTAL.match(keys[0])) and len(labels) < 2


def header_block(body: list, template: Template, total_first: bool = True):
    """(header rows, the records after them): the rows before the first row of data."""
    header: list = []
    after = 0  # where the records after the header start (a table with no data: its note)
    for index, record in enumerate(body):
        if isinstance(record, Paragraph) or is_meta_row(record.cells, template):
            continue
        if is_index_row(record.cells):
            after = index + 1
            continue
        if is_data(record.cells, total_first):
            return header, body[index:]
        header.append(record)
        after = index + 1
    return header, body[after:]


def leaf_labels(header: list, width: int) -> list[list[str]]:
    """For each column, the labels printed over it, top to bottom."""
    stacks: list[list[str]] = [[] for _ in range(width)]
    for record in header:
        for index, cell in enumerate(record.cells[:width]):
            if label_key(cell):
                stacks[index].append(clean_label(cell))
    return stacks


def map_columns(layout: TableLayout, stacks: list[list[str]]) -> tuple[list[str | None], list[str]]:
    """The field of each printed column, from its lowest label, in the template's order; and
    the labels no column of the template matches."""
    expected = list(layout.columns)
    fields: list[str | None] = []
    unknown = []
    for stack in stacks:
        label = label_key(stack[-1]) if stack else ""
        match = next((c for c in expected if re.fullmatch(c.label, label)), None) if label else None
        if match:
            expected = expected[expected.index(match) + 1 :]
            fields.append(match.field)
        else:
            fields.append(None)
            if label:
                unknown.append(stack[-1])
    return fields, unknown


def read_labelled(table: Table, body: list, doc: Document, template: Template) -> None:
    """A table whose header labels say what each column is; no 序号, rows in printed order."""
    layout = table.layout
    header, rest = header_block(body, template)
    if not header:
        table.unreadable = NO_HEADER
        return
    width = max(len(r.cells) for r in header)
    table.columns, unknown = map_columns(layout, leaf_labels(header, width))
    if unknown:
        not_read(
            table,
            f"unknown column headers {unknown} (template {template.name})",
            doc,
            header[0].line,
        )
        return
    repeated = {tuple(label_key(c) for c in r.cells) for r in header}
    for record in rest:
        if isinstance(record, Paragraph):
            note(table, record, template)
        elif is_meta_row(record.cells, template) or is_blank(record.cells):
            continue
        elif tuple(label_key(c) for c in record.cells) in repeated:
            continue  # the header again, at the top of a page
        else:
            cells = [*record.cells[:width], *[""] * (width - len(record.cells))]
            table.rows.append(TableRow(cells, [record.line]))


def split_level_words(header: list, rest: list) -> tuple[list, list]:
    """The 类 | 款 | 项 labels of the code columns, printed on the first row of data (上海's
    决算: `类 款 项 合计 2,946.25 …`): they go to the header, the rest of the row stays data."""
    first = next((i for i, r in enumerate(rest) if isinstance(r, Row)), None)
    if first is None:
        return header, rest
    cells = list(rest[first].cells)
    count = next(
        (i for i, c in enumerate(cells) if label_key(c) not in words.LEVEL_WORDS), len(cells)
    )
    if count < 2 or [label_key(c) for c in cells[:count]] != list(words.LEVEL_WORDS[:count]):
        return header, rest
    labels = replace(rest[first], cells=(*cells[:count], *[""] * (len(cells) - count)))
    data = replace(rest[first], cells=(*[""] * count, *cells[count:]))
    return [*header, labels], [*rest[:first], data, *rest[first + 1 :]]


def map_meanings(layout: TableLayout, stacks: list[list[str]]) -> list[str | None]:
    """The field of each printed column by what its labels mean: the first field of the
    vocabulary, not yet taken (a code may take several columns), whose label matches the
    column's lowest label or all its labels read together."""
    taken: set[str] = set()
    fields: list[str | None] = []
    for stack in stacks:
        # The most specific reading first: all the labels over the column, then its lowest.
        keys = [label_key("".join(stack[i:])) for i in range(len(stack))]
        match = next(
            (
                c
                for k in keys
                for c in layout.columns
                if (c.field == "code" or c.field not in taken) and re.fullmatch(c.label, k)
            ),
            None,
        )
        fields.append(match.field if match else None)
        if match:
            taken.add(match.field)
    return fields


def read_meaning(table: Table, body: list, doc: Document, template: Template) -> None:
    """A table whose columns are known by what their headers mean, in any order: a column no
    field fits is reported (with the labels printed over it) and not read, never guessed.
    Rows cut by a wrap are joined: a row holding only the rest of the row above's name, or
    only the last digits of its amounts."""
    header, rest = header_block(body, template)
    if not header:
        table.unreadable = NO_HEADER
        return
    header, rest = split_level_words(header, rest)
    rows = [r for r in rest if isinstance(r, Row)]
    width = max(len(r.cells) for r in (*header, *rows))
    stacks = leaf_labels(header, width)
    if blocks := side_by_side(table.layout, stacks):
        spread = leaf_labels(spanned(header), width)
        repeated = {tuple(label_key(c) for c in r.cells) for r in header}
        read_blocks(table, blocks, stacks, spread, rest, repeated, doc, template)
        return
    table.columns = map_meanings(table.layout, stacks)
    if "name" in table.columns and stacks[table.columns.index("name")]:
        table.by_unit = bool(words.BY_UNIT.search(stacks[table.columns.index("name")][-1]))
    figures = [r for r in rows if is_data(r.cells) and not is_index_row(r.cells)]
    totals_only = table.spec.kind == "coded" and len(figures) == 1
    if not any(f in ("name", "code", "income_name") for f in table.columns) and not totals_only:
        labels = [s[-1] for s in stacks if s]
        not_read(table, f"no column of names or codes among {labels}", doc, header[0].line)
        return
    repeated = {tuple(label_key(c) for c in r.cells) for r in header}
    for record in rest:
        if isinstance(record, Paragraph):
            note(table, record, template)
            continue
        keys = tuple(label_key(c) for c in record.cells)
        if is_meta_row(record.cells, template) or is_blank(record.cells) or keys in repeated:
            continue
        if is_index_row(record.cells):
            continue
        filled = [c for c in record.cells if c.strip()]
        if len(filled) == 1 and re.match(template.note, clean_label(filled[0])):
            table.notes.append(clean_label(filled[0]))
            continue
        cells = [*record.cells[:width], *[""] * (width - len(record.cells))]
        if table.rows and is_wrapped_rest(table.columns, cells, table.rows[-1].cells):
            join_continuation(table, table.rows[-1], cells, record.line)
            continue
        table.rows.append(TableRow(cells, [record.line]))
    if "name" not in table.columns and table.spec.kind == "coded" and len(table.rows) == 1:
        # One row of figures and no column to name it (北京 prints 收入总表 as its totals):
        # the table's 合计, said so.
        table.columns.append("name")
        table.rows[0].cells.append(words.TOTAL_LABELS[0])
        doc.warn(f"{table.spec.key}: no column of names; its one row of figures is read as 合计",
                 table.rows[0].source_line)  # fmt: skip
    index = re.compile(template.index_columns) if template.index_columns else None
    unread = sorted(
        {
            " / ".join(stacks[i])
            for i, f in enumerate(table.columns[: len(stacks)])
            if f is None
            and stacks[i]
            and not (index and index.fullmatch(label_key(stacks[i][-1])))  # 行次: row numbers
        }
        & {
            " / ".join(stacks[i])
            for r in table.rows
            for i, c in enumerate(r.cells[: len(stacks)])
            if c.strip()
        }
    )
    if unread:
        table.unread = unread
        doc.warn(f"{table.spec.key}: columns not read (no published field fits): {unread}",
                 header[0].line)  # fmt: skip


# --- a table printed in blocks side by side (人员经费 | 公用经费 | 公用经费 continued) ---------------

_MEASURES = ("personnel", "public")  # what a block's label or its totals row may say it holds


def field_of(layout: TableLayout, stack: list[str]) -> str | None:
    """The field a column's labels mean, on their own (no field taken by another column)."""
    keys = [label_key("".join(stack[i:])) for i in range(len(stack))]
    return next((c.field for k in keys for c in layout.columns if re.fullmatch(c.label, k)), None)


def side_by_side(layout: TableLayout, stacks: list[list[str]]) -> list[range]:
    """The column ranges of blocks printed side by side, each with its own code, name and
    amount columns; [] for a table printed once across the page."""
    fields = [field_of(layout, stack) for stack in stacks]
    starts = [
        i for i, f in enumerate(fields) if f == "code" and (i == 0 or fields[i - 1] != "code")
    ]
    if len(starts) < 2 or fields.count("name") < 2:
        return []
    ends = [*starts[1:], len(stacks)]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)]


def block_measure(layout: TableLayout, label: str) -> str | None:
    """人员经费 or 公用经费 (or 人员经费合计…) said by a label: the field the block's figures are."""
    key = label_key(label).removesuffix(words.TOTAL_WORD)
    return next(
        (c.field for c in layout.columns if c.field in _MEASURES and re.fullmatch(c.label, key)),
        None,
    )


def read_blocks(
    table: Table,
    blocks: list[range],
    stacks: list[list[str]],
    spread: list[list[str]],
    rest: list,
    repeated: set[tuple[str, ...]],
    doc: Document,
    template: Template,
) -> None:
    """Each block read top to bottom over every page, one block after another.  A row's figure
    is its `total` and, where the block says what it holds, that field too: the label over the
    block (`spread`: a merged label covers the blocks under it), else the label of the block's
    totals row.  A totals row pairs each label with the next figure to its right (人员经费合计
    … 7,967.72)."""
    layout = table.layout
    fields = [field_of(layout, stack) for stack in stacks]
    measures = [
        next((m for label in spread[b.start] if (m := block_measure(layout, label))), None)
        for b in blocks
    ]
    width = max(sum(fields[i] == "code" for i in block) for block in blocks)
    rows: list[list[tuple[list[str], int]]] = [[] for _ in blocks]
    totals: list[tuple[str, str, int]] = []
    for record in rest:
        if isinstance(record, Paragraph):
            note(table, record, template)
            continue
        if is_meta_row(record.cells, template) or is_blank(record.cells):
            continue
        if is_index_row(record.cells) or tuple(map(label_key, record.cells)) in repeated:
            continue  # the header again, at the top of a page
        cells = [*record.cells, *[""] * (len(stacks) - len(record.cells))]
        if any(label_key(c).endswith(words.TOTAL_WORD) for c in cells):
            totals += [(label, amount, record.line) for label, amount in label_pairs(cells)]
            continue
        for number, block in enumerate(blocks):
            part = [cells[i] for i in block]
            if any(c.strip() for c in part):
                rows[number].append((part, record.line))
    said = [block_measure(layout, label) for label, _, _ in totals]
    for number in range(len(blocks)):  # no label over it: its totals row says, or the one before
        if measures[number] is None:
            inherited = measures[number - 1] if number else None
            measures[number] = (said[number] if number < len(said) else None) or inherited
    kept = [m for m in _MEASURES if m in measures or m in said]
    table.columns = ["code"] * width + ["name", "total", *kept]
    table.blocks = True
    for number, block in enumerate(blocks):
        codes = [i for i in block if fields[i] == "code"]
        name = next((i for i in block if fields[i] == "name"), None)
        amount = next((i for i in block if fields[i] not in ("code", "name", None)), None)
        for part, line in rows[number]:
            by_index = dict(zip(block, part, strict=True))
            figure = by_index.get(amount, "")
            cells = [by_index[i] for i in codes] + [""] * (width - len(codes))
            cells += [by_index.get(name, ""), figure]
            cells += [figure if m == measures[number] else "" for m in kept]
            table.rows.append(TableRow(cells, [line]))
    for label, figure, line in totals:
        measure = block_measure(layout, label)
        cells = [""] * width + [clean_label(label), figure]
        cells += [figure if m == measure else "" for m in kept]
        table.rows.append(TableRow(cells, [line]))


def label_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """Each label of a totals row with the next figure to its right."""
    out, label = [], ""
    for cell in cells:
        if _NUMBER.match(label_key(cell) or "x"):
            if label:
                out.append((label, cell))
                label = ""
        elif label_key(cell):
            label = cell
    return out


_DIGITS = re.compile(r"^\d{1,2}$")
_CODE = re.compile(r"^\[?\d{3,7}\]?")


def is_wrapped_rest(columns: list[str | None], cells: list[str], above: list[str]) -> bool:
    """A row that only finishes the row above: the rest of its name (no code, no figure), or
    the last digits of amounts too wide for their cells (`18,536.8` / `8`)."""
    filled = {columns[i]: c.strip() for i, c in enumerate(cells) if c.strip()}
    if (
        not filled
        or any(f is None for f in filled)
        or any(words.TOTAL.match(label_key(t)) for t in filled.values())
    ):
        return False
    names = {"name", "income_name", "expenditure_name"}
    if set(filled) <= names:
        above_code = "code" in columns and above[columns.index("code")].strip()
        named_code = any(_CODE.match(above[columns.index(f)].strip()) for f in filled)
        return bool(above_code or named_code) and not any(_CODE.match(t) for t in filled.values())
    amounts = [f for f in filled if f not in TEXT_COLUMNS]
    return (
        len(amounts) == len(filled)
        and all(_DIGITS.match(t) for t in filled.values())
        and all(above[columns.index(f)].strip() for f in amounts)
    )


def read_across(table: Table, body: list, doc: Document, template: Template) -> None:
    """A table printed across: one column an item (in a phase: 预算数, 决算数), figures in the
    row below the header; each item is one published row."""
    layout = table.layout
    header, rest = header_block(body, template, total_first=False)
    rows = [r for r in rest if isinstance(r, Row) and not is_blank(r.cells)]
    if header and layout.columns and not printed_across(layout, header):
        read_meaning(table, body, doc, template)  # its items are rows (项目 | 预算数)
        return
    for record in rest:
        if isinstance(record, Paragraph):
            note(table, record, template)
    if not header:
        table.unreadable = NO_HEADER
        return
    if len(rows) > 1:
        doc.warn(f"{layout.key}: {len(rows)} rows of figures, only the first is read", rows[1].line)
    stacks = leaf_labels(spanned(header), max(len(r.cells) for r in header))
    line = rows[0].line if rows else header[-1].line
    items: dict[str, dict] = {}  # one row per item, whatever phases print it
    for index, stack in enumerate(stacks):
        phase = next(
            (p.field for p in layout.phases for s in stack if re.fullmatch(p.label, label_key(s))),
            "total",
        )
        named = [
            s for s in stack if not any(re.fullmatch(p.label, label_key(s)) for p in layout.phases)
        ]
        label = label_key(named[-1]) if named else ""
        item = next((i for i in layout.items if re.fullmatch(i.label, label)), None)
        if item is None:
            if label:
                doc.warn(f"{layout.key}: unknown column {named[-1]!r}; not read", header[0].line)
            continue
        name = named[-2] if item.named_by_group and len(named) > 1 else named[-1]
        cell = rows[0].cells[index] if rows and index < len(rows[0].cells) else ""
        key = tuple(map(label_key, named))  # the same item in another phase: the same row
        if key not in items:
            values = {f: None for f in TABLES[layout.key].fields}
            values.update(row_number=len(items) + 1, name=name, level=item.level)
            items[key] = values
            table.rows.append(TableRow([], [line], values=values))
        items[key][phase] = read_amount(cell, doc, line, layout.key, phase)
        table.rows[list(items).index(key)].cells.append(cell)


def spanned(header: list) -> list:
    """A header's rows with each label spread over the columns its merged cell spans, as far as
    the blank cells to its right that lie under the same label of the row above (a PDF prints a
    merged cell's text once, in its first column)."""
    out: list = []
    above: list[str] = []
    for record in header:
        cells = list(record.cells)
        for i in range(1, len(cells)):
            same_parent = not above or (i < len(above) and above[i] == above[i - 1])
            if not label_key(cells[i]) and label_key(cells[i - 1]) and same_parent:
                cells[i] = cells[i - 1]
        above = cells
        out.append(replace(record, cells=tuple(cells)))
    return out


def printed_across(layout: TableLayout, header: list) -> bool:
    """Whether a table's header labels its items (因公出国(境)费 | 公务接待费 …): printed across;
    a template that prints the same table either way (the national structure) reads the
    other form by its columns."""
    labels = {label_key(c) for r in header for c in r.cells if label_key(c)}
    matched = {i.label for i in layout.items for label in labels if re.fullmatch(i.label, label)}
    return len(matched) >= 2


READERS = {
    "numbered": read_numbered,
    "labelled": read_labelled,
    "meaning": read_meaning,
    "across": read_across,
}


# --- cell text to typed values --------------------------------------------------------------


def norm_code(cell: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell))


def fill_values(table: Table, doc: Document) -> None:
    spec = table.spec
    parent = previous = ""
    code_columns = table.columns.count("code")
    for number, row in enumerate(table.rows, start=1):
        values: dict = dict.fromkeys(
            f for f in TABLES[spec.key].fields if FIELDS[f].type == "number"
        ) | {f: "" for f in TABLES[spec.key].fields if f in TEXT_COLUMNS}
        parts: list[str] = []
        for column, cell in zip(table.columns, row.cells, strict=True):
            if column is None:
                continue
            if column == "row_number":
                printed = norm_code(cell)
                if not printed.isdigit():
                    doc.warn(f"{spec.key}: 序号 {cell!r} is not a number", row.source_line)
                values["row_number"] = int(printed) if printed.isdigit() else None
            elif column == "code":
                parts.append(norm_code(cell))
            elif column in TEXT_COLUMNS:
                values[column] = clean_label(cell)
            else:
                values[column] = read_amount(cell, doc, row.source_line, spec.key, column)
        if "row_number" not in table.columns:
            values["row_number"] = number
        if code_columns:
            values["code"] = joined_code(parts, spec, row, doc, values, previous)
        if spec.kind == "coded" and not values.get("code") and values.get("name"):
            values["code"], values["name"] = code_in_name(values["name"])
        previous = values.get("code") or previous
        if spec.kind == "coded":
            code = values["code"]
            if code and not is_code(code, spec.classification):
                doc.warn(
                    f"{spec.key}: {code!r} is not a {spec.classification} code; the row is "
                    "read without a code",
                    row.source_line,
                )
                values["code"] = code = ""
            values["level"] = (
                level_of(code) if code or label_key(values["name"]) in words.TOTAL_LABELS else None
            )
            values["parent_code"] = parent_of(code)
        elif spec.kind == "two_sided":
            blank_sides(values, spec)
            values["expenditure_code"] = class_code_for_label(values["expenditure_name"])
        else:
            values["level"], parent = three_public_level(values["name"], parent)
        row.values = values


_CODE_IN_NAME = re.compile(
    r"^\[?(?P<code>[235]\d{2}(?:\d{2}){0,2})\]?\s*[-－—:：]?\s*(?P<name>\D.*)$"
)


def code_in_name(name: str) -> tuple[str, str]:
    """A code printed with the name in one cell: `[2010501]行政运行`, `2010501-行政运行`,
    `2010501 行政运行` → ('2010501', '行政运行'); ('', name) when none is."""
    match = _CODE_IN_NAME.match(unicodedata.normalize("NFKC", name).strip())
    return (match["code"], clean_label(match["name"])) if match else ("", name)


def joined_code(
    parts: list[str], spec: TableSpec, row: TableRow, doc: Document, values: dict, previous: str
) -> str:
    """A code from its printed parts.  One part is the code itself; a label in the first code
    column (合计) is the row's name.  A row that prints only its own level (`` | 05 | ``
    under `201`) takes the levels above from the row before."""
    if len(parts) == 1 and not parts[0].isdigit():
        values["name"] = values.get("name") or clean_label(parts[0])  # 合计 in the code column
        return ""
    if len(parts) == 1:
        return parts[0]
    if parts and parts[0] and not parts[0].isdigit():
        values["name"] = values.get("name") or clean_label(parts[0])
        return ""
    widths = CODE_PARTS[spec.classification]
    if parts and not parts[0] and any(parts) and previous:
        level = next(i for i, part in enumerate(parts) if part)
        parts = [previous[sum(widths[:i]) : sum(widths[: i + 1])] for i in range(level)] + parts[
            level:
        ]
    code = ""
    for part, width in zip(parts, CODE_PARTS[spec.classification], strict=False):
        if not part:
            break
        if part.isdigit() and len(part) < width:
            doc.warn(
                f"{spec.key}: code part {part!r} printed without its leading zero; read as "
                f"{part.zfill(width)}",
                row.source_line,
            )
            part = part.zfill(width)
        code += part
    return code


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
    expenditure = ("expenditure_name", *spec.amounts[1:])
    for side in (income, expenditure):
        name, *amounts = side
        if not values[name] and all(values[a] in (ZERO, None) for a in amounts):
            for amount in amounts:
                values[amount] = None


def three_public_level(name: str, parent: str) -> tuple[int, str]:
    """合计/小计 0; `一、…` 1; `其中：…` and the unnumbered rows after it 2."""
    key = label_key(name)
    if key.startswith(words.TOTAL_WORD) or key.endswith(words.SUBTOTAL):
        return 0, ""
    if re.match(r"^(?:[一二三四五六七八九十]+|\d+)[、.．]", key):
        return 1, key
    return 2, parent


# --- a table of names only: codes from the classification (杭州) ------------------------------


def children_by_name(classification: str, tables: dict[str, Table]) -> dict[str, dict[str, str]]:
    """parent code → {name → code}: the classification reference and the codes the document's
    other tables print ('' is the parent of a 类)."""
    children: dict[str, dict[str, str]] = defaultdict(dict)
    for code, names in reference().items():
        if is_code(code, classification):
            for row in names:
                children[parent_of(code)].setdefault(label_key(row["name"]), code)
    for table in tables.values():
        if table.spec.classification == classification:
            for row in table.rows:
                if code := row.values.get("code"):
                    children[parent_of(code)][label_key(row.values["name"])] = code
    if classification == "functional":
        for label, code in CLASS_BY_LABEL.items():
            children[""].setdefault(label_key(label + "支出"), code)
    return children


def resolve_names(table: Table, tables: dict[str, Table], doc: Document) -> None:
    """Codes for a table that prints names only, its hierarchy lost with its indentation: in
    print order, a name is the child of the last code found (a 项 under its 款), else of that
    code's parent (the next 款), else a 类.  Every name that fits no code is reported."""
    children = children_by_name(table.spec.classification, tables)
    current, resolved, unfit = "", 0, []
    for row in table.rows:
        values = row.values
        if not values.get("name") or label_key(values["name"]) in words.TOTAL_LABELS:
            continue
        key = label_key(strip_numbering(values["name"]))
        chain = dict.fromkeys([current, parent_of(current), parent_of(parent_of(current)), ""])
        code = next((children[p][key] for p in chain if key in children.get(p, {})), "")
        if not code:
            unfit.append(values["name"])
            continue  # the rows after it may still be placed: their own names say where
        values.update(code=code, level=level_of(code), parent_code=parent_of(code))
        current, resolved = code, resolved + 1
    table.unresolved = unfit
    if resolved or unfit:
        doc.warn(
            f"{table.spec.key}: prints names only; {resolved} codes found from the names "
            f"(classification reference, the order of the rows)"
            + (f"; {len(unfit)} names fit no code: {unfit[:8]}" if unfit else ""),
            table.title_line,
        )


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
