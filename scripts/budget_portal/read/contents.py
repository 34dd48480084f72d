"""Step 2b: the table of contents (目录), when the document prints one.

The contents start at a short line saying 目录 and run, one entry a line (a title, dot leaders
and a page number, or a title alone), until the body starts: a line too long to be an entry,
or an entry naming a table or section the contents already listed (the body's first title).
Each entry is matched against the template's table titles and section headings, so the audit
can say whether the contents and the body agree.
"""

from __future__ import annotations

import re

from ..model import Document, Paragraph, Row
from ..templates import Template
from ..text import clean_label
from .headings import section_key

_CONTENTS = re.compile(r"目\s*录$")
_ENTRY = re.compile(r"^(?P<title>.+?)[\s.…·．。]*(?P<page>\d{1,4})?$")
_CHINESE_NUMBER = re.compile(r"^[一二三四五六七八九十]+、")
_NUMBER = re.compile(r"^(?:\d+\s*[.．、]|[一二三四五六七八九十]+、)\s*")
MAX_ENTRY = 60  # characters: a longer line is the body, not an entry


def contents_rows(doc: Document, sections: list, template: Template) -> list[dict]:
    """The entries of the contents (`sections`, the body's, are not needed: the contents come
    before them)."""
    return [
        {"dataset_id": doc.metadata.dataset_id, **entry}
        for entry in contents_entries(doc.records, template)
    ]


def contents_entries(records: list, template: Template) -> list[dict]:
    """The contents' entries, each with the line it was read from (the sections skip them:
    a heading listed in the contents is not where its section starts)."""
    start = next(
        (i for i, r in enumerate(records[:80]) if len(text_of(r)) <= 30 and _CONTENTS.search(text_of(r))),
        None,
    )  # fmt: skip
    if start is None:
        return []
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for record in records[start + 1 :]:
        text = text_of(record)
        if not text:
            continue
        match = _ENTRY.match(text)
        if len(text) > MAX_ENTRY or not match:
            break
        title = match["title"].strip()
        target, kind = target_of(title, template)
        if target and (kind, target) in seen:
            break  # the body's first title: the contents have ended
        seen.add((kind, target))
        rows.append(
            {
                "entry_number": len(rows) + 1,
                "entry": title,
                "printed_page": int(match["page"]) if match["page"] else None,
                "target_kind": kind,
                "target": target,
                "source_line": record.line,
            }
        )
    return rows


def text_of(record) -> str:
    if isinstance(record, Paragraph):
        return clean_label(record.text)
    if isinstance(record, Row):
        return clean_label(" ".join(c for c in record.cells if c.strip()))
    return ""


def target_of(title: str, template: Template) -> tuple[str, str]:
    """The table or section an entry names: ('income', 'table'), ('duties', 'section'), or
    ('', '') for a group heading (部门预算公开表) or a part the template does not know."""
    bare = _NUMBER.sub("", title)
    as_table = [(t.key, "table") for t in map(template.title_of, (title, bare)) if t]
    as_section = [(f[0], "section") for f in (section_key(x, template) for x in (title, bare)) if f]
    # A heading numbered 一、 is a section of the narrative (四、…“三公”经费… is not the table),
    # unless it names a table (一、收支总体情况表: the contents of the tables, numbered).
    section_first = _CHINESE_NUMBER.match(title) and not bare.endswith("表")
    ranked = as_section + as_table if section_first else as_table + as_section
    if ranked:
        return ranked[0]
    return "", ""
