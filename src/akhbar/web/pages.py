"""The HTML pages: front page, story, article, search and claim check."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from akhbar.errors import InputError, StoreError
from akhbar.render.html_parts import anchor
from akhbar.render.html_story import story_html
from akhbar.render.html_style import STYLESHEET
from akhbar.render.timeline import main_event_articles
from akhbar.store import ArticleStore, search_words
from akhbar.story.stance import check_text
from akhbar.web.app import read_store
from akhbar.web.views import article_view, front_items, story_document

__all__ = ["router"]

router = APIRouter()
Store = Annotated[ArticleStore, Depends(read_store)]
# Articles a claim is checked against when no story is named: the best search hits.
CHECK_HITS = 20
# Story pages a server keeps rendered; past this the cache starts again.
PAGE_CACHE_LIMIT = 256


def _candidates(store: ArticleStore, claim: str) -> list[str]:
    """Articles that may speak of ``claim``: those matching most of its words (searched
    word by word, as a whole claim rarely matches every word), best first."""
    found: dict[str, float] = {}
    for word in dict.fromkeys(search_words(claim)):
        for hit in store.search(word, limit=CHECK_HITS):
            found[hit.article_id] = found.get(hit.article_id, 0.0) + 1.0 + hit.score / 100
    return sorted(found, key=lambda article: -found[article])[:CHECK_HITS]


def _day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}={value!r} is not a date like 2018-05-08") from None


def _page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, template, {"report_css": STYLESHEET, **context}, status_code=status
    )


@router.get("/", response_class=HTMLResponse)
def front_page(
    request: Request,
    store: Store,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    disputed: bool = False,
) -> HTMLResponse:
    items = front_items(
        store,
        since=_day(since, "since"),
        until=_day(until, "until"),
        outlet=outlet or None,
        disputed=disputed,
        cache=request.app.state.front_cache,
    )
    return _page(
        request,
        "front.html",
        items=items,
        since=since or "",
        until=until or "",
        outlet=outlet or "",
        disputed=disputed,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, store: Store) -> HTMLResponse:
    # A story's page is rendered once per change of its stored analysis (its fingerprint):
    # reading and drawing a story of a hundred articles takes half a second.
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
        by_id = {article["id"]: article for article in doc["articles"]}
        body = story_html(story, main_event_articles(doc["articles"], story["id"]), by_id)
        # The sections link to "#article-ID" (as in the static report): the list below
        # holds those anchors, each opening the article's own page.
        listed = [
            (anchor("article-", a["id"]), quote(a["id"], safe=""), a) for a in doc["articles"]
        ]
        if len(cache) >= PAGE_CACHE_LIMIT:
            cache.clear()
        cache[key] = {"story": story, "body": body, "listed": listed}
    return _page(request, "story.html", **cache[key])


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: Store) -> HTMLResponse:
    try:
        view = article_view(store, article_id)
    except StoreError:
        raise HTTPException(404, f"no article {article_id!r} in this store") from None
    return _page(request, "article.html", view=view)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: Store, q: str = "") -> HTMLResponse:
    hits, problem = [], ""
    if q.strip():
        try:
            hits = store.search(q, limit=50)
        except InputError as error:
            problem = str(error)
    return _page(request, "search.html", q=q, hits=hits, problem=problem)


@router.get("/check", response_class=HTMLResponse)
def check_page(
    request: Request,
    store: Store,
    claim: Annotated[str, Query(max_length=1000)] = "",
    story: str = "",
) -> HTMLResponse:
    verdicts, problem = [], ""
    if claim.strip():
        if story:
            doc = story_document(store, story)
            if doc is None:
                problem = f"no story {story!r} in this store"
                ids = []
            else:
                ids = doc["stories"][0]["articles"]
        else:
            try:
                ids = _candidates(store, claim)
            except InputError as error:
                problem, ids = str(error), []
        analyses = store.get_analyses(ids)
        for article_id in ids:
            analysis = analyses.get(article_id)
            if analysis is None:
                continue
            verdict = check_text(claim, (s.text for s in analysis.sentences))
            verdicts.append((analysis.article, verdict))
    return _page(
        request, "check.html", claim=claim, story=story, verdicts=verdicts, problem=problem
    )
