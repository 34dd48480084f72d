"""Step 2a: who published the document, for which year, and its dataset id (as printed)."""

from __future__ import annotations

import re
from pathlib import Path

from ..metadata.places import CENTRAL, Place, place_of
from ..model import Document, DocumentError, Metadata, Paragraph, Row
from ..templates import Template
from ..templates import texts as template_texts
from ..templates.parts import Cover
from ..text import PLACEHOLDER, clean_label

# A province (or autonomous region), then a prefecture-level unit (a 市 before a 州 that ends
# its name: 泉州市, not 泉州), then a county-level one of a few characters (双桥区, 赵县).
_JURISDICTION = re.compile(
    r"^(?:[^省市县区旗]{1,8}?(?:省|自治区))?"
    r"(?:[^省市县区旗]{1,8}?市|[^省市县区旗]{1,8}?(?:自治州|州|盟|地区))?"
    r"(?:[^省市县区旗]{1,4}?(?:县|区|旗|市))?"
)
# The central government's departments: 国家…局, 中华人民共和国…部, 中央…, 中国….
_CENTRAL = re.compile(r"^(?:国家|中华人民共和国|中央|中国|国务院)")
_MAY_BE_METADATA = re.compile(r"^\d{3}|年|度|单位|[:：]")
_ADMIN_UNIT = re.compile(r".+?(?:省|自治区|市|州(?!市)|盟|地区|县|区|旗)")


def texts(records: list[Row | Paragraph]):
    """Every paragraph and cell with its line, and a row's cells joined (for split labels)."""
    for record in records:
        if isinstance(record, Paragraph):
            yield clean_label(record.text), record.line
        else:
            for cell in record.cells:
                yield clean_label(cell), record.line
            yield clean_label("".join(record.cells)), record.line


def jurisdiction_of(agency: str) -> str:
    """The government a department belongs to, from its name: 承德市双桥区人力资源… → 承德市双桥区;
    国家信访局 → 中央."""
    found = _JURISDICTION.match(agency).group(0)
    return found or (CENTRAL if _CENTRAL.match(agency) else "")


def slug(text: str) -> str:
    """ASCII, URL-readable: 承德市双桥区 → chengdeshi-shuangqiaoqu."""
    from pypinyin import lazy_pinyin  # its dictionaries take a third of a second to load

    units = _ADMIN_UNIT.findall(text) or [text]
    parts = ["".join(lazy_pinyin(unit)) for unit in units]
    return "-".join(re.sub(r"[^a-z0-9]+", "", part.lower()) for part in parts if part)


def name_slug(text: str) -> str:
    """ASCII for a name that is not an admin unit: 商务委员会 → shangwuweiyuanhui."""
    from pypinyin import lazy_pinyin

    return re.sub(r"[^a-z0-9]+", "", "".join(lazy_pinyin(text)).lower())


def read_metadata(records: list[Row | Paragraph], template: Template) -> dict:
    """Agency, department code, year and kind as printed; the first occurrence wins."""
    cover: Cover = template.part("cover")
    title, agency_line = cover.regex("title"), cover.regex("agency_line")
    agency_label, budget_year = cover.regex("agency_label"), cover.regex("budget_year")
    found: dict = {"kind": document_kind(records, template)}
    if cover.joined_lines > 1:
        found |= wrapped_title(records, title, cover.joined_lines)
    years: dict[int, int] = {}
    previous = ""
    joined_year = ""
    for text, line in texts(records):
        if not _MAY_BE_METADATA.search(text):  # most cells are amounts: skip the patterns
            joined_year, previous = "", text or previous
            continue
        if (match := title.match(text)) and "title_year" not in found:
            found |= title_found(match, previous)
        if (match := agency_label.match(text)) and "agency" not in found:
            found["agency"] = match["name"]
        if (
            (match := agency_line.match(text))
            and "department_code" not in found
            and jurisdiction_of(match["name"])
        ):
            found["department_code"], found["agency_line"] = match["code"], match["name"]
        # `预算年度：` and its year may be split over two lines (c.4): test the pair too.
        for candidate in (text, joined_year + text):
            if match := budget_year.search(candidate):
                years.setdefault(int(match["year"]), line)
                break
        start = cover.split_year_start
        joined_year = text if start and text.startswith(start) and len(text) < 8 else ""
        if text:
            previous = text
    found["years"] = years
    return found


def title_found(match: re.Match, previous: str = "") -> dict:
    """Agency, jurisdiction and year from a matched title; the year may stand before or after
    the agency (`year`, `year2`, `year3` groups), and an empty agency is the line before."""
    groups = match.groupdict()
    found = {}
    if "agency" in groups:
        found["agency"] = groups["agency"] or previous
    if groups.get("jurisdiction"):
        found["jurisdiction"] = groups["jurisdiction"]
    year = next((groups[g] for g in ("year", "year2", "year3") if groups.get(g)), None)
    if year:
        found["title_year"] = int(year)
    return found


