"""The claim check: a claim against a story's articles or the archive's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

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
    return page(request, "check.html", claim=claim, story=story, verdicts=verdicts, problem=problem)
