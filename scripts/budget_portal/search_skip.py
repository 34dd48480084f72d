"""mkdocs hook: keep the tables of numbers out of the search index.

Blocks the pages wrap in `<!-- search-skip -->` … `<!-- /search-skip -->` (the nine tables,
indicator lists, the long index and comparison tables) are removed from a page's HTML just
before the search plugin reads it and put back just after, so readers search names, titles,
codes and text — not tens of thousands of amounts — and the index stays small.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

START, END = "<!-- search-skip -->", "<!-- /search-skip -->"
_SKIPPED = re.compile(rf"{re.escape(START)}.*?{re.escape(END)}", re.S)
_FULL = "_full_content_before_search"


def on_page_content(html, page, config, files):
    """Runs before any `on_page_context`: the search plugin will see the page without the
    skipped blocks."""
    if START in html:
        setattr(page, _FULL, html)
        return _SKIPPED.sub("", html)
    return html


@event_priority(-100)  # after the search plugin (priority 0) has indexed the page
def on_page_context(context, page, config, nav):
    full = getattr(page, _FULL, None)
    if full is not None:
        page.content = full
    return context


def on_post_build(config):
    """The search index as UTF-8, not ASCII escapes: Chinese text (and the U+200B between the
    words jieba found) took six bytes a character, half the index; the same JSON either way."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if path.exists():
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
