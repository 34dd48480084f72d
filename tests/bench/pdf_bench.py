"""Benchmark: reading original PDFs, against a bare pdfplumber pass over the same files.

    make bench-pdf                      # the PDFs in documents/
    python -m tests.bench.pdf_bench FILE.pdf …

For each file: its pages; a bare pdfplumber pass (open, every page's text and tables); our
extraction alone (records, nothing cached); and the whole parse (extraction, template, tables,
sections, audit).  Each is the best of `--runs` runs (timings on a shared machine only get
slower).  The target: extraction at most 1.5× the bare pass.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from pathlib import Path

import pdfplumber

from budget_portal.extract.pdf import extract_pdf
from budget_portal.model import DocumentError
from budget_portal.read.pipeline import parse

ROOT = Path(__file__).resolve().parents[2]
TARGET = 1.5


def best(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_pass(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
        return len(pdf.pages)


def measure(path: Path, runs: int) -> dict:
    raw = path.read_bytes()
    pages = bare_pass(path)
    return {
        "file": path.name,
        "pages": pages,
        "bare": best(runs, lambda: bare_pass(path)),
        "extract": best(runs, lambda: extract_pdf(raw, path)),
        "parse": best(runs, lambda: parse_or_part(path)),
    }


def parse_or_part(path: Path) -> None:
    """The whole parse; a companion (a file of tables that names no department) is read with
    its document, so alone it is refused, after being read."""
    with contextlib.suppress(DocumentError):
        parse(path)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("files", nargs="*", type=Path, help="PDFs (default: documents/*.pdf)")
    options.add_argument("--runs", type=int, default=3, help="runs of each, the best counts")
    args = options.parse_args(argv)
    files = args.files or sorted((ROOT / "documents").glob("*.pdf"))
    results = [measure(path, args.runs) for path in files]
    print(
        "| file | pages | bare pdfplumber | extraction | × bare | pages/s | whole parse | × bare |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r['file']} | {r['pages']} | {r['bare']:.2f} s | {r['extract']:.2f} s | "
            f"{r['extract'] / r['bare']:.2f} | {r['pages'] / r['extract']:.1f} | "
            f"{r['parse']:.2f} s | {r['parse'] / r['bare']:.2f} |"
        )
    total = {k: sum(r[k] for r in results) for k in ("pages", "bare", "extract", "parse")}
    ratio = total["extract"] / total["bare"]
    print(
        f"\nall {len(results)} files: {total['extract'] / len(results):.2f} s a file to extract, "
        f"{total['parse'] / len(results):.2f} s a file to parse, "
        f"{total['pages'] / total['extract']:.1f} pages/s; extraction {ratio:.2f}× a bare "
        f"pdfplumber pass (target ≤ {TARGET}×: {'met' if ratio <= TARGET else 'missed'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
