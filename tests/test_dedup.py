"""Deduplication: real ANT copies are linked to the first copy, different write-ups are not."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.arabic.tokens import base_words
from akhbar.corpus.dedup import (
    DedupConfig,
    DuplicateIndex,
    exact_key,
    find_duplicates,
    signature,
)
from akhbar.corpus.lsh import optimal_bands
from akhbar.corpus.minhash import EMPTY_VALUE, shingle_hashes
from akhbar.errors import ConfigError, InputError

FIXTURE = Path(__file__).parent / "data" / "dedup" / "ant_duplicates.jsonl"
SENTENCE = "أعلن الكرملين أن الرئيس فلاديمير بوتين تلقى رسالة من الرئيس السوري أحمد الشرع"
EXPECTED = {
    "ant:CN-economy-195-20180814": "ant:CN-economy-187-20180814",
    "ant:FR-internationalNews-1255-20180514": "ant:FR-culture-73-20180514",
    "ant:SK-economy-515-20180509": "ant:SK-economy-510-20180509",
    "ant:SK-sport-194-20180309": "ant:AL-sport-506-20180309",
    "ant:SK-technology-926-20180618": "ant:SK-technology-925-20180618",
    "ant:SK-sport-725-20180415": "ant:AL-sport-1326-20180415",
    "ant:SK-sport-19-20180217": "ant:AL-sport-19-20180217",
    "ant:SK-economy-711-20180602": "ant:AL-internationalNews-1426-20180602",
}
SALAH = ("ant:SK-sport-1161-20180513", "ant:SK-sport-1153-20180513")


@pytest.fixture(scope="module")
def items() -> list[tuple[str, str]]:
    with FIXTURE.open(encoding="utf-8") as lines:
        return [(record["id"], record["text"]) for record in map(json.loads, lines)]


def test_real_copies_are_linked_to_the_earlier_article(items) -> None:
    assert find_duplicates(items) == EXPECTED


def test_every_identical_text_is_found(items) -> None:
    first: dict[str, str] = {}
    found = find_duplicates(items)
    for article_id, text in items:
        if text in first:
            assert found[article_id] == first[text]
        first.setdefault(text, article_id)
    assert len(first) == len(items) - 3


def test_key_form_hides_no_copy(items) -> None:
    texts = dict(items)
    hamza = texts["ant:SK-sport-194-20180309"], texts["ant:AL-sport-506-20180309"]
    assert hamza[0] != hamza[1]
    assert "الأعمال" in hamza[0] and "الاعمال" in hamza[1]
    assert exact_key(hamza[0]) == exact_key(hamza[1])


def test_two_writeups_of_one_event_are_not_duplicates_unless_the_threshold_drops(items) -> None:
    assert SALAH[0] not in find_duplicates(items)
    assert find_duplicates(items, config=DedupConfig(threshold=0.5))[SALAH[0]] == SALAH[1]


def test_exact_copy_wins_over_an_earlier_near_copy() -> None:
    words = [f"كلمة{index}" for index in range(60)]
    original = " ".join(words)
    edited = " ".join([*words, "وأضاف"])  # one word appended: one shingle more
    index = DuplicateIndex()
    assert index.add("w", original) is None
    assert index.add("x", edited) == "w"
    assert index.add("y", edited) == "x"


def test_signature_is_pinned_and_the_same_for_text_and_words() -> None:
    values = signature(SENTENCE)
    assert values.dtype == np.uint32 and values.shape == (128,)
    # Repinned when the token contract kept "الكرملين" whole (its base had been كرملين).
    assert values[:6].tolist() == [72975991, 43848533, 33977496, 90187191, 402221297, 291385003]
    assert np.array_equal(values, signature(base_words(SENTENCE)))
    assert shingle_hashes(["بوتين"], 5).tolist() == [3446098547]


def test_empty_text_is_nobodys_duplicate() -> None:
    index = DuplicateIndex()
    assert index.add("a", "") is None
    assert index.add("b", "  \n") is None
    assert index.add("c", "...") is None
    assert (signature("") == EMPTY_VALUE).all()


def test_an_id_added_twice_is_refused() -> None:
    index = DuplicateIndex()
    index.add("a", SENTENCE)
    with pytest.raises(InputError, match=r"^a: added to the duplicate index twice"):
        index.add("a", SENTENCE)


def test_bands_follow_datasketch_optimal_param() -> None:
    assert optimal_bands(0.8, 128) == (9, 13)
    assert optimal_bands(0.5, 128) == (25, 5)
    assert optimal_bands(0.9, 256) == (9, 28)
    # Tuned to the candidate threshold 0.4 (edited copies sit lower than 0.8): 42 x 3.
    assert DedupConfig().band_rows == (42, 3)
    assert DedupConfig(bands=16, rows=8).band_rows == (16, 8)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threshold": 1.5}, "threshold 1.5 is outside (0, 1]; give a Jaccard similarity"),
        ({"threshold": 0.0}, "threshold 0.0 is outside"),
        ({"num_perm": 1}, "num_perm 1 is outside [2, 1024]; use e.g. 128"),
        ({"shingle_size": 0}, "shingle_size 0 must be at least 1 word"),
        ({"bands": 4}, "bands=4 and rows=None: set both or neither"),
        ({"bands": 20, "rows": 8}, "bands=20 x rows=8 must be >= 1 each and use at most"),
        ({"false_positive_weight": 0.7}, "must be >= 0 and add up to 1"),
    ],
)
def test_config_names_the_value_and_the_fix(options, message) -> None:
    with pytest.raises(ConfigError) as raised:
        DedupConfig(**options)
    assert message in str(raised.value)


# Property tests: texts from a small vocabulary, so exact and near copies occur often.
VOCABULARY = ["قال", "بوتين", "الشرع", "روسيا", "سوريا", "الرئيس", "رسالة", "اتصال", "دمشق"]
texts = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30).map(" ".join)
streams = st.lists(texts, max_size=25).map(lambda ts: [(f"a{i}", t) for i, t in enumerate(ts)])


@settings(max_examples=60, deadline=None)
@given(streams)
def test_an_article_only_ever_duplicates_an_earlier_one(stream) -> None:
    order = {article_id: position for position, (article_id, _) in enumerate(stream)}
    for article_id, original in find_duplicates(stream).items():
        assert order[original] < order[article_id]


@settings(max_examples=60, deadline=None)
@given(texts, texts)
def test_the_same_text_twice_gives_the_first_id(first, other) -> None:
    index = DuplicateIndex()
    index.add("first", first)
    index.add("other", other)
    assert index.add("again", first) == "first"


@settings(max_examples=40, deadline=None)
@given(streams, st.integers(min_value=1, max_value=7))
def test_chunking_and_reruns_change_nothing(stream, chunk) -> None:
    one_shot = find_duplicates(stream)
    assert find_duplicates(stream) == one_shot
    index, chunked = DuplicateIndex(), {}
    for start in range(0, len(stream), chunk):
        for article_id, text in stream[start : start + chunk]:
            original = index.add(article_id, text)
            if original is not None:
                chunked[article_id] = original
    assert chunked == one_shot
    prefix = stream[: len(stream) // 2]
    assert find_duplicates(prefix) == {k: v for k, v in one_shot.items() if k in dict(prefix)}


ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-multisource.jsonl.gz"


def _ant_texts(*ids: str) -> list[str]:
    import gzip

    found: dict[str, str] = {}
    with gzip.open(ANT, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = record["text"]
    return [found[article_id] for article_id in ids]


@pytest.mark.skipif(not ANT.exists(), reason="needs ../shared/data")
def test_an_edited_agency_copy_is_a_duplicate() -> None:
    # NATO "does not want" an arms race: Sky News Arabia's copy, Al Arabiya's with a headline
    # of its own, a sentence cut and others reworded (Jaccard 0.48, far under 0.8).
    sky, arabiya = _ant_texts(
        "ant:SK-internationalNews-804-20180405", "ant:AL-internationalNews-797-20180405"
    )
    index = DuplicateIndex()
    assert index.add("sky", sky) is None
    assert index.add("arabiya", arabiya) == "sky"


@pytest.mark.skipif(not ANT.exists(), reason="needs ../shared/data")
def test_an_update_with_a_new_lead_over_the_old_text_is_no_duplicate() -> None:
    # Al Arabiya, 9 July 2018: Johnson resigns; 10 July: Hunt appointed, a new lead on top of
    # the whole earlier text. The earlier text lies within the later, but the later opens
    # with a new happening.
    johnson, hunt = _ant_texts(
        "ant:AL-internationalNews-1870-20180709", "ant:AL-internationalNews-1872-20180710"
    )
    assert johnson.strip()[-300:] in hunt  # the earlier article ends the later one
    index = DuplicateIndex()
    index.add("johnson", johnson)
    assert index.add("hunt", hunt) is None
