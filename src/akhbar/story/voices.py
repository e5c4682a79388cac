"""Who said what in a story, and which sources each article cites (report-level shapes)."""

from __future__ import annotations

from collections.abc import Sequence

from akhbar.model import ArticleAnalysis, Attribution, Evidence, Quote, Span

__all__ = ["story_attributions", "story_quotes"]


def _evidence(analysis: ArticleAnalysis, span: Span) -> Evidence:
    return Evidence(span, analysis.article.text[span.start : span.end])


def story_quotes(analyses: Sequence[ArticleAnalysis]) -> tuple[Quote, ...]:
    """Every quote of every article, in article and text order."""
    return tuple(
        Quote(
            speaker=mention.speaker,
            text=mention.text,
            article=analysis.article.id,
            via=mention.via,
            polarity=mention.polarity,
            kind=mention.kind,
            evidence=(_evidence(analysis, mention.span),),
        )
        for analysis in analyses
        for mention in analysis.quotes
    )


def story_attributions(analyses: Sequence[ArticleAnalysis]) -> tuple[Attribution, ...]:
    """Each article's cited sources, one entry per distinct chain, with every place it is cited.

    Chains read from the outlet to the primary source: [outlet, agency, primary source]
    (the outlet only when the article names it).
    """
    out: list[Attribution] = []
    for analysis in analyses:
        outlet = (analysis.article.outlet,) if analysis.article.outlet else ()
        places: dict[tuple[str, ...], list[Evidence]] = {}
        types: dict[tuple[str, ...], str] = {}
        for citation in analysis.sources:
            chain = (*outlet, *citation.chain)
            places.setdefault(chain, []).append(_evidence(analysis, citation.span))
            types.setdefault(chain, citation.type)
        out.extend(
            Attribution(
                article=analysis.article.id,
                source=chain[len(outlet)],
                chain=chain,
                type=types[chain],
                evidence=tuple(evidence),
            )
            for chain, evidence in places.items()
        )
    return tuple(out)
