"""Where a jurisdiction is: its province, prefecture and county, by the national list of
administrative divisions (行政区划代码, GB/T 2260).

`divisions.csv` is that list as `cpca` 0.5.5 (MIT licence) ships it, 2020 edition, six-digit
codes; the pseudo-levels the list uses as parents (市辖区, 县, 省直辖县级行政区划) are left out.
A jurisdiction is read as a chain of division names, each within the one before it
(承德市双桥区 → 承德市 › 双桥区); a bare name is placed when only one division bears it (赵县).
A name the list does not hold, or holds more than once, is said: never guessed.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

DIVISIONS = Path(__file__).resolve().parent / "divisions.csv"
CENTRAL = "中央"
# The short name of a province or a prefecture (河北 for 河北省, 广西 for 广西壮族自治区, 苏州
# for 苏州市 in 苏州工业园区): its suffix, and the people named in an autonomous region's name.
_SHORT_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:省|市|自治区|特别行政区)$")


@dataclass(frozen=True)
class Place:
    code: str  # six-digit division code of the jurisdiction; "" for the central government
    province: str  # 省级 (or 中央)
    prefecture: str  # 地级: a municipality (北京市) is its own; "" where none is between
    county: str  # 县级: "" for a province's or a prefecture's own departments


@functools.cache
def _divisions() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """code → name, and name → codes (short names included)."""
    with DIVISIONS.open(encoding="utf-8") as f:
        names = {row["code"]: row["name"] for row in csv.DictReader(f)}
    codes: dict[str, list[str]] = {}
    for code, name in names.items():
        codes.setdefault(name, []).append(code)
        short = _SHORT_SUFFIX.sub("", name)
        if code.endswith("00") and short != name and len(short) > 1:
            codes.setdefault(short, []).append(code)
    return names, {name: tuple(found) for name, found in codes.items()}


def _scope(code: str) -> str:
    """The prefix every division inside `code` shares: 13 for 河北省, 1304 for 邯郸市."""
    if code.endswith("0000"):
        return code[:2]
    return code[:4] if code.endswith("00") else code


def place_of(jurisdiction: str) -> tuple[Place | None, str]:
    """The place of a jurisdiction as printed, and what could not be placed ("" when all
    of it was).  A remainder after the last division found leaves the place at that division."""
    if jurisdiction == CENTRAL:
        return Place("", CENTRAL, "", ""), ""
    names, codes = _divisions()
    rest, code = jurisdiction, ""
    while rest:
        found = _next_division(rest, code, codes)
        if found is None:
            break
        name, within = found
        if len(within) > 1:
            places = "、".join(_chain(names, c) for c in within)
            return (
                None,
                f"jurisdiction {jurisdiction!r}: {name} is more than one division ({places})",
            )
        rest, code = rest[len(name) :], within[0]
    if not code:
        return None, f"jurisdiction {jurisdiction!r} names no division of the list (GB/T 2260)"
    place = _place(names, code)
    if rest:
        return place, (
            f"jurisdiction {jurisdiction!r}: {rest!r} is not a division within "
            f"{_chain(names, code)}; placed there"
        )
    return place, ""


def _next_division(text: str, parent: str, codes) -> tuple[str, tuple[str, ...]] | None:
    """The longest division name `text` starts with, among the divisions inside `parent`."""
    scope = _scope(parent) if parent else ""
    for end in range(len(text), 1, -1):
        within = tuple(c for c in codes.get(text[:end], ()) if c.startswith(scope) and c != parent)
        if within:
            return text[:end], within
    return None


def _place(names: dict[str, str], code: str) -> Place:
    province = names[code[:2] + "0000"]
    municipality = province.endswith("市")
    prefecture = (
        ""
        if code == code[:2] + "0000" and not municipality
        else names.get(code[:4] + "00", province if municipality else "")
    )
    county = "" if code.endswith("00") else names[code]
    return Place(code, province, prefecture, county)


def _chain(names: dict[str, str], code: str) -> str:
    place = _place(names, code)
    parts = dict.fromkeys(p for p in (place.province, place.prefecture, place.county) if p)
    return "".join(parts)
