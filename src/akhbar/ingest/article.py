"""One raw document to one clean :class:`Article` (pure: same input, same article)."""

from __future__ import annotations

import datetime as dt
import logging

from akhbar.errors import InputError
from akhbar.ingest.boilerplate import BoilerplateScan, assemble_text, find_boilerplate
from akhbar.ingest.dates import parse_date_string, parse_dateline
from akhbar.ingest.encoding import normalize_newlines
from akhbar.ingest.html import HtmlPage, extract_page
from akhbar.ingest.metadata import (
    content_id,
    find_platform,
    headline_of,
    image_domain,
    outlet_for_domain,
    pick_outlet,
    url_domain,
)
from akhbar.model import Article, OutletSource, PublishedSource, RawDocument

__all__ = ["build_article"]

logger = logging.getLogger(__name__)

# A dateline sits near the top, under the headline (seed 002: line 3).
DATELINE_MAX_LINE = 8


def build_article(doc: RawDocument) -> Article:
    """Clean ``doc`` and pick its title, outlet, publication date and id.

    An input with a title and no body (a feed item) is a title-only article: empty
    ``text``, its title kept (:attr:`~akhbar.model.Article.title_only`), assigned to events
    and stories by its title. Raises :class:`InputError` when neither article text nor
    title is left (an empty JSONL ``text``, a page of nothing but furniture).
    """
    page = extract_page(doc.html, doc.source, doc.url) if doc.html is not None else None
    raw = normalize_newlines(page.text if page is not None else doc.text or "")
    if not raw.strip():
        if doc.title and doc.title.strip():
            return _title_only(doc)
        raise InputError(doc.source, "text is empty; give the article body in the input")
    lines = raw.split("\n")
    names = [name for name in (doc.outlet, page.sitename if page else None) if name]
    scan = find_boilerplate(raw, names)
    text, numbers = assemble_text(lines, scan.kept)
    if not text.strip():
        raise InputError(
            doc.source,
            f"no article text left after removing {len(scan.removed)} boilerplate line(s); "
            "check that the input holds the article body",
        )
    kept_lines = text.split("\n")
    outlet, outlet_source = _outlet(doc, page, scan, kept_lines, lines)
    published, published_source = _published(doc, page, kept_lines)
    return Article(
        id=doc.id if doc.id is not None else content_id(text),
        source=doc.source,
        text=text,
        title=_title(doc, page, kept_lines),
        outlet=outlet,
        outlet_source=outlet_source,
        url=doc.url or (page.url if page else None),
        published=published,
        published_source=published_source,
        boilerplate=scan.removed,
        metadata=doc.metadata,
        line_numbers=numbers,
    )


def _title_only(doc: RawDocument) -> Article:
    title = " ".join(normalize_newlines(doc.title or "").split())
    published, published_source = _published(doc, None, [])
    outlet, outlet_source = pick_outlet([(doc.outlet, "input")])
    return Article(
        id=doc.id if doc.id is not None else content_id(title),
        source=doc.source,
        text="",
        title=title,
        outlet=outlet,
        outlet_source=outlet_source,
        url=doc.url,
        published=published,
        published_source=published_source,
        metadata=doc.metadata,
    )


def _title(doc: RawDocument, page: HtmlPage | None, kept_lines: list[str]) -> str | None:
    for given in (doc.title, page.title if page else None):
        if given and given.strip():
            return given.strip()
    return headline_of(kept_lines)


def _outlet(
    doc: RawDocument,
    page: HtmlPage | None,
    scan: BoilerplateScan,
    kept_lines: list[str],
    all_lines: list[str],
) -> tuple[str | None, OutletSource]:
    candidates: list[tuple[str | None, OutletSource]] = [
        (doc.outlet, "input"),
        (page.sitename if page else None, "html-meta"),
        (scan.signature, "signature"),
    ]
    outlet = pick_outlet(candidates)
    if outlet[0] is not None:
        return outlet
    platform = find_platform(kept_lines)
    if platform is not None:
        return platform, "platform"
    domain = url_domain(doc.url or (page.url if page else None)) or image_domain(all_lines)
    if domain is not None:
        return outlet_for_domain(domain), "domain"
    return None, "unknown"


def _published(
    doc: RawDocument, page: HtmlPage | None, kept_lines: list[str]
) -> tuple[dt.date | None, PublishedSource]:
    if doc.date and doc.date.strip():
        parsed = parse_date_string(doc.date)
        if parsed is not None:
            return parsed, "input"
        logger.warning(
            "%s: date %r is not ISO 8601 or RFC 2822; kept without date", doc.source, doc.date
        )
        return None, "unknown"
    if page is not None and page.date:
        parsed = parse_date_string(page.date)
        if parsed is not None:
            return parsed, "html-meta"
    filled = [line for line in kept_lines if line.strip()][:DATELINE_MAX_LINE]
    for line in filled:
        found = parse_dateline(line)
        if found is not None:
            return found, "text"
    return None, "unknown"
