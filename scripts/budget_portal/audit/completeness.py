"""Family `completeness`: the document prints what its template requires, where it says.

The nine tables (in the template's order), the sections the template requires, a note on a
table without figures (and no "empty" note on a table with figures), and a table of contents
that agrees with the body.
"""

from __future__ import annotations

import re

from ..metadata.registry import ROLE_OF, ROLES
from ..read.tables import ZERO, Table
from ..templates import Template
from .check import Check, make_check
from .tables import table_title

SECTION_TITLES = {
    "duties": "部门职责（主要职能）",
    "institutions": "机构设置",
    "overview": "预算安排的总体情况（预算编制说明）",
    "operating_costs": "机关运行经费",
    "three_public": "“三公”经费",
    "performance": "预算绩效",
    "special_funds": "专项资金",
    "projects": "项目预算及绩效目标",
    "procurement": "政府采购",
    "assets": "国有资产",
    "glossary": "名词解释",
    "other": "其他事项",
}


def completeness_checks(
    tables: dict[str, Table],
    sections: dict[str, int],
    contents: list[dict],
    template: Template,
) -> list[Check]:
    """`sections`: each section key the body prints → the line of its heading."""
    checks = [tables_present(tables), sections_present(sections, template)]
    if len(tables) > 1 and template.fixed_order:
        checks.append(tables_order(tables, template))
    for table in tables.values():
        checks += table_notes(table, template)
    if contents:
        checks += contents_agree(contents, tables, sections)
    return checks


def tables_present(tables: dict[str, Table]) -> Check:
    missing = [table_title(k) for k in ROLES if k not in tables]
    return make_check(
        "completeness.tables_present",
        "九张表齐全",
        "document_tables",
        (f"正文中的表：{len(tables)} 张", None),
        ("模板规定：九张" + (f"（未见：{'、'.join(missing)}）" if missing else ""), None),
        [{"source_line": t.title_line} for t in tables.values()][:1],
        unit="",
        agrees=not missing,
        message=f"文件没有印刷 {len(missing)} 张规定的表：{'、'.join(missing)}。",
    )


def tables_order(tables: dict[str, Table], template: Template) -> Check:
    expected = [ROLE_OF[t.key] for t in template.tables if ROLE_OF[t.key] in tables]
    printed = sorted(tables, key=lambda k: tables[k].title_line)
    first_wrong = next(
        (i for i, (a, b) in enumerate(zip(printed, expected, strict=False)) if a != b), None
    )
    wrong = tables[printed[first_wrong]] if first_wrong is not None else None
    return make_check(
        "completeness.tables_order",
        "九张表按规定顺序印刷",
        "document_tables",
        ("印刷顺序：" + "、".join(table_title(k) for k in printed), None),
        ("规定顺序：" + "、".join(table_title(k) for k in expected), None),
        [{"source_line": wrong.title_line}] if wrong else [],
        unit="",
        agrees=printed == expected,
        message=f"表的顺序与模板不同：第 {(first_wrong or 0) + 1} 张印的是"
        f"“{table_title(printed[first_wrong or 0])}”，应为"
        f"“{table_title(expected[first_wrong or 0])}”。",
    )


def sections_present(sections: dict[str, int], template: Template) -> Check:
    missing = [SECTION_TITLES[k] for k in template.required_sections if k not in sections]
    return make_check(
        "completeness.sections_present",
        "必备章节齐全",
        "narrative",
        (f"正文中的章节：{len(sections)} 个", None),
        (
            f"模板规定的 {len(template.required_sections)} 个"
            + (f"（未见：{'、'.join(missing)}）" if missing else ""),
            None,
        ),
        (),
        unit="",
        agrees=not missing,
        message=f"文件没有印刷规定的章节：{'、'.join(missing)}。",
    )


def table_notes(table: Table, template: Template) -> list[Check]:
    """A table without figures has a note; a table with figures does not call itself empty.
    (A table that could not be read says nothing about its figures.)"""
    if table.unreadable:
        return []
    figures = any(
        (row.values.get(m) or ZERO) != ZERO for row in table.rows for m in table.spec.amounts
    )
    says_empty = [n for n in table.notes if re.search(template.empty_note, n)]
    title = table.title
    where = [{"source_line": table.title_line}]
    if not figures:
        return [
            make_check(
                "completeness.empty_table_note",
                "没有数字的表附有说明",
                table.spec.key,
                (f"{title}：没有非零数字", None),
                ("说明：" + ("；".join(table.notes) or "无"), None),
                where,
                unit="",
                agrees=bool(table.notes),
                message=f"“{title}”没有数字，也没有说明为何为空。",
            )
        ]
    if says_empty:
        return [
            make_check(
                "completeness.note_vs_figures",
                "有数字的表不称空表",
                table.spec.key,
                (f"{title}：印有非零数字", None),
                (f"说明：{says_empty[0]}", None),
                [*where, {"source_line": table.lines[-1]}],
                unit="",
                agrees=False,
                message=f"“{title}”印有数字，说明却称“{says_empty[0]}”。",
            )
        ]
    return []


def contents_agree(
    contents: list[dict], tables: dict[str, Table], sections: dict[str, int]
) -> list[Check]:
    """Every entry of the contents that names a table or section is in the body; every table
    of the body is in the contents."""
    checks = []
    for entry in (e for e in contents if e["target"]):
        kind = entry["target_kind"]
        target = (
            ROLE_OF.get(entry["target"], entry["target"]) if kind == "table" else entry["target"]
        )
        found = target in (tables if kind == "table" else sections)
        body_line = tables[target].title_line if kind == "table" and found else sections.get(target)
        checks.append(
            make_check(
                "completeness.contents_in_body",
                "目录条目在正文中",
                "table_of_contents",
                (f"目录：{entry['entry']}", None),
                (
                    "正文中"
                    + ("有" if found else "没有")
                    + "这"
                    + ("张表" if kind == "table" else "个章节"),
                    None,
                ),
                [entry, {"source_line": body_line}] if body_line else [entry],
                unit="",
                agrees=found,
                message=f"目录列出“{entry['entry']}”，正文中没有找到。",
            )
        )
    listed = {ROLE_OF.get(e["target"], e["target"]) for e in contents}
    if not any(e["target_kind"] == "table" for e in contents):
        return checks  # contents of the narrative alone: they do not list the tables
    for key, table in tables.items():
        checks.append(
            make_check(
                "completeness.body_in_contents",
                "正文的表列入目录",
                "table_of_contents",
                (f"正文：{table.title}", None),
                ("目录中" + ("有" if key in listed else "没有") + "这张表", None),
                [{"source_line": table.title_line}],
                unit="",
                agrees=key in listed,
                message=f"正文印有“{table.title}”，目录中没有列出。",
            )
        )
    return checks
