"""mkdocs hook: every page declares a Content-Security-Policy that allows only the site's own
scripts, styles, images and data.

The theme's few inline scripts (its storage helpers, the colour scheme, the scroll to an
anchor) are allowed by their SHA-256 hashes, computed from each built page, so nothing else
inline can run — not even a script a document's text might one day slip into a page.  The
charts' runtime is the site's own file and evaluates nothing (vega-embed's `ast` option).
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S
)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'none'"
)


def policy(html: str) -> str:
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
            for s in _INLINE_SCRIPT.findall(html)
        }
    )
    return POLICY.format(hashes=" ".join(hashes)).replace("'self' ;", "'self';")


def with_policy(html: str) -> str:
    """The page with the policy as the first thing after its charset (before any script)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return _CHARSET.sub(lambda m: m.group(0) + "\n      " + meta, html, count=1)


def on_post_page(output, page, config):
    return with_policy(output)


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content
