"""Step 3: check a document like its most careful reader, in six families of checks (the
catalogue, `catalogue.py`): completeness, table arithmetic, narrative against tables, stated
changes, names, wording.  A failed check is a finding about the source, published with both
sides; nothing is corrected."""

from __future__ import annotations

from ..metadata.registry import table_set
from ..model import Document
from ..read.tables import Table
from ..templates import Template
from .check import Check, quote_findings
from .completeness import completeness_checks
from .names import name_checks
from .narrative import NarrativeAudit
from .wording import wording_checks


def audit_document(
    doc: Document,
    tables: dict[str, Table],
    sections: dict[str, list[dict]],
    headings: dict[str, int],
    template: Template,
    procurement_printed: bool,
) -> list[Check]:
    """Every check of one document.  `sections`: the rows of the narrative's resources;
    `headings`: each section the body prints → the line of its heading."""
    year, kind = doc.metadata.year, doc.metadata.kind
    # The checks are written for roles (收支总表, 支出表…): a 决算's tables play the same ones.
    by_role = {table.spec.role: table for table in tables.values()}
    audit = NarrativeAudit(by_role, sections, template, procurement_printed, year)
    checks = completeness_checks(by_role, headings, sections["table_of_contents"], template)
    checks += audit.run()
    checks += name_checks(audit, sections.get("expenditure_items", []), year)
    checks += wording_checks(sections.get("narrative", []), kind, year)
    published = table_set(doc.metadata.document_type)
    for check in checks:
        check.table = published.get(check.table, check.table)
    quote_findings(checks, doc)
    return checks
