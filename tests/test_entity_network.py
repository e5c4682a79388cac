"""The neural NER tagger (numpy and ONNX Runtime), and its combination with the CRF."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.analyze.entities.tagger import network as entity_network
from akhbar.analyze.entities.tagger.combined import combine_marginals, tag_forms, tag_sentences
from akhbar.analyze.entities.tagger.features import lexicon_features, word_forms
from akhbar.analyze.entities.tagger.network import (
    MAX_CHARS,
    char_window,
    load_network,
    sentence_scores,
    shipped_network,
)
from akhbar.errors import ConfigError

LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
# From the seed articles (Sky News Arabia, RT Arabic) and a NewsFANE-style sentence.
SENTENCES = (
    "وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين إن الرئيس فلاديمير بوتين أجرى اتصالا هاتفيا",
    "وصل نائب وزير الخارجية الروسي ميخائيل بوغدانوف إلى دمشق",
    "نقلت وكالة ريا نوفوستي عن مصدر",
    "حميميم",
    "شارك في الاجتماع وزير الدفاع السوري المؤقت مرهف أبو قصرة إلى جانب وزير الخارجية أسعد الشيباني"
    " وممثلين عن وزارات الاقتصاد والطاقة والصحة في الحكومة السورية الانتقالية برئاسة أحمد الشرع",
)


def _forms(sentence: str) -> tuple[tuple[str, str], ...]:
    return word_forms(sentence.split())


def test_an_article_scored_at_once_equals_its_sentences_scored_alone():
    network = shipped_network()
    sentences = [_forms(s) for s in SENTENCES]
    together = sentence_scores(network, sentences)
    for forms, scores in zip(sentences, together, strict=True):
        assert scores.shape == (len(network.heads), len(forms), len(network.labels))
        np.testing.assert_allclose(scores, sentence_scores(network, [forms])[0], atol=1e-4)


def test_an_empty_sentence_among_others_gets_no_scores():
    network = shipped_network()
    scores = sentence_scores(network, [(), _forms(SENTENCES[3]), ()])
    assert [s.shape[1] for s in scores] == [0, 1, 0]
    assert tag_sentences([(), _forms(SENTENCES[3])]) == [(), ("B-LOC",)]


def test_the_seed_people_places_and_organisations():
    assert tag_forms(_forms(SENTENCES[1])) == (
        "O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "B-LOC"
    )  # fmt: skip


def _plain_lstm(inputs, input_weight, hidden_weight, bias):
    """Textbook LSTM, one token at a time (PyTorch gate order), to check the batched one."""
    size = hidden_weight.shape[1]
    hidden, cell, out = np.zeros(size), np.zeros(size), []
    for row in inputs:
        gates = input_weight @ row + hidden_weight @ hidden + bias
        i, f, g, o = np.split(gates, 4)
        i, f, o = (1 / (1 + np.exp(-x)) for x in (i, f, o))
        cell = f * cell + i * np.tanh(g)
        hidden = o * np.tanh(cell)
        out.append(hidden)
    return np.array(out)


def _random_network(tmp_path, *, heads: int = 2, drop: str = "") -> str:
    """A small network with seeded random weights, written as the training script writes it."""
    rng = np.random.default_rng(5)
    words = ["<pad>", "<unk>", "بوتين", "روسيا", "قال"]
    chars = ["<pad>", "<unk>", *sorted(set("بوتينروسياقال"))]
    features = ["<pad>", "shape=arabic", "Lgiven", "clitic="]
    size, char_dims, filters, feature_dims = 6, 4, 5, 3
    width = 8 + filters + feature_dims

    def r(*shape):
        return rng.normal(0, 0.5, shape).astype(np.float32)

    arrays = {
        "words": np.array("\n".join(words)),
        "chars": np.array("\n".join(chars)),
        "features": np.array("\n".join(features)),
        "labels": np.array("\n".join(LABELS)),
        "word_vectors": r(len(words), 8).astype(np.float16),
    }
    for head in range(heads):
        arrays |= {
            f"head{head}.{name}": value
            for name, value in {
                "char_vectors": r(len(chars), char_dims),
                "char_filters": r(3 * char_dims, filters),
                "char_bias": r(filters),
                "feature_vectors": r(len(features), feature_dims),
                "forward_input": r(4 * size, width),
                "forward_hidden": r(4 * size, size),
                "forward_bias": r(4 * size),
                "backward_input": r(4 * size, width),
                "backward_hidden": r(4 * size, size),
                "backward_bias": r(4 * size),
                "output_weight": r(len(LABELS), 2 * size),
                "output_bias": r(len(LABELS)),
                "transitions": r(len(LABELS), len(LABELS)),
                "start": r(len(LABELS)),
                "end": r(len(LABELS)),
            }.items()
        }
    arrays.pop(drop, None)
    path = tmp_path / "network.npz"
    np.savez_compressed(path, **arrays)
    return str(path)


def test_the_onnx_lstm_equals_a_textbook_lstm_in_both_directions_of_every_head(tmp_path):
    network = load_network(_random_network(tmp_path))
    assert len(network.heads) == 2
    sentences = [_forms("قال بوتين إن روسيا"), _forms("وبوتين"), _forms("قال الكرملين اليوم")]
    batched = sentence_scores(network, sentences)
    for forms, scores in zip(sentences, batched, strict=True):
        words = network.word_vectors[
            [network.words.get(base, network.words.get(key, 1)) for key, base in forms]
        ]
        chars = entity_network._char_ids(network, forms)
        features = [
            [network.features[name] for name in names if name in network.features]
            for names in lexicon_features(forms)
        ]
        for head, head_scores in zip(network.heads, scores, strict=True):
            inputs = np.concatenate(
                [
                    words,
                    entity_network._char_vectors(head, chars),
                    entity_network._feature_vectors(head, features),
                ],
                axis=1,
            )
            ahead = _plain_lstm(
                inputs, head["forward_input"], head["forward_hidden"], head["forward_bias"]
            )
            behind = _plain_lstm(
                inputs[::-1], head["backward_input"], head["backward_hidden"], head["backward_bias"]
            )[::-1]
            states = np.concatenate([ahead, behind], 1)
            expected = states @ head["output_weight"].T + head["output_bias"]
            np.testing.assert_allclose(head_scores, expected, atol=1e-5)


def test_head_marginals_sum_to_one_and_follow_the_scores(tmp_path):
    network = load_network(_random_network(tmp_path, heads=1))
    scores = sentence_scores(network, [_forms("قال بوتين إن روسيا")])[0]
    marginals = entity_network.network_marginals(network, scores)
    np.testing.assert_allclose(marginals.sum(axis=1), 1.0, atol=1e-5)
    # Brute force over all 7^2 paths of a two-token sentence gives the same marginals.
    head, two = network.heads[0], scores[0][:2]
    totals = np.zeros((len(LABELS), len(LABELS)))
    for a in range(len(LABELS)):
        for b in range(len(LABELS)):
            totals[a, b] = np.exp(
                head["start"][a]
                + two[0, a]
                + head["transitions"][a, b]
                + two[1, b]
                + head["end"][b]
            )
    np.testing.assert_allclose(
        entity_network.head_marginals(head, two)[0], totals.sum(1) / totals.sum(), atol=1e-5
    )


def test_a_long_word_is_read_by_its_first_and_last_characters():
    assert char_window("بوتين") == "بوتين"
    long = "والمستشفياتالحكوميةالكبرى"
    assert char_window(long) == long[:8] + long[-8:]
    assert len(char_window(long)) == MAX_CHARS


def test_a_missing_or_broken_network_says_how_to_build_it(tmp_path, monkeypatch):
    with pytest.raises(ConfigError, match=r"lacks head1\.transitions"):
        load_network(_random_network(tmp_path, drop="head1.transitions"))
    misshapen = dict(np.load(_random_network(tmp_path), allow_pickle=False))
    misshapen["head0.forward_hidden"] = misshapen["head0.forward_hidden"][:, :-1]
    np.savez(tmp_path / "misshapen.npz", **misshapen)
    with pytest.raises(ConfigError, match=r"misshapen\.npz cannot be run"):
        load_network(tmp_path / "misshapen.npz")
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a network")
    with pytest.raises(ConfigError, match=r"broken\.npz cannot be read"):
        load_network(broken)
    entity_network.shipped_network.cache_clear()
    monkeypatch.setattr(entity_network, "network_path", lambda: tmp_path / "none.npz")
    try:
        with pytest.raises(ConfigError, match=r"none\.npz is missing.*train_ner_network\.py"):
            shipped_network()
    finally:
        monkeypatch.undo()
        entity_network.shipped_network.cache_clear()


_MARGINALS = st.integers(1, 12).flatmap(
    lambda n: st.lists(
        st.lists(st.floats(0.0, 1.0), min_size=len(LABELS), max_size=len(LABELS)),
        min_size=n,
        max_size=n,
    )
)


@given(_MARGINALS, _MARGINALS)
def test_combined_labels_are_always_valid_bio(crf, network):
    length = min(len(crf), len(network))
    labels = combine_marginals(np.array(crf[:length]), np.array(network[:length]), LABELS)
    assert len(labels) == length
    for before, label in zip(("O", *labels), labels, strict=False):
        if label.startswith("I-"):
            assert before[2:] == label[2:]


def test_when_the_models_disagree_the_weighted_average_decides():
    def onehot(*labels):
        return np.array([[float(name == label) for name in LABELS] for label in labels])

    crf = onehot("B-PER", "I-PER", "O") * 0.6 + 0.4 / len(LABELS)
    network = onehot("B-LOC", "O", "O") * 0.9 + 0.1 / len(LABELS)
    assert combine_marginals(crf, network, LABELS, weight=0.5) == ("B-LOC", "O", "O")
    assert combine_marginals(crf, network, LABELS, weight=0.1) == ("B-PER", "I-PER", "O")
