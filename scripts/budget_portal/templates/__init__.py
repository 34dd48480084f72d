"""Templates: what a province prints, as data, one module per template family.

A `Template` holds everything a family prints: the titles of the nine tables and how their
headers map to the published fields, how codes are laid out, units, page furniture, section
headings, the phrasing of the narrative's figures and the labels of the other parts.  Readers,
the audit and the pages take it as data; nothing printed is written anywhere else.

A template is validated when it is made (a bad pattern or an unknown field fails at import,
not halfway through a document), and `detect` chooses one from a document's content, never
from its file name.  Adding a province is adding a module here and listing it in `TEMPLATES`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..metadata.registry import FIELDS, RESOURCES, TABLES, table_set
from ..model import Paragraph, Record, Row
from ..text import clean_label, label_key
from .parts import (
    ActivityTable,
    AssetStatements,
    AssetTable,
    Cover,
    ExpenditureItems,
    GridTable,
    ProcurementTable,
    ProjectPages,
    ProjectTables,
    UnitList,
)

# The names a template may use, each read by a reader or the audit (see `check_vocabulary`).
SUMMARY_ROLES = (
    "income_year_total",
    "income_carryover",
    "income_grand_total",
    "expenditure_year_total",
    "expenditure_carryover",
    "expenditure_grand_total",
    "appropriation_carryover",
    "income_balance_used",  # 决算: 使用非财政拨款结余 (or 用事业基金弥补收支差额)
    "expenditure_distribution",  # 决算: 结余分配
)
THREE_PUBLIC_KEYS = ("abroad", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")
PARTS = {
    "cover": Cover,
    "organizations": GridTable | UnitList,
    "fixed_assets": AssetTable | AssetStatements,
    "procurement": ProcurementTable,
    "projects": ProjectTables | ProjectPages,
    "activities": ActivityTable,
    "expenditure_items": ExpenditureItems,
}
INVENTORY_RESOURCES = tuple(RESOURCES)
NATIONAL_NAME = "national"  # the default: the national structure, read in any province
# The national structure of each document type (registry DOCUMENT_TYPES), read in any province.
NATIONAL_NAMES = {"budget": NATIONAL_NAME, "final_accounts": "national_final"}

HEADER_KINDS = ("numbered", "labelled", "meaning", "across")

# --- the nine tables ------------------------------------------------------------------------

# What the reader derives rather than reads from a column: the row's number when no 序号 is
# printed, its level, parent and class code, its unit, and where it was read.
DERIVED = frozenset(
    (
        *("row_number", "level", "parent_code", "expenditure_code", "unit"),
        *("source_line", "source_lines", "source_page", "source_ref"),
    )
)


@dataclass(frozen=True)
class Column:
    """One printed column: the field it fills and the header label printed over it (the lowest
    label of the header, for a header of several rows)."""

    field: str
    label: str  # a regex, matched in full against the label's comparison key


@dataclass(frozen=True)
class Item:
    """A column of a table printed across (one row of figures, one column per item), read as
    one row of the published table: its header label, its level, and whether its name is the
    label above it (a 小计 column under its group)."""

    label: str
    level: int
    named_by_group: bool = False


@dataclass(frozen=True)
class TableLayout:
    """How a template prints one of the nine tables.

    `header` says how columns are found: `numbered` (a 序号 column and a 栏次 row numbering
    the columns, read by position in the order of `columns`), `labelled` (the header's labels
    decide, in the template's order; several `code` columns are the parts of a code printed
    over 类/款/项 columns) or `meaning` (each column by what its labels mean, in any order:
    `columns` is a vocabulary, several alternatives a field, and a column none fits is
    reported, not read).  `across` tables print their items as columns (`items`) over one row
    of figures."""

    key: str
    titles: tuple[str, ...]
    header: str  # numbered | labelled | across
    columns: tuple[Column, ...] = ()
    items: tuple[Item, ...] = ()
    absent: tuple[str, ...] = ()  # fields of the table this template does not print
    # `across` tables printing each item's figure in several phases (预算数 | 决算数): the field
    # each phase's label fills (else each item's `total`)
    phases: tuple[Column, ...] = ()

    def __post_init__(self):
        if self.key not in TABLES:
            raise ValueError(f"unknown table {self.key!r}")
        if self.header not in HEADER_KINDS:
            raise ValueError(f"{self.key}: unknown header kind {self.header!r}")
        fields = TABLES[self.key].fields
        for column in self.columns:
            if column.field not in fields:
                raise ValueError(f"{self.key}: {column.field!r} is not a field of the table")
            re.compile(column.label)
        for column in self.phases:
            if column.field not in fields:
                raise ValueError(f"{self.key}: {column.field!r} is not a field of the table")
        for pattern in (*self.titles, *(i.label for i in (*self.items, *self.phases))):
            re.compile(pattern)
        unaccounted = set(fields) - set(self.printed) - DERIVED - set(self.absent)
        if unaccounted or set(self.absent) & set(self.printed):
            raise ValueError(
                f"{self.key}: every field must be printed, derived or declared absent; "
                f"not accounted for: {sorted(unaccounted)}, "
                f"both printed and absent: {sorted(set(self.absent) & set(self.printed))}"
            )

    @functools.cached_property
    def title_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(t) for t in self.titles)

    @property
    def canonical_columns(self) -> tuple[Column, ...]:
        """The columns as a document of the template prints them: the first alternative of
        each field in a vocabulary (`meaning`), every column otherwise."""
        if self.header != "meaning":
            return self.columns
        first: dict[str, Column] = {}
        for column in self.columns:
            first.setdefault(column.field, column)
        return tuple(first.values())

    @property
    def printed(self) -> tuple[str, ...]:
        """The fields the template prints, in printed order (a split code counts once); a table
        printed across prints each item's total."""
        if self.header == "across":
            return ("name", *(p.field for p in self.phases)) if self.phases else ("name", "total")
        return tuple(dict.fromkeys(c.field for c in self.columns))


