"""What the HTML outputs compute in Python: escaping for the SVG drawings, fragment ids and
safe URL links. The markup itself is in ``templates/`` (see ``templating``)."""

from __future__ import annotations

import html
import re
from typing import Any

# Only plain http(s) URLs become links: no scheme tricks (javascript:, data:), and no spaces or
# control characters, which browsers strip and could use to hide a scheme.
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\x00-\x1f\x7f]+$", re.IGNORECASE)
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(text), quote=True)


def anchor(prefix: str, value: str) -> str:
    """A stable fragment id for ``value``: unsafe characters spelled as their code points."""
    return prefix + _ANCHOR_UNSAFE.sub(lambda match: f"_{ord(match.group()):x}_", value)


def is_safe_url(url: str | None) -> bool:
    return bool(url) and _SAFE_URL.match(url) is not None


def url_html(url: str | None) -> str:
    """A link for an http(s) URL; any other URL is shown as plain escaped text."""
    if not url:
        return "—"
    if not is_safe_url(url):
        return f'<bdi dir="ltr">{esc(url)}</bdi>'
    return f'<a href="{esc(url)}" dir="ltr" rel="noopener noreferrer">{esc(url)}</a>'
