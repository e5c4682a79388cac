"""What every router of the web app shares: the store dependency, date parameters, and
rendering a page from its template with the report's stylesheet."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from akhbar.render.html_style import STYLESHEET
from akhbar.store import ArticleStore
from akhbar.web.app import read_store

__all__ = ["Store", "page", "parse_day"]

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
    """The page of ``template`` (autoescaped) with the report's stylesheet."""
    return request.app.state.templates.TemplateResponse(
        request, template, {"report_css": STYLESHEET, **context}, status_code=status
    )
