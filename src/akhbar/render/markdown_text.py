"""Escaping article text for Markdown, so a headline can never become markup.

Article text is data: a title such as ``# عاجل | <b>`` must print as those characters,
not as a heading, a table column break or raw HTML. Everything here is pure.
"""

from __future__ import annotations

import re

# Inline characters CommonMark/GFM give meaning to (emphasis, code, links, tables, strikethrough,
# math on GitHub). Escaped with a backslash everywhere.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
# Block markers that only matter where the text starts a line or list item.
_LEADING_MARKER = re.compile(r"^([#+\-=])")
_LEADING_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_SAFE_URL = re.compile(r"^https?://[^\s<>\x00-\x1f\x7f]+$", re.IGNORECASE)


def escape_inline(text: str) -> str:
    """Return ``text`` on one line with every Markdown-significant character neutralised.

    Whitespace runs (newlines included) become one space so table rows and list items stay
    whole; ``<``, ``>`` and ``&`` become entities so no raw HTML survives.

    >>> escape_inline("# بوتين | الشرع")
    '\\\\# بوتين \\\\| الشرع'
    """
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _INLINE_SPECIAL.sub(r"\\\1", flat)
    flat = _LEADING_MARKER.sub(r"\\\1", flat)
    return _LEADING_ORDERED.sub(r"\1\\\2", flat)


def is_safe_url(url: str | None) -> bool:
    """True for a plain http(s) URL with no spaces, controls or angle brackets."""
    return bool(url) and _SAFE_URL.match(url) is not None


def link(text: str, url: str | None) -> str:
    """Escaped ``text`` as a link to ``url`` when the URL is http(s); otherwise text only."""
    if url is None or not is_safe_url(url):
        return escape_inline(text)
    return f"[{escape_inline(text)}](<{url}>)"
