"""Tiny PDFs written by hand for tests: text (CJK included) at given positions, ruled boxes,
and an encrypted variant.  Glyphs are not embedded (nothing here is ever rendered); a
ToUnicode map lets a reader recover the text, as it does from a real file.
"""

from __future__ import annotations

import io

WIDTH, HEIGHT = 595, 842


def _string(text: str) -> str:
    return "<" + "".join(f"{ord(ch):04X}" for ch in text) + ">"


def _to_unicode() -> bytes:
    ranges = "\n".join(f"<{b:02X}00> <{b:02X}FF> <{b:02X}00>" for b in range(256))
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Identity-UCS2 def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"256 beginbfrange\n{ranges}\nendbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def page_content(texts=(), boxes=(), size: int = 10) -> bytes:
    """`texts`: (x, y from the top, text); `boxes`: (x0, top, x1, bottom) ruled rectangles."""
    ops = []
    for x0, top, x1, bottom in boxes:
        ops.append(f"{x0} {HEIGHT - bottom} {x1 - x0} {bottom - top} re S")
    for x, y, text in texts:
        ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x} {HEIGHT - y} Tm {_string(text)} Tj ET")
    return "\n".join(ops).encode()


def make_pdf(pages: list[bytes], encrypted: bool = False) -> bytes:
    """A PDF of the given page content streams (see `page_content`)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 -200 1000 800] "
        b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    cid = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry "
        b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>"
        % descriptor
    )
    cmap = _to_unicode()
    unicode = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap))
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, unicode)
    )
    parent = len(objects) + 2 * len(pages) + 1  # the pages object comes after every page
    kids = []
    for content in pages:
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>"
                % (parent, WIDTH, HEIGHT, stream, font)
            )
        )
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % parent)
    encrypt = (
        add(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32))
        if encrypted
        else None
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if encrypt:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, b"ab" * 16, b"ab" * 16)
    out.write(b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref))
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A page that is only a picture (a scan without a text layer)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (200, 280), color=255).save(buffer, format="PDF")
    return buffer.getvalue()
