"""Step 6: the pages in docs/ → a static site, built by MkDocs Material in strict mode."""

from __future__ import annotations

import logging
import os
import shutil
from contextlib import chdir
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config

from .pages.output import MANIFEST

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"


def build_site(docs: Path, site_dir: Path, config_file: Path = CONFIG) -> None:
    """`mkdocs build --strict` with another docs or site folder; any warning aborts the build."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    show_mkdocs_warnings()
    # mkdocs.yml names files (the search dictionary) relative to the project folder.
    with chdir(config_file.parent):
        config = load_config(
            str(config_file),
            docs_dir=str(docs.resolve()),
            site_dir=str(site_dir.resolve()),
            strict=True,
        )
        build(config)


def show_mkdocs_warnings() -> None:
    """The mkdocs command prints its warnings; called as a library it only counts them."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "budget_portal", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        handler.budget_portal = True
        logger.addHandler(handler)


def serve_site(docs: Path, config_file: Path = CONFIG, dev_addr: str = "127.0.0.1:8000") -> None:
    """`mkdocs serve`: rebuilds and reloads when the pages change."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with chdir(config_file.parent):
        serve(str(config_file), docs_dir=str(docs.resolve()), dev_addr=dev_addr)


def copy_handwritten(source: Path, target: Path) -> None:
    """Copy the hand-written pages of `source` (not what `pages` generated) into `target`."""
    manifest = source / MANIFEST
    generated = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and relative not in generated and relative != MANIFEST:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / relative)
