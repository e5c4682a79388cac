"""Claims (issue 15) on the seeds: statements (clauses) several outlets carry, one thread at
a time, each with the clause of every article that carries it."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.pipeline import analyze_inputs

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
CALL = {"001_a72c5b70b15c2776", "003_7e57f8d70e9d2bf3", "004_c80ef43e0c326550"}
LETTER = {"000_a07f516d440c7618", "002_408b543a26764ddd"}


@pytest.fixture(scope="module")
def report():
    return analyze_inputs([str(SEEDS)])


def test_every_claim_keeps_to_one_thread_and_quotes_each_article(report) -> None:
    (story,) = report.stories
    texts = {a.article.id: a.article.text for a in report.analyses}
    assert len(story.claims) == 19
    for claim in story.claims:
        assert set(claim.articles) <= CALL or set(claim.articles) <= LETTER
        assert [e.span.article for e in claim.evidence] == list(claim.articles)
        for evidence in claim.evidence:
            assert texts[evidence.span.article][evidence.span.start : evidence.span.end] == (
                evidence.text
            )
        assert claim.text in {e.text for e in claim.evidence}


def test_a_clause_restated_alone_meets_its_match_inside_a_longer_sentence(report) -> None:
    # 001 says it in one sentence with the call ("أجرى محادثة هاتفية مع الشرع، أكد خلالها
    # ... الداعم لوحدة وسيادة ..."); 003 and 004 in sentences of their own.
    (story,) = report.stories
    (unity,) = [c for c in story.claims if "بوحدة سوريا وسيادتها" in c.text]
    assert unity.articles == tuple(sorted(CALL)) and unity.status == "corroborated"
    assert unity.evidence[0].text == (
        "أكد خلالها موقف روسيا المبدئي الداعم لوحدة وسيادة وسلامة الأراضي السورية"
    )
    assert "وحدة سوريا وسيادتها" in unity.evidence[2].text


def test_the_call_is_carried_by_three_outlets(report) -> None:
    (story,) = report.stories
    (call,) = [c for c in story.claims if c.text == "الرئيس الروسي بوتين يجري اتصالا مع أحمد الشرع"]
    assert set(call.articles) == CALL and call.status == "corroborated"
