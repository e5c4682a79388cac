"""The shipped neural NER tagger, run with numpy: BiLSTM-CRF heads over words, characters and
lexicons.

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
``scripts/train_ner_network.py`` and exported to ``models/ner-network.npz``; here they run on
the CPU with numpy only, so tagging needs neither PyTorch nor a network connection.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from akhbar.analyze.entity_features import lexicon_features
from akhbar.errors import ConfigError

__all__ = [
    "HEAD_ARRAYS",
    "MAX_CHARS",
    "NETWORK_FILE",
    "SHARED_ARRAYS",
    "Network",
    "char_window",
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
# Sentences run through the LSTM together, at most: bounds memory on a very long article.
_BATCH_SENTENCES = 48
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


@dataclass(frozen=True)
class Network:
    """Vocabularies (index 0 pads, index 1 is the unknown word/char), the shared word vectors,
    and each head's weights by name."""

    words: dict[str, int]
    chars: dict[str, int]
    features: dict[str, int]
    labels: tuple[str, ...]
    word_vectors: np.ndarray
    heads: tuple[dict[str, np.ndarray], ...]


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
        weights = {name: arrays[f"head{head}.{name}"].astype(np.float32) for name in HEAD_ARRAYS}
        # The LSTM steps multiply hidden states by the transposed recurrent weights.
        weights["recurrent"] = np.stack([weights["forward_hidden"].T, weights["backward_hidden"].T])
        heads.append(weights)
    return Network(
        words=vocabulary("words"),
        chars=vocabulary("chars"),
        features=vocabulary("features"),
        labels=tuple(str(arrays["labels"]).split("\n")),
        word_vectors=arrays["word_vectors"].astype(np.float32),
        heads=tuple(heads),
    )


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
    labels. An article's sentences go together: the LSTM steps run over all of them and all
    heads at once, which is what makes numpy fast enough for news."""
    out: list[np.ndarray] = []
    for first in range(0, len(sentences), _BATCH_SENTENCES):
        out += _batch_scores(network, sentences[first : first + _BATCH_SENTENCES])
    return out


def _batch_scores(
    network: Network, sentences: Sequence[Sequence[tuple[str, str]]]
) -> list[np.ndarray]:
    lengths = [len(forms) for forms in sentences]
    if not any(lengths):
        return [np.zeros((len(network.heads), 0, len(network.labels)), np.float32)] * len(lengths)
    flat = [form for forms in sentences for form in forms]
    words = network.word_vectors[
        [network.words.get(base, network.words.get(key, 1)) for key, base in flat]
    ]
    chars = _char_ids(network, flat)
    features = _feature_ids(network, sentences)
    with _one_blas_thread():
        inputs = [
            np.concatenate(
                [words, _char_vectors(head, chars), _feature_vectors(head, features)], axis=1
            )
            for head in network.heads
        ]
        hidden = _bilstm(network.heads, inputs, lengths)
        scores = np.stack(
            [
                states @ head["output_weight"].T + head["output_bias"]
                for head, states in zip(network.heads, hidden, strict=True)
            ]
        )
    return np.split(scores, np.cumsum(lengths)[:-1], axis=1)


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def _one_blas_thread():
    """The LSTM's matrices are small: BLAS threads cost more in waking up than they save, and
    under load (other processes, Dask workers) several times more (13.5k against 2k tokens/s
    on the development split)."""
    return _blas().limit(limits=1, user_api="blas")


def _char_ids(network: Network, forms: Sequence[tuple[str, str]]) -> np.ndarray:
    """Character ids, one row a word, a pad column each side for the width-3 convolution."""
    ids = np.zeros((len(forms), MAX_CHARS + 2), dtype=np.int64)
    for row, (key, _) in enumerate(forms):
        window = char_window(key)
        ids[row, 1 : len(window) + 1] = [network.chars.get(char, 1) for char in window]
    return ids


def _char_vectors(head: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    embedded = head["char_vectors"][ids]  # words x (chars + 2 pads) x dimensions
    windows = np.concatenate([embedded[:, shift : shift + MAX_CHARS] for shift in range(3)], axis=2)
    return np.maximum(windows @ head["char_filters"] + head["char_bias"], 0.0).max(axis=1)


def _feature_ids(
    network: Network, sentences: Sequence[Sequence[tuple[str, str]]]
) -> list[list[int]]:
    return [
        [network.features[name] for name in names if name in network.features]
        for forms in sentences
        if forms
        for names in lexicon_features(forms)
    ]


def _feature_vectors(head: dict[str, np.ndarray], ids: list[list[int]]) -> np.ndarray:
    table = head["feature_vectors"]
    out = np.zeros((len(ids), table.shape[1]), dtype=np.float32)
    for row, found in enumerate(ids):
        if found:
            out[row] = table[found].sum(axis=0)
    return out


def _bilstm(
    heads: Sequence[dict[str, np.ndarray]], inputs: Sequence[np.ndarray], lengths: Sequence[int]
) -> list[np.ndarray]:
    """Every head's two LSTM directions over every sentence at once (PyTorch's gate order:
    input, forget, cell, output); each head's hidden states, tokens x (2 x size).

    The backward direction reads each sentence reversed, so all directions start at step 0.
    Sentences run longest first, and a step computes only those still running."""
    size = heads[0]["forward_hidden"].shape[1]
    order = np.argsort(-np.array(lengths), kind="stable")
    sizes = np.array(lengths)[order]
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])[order]
    steps = np.arange(sizes[0])
    valid = steps[None, :] < sizes[:, None]  # sentences (longest first) x steps
    ahead = np.where(valid, offsets[:, None] + steps[None, :], 0)
    behind = np.where(valid, offsets[:, None] + sizes[:, None] - 1 - steps[None, :], 0)
    # Directions (head 0 forward, head 0 backward, head 1 forward, ...) x sentences x steps x
    # gates: the input projections, laid out as the steps read them.
    projected = np.stack(
        [
            (head_inputs @ head[f"{way}_input"].T + head[f"{way}_bias"])[positions]
            for head, head_inputs in zip(heads, inputs, strict=True)
            for way, positions in (("forward", ahead), ("backward", behind))
        ]
    )
    recurrent = np.concatenate([head["recurrent"] for head in heads])  # directions x size x gates
    directions = len(recurrent)
    running = valid.sum(axis=0)  # sentences still running at each step
    hidden = np.zeros((directions, len(sizes), size), dtype=np.float32)
    cell = np.zeros((directions, len(sizes), size), dtype=np.float32)
    out = np.zeros((directions, len(inputs[0]), size), dtype=np.float32)
    for step, count in enumerate(running):
        gates = projected[:, :count, step] + np.matmul(hidden[:, :count], recurrent)
        gates = gates.reshape(directions, count, 4, size)
        squashed = np.tanh(gates * _GATE_SCALE) * _GATE_SCALE + _GATE_SHIFT
        cell = squashed[:, :, 1] * cell[:, :count] + squashed[:, :, 0] * squashed[:, :, 2]
        hidden = squashed[:, :, 3] * np.tanh(cell)
        out[0::2, ahead[:count, step]] = hidden[0::2]
        out[1::2, behind[:count, step]] = hidden[1::2]
    return [np.concatenate([out[2 * h], out[2 * h + 1]], axis=1) for h in range(len(heads))]


# sigmoid(x) = tanh(x / 2) / 2 + 1 / 2, so one tanh squashes all four gates (the cell gate,
# third, keeps plain tanh).
_GATE_SCALE = np.array([0.5, 0.5, 1.0, 0.5], dtype=np.float32)[None, None, :, None]
_GATE_SHIFT = np.array([0.5, 0.5, 0.0, 0.5], dtype=np.float32)[None, None, :, None]


def head_marginals(head: dict[str, np.ndarray], scores: np.ndarray) -> np.ndarray:
    """P(label of token t) under one head's CRF (forward-backward), tokens x labels."""
    return _marginals([head], scores[None])[0]


