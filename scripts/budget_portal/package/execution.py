"""Budget against actual: the `execution` resource of the combined package.

Each document gives its facts (`execution_facts`, in its worker process): a 预算 the amounts it
budgets per function code of its 一般公共预算 table and per 三公 item; a 决算 what it spent
(per code of its 一般公共预算支出决算表, per 三公 item) and the budget it states itself (the
table's 年初预算数 column where printed, else an item's 年初预算; its 三公 table's 预算数).  The combined package pairs them (`execution_rows`): a 决算 is
compared with the 预算 of the same department, year and kind where the portal holds it, else
with the budget it states, and every row says which.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ..metadata.units import to_wan_yuan
from ..read.parsed import Parsed
from ..templates import TEMPLATES

RATE_STEP = Decimal("0.01")


def execution_facts(parsed: Parsed) -> list[dict]:
    """The document's `approved` and `executed` figures (side, subject, code, name, amount in
    万元, line)."""
    budget = parsed.doc.metadata.document_type == "budget"
    facts = []
    general = parsed.table("general_budget_expenditure")
    for row in general.records() if general else ():
        if row.get("code") and row.get("total") is not None:
            amount = to_wan_yuan(row["total"], row["unit"])
            facts.append(fact("approved" if budget else "executed", "function", row, amount))
        if row.get("code") and row.get("initial_budget") is not None:  # a 决算 printing it
            amount = to_wan_yuan(row["initial_budget"], row["unit"])
            facts.append(fact("approved", "function", row, amount))
    for item in parsed.sections.get("expenditure_items", []) if not budget else ():
        if item["code"] and item["previous_amount"] is not None:  # 年初预算为…
            facts.append(fact("approved", "function", item, item["previous_amount"]))
    three_public = parsed.table("three_public")
    keys = three_public_keys(parsed.doc.template)
    # a 预算 budgets each item; a 决算 spends it, beside the 预算数 it prints
    measures = (
        (("approved", "total"),) if budget else (("executed", "total"), ("approved", "budgeted"))
    )
    for row in three_public.records() if three_public else ():
        key = "total" if row.get("level") == 0 else keys(row["name"])
        for side, measure in measures if key else ():
            if row.get(measure) is not None:
                amount = to_wan_yuan(row[measure], row["unit"])
                facts.append(fact(side, "three_public", {**row, "code": key}, amount))
    return facts


def fact(side: str, subject: str, row: dict, amount) -> dict:
    return {
        "side": side,
        "subject": subject,
        "code": row["code"],
        "name": row["name"],
        "amount": amount,
        "line": row.get("source_line"),
    }


def three_public_keys(template: str):
    """The 三公 item a row names (abroad, vehicles…), by the template's own row patterns."""
    patterns = [(key, re.compile(p)) for key, p in TEMPLATES[template].three_public_rows]
    return lambda name: next((key for key, p in patterns if p.search(name)), "")


def execution_rows(documents: list[dict], facts: dict[str, list[dict]]) -> list[dict]:
    """Each 决算's rows of `execution`, paired with its 预算 where the corpus holds one."""
    budgets = {
        (d["department_id"], d["year"], d["kind"]): d["dataset_id"]
        for d in documents
        if d["document_type"] == "budget"
    }
    rows = []
    for doc in (d for d in documents if d["document_type"] != "budget"):
        budget_id = budgets.get((doc["department_id"], doc["year"], doc["kind"]))
        executed = by_subject(
            f for f in facts.get(doc["dataset_id"], []) if f["side"] == "executed"
        )
        if budget_id:
            approved = by_subject(f for f in facts.get(budget_id, []) if f["side"] == "approved")
        else:
            approved = by_subject(
                f for f in facts.get(doc["dataset_id"], []) if f["side"] == "approved"
            )
        for key in sorted(set(executed) | set(approved)):
            rows.append(execution_row(doc, key, approved.get(key), executed.get(key), budget_id))
    return rows


def by_subject(facts) -> dict[tuple[str, str], dict]:
    out: dict[tuple[str, str], dict] = {}
    for f in facts:
        out.setdefault((f["subject"], f["code"]), f)  # the first statement of an item
    return out


def execution_row(doc: dict, key, approved: dict | None, executed: dict | None, budget_id) -> dict:
    plan = approved["amount"] if approved else None
    spent = executed["amount"] if executed else None
    both = plan is not None and spent is not None
    return {
        "dataset_id": doc["dataset_id"],
        "department_id": doc["department_id"],
        "year": doc["year"],
        "subject": key[0],
        "code": key[1],
        "name": (executed or approved)["name"],
        "approved": plan,
        "executed": spent,
        "difference": spent - plan if both else None,
        "execution_rate": (spent / plan * 100).quantize(RATE_STEP, ROUND_HALF_UP)
        if both and plan
        else None,
        "budget_source": ""
        if approved is None
        else "budget_document"
        if budget_id
        else "stated_in_final",
        "budget_dataset_id": budget_id or "" if approved else "",
        "budget_line": approved["line"] if approved else None,
        "executed_line": executed["line"] if executed else None,
    }