# --- the template --------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionRule:
    """A heading of the narrative and the section key it starts (registry `section`)."""

    key: str
    pattern: str  # regex searched in the heading's text (numbering removed when numbered)
    repeats: bool = False  # one section per heading (a page per project)


@dataclass(frozen=True)
class FigureRule:
    """A figure the narrative states: its section, the words before it, its key."""

    section: str
    label: str
    key: str
    sentence: str = ""  # and the sentence must say this


@dataclass(frozen=True)
class Template:
    name: str  # ASCII, published in documents.template
    title: str  # Chinese, for people
    description: str
    kinds: dict[str, str]  # document kind → a regex the cover or title prints for it
    tables: tuple[TableLayout, ...]  # the nine, in the order the template prints them
    default_unit: str  # the unit of a table that prints no `单位：…` line
    unit_line: str  # regex with a `unit` group: the line saying a table's unit
    page_noise: str  # regex (full match): page furniture repeated inside tables
    note: str  # regex: a table's note
    header_meta: str  # regex: a row of cells that is page furniture (agency, year, unit)
    sections: tuple[SectionRule, ...]
    numbered_sections: bool  # headings are numbered 一、二、… in increasing order
    figure_sections: tuple[str, ...]
    figure_units: tuple[str, ...]  # units a narrative figure may carry (万元 first)
    figure_rules: tuple[FigureRule, ...]
    stated_flat: bool  # 持平 after a figure states that it did not change
    glossary_entry: str  # regex with number, term and definition groups
    summary_rows: dict[str, tuple[str, ...]]  # role → the labels of the two-sided tables' rows
    inventory: tuple[tuple[str, str, str], ...]  # (resource, section, printed title) of its parts
    three_public_rows: tuple[tuple[str, str], ...]  # (narrative key, regex on the row's name)
    parts: dict = field(default_factory=dict)  # settings of the other readers, by reader
    required_sections: tuple[str, ...] = ()  # section keys every document must print
    empty_note: str = r"空表|无数据"  # regex: a table's note saying it has no figures
    row_number_label: str = "序号"  # numbered tables: the first header cell …
    column_number_labels: tuple[str, ...] = ("栏次", "档次")  # … and the row numbering columns
    title_prefix: str = ""  # regex: what may stand before any title (a table number, the year)
    title_suffix: str = ""  # regex: what may follow it (a classification note)
    other_tables: tuple[str, ...] = ()  # regexes: titles of tables beyond the nine (reported)
    fixed_order: bool = True  # the nine tables come in the order of `tables` (an audit check)
    document_type: str = "budget"  # registry DOCUMENT_TYPES: the table set `tables` lays out
    index_columns: str = ""  # regex: a column header numbering the rows (行次), not figures

    def __post_init__(self):
        for pattern in (
            self.index_columns,
            self.unit_line,
            self.page_noise,
            self.note,
            self.header_meta,
            self.glossary_entry,
            self.empty_note,
            *self.kinds.values(),
            *(s.pattern for s in self.sections),
            *(r.label for r in self.figure_rules),
        ):
            re.compile(pattern)
        keys = [t.key for t in self.tables]
        if sorted(keys) != sorted(table_set(self.document_type).values()):
            raise ValueError(
                f"{self.name}: needs a layout for each table of a {self.document_type}: {keys}"
            )
        unknown = {u for u in self.figure_units if u != "万"} - set(FIELDS["figure_unit"].enum)
        if unknown:
            raise ValueError(f"{self.name}: figure units {unknown} are not in the registry")
        sections = FIELDS["section"].enum
        for rule in (*self.sections, *self.figure_rules):
            key = getattr(rule, "key", None) if isinstance(rule, SectionRule) else rule.section
            if key not in sections:
                raise ValueError(f"{self.name}: unknown section {key!r}")
        check_vocabulary(self.name, "summary row role", self.summary_rows, SUMMARY_ROLES)
        check_vocabulary(self.name, "三公 row key", dict(self.three_public_rows), THREE_PUBLIC_KEYS)
        check_vocabulary(self.name, "part", self.parts, PARTS)
        resources = {resource for resource, _, _ in self.inventory}
        check_vocabulary(self.name, "inventory resource", resources, INVENTORY_RESOURCES)
        for name, settings in self.parts.items():
            if not isinstance(settings, PARTS[name]):
                raise ValueError(f"{self.name}: part {name!r} needs {PARTS[name]} settings")
        headed = {rule.key for rule in self.sections}
        if not set(self.required_sections) <= headed:
            raise ValueError(f"{self.name}: required sections without a heading rule: "
                             f"{sorted(set(self.required_sections) - headed)}")  # fmt: skip

    def title_of(self, text: str) -> TableLayout | None:
        """The table whose title `text` is, if any (with whatever prefix and suffix the
        template allows around every title)."""
        key = label_key(text)
        if len(key) > TITLE_LENGTH or not self.any_title.fullmatch(key):
            return None  # most lines are not titles: one test for them
        return next((t for t in self.tables if self.affixed(t.titles).fullmatch(key)), None)

    def other_title_of(self, text: str) -> str | None:
        """The title of a table beyond the nine that the template recognises, if `text` is one."""
        key = label_key(text)
        if self.other_tables and len(key) <= TITLE_LENGTH and self.any_other.fullmatch(key):
            return clean_label(text)
        return None

    def affixed(self, titles: tuple[str, ...]) -> re.Pattern:
        return _affixed(self.title_prefix, self.title_suffix, titles)

    @functools.cached_property
    def any_title(self) -> re.Pattern:
        return self.affixed(tuple(title for t in self.tables for title in t.titles))

    @functools.cached_property
    def any_other(self) -> re.Pattern:
        return self.affixed(self.other_tables)

    @functools.cached_property
    def section_patterns(self) -> tuple[tuple[str, re.Pattern], ...]:
        return tuple((rule.key, re.compile(rule.pattern)) for rule in self.sections)

    def part(self, name: str):
        """The settings of one reader (`None`: the template does not print that part)."""
        return self.parts.get(name)


