"""Original PDF → records, with pdfplumber (MIT; not PyMuPDF, whose AGPL would bind the project).

Each page gives its ruled tables as `Row` records (one per table row, merged cells blank) and
the text around them as `Paragraph` records, in reading order.  Repairs done here, because they
are about the PDF and not about any template:

* A page whose text runs sideways (a wide table printed across a portrait page) is turned
  upright before it is read, and the document says which pages were.
* Text the page does not show is dropped: what lies outside the page box, and what a clip path
  hides.  Spreadsheet exports (WPS 表格) draw a cell that runs over a page break on both pages
  and clip each copy, so without this a passage is read twice (docs/domain.md e).  Clip paths are
  read with pypdfium2 (pdfplumber's own renderer) on the pages whose text runs past the page.
* Wrapped lines are joined into paragraphs: a line that starts at the left margin right after
  a line that fills the text width continues it; an indented line, or one that opens with an
  enumeration (一、 （一） 1、), starts a new paragraph.
* A table that continues on the next page with a different grid (a lone 合计 row whose code
  cells are merged into one) is put back on the grid of the table it continues, by position;
  a table with more columns, or more than a few rows, is a new table on its own grid.
"""

from __future__ import annotations

import ctypes
import io
import re
from dataclasses import dataclass

from ..model import DocumentError, Paragraph, Row

# A paragraph line fills at least this share of the text width when the paragraph goes on.
FULL_LINE = 0.9
MARGIN = 3.0  # points: a line starting within this of the left margin is not indented
# A table at the top of a page with fewer columns than the table above it and no more rows
# than this is the rest of that table with merged cells (a lone 合计 row), put back on its grid.
CONTINUATION_ROWS = 3
MIN_TEXT_CHARS = 1  # fewer characters in the whole file: no text layer (a scan)
# A line that opens with an enumeration (一、 （一） 1、 1. (1)) starts a paragraph of its own.
ENUMERATION = re.compile(
    r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．]\s*\D)"
)


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Grid:
    """Where a table's columns are, to place a continuation on the same grid."""

    edges: list[tuple[float, float]]


