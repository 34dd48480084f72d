"""The build cache (`build/cache`): extracted text, parses, page jobs, chart specs and SVGs,
zips — each entry named by the hash of what made it (content, code, library versions), so an
entry is never stale, only unused.  The Pages workflow keeps the folder between runs; every
use of an entry touches it, and `prune` forgets what no build has used for a while, so the
folder does not grow with every change of code or content.

A warm build reads a document's page job and not the charts inside it, so SVGs of unchanged
documents age too: after `days` without a change of code they are rendered again once.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

KEEP_DAYS = 30


def used(entry: Path) -> Path:
    """Mark a cache entry as used now (its modification time); the entry itself."""
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(entry)
    return entry


def prune(cache: Path, days: float = KEEP_DAYS, now: float | None = None) -> tuple[int, int]:
    """Remove the files of `cache` unused for `days`; (files removed, bytes freed)."""
    cutoff = (time.time() if now is None else now) - days * 86400
    removed = freed = 0
    for entry in sorted(cache.rglob("*")) if cache.is_dir() else []:
        if entry.is_file() and entry.stat().st_mtime < cutoff:
            freed += entry.stat().st_size
            entry.unlink()
            removed += 1
    return removed, freed
