"""report_to_dict writes the akhbar.report/1 contract, with exact values from the seeds."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

from akhbar import __version__
from akhbar.model import Article, ArticleAnalysis, Report, Sentence
from akhbar.render.document import load_schema, report_to_dict

FIXTURE = runpy.run_path(str(Path(__file__).parent / "data" / "render" / "sample_report.py"))
A002, A004 = FIXTURE["A002"], FIXTURE["A004"]


def test_top_level_keys_in_contract_order() -> None:
    document = report_to_dict(FIXTURE["sample_report"]())
    assert list(document) == ["schema", "generated_by", "articles", "stories", "skipped"]
    assert document["schema"] == "akhbar.report/1"
    assert document["generated_by"] == {"name": "akhbar", "version": __version__}


def test_article_entry_exact() -> None:
    document = report_to_dict(FIXTURE["sample_report"]())
    assert [article["id"] for article in document["articles"]] == list(FIXTURE["SENTENCES"])
    assert document["articles"][2] == {
        "id": A002,
        "source": f"examples/seeds/{A002}.txt",
        "outlet": None,
        "outlet_source": "unknown",
        "url": None,
        "title": "رسالة من بوتين إلى الشرع: مستعدون للتعاون ونؤيد استقرار سورية",
        "published": "2025-03-20",
        "published_source": "text",
        "published_evidence": [],
        "published_notes": [],
        "story": "story-putin-sharaa",
        "main_event": "event-letter",
        "duplicate_of": None,
        "title_only": False,
        "boilerplate": [
            {"text": "+ الخط -", "reason": "widget", "line": 5},
            {"text": "استمع إلى الملخص", "reason": "widget", "line": 7},
            {"text": "اظهر الملخص", "reason": "widget", "line": 9},
            {"text": "المساهمون", "reason": "contributors", "line": 26},
        ],
        "sentences": 1,
    }


def test_datetime_published_keeps_its_time() -> None:
    article = report_to_dict(FIXTURE["sample_report"]())["articles"][4]
    assert (article["published"], article["main_event"], article["sentences"]) == (
        "2025-02-12T18:30:00",
        "event-call",
        2,
    )


def test_article_without_assignment_has_null_placement() -> None:
    text = "بوتين يهاتف الشرع"
    analysis = ArticleAnalysis(
        Article(id="x1", source="x1.txt", text=text), (Sentence(0, 0, len(text), text),)
    )
    article = report_to_dict(Report((analysis,), (), ()))["articles"][0]
    assert (article["story"], article["main_event"], article["duplicate_of"]) == (None, None, None)


def test_story_items_exact() -> None:
    story = report_to_dict(FIXTURE["sample_report"]())["stories"][0]
    assert list(story) == [
        "id",
        "title",
        "articles",
        "events",
        "threads",
        "entities",
        "quotes",
        "attributions",
        "claims",
        "contradictions",
        "unique_facts",
        "summary",
        "provenance",
    ]
    assert story["events"][0]["evidence"] == [
        {
            "article": A004,
            "sentence": 0,
            "start": 32,
            "end": 67,
            "text": "بوتين أجرى اتصالًا هاتفيًا مع الشرع",
        }
    ]
    assert story["attributions"] == [
        {
            "article": FIXTURE["A001"],
            "source": "الكرملين",
            "type": "",
            "chain": ["الكرملين", "ريا نوفوستي", "خبر مباشر"],
            "evidence": [],
        }
    ]
    assert story["contradictions"][0]["values"][1]["value"] == "ديمتري بيسكوف"
    assert story["claims"][0]["status"] == "corroborated"


def test_evidence_offsets_point_at_their_words() -> None:
    report = FIXTURE["sample_report"]()
    texts = {analysis.article.id: analysis.article.text for analysis in report.analyses}
    story = report_to_dict(report)["stories"][0]
    spans = [*story["events"][0]["evidence"]]
    spans += [item for value in story["contradictions"][0]["values"] for item in value["evidence"]]
    assert [texts[s["article"]][s["start"] : s["end"]] == s["text"] for s in spans] == [True] * 3


def test_output_is_deterministic_and_json_ready() -> None:
    first = json.dumps(report_to_dict(FIXTURE["sample_report"]()), ensure_ascii=False)
    second = json.dumps(report_to_dict(FIXTURE["sample_report"]()), ensure_ascii=False)
    assert first == second


def test_load_schema_returns_a_fresh_dict() -> None:
    schema = load_schema()
    schema["title"] = "changed"
    assert load_schema()["title"] == "akhbar report (akhbar.report/1)"
