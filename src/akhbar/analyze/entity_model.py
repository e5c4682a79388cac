"""The shipped CRF tagger: loaded once per process from the package, never downloaded.

The model file ``akhbar/analyze/models/ner-crf.bin`` is built by ``python scripts/train_ner.py``
from the gold data in ``../shared/data/ner/``; labels are coarse BIO (``B-PER``, ``I-LOC``,
``B-ORG``, ``O``; see :mod:`akhbar.analyze.entity_gold` for the type map).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from akhbar.analyze.entity_features import sentence_features, word_forms
from akhbar.errors import ConfigError

__all__ = ["MODEL_FILE", "model_path", "tag_forms", "tag_words"]

MODEL_FILE = "ner-crf.bin"
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


def tag_forms(forms: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """BIO labels of one sentence given each token's ``(key, base)``."""
    if not forms:
        return ()
    return tuple(_tagger().tag(sentence_features(forms)))


def tag_words(words: Sequence[str]) -> tuple[str, ...]:
    """BIO labels of one sentence of already split words (as in gold files)."""
    return tag_forms(word_forms(words))
