"""Stories: the front page, a story's page, and their JSON (``/api/stories``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse

from akhbar.render.timeline import main_event_articles
from akhbar.web.common import Store, page, parse_day
from akhbar.web.views import FrontListing, front_items, front_listing, story_document

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
    listing = _listing(request, store)
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
        outlets=listing.outlets,
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
    fingerprint = store.story_fingerprints([story_id]).get(story_id)
    if fingerprint is None:
        raise HTTPException(404, f"no story {story_id!r} in this store; run akhbar update")
    cache = request.app.state.page_cache
    key = (story_id, fingerprint)
    if key in cache:
        return HTMLResponse(cache[key])
    # One render at a time: twenty readers opening a new story wait for one rendering.
    with request.app.state.page_lock:
        if key not in cache:
            cache[key] = _render_story(request, store, story_id)
        return HTMLResponse(cache[key])


def _render_story(request: Request, store: Store, story_id: str) -> bytes:
    doc = story_document(store, story_id)
    if doc is None:  # deleted since its fingerprint was read
        raise HTTPException(404, f"no story {story_id!r} in this store; run akhbar update")
    (story,) = doc["stories"]
    cache = request.app.state.page_cache
    if len(cache) >= PAGE_CACHE_LIMIT:
        cache.clear()
    return page(
        request,
        "story_page.html",
        story=story,
        main_of=main_event_articles(doc["articles"], story["id"]),
        articles={article["id"]: article for article in doc["articles"]},
    ).body


@router.get("/api/stories")
def api_stories(request: Request, store: Store) -> list[dict[str, Any]]:
    """The front page's stories, best first."""
    items = front_items(
        store, listing=_listing(request, store), cache=request.app.state.front_cache
    )
    return jsonable_encoder(items)


def _listing(request: Request, store: Store) -> FrontListing:
    state = request.app.state
    return front_listing(store, state.listing_cache, state.listing_lock)


@router.get("/api/stories/{story_id}")
def api_story(story_id: str, store: Store) -> dict[str, Any]:
    """One stored story as the report writes it (its story and its articles)."""
    doc = story_document(store, story_id)
    if doc is None:
        raise HTTPException(404, f"no story {story_id!r} in this store")
    return doc
