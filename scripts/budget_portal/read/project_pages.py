"""Step 2e′: 项目经费情况说明 (docs/domain.md e): a page a project, its parts under 一、…七、 headings.

Each page gives one row of `projects` (its name from the heading, 项目概述, 立项依据, 实施主体,
实施方案, 实施周期, 年度预算安排 and 绩效目标 as printed, the year's total when stated) and the
parts of its budget (`其中支持外贸发展370.00万，…`) as `project_budget_items`; a `合计` restated
at the end is not a part.  A page whose heading names no project (`项目经费情况说明`) has an
empty name, with a warning.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Document, Paragraph
from ..templates import words
from ..templates.parts import ProjectPages
from ..text import clean_label
from .sections import Section

_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*(?P<title>\S{2,12})$")


def project_page_rows(
    doc: Document, sections: list[Section], pages: ProjectPages
) -> tuple[list[dict], list[dict]]:
    projects: list[dict] = []
    items: list[dict] = []
    for section in (s for s in sections if s.key == pages.section):
        project, budget_line = read_page(doc, section, pages, len(projects) + 1)
        projects.append(project)
        items += budget_items(doc, project, pages, budget_line)
    return projects, items


def read_page(
    doc: Document, section: Section, pages: ProjectPages, number: int
) -> tuple[dict, int]:
    """The project of one page, and the line of its budget paragraph."""
    title = section.title
    match = pages.regex("title").match(title)
    name = (match["name"] or "") if match else ""
    if not name:
        doc.warn(f"projects: the heading {title!r} names no project", section.line)
    parts: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    current = None
    for record in section.records:
        if not isinstance(record, Paragraph):
            continue
        text = clean_label(record.text)
        heading = _HEADING.match(text)
        field = next(
            (f for p, f in pages.parts if heading and re.search(p, heading["title"])), None
        )
        if field:
            current = field
            parts.setdefault(field, [])
        elif current:
            parts[current].append(text)
            lines.setdefault(current, record.line)
        else:
            doc.warn(
                f"projects: text before the first part of {title!r}: {text[:20]!r}", record.line
            )
    joined = {field: "\n".join(texts) for field, texts in parts.items()}
    total = pages.regex("total").search(joined.get("budget_text", ""))
    return {
        "dataset_id": doc.metadata.dataset_id,
        "project_id": number,
        "title_number": None,
        "title": title,
        "fund_prefix": "",
        "code_prefix": "",
        "code_hint": "",
        "amount_hint": None,
        "project_code": "",
        "project_name": name,
        "budget": Decimal(total["amount"].replace(",", "")) if total else None,
        "fiscal_funds": None,
        "other_funds": None,
        "fund_use": "",
        "plan_march": None,
        "plan_june": None,
        "plan_october": None,
        "plan_december": None,
        "goal": joined.get("goal", ""),
        **{field: joined.get(field, "") for _, field in pages.parts if field != "goal"},
        "source_line": section.line,
    }, lines.get("budget_text", section.line)


def budget_items(doc: Document, project: dict, pages: ProjectPages, line: int) -> list[dict]:
    text = project["budget_text"]
    if pages.regex("total").search(text):
        text = text[pages.regex("total").search(text).end() :]  # the parts come after the total
    items = []
    for match in pages.regex("item").finditer(text):
        label = match["label"].strip().removeprefix("其中").strip("：:")
        if words.TOTAL.match(label):
            continue
        items.append(
            {
                "dataset_id": doc.metadata.dataset_id,
                "project_id": project["project_id"],
                "item_number": len(items) + 1,
                "label": label,
                "item_amount": Decimal(match["amount"].replace(",", "")),
                "source_line": line,
            }
        )
    return items
