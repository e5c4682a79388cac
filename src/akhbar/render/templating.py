"""The Jinja2 templates both HTML outputs are rendered from: the static report
(``akhbar analyze -o report.html``) and the pages of ``akhbar serve``.

A story is drawn by ``templates/story.html`` in both; what differs is where a link goes,
given by :class:`Links`: the static report points inside its own page (the articles
table, the citations list), the web app to its article pages. Autoescaping is on, so
article text is always text; the two SVG drawings (timeline, provenance) are laid out in
Python, where their geometry is computed, and escape every label themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import BaseLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from akhbar.render import labels
from akhbar.render.dates import format_date
from akhbar.render.html_parts import anchor, url_html
from akhbar.render.html_provenance import LEGEND as PROVENANCE_LEGEND
from akhbar.render.html_provenance import provenance_svg
from akhbar.render.html_style import STYLESHEET
from akhbar.render.html_timeline_svg import timeline_svg
from akhbar.render.story_view import (
    article_names,
    claim_matrix,
    numbered_citations,
    outlet_of,
    short_text,
    story_listing,
)
from akhbar.render.timeline import ARTICLE_FORMS, count_text, split_dated, thread_days

__all__ = ["STATIC_LINKS", "Links", "environment", "report_environment"]

# Up to this many articles a story's list is open; a longer one starts folded.
OPEN_ARTICLES = 8
# An entity names this many of its articles, then "+N": a name in forty articles would
# otherwise list forty titles (the story's own list and the JSON report hold them all).
ENTITY_ARTICLES = 5


@dataclass(frozen=True)
class Links:
    """Where a story's links go. ``article(id)``: an article; ``cite(story_id, number,
    evidence)``: a numbered citation of the summary (evidence: the cited sentence with
    its article and offsets); ``sentence(evidence)``: where that sentence is read in its
    article."""

    article: Callable[[str], str]
    cite: Callable[[str, int, Mapping[str, Any]], str]
    sentence: Callable[[Mapping[str, Any]], str]


def _static_article(value: str) -> str:
    return "#" + anchor("article-", value)


def _static_cite(story_id: str, number: int, evidence: Mapping[str, Any]) -> str:
    return "#" + anchor(f"cite-{number}-", story_id)


def _static_sentence(evidence: Mapping[str, Any]) -> str:
    return _static_article(evidence["article"])


# The self-contained report: every link stays inside the page (it holds no article texts:
# a citation opens the cited sentence in the citations list, which links the article's row).
STATIC_LINKS = Links(article=_static_article, cite=_static_cite, sentence=_static_sentence)


def _unique_outlets(ids: list[str], articles: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The outlets of ``ids``, each once, in order."""
    return list(dict.fromkeys(outlet_of(value, articles) for value in ids))


def _timeline(events: list[Mapping[str, Any]], main_of, names, links: Links) -> Markup:
    return Markup(timeline_svg(events, main_of, names, links.article))


def _provenance(story: Mapping[str, Any]) -> Markup:
    return Markup(provenance_svg(story["provenance"], story["id"]))


def environment(loader: BaseLoader) -> Environment:
    """An autoescaping environment over ``loader`` with what the report templates use:
    labels, date and count wording, the drawings, anchors (the web app's is made here too,
    over its own templates and these)."""
    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        labels=labels,
        anchor=anchor,
        article_names=article_names,
        format_date=format_date,
        count_text=count_text,
        ARTICLE_FORMS=ARTICLE_FORMS,
        split_dated=split_dated,
        thread_days=thread_days,
        timeline_svg=_timeline,
        provenance_svg=_provenance,
        STYLESHEET=Markup(STYLESHEET),
        url_html=lambda url: Markup(url_html(url)),
        outlet_of=outlet_of,
        unique_outlets=_unique_outlets,
        short_text=short_text,
        claim_matrix=claim_matrix,
        numbered_citations=numbered_citations,
        story_listing=story_listing,
        OPEN_ARTICLES=OPEN_ARTICLES,
        ENTITY_ARTICLES=ENTITY_ARTICLES,
        PROVENANCE_LEGEND=PROVENANCE_LEGEND,
    )
    return env


@functools.cache
def report_environment() -> Environment:
    """The environment of ``akhbar/render/templates`` (compiled once per process)."""
    return environment(PackageLoader("akhbar.render", "templates"))
