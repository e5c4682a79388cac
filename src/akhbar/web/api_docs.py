"""``GET /docs``: the JSON API's documentation, read from FastAPI's OpenAPI schema
(``/openapi.json``) and rendered on the server. FastAPI's own pages (Swagger UI, ReDoc)
load their scripts from a CDN, which an offline newsroom cannot reach and the app's
content security policy refuses; they are turned off."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from akhbar.web.common import page

__all__ = ["router"]

router = APIRouter()


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    return page(request, "api_docs.html", operations=operations(request.app.openapi()))


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Each documented operation: method, path, what it does, its parameters, its body and
    its answers (status and description), API paths first."""
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {})
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {})),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": sorted(body),
                    "responses": sorted(operation.get("responses", {}).items()),
                }
            )
    return sorted(out, key=lambda op: (not op["path"].startswith("/api/"), op["path"]))


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(option) for option in schema["anyOf"])
    return schema.get("type", schema.get("format", ""))
