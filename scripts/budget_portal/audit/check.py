"""One check of a document: two sides, where each was read, and whether they agree.

A failed check is a finding about the source document, published with both values and their
unit, the difference, the lines (and PDF pages) of each side with the text quoted from there,
and a Chinese message a reader understands without the catalogue.  Nothing is corrected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..model import Document, Paragraph, Row
from .catalogue import rule

QUOTE_LENGTH = 160  # characters of source text quoted for each side of a finding
QUOTED_PLACES = 3  # lines quoted for a side read from many rows (a sum of parts)


@dataclass
class Check:
    check: str  # the rule's id in the catalogue
    description: str
    table: str
    left_label: str
    left_value: Decimal | None
    right_label: str
    right_value: Decimal | None
    left_lines: list[int] = field(default_factory=list)
    right_lines: list[int] = field(default_factory=list)
    code: str = ""
    name: str = ""
    unit: str = "万元"  # of both values: 万元 (amounts, converted exactly), %, 辆, or "" (text)
    at_least: bool = False  # an inequality: left ≥ right
    agrees: bool | None = None  # for checks on text (names, wording), not numbers
    # A figure stated to this many decimals agrees with a converted amount that rounds to it
    # (938.99 万元 states 9,389,913.00 元); None: the two must be equal.
    precision: int | None = None
    truncation_ok: bool = False  # at `precision`, a figure cut (not rounded) also agrees
    sentences: dict[int, str] = field(default_factory=dict)  # line → sentence of a figure
    message: str = ""  # for a text check: what is wrong, in Chinese
    left_text: str = ""  # quoted from the source when the check fails (see `quote_findings`)
    right_text: str = ""
    # A side whose row was not read (a total row, a role the document does not print): the
    # check could not run, and says so; it never passes as 0 = 0.
    missing: bool = False

    @property
    def identity(self) -> int:
        return rule(self.check).identity

    @property
    def family(self) -> str:
        return rule(self.check).family

    @property
    def severity(self) -> str:
        return rule(self.check).severity

    @property
    def difference(self) -> Decimal | None:
        if self.left_value is None or self.right_value is None:
            return None
        return self.left_value - self.right_value

    @property
    def status(self) -> str:
        if self.missing:
            return "not_checked"
        if self.difference is None:  # a text check, or a figure that could not be read
            return "pass" if self.agrees else "fail"
        if self.precision is not None:
            step = Decimal(1).scaleb(-self.precision)
            modes = (ROUND_HALF_UP, ROUND_DOWN) if self.truncation_ok else (ROUND_HALF_UP,)
            ok = any(self.left_value == self.right_value.quantize(step, m) for m in modes)
        else:
            ok = self.difference >= 0 if self.at_least else self.difference == 0
            if not ok and self.within_rounding():
                return "rounding"
        return "pass" if ok else "fail"

    def within_rounding(self) -> bool:
        """A sum of amounts each rounded to its printed decimals may miss the printed total by
        up to half a unit of the last place per amount (尾差, docs/domain.md rounding): a
        difference that small is rounding, not an inconsistency."""
        if self.at_least or self.unit != "万元" or self.precision is not None:
            return False
        slack = Decimal(0)
        for amount, lines in (
            (self.left_value, self.left_lines),
            (self.right_value, self.right_lines),
        ):
            half_step = Decimal(1).scaleb(min(amount.as_tuple().exponent, 0)) / 2
            slack += half_step * max(1, len(set(lines)))
        return abs(self.difference) <= slack

    def finding_message(self) -> str:
        """What a reader needs to know, in one Chinese sentence (empty when the check passes)."""
        if self.status == "pass":
            return ""
        if self.status == "not_checked":
            return f"{self.description}：未核对（所需的行或栏目没有读到）。"
        unit = f" {self.unit}" if self.unit else ""
        if self.status == "rounding":
            return (f"{self.description}：{self.left_label} {plain(self.left_value)}{unit}，"
                    f"{self.right_label} {plain(self.right_value)}{unit}，相差 "
                    f"{plain(self.difference)}{unit}，在印刷小数位的四舍五入误差之内（尾差），不算不符。")  # fmt: skip
        if self.difference is None:
            return self.message or f"{self.description}：{self.left_label}；{self.right_label}。"
        left, right = f"{plain(self.left_value)}{unit}", f"{plain(self.right_value)}{unit}"
        if self.at_least:
            text = f"{self.description}不成立：{self.left_label} {left}，少于{self.right_label} {right}"
        else:
            text = f"{self.description}不成立：{self.left_label} {left}，{self.right_label} {right}"
        text += f"，相差 {plain(self.difference)}{unit}"
        if self.precision is not None:
            how = "四舍五入或截断" if self.truncation_ok else "四舍五入"
            text += f"（按印刷的 {self.precision} 位小数{how}后仍不相符）"
        return text + "。"

    def record(self, dataset_id: str, audit_id: int) -> dict:
        failed = self.status == "fail"
        return {
            "dataset_id": dataset_id,
            "audit_id": audit_id,
            "identity": self.identity,
            "check": self.check,
            "family": self.family,
            "severity": self.severity,
            "description": self.description,
            "table": self.table,
            "code": self.code,
            "name": self.name,
            "left_label": self.left_label,
            "left_value": self.left_value,
            "left_unit": self.unit,
            "right_label": self.right_label,
            "right_value": self.right_value,
            "right_unit": self.unit,
            "difference": self.difference,
            "status": self.status,
            "message": self.finding_message(),
            "left_text": self.left_text if failed else "",
            "right_text": self.right_text if failed else "",
            "left_lines": joined(self.left_lines),
            "right_lines": joined(self.right_lines),
            "source_lines": joined(self.left_lines + self.right_lines),
        }


def make_check(check, description, table, left, right, rows=(), split=1, **extra) -> Check:
    """A check of `left` (label, value) against `right`.  `rows` are where the sides were
    read: the first `split` the left side, the rest the right (a check within one row: that
    row for both)."""
    rows = list(rows)
    left_rows, right_rows = rows[:split], rows[split:]
    sentences = {r["source_line"]: r["sentence"] for r in rows if r and r.get("sentence")}
    missing = any(side and all(r is None for r in side) for side in (left_rows, right_rows))
    return Check(check, description, table, *left, *right, rows_lines(left_rows),
                 rows_lines(right_rows or left_rows), sentences=sentences,
                 missing=extra.pop("missing", False) or missing, **extra)  # fmt: skip


def plain(value: Decimal) -> str:
    """A decimal as a reader writes it: no exponent, no trailing zeros beyond the printed."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text and len(text.split(".")[1]) > 4 else text


