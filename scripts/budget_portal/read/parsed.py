"""What reading one document gives (`pipeline.parse`): the document, its tables, its audit and
its narrative.  Kept apart from `model`, the records every step passes on, because it holds
what later steps make of them (`Table`, `Check`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..metadata.registry import table_set
from ..model import Document

if TYPE_CHECKING:
    from ..audit.check import Check
    from .tables import Table


@dataclass
class Parsed:
    """Everything read from one document."""

    doc: Document
    tables: dict[str, Table]
    checks: list[Check]
    sections: dict[str, list[dict]]  # rows of the narrative resources, by resource name
    inventory: list[dict]  # the narrative's tables: parsed, empty or missing

    @property
    def dataset_id(self) -> str:
        return self.doc.metadata.dataset_id

    @property
    def table_keys(self) -> tuple[str, ...]:
        """The tables a document of its type prints (the nine of a 预算 or of a 决算)."""
        return tuple(table_set(self.doc.metadata.document_type).values())

    def table(self, role: str) -> Table | None:
        """The document's table of a role (`expenditure`: 支出总表, or 支出决算表 in a 决算)."""
        return self.tables.get(table_set(self.doc.metadata.document_type)[role])
