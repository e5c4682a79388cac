"""Who is who in the seed story, as the report shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.pipeline import analyze_articles, analyze_story, read_articles

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


@pytest.fixture(scope="module")
def story():
    analyses = analyze_articles(read_articles([str(SEEDS)]).articles)
    return analyze_story("story-001", analyses)[0]


def entity(story, name: str):
    (found,) = [e for e in story.entities if e.name == name]
    return found


def test_spelling_variants_and_short_forms_are_one_person(story) -> None:
    assert entity(story, "دميتري بيسكوف").aliases == ("بيسكوف", "ديمتري بيسكوف")
    assert entity(story, "فلاديمير بوتين").aliases == ("بوتين",)
    assert entity(story, "سوريا").aliases == ("سورية",)
    assert entity(story, "أحمد الشيباني").aliases == ()


def test_titles_name_the_articles_that_give_them(story) -> None:
    peskov = entity(story, "دميتري بيسكوف")
    assert [(t.title, t.articles) for t in peskov.title_sources] == [
        (
            "المتحدث باسم الكرملين",
            ("000_a07f516d440c7618", "002_408b543a26764ddd", "004_c80ef43e0c326550"),
        )
    ]
    for evidence in peskov.mentions:
        assert evidence.span.sentence is not None


def test_bogdanov_given_names_are_a_contradiction(story) -> None:
    (conflict,) = [c for c in story.contradictions if c.kind == "name"]
    assert (conflict.about, conflict.kind) == ("ميخائيل بوغدانوف", "name")
    assert [(v.value, v.articles) for v in conflict.values] == [
        (
            "ميخائيل بوغدانوف",
            ("001_a72c5b70b15c2776", "002_408b543a26764ddd", "004_c80ef43e0c326550"),
        ),
        ("سيرغي بوغدانوف", ("000_a07f516d440c7618",)),
    ]
    assert [e.text for e in conflict.values[1].evidence] == ["سيرغي بوغدانوف"]
