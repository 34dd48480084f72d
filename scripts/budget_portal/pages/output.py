"""The generated files of the site, collected in memory and then synchronised into docs/.

Only files whose bytes changed are written, and files a previous run generated but this one
did not are removed (a manifest lists them), so the hand-written pages in docs/ are never
touched and a rebuild leaves exactly what a clean build would.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".generated-files"


@dataclass
class Output:
    files: dict[str, bytes | Path] = field(default_factory=dict)  # content, or a file to copy

    def text(self, path: str, content: str) -> None:
        self.add(path, content.encode("utf-8"))

    def add(self, path: str, content: bytes) -> None:
        if path in self.files:
            raise ValueError(f"{path}: generated twice")
        self.files[path] = content

    def copy(self, path: str, source: Path) -> None:
        """Generate `path` as a copy of `source` (not read into memory: downloads are large)."""
        self.add(path, source)

    def sync(self, docs: Path) -> dict[str, int]:
        """Write changed files, remove stale ones; returns counts of written/kept/removed."""
        manifest = docs / MANIFEST
        previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
        counts = {"written": 0, "unchanged": 0, "removed": 0}
        for stale in sorted(previous - set(self.files)):
            target = docs / stale
            if target.exists():
                target.unlink()
                counts["removed"] += 1
                _remove_empty_parents(target.parent, docs)
        for path, content in sorted(self.files.items()):
            target = docs / path
            if target.exists() and _same(target, content):
                counts["unchanged"] += 1
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            if isinstance(content, Path):
                shutil.copy2(content, partial)  # with its time: unchanged next time at a glance
            else:
                partial.write_bytes(content)
            os.replace(partial, target)
            counts["written"] += 1
        manifest.write_text("\n".join(sorted(self.files)) + "\n", encoding="utf-8")
        return counts


def _same(target: Path, content: bytes | Path) -> bool:
    if isinstance(content, Path):  # same size and time (copy2 keeps it), else the bytes decide
        return filecmp.cmp(target, content, shallow=True)
    return target.stat().st_size == len(content) and target.read_bytes() == content


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
