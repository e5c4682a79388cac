"""Per-article analysis: pure, picklable, looks at one article only."""

from __future__ import annotations

from akhbar.analyze.attribution import find_sources
from akhbar.analyze.entities import find_entities
from akhbar.analyze.events import find_event_mentions, with_participants
from akhbar.analyze.published import reconcile_published
from akhbar.analyze.quoted_times import anchor_quoted_times
from akhbar.analyze.quotes import find_quotes
from akhbar.analyze.times import find_times
from akhbar.arabic.sentences import split_sentences
from akhbar.arabic.stems import stem_keys
from akhbar.model import Article, ArticleAnalysis

__all__ = ["analyze_article"]


def analyze_article(article: Article) -> ArticleAnalysis:
    """Sentences, times, entities, events, quotes, cited sources and stem keys of ``article``.

    Relative dates are resolved against the publication date (inside a quotation, against
    the day of the quoted speech when the sentence gives it); when the text names today's
    weekday and the input's date disagrees, the text wins (see
    :func:`akhbar.analyze.published.reconcile_published`) and dates are resolved again.
    The same function runs in a loop, a process pool or on Dask.
    """
    sentences = split_sentences(article.text)
    times = find_times(article.text, anchor=article.published, article_id=article.id)
    reconciled = reconcile_published(article, times, sentences)
    if reconciled is not article:
        article = reconciled
        times = find_times(article.text, anchor=article.published, article_id=article.id)
    times = anchor_quoted_times(article.text, times, sentences)
    quotes = find_quotes(article.text, sentences, article_id=article.id)
    entities = find_entities(article.text, article_id=article.id, sentences=sentences)
    events = find_event_mentions(article.text, sentences, times, article_id=article.id)
    return ArticleAnalysis(
        article=article,
        sentences=sentences,
        stem_keys=stem_keys(article.text),
        times=times,
        events=with_participants(events, sentences, entities),
        entities=entities,
        quotes=quotes,
        sources=find_sources(article.text, sentences, article_id=article.id, quotes=quotes),
    )
