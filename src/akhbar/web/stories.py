"""Stories: the front page, a story's page, and their JSON (``/api/stories``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse

from akhbar.render.timeline import main_event_articles
from akhbar.web.common import Store, page, parse_day
from akhbar.web.views import front_items, story_document

__all__ = ["router"]

router = APIRouter()
# Story pages a server keeps rendered; past this the cache starts again.
PAGE_CACHE_LIMIT = 256


@router.get("/", response_class=HTMLResponse)
def front_page(
    request: Request,
    store: Store,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    disputed: bool = False,
) -> HTMLResponse:
    listing = store.stories()
    items = front_items(
        store,
        listing=listing,
        since=parse_day(since, "since"),
        until=parse_day(until, "until"),
        outlet=outlet or None,
        disputed=disputed,
        cache=request.app.state.front_cache,
    )
    return page(
        request,
        "front.html",
        items=items,
        outlets=sorted({name for story in listing for name in story.outlets}),
        since=since or "",
        until=until or "",
        outlet=outlet or "",
        disputed=disputed,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, store: Store) -> HTMLResponse:
    # A story's page is rendered once per change of its stored analysis (its fingerprint):
    # reading and drawing a story of a hundred articles takes half a second. The page is
    # the story drawn by the static report's template, its links to the app's pages.
    fingerprint = store.story_fingerprints().get(story_id)
    if fingerprint is None:
        raise HTTPException(404, f"no story {story_id!r} in this store; run akhbar update")
    cache = request.app.state.page_cache
    key = (story_id, fingerprint)
    if key not in cache:
        doc = story_document(store, story_id)
        if doc is None:
            raise HTTPException(404, f"no story {story_id!r} in this store; run akhbar update")
        (story,) = doc["stories"]
        articles = {article["id"]: article for article in doc["articles"]}
        body = page(
            request,
            "story_page.html",
            story=story,
            main_of=main_event_articles(doc["articles"], story["id"]),
            articles=articles,
        ).body
        if len(cache) >= PAGE_CACHE_LIMIT:
            cache.clear()
        cache[key] = body
    return HTMLResponse(cache[key])


@router.get("/api/stories")
def api_stories(request: Request, store: Store) -> list[dict[str, Any]]:
    """The front page's stories, best first."""
    return jsonable_encoder(front_items(store, cache=request.app.state.front_cache))


@router.get("/api/stories/{story_id}")
def api_story(story_id: str, store: Store) -> dict[str, Any]:
    """One stored story as the report writes it (its story and its articles)."""
    doc = story_document(store, story_id)
    if doc is None:
        raise HTTPException(404, f"no story {story_id!r} in this store")
    return doc
