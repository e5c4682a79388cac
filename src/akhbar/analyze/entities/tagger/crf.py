"""The shipped CRF (``models/ner-crf.bin``, trained with python-crfsuite) run with numpy.

crfsuite's tagger answers one ``marginal(label, token)`` call at a time and wants every
feature as a string; most of those strings (neighbours' words and classes) carry no weight in
a model trained with L1. Here the model's weights are read once into a matrix (attributes x
labels); a token's features become row numbers, kept per word since a word's own features
and those it gives its neighbours depend on the word alone; a sentence's label scores are
one gather and sum; the marginals come from
:func:`akhbar.analyze.entities.tagger.chain.chain_marginals`
together with the network's. The scores equal crfsuite's (weights as its dump prints them,
to six decimals).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite

from akhbar.analyze.entities.tagger.features import (
    EDGE,
    NEIGHBOUR_OFFSETS,
    bigram_features,
    gazetteer_tags,
    neighbour_features,
    own_features,
)
from akhbar.analyze.entities.tagger.row_memo import RowMemo
from akhbar.errors import ConfigError

__all__ = ["MODEL_FILE", "CrfModel", "crf_scores", "load_crf", "model_path", "shipped_crf"]

MODEL_FILE = "ner-crf.bin"
_FIX = "run `python scripts/train_ner.py` to build it"
# Words whose summed weights are kept: enough for a day of news, bounded for an archive.
_MEMO_LIMIT = 1 << 17
_PAIR_PREFIXES = ("-1b|b=", "b|+1b=")


@dataclass(frozen=True, eq=False)
class CrfModel:
    """Labels, attribute -> row, weights (rows x labels; row 0 is all zeros and stands for
    any feature the model does not know) and transitions (from x to)."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    weights: np.ndarray
    transitions: np.ndarray
    # Per word, its summed parts (see crf_scores), derived from the weights on first use.
    _words: RowMemo = field(init=False, repr=False)
    _edges: np.ndarray = field(init=False, repr=False)
    # Every word that opens a weighted pair feature ("-1b|b=x|y", "b|+1b=x|y": x), or more.
    _paired: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        parts = (1 + len(NEIGHBOUR_OFFSETS), len(self.labels))
        object.__setattr__(self, "_words", RowMemo(parts, _MEMO_LIMIT))
        edges = np.zeros(parts)
        for column, offset in enumerate(NEIGHBOUR_OFFSETS, start=1):
            edges[column] = sum(self.weights[self.attributes.get(n, 0)] for n in EDGE[offset])
        object.__setattr__(self, "_edges", edges)
        pairs = [n.split("=", 1)[1] for n in self.attributes if n.startswith(_PAIR_PREFIXES)]
        # A mark "|" may stand on either side of the separator: it joins in any case.
        object.__setattr__(self, "_paired", frozenset(p.split("|", 1)[0] for p in pairs) | {"|"})


def model_path() -> Path:
    """Where the package keeps the model file (it may not exist before training)."""
    return Path(str(resources.files("akhbar.analyze") / "models" / MODEL_FILE))


def load_crf(path: str | Path) -> CrfModel:
    """Read a crfsuite model file; ConfigError names what is wrong and how to fix it."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"NER model {path} is missing: {_FIX}")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
        info = tagger.info()
        labels = tuple(tagger.labels())
    except (OSError, ValueError) as error:
        raise ConfigError(f"NER model {path} cannot be read ({error}): {_FIX}") from error
    finally:
        with contextlib.suppress(Exception):
            tagger.close()
    if not labels:
        raise ConfigError(f"NER model {path} holds no labels: {_FIX}")
    column = {label: index for index, label in enumerate(labels)}
    attributes: dict[str, int] = {}
    for attribute, _ in info.state_features:
        attributes.setdefault(attribute, len(attributes) + 1)
    weights = np.zeros((len(attributes) + 1, len(labels)), dtype=np.float64)
    for (attribute, label), weight in info.state_features.items():
        weights[attributes[attribute], column[label]] = weight
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float64)
    for (before, after), weight in info.transitions.items():
        transitions[column[before], column[after]] = weight
    return CrfModel(labels, attributes, weights, transitions)


@cache
def shipped_crf() -> CrfModel:
    """The package's CRF, loaded once per process (a worker process loads its own)."""
    return load_crf(model_path())


def crf_scores(model: CrfModel, sentences: Sequence[Sequence[tuple[str, str]]]) -> list[np.ndarray]:
    """Label scores of each token of each sentence of ``(key, base)`` forms (tokens x
    ``model.labels``): the sum of its features' weights. An article's sentences go together.

    A token's score is its word's own part, plus the part each neighbour within the window
    gives it (or the sentence edge's), plus its gazetteer tags and word pairs; the first two
    are summed once per word (:attr:`CrfModel._words`).
    """
    forms = [form for sentence in sentences for form in sentence]
    if not forms:
        return [np.zeros((0, len(model.labels))) for _ in sentences]
    parts = model._words.gather(forms, lambda new: _word_parts(model, new))
    lengths = np.array([len(sentence) for sentence in sentences])
    which = np.repeat(np.arange(len(sentences)), lengths)  # the sentence of each token
    position = np.arange(len(forms))
    scores = parts[:, 0].copy()
    for column, offset in enumerate(NEIGHBOUR_OFFSETS, start=1):
        other = position + offset
        inside = (other >= 0) & (other < len(forms))
        inside[inside] &= which[other[inside]] == which[inside]
        scores += np.where(
            inside[:, None], parts[np.clip(other, 0, len(forms) - 1), column], model._edges[column]
        )
    tokens, context = _context_rows(model, sentences)
    if context:
        np.add.at(scores, tokens, model.weights[context])
    return np.split(scores, np.cumsum(lengths)[:-1])


def _context_rows(
    model: CrfModel, sentences: Sequence[Sequence[tuple[str, str]]]
) -> tuple[list[int], list[int]]:
    """(token, weight row) of the features that depend on a word's neighbours together: its
    gazetteer tags and its pairs with the words before and after it."""
    known = model.attributes
    paired = model._paired
    tokens: list[int] = []
    rows: list[int] = []
    first = 0
    for sentence in sentences:
        bases = [base for _, base in sentence]
        for index, tags in enumerate(gazetteer_tags(tuple(bases))):
            names = list(tags)
            # Most words are in no weighted pair: format the pairs only for those that are.
            if bases[index] in paired or (index and bases[index - 1] in paired):
                names += bigram_features(bases, index)
            for name in names:
                row = known.get(name)
                if row is not None:
                    tokens.append(first + index)
                    rows.append(row)
        first += len(sentence)
    return tokens, rows


def _word_parts(model: CrfModel, forms: Sequence[tuple[str, str]]) -> np.ndarray:
    """Per word: its own features' summed weights, then what it gives the neighbour at each
    offset of the window (words x (1 + offsets) x labels)."""
    known = model.attributes
    rows: list[int] = []
    starts: list[int] = []
    for key, base in forms:
        for names in (
            own_features(key, base),
            *(neighbour_features(key, base, offset) for offset in NEIGHBOUR_OFFSETS),
        ):
            starts.append(len(rows))
            rows.append(0)  # every part sums at least the zero row
            rows += [known[name] for name in names if name in known]
    summed = np.add.reduceat(model.weights[rows], starts, axis=0)
    return summed.reshape(len(forms), 1 + len(NEIGHBOUR_OFFSETS), len(model.labels))
