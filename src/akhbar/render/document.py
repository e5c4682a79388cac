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
from akhbar.model import (
    Article,
    ArticleAnalysis,
    Assignment,
    Attribution,
    Claim,
    Contradiction,
    Entity,
    Event,
    Evidence,
    ProvenanceGraph,
    Quote,
    Report,
    SkippedInput,
    Story,
    SummarySentence,
)

SCHEMA_ID = "akhbar.report/1"
_SCHEMA_FILE = "schema/report.schema.json"


def load_schema() -> dict[str, Any]:
    """Return the packaged JSON Schema (draft 2020-12) of the report; a fresh dict each call."""
    text = resources.files("akhbar").joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def report_to_dict(report: Report) -> dict[str, Any]:
    """Turn a Report into the ``akhbar.report/1`` dict, keys in contract order.

    Articles keep report order; an article with no assignment gets null story and event.
    Example: an article titled "بوتين يهاتف الشرع" ("Putin phones al-Sharaa") becomes
    ``{"id": "003", ..., "title": "بوتين يهاتف الشرع", ...}``.
    """
    by_id = {assignment.id: assignment for assignment in report.assignments}
    return {
        "schema": SCHEMA_ID,
        "generated_by": {"name": "akhbar", "version": __version__},
        "articles": [article_dict(a, by_id.get(a.article.id)) for a in report.analyses],
        "stories": [_story(story) for story in report.stories],
        "skipped": [_skipped(item) for item in report.skipped],
    }


def article_dict(analysis: ArticleAnalysis, assignment: Assignment | None) -> dict[str, Any]:
    """One entry of the report's ``articles[]``."""
    article: Article = analysis.article
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "published_evidence": [_evidence(item) for item in article.published_evidence],
        "published_notes": list(article.published_notes),
        "story": assignment.story if assignment else None,
        "main_event": assignment.event if assignment else None,
        "duplicate_of": assignment.duplicate_of if assignment else None,
        "boilerplate": [
            {"text": line.text, "reason": line.reason, "line": line.line}
            for line in article.boilerplate
        ],
        "sentences": len(analysis.sentences),
    }


def _story(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "events": [_event(event) for event in story.events],
        "entities": [_entity(entity) for entity in story.entities],
        "quotes": [_quote(quote) for quote in story.quotes],
        "attributions": [_attribution(item) for item in story.attributions],
        "claims": [_claim(claim) for claim in story.claims],
        "contradictions": [_contradiction(item) for item in story.contradictions],
        "summary": [_summary(sentence) for sentence in story.summary],
        "provenance": _provenance(story.provenance),
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    span = evidence.span
    return {
        "article": span.article,
        "sentence": span.sentence,
        "start": span.start,
        "end": span.end,
        "text": evidence.text,
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "date": event.date,
        "precision": event.precision,
        "mod": event.mod,
        "label": event.label,
        "articles": list(event.articles),
        "evidence": [_evidence(item) for item in event.evidence],
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "titles": list(entity.titles),
        "articles": list(entity.articles),
        "title_sources": [
            {
                "title": item.title,
                "articles": list(item.articles),
                "evidence": [_evidence(e) for e in item.evidence],
            }
            for item in entity.title_sources
        ],
        "mentions": [_evidence(item) for item in entity.mentions],
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "article": quote.article,
        "via": list(quote.via),
        "polarity": quote.polarity,
        "kind": quote.kind,
        "evidence": [_evidence(item) for item in quote.evidence],
    }


def _attribution(attribution: Attribution) -> dict[str, Any]:
    return {
        "article": attribution.article,
        "source": attribution.source,
        "type": attribution.type,
        "chain": list(attribution.chain),
        "evidence": [_evidence(item) for item in attribution.evidence],
    }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "text": claim.text,
        "articles": list(claim.articles),
        "status": claim.status,
    }


def _contradiction(contradiction: Contradiction) -> dict[str, Any]:
    return {
        "about": contradiction.about,
        "kind": contradiction.kind,
        "values": [
            {
                "value": value.value,
                "articles": list(value.articles),
                "evidence": [_evidence(item) for item in value.evidence],
            }
            for value in contradiction.values
        ],
    }


def _summary(sentence: SummarySentence) -> dict[str, Any]:
    return {"text": sentence.text, "sources": list(sentence.sources)}


def _provenance(graph: ProvenanceGraph | None) -> dict[str, Any] | None:
    if graph is None:
        return None
    return {
        "nodes": [{"id": n.id, "label": n.label, "kind": n.kind} for n in graph.nodes],
        "edges": [
            {
                "source": edge.source,
                "target": edge.target,
                "kind": edge.kind,
                "articles": list(edge.articles),
                "evidence": [_evidence(item) for item in edge.evidence],
            }
            for edge in graph.edges
        ],
    }


def _skipped(item: SkippedInput) -> dict[str, Any]:
    return {"source": item.source, "reason": item.reason}
