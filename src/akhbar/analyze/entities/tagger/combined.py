"""The shipped NER tagger: a CRF and a neural network, combined; loaded once per process from
the package, never downloaded.

- The CRF (``models/ner-crf.bin``, python-crfsuite) reads sparse features: words, affixes,
  neighbours, lexicons (:mod:`akhbar.analyze.entities.tagger.features`); it runs with numpy
  (:mod:`akhbar.analyze.entities.tagger.crf`). Built by ``python scripts/train_ner.py``.
- The network (``models/ner-network.npz``, BiLSTM-CRF heads:
  :mod:`akhbar.analyze.entities.tagger.network`)
  reads word vectors trained on ANT, characters and the same lexicons. Built by
  ``python scripts/train_ner_network.py``.

Each gives every token a probability per label (CRF marginals); the tagger averages them,
``NETWORK_WEIGHT`` to the network, and takes the best BIO-valid label sequence. The two err
differently (the CRF trusts the words it saw in training, the network the company a word keeps
in the news), so the average beats both on the development split: see ``ner-network.json``.
All of an article's sentences, under the CRF and every head, go through one forward-backward
pass (:mod:`akhbar.analyze.entities.tagger.chain`).

Labels are coarse BIO (``B-PER``, ``I-LOC``, ``B-ORG``, ``O``; see
:mod:`akhbar.eval.gold` for the type map). Both models are trained on the same data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from akhbar.analyze.entities.tagger.chain import (
    ChainModel,
    best_paths,
    best_valid_paths,
    chain_marginals,
)
from akhbar.analyze.entities.tagger.crf import CrfModel, crf_scores, model_path, shipped_crf
from akhbar.analyze.entities.tagger.features import word_forms
from akhbar.analyze.entities.tagger.network import (
    Network,
    head_chain,
    sentence_scores,
    shipped_network,
)

__all__ = [
    "NETWORK_WEIGHT",
    "combine_marginals",
    "crf_marginals",
    "crf_tags",
    "model_path",
    "tag_forms",
    "tag_sentences",
    "tag_words",
]

# The network's share of the averaged marginals, chosen on newsfane-dev
# (scripts/train_ner_network.py prints the dev figures of both).
NETWORK_WEIGHT = 0.67


def _crf_chain(crf: CrfModel) -> ChainModel:
    """crfsuite's linear chain has no start or end scores."""
    none = np.zeros(len(crf.labels))
    return ChainModel(crf.transitions, none, none)


def crf_tags(forms: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The CRF's own best labels (for evaluation: akhbar tags with :func:`tag_forms`)."""
    if not forms:
        return ()
    crf = shipped_crf()
    return best_paths(crf_scores(crf, [forms]), _crf_chain(crf), crf.labels)[0]


def crf_marginals(forms: Sequence[tuple[str, str]], labels: Sequence[str]) -> np.ndarray:
    """P(label of token t) under the CRF, tokens x ``labels`` (in that order)."""
    crf = shipped_crf()
    found = chain_marginals([_crf_chain(crf)], [crf_scores(crf, [forms])])[0][0]
    return _in_order(found, crf.labels, labels)


def _in_order(values: np.ndarray, have: Sequence[str], want: Sequence[str]) -> np.ndarray:
    """Columns of ``values`` (labelled ``have``) in the order ``want``; 0 for a label the
    model does not know."""
    out = np.zeros((len(values), len(want)), dtype=values.dtype)
    for column, label in enumerate(want):
        if label in have:
            out[:, column] = values[:, list(have).index(label)]
    return out


def combine_marginals(
    crf: np.ndarray, network: np.ndarray, labels: Sequence[str], weight: float = NETWORK_WEIGHT
) -> tuple[str, ...]:
    """The best BIO-valid labels under the weighted average of two models' marginals."""
    return best_valid_paths([weight * network + (1.0 - weight) * crf], labels)[0]


def tag_sentences(
    sentences: Sequence[Sequence[tuple[str, str]]], *, network: Network | None = None
) -> list[tuple[str, ...]]:
    """BIO labels of each sentence given each token's ``(key, base)``; an article's sentences
    go together.

    ``network``: another network than the shipped one (the training script scores its own).
    """
    network = network or shipped_network()
    kept = [forms for forms in sentences if forms]
    paths = iter(
        path for group in _groups(kept, _GROUP_TOKENS) for path in _tag_group(group, network)
    )
    return [next(paths) if forms else () for forms in sentences]


# Sentences are tagged in groups of about this many tokens: every model's scores and
# marginals of a group are held at once (about 3 KB a token), so an article of a million
# words is tagged in bounded memory rather than all together.
_GROUP_TOKENS = 20_000


def _groups(
    sentences: Sequence[Sequence[tuple[str, str]]], size: int
) -> Iterator[Sequence[Sequence[tuple[str, str]]]]:
    """Consecutive runs of ``sentences`` of at most ``size`` tokens (one longer sentence
    alone)."""
    start, tokens = 0, 0
    for end, forms in enumerate(sentences):
        if tokens and tokens + len(forms) > size:
            yield sentences[start:end]
            start, tokens = end, 0
        tokens += len(forms)
    if start < len(sentences):
        yield sentences[start:]


def _tag_group(
    kept: Sequence[Sequence[tuple[str, str]]], network: Network
) -> list[tuple[str, ...]]:
    """BIO labels of non-empty sentences, tagged together."""
    crf = shipped_crf()
    labels = network.labels
    heads = sentence_scores(network, kept)  # per sentence: heads x tokens x labels
    models = [_crf_chain(crf), *(head_chain(head) for head in network.heads)]
    scores = [crf_scores(crf, kept)] + [
        [found[head] for found in heads] for head in range(len(network.heads))
    ]
    crf_found, *head_found = chain_marginals(models, scores)
    combined = [
        NETWORK_WEIGHT * np.mean([found[row] for found in head_found], axis=0)
        + (1.0 - NETWORK_WEIGHT) * _in_order(crf_found[row], crf.labels, labels)
        for row in range(len(kept))
    ]
    return best_valid_paths(combined, labels)


def tag_forms(
    forms: Sequence[tuple[str, str]], *, network: Network | None = None
) -> tuple[str, ...]:
    """BIO labels of one sentence given each token's ``(key, base)``."""
    return tag_sentences([forms], network=network)[0]


def tag_words(words: Sequence[str]) -> tuple[str, ...]:
    """BIO labels of one sentence of already split words (as in gold files)."""
    return tag_forms(word_forms(words))
