"""The shipped neural NER tagger: BiLSTM-CRF heads over words, characters and lexicons.

Each token is read three ways and the three are concatenated:

- its clitic-free base as a word vector (100 dimensions, trained with word2vec on the ANT
  corpus and kept as trained), so a name never seen in the gold data but seen in the news
  sits near the names it shares contexts with (يلتسين near بوريس, ميرونوف);
- its characters (key form, clitics included) through a convolution and a max over positions,
  for the shapes of foreign names and nisbas;
- the sum of embeddings of its lexicon features (the CRF's single-word classes: title and
  trigger words, given names, gazetteer membership, ANT statistics and word classes).

A bidirectional LSTM reads the sentence; a linear layer gives each token a score per label and
a CRF transition matrix joins them. The file holds one or more such *heads*, trained alike
from different seeds; they share the word vectors and vocabularies, and their label
probabilities are averaged. The heads are trained with PyTorch by
``scripts/train_ner_network.py`` and exported to ``models/ner-network.npz``; here the word,
character and lexicon parts run with numpy (kept per word: they depend on the word alone),
the LSTMs with ONNX Runtime (:mod:`akhbar.analyze.entities.tagger.lstm`), and the CRF layers with
:mod:`akhbar.analyze.entities.tagger.chain`; tagging needs neither PyTorch nor a network connection.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import onnxruntime
from threadpoolctl import ThreadpoolController

from akhbar.analyze.entities.tagger.chain import ChainModel, best_valid_paths, chain_marginals
from akhbar.analyze.entities.tagger.features import gazetteer_tags, own_classes
from akhbar.analyze.entities.tagger.lstm import LstmRunner, lstm_runner
from akhbar.analyze.entities.tagger.row_memo import RowMemo
from akhbar.errors import ConfigError

__all__ = [
    "HEAD_ARRAYS",
    "MAX_CHARS",
    "NETWORK_FILE",
    "SHARED_ARRAYS",
    "Network",
    "char_window",
    "head_chain",
    "head_marginals",
    "load_network",
    "network_marginals",
    "network_path",
    "network_tags",
    "sentence_scores",
    "shipped_network",
    "valid_path",
]

NETWORK_FILE = "ner-network.npz"
# Characters kept of a long word: its first and last halves of this many (affixes and clitics).
MAX_CHARS = 16
# Tokens read together, at most: bounds memory on a very long article.
_BATCH_TOKENS = 8192
# Words whose character and lexicon vectors are kept (per process): a day of news, bounded.
_MEMO_LIMIT = 1 << 16
_FIX = "run `python scripts/train_ner_network.py` to build it"
SHARED_ARRAYS = ("words", "chars", "features", "labels", "word_vectors")
# Stored as "head0.char_vectors", "head1.char_vectors", ...
HEAD_ARRAYS = (
    "char_vectors",
    "char_filters",
    "char_bias",
    "feature_vectors",
    "forward_input",
    "forward_hidden",
    "forward_bias",
    "backward_input",
    "backward_hidden",
    "backward_bias",
    "output_weight",
    "output_bias",
    "transitions",
    "start",
    "end",
)


@dataclass(frozen=True, eq=False)
class Network:
    """Vocabularies (index 0 pads, index 1 is the unknown word/char), the shared word vectors,
    and each head's weights by name."""

    words: dict[str, int]
    chars: dict[str, int]
    features: dict[str, int]
    labels: tuple[str, ...]
    word_vectors: np.ndarray
    heads: tuple[dict[str, np.ndarray], ...]
    # Per word (key, base): each head's character vector and summed own lexicon features,
    # which depend on the word alone; derived on first use, not part of the value.
    _words: RowMemo = field(init=False, repr=False)
    _lstm: LstmRunner = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lstm", lstm_runner(self.heads))
        width = self.heads[0]["char_bias"].shape[0] + self.heads[0]["feature_vectors"].shape[1]
        object.__setattr__(
            self, "_words", RowMemo((len(self.heads), width), _MEMO_LIMIT, np.float32)
        )


def network_path() -> Path:
    """Where the package keeps the network file (it may not exist before training)."""
    return Path(str(resources.files("akhbar.analyze") / "models" / NETWORK_FILE))


