"""The one way page content is written: raw HTML blocks, one escaping path per output context.

A page is Markdown only for its headings (the table of contents is made from them) and its
front matter; everything else — paragraphs, tables, lists, collapsed blocks, tabs — is a raw
HTML block, which MkDocs passes through without Markdown processing (fast, and nothing in a
document's text can become markup).  The contexts and their escaping:

* HTML text and attributes: `esc` (`html.escape`, quotes too) — every text from a document;
* a Markdown heading: `heading_text` (escaped for HTML, Markdown punctuation backslashed);
* the page title (front matter, printed raw by the theme): `page_title`;
* URLs: only ever built here from our own paths (`rel`), never taken from a document.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

import yaml
from pymdownx.slugs import slugify

# The anchors MkDocs gives headings (mkdocs.yml: toc.slugify), so a page can link to its own.
_SLUG = slugify(case="lower")

# Python-Markdown's escapable characters.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
# Page titles reach <title> and the navigation through templates that do not escape them.
_TITLE_UNSAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂"})
RIGHT_COLUMNS = 16  # portal.css aligns columns r0 … r15 of a table to the right


def esc(text) -> str:
    """A document's (or our) text for HTML text or an attribute value; whitespace collapsed."""
    if text is None:
        return ""
    return html.escape(" ".join(str(text).split()), quote=True)


def heading_text(text) -> str:
    """Text for a Markdown heading: escaped for HTML, Markdown punctuation backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


@functools.lru_cache(maxsize=1 << 14)  # code and chart links repeat across a page's rows
def rel(target: str, page: str) -> str:
    """Relative URL from the page at `page` (a path under docs/) to `target`; a page's URL is
    its built file (`x.md` → `x.html`: raw HTML links are not rewritten by MkDocs)."""
    path, hash_, fragment = target.partition("#")
    if path.endswith(".md"):
        path = path.removesuffix(".md") + ".html"
    return posixpath.relpath(path, posixpath.dirname(page) or ".") + hash_ + fragment


def anchor(html_text: str, url: str) -> str:
    """A link whose text is already HTML and whose URL is ours."""
    return f'<a href="{html.escape(url, quote=True)}">{html_text}</a>'


_PLAIN_NUMBER = re.compile(r"^(?P<sign>-?)(?P<whole>\d+)(?P<fraction>\.\d+)?$")


def number(text) -> str:
    """An amount as the pages show every amount: as printed (its decimals kept), with thousands
    separators (371514655.00 → 371,514,655.00); anything else escaped as it is."""
    match = _PLAIN_NUMBER.match(str(text or ""))
    if not match:
        return esc(text)
    return f"{match['sign']}{int(match['whole']):,}{match['fraction'] or ''}"


def wan(text) -> str:
    """An amount in 万元 on a page: two decimals with separators, the exact value on hover
    (and in every download): 37151.4655 → 37,151.47."""
    if not _PLAIN_NUMBER.match(str(text or "")):
        return esc(text)
    exact = Decimal(str(text))
    shown = f"{exact.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
    return (
        shown
        if exact == Decimal(shown.replace(",", ""))
        else f'<span title="{exact}">{shown}</span>'
    )


def rate(text) -> str:
    """A percentage (given in percent) as the pages show one: one decimal, the exact value
    on hover (and in every download; a computed ratio to four decimals): 98.4567 → 98.5%;
    "—" when there is none."""
    if isinstance(text, Decimal) and text.is_finite():
        text = f"{text.quantize(Decimal('0.0001'), ROUND_HALF_UP):f}"
    if not _PLAIN_NUMBER.match(str(text or "")):
        return "—"
    exact = Decimal(str(text))
    shown = exact.quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{shown}%" if exact == shown else f'<span title="{exact}%">{shown}%</span>'


def link(text, target: str, page: str) -> str:
    """A link to another page or file of the site."""
    return anchor(esc(text), rel(target, page))


def para(content: str) -> str:
    """A paragraph; `content` is HTML (escape document text with `esc`)."""
    return f"<p>{content}</p>\n"


def bullets(items: Iterable[str]) -> str:
    """A list; each item is HTML."""
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = ()
) -> str:
    """A table; `headers` are plain text, cells are HTML.  Numeric columns are right-aligned by
    the class of the wrapper (no style attribute on every cell)."""
    right = " ".join(f"r{i}" for i in sorted(numeric) if i < RIGHT_COLUMNS)
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c or ''}</td>" for c in row) + "</tr>\n" for row in rows)
    return (
        f'<div class="grid {right}"><table>\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}</tbody></table></div>\n"
    )


def percent(part: float, whole: float) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def jump_list(blocks: Iterable[str]) -> str:
    """Links to the page's sections (its `## ` headings, as the blocks hold them): on a phone the
    table of contents is in the menu, and a long page needs a way down."""
    headings = [b[3:].strip() for b in blocks if b.startswith("## ")]
    links = [anchor(html.escape(h), "#" + _SLUG(h, "-")) for h in headings]
    return f'<nav class="jump" aria-label="本页内容">{" ".join(links)}</nav>\n'


def unsearched(body: str) -> str:
    """Shown on the page, left out of the search index (see `search_skip.py`)."""
    return f"<!-- search-skip -->\n\n{body}\n\n<!-- /search-skip -->\n"


def unsearched_para(text: str) -> str:
    """A paragraph shown but not indexed (text every page of a kind repeats)."""
    return unsearched(para(text))


def unsearched_table(*args) -> str:
    return unsearched(table(*args))


def details(title: str, body: str, kind: str = "note") -> str:
    """A collapsed block (the markup pymdownx.details makes); `title` is plain text, `body`
    HTML."""
    return f'<details class="{kind}">\n<summary>{esc(title)}</summary>\n{body}</details>\n'


def tabs(name: str, items: Sequence[tuple[str, str]]) -> str:
    """Tabs (the markup pymdownx.tabbed makes, styled and enhanced by Material); `name` is unique
    in the page, titles are plain text, bodies HTML."""
    inputs = "".join(
        f'<input{" checked" if i == 1 else ""} id="{name}-{i}" name="{name}" type="radio">'
        for i in range(1, len(items) + 1)
    )
    labels = "".join(
        f'<label for="{name}-{i}">{esc(title)}</label>' for i, (title, _) in enumerate(items, 1)
    )
    blocks = "".join(f'<div class="tabbed-block">\n{body}</div>\n' for _, body in items)
    return (
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{name}:{len(items)}">{inputs}'
        f'<div class="tabbed-labels">{labels}</div>\n<div class="tabbed-content">\n{blocks}'
        "</div>\n</div>\n"
    )


def page_title(text) -> str:
    """A title safe for templates that print it raw: `<>&"` become their full-width forms."""
    return " ".join(str(text).split()).translate(_TITLE_UNSAFE)


def front_matter(title: str, **extra) -> str:
    data = {"title": page_title(title), **extra}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"
