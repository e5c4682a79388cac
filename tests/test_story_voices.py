"""Quotes and cited sources of the seed story, as the report shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.pipeline import analyze_articles, analyze_story, read_articles

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


@pytest.fixture(scope="module")
def story():
    analyses = analyze_articles(read_articles([str(SEEDS)]).articles)
    return analyze_story("story-001", analyses)[0]


def chains(story, article_prefix: str) -> set[tuple[str, ...]]:
    return {a.chain for a in story.attributions if a.article.startswith(article_prefix)}


def test_chains_run_from_the_outlet_to_the_primary_source(story) -> None:
    assert ("خبر مباشر", "ريا نوفوستي", "الكرملين") in chains(story, "001")
    assert ("رويترز", "مصدر سوري مطلع") in chains(story, "004")
    assert ("وكالات أنباء روسية", "المتحدث باسم الكرملين دميتري بيسكوف") in chains(story, "002")
    assert ("سيريا ستار تايمز", "وول ستريت جورنال") in chains(story, "000")


def test_peskov_declining_to_comment_is_not_an_assertion(story) -> None:
    declined = [q for q in story.quotes if q.polarity == "decline"]
    assert [(q.article[:3], q.speaker) for q in declined] == [
        ("004", "المتحدث باسم الكرملين ديمتري بيسكوف")
    ]


def test_carried_speaker_and_evidence_spans(story) -> None:
    peskov = [q for q in story.quotes if q.article.startswith("000") and "بيسكوف" in q.speaker]
    assert len(peskov) == 3
    for quote in story.quotes:
        (evidence,) = quote.evidence
        assert evidence.text == quote.text
