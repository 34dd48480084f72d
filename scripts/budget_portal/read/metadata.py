"""Step 2a: who published the document, for which year, and its dataset id (as printed)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document, DocumentError, Metadata, Paragraph, Row
from ..text import clean_label

_TITLE = re.compile(
    r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年\s*部门预算(?:信息)?公开情况说明$"
)
_AGENCY_LINE = re.compile(r"^(?P<code>\d{3})\s*(?P<name>[\u4e00-\u9fff][^\t]*)$")
_BUDGET_YEAR = re.compile(r"预算年度[:：]\s*(?P<year>(?:19|20)\d{2})")
_UNIT = re.compile(r"^单位[:：]\s*(?P<unit>\S+)$")
_JURISDICTION = re.compile(
    r"^(?:[^市县区旗]{1,8}?(?:市|州|盟|地区))?(?:[^市县区旗]{1,8}?(?:县|区|旗|市))?"
)
_MAY_BE_METADATA = re.compile(r"^\d{3}|年|度|单位")
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


def read_metadata(records: list[Row | Paragraph]) -> dict:
    """Agency, department code, year and unit as printed; the first occurrence wins."""
    found: dict = {}
    years: dict[int, int] = {}
    units: dict[str, int] = {}
    previous = ""
    joined_year = ""
    for text, line in texts(records):
        if not _MAY_BE_METADATA.search(text):  # most cells are amounts: skip the patterns
            joined_year, previous = "", text or previous
            continue
        if (match := _TITLE.match(text)) and "agency" not in found:
            found["agency"] = match["agency"] or previous
            found["title_year"] = int(match["year"])
        if (
            (match := _AGENCY_LINE.match(text))
            and "department_code" not in found
            and jurisdiction_of(match["name"])
        ):
            found["department_code"], found["agency_line"] = match["code"], match["name"]
        # `预算年度：` and its year may be split over two lines (c.4): test the pair too.
        for candidate in (text, joined_year + text):
            if match := _BUDGET_YEAR.search(candidate):
                years.setdefault(int(match["year"]), line)
                break
        joined_year = text if text.startswith("预算年") and len(text) < 8 else ""
        if match := _UNIT.match(text):
            units.setdefault(match["unit"], line)
        if text:
            previous = text
    found["years"], found["units"] = years, units
    return found


def build_metadata(found: dict, provenance: dict, path: Path, doc: Document) -> Metadata:
    agency = found.get("agency") or found.get("agency_line")
    years = found["years"]
    year = found.get("title_year") or (min(years, key=years.get) if years else None)
    if not agency or not year:
        raise DocumentError(
            path, "not a budget document: no 部门预算 title, agency line or budget year found"
        )
    for other, line in years.items():
        if other != year:
            doc.warn(f"budget year {other} differs from the document's year {year}", line)
    if provenance.get("year") and int(provenance["year"]) != year:
        doc.warn(f"provenance says year {provenance['year']}, the document says {year}")
    units = found["units"]
    for unit, line in units.items():
        if unit != "万元":
            raise DocumentError(path, f"amounts in {unit}, only 万元 is supported", line)
    code = str(provenance.get("department_code") or found.get("department_code") or "")
    if not code:
        doc.warn("no department code (like `316 邯郸市人社局`) found")
    jurisdiction = provenance.get("jurisdiction") or jurisdiction_of(agency)
    if not jurisdiction:
        raise DocumentError(path, f"cannot tell the jurisdiction from agency name {agency!r}")
    dataset_id = provenance.get("dataset_id") or "-".join(
        part for part in (slug(jurisdiction), code or slug(agency), str(year)) if part
    )
    return Metadata(
        dataset_id=dataset_id,
        agency=agency,
        jurisdiction=jurisdiction,
        department_code=code,
        year=year,
        unit="万元",
        title=provenance.get("title", ""),
        publisher=provenance.get("publisher", ""),
        original_format=provenance.get("original_format", ""),
        obtained_from=provenance.get("obtained_from", ""),
        retrieved=str(provenance.get("retrieved", "")),
    )
