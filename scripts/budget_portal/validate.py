"""`budget-portal validate`: every package against its schema (Frictionless), plus the audit.

An invalid package fails the command; audit findings are facts about the source documents and
are reported without failing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from frictionless import Package

from .package.rows import COMBINED


@dataclass
class Validation:
    packages: dict[str, list[str]] = field(default_factory=dict)  # name → errors (empty: valid)
    audit: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        return bool(self.packages) and not any(self.packages.values())


def validate_packages(datapackages: Path) -> Validation:
    result = Validation()
    for descriptor in sorted(Path(datapackages).glob("*/datapackage.json")):
        report = Package(str(descriptor)).validate()
        errors = [
            f"{task.name}: {error.type} (row {getattr(error, 'row_number', '—')}) {error.message}"
            for task in report.tasks
            for error in task.errors
        ] + [f"{error.type}: {error.message}" for error in report.errors]
        result.packages[descriptor.parent.name] = errors
    audit = Path(datapackages) / COMBINED / "audit.csv"
    if audit.exists():
        result.audit = pd.read_csv(audit, dtype=str, keep_default_na=False)
    return result


def audit_summary(audit: pd.DataFrame) -> list[str]:
    lines = []
    for dataset_id, rows in audit.groupby("dataset_id", sort=True):
        failed = rows[rows["status"] == "fail"]
        lines.append(f"  {dataset_id}: {len(rows)} checks, {len(failed)} findings")
        for _, row in failed.iterrows():
            subject = " ".join(x for x in (row["code"], row["name"]) if x)
            lines.append(
                f"    - {row['description']} {subject}: {row['left_label']} {row['left_value']}"
                f" vs {row['right_label']} {row['right_value']} (lines {row['source_lines']})"
            )
    return lines