COVER_LINES = 12  # the first lines of a document, where a wrapped title is looked for


def wrapped_title(records: list, title: re.Pattern, most: int) -> dict:
    """A title the cover wraps over several lines (`2026年度` / `泉州市公安局` / `部门预算`):
    consecutive short lines at the start joined, the first that reads as a title."""
    lines = [t for t in template_texts(records, COVER_LINES) if t and len(t) <= 40]
    for start in range(len(lines)):
        found = [
            title_found(match)
            for count in range(1, most + 1)
            if (match := title.match("".join(lines[start : start + count])))
        ]
        if found:  # the first join that also gives the year (`…部门决算` / `2024`), else the first
            return next((f for f in found if "title_year" in f), found[0])
    return {}


def document_kind(records: list, template: Template) -> str:
    """部门预算 or 单位预算, from what the cover or the title says (the first kind whose words
    are printed near the start)."""
    cover = list(template_texts(records, 40))
    for kind, pattern in template.kinds.items():
        if any(re.search(pattern, text) for text in cover):
            return kind
    return "department"


def build_metadata(
    found: dict, provenance: dict, path: Path, doc: Document, template: Template
) -> Metadata:
    cover: Cover = template.part("cover")
    agency = found.get("agency") or found.get("agency_line")
    years = found["years"]
    year = found.get("title_year") or (min(years, key=years.get) if years else None)
    if not agency and any(PLACEHOLDER.search(t) for t in template_texts(doc.records, 3)):
        raise DocumentError(
            path,
            f"a template of a {WHAT[template.document_type]} document, not one: its cover prints "
            "a placeholder where the agency goes (XX); nothing to publish",
        )
    if not agency or not year:
        raise DocumentError(
            path,
            f"not a {WHAT[template.document_type]} document: the {template.title} template "
            "finds no title, agency or year",
        )
    for other, line in years.items():
        if other != year:
            doc.warn(f"budget year {other} differs from the document's year {year}", line)
    if provenance.get("year") and int(provenance["year"]) != year:
        doc.warn(f"provenance says year {provenance['year']}, the document says {year}")
    code = str(provenance.get("department_code") or found.get("department_code") or "")
    if not code and cover.department_codes:
        doc.warn("no department code (like `316 邯郸市人社局`) found")
    jurisdiction = (
        provenance.get("jurisdiction") or found.get("jurisdiction") or jurisdiction_of(agency)
    )
    if not jurisdiction:
        raise DocumentError(path, f"cannot tell the jurisdiction from agency name {agency!r}")
    place, unplaced = place_of(jurisdiction)
    if unplaced:
        doc.warn(f"{unplaced}: the place pages list it by its name alone")
    department_id = department_slug(jurisdiction, agency, code, cover)
    kind = found["kind"]
    dataset_id = provenance.get("dataset_id") or "-".join(
        part
        for part in (department_id, KIND_SLUGS[kind], TYPE_SLUGS[template.document_type], str(year))
        if part
    )
    return Metadata(
        dataset_id=dataset_id,
        agency=agency,
        jurisdiction=jurisdiction,
        department_code=code,
        year=year,
        unit=template.default_unit,
        title=provenance.get("title", ""),
        publisher=provenance.get("publisher", ""),
        original_format=provenance.get("original_format", ""),
        obtained_from=provenance.get("obtained_from", ""),
        retrieved=str(provenance.get("retrieved", "")),
        added=str(provenance.get("added", "")),
        kind=kind,
        department_id=provenance.get("department_id") or department_id,
        document_type=template.document_type,
        **place_fields(place),
    )


def place_fields(place: Place | None) -> dict[str, str]:
    if place is None:
        return {}
    return {
        "division_code": place.code,
        "province": place.province,
        "prefecture": place.prefecture,
        "county": place.county,
    }


# The kind in a dataset id: 部门预算 has none (the ids of the first documents stay as they
# were), 单位预算 says `danwei`.
KIND_SLUGS = {"department": "", "unit": "danwei"}
# The document type in a dataset id: a 预算 has none, a 决算 says `juesuan`.
TYPE_SLUGS = {"budget": "", "final_accounts": "juesuan"}
WHAT = {"budget": "budget", "final_accounts": "final accounts (决算)"}


def department_slug(jurisdiction: str, agency: str, code: str, cover: Cover) -> str:
    """The department across years and kinds, in ASCII: its jurisdiction and its department
    code where the template prints one (handanshi-316), else its name without the
    jurisdiction (shanghaishi-putuoqu-shangwuweiyuanhui)."""
    if cover.department_codes:
        return "-".join(p for p in (slug(jurisdiction), code or slug(agency)) if p)
    return f"{slug(jurisdiction)}-{name_slug(agency.removeprefix(jurisdiction))}"
