"""HTML pages: main text and page metadata through trafilatura, never the network."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from akhbar.errors import InputError

__all__ = ["HtmlPage", "extract_page", "looks_like_html"]

logger = logging.getLogger(__name__)

# Only dates the page declares (meta tags, JSON-LD), never guesses from the body text:
# a date inside the article is the analyzer's business.
_DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_HTML_OPENINGS = ("<!doctype html", "<html", "<head", "<body", "<meta", "<article", "<div")


@dataclass(frozen=True)
class HtmlPage:
    """What trafilatura found in a page; ``text`` keeps one paragraph a line."""

    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """True when ``text`` opens like an HTML document (after blanks and an XML prolog)."""
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if head.startswith("<?xml"):
        head = head.partition("?>")[2].lstrip()
    if head.startswith("<!--"):
        head = head.partition("-->")[2].lstrip()
    return head.startswith(_HTML_OPENINGS)


def extract_page(html: str, source: str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of ``html``; raises :class:`InputError` when no text is found."""
    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # trafilatura/lxml raise many types on broken markup
        raise InputError(
            source, f"HTML could not be parsed ({type(error).__name__}); check the file"
        ) from error
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise InputError(
            source,
            "no article text found in the HTML page; pass the article page itself "
            "or its plain text",
        )
    return HtmlPage(
        text=text,
        title=_clean(getattr(found, "title", None)),
        date=_clean(getattr(found, "date", None)),
        sitename=_clean(getattr(found, "sitename", None)),
        url=_clean(getattr(found, "url", None)) or url,
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
