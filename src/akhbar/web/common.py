"""What every router of the web app shares: the store dependency, date parameters, and
rendering a page from its template."""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from akhbar.render.templating import Links
from akhbar.store import ArticleStore
from akhbar.web.app import read_store

__all__ = ["WEB_LINKS", "Store", "page", "parse_day", "require_token", "update_status"]


def _article(value: str) -> str:
    return "/articles/" + quote(value, safe="")


def _sentence(evidence: Mapping[str, Any]) -> str:
    """The article's page with the cited sentence marked (and scrolled to)."""
    start, end = int(evidence["start"]), int(evidence["end"])
    return f"{_article(evidence['article'])}?start={start}&end={end}#cited"


# A story's links on the app: an article opens its page, a citation the cited sentence
# marked in its article's text.
WEB_LINKS = Links(
    article=_article,
    cite=lambda story_id, number, evidence: _sentence(evidence),
    sentence=_sentence,
)

# A request's store, opened read-only for it.
Store = Annotated[ArticleStore, Depends(read_store)]


def parse_day(value: str | None, name: str) -> dt.date | None:
    """A query parameter's ISO day; 400 naming the parameter when it is not one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}={value!r} is not a date like 2018-05-08") from None


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """The page of ``template`` (autoescaped; the report's stylesheet and links to the
    app's pages are in every page's context)."""
    return request.app.state.templates.TemplateResponse(
        request, template, {"links": WEB_LINKS, **context}, status_code=status
    )


def require_token(token: str | None, authorization: str | None) -> None:
    """A write's check: 403 when the server takes no writes (no ``--token``), 401 when the
    ``Authorization: Bearer TOKEN`` header is missing or wrong (compared in constant time)."""
    if token is None:
        raise HTTPException(403, "writes are off: start akhbar serve with --token")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not authorization or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer TOKEN' header is needed to write")


def update_status(error: Exception) -> int:
    """409 when another update holds the store, else 400 (the message says why)."""
    return 409 if "another akhbar update" in str(error) else 400
