"""The shipped NER tagger: a CRF and a neural network, combined; loaded once per process from
the package, never downloaded.

- The CRF (``models/ner-crf.bin``, python-crfsuite) reads sparse features: words, affixes,
  neighbours, lexicons (:mod:`akhbar.analyze.entity_features`). Built by
  ``python scripts/train_ner.py``.
- The network (``models/ner-network.npz``, a BiLSTM-CRF run with numpy:
  :mod:`akhbar.analyze.entity_network`) reads word vectors trained on ANT, characters and the
  same lexicons. Built by ``python scripts/train_ner_network.py``.

Each gives every token a probability per label (CRF marginals); the tagger averages them,
``NETWORK_WEIGHT`` to the network, and takes the best BIO-valid label sequence. The two err
differently (the CRF trusts the words it saw in training, the network the company a word keeps
in the news), so the average beats both on the development split: see ``ner-network.json``.

Labels are coarse BIO (``B-PER``, ``I-LOC``, ``B-ORG``, ``O``; see
:mod:`akhbar.analyze.entity_gold` for the type map). Both models are trained on the same data.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite

from akhbar.analyze.entity_features import sentence_features, word_forms
from akhbar.analyze.entity_network import (
    Network,
    network_marginals,
    sentence_scores,
    shipped_network,
    valid_path,
)
from akhbar.errors import ConfigError

__all__ = [
    "MODEL_FILE",
    "NETWORK_WEIGHT",
    "combine_marginals",
    "crf_marginals",
    "crf_tags",
    "model_path",
    "tag_forms",
    "tag_sentences",
    "tag_words",
]

MODEL_FILE = "ner-crf.bin"
# The network's share of the averaged marginals, chosen on newsfane-dev
# (scripts/train_ner_network.py prints the dev figures of both).
NETWORK_WEIGHT = 0.67
_FIX = "run `python scripts/train_ner.py` to build it"


def model_path() -> Path:
    """Where the package keeps the model file (it may not exist before training)."""
    return Path(str(resources.files("akhbar.analyze") / "models" / MODEL_FILE))


@cache
def _tagger() -> pycrfsuite.Tagger:
    # Opened on first use in each process; a forked or spawned worker opens its own, and no
    # model object ever holds it, so analyses stay picklable.
    path = model_path()
    if not path.is_file():
        raise ConfigError(f"NER model {path} is missing: {_FIX}")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as error:
        with contextlib.suppress(Exception):
            tagger.close()
        raise ConfigError(f"NER model {path} cannot be read ({error}): {_FIX}") from error
    if not tagger.labels():
        raise ConfigError(f"NER model {path} holds no labels: {_FIX}")
    return tagger


def crf_tags(forms: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The CRF's own best labels (for evaluation: akhbar tags with :func:`tag_forms`)."""
    return tuple(_tagger().tag(sentence_features(forms))) if forms else ()


def crf_marginals(forms: Sequence[tuple[str, str]], labels: Sequence[str]) -> np.ndarray:
    """P(label of token t) under the CRF, tokens x ``labels`` (in that order)."""
    tagger = _tagger()
    tagger.set(sentence_features(forms))
    known = set(tagger.labels())
    return np.array(
        [
            [tagger.marginal(label, step) if label in known else 0.0 for label in labels]
            for step in range(len(forms))
        ],
        dtype=np.float32,
    )


def combine_marginals(
    crf: np.ndarray, network: np.ndarray, labels: Sequence[str], weight: float = NETWORK_WEIGHT
) -> tuple[str, ...]:
    """The best BIO-valid labels under the weighted average of two models' marginals."""
    return valid_path(weight * network + (1.0 - weight) * crf, labels)


def tag_sentences(
    sentences: Sequence[Sequence[tuple[str, str]]], *, network: Network | None = None
) -> list[tuple[str, ...]]:
    """BIO labels of each sentence given each token's ``(key, base)``; an article's sentences
    go together (the network runs them as one batch).

    ``network``: another network than the shipped one (the training script scores its own).
    """
    network = network or shipped_network()
    labels = network.labels
    return [
        combine_marginals(crf_marginals(forms, labels), network_marginals(network, scores), labels)
        if forms
        else ()
        for forms, scores in zip(sentences, sentence_scores(network, sentences), strict=True)
    ]


def tag_forms(
    forms: Sequence[tuple[str, str]], *, network: Network | None = None
) -> tuple[str, ...]:
    """BIO labels of one sentence given each token's ``(key, base)``."""
    return tag_sentences([forms], network=network)[0]


def tag_words(words: Sequence[str]) -> tuple[str, ...]:
    """BIO labels of one sentence of already split words (as in gold files)."""
    return tag_forms(word_forms(words))
