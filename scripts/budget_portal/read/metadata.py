"""Step 2a: who published the document, for which year, and its dataset id (as printed)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document, DocumentError, Metadata, Paragraph, Row
from ..templates import Template
from ..templates import texts as template_texts
from ..templates.parts import Cover
from ..text import clean_label

_JURISDICTION = re.compile(
    r"^(?:[^市县区旗]{1,8}?(?:市|州|盟|地区))?(?:[^市县区旗]{1,8}?(?:县|区|旗|市))?"
)
_MAY_BE_METADATA = re.compile(r"^\d{3}|年|度|单位|[:：]")
_ADMIN_UNIT = re.compile(r".+?(?:省|自治区|市|州|盟|地区|县|区|旗)")


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
    """The government a department belongs to, from its name: 承德市双桥区人力资源… → 承德市双桥区."""
    return _JURISDICTION.match(agency).group(0)


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
    years: dict[int, int] = {}
    previous = ""
    joined_year = ""
    for text, line in texts(records):
        if not _MAY_BE_METADATA.search(text):  # most cells are amounts: skip the patterns
            joined_year, previous = "", text or previous
            continue
        if (match := title.match(text)) and "title_year" not in found:
            if "agency" in match.groupdict():
                found["agency"] = match["agency"] or previous
            if "jurisdiction" in match.groupdict():
                found["jurisdiction"] = match["jurisdiction"]
            found["title_year"] = int(match["year"])
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
    if not agency or not year:
        raise DocumentError(
            path,
            f"not a budget document: the {template.title} template finds no title, agency "
            "or budget year",
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
    department_id = department_slug(jurisdiction, agency, code, cover)
    kind = found["kind"]
    dataset_id = provenance.get("dataset_id") or "-".join(
        part for part in (department_id, KIND_SLUGS[kind], str(year)) if part
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
        kind=kind,
        department_id=provenance.get("department_id") or department_id,
    )


# The kind in a dataset id: 部门预算 has none (the ids of the first documents stay as they
# were), 单位预算 says `danwei`.
KIND_SLUGS = {"department": "", "unit": "danwei"}


def department_slug(jurisdiction: str, agency: str, code: str, cover: Cover) -> str:
    """The department across years and kinds, in ASCII: its jurisdiction and its department
    code where the template prints one (handanshi-316), else its name without the
    jurisdiction (shanghaishi-putuoqu-shangwuweiyuanhui)."""
    if cover.department_codes:
        return "-".join(p for p in (slug(jurisdiction), code or slug(agency)) if p)
    return f"{slug(jurisdiction)}-{name_slug(agency.removeprefix(jurisdiction))}"
