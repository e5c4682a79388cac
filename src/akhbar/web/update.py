"""``POST /api/update``: run ``akhbar update`` on the served store (needs the token).

What the CLI's ``akhbar update --db`` does, for articles added by another hand (``akhbar
ingest`` into the same store): analyse what is new and re-cluster the open stories. An
update already running is 409; nothing stored changes on a refused call.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request

from akhbar.errors import StoreError
from akhbar.store import open_store
from akhbar.store.update_run import update_store
from akhbar.web.common import require_token, update_status

__all__ = ["router"]

router = APIRouter()


@router.post("/api/update")
def api_update(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """Analyse the stored articles not yet analysed and update the stories they touch."""
    config = request.app.state.config
    require_token(config.token, authorization)
    try:
        with open_store(config.db, create=False) as store:
            updated = update_store(store)
    except StoreError as error:
        raise HTTPException(update_status(error), str(error)) from None
    return {
        "articles_analysed": updated.analysed,
        "stories_analysed": updated.stories_analysed,
        "stories_unchanged": updated.stories_unchanged,
        "stories_removed": updated.stories_removed,
        "skipped": [{"source": s.source, "reason": s.reason} for s in updated.skipped],
    }
