"""mkdocs hook: the generated pages' HTML blocks bypass Markdown.

A generated page is Markdown only for its headings (the table of contents is made from them);
its content is HTML the pages step has already escaped (`pages/markup.py`), wrapped in
`<!--raw-->` … `<!--/raw-->`.  Python-Markdown would parse every tag of it again (a document
page has thousands) only to pass it through, so each block is taken out before conversion,
left as a one-comment placeholder, and put back into the converted page.  Hand-written pages
have no such block and are converted as usual.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

START, END = "<!--raw-->", "<!--/raw-->"
_BLOCK = re.compile(rf"{re.escape(START)}\n(.*?)\n{re.escape(END)}", re.S)
_PLACEHOLDER = re.compile(r"<!--raw:(\d+)-->")
_BLOCKS = "_raw_html_blocks"


def wrap(html: str) -> str:
    """An HTML block of a generated page, kept away from Markdown."""
    return f"{START}\n{html.rstrip()}\n{END}\n"


def on_page_markdown(markdown, page, config, files):
    blocks: list[str] = []

    def stash(match: re.Match) -> str:
        blocks.append(match.group(1))
        return f"<!--raw:{len(blocks) - 1}-->"

    text = _BLOCK.sub(stash, markdown)
    setattr(page, _BLOCKS, blocks)
    return text


@event_priority(100)  # before every other hook and plugin sees the content (search_skip, search)
def on_page_content(html, page, config, files):
    blocks = getattr(page, _BLOCKS, None)
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
