"""`budget-portal check FILE`: what a document reads as, printed, nothing written."""

from __future__ import annotations

from .metadata.registry import RESOURCES, TABLES
from .model import Parsed


def describe(parsed: Parsed, verbose: bool = False) -> list[str]:
    doc, m = parsed.doc, parsed.doc.metadata
    lines = [
        f"{doc.path}",
        f"  dataset id   {m.dataset_id}",
        f"  agency       {m.agency} ({m.jurisdiction}, department code {m.department_code or '—'})",
        f"  year         {m.year}    layout {doc.layout}    encoding {doc.encoding}",
        "",
        "  the nine tables                       status      rows   合计 (万元)",
    ]
    for key, resource in TABLES.items():
        table = parsed.tables.get(key)
        status = table.status if table else "missing"
        records = table.records() if table else []
        total = next((r.get("total") for r in records if r.get("level") == 0), None)
        if total is None and key == "income_expenditure_summary" and records:
            total = records[-1].get("income")
        lines.append(
            f"  {resource.title:<28}{status:>10}{len(records):>8}   {'' if total is None else total}"
        )
    lines += ["", "  other parts                            rows"]
    for name, rows in parsed.sections.items():
        lines.append(f"  {RESOURCES[name].title:<28}{len(rows):>14}")
    findings = [c for c in parsed.checks if c.status == "fail"]
    lines += [
        "",
        f"  audit: {len(parsed.checks)} checks, {len(findings)} findings",
    ]
    for check in findings:
        where = ", ".join(map(str, check.source_lines))
        subject = " ".join(x for x in (check.code, check.name) if x)
        lines.append(
            f"    - {check.description} {subject}: {check.left_label} {check.left_value} vs "
            f"{check.right_label} {check.right_value} (lines {where})"
        )
    lines.append(f"  warnings: {len(doc.problems)}")
    shown = doc.problems if verbose else doc.problems[:10]
    lines += [f"    - {problem}" for problem in shown]
    if len(shown) < len(doc.problems):
        lines.append(f"    … {len(doc.problems) - len(shown)} more (--verbose shows all)")
    return lines
