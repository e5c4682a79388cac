"""Train the stance model of :mod:`akhbar.story.stance` on ANS train.

    python -m akhbar.eval.stance --train-lexicon   # writes arabic/lexicon/stance_contrast.txt
    python -m akhbar.eval.stance --train           # writes story/models/stance.json

Training pairs: ANS train, less the pairs whose claim is also a claim of the dev check half
(13 pairs), so that the check half stays unread. Two steps, both deterministic:

1. *contrast lexicon*: for every stem, in how many disagree and how many agree pairs it is on
   one side only; kept when seen in :data:`LEXICON_MIN` pairs, scored by smoothed log-odds of
   disagree over agree, relative to the base rate.
2. *model*: a multinomial logistic regression (numpy, full-batch gradient descent, a fixed
   number of steps from zero weights, L2 penalty) over the standardised features of
   :data:`akhbar.story.stance_features.FEATURES`. The contrast features of a training pair
   come from a lexicon built without its fold (cross-fitting), so that the model does not
   learn to trust words counted on the pair itself.

Cross-validation groups pairs by claim (CRC-32 of the key form, :data:`FOLDS` folds); the
lexicon is rebuilt inside each fold.
"""

from __future__ import annotations

import json
import math
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from akhbar.arabic.normalize import to_key
from akhbar.story.stance_features import FEATURES, only_in, read_pair, read_side

__all__ = ["LEXICON_MIN", "TrainConfig", "cross_validate", "train_lexicon", "train_model"]

CLASSES = ("agree", "disagree", "other")
FOLDS = 5
# A stem must differ in this many train pairs to be scored; prior pairs added when smoothing.
LEXICON_MIN = 3
_PRIOR = 5.0
_PACKAGE = Path(__file__).resolve().parents[1]
LEXICON_PATH = _PACKAGE / "arabic" / "lexicon" / "stance_contrast.txt"
MODEL_PATH = _PACKAGE / "story" / "models" / "stance.json"


@dataclass(frozen=True)
class TrainConfig:
    """``penalty``: L2 weight per pair; ``steps`` and ``rate`` of gradient descent;
    ``balance``: weigh each class by the inverse of its share to this power (1: balanced, as
    macro-F1 counts the 63 ``other`` pairs as much as the 1,686 ``disagree``; 0: as found).
    Chosen by cross-validation on train and the dev calibration half (penalty 0.001 / 0.01,
    balance 0 / 0.25 / 0.5 / 0.75 / 1)."""

    penalty: float = 0.01
    steps: int = 2000
    rate: float = 0.5
    balance: float = 0.5


@dataclass(frozen=True)
class _Row:
    """A pair read once: its fold, label, features, and the stems on one side only."""

    group: str
    fold: int
    label: int
    values: dict[str, float]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    surfaces: dict[str, str]


def read_rows(pairs: Sequence) -> list[_Row]:
    """``pairs`` with ``claim``, ``text`` and ``stance`` read into training rows."""
    rows = []
    for pair in pairs:
        claim, text = read_side(pair.claim), read_side(pair.text)
        facts = read_pair(claim, text)
        surfaces = dict(zip(claim.stems, claim.bases_kept, strict=True))
        surfaces.update(zip(text.stems, text.bases_kept, strict=True))
        group = to_key(pair.claim)
        rows.append(
            _Row(
                group,
                zlib.crc32(group.encode("utf-8")) % FOLDS,
                CLASSES.index(pair.stance),
                facts.values,
                only_in(text, claim),
                only_in(claim, text),
                surfaces,
            )
        )
    return rows


def contrast_counts(rows: Sequence[_Row]) -> dict[str, tuple[float, int, int]]:
    """Stem -> (log-odds of disagree over agree, disagree claims, agree claims). Counted once
    per claim: ANS has several rewrites of a claim, often sharing the word they change."""
    seen: dict[str, set[tuple[str, str]]] = {"disagree": set(), "agree": set()}
    for row in rows:
        if CLASSES[row.label] in seen:
            seen[CLASSES[row.label]].update((row.group, s) for s in {*row.added, *row.dropped})
    disagree = Counter(stem for _, stem in seen["disagree"])
    agree = Counter(stem for _, stem in seen["agree"])
    total_d = len({r.group for r in rows if CLASSES[r.label] == "disagree"})
    total_a = len({r.group for r in rows if CLASSES[r.label] == "agree"})
    share = total_d / (total_d + total_a)
    base = math.log(total_d / total_a)
    out = {}
    for stem in sorted(set(disagree) | set(agree)):
        d, a = disagree[stem], agree[stem]
        if d + a < LEXICON_MIN:
            continue
        odds = math.log((d + _PRIOR * share) / (a + _PRIOR * (1 - share))) - base
        out[stem] = (round(odds, 3), d, a)
    return out


