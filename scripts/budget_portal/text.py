"""Text repairs shared by every step: wrap spaces, width forms, printed numbers.

Names are kept as printed (typos, full- or half-width brackets) except for whitespace that PDF
wrapping inserted between CJK characters.  Comparisons between labels use `label_key`, which also
folds full-/half-width forms, so `出国(境)费` and `出国（境）费` are the same row.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_CJK = (
    r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019"
)
# A whitespace run touching a CJK character (or CJK punctuation) on either side, unless the
# other side is an ASCII letter or digit: `普惠金融 发展支出`, `因公出国 (境)费`, but not
# `服务 and 职业`.
_WRAP_SPACE = re.compile(
    rf"(?<=[{_CJK}])\s+(?![A-Za-z0-9])|(?<![A-Za-z0-9])\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+(?=[{_CJK}])"
)
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")


@functools.lru_cache(maxsize=1 << 16)
def clean_label(text: str) -> str:
    """A printed label without bookmarks, surrounding blanks or PDF/DOCX wrap spaces."""
    text = BOOKMARK.sub("", text)
    return _WRAP_SPACE.sub("", text).strip()


# Words a template of a document prints where the document's own go (上海市 XX 局, 待填写).
PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|[×✕]{2,})(?![A-Za-z])|待填写|待补充|此处填写|[?？]{3,}")  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def label_key(text: str) -> str:
    """A comparison key: width forms folded, all whitespace and quote marks removed."""
    folded = unicodedata.normalize("NFKC", clean_label(text))
    return re.sub(r"[\s\"'“”‘’]", "", folded)


def strip_numbering(label: str) -> str:
    """`二十二、国有资本经营预算支出` or `（二十二）国有资本经营预算支出` → `国有资本经营预算支出`;
    `其中：X` → `X`."""
    label = re.sub(
        r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))", "", label_key(label)
    )
    return re.sub(r"^其中:", "", label)


def parse_amount(cell: str) -> Decimal | None:
    """A printed amount as an exact Decimal (precision kept), blank as None.

    Raises ValueError for text that is not a plain number, so the caller can name the line.
    """
    text = unicodedata.normalize("NFKC", cell).replace(",", "").strip()
    text = re.sub(r"\s+", "", text)
    if text == "":
        return None
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"not a number: {cell!r}")
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the regex admits only numbers
        raise ValueError(f"not a number: {cell!r}") from error


def is_blank(cells) -> bool:
    return all(not c.strip() for c in cells)