def load_network(path: str | Path) -> Network:
    """Read a network file written by the training script; ConfigError names what is wrong."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            names = set(stored.files)
            count = len({name.split(".")[0] for name in names if name.startswith("head")})
            wanted = [*SHARED_ARRAYS] + [
                f"head{head}.{name}" for head in range(max(count, 1)) for name in HEAD_ARRAYS
            ]
            missing = [name for name in wanted if name not in names]
            if missing:
                raise ConfigError(f"NER network {path} lacks {', '.join(missing)}: {_FIX}")
            arrays = {name: stored[name] for name in wanted}
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        raise ConfigError(f"NER network {path} cannot be read ({error}): {_FIX}") from error

    def vocabulary(name: str) -> dict[str, int]:
        return {entry: index for index, entry in enumerate(str(arrays[name]).split("\n"))}

    heads = []
    for head in range(count):
        heads.append(
            {name: arrays[f"head{head}.{name}"].astype(np.float32) for name in HEAD_ARRAYS}
        )
    try:  # the LSTMs' graph is built here: arrays of the wrong shapes fail now, not mid-run
        return Network(
            words=vocabulary("words"),
            chars=vocabulary("chars"),
            features=vocabulary("features"),
            labels=tuple(str(arrays["labels"]).split("\n")),
            word_vectors=arrays["word_vectors"].astype(np.float32),
            heads=tuple(heads),
        )
    except (ValueError, RuntimeError, onnxruntime.capi.onnxruntime_pybind11_state.Fail) as error:
        raise ConfigError(f"NER network {path} cannot be run ({error}): {_FIX}") from error


@cache
def shipped_network() -> Network:
    """The package's network, loaded once per process (a worker process loads its own)."""
    path = network_path()
    if not path.is_file():
        raise ConfigError(f"NER network {path} is missing: {_FIX}")
    return load_network(path)


def char_window(key: str) -> str:
    """The characters the network reads of a word: all, or the first and last 8 of a long one."""
    half = MAX_CHARS // 2
    return key if len(key) <= MAX_CHARS else key[:half] + key[-half:]


def sentence_scores(
    network: Network, sentences: Sequence[Sequence[tuple[str, str]]]
) -> list[np.ndarray]:
    """Per-token label scores of each sentence of ``(key, base)`` forms: heads x tokens x
    labels. An article's sentences go together (one call of the LSTM runner)."""
    out: list[np.ndarray] = []
    batch: list[Sequence[tuple[str, str]]] = []
    size = 0
    for forms in sentences:
        if batch and size + len(forms) > _BATCH_TOKENS:
            out += _batch_scores(network, batch)
            batch, size = [], 0
        batch.append(forms)
        size += len(forms)
    return out + (_batch_scores(network, batch) if batch else [])


def _batch_scores(
    network: Network, sentences: Sequence[Sequence[tuple[str, str]]]
) -> list[np.ndarray]:
    lengths = [len(forms) for forms in sentences]
    if not any(lengths):
        return [np.zeros((len(network.heads), 0, len(network.labels)), np.float32)] * len(lengths)
    flat = [form for forms in sentences for form in forms]
    known = network.words
    words = network.word_vectors[[known.get(base, known.get(key, 1)) for key, base in flat]]
    parts = network._words.gather(flat, lambda new: _word_parts(network, new))
    tokens, tags = _gazetteer_ids(network, sentences)
    inputs = []
    for number, head in enumerate(network.heads):
        own = parts[:, number]
        if tags:  # gazetteer tags depend on the neighbours: added per token
            table = head["feature_vectors"]
            np.add.at(own[:, -table.shape[1] :], tokens, table[tags])
        inputs.append(np.concatenate([words, own], axis=1))
    scores = network._lstm.scores(inputs, lengths)
    return np.split(scores, np.cumsum(lengths)[:-1], axis=1)


