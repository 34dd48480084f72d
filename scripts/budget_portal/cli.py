"""The `budget-portal` command: every step of the flow, each usable alone.

add FILE…   take new documents into documents/ (with provenance), refusing duplicates;
            a folder (a crawl) is taken file by file, one line a file
check FILE  read one document and print what was found, writing nothing
data        documents → data packages (incremental: unchanged documents are not re-parsed)
pages       data packages → Markdown pages, charts and downloads in docs/
site        docs/ → static site (mkdocs build --strict)
serve       docs/ → the site at http://127.0.0.1:8000/ (mkdocs serve)
validate    every package against its schema, plus the audit summary
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from tqdm import tqdm

from .add import AddError, Outcome, add_documents, check_date
from .build import build_data, discover, parse
from .cache import KEEP_DAYS, prune
from .check import describe, extracted_text
from .model import DocumentError
from .package.write import kind_title

# The commands that need the heavy libraries (altair, mkdocs, frictionless) import them when
# they run, so `data`, `check` and `add` start quickly.
CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


class Console:
    """Output that honours --quiet and --verbose; errors always go to stderr."""

    def __init__(self, args: argparse.Namespace):
        self.quiet, self.verbose = args.quiet, args.verbose

    def say(self, text: str = "") -> None:
        if not self.quiet:
            print(text)

    def detail(self, text: str) -> None:
        if self.verbose and not self.quiet:
            print(text)

    @staticmethod
    def error(text: str) -> None:
        print(f"error: {text}", file=sys.stderr)

    @staticmethod
    def refuse(text: str) -> None:
        """A file not taken, in the column of the files taken (which go to stdout)."""
        sys.stdout.flush()
        print(f"refused  {text}", file=sys.stderr)

    def progress(self, total: int, what: str):
        """A bar on a terminal; one line per document otherwise (logs stay readable)."""
        if self.quiet:
            return lambda path, status: None
        if sys.stderr.isatty():
            bar = tqdm(total=total, desc=what, unit="doc", file=sys.stderr, leave=False)

            def on_terminal(path: Path, status: str) -> None:
                bar.set_postfix_str(path.name)
                bar.update(1)

            return on_terminal
        done = iter(range(1, total + 1))
        return lambda path, status: print(f"[{next(done)}/{total}] {status:<9} {path.name}")


KINDS = {"department": "部门预算", "unit": "单位预算"}


def add_command(args, console: Console) -> int:
    """One file named: what was read, as it always was.  Several files or a folder (a crawl):
    one line a file, added or refused and why, then a count."""
    paths = [Path(f) for f in args.files]
    one = len(paths) == 1 and not paths[0].is_dir()
    try:
        retrieved = check_date(args.retrieved) if args.retrieved else ""
    except AddError as error:
        console.error(str(error))
        return 1
    if (args.url or args.title) and any(p.is_dir() for p in paths):
        console.error("--url and --title describe one document, not a folder: put each "
                      "document's obtained_from and title in a .yml beside it")  # fmt: skip
        return 1
    outcomes = add_documents(
        paths,
        Path(args.documents),
        replace=args.replace,
        cache=Path(args.cache),
        url=args.url,
        retrieved=retrieved,
        publisher=args.publisher,
        title=args.title,
        original_format=args.original_format,
    )
    added = refused = 0
    for outcome in outcomes:
        if outcome.refused:
            refused += 1
            if one:
                console.error(outcome.refused)
            else:
                console.refuse(outcome.refused)
            continue
        added += 1
        (say_added if one else say_added_in_one_line)(outcome, console)
    if not one:
        files = added + refused
        console.say(f"{files} file{'s' * (files != 1)}: {added} added, {refused} refused")
    if added:
        console.say(
            "next: `make site` (its data, pages and site; `make data` for the packages alone), "
            "then commit documents/ and datapackages/"
        )
    return 1 if refused else 0


def say_added(outcome: Outcome, console: Console) -> None:
    added = outcome.added
    m, doc = added.doc.metadata, added.doc
    console.say(f"{outcome.source}:")
    console.say(f"  agency {m.agency} · jurisdiction {m.jurisdiction} · "
                f"department code {m.department_code or '—'} · year {m.year} · layout {doc.layout}")  # fmt: skip
    console.say(f"  {kind_title(m)} · template {doc.template} · dataset id {m.dataset_id} · "
                f"sha256 {doc.sha256[:16]}…")  # fmt: skip
    for path in added.replaced:
        console.say(f"  replaced {path}")
    console.say(f"  added {added.document} and {added.provenance.name}")
    for problem in doc.problems:
        console.detail(f"  warning: {problem}")


def say_added_in_one_line(outcome: Outcome, console: Console) -> None:
    added = outcome.added
    m, doc = added.doc.metadata, added.doc
    if added.companion_of:
        console.say(f"added    {outcome.source}: the tables of {m.agency} {m.year} "
                    f"(dataset id {m.dataset_id}), as {added.document.name} beside "
                    f"{added.companion_of.name}")  # fmt: skip
        return
    replaced = f" (replacing {', '.join(p.name for p in added.replaced)})" if added.replaced else ""
    console.say(f"added    {outcome.source}: {m.agency} {m.year} {KINDS.get(m.kind, m.kind)} · "
                f"template {doc.template} · dataset id {m.dataset_id} → {added.document}{replaced}")  # fmt: skip
    for problem in doc.problems:
        console.detail(f"         {problem}")


def data_command(args, console: Console) -> int:
    documents = Path(args.documents)
    total = len(discover(documents)[0]) if documents.is_dir() else 0
    cache = None if args.no_cache else Path(args.cache)
    report = build_data(documents, Path(args.datapackages), cache, console.progress(total, "data"))
    for built in report.built:
        d = built.document
        console.detail(f"{built.dataset_id}: {built.path.name} ({d['agency']} {d['year']}, "
                       f"{built.tables} tables, {built.findings} audit findings)")  # fmt: skip
        for problem in built.problems:
            console.detail(f"  {problem}")
    for notice in report.notices:
        console.say(notice)
    for error in report.errors:
        console.error(error)
    if report.errors:
        console.error(
            "fix the documents named above (or move them out of the folder) and run again"
        )
    console.say(report.summary())
    return 0 if report.ok else 1


def pages_command(args, console: Console) -> int:
    started = time.perf_counter()
    try:
        from .pages import build_pages

        report = build_pages(
            Path(args.datapackages), Path(args.docs), Path(args.cache), Path(args.documents)
        )
    except FileNotFoundError as error:
        console.error(str(error))
        return 1
    console.say(f"{report.summary()}; {time.perf_counter() - started:.1f} s")
    return 0


def fresh_docs(args, console: Console) -> bool:
    """Whether docs/ holds the pages of the data packages (said, with what to do, when not)."""
    from .pages.stamp import stale_docs

    reason = stale_docs(Path(args.docs), Path(args.datapackages))
    if reason:
        console.error(
            f"{reason} — run `budget-portal pages --datapackages {args.datapackages}` first "
            "(`make site` and `make serve` do)"
        )
    return reason is None


def site_command(args, console: Console) -> int:
    started = time.perf_counter()
    if not fresh_docs(args, console):
        return 1
    try:
        from .site import build_site

        build_site(Path(args.docs), Path(args.site_dir), Path(args.config))
    except Exception as error:  # mkdocs reports what failed; say what to do next
        console.error(f"{error} — run `budget-portal pages` first, and fix the warnings above")
        return 1
    console.say(f"site built in {args.site_dir}/ ({time.perf_counter() - started:.1f} s)")
    return 0


def serve_command(args, console: Console) -> int:
    if not fresh_docs(args, console):
        return 1
    console.say(f"serving {args.docs}/ at http://{args.dev_addr}/ (Ctrl-C to stop)")
    from .site import serve_site

    serve_site(Path(args.docs), Path(args.config), args.dev_addr)
    return 0


def validate_command(args, console: Console) -> int:
    from .validate import audit_summary, validate_packages

    result = validate_packages(Path(args.datapackages))
    if not result.packages:
        console.error(f"{args.datapackages}: no data packages; run `budget-portal data` first")
        return 1
    for name, errors in result.packages.items():
        console.say(f"{'valid  ' if not errors else 'INVALID'} {name}")
        for error in errors[: None if args.verbose else 10]:
            console.error(f"{name}: {error}")
    if result.audit is not None:
        findings = int((result.audit["status"] == "fail").sum())
        console.say(f"audit: {len(result.audit)} checks, {findings} findings (about the sources; "
                    "they do not fail validation)")  # fmt: skip
        for line in audit_summary(result.audit):
            console.detail(line)
    invalid = sum(bool(e) for e in result.packages.values())
    console.say(f"{len(result.packages)} packages, {invalid} invalid")
    return 0 if result.ok else 1


def prune_cache_command(args, console: Console) -> int:
    removed, freed = prune(Path(args.cache), args.days)
    console.say(f"{args.cache}: {removed} entries unused for {args.days:g} days removed "
                f"({freed / 1e6:.1f} MB)")  # fmt: skip
    return 0


def check_command(args, console: Console) -> int:
    try:
        parsed = parse(Path(args.file), Path(args.cache))
    except DocumentError as error:
        console.error(str(error))
        return 1
    lines = extracted_text(parsed.doc) if args.text else describe(parsed, verbose=args.verbose)
    for line in lines:
        console.say(line)
    return 0


# What each command does, in Chinese (its English follows in the help).
HELP_ZH = {
    "add": "把新文件加入 documents/，并写来源记录",
    "check": "读一份文件，显示读到的内容；不写任何文件",
    "data": "从文件夹中的文件生成数据包",
    "pages": "把网站的页面、图表和下载文件写入 docs/",
    "site": "从 docs/ 生成静态网站",
    "serve": "在本机预览 docs/ 生成的网站",
    "prune-cache": "删除长期未用的缓存",
    "validate": "按结构说明校验每个数据包",
}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    loudness.add_argument("-v", "--verbose", action="store_true", help="print every warning")
    main_parser = argparse.ArgumentParser(
        prog="budget-portal",
        description="部门预算开放数据门户: documents → data packages → pages → site",
        epilog="`budget-portal COMMAND --help` 说明每个命令 · tells more; -q/--quiet and "
        "-v/--verbose go after COMMAND.",
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name, run, help_text):
        said = f"{HELP_ZH[name]} · {help_text}"  # Chinese first, as the site speaks
        sub = commands.add_parser(name, help=said, description=said, parents=[common])
        sub.set_defaults(run=run)
        return sub

    add = command("add", add_command, "take new documents into documents/ with provenance files")
    add.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a budget document (PDF, DOCX or extracted text), or a folder of them: every file "
        "in it is tried, one line a file",
    )
    add.add_argument(
        "--documents", default="documents", help="folder of documents (default: documents)"
    )
    add.add_argument(
        "--replace",
        action="store_true",
        help="replace a document with the same content or dataset id",
    )
    add.add_argument(
        "--cache", default="build/cache", help="cache of text extracted from originals"
    )
    add.add_argument("--url", default="", help="where the document was published (obtained_from)")
    add.add_argument("--retrieved", default="", help="date it was downloaded, YYYY-MM-DD")
    add.add_argument("--publisher", default="", help="publisher (default: the agency as printed)")
    add.add_argument("--title", default="", help="the document's title as published")
    add.add_argument("--original-format", default="", help="PDF or DOCX (default: from the layout)")

    check = command(
        "check", check_command, "read one document and print what was found; writes nothing"
    )
    check.add_argument(
        "file", metavar="FILE", help="a budget document: PDF, DOCX or extracted text"
    )
    check.add_argument(
        "--text",
        action="store_true",
        help="print the text read from the file, with the line numbers the data cites",
    )
    check.add_argument(
        "--cache", default="build/cache", help="cache of text extracted from originals"
    )

    data = command("data", data_command, "build data packages from a folder of documents")
    data.add_argument("--documents", default="documents", help="folder of documents")
    data.add_argument("--datapackages", default="datapackages", help="output folder")
    data.add_argument("--cache", default="build/cache", help="cache of parsed documents")
    data.add_argument("--no-cache", action="store_true", help="parse every document again")

    pages = command(
        "pages", pages_command, "write the site's pages, charts and downloads into docs/"
    )
    pages.add_argument("--datapackages", default="datapackages", help="folder of data packages")
    pages.add_argument(
        "--documents", default="documents", help="folder of the documents (the site serves them)"
    )
    pages.add_argument("--docs", default="docs", help="MkDocs source folder to write into")
    pages.add_argument("--cache", default="build/cache", help="cache of rendered charts")

    site = command("site", site_command, "build the static site from docs/ (mkdocs build --strict)")
    site.add_argument("--docs", default="docs", help="MkDocs source folder")
    site.add_argument("--site-dir", default="site", help="output folder")
    site.add_argument(
        "--datapackages", default="datapackages", help="the packages docs/ must be the pages of"
    )
    site.add_argument("--config", default=str(CONFIG), help="mkdocs.yml")

    serve = command("serve", serve_command, "serve docs/ at http://127.0.0.1:8000/ (mkdocs serve)")
    serve.add_argument("--docs", default="docs", help="MkDocs source folder")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address:port")
    serve.add_argument(
        "--datapackages", default="datapackages", help="the packages docs/ must be the pages of"
    )
    serve.add_argument("--config", default=str(CONFIG), help="mkdocs.yml")

    prune_cache = command(
        "prune-cache",
        prune_cache_command,
        "remove build cache entries no build has used for a while (the cache is kept between CI runs)",
    )
    prune_cache.add_argument("--cache", default="build/cache", help="the build cache")
    prune_cache.add_argument(
        "--days", type=float, default=KEEP_DAYS, help=f"unused for this long (default {KEEP_DAYS})"
    )

    validate = command(
        "validate",
        validate_command,
        "validate every package (Frictionless) and summarise the audit",
    )
    validate.add_argument("--datapackages", default="datapackages", help="folder of data packages")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = parser().parse_args(argv)
    return args.run(args, Console(args))


if __name__ == "__main__":
    sys.exit(main())
