"""Text that used to make analysis slow or large: each finishes with the result it should give.

Time and memory per MB are measured by ``benchmarks/analyze.py`` (never timed here): since a
run of text with no sentence end is cut every ``MAX_SENTENCE_WORDS`` words, the work per
sentence is bounded and an article's grows with its length.
"""

from __future__ import annotations

from collections import Counter

from akhbar.analyze import analyze_article
from akhbar.arabic.sentences import MAX_SENTENCE_WORDS, split_sentences
from akhbar.model import Article

# Seed 000's opening, without its punctuation: ten words, so every cut falls between copies.
PHRASE = "وقال الرئيس الروسي فلاديمير بوتين في رسالة إلى الرئيس السوري"


def test_a_megabyte_without_punctuation_is_read_in_bounded_sentences() -> None:
    copies = 25 * 640  # 16,000 copies: 1.0 MB of UTF-8
    text = " ".join([PHRASE] * copies)
    assert len(text.encode()) > 1_000_000
    analysis = analyze_article(Article(id="long", source="long", text=text))
    assert len(analysis.sentences) == copies * 10 // MAX_SENTENCE_WORDS
    assert all(len(s.text.split()) == MAX_SENTENCE_WORDS for s in analysis.sentences)
    found = Counter((m.type, m.name) for m in analysis.entities)
    assert found == {("PER", "فلاديمير بوتين"): copies, ("OCC", "الرئيس الروسي"): copies}
    assert all(text[m.span.start : m.span.end] == m.surface for m in analysis.entities)


def test_a_hundred_thousand_clitic_words_are_one_word_read_many_times() -> None:
    text = " ".join(["وبالشرع"] * 100_000)
    analysis = analyze_article(Article(id="clitics", source="clitics", text=text))
    assert len(analysis.sentences) == 100_000 // MAX_SENTENCE_WORDS
    assert (analysis.entities, analysis.times, analysis.quotes) == ((), (), ())


def test_lines_of_marks_alone_hold_no_sentence() -> None:
    harakat = "\u064e\u200b\u0651" * 100_000  # fatha, zero-width space, shadda
    invisible = "\u200b\u200c\u200f" * 100_000
    text = f"{harakat}\n{invisible}"
    assert split_sentences(text) == ()
    analysis = analyze_article(Article(id="marks", source="marks", text=text))
    assert (analysis.sentences, analysis.entities, analysis.times) == ((), (), ())


def test_a_long_real_sentence_is_cut_between_words_and_loses_none() -> None:
    words = (PHRASE + " ") * 30
    (first, second) = split_sentences(words)
    assert len(first.text.split()) == MAX_SENTENCE_WORDS
    assert first.text.split() + second.text.split() == words.split()
