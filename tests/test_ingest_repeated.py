"""Repeated-line learning on real CNN Arabic articles from ANT sharing a disclaimer footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.ingest import IngestConfig, ingest, learn_repeated_lines, strip_repeated_lines
from akhbar.model import BoilerplateLine

FEED = Path(__file__).parent / "data" / "ingest" / "ant_cnn_footer.jsonl"
FOOTER = (
    "ويشار إلى أن موقع CNN بالعربية لا يمكنه التأكد بشكل مستقل من الأنباء والمعلومات التي يتم "
    "تناقلها عبر وسائل التواصل الاجتماعي"
)
FOOTER_KEY = (
    "ويشار الي ان موقع cnn بالعربيه لا يمكنه التاكد بشكل مستقل من الانباء والمعلومات التي يتم "
    "تناقلها عبر وسايل التواصل الاجتماعي"
)


def test_footer_learned_and_moved_to_boilerplate() -> None:
    result = ingest([str(FEED)])
    assert len(result.articles) == 8
    stripped = [a for a in result.articles if any(b.reason == "repeated" for b in a.boilerplate)]
    assert stripped == [
        a for a in result.articles if a.id in {article.id for article in result.articles[1:6]}
    ]
    first = result.articles[1]
    assert first.boilerplate == (BoilerplateLine(FOOTER, "repeated", 3),)
    assert result.articles[2].boilerplate == (BoilerplateLine(FOOTER + ".", "repeated", 3),)
    assert FOOTER not in first.text
    assert first.line_numbers == (1, 2)
    # the one variant spelled "التقارير" occurs once: it stays
    assert "والتقارير التي يتم تناقلها" in result.articles[0].text


def test_learned_keys_and_thresholds() -> None:
    articles = ingest([str(FEED)], config=IngestConfig(learn_repeated=False)).articles
    assert learn_repeated_lines(articles) == {"CNN": frozenset({FOOTER_KEY})}
    # four sharing articles are under the 5-article floor: nothing is learned
    assert learn_repeated_lines(articles[1:5]) == {}
    # the same text filed twice counts once
    assert learn_repeated_lines([*articles[1:5], articles[1]]) == {}
    strict = IngestConfig(repeated_min_share=0.9)
    assert learn_repeated_lines(articles, config=strict) == {}


def test_strip_leaves_other_outlets_and_titles() -> None:
    articles = ingest([str(FEED)], config=IngestConfig(learn_repeated=False)).articles
    other = articles[7]
    assert strip_repeated_lines(other, {"CNN": frozenset({FOOTER_KEY})}) == other
    assert strip_repeated_lines(articles[1], {"BBC": frozenset({FOOTER_KEY})}) == articles[1]


@pytest.mark.parametrize("share", [0.0, 1.5])
def test_bad_share_is_a_config_error(share: float) -> None:
    from akhbar.errors import ConfigError

    with pytest.raises(ConfigError, match=r"repeated_min_share="):
        IngestConfig(repeated_min_share=share)
