"""Report renderers: JSON (the ``akhbar.report/1`` contract), Markdown and HTML."""

from __future__ import annotations

from akhbar.errors import ConfigError
from akhbar.model import Report
from akhbar.render.html import render_html
from akhbar.render.json_report import render_json
from akhbar.render.markdown import render_markdown

FORMATS = ("json", "md", "html")

__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown"]


def render(report: Report, fmt: str) -> str:
    """Render ``report`` as ``fmt`` ("json", "md" or "html")."""
    if fmt == "json":
        return render_json(report)
    if fmt == "md":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    raise ConfigError(
        f"unknown report format {fmt!r}: choose one of {', '.join(FORMATS)} "
        "(for example --format html)"
    )
