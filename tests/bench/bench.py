"""`make bench N=1000`: build a synthetic corpus of N documents from scratch, then again after
adding one document, and print for each stage (data, pages and charts, mkdocs build) the wall
time, documents per second and peak memory; the site's size, the gzip size of a document page's
first load and of the search index; and the ratio of our `mkdocs build` to a bare
mkdocs-material site with the same number of plain pages.

Each stage runs as the `budget-portal` command a maintainer runs, in its own process, so peak
memory is that process's (the largest of it and its workers).  Results also go to
`build/bench/N/results.json`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from budget_portal.site import ROOT, copy_handwritten

from .synthetic import plan, write_corpus, write_document

CLI = [sys.executable, "-m", "budget_portal.cli"]


def run(command: list[str], **options) -> tuple[float, int]:
    """Run a command; (wall seconds, peak resident memory in MB of it and its workers)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, **options)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))}")
    return seconds, usage.ru_maxrss // 1024


def stages(work: Path) -> dict[str, tuple[float, int]]:
    documents, packages, docs = work / "documents", work / "datapackages", work / "docs"
    cache = work / "cache"
    return {
        "data": run(
            [
                *CLI,
                "data",
                "-q",
                "--documents",
                documents,
                "--datapackages",
                packages,
                "--cache",
                cache,
            ]
        ),
        "pages": run(
            [
                *CLI,
                "pages",
                "-q",
                "--datapackages",
                packages,
                "--documents",
                documents,
                "--docs",
                docs,
                "--cache",
                cache,
            ]
        ),
        "mkdocs": run(
            [
                *CLI,
                "site",
                "-q",
                "--docs",
                docs,
                "--site-dir",
                work / "site",
                "--datapackages",
                packages,
            ]
        ),
    }


