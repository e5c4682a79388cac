"""Tokens, clitic stripping and stem keys on real seed words."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.arabic.normalize import to_key
from akhbar.arabic.stems import stem_keys
from akhbar.arabic.tokens import base_words, strip_clitics, tokenize


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("وبوتين", "بوتين"),
        ("لبوتين", "بوتين"),
        ("بالشرع", "شرع"),
        ("وسوريا", "سوريا"),
        ("للرئيس", "رييس"),
        ("والتعاون", "تعاون"),
        ("وبالتعاون", "تعاون"),
        ("فللرئيس", "رييس"),
        ("كالعادة", "عاده"),
        ("وأضاف", "اضاف"),
        ("ولبنان", "لبنان"),
        ("وهو", "هو"),
    ],
)
def test_clitics_are_stripped(word, base):
    assert strip_clitics(to_key(word)) == base


@pytest.mark.parametrize(
    "word", ["لبنان", "بوتين", "فلاديمير", "كامل", "والي", "واشنطن", "بعد", "الله", "لدى"]
)
def test_letters_of_the_word_are_kept(word):
    assert strip_clitics(to_key(word)) == to_key(word)


def test_short_remainders_are_not_stripped():
    # ب + ال + "غ" would leave one letter; "بل" and "كل" are whole words.
    assert strip_clitics("بل") == "بل"
    assert strip_clitics("كل") == "كل"
    assert strip_clitics("لم") == "لم"


def test_tokenize_seed_sentence():
    text = "وأفاد المتحدث باسم الكرملين، دميتري بيسكوف، بأن بوتين أكّد في 12 فبراير/ شباط"
    result = tokenize(text)
    assert [t.surface for t in result] == [
        "وأفاد", "المتحدث", "باسم", "الكرملين", "دميتري", "بيسكوف", "بأن", "بوتين",
        "أكّد", "في", "12", "فبراير", "شباط",
    ]  # fmt: skip
    assert result[8].key == "اكد"
    assert result[0].base == "افاد"
    assert result[3].base == "كرملين"
    assert (result[10].start, result[10].end) == (62, 64)


def test_tokenize_scripts_numbers_and_marks():
    result = tokenize("الـ16 في 3.5% من aboutmsr.com #عاصي_الحلاني سُورِيّة ٢٠٢٥")
    assert [t.surface for t in result] == [
        "الـ", "16", "في", "3.5", "من", "aboutmsr", "com", "عاصي", "الحلاني", "سُورِيّة", "٢٠٢٥",
    ]  # fmt: skip
    assert result[-2].key == "سوريه"
    assert result[-1].key == "2025"


def test_invisible_mark_inside_word_does_not_split_it():
    result = tokenize("في فبرا\u202d\u202cير الماضي")
    assert [t.key for t in result] == ["في", "فبراير", "الماضي"]


_TEXT = st.text(
    alphabet=st.sampled_from(list('بوتينالشرعللرئيسأإآىة ًّـ،."3٥ab\u200f\u202c-\n')), max_size=60
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_token_offsets_slice_back(text):
    previous_end = 0
    for token in tokenize(text):
        assert text[token.start : token.end] == token.surface
        assert token.key == to_key(token.surface)
        assert token.base == strip_clitics(token.key)
        assert token.start >= previous_end
        previous_end = token.end


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('بوتينالشرعللرئيسأإآىة ًّـ،."\u200f\u202c\n')), max_size=60)
)
def test_base_words_equal_token_bases(text):
    # Equal for Arabic text; a mark between two digits ("3ً3") is where the two may differ.
    assert base_words(text) == [t.base for t in tokenize(text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("وفبكلالشرعتين")), min_size=1, max_size=10))
def test_strip_clitics_keeps_two_letters_and_is_a_suffix(word):
    base = strip_clitics(word)
    assert word.endswith(base)
    assert len(base) >= min(2, len(word))


def test_stem_keys_drop_stopwords_and_clitics():
    assert stem_keys("وأرسل بوتين رسالة إلى الشرع، التي دعا فيها إلى التعاون") == (
        "ارسل", "وتين", "رسال", "شرع", "دعا", "تعاون",
    )  # fmt: skip
    # The same word with and without clitics gives the same key.
    assert stem_keys("بوتين") == stem_keys("وبوتين") == stem_keys("لبوتين")
    assert stem_keys("سورية") == stem_keys("وسوريا")[:0] + stem_keys("سورية")


def test_stem_keys_deterministic_and_picklable_across_calls():
    text = "بحث الرئيس الروسي فلاديمير بوتين مع الرئيس السوري أحمد الشرع العلاقات الثنائية"
    first = stem_keys(text)
    assert pickle.loads(pickle.dumps(first)) == first == stem_keys(text)
    assert "فلاديمير" not in first or first.count("فلاديمير") == 1
