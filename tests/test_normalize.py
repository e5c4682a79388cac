"""The key form: every documented fold, and properties of the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.arabic.normalize import key_with_offsets, to_key


@pytest.mark.parametrize(
    ("display", "key"),
    [
        ("أحمد", "احمد"),  # alef with hamza above
        ("إبريل", "ابريل"),  # alef with hamza below
        ("آذار", "اذار"),  # alef with madda
        ("ٱلله", "الله"),  # alef wasla
        ("مؤتمر", "موتمر"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on yeh
        ("إلى", "الي"),  # alef maqsura
        ("سورية", "سوريه"),  # teh marbuta
        ("ی", "ي"),  # Persian yeh
        ("ک", "ك"),  # Persian kaf
        ("ھ", "ه"),  # heh doachashmee
        ("ڤلاديمير", "فلاديمير"),  # veh, for a foreign v
        ("پوتين", "بوتين"),  # peh
        ("چ ژ گ ڨ ڭ", "ج ز ك ق ك"),  # tcheh, jeh, gaf, Maghrebi qaf and kaf for a foreign g
        ("الـشـرع", "الشرع"),  # tatweel
        ("سُورِيّا", "سوريا"),  # harakat and shadda
        ("هٰذا", "هذا"),  # superscript alef
        ("٢٠٢٥", "2025"),  # Arabic-Indic digits
        ("۱۲", "12"),  # Persian digits
        ("“خبر مباشر“", '"خبر مباشر"'),  # curly double quotes
        ("«الحدث»", '"الحدث"'),  # guillemets
        ("‘x’", "'x'"),  # curly single quotes
        ("ﻻ", "لا"),  # lam-alef ligature
        ("ﺑﻮﺗﻴﻦ", "بوتين"),  # presentation forms
        ("بو\u200eتين", "بوتين"),  # left-to-right mark
        ("بو\u200fتين", "بوتين"),  # right-to-left mark
        ("بو\u200bتين", "بوتين"),  # zero-width space
        ("بو\u200cتين", "بوتين"),  # zero-width non-joiner
        ("بو\u200dتين", "بوتين"),  # zero-width joiner
        ("بو\u061ctين".replace("t", "ت"), "بوتين"),  # Arabic letter mark
        ("CNN", "cnn"),  # Latin case
        ("a\u00a0b", "a b"),  # no-break space
    ],
)
def test_documented_folds(display, key):
    assert to_key(display) == key


_ARABICISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFC),
        st.sampled_from(list("“”«»\"' \n.،ـ\u200e\u200f\u200b\u200c\u200d\u061cAbc123")),
    ),
    max_size=40,
)
_ANY = st.one_of(_ARABICISH, st.text(max_size=30))


@settings(max_examples=400, deadline=None)
@given(_ANY)
def test_to_key_is_idempotent(text):
    assert to_key(to_key(text)) == to_key(text)


@settings(max_examples=400, deadline=None)
@given(_ANY)
def test_key_with_offsets_agrees_and_origin_is_monotonic(text):
    keyed = key_with_offsets(text)
    assert keyed.key == to_key(text)
    assert len(keyed.origin) == len(keyed.key) + 1
    assert keyed.origin[-1] == len(text)
    assert list(keyed.origin) == sorted(keyed.origin)
    assert all(0 <= o <= len(text) for o in keyed.origin)


@settings(max_examples=300, deadline=None)
@given(_ANY, st.data())
def test_key_substring_maps_to_display_span_that_produces_it(text, data):
    keyed = key_with_offsets(text)
    if not keyed.key:
        return
    i = data.draw(st.integers(0, len(keyed.key) - 1))
    j = data.draw(st.integers(i + 1, len(keyed.key)))
    start, end = keyed.display_span(i, j)
    assert 0 <= start < end <= len(text)
    # The display span, folded, holds the key substring.
    assert keyed.key[i:j] in to_key(text[start:end])


def test_display_span_includes_trailing_marks():
    keyed = key_with_offsets("قال الشرعَ اليوم")
    i = keyed.key.index("الشرع")
    assert keyed.display_span(i, i + 5) == (4, 10)
