"""Family `wording` (and the year comparisons of family `changes`): what a careful reader of
the narrative notices without adding anything up.

Each rule reads every paragraph of the narrative (the glossary's general definitions are left
out of the rules on self-reference).  A rule with nothing to report gives one passing check;
otherwise one finding per place, quoting the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..templates.words import GOVERNMENT_LEVEL
from ..text import PLACEHOLDER
from .check import Check, make_check

CONTEXT = 18  # characters quoted on each side of what a rule found

DOUBLED = re.compile(r"[，。、；：,;][，。、；：,;]")
# A lead-in that promises content, followed at once by the end of the sentence.
# (A colon ending a paragraph introduces the list that follows: not missing.)
MISSING = re.compile(r"(?:主要原因是|原因是|原因为|主要用于|主要包括|具体包括|主要是|具体为|分别为|其中)(?:[：:]?\s*[。；;]|$)")  # fmt: skip
OPENING = {"（": "）", "(": ")", "【": "】", "《": "》", "“": "”", "〔": "〕"}
CLOSING = {v: k for k, v in OPENING.items()}
SAME = {"(": "（", ")": "）"}  # a half-width bracket pairs with a full-width one
# How a document refers to itself, by kind; the other kind's words are a slip.
SELF_WORDS = {
    "department": re.compile(r"本部门|我部门|部门预算(?!(?:支出)?经济分类)"),
    # 单位预算 about a department's units (下属单位预算, 所属事业单位预算) is no slip
    "unit": re.compile(r"本单位|我单位|(?<!下属)(?<!所属)(?<!事业)(?<!基层)单位预算(?!单位)"),
}
KIND_NAMES = {"department": "部门预算", "unit": "单位预算"}
# A year naming this year's budget: 2025年部门预算, 2025年预算收入, 2025年“三公”经费预算.
THIS_YEARS_BUDGET = re.compile(rf"(?P<year>(?:19|20)\d{{2}})\s*年度?{GOVERNMENT_LEVEL}?(?:(?:部门|单位)预算|预算(?:收入|支出|收支))")  # fmt: skip
COMPARED = re.compile(r"(?:比|较|与|同|对比|相比)\s*$")
COMPARISON = re.compile(r"(?:比|较|与|同)\s*(?P<year>(?:19|20)\d{2})\s*年")


def wording_checks(paragraphs: list[dict], kind: str, year: int) -> list[Check]:
    body = [p for p in paragraphs if p["section"] != "glossary"]
    other = "unit" if kind == "department" else "department"
    rules: list[tuple[str, str, str, Callable[[str], Iterator[re.Match]], list[dict]]] = [
        ("wording.placeholder", "未替换的占位文字", "不应出现占位文字", PLACEHOLDER.finditer, paragraphs),
        ("wording.doubled_punctuation", "连续两个标点", "不应连续出现两个标点", DOUBLED.finditer, paragraphs),
        ("wording.missing_content", "句子在应有内容处结束", "“主要原因是”“主要用于”等之后应写明内容",
         MISSING.finditer, wrapped(paragraphs)),
        ("wording.unmatched_brackets", "括号或引号不成对", "括号、书名号和引号应成对", unmatched,
         wrapped(paragraphs)),
        ("wording.kind", f"{KIND_NAMES[kind]}使用了“{KIND_NAMES[other]}”的称谓",
         f"{KIND_NAMES[kind]}应以“{'部门' if kind == 'department' else '单位'}”自称",
         SELF_WORDS[other].finditer, body),
        ("wording.year", f"称本年预算时写了 {year} 以外的年份", f"预算年度是 {year} 年",
         lambda text: other_years(text, year), paragraphs),
        ("changes.self_year", "与本年度或以后的年度比较", f"比较的基年应早于预算年度 {year} 年",
         lambda text: compared_with_itself(text, year), paragraphs),
    ]  # fmt: skip
    checks = []
    for check, what, expected, find, where in rules:
        found = [(p, m) for p in where for m in find(p["text"])]
        for paragraph, match in found:
            excerpt = around(paragraph["text"], match)
            checks.append(
                make_check(check, what, "narrative", (f"原文：{excerpt}", None), (expected, None),
                           ({**paragraph, "sentence": excerpt},), unit="", agrees=False,
                           message=f"{what}：“{excerpt}”（{expected}）。")
            )  # fmt: skip
        if not found:
            checks.append(
                make_check(check, what, "narrative", (f"{len(where)} 段情况说明", None),
                           (expected, None), (), unit="", agrees=True)
            )  # fmt: skip
    return checks


def around(text: str, match: re.Match) -> str:
    start, end = max(0, match.start() - CONTEXT), min(len(text), match.end() + CONTEXT)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


_ENDS_SENTENCE = re.compile(r"[。！？；!?;：:）)】》”]\s*$")


def wrapped(paragraphs: list[dict]) -> list[dict]:
    """Paragraphs with the lines a PDF cut off them put back: a paragraph that stops without
    ending its sentence goes on in the next one of the same section (a bracket opened on one
    line closes on the next).  Each keeps the first paragraph's place."""
    out: list[dict] = []
    for paragraph in paragraphs:
        previous = out[-1] if out else None
        if (
            previous
            and previous["section"] == paragraph["section"]
            and not _ENDS_SENTENCE.search(previous["text"])
        ):
            out[-1] = {**previous, "text": previous["text"] + paragraph["text"]}
        else:
            out.append(paragraph)
    return out


def unmatched(text: str) -> Iterator[re.Match]:
    """The first bracket or quote of a paragraph that has no partner."""
    stack: list[re.Match] = []
    for match in re.finditer(r"[（(【《“〔）)】》”〕]", text):
        char = SAME.get(match.group(), match.group())
        if char in OPENING:
            stack.append(match)
        elif stack and SAME.get(stack[-1].group(), stack[-1].group()) == CLOSING[char]:
            stack.pop()
        else:
            yield match
            return
    if stack:
        yield stack[0]


def other_years(text: str, year: int) -> Iterator[re.Match]:
    for match in THIS_YEARS_BUDGET.finditer(text):
        if int(match["year"]) != year and not COMPARED.search(text[: match.start()]):
            yield match


def compared_with_itself(text: str, year: int) -> Iterator[re.Match]:
    for match in COMPARISON.finditer(text):
        if int(match["year"]) >= year:
            yield match