def network_marginals(network: Network, scores: np.ndarray) -> np.ndarray:
    """The heads' label probabilities of one sentence, averaged: tokens x labels."""
    return _marginals(network.heads, scores).mean(axis=0)


def _marginals(heads: Sequence[dict[str, np.ndarray]], scores: np.ndarray) -> np.ndarray:
    """Forward-backward of every head at once: heads x tokens x labels, in log space."""
    transitions = np.stack([head["transitions"] for head in heads])  # heads x from x to
    forward = np.empty_like(scores)
    forward[:, 0] = np.stack([head["start"] for head in heads]) + scores[:, 0]
    for step in range(1, scores.shape[1]):
        forward[:, step] = (
            _logsumexp(forward[:, step - 1, :, None] + transitions, axis=1) + scores[:, step]
        )
    backward = np.empty_like(scores)
    backward[:, -1] = np.stack([head["end"] for head in heads])
    for step in range(scores.shape[1] - 2, -1, -1):
        ahead = (scores[:, step + 1] + backward[:, step + 1])[:, None, :]
        backward[:, step] = _logsumexp(transitions + ahead, axis=2)
    joint = forward + backward
    joint -= _logsumexp(joint, axis=2)[:, :, None]
    return np.exp(joint)


def valid_path(probabilities: np.ndarray, labels: Sequence[str]) -> tuple[str, ...]:
    """The BIO-valid label sequence (an ``I-X`` only after ``B-X`` or ``I-X``) with the
    highest sum of log probabilities: each token's own best label where that is valid."""
    scores = np.log(probabilities + 1e-9)
    blocked = np.array(
        [
            [label.startswith("I-") and before[2:] != label[2:] for label in labels]
            for before in labels
        ]
    )
    transitions = np.where(blocked, -np.inf, 0.0)
    total = np.where([label.startswith("I-") for label in labels], -np.inf, 0.0) + scores[0]
    back = []
    for row in scores[1:]:
        candidates = total[:, None] + transitions
        back.append(candidates.argmax(axis=0))
        total = candidates.max(axis=0) + row
    best = [int(total.argmax())]
    for pointers in reversed(back):
        best.append(int(pointers[best[-1]]))
    return tuple(labels[index] for index in reversed(best))


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


def _logsumexp(values: np.ndarray, axis: int) -> np.ndarray:
    top = values.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(values - top).sum(axis=axis, keepdims=True))).squeeze(axis)