def _word_parts(network: Network, forms: Sequence[tuple[str, str]]) -> np.ndarray:
    """Per word and head: its character vector, then the sum of its own lexicon features'
    vectors (words x heads x width)."""
    chars = _char_ids(network, forms)
    ids = [
        [network.features[name] for name in own_classes(key, base) if name in network.features]
        for key, base in forms
    ]
    with _one_blas_thread():
        return np.stack(
            [
                np.concatenate([_char_vectors(head, chars), _feature_vectors(head, ids)], axis=1)
                for head in network.heads
            ],
            axis=1,
        )


def _gazetteer_ids(
    network: Network, sentences: Sequence[Sequence[tuple[str, str]]]
) -> tuple[list[int], list[int]]:
    """(token, feature id) of the gazetteer tags of every token: the lexicon features that
    depend on the words around it."""
    tokens: list[int] = []
    ids: list[int] = []
    first = 0
    for forms in sentences:
        if forms:
            for index, tags in enumerate(gazetteer_tags(tuple(base for _, base in forms))):
                for tag in tags:
                    if tag in network.features:
                        tokens.append(first + index)
                        ids.append(network.features[tag])
        first += len(forms)
    return tokens, ids


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def _one_blas_thread():
    """The character convolution's matrices are small: BLAS threads cost more in waking up
    than they save, and under load (other processes, Dask workers) several times more (13.5k
    against 2k tokens/s on the development split, measured on the numpy LSTM)."""
    return _blas().limit(limits=1, user_api="blas")


def _char_ids(network: Network, forms: Sequence[tuple[str, str]]) -> np.ndarray:
    """Character ids, one row a word, a pad column each side for the width-3 convolution."""
    ids = np.zeros((len(forms), MAX_CHARS + 2), dtype=np.int64)
    for row, (key, _) in enumerate(forms):
        window = char_window(key)
        ids[row, 1 : len(window) + 1] = [network.chars.get(char, 1) for char in window]
    return ids


def _char_vectors(head: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    # In float64: a word's vector is computed once, among whichever other new words came
    # with it, and must not depend on them in its last bits (the memo keeps it for good, and
    # --jobs N must write what one process writes).
    embedded = head["char_vectors"][ids].astype(np.float64)  # words x (chars + 2) x dims
    windows = np.concatenate([embedded[:, shift : shift + MAX_CHARS] for shift in range(3)], axis=2)
    found = np.maximum(windows @ head["char_filters"] + head["char_bias"], 0.0).max(axis=1)
    return found.astype(np.float32)


def _feature_vectors(head: dict[str, np.ndarray], ids: list[list[int]]) -> np.ndarray:
    table = head["feature_vectors"]
    out = np.zeros((len(ids), table.shape[1]), dtype=np.float32)
    for row, found in enumerate(ids):
        if found:
            out[row] = table[found].sum(axis=0)
    return out


def head_chain(head: dict[str, np.ndarray]) -> ChainModel:
    """One head's CRF layer as a linear-chain model."""
    return ChainModel(head["transitions"], head["start"], head["end"])


def head_marginals(head: dict[str, np.ndarray], scores: np.ndarray) -> np.ndarray:
    """P(label of token t) under one head's CRF (forward-backward), tokens x labels."""
    return chain_marginals([head_chain(head)], [[scores]])[0][0]


def network_marginals(network: Network, scores: np.ndarray) -> np.ndarray:
    """The heads' label probabilities of one sentence, averaged: tokens x labels."""
    chains = [head_chain(head) for head in network.heads]
    return np.mean([found[0] for found in chain_marginals(chains, [[s] for s in scores])], axis=0)


def valid_path(probabilities: np.ndarray, labels: Sequence[str]) -> tuple[str, ...]:
    """The BIO-valid label sequence (an ``I-X`` only after ``B-X`` or ``I-X``) with the
    highest sum of log probabilities."""
    return best_valid_paths([probabilities], labels)[0]


def network_tags(
    forms: Sequence[tuple[str, str]], *, network: Network | None = None
) -> tuple[str, ...]:
    """The network's own labels, the shipped one's unless given (for evaluation: akhbar
    combines it with the CRF)."""
    if not forms:
        return ()
    network = network or shipped_network()
    scores = sentence_scores(network, [forms])[0]
    return valid_path(network_marginals(network, scores), network.labels)
