"""Documents rendered from a template's own definitions (its patterns, titles and layouts), for
the contract test (tests/test_templates.py) and the synthetic corpus (tests/bench/): what a
template says it prints is what they print, not a second copy of it."""

from __future__ import annotations

from re import _parser

from budget_portal.templates import TableLayout, Template


def text(
    pattern: str, groups: dict | None = None, year: int | None = None, full: bool = True
) -> str:
    """A text the pattern matches: named groups from `groups`, `\\d{4}` the year, an optional
    part included when `full` (left out otherwise), the first of alternatives, the shortest
    repetition of anything else."""
    groups = groups or {}
    names = {number: name for name, number in _parser.parse(pattern).state.groupdict.items()}

    def walk(items) -> str:
        out = ""
        for op, value in items:
            name = str(op)
            if name == "LITERAL":
                out += chr(value)
            elif name == "SUBPATTERN":
                group = names.get(value[0])
                out += str(groups[group]) if group in groups else walk(value[-1])
            elif name == "BRANCH":
                out += walk(value[1][0])
            elif name in ("MAX_REPEAT", "MIN_REPEAT"):
                low, high, body = value
                inner = walk(body)
                if inner == "0" and low == high == 4 and year:
                    out += str(year)
                elif inner == "0":
                    out += "2025"[:low]
                else:
                    out += inner * (1 if full and low == 0 and high == 1 else low)
            elif name == "IN":
                out += first_of(value)
        return out

    return walk(_parser.parse(pattern))


def first_of(members) -> str:
    """The character a set stands for: its first literal, 0 for a class of digits."""
    for op, value in members:
        if str(op) == "LITERAL":
            return chr(value)
        if str(op) == "RANGE":
            return chr(value[0])
    return "0"


def example(pattern: str) -> str:
    """The shortest text a pattern matches (optional parts left out)."""
    return text(pattern, full=False)


def cells(layout: TableLayout, values: dict, number: int) -> list[str]:
    """One printed row of a table: a numbered layout's 序号, a code over 类/款/项 columns."""
    out = [str(number)] if layout.header == "numbered" else []
    code = values.get("code", "")
    parts = iter([code[:3], code[3:5], code[5:7]])
    for column in layout.canonical_columns:
        if column.field == "code" and layout.header == "labelled":
            part = next(parts)
            out.append(part or (values["name"] if code == "" and not out else ""))
        elif column.field == "name" and layout.header == "labelled" and code == "":
            out.append("")  # 合计 stands in the first code column
        else:
            out.append(values.get(column.field, ""))
    return out


def header(layout: TableLayout, template: Template) -> list[list[str]]:
    """A table's header rows as the template prints them."""
    if layout.header == "across" and layout.phases:  # 预算数 | 决算数 over the items of each
        items = [example(item.label) for item in layout.items]
        return [
            [
                label
                for p in layout.phases
                for label in [example(p.label)] + [""] * (len(items) - 1)
            ],
            items * len(layout.phases),
        ]
    if layout.header == "across":
        return [[example(item.label) for item in layout.items]]
    labels = [example(c.label) for c in layout.canonical_columns]
    if layout.header in ("labelled", "meaning"):
        return [labels]
    numbers = map(str, range(1, len(labels) + 1))
    return [[template.row_number_label, *labels], [template.column_number_labels[0], *numbers]]


def body(layout: TableLayout, rows: list[dict]) -> list[list[str]]:
    """A table's data rows; a table printed across is one row of its items' totals."""
    if layout.header == "across":
        fields = [p.field for p in layout.phases] or ["total"]
        return [[row[field] for field in fields for row in rows]]
    return [cells(layout, row, n) for n, row in enumerate(rows, start=1)]
