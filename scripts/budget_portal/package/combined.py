"""Step 4c: the combined package `all`, streamed from the documents' installed packages."""

from __future__ import annotations

from pathlib import Path

from ..audit.catalogue import catalogue_rows
from ..audit.names import reference_rows
from ..metadata.registry import RESOURCES
from ..read.parsed import Parsed
from .execution import execution_rows
from .rows import COMBINED, SECTION_RESOURCES, classification_codes, table_rows
from .write import csv_text, descriptor_json, field_names, install, stage, write_csv

COMBINED_ORDER = ("documents", "document_tables", "budget_lines", "classification_codes",
                  *SECTION_RESOURCES, "execution", "audit", "audit_checks", "classification_names",
                  "warnings")  # fmt: skip
# Resources of the combined package that are the documents' own files one after another.
CONCATENATED = ("budget_lines", *SECTION_RESOURCES, "audit", "warnings")
COMBINED_DESCRIPTOR = {
    "name": COMBINED,
    "title": "全部部门预算",
    "description": "所有文件的合并数据：文件清单、预算明细长表、科目编码表、预算执行（预算与决算对照）、核对结果、核对规则目录、科目名称沿革和读取警告。金额单位：万元。",
}


def combined_table_rows(parsed: Parsed) -> str:
    """The document's rows of the combined document_tables.csv (which adds dataset_id)."""
    fields = field_names(RESOURCES["document_tables"], True)
    return csv_text(fields, table_rows(parsed), header=False)


class CombinedPackage:
    """The package of all documents in one, written while they are built: a document's rows
    are appended, in document order, from its installed package; nothing is held in memory."""

    def __init__(self, out_dir: Path):
        self.target = out_dir / COMBINED
        self.staging = stage(self.target)
        self.files = {}
        self.documents: list[dict] = []
        self.codes: list[tuple[str, str, str]] = []
        self.sources: list[dict] = []
        self.facts: dict[str, list[dict]] = {}  # each document's budgeted and executed figures
        for name in ("document_tables", *CONCATENATED):
            with_id = name == "document_tables"
            self.files[name] = (self.staging / f"{name}.csv").open("wb")
            self.files[name].write(csv_text(field_names(RESOURCES[name], with_id), []).encode())

    def add(self, built, package: Path) -> None:
        """Append one document (a `build.Built`) whose package is installed at `package`."""
        self.documents.append(built.document)
        self.codes += built.codes
        self.facts[built.dataset_id] = built.execution
        self.sources.append(
            {
                "title": built.path.name,
                "path": f"documents/{built.path.name}",
                "sha256": built.sha256,
            }
        )
        self.files["document_tables"].write(built.table_rows.encode())
        for name in CONCATENATED:
            data = (package / f"{name}.csv").read_bytes()
            self.files[name].write(data[data.index(b"\n") + 1 :])

    def close(self) -> None:
        for file in self.files.values():
            file.close()

    def install(self) -> bool:
        """Finish the package and put it in place; False when nothing in it changed."""
        self.close()
        codes = classification_codes(self.codes)
        for name, rows in (
            ("documents", self.documents),
            ("classification_codes", codes),
            ("audit_checks", catalogue_rows()),
            ("classification_names", reference_rows()),
            ("execution", execution_rows(self.documents, self.facts)),
        ):
            write_csv(self.staging / f"{name}.csv", field_names(RESOURCES[name], False), rows)
        resources = [(RESOURCES[name], name == "document_tables") for name in COMBINED_ORDER]
        descriptor = {**COMBINED_DESCRIPTOR, "sources": self.sources}
        text = descriptor_json(descriptor, resources, self.staging)
        (self.staging / "datapackage.json").write_text(text, encoding="utf-8")
        return install(self.staging, self.target)
