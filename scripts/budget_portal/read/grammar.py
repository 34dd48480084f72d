"""One grammar for the narrative's numbered items, shared by every template.

An item of 财政拨款支出主要内容 (or of any list that spends by function) is a number, a
classification path, an amount, then optional clauses: what it is for, last year's figure, the
year's figure stated again, a comparison and its reason.  Documents print each part in several
ways, and a template may add phrasings of its own, never replace these:

* the number: `1.` `1、` `（一）` `(1)` `①`;
* the path, quoted or not, its names marked `（类）` `（款）` `（项）` with or without their
  codes (`公共安全支出（204类）司法（06款）行政运行（01项）`), or joined by hyphens
  (`“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目`);
* the amount in 万元 or 元, with or without thousands separators;
* a comparison with its base (比上年, 比2024年预算数, 比2024年预算执行数, 比上年决算数), a direction
  (增加, 减少, 持平) and an amount or a percent;
* in a 决算, the item's 年初预算 and 支出决算 after the path, the share of the budget spent
  (完成年初预算的 Z%) and why the two differ (决算数大于/小于预算数的主要原因是…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NUMBER = r"(?P<number>\d{1,3})\s*[.．、]|[（(](?P<cn>[一二三四五六七八九十]{1,3}|\d{1,3})[)）]|(?P<circled>[①-⑳])"
AMOUNT = r"(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|元)"
MARKER = r"[（(]\s*(?P<code>\d{0,3})\s*(?P<level>类|款|项)\s*[)）]"
# A path: quoted (any names inside), or unquoted names each followed by its marker.
PATH = (
    r"[“\"](?P<quoted>[^”\"]{2,80})[”\"]\s*(?:科目)?"
    rf"|(?P<marked>(?:[^，,。；;：:“”\"]{{1,30}}?{MARKER.replace('?P<code>', '?:').replace('?P<level>', '?:')}){{1,3}})"
)
ITEM = re.compile(
    rf"^(?:{NUMBER})\s*(?:{PATH})\s*(?:科目)?\s*(?:支出|预算|安排|为|预算数为|安排资金)*\s*{AMOUNT}"
)
_MARKER = re.compile(MARKER)
COMPARISON = re.compile(
    r"(?:比|较)(?P<base>上年|\d{4}\s*年)(?P<what>预算执行数|执行数|预算数|决算数|预算)?"
    r"(?P<direction>增加|减少|增长|下降|持平)"
    r"(?:(?P<percent>\d+(?:\.\d+)?)\s*[%％]|(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元)?"
)
DIRECTIONS = {"增加": "增加", "增长": "增加", "减少": "减少", "下降": "减少", "持平": "持平"}
# A 决算 states each item's budget and what was spent, then how much of the budget that is and
# why they differ: `1.一般公共服务（类）…（项）。[主要用于：…。]年初预算为 5717.32 万元，支出决算为
# 5757.63 万元，完成年初预算的 100.71%。决算数大于预算数的主要原因是…`.
FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
HEAD = re.compile(rf"^(?:{NUMBER})\s*(?:{PATH})")
OUTTURN = re.compile(
    rf"年初预算(?:数)?为\s*(?P<budget>{FIGURE})\s*万元\s*[，,]?\s*(?:支出)?决算(?:数)?为\s*"
    rf"(?P<spent>{FIGURE})\s*万元(?:\s*[，,]\s*完成(?:年初)?预算的\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％])?"
)
OUTTURN_REASON = re.compile(
    r"决算数?(?:与预算数?)?(?P<compared>大于|小于|等于|(?:基本)?持平)(?:预算数?)?的?"
    r"(?:主要)?(?:原因)?(?:是|为|在于)?\s*[:：]?\s*(?P<text>[^。]*)"
)
COMPARED = {"大于": "增加", "小于": "减少", "等于": "持平", "持平": "持平", "基本持平": "持平"}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class PathName:
    name: str
    level: str  # 类, 款, 项, or '' (a hyphen-joined path: by position)
    code: str  # the code part printed in the marker (204, 06, 01), or ''


def item(text: str, extra: re.Pattern | None = None) -> re.Match | None:
    """The numbered item a paragraph begins with: a template's own phrasing first, then the
    grammar's."""
    return (extra.match(text) if extra else None) or ITEM.match(text)


def item_number(match: re.Match) -> int:
    groups = match.groupdict()
    if groups.get("number"):
        return int(groups["number"])
    if groups.get("circled"):
        return CIRCLED.index(groups["circled"]) + 1
    cn = groups.get("cn") or ""
    if cn.isdigit():
        return int(cn)
    from .headings import chinese_number

    return chinese_number(cn)


def path_names(path: str) -> list[PathName]:
    """The names of a classification path, each with its level and printed code part: split
    at its markers (a name may hold brackets of its own: 政府办公厅（室）及相关机构事务), or at
    its hyphens."""
    path = path.strip()
    if not _MARKER.search(path):
        names = [n.strip(' 、，,“”"') for n in re.split(r"[-—－]", path)]
        return [PathName(n, "", "") for n in names if n]
    out, start = [], 0
    for marker in _MARKER.finditer(path):
        name = path[start : marker.start()].strip(' 、，,“”"-—－')
        if name:
            out.append(PathName(name, marker["level"], marker["code"]))
        start = marker.end()
    return out


def printed_code(names: list[PathName]) -> str:
    """The code the markers print (204类 06款 01项 → 2040601), '' when they print none."""
    parts = [n.code for n in names if n.level]
    widths = (3, 2, 2)
    if not parts or not all(parts) or len(parts) > 3:
        return ""
    return "".join(p.zfill(w) for p, w in zip(parts, widths, strict=False))


def amount_in_wan_yuan(match: re.Match) -> Decimal:
    """The item's amount in 万元, exactly (an amount printed in 元 is divided by 10,000)."""
    value = Decimal(match["amount"].replace(",", ""))
    return value.scaleb(-4) if match.groupdict().get("unit") == "元" else value


_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])[^。；;]{2,40}$"
)


def is_heading(text: str) -> bool:
    """A sub-heading of the narrative (三、支出预算情况说明, （四）一般公共预算支出情况): numbered
    in Chinese, short, no sentence; an item's number is arabic or circled."""
    return bool(_HEADING.match(text)) and not ITEM.match(text)