def _with_contrast(row: _Row, scores: dict[str, tuple[float, int, int]]) -> list[float]:
    values = dict(row.values)
    values["contrast_added"] = sum(scores[s][0] for s in row.added if s in scores)
    values["contrast_dropped"] = sum(scores[s][0] for s in row.dropped if s in scores)
    found = [scores[s][0] for s in (*row.added, *row.dropped) if s in scores]
    values["contrast_peak"] = max([0.0, *found])
    return [values[name] for name in FEATURES]


def _crossfit(rows: Sequence[_Row]) -> np.ndarray:
    """Feature matrix whose contrast columns come from a lexicon built without the row's
    fold (inner folds: the fold number of the row, re-split when only some folds are here)."""
    folds = sorted({row.fold for row in rows})
    matrix = []
    lexicons = {f: contrast_counts([r for r in rows if r.fold != f]) for f in folds}
    for row in rows:
        matrix.append(_with_contrast(row, lexicons[row.fold]))
    return np.array(matrix, dtype=float)


@dataclass(frozen=True)
class _Fitted:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # classes x features
    bias: np.ndarray

    def logits(self, matrix: np.ndarray) -> np.ndarray:
        return ((matrix - self.mean) / self.scale) @ self.weights.T + self.bias


def fit(matrix: np.ndarray, labels: np.ndarray, config: TrainConfig) -> _Fitted:
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale == 0] = 1.0
    x = (matrix - mean) / scale
    onehot = np.eye(len(CLASSES))[labels]
    counts = onehot.sum(axis=0)
    sample = ((len(labels) / (len(CLASSES) * counts)) ** config.balance)[labels]
    sample = sample / sample.sum()
    weights = np.zeros((len(CLASSES), x.shape[1]))
    bias = np.zeros(len(CLASSES))
    for _ in range(config.steps):
        logits = x @ weights.T + bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        error = (probs - onehot) * sample[:, None]
        weights -= config.rate * (error.T @ x + config.penalty * weights)
        bias -= config.rate * error.sum(axis=0)
    return _Fitted(mean, scale, weights, bias)


def cross_validate(rows: Sequence[_Row], config: TrainConfig) -> list[int]:
    """Out-of-fold predictions (class indices) for every row."""
    predicted = [0] * len(rows)
    for fold in range(FOLDS):
        train = [r for r in rows if r.fold != fold]
        test_index = [i for i, r in enumerate(rows) if r.fold == fold]
        model = fit(_crossfit(train), np.array([r.label for r in train]), config)
        lexicon = contrast_counts(train)
        test = np.array([_with_contrast(rows[i], lexicon) for i in test_index], dtype=float)
        for i, label in zip(test_index, model.logits(test).argmax(axis=1), strict=True):
            predicted[i] = int(label)
    return predicted


def train_lexicon(rows: Sequence[_Row], path: Path = LEXICON_PATH) -> int:
    """Write the contrast lexicon from ``rows``; returns the number of entries."""
    counts = contrast_counts(rows)
    surfaces: dict[str, Counter] = {}
    for row in rows:
        for stem in (*row.added, *row.dropped):
            if stem in counts:
                surfaces.setdefault(stem, Counter())[to_key(row.surfaces[stem])] += 1
    header = [
        "# Contrast-prone words for akhbar.story.stance: a word on one side of a pair only,",
        "# <TAB> log-odds of disagree over agree (relative to the base rate, smoothed with",
        f"# {_PRIOR:g} prior claims) <TAB> disagree claims <TAB> agree claims. Key form; read",
        "# by stem.",
        "# Source: counted on ANS train (Khouja 2020, latynt/ans, Apache-2.0), less the pairs",
        "# whose claim is a dev check-half claim, by `python -m akhbar.eval.stance",
        f"# --train-lexicon`; stems seen with at least {LEXICON_MIN} claims. Do not edit by hand.",
    ]
    lines = []
    for stem, (odds, d, a) in sorted(counts.items(), key=lambda item: (-item[1][0], item[0])):
        # The commonest written form whose stem is the stem, as the entry.
        word = surfaces[stem].most_common(1)[0][0]
        lines.append(f"{word}\t{odds:g}\t{d}\t{a}")
    path.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    return len(lines)


def train_model(
    rows: Sequence[_Row], config: TrainConfig, path: Path = MODEL_PATH, note: str = ""
) -> _Fitted:
    """Fit on every row (contrast columns cross-fitted) and write the model as JSON."""
    model = fit(_crossfit(rows), np.array([r.label for r in rows]), config)
    data = {
        "about": "Stance model of akhbar.story.stance: multinomial logistic regression over "
        "standardised features; logits = ((x - mean) / scale) @ weights.T + bias. Written by "
        "python -m akhbar.eval.stance --train. " + note,
        "classes": list(CLASSES),
        "features": list(FEATURES),
        "mean": _rounded(model.mean),
        "scale": _rounded(model.scale),
        "weights": [_rounded(row) for row in model.weights],
        "bias": _rounded(model.bias),
        "config": {
            "penalty": config.penalty,
            "steps": config.steps,
            "rate": config.rate,
            "balance": config.balance,
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return model


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 5) for v in values]
