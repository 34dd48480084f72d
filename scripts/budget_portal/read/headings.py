"""What a heading of the narrative is: its number (一、二、…) and the section its title starts."""

from __future__ import annotations

import re

from ..templates import Template
from ..text import clean_label

_HEADING = re.compile(r"^(?P<number>[一二三四五六七八九十]+)、\s*(?P<title>.+)$")
_NUMERALS = "一二三四五六七八九十"


def chinese_number(text: str) -> int:
    """一 … 十九 as an integer (enough for section numbers)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERALS.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.index(tens) + 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)
    return _NUMERALS.index(text) + 1


_LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|-{4,})\s*\d+")


def section_key(text: str, template: Template) -> tuple[str, int, str] | None:
    """(key, number, title) when `text` is a heading of the template's narrative; an entry
    of the contents (a dot leader and a page number) is none."""
    text = clean_label(text)
    if _LEADER.search(text):
        return None
    if template.numbered_sections:
        match = _HEADING.match(text)
        if not match or len(match["title"]) > 40 or "。" in match["title"]:
            return None
        number, title = chinese_number(match["number"]), match["title"]
    elif len(text) > 40 or "。" in text:
        return None
    else:
        number, title = 0, text
    for rule in template.sections:
        if re.search(rule.pattern, title):
            return rule.key, number, title
    return None
