"""The generated files of the site, written into docs/ as they are made.

Only files whose bytes changed are written, and files a previous run generated but this one
did not are removed (a manifest lists them), so the hand-written pages in docs/ are never
touched and a rebuild leaves exactly what a clean build would.  Files are written as they come
(nothing of a thousand documents' pages is held in memory); an Output without a target (a
job's, in a worker process) collects its files to hand them over.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

MANIFEST = ".generated-files"


class Output:
    def __init__(self, files: dict[str, bytes | Path] | None = None, target: Path | None = None):
        self.files: dict[str, bytes | Path] = {}  # what a job collects (no target)
        self.target = target
        self.names: set[str] = set()
        self.counts = {"written": 0, "unchanged": 0, "removed": 0}
        for path, content in (files or {}).items():
            self.add(path, content)

    def text(self, path: str, content: str) -> None:
        self.add(path, content.encode("utf-8"))

    def add(self, path: str, content: bytes | Path) -> None:
        """Generate `path`: bytes, or a file to copy (not read into memory: downloads)."""
        if path in self.names:
            raise ValueError(f"{path}: generated twice")
        self.names.add(path)
        if self.target is None:
            self.files[path] = content
        else:
            self.counts["written" if write(self.target / path, content) else "unchanged"] += 1

    def copy(self, path: str, source: Path) -> None:
        self.add(path, source)

    def sync(self, docs: Path) -> dict[str, int]:
        """Write what was collected (without a target), remove what a previous run generated
        and this one did not, and record the manifest; the counts of written, unchanged and
        removed files."""
        if self.target is None:
            self.target = docs
            for path, content in sorted(self.files.items()):
                self.counts["written" if write(docs / path, content) else "unchanged"] += 1
        manifest = docs / MANIFEST
        previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
        for stale in sorted(previous - self.names):
            target = docs / stale
            if target.exists():
                target.unlink()
                self.counts["removed"] += 1
                _remove_empty_parents(target.parent, docs)
        manifest.write_text("\n".join(sorted(self.names)) + "\n", encoding="utf-8")
        return dict(self.counts)


def write(target: Path, content: bytes | Path) -> bool:
    """Write a file unless it already holds these bytes; whether it was written."""
    if target.exists() and _same(target, content):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    if isinstance(content, Path):
        shutil.copy2(content, partial)  # with its time: unchanged next time at a glance
    else:
        partial.write_bytes(content)
    os.replace(partial, target)
    return True


def _same(target: Path, content: bytes | Path) -> bool:
    if isinstance(content, Path):  # same size and time (copy2 keeps it), else the bytes decide
        return filecmp.cmp(target, content, shallow=True)
    return target.stat().st_size == len(content) and target.read_bytes() == content


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
