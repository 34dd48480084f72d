"""The national budget classifications the tables use (功能分类, 部门经济分类).

Functional codes are 3 digits for 类, 5 for 款 and 7 for 项; economic codes 3 for 类 and 5 for 款.
The prefix gives the parent (2080507 → 20805 → 208).  The two summary tables name expenditure
类 by label only; `CLASS_BY_LABEL` maps those labels (numbering and the 支出 suffix removed) to
the 类 code of the national functional classification, including a few older names.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import defaultdict
from pathlib import Path

from ..text import strip_numbering

CLASS_BY_LABEL = {
    "一般公共服务": "201",
    "外交": "202",
    "国防": "203",
    "公共安全": "204",
    "教育": "205",
    "科学技术": "206",
    "文化旅游体育与传媒": "207",
    "文化体育与传媒": "207",
    "社会保障和就业": "208",
    "社会保险基金": "209",
    "卫生健康": "210",
    "医疗卫生与计划生育": "210",
    "节能环保": "211",
    "城乡社区": "212",
    "农林水": "213",
    "交通运输": "214",
    "资源勘探工业信息等": "215",
    "资源勘探信息等": "215",
    "商业服务业等": "216",
    "金融": "217",
    "援助其他地区": "219",
    "自然资源海洋气象等": "220",
    "国土海洋气象等": "220",
    "住房保障": "221",
    "粮油物资储备": "222",
    "国有资本经营预算": "223",
    "灾害防治及应急管理": "224",
    "预备费": "227",
    "其他": "229",
    "转移性": "230",
    "债务还本": "231",
    "债务付息": "232",
    "债务发行费用": "233",
    "抗疫特别国债安排的": "234",
}

_FUNCTIONAL = re.compile(r"2\d{2}(\d{2}){0,2}")
_ECONOMIC = re.compile(r"[35]\d{2}(\d{2})?")


def class_code_for_label(label: str) -> str:
    """`八、社会保障和就业支出` → `208`; '' for a label that is not an expenditure 类."""
    name = strip_numbering(label)
    return CLASS_BY_LABEL.get(name.removesuffix("支出"), "")


def is_code(code: str, classification: str) -> bool:
    pattern = _FUNCTIONAL if classification == "functional" else _ECONOMIC
    return bool(pattern.fullmatch(code))


def level_of(code: str) -> int | None:
    return {3: 1, 5: 2, 7: 3}.get(len(code)) if code else 0


def parent_of(code: str) -> str:
    return code[:-2] if len(code) > 3 else ""


REFERENCE = Path(__file__).resolve().parent / "classification_names.csv"


@functools.cache
def reference() -> dict[str, list[dict]]:
    """Each code's names with the years they hold (blank: no known start or end)."""
    names: dict[str, list[dict]] = defaultdict(list)
    with REFERENCE.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            names[row["code"]].append(row)
    return dict(names)
