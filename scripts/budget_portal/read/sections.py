"""Step 2b: the narrative part of a document (情况说明): sections, prose, glossary.

Top-level sections are recognised by their numbered heading *and* a known title (docs/domain.md
c.18: `一、` alone is not a safe boundary, 002 nests its own `一、…` inside 第一部分), in
increasing order.  Paragraphs cut in the middle of a word by a page break (c.17) are joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, Paragraph
from ..templates import Template
from ..text import clean_label
from .contents import contents_entries
from .headings import chinese_number, section_key

_SENTENCE_END = "。！？；：:;!?”）)"
_LIST_START = re.compile(
    r"^([（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+|[-•])"
)
_PROSE = re.compile(r"[。，；,;]")  # punctuation inside a sentence: a heading has none
_SUBHEADING = re.compile(
    r"^([（(][一二三四五六七八九十\d]+[)）]|[\d]+、|第[一二三四五六七八九十]+部分)\s*\S{1,30}$"
)


@dataclass
class Section:
    key: str
    number: int
    title: str
    line: int
    records: list = field(default_factory=list)
    closed: bool = False  # its file ended: what follows belongs to no section


def split_sections(
    doc: Document, template: Template, skip: set[int] = frozenset()
) -> list[Section]:
    """The narrative's sections, from their headings; the records of the nine tables (`skip`,
    by line) belong to none.  Numbered headings must go up (a TOC or a nested 一、 does not
    start a section); a key starts one section unless its rule repeats."""
    repeats = {r.key for r in template.sections if r.repeats}
    sections: list[Section] = []
    skip = set(skip) | {entry["source_line"] for entry in contents_entries(doc.records, template)}
    file_of_line = {record.line: file_of(record) for record in doc.records}
    for record in doc.records:
        if record.line in skip or template.title_of(getattr(record, "text", "")):
            continue
        if sections and file_of(record) != file_of_line.get(sections[-1].line):
            sections[-1].closed = True  # a section ends with its file (a companion follows)
        found = section_key(record.text, template) if isinstance(record, Paragraph) else None
        if (
            found
            and (not template.numbered_sections or not sections or found[1] > sections[-1].number)
            and (found[0] in repeats or found[0] not in {s.key for s in sections})
        ):
            sections.append(Section(found[0], found[1], found[2], record.line))
            continue
        if sections and not sections[-1].closed:
            sections[-1].records.append(record)
    return sections


def file_of(record) -> str:
    """The companion file a record was read from (`ref` = `name p. N`), '' for the document's own."""
    return record.ref.rsplit(" p. ", 1)[0] if " p. " in record.ref else ""


def section_of(sections: list[Section], key: str) -> Section | None:
    return next((s for s in sections if s.key == key), None)


# --- prose ----------------------------------------------------------------------------------


def join_page_breaks(paragraphs: list[Paragraph], noise: re.Pattern) -> list[tuple[str, list[int]]]:
    """A long paragraph that stops mid-sentence continues in the next one (c.17); so does the
    last paragraph of a page that stops mid-sentence, whatever its length, in the first of the
    next page (past the page's number and running lines)."""
    joined: list[tuple[str, list[int]]] = []
    last, page = None, None  # the last paragraph of text in `joined`, and its page
    for paragraph in paragraphs:
        text = clean_label(paragraph.text)
        if not text:
            continue
        if noise.match(text):
            joined.append((text, [paragraph.line]))
            continue
        turned = page is not None and paragraph.page is not None and paragraph.page != page
        if last is not None and _continues(joined[last][0], text, noise, turned):
            previous, lines = joined[last]
            joined[last] = (previous + text, [*lines, paragraph.line])
        else:
            joined.append((text, [paragraph.line]))
            last = len(joined) - 1
        page = paragraph.page
    return joined


def _continues(previous: str, text: str, noise: re.Pattern, turned: bool = False) -> bool:
    """Only a line cut mid-sentence continues: a full one, or the last of its page (`turned`);
    not a heading, a title or page furniture."""
    return (
        (turned or len(previous) >= 30)
        # a page may also turn after `主要用于：`, the colon opening what follows
        and previous[-1]
        not in (_SENTENCE_END.replace("：", "").replace(":", "") if turned else _SENTENCE_END)
        and not previous.endswith("表")
        # a short numbered line is a heading, unless it is prose cut by the page (3.…（项）。年)
        and (
            not (_LIST_START.match(previous) and len(previous) < 50)
            or (turned and bool(_PROSE.search(previous)))
        )
        and not _LIST_START.match(text)
        and not _SUBHEADING.match(text)
        and not noise.match(text)
    )


def narrative_rows(doc: Document, sections: list[Section], template: Template) -> list[dict]:
    """The prose of every section: one row per paragraph, with the sub-heading above it."""
    rows = []
    for section in sections:
        paragraphs = [r for r in section.records if isinstance(r, Paragraph)]
        heading = ""
        for text, lines in join_page_breaks(paragraphs, re.compile(template.page_noise)):
            if _SUBHEADING.match(text) or (len(text) <= 20 and text[-1] in "：:"):
                heading = text
            rows.append(
                {
                    "dataset_id": doc.metadata.dataset_id,
                    "paragraph_number": len(rows) + 1,
                    "section": section.key,
                    "section_title": section.title,
                    "heading": heading,
                    "text": text,
                    "source_line": lines[0],
                    "source_lines": ",".join(map(str, lines)),
                }
            )
    return rows


# --- 名词解释 ---------------------------------------------------------------------------------


def glossary_rows(doc: Document, sections: list[Section], template: Template) -> list[dict]:
    """Numbered `N、term：definition` entries; markdown residue (`- `, `**`) removed (b.15)."""
    entry = re.compile(template.glossary_entry)
    section = section_of(sections, "glossary")
    rows: list[dict] = []
    for record in section.records if section else []:
        text = record.text if isinstance(record, Paragraph) else " ".join(record.cells)
        match = entry.match(clean_label(text).replace("**", ""))
        if not match and rows and clean_label(text) and isinstance(record, Paragraph):
            rows[-1]["definition"] += clean_label(text)  # a definition wrapped onto more lines
            continue
        if not match:
            if clean_label(text):
                doc.warn(
                    f"glossary: not a `N、term：definition` entry: {clean_label(text)[:30]!r}",
                    record.line,
                )
            continue
        rows.append(
            {
                "dataset_id": doc.metadata.dataset_id,
                "term_number": term_number(match["number"]),
                "term": match["term"],
                "definition": match["definition"],
                "source_line": record.line,
            }
        )
    return rows


def term_number(number: str) -> int:
    return int(number) if number.isdigit() else chinese_number(number)
