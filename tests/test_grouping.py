"""The first grouping: the five seeds are one story; unrelated ANT articles are not in it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from akhbar.corpus import GroupingConfig, group_stories
from akhbar.corpus.background import load_background
from akhbar.errors import ConfigError
from akhbar.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
UNRELATED = Path(__file__).parent / "data" / "corpus" / "ant_unrelated.jsonl"


@pytest.fixture(scope="module")
def analyses():
    result = read_articles([str(SEEDS), str(UNRELATED)])
    assert result.skipped == ()
    return analyze_articles(result.articles)


def test_seeds_form_one_story_and_unrelated_articles_stay_apart(analyses) -> None:
    assert group_stories(analyses) == (
        (
            "000_a07f516d440c7618",
            "001_a72c5b70b15c2776",
            "002_408b543a26764ddd",
            "003_7e57f8d70e9d2bf3",
            "004_c80ef43e0c326550",
        ),
        ("ant:BB-culture-10-20180211",),
        ("ant:BB-economy-103-20180413",),
        ("ant:BB-sport-10-20180212",),
    )


def test_grouping_is_the_same_whatever_the_input_order(analyses) -> None:
    forward = {frozenset(group) for group in group_stories(analyses)}
    backward = {frozenset(group) for group in group_stories(analyses[::-1])}
    assert forward == backward


def test_a_threshold_of_one_keeps_every_article_apart(analyses) -> None:
    assert len(group_stories(analyses, config=GroupingConfig(threshold=1.0))) == len(analyses)


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_a_threshold_outside_0_1_is_refused(threshold: float) -> None:
    with pytest.raises(ConfigError, match="outside"):
        GroupingConfig(threshold=threshold)


def test_articles_too_far_apart_in_time_are_not_grouped(analyses) -> None:
    seed = next(a for a in analyses if a.article.id == "001_a72c5b70b15c2776")
    dated = [
        dataclasses.replace(
            seed, article=dataclasses.replace(seed.article, id=name, published=published)
        )
        for name, published in (
            ("2025", dt.date(2025, 2, 13)),
            ("2025-later", dt.date(2025, 3, 1)),
            ("2018", dt.date(2018, 2, 13)),
        )
    ]
    assert group_stories(dated) == (("2025", "2025-later"), ("2018",))
    assert group_stories(dated, config=GroupingConfig(max_days_apart=None)) == (
        ("2025", "2025-later", "2018"),
    )


def test_shipped_background_frequencies_load() -> None:
    background = load_background()
    assert background.documents == 30044
    assert background.frequencies["سوري"] > 1000


def test_a_broken_background_file_names_the_fix(tmp_path: Path) -> None:
    broken = tmp_path / "background_df.tsv.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(ConfigError, match=r"build_background_df\.py"):
        load_background(broken)
