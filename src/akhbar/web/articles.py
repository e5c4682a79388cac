"""Articles: an article's page, its JSON, and the one write: ``POST /api/articles``.

``POST /api/articles`` takes one file (multipart field ``file``: JSONL, HTML or text) no
larger than the server's ``--max-bytes``, reads it with the same ingest as the CLI, adds its
articles to the store and runs ``akhbar update``. The server never fetches a URL it is given
(no SSRF): a link in an article stays a link. A missing or wrong token is 401, a file too
big 413, a content type that is no text 415, an update already running 409; nothing stored
is changed by a refused upload.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse

from akhbar.codec import to_data
from akhbar.errors import StoreError
from akhbar.ingest import IngestConfig
from akhbar.store import ingest_into, open_store
from akhbar.store.update_run import update_store
from akhbar.web.common import Store, page, require_token, update_status
from akhbar.web.views import article_view

__all__ = ["router"]

router = APIRouter()
# What an upload may be; the name's suffix tells ingest how to read it.
_TYPES = {
    "application/jsonl": ".jsonl",
    "application/x-ndjson": ".jsonl",
    "application/json": ".jsonl",
    "text/html": ".html",
    "text/plain": ".txt",
    "application/octet-stream": "",
}
_SUFFIXES = (".jsonl", ".json", ".html", ".htm", ".txt", ".jsonl.gz")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    store: Store,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    """The article's text with its spans marked; ``start`` and ``end`` (a citation's
    offsets) mark the cited sentence."""
    cited = (start, end) if start is not None and end is not None else None
    try:
        view = article_view(store, article_id, cited)
    except StoreError:
        raise HTTPException(404, f"no article {article_id!r} in this store") from None
    return page(request, "article.html", view=view)


@router.get("/api/articles/{article_id}")
def api_article(article_id: str, store: Store) -> dict[str, Any]:
    """One stored article and, once analysed, its analysis."""
    try:
        article = store.get(article_id)
    except StoreError:
        raise HTTPException(404, f"no article {article_id!r} in this store") from None
    analysis = store.get_analyses([article_id]).get(article_id)
    return {"article": to_data(article), "analysis": to_data(analysis) if analysis else None}


@router.post("/api/articles")
async def api_upload(
    request: Request,
    file: UploadFile,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Add the articles of one file and update the stories they touch (needs the token)."""
    config = request.app.state.config
    require_token(config.token, authorization)
    suffix = _suffix(file)
    data = await file.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        raise HTTPException(413, f"{file.filename}: larger than {config.max_bytes} bytes")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            with open_store(config.db, create=False) as store:
                ingested = ingest_into(
                    store, [str(path)], config=IngestConfig(max_bytes=config.max_bytes)
                )
                updated = update_store(store)
        except StoreError as error:
            raise HTTPException(update_status(error), str(error)) from None
    return {
        "added": ingested.added,
        "already_present": ingested.already_present,
        "skipped": [{"source": file.filename, "reason": s.reason} for s in ingested.skipped],
        "stories_analysed": updated.stories_analysed,
    }


def _suffix(file: UploadFile) -> str:
    name = (file.filename or "").lower()
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            return suffix
    kind = (file.content_type or "").split(";")[0].strip()
    if kind not in _TYPES:
        raise HTTPException(
            415, f"{file.filename}: {kind or 'no content type'} is not JSONL, HTML or text"
        )
    return _TYPES[kind] or ".txt"
