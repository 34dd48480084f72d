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

from ..metadata.key_figures import is_total
from ..metadata.registry import table_set
from ..metadata.units import IN_WAN_YUAN, WAN_YUAN, to_wan_yuan
from ..package.rows import COMBINED

KINDS = {"department": "部门预算", "unit": "单位预算"}
TYPE_WORDS = {"budget": "预算", "final_accounts": "决算"}


@dataclass(eq=False)  # identity: a package is one object, hashable for lookups
class Dataset:
    """One data package: `documents.csv`'s row as `meta` and every resource as text."""

    name: str
    path: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    lookups: dict = field(default_factory=dict, repr=False)  # total rows and figures, found once
    shown_name: str = ""  # the department's one name on every page (see `display_name`)

    @property
    def descriptor(self) -> dict:
        """datapackage.json, read when first needed (a page across a thousand documents needs
        only their `documents.csv`)."""
        if "descriptor" not in self.lookups:
            text = (self.path / "datapackage.json").read_text(encoding="utf-8")
            self.lookups["descriptor"] = json.loads(text)
        return self.lookups["descriptor"]

    @property
    def meta(self) -> dict:
        if "meta" not in self.lookups:
            self.lookups["meta"] = (self.records("documents") or [{}])[0]
        return self.lookups["meta"]

    @property
    def department_id(self) -> str:
        """The department across years and kinds (部门预算 and 单位预算 side by side)."""
        return self.meta.get("department_id") or self.name.rsplit("-", 1)[0]

    @property
    def kind(self) -> str:
        """部门预算, 单位预算, 部门决算 or 单位决算."""
        kind = KINDS.get(self.meta.get("kind", ""), "部门预算")
        return kind.replace("预算", TYPE_WORDS[self.document_type])

    @property
    def document_type(self) -> str:
        """budget or final_accounts (registry DOCUMENT_TYPES); the combined package is neither
        and reads its resources by their own names."""
        return self.meta.get("document_type") or "budget"

    @property
    def is_budget(self) -> bool:
        return self.document_type == "budget"

    def published(self, resource: str) -> str:
        """The file of a resource: a role of the tables (`expenditure`) is the document type's
        own table (`final_expenditure` in a 决算); any other resource is its own file."""
        if self.name == COMBINED or resource == "documents":
            return resource
        return table_set(self.document_type).get(resource, resource)

    @property
    def original(self) -> str:
        """Where the site serves the file the data was read from (the original PDF or DOCX,
        or the extracted text)."""
        suffix = Path(self.meta["source_file"]).suffix.lower()
        return f"originals/{self.name}{suffix}"

    @property
    def is_paged(self) -> bool:
        """Whether rows cite pages (an original PDF) rather than lines."""
        return self.meta.get("source_format") == "pdf"

    def records(self, resource: str) -> list[dict]:
        """A resource's rows as text, read on first use with the `csv` module (a page reads a
        document's twenty small files: pandas' per-file cost would dominate)."""
        resource = self.published(resource)
        if ("records", resource) not in self.lookups:
            path = self.path / f"{resource}.csv"  # a package names each file after its resource
            rows: list[dict] = []
            if path.exists():
                with path.open(encoding="utf-8", newline="") as stream:
                    rows = list(csv.DictReader(stream))
            self.lookups["records", resource] = rows
        return self.lookups["records", resource]

    def frame(self, resource: str) -> pd.DataFrame:
        """A resource as a DataFrame of text (for grouping, filtering and charts)."""
        resource = self.published(resource)
        if resource not in self.frames:
            entry = next((r for r in self.descriptor["resources"] if r["name"] == resource), None)
            if entry is None:
                self.frames[resource] = pd.DataFrame()
            else:
                fields = [f["name"] for f in entry["schema"]["fields"]]
                self.frames[resource] = pd.DataFrame(
                    self.records(resource), columns=fields, dtype=str
                )
        return self.frames[resource]

    def rows(self, resource: str) -> int:
        """Rows of a resource, counted without loading it."""
        resource = self.published(resource)
        if ("records", resource) in self.lookups:
            return len(self.lookups["records", resource])
        if ("rows", resource) not in self.lookups:
            with (self.path / f"{resource}.csv").open(encoding="utf-8", newline="") as stream:
                self.lookups["rows", resource] = sum(1 for _ in csv.reader(stream)) - 1
        return self.lookups["rows", resource]

    def total_row(self, table: str) -> dict:
        """The 合计 row (level 0) of one of the nine tables, or {} when it has none."""
        if ("total", table) not in self.lookups:
            self.lookups["total", table] = self._total_row(table)
        return self.lookups["total", table]

    def _total_row(self, table: str) -> dict:
        return next((r for r in self.records(table) if is_total(r)), {})

    def figure(self, key: str) -> dict:
        """A figure the narrative states (`narrative_figures`), or {}."""
        if "figures" not in self.lookups:
            self.lookups["figures"] = {}
            for row in self.records("narrative_figures"):  # the first statement of a figure wins
                self.lookups["figures"].setdefault(row["figure_key"], row)
        return self.lookups["figures"].get(key, {})


@dataclass
class Corpus:
    datasets: list[Dataset]
    combined: Dataset

    @property
    def budgets(self) -> list[Dataset]:
        """The 预算 documents: pages comparing budgets across documents leave 决算 out."""
        return [ds for ds in self.datasets if ds.is_budget]

    def departments(self) -> dict[str, list[Dataset]]:
        """Datasets grouped by department, by year, 预算 before 决算, 部门 before 单位."""
        out: dict[str, list[Dataset]] = {}
        order = sorted(
            self.datasets,
            key=lambda d: (d.department_id, d.meta["year"], not d.is_budget, "单位" in d.kind),
        )
        for ds in order:
            out.setdefault(ds.department_id, []).append(ds)
        return out


def display_name(datasets: list[Dataset]) -> str:
    """One name for a department on every page: the fullest its documents print
    (邯郸市人力资源和社会保障局, not 邯郸市人社局); the others stay searchable on its documents."""
    return max((ds.meta["agency"] for ds in datasets), key=lambda n: (len(n), n))


def read_package(path: Path) -> Dataset:
    return Dataset(path.name, path)


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
    corpus = Corpus(datasets, read_package(datapackages / COMBINED))
    for department in corpus.departments().values():
        for ds in department:
            ds.shown_name = display_name(department)
    return corpus


def amounts(values: pd.Series) -> pd.Series:
    """Printed amounts as floats for charts and shares (blank → NaN)."""
    return pd.to_numeric(values.replace("", None), errors="coerce")


def wan_yuan(rows: pd.DataFrame, column: str) -> pd.Series:
    """A column of one of the nine tables in 万元 (each row says its unit), as floats."""
    factor = rows["unit"].map(lambda unit: 10.0 ** IN_WAN_YUAN.get(unit or WAN_YUAN, 0))
    return amounts(rows[column]) * factor


def exact_wan_yuan(text: str, unit: str) -> str:
    """A printed amount in 万元, exactly, as text (the printed text itself when in 万元)."""
    value = decimal(text)
    return "" if value is None else str(to_wan_yuan(value, unit or WAN_YUAN))


def decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text not in ("", None) else None
    except InvalidOperation:
        return None
