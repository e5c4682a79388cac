"""Per-article output of ``akhbar extract``: what the analyzers found, one object an article."""

from __future__ import annotations

from typing import Any

from akhbar.model import ArticleAnalysis, EventMention, TimeExpression
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


def analysis_to_dict(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The article's report entry plus its sentences, time expressions and event mentions."""
    record = article_dict(analysis, None)
    for key in ("story", "main_event", "duplicate_of"):
        record.pop(key)
    record["sentences"] = [
        {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
        for s in analysis.sentences
    ]
    record["times"] = [_time(time) for time in analysis.times]
    record["events"] = [_event(mention) for mention in analysis.events]
    return record
