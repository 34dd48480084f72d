"""Pages made as cached jobs, on every core.

A job makes some files (a document's page, charts and downloads; a department's page; a
code's page) from what its key says it depends on.  A job whose key is in the cache is not
run: its files (and what it left for other pages, `lookups`) are taken from there, so a build
after adding one document makes that document's files and the few pages that show it, not
the rest.  The others run in worker processes (rendering a chart's SVG takes ~60 ms);
results are gathered in job order, so the output is the same either way.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import multiprocessing
import os
import pickle
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from ..cache import used
from . import charts
from .charts import Renderer
from .context import Site
from .output import Output


@dataclass
class Job:
    key: str
    make: Callable[[Site], dict | None]  # writes into the site it is given; returns lookups


@functools.cache
def pages_version() -> str:
    """A hash of what makes a page: every module of the package and the chart libraries."""
    here = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in ("altair", "vl-convert-python", "pandas"):
        digest.update(f"{name}=={importlib.metadata.version(name)}\n".encode())
    for source in sorted(here.rglob("*.py")):
        digest.update(source.relative_to(here).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def key_of(*parts) -> str:
    """A job's key: the code and what the job reads (given as text)."""
    digest = hashlib.sha256(pages_version().encode())
    for part in parts:
        digest.update(str(part).encode() + b"\0")
    return digest.hexdigest()


_FORKED: tuple[Site, Path, list[Job]] | None = None  # what a worker process inherits


def run_jobs(site: Site, cache: Path, jobs: list[Job]) -> list[dict]:
    """Add every job's files to the site's output, in job order (each written as it comes:
    nothing is held for all jobs at once); each job's lookups."""
    global _FORKED
    stored = [stored_key(cache, job.key) for job in jobs]
    todo = [i for i, found in enumerate(stored) if not found]
    _FORKED = (site, cache, jobs)
    # Always in worker processes, even one: charts are rendered only there (see
    # charts.require_worker), so the main process can fork again for the next jobs.
    processes = max(1, min(os.cpu_count() or 1, len(todo)))
    context = multiprocessing.get_context("fork")
    lookups = []
    # A worker is replaced after 50 jobs: the chart runtime's memory grows with every chart.
    pool = context.Pool(processes, initializer=_in_job, maxtasksperchild=50) if todo else None
    with pool or nullcontext():
        made = pool.imap(run_job, todo, chunksize=2) if pool else iter(())
        for index, job in enumerate(jobs):
            result = load(cache, job.key) if stored[index] else None
            if result is None:
                files, found, rendered = next(made) if stored[index] is False else run_again(index)
                result = (files, found)
                save(cache, job.key, result)
                site.charts.rendered += rendered
            for path, content in result[0].items():
                site.output.add(path, content)
            lookups.append(result[1])
    _FORKED = None
    return lookups


def stored_key(cache: Path, key: str) -> bool:
    return (cache / "pages" / f"{key}.pickle").exists()


def run_again(index: int) -> tuple[dict, dict, int]:
    """A stored result that could not be used after all (a file it copies is gone): made in a
    worker process of its own, like any job."""
    context = multiprocessing.get_context("fork")
    with context.Pool(1, initializer=_in_job) as pool:
        return pool.apply(run_job, (index,))


def _in_job() -> None:
    charts.IN_JOB = True


def run_job(index: int) -> tuple[dict, dict, int]:
    site, cache, jobs = _FORKED
    output = Output()
    renderer = Renderer(output, cache)
    lookups = jobs[index].make(replace(site, output=output, charts=renderer))
    return output.files, lookups or {}, renderer.rendered


def load(cache: Path, key: str) -> tuple[dict, dict] | None:
    """A job's stored result, if every file it copies (a zip in the cache) is still there."""
    path = cache / "pages" / f"{key}.pickle"
    try:
        with path.open("rb") as stream:
            files, lookups = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return None
    copied = [c for c in files.values() if isinstance(c, Path)]
    if not all(c.exists() for c in copied):
        return None
    for entry in (path, *copied):
        used(entry)
    return files, lookups


def save(cache: Path, key: str, result: tuple[dict, dict]) -> None:
    path = cache / "pages" / f"{key}.pickle"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as stream:
        pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
