"""The data packages the pages are made from (pages never read the documents themselves).

Every CSV is read as text, so codes keep their leading digits and amounts keep the precision
printed; `amounts()` turns a column into numbers only where a chart or a share needs them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from ..package.rows import COMBINED


@dataclass(eq=False)  # identity: a package is one object, hashable for lookups
class Dataset:
    """One data package: `documents.csv`'s row as `meta` and every resource as text."""

    name: str
    path: Path
    descriptor: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    lookups: dict = field(default_factory=dict, repr=False)  # total rows and figures, found once

    @property
    def meta(self) -> dict:
        if "meta" not in self.lookups:
            self.lookups["meta"] = self.frame("documents").iloc[0].to_dict()
        return self.lookups["meta"]

    @property
    def department_id(self) -> str:
        """Jurisdiction + department code: the dataset id without its year."""
        return self.name.rsplit("-", 1)[0]

    def frame(self, resource: str) -> pd.DataFrame:
        """A resource as text, read on first use (most pages need only a few of them)."""
        if resource not in self.frames:
            entry = next((r for r in self.descriptor["resources"] if r["name"] == resource), None)
            self.frames[resource] = (
                pd.read_csv(self.path / entry["path"], dtype=str, keep_default_na=False)
                if entry
                else pd.DataFrame()
            )
        return self.frames[resource]

    def rows(self, resource: str) -> int:
        """Rows of a resource, counted without loading it."""
        if resource in self.frames:
            return len(self.frames[resource])
        with (self.path / f"{resource}.csv").open(encoding="utf-8", newline="") as stream:
            return sum(1 for _ in csv.reader(stream)) - 1

    def total_row(self, table: str) -> dict:
        """The 合计 row (level 0) of one of the nine tables, or {} when it has none."""
        if ("total", table) not in self.lookups:
            self.lookups["total", table] = self._total_row(table)
        return self.lookups["total", table]

    def _total_row(self, table: str) -> dict:
        frame = self.frame(table)
        if frame.empty or "level" not in frame:
            return {}
        rows = frame[(frame["level"] == "0") & frame["name"].str.contains("合计")]
        return rows.iloc[0].to_dict() if len(rows) else {}

    def figure(self, key: str) -> dict:
        """A figure the narrative states (`narrative_figures`), or {}."""
        if "figures" not in self.lookups:
            frame = self.frame("narrative_figures")
            rows = frame.to_dict("records") if not frame.empty else []
            self.lookups["figures"] = {}
            for row in rows:  # the first statement of a figure wins
                self.lookups["figures"].setdefault(row["figure_key"], row)
        return self.lookups["figures"].get(key, {})


@dataclass
class Corpus:
    datasets: list[Dataset]
    combined: Dataset

    def departments(self) -> dict[str, list[Dataset]]:
        """Datasets grouped by department (jurisdiction + code), years in order."""
        out: dict[str, list[Dataset]] = {}
        for ds in sorted(self.datasets, key=lambda d: (d.department_id, d.meta["year"])):
            out.setdefault(ds.department_id, []).append(ds)
        return out


def read_package(path: Path) -> Dataset:
    descriptor = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    return Dataset(path.name, path, descriptor)


def load_corpus(datapackages: Path) -> Corpus:
    """Every per-document package under `datapackages` plus the combined one."""
    if not (datapackages / COMBINED / "datapackage.json").exists():
        raise FileNotFoundError(
            f"{datapackages}: no combined package ({COMBINED}/datapackage.json); run `make data` first"
        )
    datasets = [
        read_package(p.parent)
        for p in sorted(datapackages.glob("*/datapackage.json"))
        if p.parent.name != COMBINED
    ]
    datasets.sort(key=lambda d: (d.meta["jurisdiction"], d.meta["department_code"], d.meta["year"]))
    return Corpus(datasets, read_package(datapackages / COMBINED))


def amounts(values: pd.Series) -> pd.Series:
    """Printed amounts as floats for charts and shares (blank → NaN)."""
    return pd.to_numeric(values.replace("", None), errors="coerce")


def decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text not in ("", None) else None
    except InvalidOperation:
        return None