def bare_site(work: Path, pages: int) -> float:
    """A default mkdocs-material site (navigation of every page, search) of plain pages."""
    bare = work / "bare"
    shutil.rmtree(bare, ignore_errors=True)
    (bare / "docs").mkdir(parents=True)
    (bare / "mkdocs.yml").write_text(
        "site_name: bare\ntheme:\n  name: material\n  language: zh\n", encoding="utf-8"
    )
    for i in range(pages):
        text = f"# 页面 {i}\n\n第 {i} 个页面：部门预算信息公开。\n"
        (bare / "docs" / f"page-{i:05d}.md").write_text(text, encoding="utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return run(mkdocs, cwd=bare, env=env)[0]


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"')


def first_load(page: Path) -> tuple[int, list[str]]:
    """Gzip bytes of a page and everything it references before any interaction: stylesheets,
    scripts and every image (lazy ones too, to be safe); the chart runtime is not referenced,
    charts.js fetches it on interaction."""
    html = page.read_text(encoding="utf-8")
    assets = sorted(
        {m for m in _ASSET.findall(html) if not m.startswith(("http:", "https:", "data:"))}
    )
    total = gz(page)
    for asset in assets:
        total += gz((page.parent / asset.split("?")[0]).resolve())
    return total, assets


def measure(work: Path, n: int) -> dict:
    site = work / "site"
    pages = sum(1 for _ in site.rglob("*.html")) - 1  # without 404.html
    pages_of_documents = [p for p in (site / "documents").glob("*.html") if p.name != "index.html"]
    document_page = max(pages_of_documents, key=lambda p: p.stat().st_size)  # the heaviest
    load, assets = first_load(document_page)
    parts: dict[str, int] = {}
    for path in site.rglob("*"):
        if path.is_file():
            top = path.relative_to(site).parts[0] if path.parent != site else "(top)"
            parts[top] = parts.get(top, 0) + path.stat().st_size
    return {
        "pages": pages,
        "site_mb": sum(parts.values()) / 1e6,
        "site_parts_mb": {
            k: round(v / 1e6, 1) for k, v in sorted(parts.items(), key=lambda kv: -kv[1])
        },
        "search_index_gzip_kb": gz(site / "search" / "search_index.json") / 1e3,
        "document_page": document_page.name,
        "first_load_gzip_kb": load / 1e3,
        "first_load_files": len(assets) + 1,
    }


def report(n: int, scratch: dict, incremental: dict, sizes: dict, bare: float) -> list[str]:
    lines = [
        f"N = {n} documents, {os.cpu_count()} cores",
        "",
        "| stage | from scratch | docs/s | peak memory | after adding one |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for stage, (seconds, memory) in scratch.items():
        again = incremental[stage][0]
        lines.append(
            f"| {stage} | {seconds:.1f} s | {n / seconds:.1f} | {memory} MB | {again:.1f} s |"
        )
    ours = scratch["mkdocs"][0]
    per_document = sizes["site_mb"] * 1000 / n
    lines += [
        "",
        f"- bare mkdocs-material, {sizes['pages']} plain pages: {bare:.1f} s; ours / bare = {ours / bare:.2f}",
        f"- pages+charts / mkdocs build: {scratch['pages'][0] / ours:.2f} from scratch; after adding "
        f"one, pages = {incremental['pages'][0] / scratch['pages'][0]:.0%} of pages from scratch",
        f"- site: {sizes['pages']} pages, {sizes['site_mb']:.0f} MB, {per_document:.0f} KB a document ("
        + ", ".join(f"{k} {v} MB" for k, v in sizes.get("site_parts_mb", {}).items())
        + ")",
        f"- document page first load: {sizes['first_load_gzip_kb']:.0f} KB gzip "
        f"({sizes['first_load_files']} files, {sizes['document_page']})",
        f"- search index: {sizes['search_index_gzip_kb']:.0f} KB gzip",
        "",
        "| target (set for N = 1000) | result | |",
        "| --- | --- | --- |",
    ]
    memory = max(m for _, m in (*scratch.values(), *incremental.values()))
    targets = (
        ("site ≤ 200 KB a document", f"{per_document:.0f} KB", per_document <= 200),
        ("pages from scratch ≤ 1.0 × mkdocs", f"{scratch['pages'][0] / ours:.2f} ×", scratch["pages"][0] <= ours),
        ("pages after adding one ≤ 10 % of from scratch",
         f"{incremental['pages'][0] / scratch['pages'][0]:.0%}", incremental["pages"][0] <= 0.1 * scratch["pages"][0]),
        ("mkdocs ≤ 1.3 × bare mkdocs-material", f"{ours / bare:.2f} ×", ours <= 1.3 * bare),
        ("search index ≤ 1.5 MB gzip", f"{sizes['search_index_gzip_kb']:.0f} KB", sizes["search_index_gzip_kb"] <= 1500),
        ("peak memory < 1 GB in every stage", f"{memory} MB", memory < 1024),
        ("document page first load ≤ 150 KB gzip", f"{sizes['first_load_gzip_kb']:.0f} KB", sizes["first_load_gzip_kb"] <= 150),
    )  # fmt: skip
    lines += [f"| {t} | {r} | {'met' if ok else 'missed'} |" for t, r, ok in targets]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="default: build/bench/N")
    parser.add_argument(
        "--sizes-only", action="store_true", help="measure the sizes of the site already built"
    )
    args = parser.parse_args()
    work = args.work or ROOT / "build" / "bench" / str(args.n)
    if args.sizes_only:
        results = json.loads((work / "results.json").read_text(encoding="utf-8"))
        results.update(measure(work, args.n))
        (work / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        scratch, incremental = results["scratch"], results["incremental"]
        print("\n".join(report(args.n, scratch, incremental, results, results["bare_seconds"])))
        return
    shutil.rmtree(work, ignore_errors=True)
    (work / "docs").mkdir(parents=True)
    copy_handwritten(ROOT / "docs", work / "docs")
    write_corpus(work / "documents", args.n, args.seed)
    print(f"{args.n} synthetic documents written to {work / 'documents'}", flush=True)
    scratch = stages(work)
    print(f"from scratch: {scratch}", flush=True)
    # One more document, taken in the way a maintainer adds one.
    extra = plan(args.n + 1, args.seed)[-1]
    new = write_document(work, args.n, args.seed, extra)
    run([*CLI, "add", "-q", new, "--documents", work / "documents"])
    incremental = stages(work)
    print(f"after adding one: {incremental}", flush=True)
    sizes = measure(work, args.n)
    bare = bare_site(work, sizes["pages"])
    lines = report(args.n, scratch, incremental, sizes, bare)
    print("\n".join(lines))
    results = {"n": args.n, "cores": os.cpu_count(), "scratch": scratch,
               "incremental": incremental, "bare_seconds": bare, **sizes}  # fmt: skip
    (work / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
