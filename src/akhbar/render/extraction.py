"""Per-article output of ``akhbar extract``: what the analyzers found, one object an article."""

from __future__ import annotations

from typing import Any

from akhbar.model import (
    ArticleAnalysis,
    EntityMention,
    EventMention,
    QuoteMention,
    SourceCitation,
    TimeExpression,
)
from akhbar.render.document import article_dict

__all__ = ["analysis_to_dict"]


def _time(time: TimeExpression) -> dict[str, Any]:
    return {
        "start": time.start,
        "end": time.end,
        "surface": time.surface,
        "type": time.type,
        "value": time.value,
        "precision": time.precision,
        "mod": time.mod,
        "anchor": time.anchor,
        "relative": time.relative,
        "weekday_conflict": time.weekday_conflict,
    }


def _event(mention: EventMention) -> dict[str, Any]:
    return {
        "type": mention.type,
        "trigger": mention.trigger,
        "sentence": mention.span.sentence,
        "start": mention.span.start,
        "end": mention.span.end,
        "background": mention.background,
        "time": mention.time.surface if mention.time else None,
        "date": mention.time.value if mention.time else None,
    }


def _entity(mention: EntityMention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "surface": mention.surface,
        "type": mention.type,
        "name": mention.name,
        "titles": [
            {"start": t.start, "end": t.end, "surface": t.surface, "role": t.role}
            for t in mention.titles
        ],
    }


def _quote(quote: QuoteMention) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "start": quote.span.start,
        "end": quote.span.end,
        "verb": quote.verb,
        "polarity": quote.polarity,
        "kind": quote.kind,
        "carried": quote.carried,
        "via": list(quote.via),
    }


def _source(citation: SourceCitation) -> dict[str, Any]:
    return {
        "source": citation.source,
        "type": citation.type,
        "chain": list(citation.chain),
        "cue": citation.cue,
        "start": citation.span.start,
        "end": citation.span.end,
    }


def analysis_to_dict(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The article's report entry plus everything the per-article analyzers found, with offsets."""
    record = article_dict(analysis, None)
    for key in ("story", "main_event", "duplicate_of"):
        record.pop(key)
    record["sentences"] = [
        {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
        for s in analysis.sentences
    ]
    record["times"] = [_time(time) for time in analysis.times]
    record["events"] = [_event(mention) for mention in analysis.events]
    record["entities"] = [_entity(mention) for mention in analysis.entities]
    record["quotes"] = [_quote(quote) for quote in analysis.quotes]
    record["sources"] = [_source(citation) for citation in analysis.sources]
    return record
