"""Linear-chain maths shared by the CRF and the network heads, run over many chains at once.

An article's sentences, each read by the CRF and by every network head, are many short
chains; they run together, padded to the longest sentence, so that numpy takes one step for
all of them instead of one per chain (the step loop is what costs in Python).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "ChainModel",
    "best_paths",
    "best_valid_paths",
    "chain_marginals",
    "valid_transitions",
]


@dataclass(frozen=True)
class ChainModel:
    """A linear-chain model's transitions (from x to), start and end scores, in log space."""

    transitions: np.ndarray
    start: np.ndarray
    end: np.ndarray


def chain_marginals(
    models: Sequence[ChainModel], scores: Sequence[Sequence[np.ndarray]]
) -> list[list[np.ndarray]]:
    """P(label of token t) of every sentence under every model (forward-backward):
    ``scores[m][s]`` is sentence ``s``'s token x label scores under model ``m`` (every model
    reads the same sentences); the answer is laid out alike.

    The models run side by side as one chain over their labels together (a block-diagonal
    transition matrix), and the sentences as one batch padded to the longest, so numpy takes
    one step for everything. It works in probability space, each step rescaled per model: a
    constant added to a token's scores or to a model's transitions changes no marginal, so
    scores are shifted by their maximum before ``exp`` and nothing overflows.
    """
    if not models or not scores[0]:
        return [[] for _ in models]
    lengths = np.array([len(sentence) for sentence in scores[0]])
    count, steps = len(lengths), max(int(lengths.max()), 1)
    width, labels = len(models), len(models[0].start)
    # Padding emits 1 everywhere: it is never read, and it keeps the padded steps finite.
    emissions = np.ones((count, steps, width, labels))
    for block, sentences in enumerate(scores):
        for row, found in enumerate(sentences):
            if len(found):
                found = found.astype(np.float64)
                emissions[row, : len(found), block] = np.exp(
                    found - found.max(axis=1, keepdims=True)
                )
    emissions = emissions.reshape(count, steps, width * labels)
    moves = np.zeros((width * labels, width * labels))
    for block, model in enumerate(models):
        inside = slice(block * labels, (block + 1) * labels)
        moves[inside, inside] = _exp_shifted(model.transitions)
    starts = np.concatenate([_exp_shifted(model.start) for model in models])
    ends = np.concatenate([_exp_shifted(model.end) for model in models])

    def normalised(values: np.ndarray) -> np.ndarray:
        blocks = values.reshape(count, width, labels)
        return (blocks / blocks.sum(axis=2, keepdims=True)).reshape(count, width * labels)

    forward = np.empty_like(emissions)
    forward[:, 0] = current = normalised(starts * emissions[:, 0])
    for step in range(1, steps):
        forward[:, step] = current = normalised((current @ moves) * emissions[:, step])

    backward = np.empty_like(emissions)
    last = (lengths - 1)[:, None]
    backward[:, steps - 1] = current = np.broadcast_to(ends, (count, width * labels))
    for step in range(steps - 2, -1, -1):
        moved = normalised((emissions[:, step + 1] * current) @ moves.T)
        # A sentence that ends here starts its backward pass with the end scores.
        current = np.where(step == last, ends, np.where(step < last, moved, current))
        backward[:, step] = current

    joint = (forward * backward).reshape(count, steps, width, labels)
    joint /= joint.sum(axis=3, keepdims=True)
    return [
        [joint[row, :length, block].astype(np.float32) for row, length in enumerate(lengths)]
        for block in range(width)
    ]


def _exp_shifted(values: np.ndarray) -> np.ndarray:
    values = values.astype(np.float64)
    return np.exp(values - values.max())


def valid_transitions(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(transitions, start) in log space that allow only BIO-valid sequences: an ``I-X``
    only after ``B-X`` or ``I-X``, and never first."""
    blocked = np.array(
        [
            [label.startswith("I-") and before[2:] != label[2:] for label in labels]
            for before in labels
        ]
    )
    start = np.array([label.startswith("I-") for label in labels])
    return np.where(blocked, -np.inf, 0.0), np.where(start, -np.inf, 0.0)


def best_valid_paths(
    probabilities: Sequence[np.ndarray], labels: Sequence[str]
) -> list[tuple[str, ...]]:
    """For each sentence, the BIO-valid label sequence with the highest sum of log
    probabilities."""
    transitions, start = valid_transitions(labels)
    scores = [np.log(found + 1e-9) for found in probabilities]
    return best_paths(scores, ChainModel(transitions, start, np.zeros(len(labels))), labels)


def best_paths(
    scores: Sequence[np.ndarray], model: ChainModel, labels: Sequence[str]
) -> list[tuple[str, ...]]:
    """For each sentence of token x label ``scores``, the label sequence with the highest
    total score under ``model`` (Viterbi over every sentence at once)."""
    if not scores:
        return []
    lengths = np.array([len(found) for found in scores])
    count, steps = len(scores), max(int(lengths.max()), 1)
    padded = np.zeros((count, steps, len(labels)))
    for row, found in enumerate(scores):
        padded[row, : len(found)] = found
    total = model.start + padded[:, 0]
    back = np.zeros((count, steps, len(labels)), dtype=np.int64)
    finals = total + model.end
    for step in range(1, steps):
        candidates = total[:, :, None] + model.transitions
        back[:, step] = candidates.argmax(axis=1)
        total = candidates.max(axis=1) + padded[:, step]
        ended = lengths - 1 == step
        finals[ended] = total[ended] + model.end
    out = []
    for row, length in enumerate(lengths):
        if length == 0:
            out.append(())
            continue
        best = [int(finals[row].argmax())]
        for step in range(length - 1, 0, -1):
            best.append(int(back[row, step, best[-1]]))
        out.append(tuple(labels[index] for index in reversed(best)))
    return out
