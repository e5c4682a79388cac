"""Gold readers, the type map, the scorer, and a pinned floor on dev-split newswire."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.analyze.entities.tagger.combined import tag_words
from akhbar.analyze.entities.tagger.labels import spans_of
from akhbar.errors import InputError
from akhbar.eval.gold import (
    BLOCK_SENTENCES,
    GoldSentence,
    coarse_type,
    read_newsfane,
    read_wojood,
    split_newsfane,
)
from akhbar.eval.ner import (
    ARTICLE_SENTENCES,
    main,
    row_taggers,
    score_sentences,
    tag_as_akhbar,
    tag_passage_as_akhbar,
)

DATA = Path(__file__).parent / "data" / "ner"
SHARED_NER = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"
SHARED_NEWSFANE = SHARED_NER / "newsfane" / "newsfane-train.txt"
NEWSFANE = DATA / "newsfane-dev-sample.txt"
WOJOOD = DATA / "wojood-val-sample.txt"
# Micro-F1 of the shipped tagger on this 50-sentence fixture (107 entities; one entity is
# about 0.01): 0.69 when the floor was first pinned with the CRF alone, 0.72 with the CRF +
# network tagger. A drop below the floor means a regression.
NEWSFANE_FLOOR = 0.70
# The gate on NewsFANE's frozen test blocks (split_newsfane: never trained on, its errors
# never read, rules written from dev and ANT). The akhbar row scored 0.749 there the one time
# it was scored, at the end of issue 12's rebuild (tagger 0.758): the floor is that less two
# points, room for a retrain's noise. Below it, something broke.
TEST_BLOCKS_AKHBAR_FLOOR = 0.73


def test_newsfane_reader_tolerates_marks_and_crlf():
    sentences = read_newsfane(NEWSFANE)
    assert len(sentences) == 50
    assert sentences[0].tokens[:4] == ("قال", "الباحث", "العلمي", "الفلكي")
    assert all("\u200e" not in token and "\r" not in token for s in sentences for token in s.tokens)
    assert {label.split("-")[-1] for s in sentences for label in s.labels} <= {
        "O",
        "PER",
        "LOC",
        "ORG",
    }


def test_type_map():
    assert [coarse_type(t) for t in ("Politician", "Athlete", "Police", "Religious_PER")] == [
        "PER"
    ] * 4
    assert [coarse_type(t) for t in ("Nation", "Population-Center", "Airport", "GPE", "FAC")] == [
        "LOC"
    ] * 5
    assert [coarse_type(t) for t in ("Government", "Media", "Sports", "ORG")] == ["ORG"] * 4
    assert [coarse_type(t) for t in ("Group", "Land", "Book", "NORP", "OCC", "DATE")] == [None] * 6


def test_wojood_nested_tags_keep_the_outermost_coarse_span(tmp_path):
    gold = tmp_path / "w.txt"
    gold.write_text(
        "مجلس B-ORG\nالأمن I-ORG\nضد I-ORG\nالأسد I-ORG B-PERS\n\n"
        "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n",
        encoding="utf-8",
    )
    first, second = read_wojood(gold)
    assert first.labels == ("B-ORG", "I-ORG", "I-ORG", "I-ORG")
    assert second.labels == ("O", "B-ORG", "I-ORG", "O", "B-LOC")
    assert len(read_wojood(WOJOOD)) == 20


def test_bad_line_names_the_file_and_line(tmp_path):
    gold = tmp_path / "bad.txt"
    gold.write_text("بوتين\tB-Politician\nروسيا\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt:2"):
        read_newsfane(gold)


def test_scores_are_exact_span_and_type():
    gold = [
        GoldSentence(
            ("قال", "فلاديمير", "بوتين", "في", "موسكو"), ("O", "B-PER", "I-PER", "O", "B-LOC")
        )
    ]
    predicted = [("O", "O", "B-PER", "O", "B-ORG")]
    scores = score_sentences(gold, predicted)
    assert (scores.micro.correct, scores.micro.predicted, scores.micro.gold) == (0, 2, 2)
    perfect = score_sentences(gold, [gold[0].labels])
    assert (perfect.micro.precision, perfect.micro.recall, perfect.micro.f1) == (1.0, 1.0, 1.0)
    assert spans_of(gold[0].labels) == ((1, 3, "PER"), (4, 5, "LOC"))


def test_newsfane_portions_are_whole_blocks_and_the_frozen_test_closes_the_file():
    sentences = read_newsfane(SHARED_NEWSFANE)
    split = split_newsfane(sentences)
    portions = (split.train, split.dev, split.check, split.test)
    assert sum(map(len, portions)) == len(sentences)
    index = {id(sentence): n for n, sentence in enumerate(sentences)}
    positions = [{index[id(s)] for s in portion} for portion in portions]
    assert all(a.isdisjoint(b) for n, a in enumerate(positions) for b in positions[n + 1 :])
    blocks = [{n // BLOCK_SENTENCES for n in portion} for portion in positions]
    assert all(a.isdisjoint(b) for n, a in enumerate(blocks) for b in blocks[n + 1 :])
    # check, then test, close the file (its dev blocks aside); train comes before both.
    assert max(positions[0]) < min(positions[2]) and max(positions[2]) < min(positions[3])
    last = (len(sentences) - 1) // BLOCK_SENTENCES
    assert {n for n in range(min(blocks[3]), last + 1)} == blocks[3] | (
        blocks[1] & set(range(min(blocks[3]), last + 1))
    )
    assert split_newsfane(sentences) == split


def test_tagger_clears_the_floor_on_held_out_newswire():
    sentences = read_newsfane(NEWSFANE)
    scores = score_sentences(sentences, [tag_words(s.tokens) for s in sentences])
    assert scores.micro.f1 >= NEWSFANE_FLOOR


def _rows_f1(sentences, rows=("tagger", "akhbar")) -> dict[str, float]:
    taggers = row_taggers(ARTICLE_SENTENCES)
    tokens = [sentence.tokens for sentence in sentences]
    return {row: score_sentences(sentences, taggers[row](tokens)).micro.f1 for row in rows}


@pytest.mark.skipif(not SHARED_NEWSFANE.exists(), reason="needs ../shared/data/ner")
def test_akhbar_clears_the_floor_on_the_frozen_test_blocks():
    test = split_newsfane(read_newsfane(SHARED_NEWSFANE)).test
    assert _rows_f1(test, ("akhbar",))["akhbar"] >= TEST_BLOCKS_AKHBAR_FLOOR


@pytest.mark.skipif(not SHARED_NEWSFANE.exists(), reason="needs ../shared/data/ner")
def test_the_rules_earn_their_place_on_the_check_blocks():
    """Rules are kept for what they are worth on the check blocks (never read), so there the
    akhbar row (tagger + rules) may not fall below the tagger alone. (On the test blocks it
    does, by 0.009: see README, "Named entities".)"""
    check = split_newsfane(read_newsfane(SHARED_NEWSFANE)).check
    scores = _rows_f1(check)
    assert scores["akhbar"] >= scores["tagger"]


def test_cli_prints_per_type_and_micro(capsys):
    assert main(["--gold", str(NEWSFANE)]) == 0
    out = capsys.readouterr().out
    for row in ("PER", "LOC", "ORG", "micro"):
        assert f"  {row}" in out


def test_cli_reports_a_missing_file(capsys, tmp_path):
    assert main(["--gold", str(tmp_path / "none.txt")]) == 1
    assert "none.txt" in capsys.readouterr().err


def test_a_tag_that_is_not_bio_names_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("بوتين\tB-Politician\nيهاتف\tverb\textra\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt:2") as error:
        read_newsfane(bad)
    assert "is not O, B-TYPE or I-TYPE" in str(error.value)


def test_an_empty_gold_file_is_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no sentences"):
        read_newsfane(empty)


def test_akhbar_entities_are_scored_on_gold_tokens():
    tokens = ("قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "ل", "وكالة", "رويترز", "في", "موسكو")
    assert tag_as_akhbar(tokens) == (
        "O", "O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "O", "B-LOC"
    )  # fmt: skip


def test_sentences_read_as_one_article_share_their_names():
    # seed 002, split into gold-style tokens: "الشرع" alone is al-Sharaa once the article has
    # named "أحمد الشرع"; read alone, the second sentence gives no name.
    first = ("استقبل", "الرئيس", "السوري", "أحمد", "الشرع", "الوفد", "الروسي", ".")
    second = ("و", "قال", "الشرع", "إن", "اللقاء", "كان", "إيجابيا", ".")
    assert tag_as_akhbar(second) == ("O",) * 8
    assert tag_passage_as_akhbar([first, second]) == [
        ("O", "O", "O", "B-PER", "I-PER", "O", "O", "O"),
        ("O", "O", "B-PER", "O", "O", "O", "O", "O"),
    ]


def test_cli_refuses_an_article_of_no_sentences(capsys):
    with pytest.raises(SystemExit):
        main(["--gold", str(NEWSFANE), "--only", "article", "--article", "0"])
    assert "--article must be 1 or more, not 0" in capsys.readouterr().err


def test_cli_prints_the_crf_the_network_the_tagger_and_akhbar(capsys):
    assert main(["--gold", str(NEWSFANE)]) == 0
    out = capsys.readouterr().out
    for row in ("crf", "network", "tagger", "akhbar", "article"):
        assert f"{NEWSFANE} ({row})" in out


def test_cli_scores_only_the_rows_asked_for(capsys):
    assert main(["--gold", str(NEWSFANE), "--only", "network"]) == 0
    out = capsys.readouterr().out
    assert f"{NEWSFANE} (network)" in out and "(crf)" not in out and "(akhbar)" not in out
