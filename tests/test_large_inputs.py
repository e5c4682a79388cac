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


def test_sentences_are_tagged_in_runs_of_bounded_tokens() -> None:
    from akhbar.analyze.entities.tagger.combined import _groups

    sentences = [[("w", "w")] * n for n in (3, 4, 2, 9, 1)]
    runs = [[len(s) for s in run] for run in _groups(sentences, 7)]
    assert runs == [[3, 4], [2], [9], [1]]  # a sentence longer than the run stands alone


def test_a_minhash_signature_of_many_shingles_is_the_minimum_over_all_of_them() -> None:
    import numpy as np

    from akhbar.corpus.minhash import permutations, signature_of_shingles

    shingles = np.random.default_rng(5).integers(0, 2**32, size=100_000, dtype=np.uint64)
    functions = permutations(128, 7)
    multipliers, offsets = functions
    with np.errstate(over="ignore"):
        whole = ((np.multiply.outer(shingles, multipliers) + offsets).min(axis=0) >> 32).astype(
            np.uint32
        )
    assert np.array_equal(signature_of_shingles(shingles, functions), whole)
    # Reversed, each function's minimum falls in another block and must carry over.
    assert np.array_equal(signature_of_shingles(shingles[::-1].copy(), functions), whole)
