"""Markdown and HTML building blocks.  Every text that came from a document goes through
`esc` (Markdown) or `html.escape` (raw HTML blocks): a name containing `<script>` or `**`
is shown as those characters, never interpreted."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Sequence

import yaml

# Python-Markdown's escapable characters plus the tables extension's `|`.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
# Page titles reach <title> and the navigation through templates that do not escape them.
_TITLE_UNSAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂"})


def esc(text) -> str:
    """Inline Markdown for a document's text: HTML-escaped, Markdown punctuation backslashed."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def rel(target: str, page: str) -> str:
    """Relative URL from the page at `page` (a path under docs/) to `target`."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def link(text, target: str, page: str) -> str:
    return f"[{esc(text)}]({rel(target, page)})"


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = ()
) -> str:
    """A Markdown table; cells are already Markdown (escape document text with `esc`)."""
    right = set(numeric)
    lines = [
        "| " + " | ".join(esc(h) for h in headers) + " |",
        "| " + " | ".join("---:" if i in right else "---" for i in range(len(headers))) + " |",
    ]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def percent(part: float, whole: float) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def unsearched(body: str) -> str:
    """Shown on the page, left out of the search index (see `search_skip.py`)."""
    return f"<!-- search-skip -->\n\n{body}\n\n<!-- /search-skip -->\n"


def tab(title: str, body: str) -> str:
    """A pymdownx.tabbed tab."""
    return f'=== "{title}"\n\n{indent(body)}\n'


def details(title: str, body: str, kind: str = "note") -> str:
    """A collapsed pymdownx.details block; `title` is plain text from us or a document."""
    safe = html.escape(" ".join(str(title).split()), quote=True).replace('"', "&quot;")
    return f'??? {kind} "{safe}"\n\n{indent(body)}\n'


def page_title(text) -> str:
    """A title safe for templates that print it raw: `<>&"` become their full-width forms."""
    return " ".join(str(text).split()).translate(_TITLE_UNSAFE)


def front_matter(title: str, **extra) -> str:
    data = {"title": page_title(title), **extra}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"
