"""The web app: one FastAPI application over one store.

Reads open the store read-only for each request (SQLite connections stay in their thread;
PostgreSQL gets a connection of its own); the writes, an upload and an update, need the
token and run the same ingest and update as the CLI. Every page is rendered on the server
from the templates under ``web/templates`` with autoescaping on, so article text is always
text; a story is drawn by the static report's own ``render/templates/story.html``.
Each response carries security headers: a content security policy allowing only the
app's own assets, no framing, no content sniffing, no referrer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, PackageLoader

from akhbar import __version__
from akhbar.errors import AkhbarError
from akhbar.ingest.config import DEFAULT_MAX_BYTES
from akhbar.render.templating import environment
from akhbar.store import ArticleStore, open_store

__all__ = ["WebConfig", "create_app"]

_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class WebConfig:
    """``db``: the store; ``token``: what writes must present (None: writes are off);
    ``max_bytes``: the largest upload (the CLI's ``--max-bytes``)."""

    db: str
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def create_app(config: WebConfig) -> FastAPI:
    """The application serving ``config.db``."""
    from akhbar.web import api_docs, articles, check, search, stories, update

    app = FastAPI(
        title="akhbar",
        version=__version__,
        description="Arabic news compared across outlets: stories, claims, contradictions.",
        # Swagger UI and ReDoc load scripts from a CDN: /docs is rendered here instead.
        docs_url=None,
        redoc_url=None,
    )
    app.state.config = config
    app.state.front_cache = {}  # story cards by (story, fingerprint): see views.front_items
    app.state.listing_cache = {}  # the ranked listing while stories are unchanged
    app.state.listing_lock = threading.Lock()  # one listing made at a time
    app.state.page_cache = {}  # rendered story pages by (story, fingerprint): see stories
    app.state.page_lock = threading.Lock()  # one story page rendered at a time
    folder = Path(str(resources.files("akhbar.web")))
    # The app's pages and the report's (a story is drawn by the report's story.html).
    loader = ChoiceLoader(
        [PackageLoader("akhbar.web", "templates"), PackageLoader("akhbar.render", "templates")]
    )
    app.state.templates = Jinja2Templates(env=environment(loader))
    app.mount("/static", StaticFiles(directory=str(folder / "static")), name="static")
    for module in (stories, articles, search, check, update, api_docs):
        app.include_router(module.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(AkhbarError)
    async def akhbar_error(request: Request, error: AkhbarError):
        return JSONResponse({"detail": str(error)}, status_code=400)

    return app


def read_store(request: Request) -> Iterator[ArticleStore]:
    """A dependency: the store opened read-only for one request."""
    with open_store(request.app.state.config.db, create=False, read_only=True) as store:
        yield store