@functools.lru_cache(maxsize=256)
def _affixed(prefix: str, suffix: str, titles: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(f"(?:{title})" for title in titles)
    return re.compile(f"(?:{prefix})(?:{alternatives})(?:{suffix})")


def check_vocabulary(template: str, what: str, names, known) -> None:
    """A template names only roles, keys and parts the readers and the audit know: a misspelt
    one would load and then match nothing (an audit of 0 = 0)."""
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise ValueError(f"{template}: unknown {what} {unknown}; known: {sorted(known)}")


def texts(records: list[Record], limit: int | None = None):
    """Each paragraph's text and each row's cells joined, cleaned."""
    for record in records[:limit]:
        if isinstance(record, Paragraph):
            yield clean_label(record.text)
        elif isinstance(record, Row):
            yield clean_label("".join(record.cells))


TITLE_LENGTH = 60  # characters: a longer line is not a title or a heading


def short_texts(records: list[Record]) -> list[str]:
    """The cleaned texts that may be a title or a heading."""
    return [text for text in texts(records) if len(text) <= TITLE_LENGTH]


def recognised(template: Template, lines: list[str]) -> tuple[list[str], list[str]]:
    """The tables and sections of `template` found in the lines (`short_texts`: titles and
    headings); a cover line the template prints (its title, agency line, budget year) counts
    as `cover`."""
    tables, sections = [], []
    cover = template.part("cover")
    cues = [cover.regex(n) for n in ("title", "agency_line", "agency_label", "budget_year")]
    for text in lines:
        if layout := template.title_of(text):
            tables.append(layout.key)
        if len(text) > 40:
            continue
        sections += [key for key, pattern in template.section_patterns if pattern.search(text)]
        if "cover" not in sections and any(cue.search(text) for cue in cues):
            sections.append("cover")
    return sorted(set(tables)), sorted(set(sections))


def detect(records: list[Record]) -> tuple[Template | None, dict[str, tuple[list, list]]]:
    """The province template that recognises the most of a document (tables and its cover
    count double); else the national structure of the document type whose tables it reads
    most (a 决算's titles say 决算), when it finds that type's cover or one of its tables; and
    what each template recognised (for the message when none does)."""
    lines = short_texts(records)
    found = {name: recognised(t, lines) for name, t in TEMPLATES.items()}
    national = max(
        NATIONAL_NAMES.values(),
        key=lambda name: (len(found[name][0]), "cover" in found[name][1]),
    )
    scores = {
        name: 2 * len(tables) + len(sections) + ("cover" in sections)
        for name, (tables, sections) in found.items()
        if name not in NATIONAL_NAMES.values()
    }
    tables, sections = found[national]
    # A province's template claims a document by its cover, and must read at least as many
    # of the tables as the national structure does.
    claims = [
        name
        for name in scores
        if "cover" in found[name][1] and len(found[name][0]) >= len(tables) and scores[name] >= 2
    ]
    if claims:
        return TEMPLATES[max(claims, key=lambda name: scores[name])], found
    return (TEMPLATES[national] if tables or "cover" in sections else None), found


def _templates() -> dict[str, Template]:
    """Every template family, by name: a new province is one more module listed here."""
    from .hebei import HEBEI
    from .national import NATIONAL
    from .national_final import NATIONAL_FINAL
    from .shanghai import SHANGHAI

    return {t.name: t for t in (HEBEI, SHANGHAI, NATIONAL, NATIONAL_FINAL)}


TEMPLATES = _templates()
