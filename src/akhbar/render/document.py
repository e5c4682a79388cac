"""The report as plain data: the ``akhbar.report/1`` contract every renderer reads.

Renderers (JSON, Markdown, HTML) all start from ``report_to_dict`` so they can never
show something the JSON contract does not hold, and the JSON Schema shipped in
``akhbar/schema/report.schema.json`` checks that contract.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from akhbar import __version__
from akhbar.codec import to_data
from akhbar.model import ArticleAnalysis, Assignment, Report

SCHEMA_ID = "akhbar.report/1"
_SCHEMA_FILE = "schema/report.schema.json"


def load_schema() -> dict[str, Any]:
    """Return the packaged JSON Schema (draft 2020-12) of the report; a fresh dict each call."""
    text = resources.files("akhbar").joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def report_to_dict(report: Report) -> dict[str, Any]:
    """Turn a Report into the ``akhbar.report/1`` dict (model objects through
    :mod:`akhbar.codec`, the one codec).

    Articles keep report order; an article with no assignment gets null story and event.
    Example: an article titled "بوتين يهاتف الشرع" ("Putin phones al-Sharaa") becomes
    ``{"id": "003", ..., "title": "بوتين يهاتف الشرع", ...}``.
    """
    by_id = {assignment.id: assignment for assignment in report.assignments}
    return {
        "schema": SCHEMA_ID,
        "generated_by": {"name": "akhbar", "version": __version__},
        "articles": [article_dict(a, by_id.get(a.article.id)) for a in report.analyses],
        "stories": [to_data(story) for story in report.stories],
        "skipped": [to_data(item) for item in report.skipped],
    }


# An article's fields in the report (its text, metadata and line numbers stay out), then
# where the corpus stages put it and how much was read.
_ARTICLE_FIELDS = (
    "id",
    "source",
    "outlet",
    "outlet_source",
    "url",
    "title",
    "published",
    "published_source",
    "published_evidence",
    "published_notes",
)


def article_dict(analysis: ArticleAnalysis, assignment: Assignment | None) -> dict[str, Any]:
    """One entry of the report's ``articles[]``."""
    article = to_data(analysis.article)
    return {
        **{name: article[name] for name in _ARTICLE_FIELDS},
        "story": assignment.story if assignment else None,
        "main_event": assignment.event if assignment else None,
        "duplicate_of": assignment.duplicate_of if assignment else None,
        "title_only": analysis.article.title_only,
        "boilerplate": article["boilerplate"],
        "sentences": len(analysis.sentences),
    }