def joined(lines: list[int]) -> str:
    return ",".join(str(n) for n in sorted(set(lines)))


def rows_lines(rows) -> list[int]:
    return [row["source_line"] for row in rows if row and row.get("source_line")]


def quote_findings(checks: list[Check], doc: Document) -> None:
    """Quote the source text of both sides of every failed check (the records are at hand only
    while the document is read)."""
    failed = [c for c in checks if c.status == "fail"]
    if not failed:
        return
    by_line = {r.line: r for r in doc.records}
    for check in failed:
        check.left_text = quote(check.left_lines, check.sentences, by_line)
        check.right_text = quote(check.right_lines, check.sentences, by_line)


def quote(lines: list[int], sentences: dict[int, str], by_line: dict) -> str:
    texts = []
    for line in sorted(set(lines))[:QUOTED_PLACES]:
        record = by_line.get(line)
        if line in sentences:
            texts.append(sentences[line])
        elif isinstance(record, Row):
            texts.append(" | ".join(" ".join(c.split()) for c in record.cells if c.strip()))
        elif isinstance(record, Paragraph):
            texts.append(" ".join(record.text.split()))
    text = " / ".join(t for t in texts if t)
    if len(set(lines)) > QUOTED_PLACES:
        text += f" / …（共 {len(set(lines))} 处）"
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"
