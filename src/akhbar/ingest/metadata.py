"""Title, outlet and id of an article, from input metadata first and the text second.

Nothing is invented: an outlet is only named when the input, the page, a signature line,
the article's own voice ("منصة “خبر مباشر” تتابع") or a domain says so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import cache
from urllib.parse import urlsplit

from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.normalize import key_with_offsets, to_key
from akhbar.ingest.dates import parse_dateline
from akhbar.model import OutletSource

__all__ = [
    "content_id",
    "find_platform",
    "headline_of",
    "image_domain",
    "outlet_for_domain",
    "url_domain",
]

# Headlines in the seeds and ANT run 6-16 words; 25 leaves room for long Arabic headlines
# while a lead paragraph (40+ words) is never taken for one.
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
# A self-reference opens the article: only its first lines are searched for "نقلت منصة X".
PLATFORM_OPENING_LINES = 3
_PLATFORM_NAME = r'"(?P<name>[^"\n]{2,40}?)\s*"'
_IMAGE_URL = re.compile(
    r"!\[[^\]]*\]\((?P<md>https?://[^)\s]+)\)|(?P<bare>https?://\S+?\.(?:jpe?g|png|webp|gif))\b",
    re.IGNORECASE,
)


def content_id(text: str) -> str:
    """``sha1:`` and the first 16 hex digits of the SHA-1 of ``text`` (UTF-8)."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def headline_of(lines: Sequence[str]) -> str | None:
    """The first non-blank line when it reads as a headline: short, no final full stop."""
    first = next((line.strip() for line in lines if line.strip()), None)
    if first is None:
        return None
    words = first.split()
    if len(words) < 2 or len(words) > HEADLINE_MAX_WORDS or len(first) > HEADLINE_MAX_CHARS:
        return None
    if first.endswith((".", "،", ":", "؛")) and not first.endswith(".."):
        return None
    if first.startswith(("-", "•", "*", "![", "http")) or parse_dateline(first) is not None:
        return None
    return first


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    roles: dict[str, list[str]] = {"noun": [], "before": [], "after": []}
    for word, role in load_mapping("outlet_platform_cues").items():
        roles.setdefault(role, []).append(word)
    return {role: tuple(words) for role, words in roles.items()}


@cache
def _platform_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = _cues()
    noun = "|".join(map(re.escape, cues["noun"]))
    before = "|".join(map(re.escape, cues["before"]))
    after = "|".join(map(re.escape, cues["after"]))
    opening = re.compile(rf"^\s*(?:{before})\s+(?:{noun})\s*{_PLATFORM_NAME}")
    closing = re.compile(rf"^\s*(?:{noun})\s*{_PLATFORM_NAME}\s*،?\s*(?:{after})\b")
    return opening, closing


def find_platform(lines: Sequence[str]) -> str | None:
    """The name of a platform the article names as itself, else None.

    ``نقلت منصة “خبر مباشر“، ...`` opening the article, or a line starting ``منصة “خبر
    مباشر” تتابع`` -> ``خبر مباشر``. ``كشف موقع “ستاندرد” البريطاني`` cites someone else.
    """
    opening, closing = _platform_patterns()
    filled = [line for line in lines if line.strip()]
    for number, line in enumerate(filled):
        keyed = key_with_offsets(line)
        patterns = (opening, closing) if number < PLATFORM_OPENING_LINES else (closing,)
        for pattern in patterns:
            match = pattern.match(keyed.key)
            if match is not None:
                start, end = keyed.display_span(*match.span("name"))
                return line[start:end].strip()
    return None


def url_domain(url: str | None) -> str | None:
    """Host of ``url`` without ``www.``, lower case; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def image_domain(texts: Iterable[str]) -> str | None:
    """Domain of the first image URL (markdown image or ``.jpg``-style link) in ``texts``."""
    for text in texts:
        for match in _IMAGE_URL.finditer(text):
            domain = url_domain(match.group("md") or match.group("bare"))
            if domain is not None:
                return domain
    return None


def outlet_for_domain(domain: str) -> str:
    """Display name from ``outlets.txt`` when the domain is listed, else the domain itself."""
    return load_mapping("outlets").get(to_key(domain), domain)


def pick_outlet(
    candidates: Iterable[tuple[str | None, OutletSource]],
) -> tuple[str | None, OutletSource]:
    """The first non-empty candidate, in the order given; ``(None, "unknown")`` if none."""
    for name, source in candidates:
        if name and name.strip():
            return name.strip(), source
    return None, "unknown"
