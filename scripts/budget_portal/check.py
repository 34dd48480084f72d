"""`budget-portal check FILE`: what a document reads as, printed, nothing written."""

from __future__ import annotations

from .extract import render
from .metadata.registry import RESOURCES, TABLES
from .package.write import kind_title
from .read.parsed import Parsed
from .read.tables import SPEC_BY_KEY


def spec_kind(key: str) -> str:
    return SPEC_BY_KEY[key].kind


def describe(parsed: Parsed, verbose: bool = False) -> list[str]:
    doc, m = parsed.doc, parsed.doc.metadata
    lines = [
        f"{doc.path}",
        f"  dataset id   {m.dataset_id}    ({kind_title(m)}, template {doc.template})",
        f"  agency       {m.agency} ({m.jurisdiction}, department code {m.department_code or '—'})",
        f"  year         {m.year}    read from {doc.source_format}    layout {doc.layout}"
        + (f"    encoding {doc.encoding}" if doc.encoding else ""),
        "",
        "  the nine tables                       status    rows  合计                 where",
    ]
    for key in parsed.table_keys:
        resource, table = TABLES[key], parsed.tables.get(key)
        status = table.status if table else "missing"
        records = table.records() if table else []
        total = next((r.get("total") for r in records if r.get("level") == 0), None)
        if total is None and spec_kind(key) == "two_sided" and records:
            total = records[-1].get("income")
        shown = f"{total} {table.unit}" if total is not None else ""
        where = located(doc, table.title_line) if table else ""
        lines.append(f"  {resource.title:<28}{status:>10}{len(records):>6}  {shown:<20} {where}")
    lines += ["", "  other parts                            rows"]
    for name, rows in parsed.sections.items():
        lines.append(f"  {RESOURCES[name].title:<28}{len(rows):>14}")
    findings = [c for c in parsed.checks if c.status == "fail"]
    rounding = [c for c in parsed.checks if c.status == "rounding"]
    unchecked = sum(c.status == "not_checked" for c in parsed.checks)
    lines += [
        "",
        f"  audit: {len(parsed.checks)} checks, {len(findings)} findings, "
        f"{len(rounding)} within rounding (尾差), {unchecked} not checked "
        "(what they read was not read)",
    ]
    for check in findings:
        lines.append(f"    - {check.severity} {check.check}: {check.finding_message()} "
                     f"({places(doc, check)})")  # fmt: skip
    for check in rounding:
        lines.append(
            f"    - rounding {check.check}: {check.finding_message()} ({places(doc, check)})"
        )
    report = parsed.sections.get("reading_report", [])
    printed = sum(r["figures_printed"] for r in report)
    missed = sum(r["figures_uncaptured"] for r in report)
    lines += ["", f"  reading report: {printed} figures printed, {missed} captured by no resource"]
    for row in report:
        if row["part_status"] != "read" or row["columns_not_read"] or row["figures_uncaptured"]:
            unread = (
                f"; columns not read: {row['columns_not_read']}" if row["columns_not_read"] else ""
            )
            lines.append(
                f"    - {row['part_kind']} {row['part_title'] or row['part']}: {row['part_status']}, "
                f"{row['rows']} rows, {row['figures_uncaptured']} of {row['figures_printed']} "
                f"figures uncaptured{unread}"
            )
    lines.append(f"  warnings: {len(doc.problems)}")
    shown = doc.problems if verbose else doc.problems[:10]
    lines += [f"    - {problem}" for problem in shown]
    if len(shown) < len(doc.problems):
        lines.append(f"    … {len(doc.problems) - len(shown)} more (--verbose shows all)")
    return lines


def places(doc, check) -> str:
    lines = sorted(set(check.left_lines + check.right_lines))
    return ", ".join(located(doc, line) for line in lines) or "the whole document"


def located(doc, line: int) -> str:
    """Where a line of the document is: `p. 12` in a PDF, `line 97` in a text."""
    page, ref = doc.page_of(line), doc.ref_of(line)
    return f"p. {page}" if page else (ref or f"line {line}")


def extracted_text(doc) -> list[str]:
    """The text the data's line numbers refer to, numbered (for an original: as extracted)."""
    if doc.source_format == "text":
        return [
            f"{n:>6}  {line}"
            for n, line in enumerate(
                doc.path.read_text(encoding=doc.encoding or "utf-8").split("\n"), 1
            )
        ]
    return [
        f"{n:>6}  {line}" for n, line in enumerate(render(doc.records).rstrip("\n").split("\n"), 1)
    ]
