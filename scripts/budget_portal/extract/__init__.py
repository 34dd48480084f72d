"""Step 1: a file as governments publish it → records, one module per format.

The format is told from the file's first bytes (its magic), not only from its name.
"""

from __future__ import annotations

DOCUMENT_SUFFIXES = (".txt",)
