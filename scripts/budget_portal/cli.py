"""Command line: `budget-portal data|pages`: documents → data packages → site pages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build_data
from .pages import build_pages


def data_command(args: argparse.Namespace) -> int:
    report = build_data(Path(args.documents), Path(args.datapackages))
    for parsed in report.built:
        m = parsed.doc.metadata
        findings = sum(c.status == "fail" for c in parsed.checks)
        print(
            f"built {m.dataset_id}: {parsed.doc.path.name} ({m.agency} {m.year}, "
            f"{len(parsed.tables)} tables, {findings} audit findings)"
        )
        if args.verbose:
            for problem in parsed.doc.problems:
                print(f"  {problem}")
    for notice in report.notices:
        print(notice)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 1


def pages_command(args: argparse.Namespace) -> int:
    try:
        report = build_pages(Path(args.datapackages), Path(args.docs), Path(args.cache))
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="budget-portal", description="部门预算开放数据门户: documents → data packages → site"
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data", help="build data packages from a folder of documents")
    data.add_argument("--documents", default="documents", help="folder of documents (*.txt)")
    data.add_argument("--datapackages", default="datapackages", help="output folder")
    data.add_argument("-v", "--verbose", action="store_true", help="print every warning")
    data.set_defaults(run=data_command)
    pages = commands.add_parser("pages", help="write the site's pages, charts and downloads")
    pages.add_argument("--datapackages", default="datapackages", help="folder of data packages")
    pages.add_argument("--docs", default="docs", help="MkDocs source folder to write into")
    pages.add_argument("--cache", default="build/cache", help="cache of rendered charts")
    pages.set_defaults(run=pages_command)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
