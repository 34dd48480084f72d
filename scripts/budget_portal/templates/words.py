"""The printed words every template shares: the national structure's vocabulary of the tables'
furniture, which the readers and the audit match against (never spelled out elsewhere).

A province that prints these differently says so in its template (its summary-row labels, its
section headings, its table titles); these are what the Ministry of Finance's tables print in every
province: the labels of a total row, a subtotal, the levels of a code, the outline numbering of a
two-sided table's items, the three kinds of appropriation, the 三公 items.
"""

from __future__ import annotations

import re

TOTAL_LABELS = ("合计", "总计")  # a table's total row
TOTAL = re.compile(r"^(?:合计|总计)$")
SUBTOTAL = "小计"
TOTAL_WORD = "合计"  # ends a block's or a group's totals row (人员经费合计, 公用经费合计)
LEVEL_WORDS = ("类", "款", "项")  # the levels of a functional code, printed over its columns
CHINESE_NUMERALS = "一二三四五六七八九十"
# An item of an outline (一、), and the next level under it (1. 1、 （一）); label_key folds （ to (.
NUMBERED = re.compile(rf"^[{CHINESE_NUMERALS}]+、")
SUB_NUMBERED = re.compile(rf"^(?:\d+[、.]|\([{CHINESE_NUMERALS}]+\))")
FUND_WORDS = re.compile(r"一般公共预算|政府性基金|国有资本经营")  # the three kinds of appropriation
THREE_PUBLIC_ITEMS = ("出国", "公务用车", "公务接待")  # the three items of 三公 经费
BY_UNIT = re.compile(r"单位|部门")  # a name column listing units, not a classification
# The level of government a title may name before 部门预算 (2026年市级部门预算).
GOVERNMENT_LEVEL = r"(?:中央|省级|市级|市本级|区级|县级|本级)"
