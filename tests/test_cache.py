"""The build cache kept between CI runs: entries touched when used, the unused ones pruned."""

from __future__ import annotations

import os
import time

from budget_portal.build import code_version, parse_cached
from budget_portal.cache import prune, used
from budget_portal.cli import main

from .conftest import SEEDS

DAY = 86400


def age(path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def test_prune_removes_only_what_was_not_used_for_the_given_days(tmp_path):
    old, recent, touched = (tmp_path / "svg" / name for name in ("old.svg", "recent.svg", "t.svg"))
    old.parent.mkdir()
    for path in (old, recent, touched):
        path.write_text("<svg/>", encoding="utf-8")
    age(old, 40)
    age(recent, 10)
    age(touched, 40)
    used(touched)
    assert prune(tmp_path, days=30) == (1, 6)
    assert sorted(p.name for p in (tmp_path / "svg").iterdir()) == ["recent.svg", "t.svg"]
    assert prune(tmp_path / "missing", days=30) == (0, 0)


def test_a_parse_taken_from_the_cache_is_marked_used(tmp_path):
    version = code_version()
    parse_cached(SEEDS["004"], tmp_path, version)
    (entry,) = (tmp_path / "parsed").iterdir()
    age(entry, 40)
    parsed, reused = parse_cached(SEEDS["004"], tmp_path, version)
    assert reused and parsed.dataset_id
    assert prune(tmp_path, days=30) == (0, 0)
    assert entry.exists()


def test_the_prune_command_says_what_it_removed(tmp_path, capsys):
    (tmp_path / "pages").mkdir()
    stale = tmp_path / "pages" / "job.pickle"
    stale.write_bytes(b"x" * 2_000_000)
    age(stale, 31)
    assert main(["prune-cache", "--cache", str(tmp_path)]) == 0
    assert not stale.exists()
    assert "1 entries unused for 30 days removed (2.0 MB)" in capsys.readouterr().out