def extract_pdf(raw: bytes, path) -> tuple[list, list[str]]:
    """(records, notes): the notes say what was repaired on the way (pages turned upright)."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        pages = pdf.pages
    except Exception as error:  # pdfminer reports damage and passwords in many ways
        raise DocumentError(path, open_error(error)) from None
    notes = []
    if turns := sideways(pages):
        pdf.close()
        raw = turned_upright(raw, turns)
        pdf = pdfplumber.open(io.BytesIO(raw))
        pages = pdf.pages
        listed = ", ".join(str(n) for n in sorted(turns))
        notes.append(
            f"pages {listed}: the text ran sideways (a table turned on the page); read turned upright"
        )
    with pdf:
        hidden = HiddenText(raw)
        records: list = []
        grid: Grid | None = None
        chars = 0
        for number, page in enumerate(pages, start=1):
            visible = visible_page(page, hidden, number)
            chars += len(visible.chars)
            items, grid = page_items(visible, grid)
            line = (records[-1].line if records else 0) + (number > 1)  # the page's form feed
            records += number_records(items, line, number)
    if chars < MIN_TEXT_CHARS:
        raise DocumentError(path, f"no text layer: {no_text(raw)}; OCR is not supported")
    return records, notes


SIDEWAYS = 0.5  # a page is sideways when more than this share of its characters run sideways


def sideways(pages) -> dict[int, int]:
    """Page number → the turn (90 or 270 degrees clockwise) that sets its text upright, for each
    page whose characters mostly run up or down the page (a wide table printed across a portrait
    page, or a page whose /Rotate lays its text on its side)."""
    turns = {}
    for number, page in enumerate(pages, start=1):
        chars = page.chars
        turned = [c for c in chars if not c["upright"] and c["text"].strip()]
        if chars and len(turned) > SIDEWAYS * len(chars):
            down = sum(c["matrix"][1] < 0 for c in turned)  # drawn top to bottom
            turns[number] = 270 if down > len(turned) / 2 else 90
    return turns


def turned_upright(raw: bytes, turns: dict[int, int]) -> bytes:
    """The PDF with those pages' /Rotate turned (pdfium writes the file; pdfminer applies the
    rotation when it lays the text out)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(raw)
    for number, turn in turns.items():
        page = document[number - 1]
        page.set_rotation((page.get_rotation() + turn) % 360)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def no_text(raw: bytes) -> str:
    """What the pages of a PDF without characters hold: images (a scan), or nothing."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        pages = len(pdf.pages)
        images = sum(bool(page.images) for page in pdf.pages)
    if not pages:
        return "the PDF has no pages"
    if images == pages == 1:
        return "its one page is an image (a scan)"
    if images == pages:
        return f"all {pages} pages are images (a scan)"
    if images:
        are = "is an image" if images == 1 else "are images"
        return f"{images} of its {pages} pages {are} (a scan), the others blank"
    return f"none of its {pages} pages has characters or images (blank, or text drawn as shapes)"


def open_error(error: Exception) -> str:
    """What is wrong with a PDF that cannot be opened: the error and what it wraps (pdfplumber
    wraps pdfminer's), each message said once."""
    causes = (error, *error.args, error.__context__)
    said = [f"{type(e).__name__}: {e}" for e in causes if isinstance(e, Exception)]
    text = " ".join(
        s for i, s in enumerate(said) if not any(s.split(": ", 1)[-1] in o for o in said[:i])
    )
    if "Password" in text or "Encrypt" in text:
        return "encrypted: the PDF needs a password; ask the publisher for a copy without one"
    return f"damaged or not a PDF ({text.strip()})"


def number_records(items: list, line: int, page: int) -> list:
    """Records with their line in the extracted text: one a record, a form feed a page."""
    out = []
    for item in items:
        line += 1
        if isinstance(item, Line):
            out.append(Paragraph(item.text, line, page))
        elif len(item) == 1:  # a one-column table (a boxed list) is a list of lines
            out.append(Paragraph(item[0], line, page))
        else:
            out.append(Row(tuple(item), line, page))
    return out


# --- what the page shows ----------------------------------------------------------------------


class HiddenText:
    """Characters a clip path hides, per page, read with pypdfium2 on the pages that need it."""

    def __init__(self, raw: bytes):
        self.raw = raw
        self.document = None

    def on_page(self, number: int) -> dict[str, list[tuple[float, float]]]:
        import pypdfium2
        import pypdfium2.raw as pdfium

        if self.document is None:
            self.document = pypdfium2.PdfDocument(self.raw)
        page = self.document[number - 1]
        text = page.get_textpage()
        clips: dict[int, tuple | None] = {}
        hidden: dict[str, list[tuple[float, float]]] = {}
        x, y = ctypes.c_double(), ctypes.c_double()
        for index in range(pdfium.FPDFText_CountChars(text.raw)):
            obj = pdfium.FPDFText_GetTextObject(text.raw, index)
            if not obj:
                continue
            key = ctypes.cast(obj, ctypes.c_void_p).value
            if key not in clips:
                clips[key] = clip_box(pdfium, obj)
            pdfium.FPDFText_GetCharOrigin(text.raw, index, x, y)
            box = clips[key]
            if box and not (box[0] <= x.value <= box[2] and box[1] <= y.value <= box[3]):
                char = chr(pdfium.FPDFText_GetUnicode(text.raw, index))
                hidden.setdefault(char, []).append((x.value, y.value))
        return hidden


def clip_box(pdfium, obj) -> tuple | None:
    """The box a page object's clip path leaves visible (the intersection of its paths)."""
    clip = pdfium.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box = [-1e9, -1e9, 1e9, 1e9]
    x, y = ctypes.c_float(), ctypes.c_float()
    for path in range(pdfium.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for segment in range(pdfium.FPDFClipPath_CountPathSegments(clip, path)):
            pdfium.FPDFPathSegment_GetPoint(
                pdfium.FPDFClipPath_GetPathSegment(clip, path, segment), x, y
            )
            xs.append(x.value)
            ys.append(y.value)
        if xs:
            box = [max(box[0], min(xs)), max(box[1], min(ys)), min(box[2], max(xs)), min(box[3], max(ys))]  # fmt: skip
    return (box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5)


def visible_page(page, hidden: HiddenText, number: int):
    """The page without the text it does not show."""
    width, height = page.width, page.height
    runs_over = any(
        c["top"] < 0 or c["bottom"] > height or c["x0"] < 0 or c["x1"] > width for c in page.chars
    )
    cropped = page.crop(page.bbox)  # text drawn outside the page box is extracted too
    if not runs_over:
        return cropped
    clipped = hidden.on_page(number)

    def shown(obj) -> bool:
        if obj.get("object_type") != "char" or obj["text"] not in clipped:
            return True
        x, y = obj["matrix"][4], obj["matrix"][5]
        return not any(abs(x - hx) < 0.3 and abs(y - hy) < 0.3 for hx, hy in clipped[obj["text"]])

    return cropped.filter(shown)


# --- tables and paragraphs in reading order ---------------------------------------------------


def page_items(page, grid: Grid | None) -> tuple[list, Grid | None]:
    """The page's table rows and paragraphs, top to bottom, and the grid of its last table."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: not any(inside(obj, box) for box in boxes))
    lines = [
        Line(" ".join(t["text"].split()), t["x0"], t["x1"], t["top"], t["bottom"])
        for t in on_baselines(outside.extract_text_lines(keep_blank_chars=False))
        if t["text"].strip()
    ]
    placed: list[tuple[float, object]] = [(p.top, p) for p in paragraphs(lines)]
    first_table = min((t.bbox[1] for t in tables), default=None)
    starts_with_table = first_table is not None and not any(t.top < first_table for t in lines)
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        rows = [[cell_text(c) for c in row] for row in table.extract()]
        edges = column_edges(table)
        if (
            grid
            and starts_with_table
            and table.bbox[1] == first_table
            and len(edges) < len(grid.edges)  # cells merged: a new table has its own grid
            and len(rows) <= CONTINUATION_ROWS
        ):
            rows = [regrid(row, edges, grid.edges) for row in rows]  # fmt: skip
            edges = grid.edges
        placed += [(r.bbox[1], cells) for r, cells in zip(table.rows, rows, strict=True)]
        grid = Grid(edges)
    placed.sort(key=lambda item: item[0])
    items = [item for _, item in placed if not (isinstance(item, list) and not any(item))]
    last_is_table = bool(placed) and isinstance(placed[-1][1], list)
    return items, grid if last_is_table else None


SAME_LINE = 0.5  # characters overlapping a line by this share of their height are on it
WORD_GAP = 3.0  # points between characters that make a space (pdfplumber's x_tolerance)


def on_baselines(lines: list[dict]) -> list[dict]:
    """Text lines with the characters drawn a little lower or higher put back on their line:
    a font with other metrics (上海's 决算 print their figures in Times New Roman beside
    FangSong, 5 points down) makes pdfplumber read `总计 万元` and `2995.39` as two lines.  A
    line that overlaps the one before by more than half its height is merged into it, its
    characters in order across the page."""
    out: list[dict] = []
    for line in lines:
        last = out[-1] if out else None
        if last is not None and overlap(last, line) > SAME_LINE:
            chars = sorted([*last["chars"], *line["chars"]], key=lambda c: c["x0"])
            body = max(last, line, key=lambda part: len(part["chars"]))  # its text's own height
            out[-1] = {
                "text": chars_text(chars),
                "chars": chars,
                "x0": min(last["x0"], line["x0"]),
                "x1": max(last["x1"], line["x1"]),
                "top": body["top"],
                "bottom": body["bottom"],
            }
        else:
            out.append(line)
    return out


def overlap(a: dict, b: dict) -> float:
    """How much of the shorter of two lines' heights they share."""
    shared = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    height = min(a["bottom"] - a["top"], b["bottom"] - b["top"])
    return shared / height if height > 0 else 0.0


def chars_text(chars: list[dict]) -> str:
    text, right = "", None
    for char in chars:
        if right is not None and char["x0"] - right > WORD_GAP:
            text += " "
        text += char["text"]
        right = char["x1"]
    return text


def inside(obj, box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def cell_text(cell: str | None) -> str:
    """A cell's text on one line (wrapped cells are joined; clean_label drops CJK wrap spaces)."""
    return " ".join((cell or "").split())


def column_edges(table) -> list[tuple[float, float]]:
    edges: dict[int, tuple[float, float]] = {}
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            if cell is not None and index not in edges:
                edges[index] = (cell[0], cell[2])
    return [edges.get(i, (0.0, 0.0)) for i in range(len(table.rows[0].cells))]


def regrid(cells: list[str], edges, target) -> list[str]:
    """Cells of a continuation placed on the grid it continues: each cell's text goes to the
    first column of that grid whose centre lies within the cell."""
    out = [""] * len(target)
    for text, (x0, x1) in zip(cells, edges, strict=True):
        columns = [i for i, (a, b) in enumerate(target) if x0 - 1 <= (a + b) / 2 <= x1 + 1]
        if columns and text:
            out[columns[0]] = text
    return out


def paragraphs(lines: list[Line]) -> list[Line]:
    """Wrapped lines joined into paragraphs (see the module's docstring)."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    full = left + FULL_LINE * (max(line.x1 for line in lines) - left)
    groups: list[list[Line]] = []
    for line in lines:
        last = groups[-1][-1] if groups else None
        height = line.bottom - line.top
        if (
            last
            and line.x0 <= left + MARGIN
            and last.x1 >= full
            and not ENUMERATION.match(line.text)
            and abs(height - (last.bottom - last.top)) < 1
            and line.top - last.bottom < height
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [joined(group) for group in groups]


def joined(group: list[Line]) -> Line:
    text = group[0].text
    for line in group[1:]:
        ascii_gap = text[-1:].isascii() and line.text[:1].isascii()
        text += (" " if ascii_gap else "") + line.text
    return Line(text, group[0].x0, group[-1].x1, group[0].top, group[-1].bottom)
