"""Lines an outlet repeats on many of its pages (headers, footers, notices), learned per run.

A line counts when it sits in the first or last few non-blank lines of an article and
recurs, in key form, in enough distinct articles of the same outlet (see
:class:`IngestConfig` for the thresholds and how they were picked).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from akhbar.ingest.boilerplate import assemble_text, line_key
from akhbar.ingest.config import DEFAULT_CONFIG, IngestConfig
from akhbar.model import Article, BoilerplateLine

__all__ = ["learn_repeated_lines", "strip_repeated_lines"]


def _edge_indexes(lines: list[str], edge: int) -> list[int]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:edge] + filled[-edge:]))


def _candidate_keys(article: Article, edge: int) -> set[str]:
    lines = article.text.split("\n")
    title = line_key(article.title) if article.title else None
    keys = {line_key(lines[index]) for index in _edge_indexes(lines, edge)}
    keys.discard("")
    keys.discard(title)  # a headline is never a footer, however often it recurs
    return keys


def learn_repeated_lines(
    articles: Iterable[Article], *, config: IngestConfig = DEFAULT_CONFIG
) -> dict[str, frozenset[str]]:
    """Outlet -> key forms of its lines repeated across many of its articles.

    Articles without an outlet are not learned from: their lines cannot be told apart
    from another site's. Identical texts (one article filed twice) count once.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[str, set[bytes]] = defaultdict(set)
    for article in articles:
        if not article.outlet:
            continue
        digest = hashlib.sha1(article.text.encode("utf-8")).digest()
        if digest in seen[article.outlet]:
            continue
        seen[article.outlet].add(digest)
        counts[article.outlet].update(_candidate_keys(article, config.repeated_edge_lines))
    learned: dict[str, frozenset[str]] = {}
    for outlet in sorted(counts):
        total = len(seen[outlet])
        floor = max(config.repeated_min_articles, config.repeated_min_share * total)
        keys = frozenset(key for key, count in counts[outlet].items() if count >= floor)
        if keys:
            learned[outlet] = keys
    return learned


def strip_repeated_lines(
    article: Article,
    repeated: Mapping[str, frozenset[str]],
    *,
    config: IngestConfig = DEFAULT_CONFIG,
) -> Article:
    """``article`` with its outlet's repeated edge lines moved to boilerplate ("repeated")."""
    keys = repeated.get(article.outlet or "", frozenset())
    if not keys:
        return article
    lines = article.text.split("\n")
    drop = {
        index
        for index in _edge_indexes(lines, config.repeated_edge_lines)
        if line_key(lines[index]) in keys
    }
    if not drop or len(drop) == sum(1 for line in lines if line.strip()):
        return article  # never strip an article down to nothing
    numbers = article.line_numbers or tuple(range(1, len(lines) + 1))
    removed = [
        BoilerplateLine(text=lines[index], reason="repeated", line=numbers[index])
        for index in sorted(drop)
    ]
    text, positions = assemble_text(lines, [i for i in range(len(lines)) if i not in drop])
    boilerplate = tuple(sorted((*article.boilerplate, *removed), key=lambda line: line.line))
    return replace(
        article,
        text=text,
        boilerplate=boilerplate,
        line_numbers=tuple(numbers[position - 1] for position in positions),
    )
