"""Search: the search page and ``/api/search``, in Arabic key form."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse

from akhbar.errors import InputError
from akhbar.web.common import Store, page

__all__ = ["router"]

router = APIRouter()


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: Store, q: str = "") -> HTMLResponse:
    hits, problem = [], ""
    if q.strip():
        try:
            hits = store.search(q, limit=50)
        except InputError as error:
            problem = str(error)
    return page(request, "search.html", q=q, hits=hits, problem=problem)


@router.get("/api/search")
def api_search(store: Store, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Stored articles matching ``q`` in Arabic key form, best first."""
    try:
        return jsonable_encoder(store.search(q, limit=max(1, min(limit, 100))))
    except InputError as error:
        raise HTTPException(400, str(error)) from None
