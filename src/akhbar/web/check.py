"""The claim check: a claim against a story's articles or the archive's."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from akhbar.codec import to_data
from akhbar.errors import InputError
from akhbar.store import ArticleStore, search_words
from akhbar.story.stance import check_text
from akhbar.web.common import Store, page
from akhbar.web.views import story_document

__all__ = ["router"]

router = APIRouter()
# Articles a claim is checked against when no story is named: the best search hits.
CHECK_HITS = 20


def _candidates(store: ArticleStore, claim: str) -> list[str]:
    """Articles that may speak of ``claim``: those matching most of its words (searched
    word by word, as a whole claim rarely matches every word), best first."""
    found: dict[str, float] = {}
    for word in dict.fromkeys(search_words(claim)):
        for hit in store.search(word, limit=CHECK_HITS):
            found[hit.article_id] = found.get(hit.article_id, 0.0) + 1.0 + hit.score / 100
    return sorted(found, key=lambda article: -found[article])[:CHECK_HITS]


def _verdicts(store: ArticleStore, claim: str, story: str) -> tuple[list, str]:
    """(article, verdict) for each candidate article, best first, and the problem if any."""
    if not claim.strip():
        return [], ""
    if story:
        doc = story_document(store, story)
        if doc is None:
            return [], f"no story {story!r} in this store"
        ids = doc["stories"][0]["articles"]
    else:
        try:
            ids = _candidates(store, claim)
        except InputError as error:
            return [], str(error)
    analyses = store.get_analyses(ids)
    verdicts = []
    for article_id in ids:
        analysis = analyses.get(article_id)
        if analysis is not None:
            verdict = check_text(claim, (s.text for s in analysis.sentences))
            verdicts.append((analysis.article, verdict))
    return verdicts, ""


@router.get("/check", response_class=HTMLResponse)
def check_page(
    request: Request,
    store: Store,
    claim: Annotated[str, Query(max_length=1000)] = "",
    story: str = "",
) -> HTMLResponse:
    verdicts, problem = _verdicts(store, claim, story)
    return page(request, "check.html", claim=claim, story=story, verdicts=verdicts, problem=problem)


@router.get("/api/check")
def api_check(
    store: Store,
    claim: Annotated[str, Query(min_length=1, max_length=1000)],
    story: str = "",
) -> list[dict[str, Any]]:
    """``claim`` checked against a story's articles (``story``) or the archive's best
    matches: each article's stance (agree, disagree, other), its evidence and the reason."""
    verdicts, problem = _verdicts(store, claim, story)
    if problem:
        raise HTTPException(404 if story else 400, problem)
    return [
        {"article": article.id, "outlet": article.outlet, "title": article.title, **to_data(v)}
        for article, v in verdicts
    ]
