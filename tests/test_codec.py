"""The one codec: every model object of the seeds' report goes to plain data and back intact."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.codec import from_data, to_data
from akhbar.model import (
    ArticleAnalysis,
    Evidence,
    ProvenanceGraph,
    SourceCitation,
    Span,
    Story,
    TimeExpression,
)
from akhbar.pipeline import analyze_inputs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report():
    return analyze_inputs([str(ROOT / "examples" / "seeds")])


def test_every_analysis_and_story_of_the_seeds_comes_back_equal(report) -> None:
    for analysis in report.analyses:
        data = json.loads(json.dumps(to_data(analysis), ensure_ascii=False))
        assert from_data(ArticleAnalysis, data) == analysis
    (story,) = report.stories
    assert from_data(Story, json.loads(json.dumps(to_data(story)))) == story
    assert from_data(ProvenanceGraph, to_data(story.provenance)) == story.provenance


def test_a_span_lies_flat_in_what_carries_it(report) -> None:
    time = next(
        t for a in report.analyses for t in a.times if t.surface == "12 فبراير/ شباط الفائت"
    )
    data = to_data(time)
    assert {key: data[key] for key in ("article", "start", "end", "sentence")} == {
        "article": time.span.article,
        "start": time.span.start,
        "end": time.span.end,
        "sentence": time.span.sentence,
    }
    assert "span" not in data
    assert from_data(TimeExpression, data) == time


def test_a_citation_writes_its_chain_and_reads_back_without_it(report) -> None:
    citation = next(
        c for a in report.analyses for c in a.sources if c.chain == ("رويترز", "مصدر سوري مطلع")
    )
    data = to_data(citation)
    assert (data["source"], data["type"], data["chain"]) == (
        "رويترز",
        "agency",
        ["رويترز", "مصدر سوري مطلع"],
    )
    assert from_data(SourceCitation, data) == citation


def test_a_missing_field_is_named() -> None:
    with pytest.raises(ValueError, match="'text' is missing"):
        from_data(Evidence, {"article": "a", "start": 0, "end": 1, "sentence": None})


def test_a_datetime_stays_a_datetime() -> None:
    moment = dt.datetime(2018, 5, 8, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=4)))
    assert from_data(dt.date | None, to_data(moment)) == moment
    assert from_data(dt.date | None, to_data(dt.date(2025, 2, 12))) == dt.date(2025, 2, 12)


@given(
    st.text(max_size=12),
    st.integers(0, 10_000),
    st.integers(0, 50),
    st.one_of(st.none(), st.integers(0, 400)),
    st.text(max_size=30),
)
def test_evidence_round_trips(article: str, start: int, length: int, sentence, text: str) -> None:
    evidence = Evidence(Span(article, start, start + length, sentence), text)
    assert from_data(Evidence, json.loads(json.dumps(to_data(evidence)))) == evidence
