"""Stance of a text towards a claim: does it agree, disagree, or speak of something else?

    >>> judge("29 قتيلا في هجوم على استعراض عسكري في الأهواز",
    ...       "53 قتيلا في هجوم على استعراض عسكري في الأهواز").reason
    'number differs: 29 vs 53 (قتيلا)'

("29 dead in an attack on a military parade in Ahvaz" against "53 dead ...".) One sentence
is judged against the claim by a multinomial logistic regression (``models/stance.json``,
trained on ANS train by ``python -m akhbar.eval.stance --train``) over explainable features
(:mod:`akhbar.story.stance_features`); the reason is the note of the feature that pushed the
chosen stance over the runner-up most. What each is worth, as macro-F1 lost without it
(5-fold cross-validation by claim on ANS train / ANS dev calibration half; with all of them
0.743 / 0.701, against 0.614 on calibration for the first-match rules they replace):

- *related*, *unrelated*: IDF-weighted stem overlap
  (:func:`akhbar.story.claims.statement_similarity`), and it below 0.2 (0.000 / 0.026; the
  two together are what tells ``other``);
- *claim_missing*, *text_missing*: share of a side's stem weight the other lacks; a present
  verb meets its past and noun ("يصاب" / "إصابة") (0.002 / 0.019, 0.012 / 0.026);
- *number*: a count of the same kind whose values do not cover each other (0.001 / 0.006);
- *negation*: a negator (lexicon ``stance_negators``) on one side only (0.020 / 0.045);
- *opposite*: words of the two sides of a ``stance_opposites`` line (ارتفع / انخفض)
  (0.014 / 0.010); *replaced_opposite*, such a pair substituted in place (0.000 / 0.000);
- *place*, *rare_swap*: a place or a rare word swapped for another, a capital counting as
  its country (lexicon ``capitals``) (0.013 / 0.002, 0.005 / 0.023; measured before the
  capitals, which cost 0.002 on train and were kept for article sentences);
- *replaced*, *order*, *length*: words substituted in place (difflib on stems), how alike the
  word order is, the length ratio (-0.003 / 0.025, 0.006 / 0.028, 0.013 / 0.021);
- *contrast_added*, *contrast_dropped*, *contrast_peak*: scores from lexicon
  ``stance_contrast`` (words counted on one side of disagree vs agree train pairs, "هدوء",
  "براءة") of the words only one side has (0.020 / 0.046, the three together);
- *roles*: two key words in the opposite order ("ميركل تحذر ترامب") (0.000 / 0.004).

:func:`check_text` judges the sentence of an article most related to the claim. Scores:
:mod:`akhbar.eval.stance`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np

from akhbar.errors import ConfigError
from akhbar.story.stance_features import PairFacts, read_pair, read_side, relatedness

__all__ = ["StanceConfig", "Verdict", "check_text", "judge"]

Stance = Literal["agree", "disagree", "other"]
# How a verdict names relatedness when it is what decided.
_RELATED = {"other": "unrelated", "agree": "restated", "disagree": "account differs"}


@dataclass(frozen=True)
class Verdict:
    """``stance`` of a text towards a claim, the ``reason`` (the feature that pushed the
    decision most, in English) and the ``evidence``: the sentence that was judged."""

    stance: Stance
    reason: str
    evidence: str


@dataclass(frozen=True)
class StanceConfig:
    """``model``: a stance model file written by ``python -m akhbar.eval.stance --train``
    to use instead of the shipped ``akhbar/story/models/stance.json``."""

    model: Path | None = None


@dataclass(frozen=True)
class _Model:
    classes: tuple[str, ...]
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # classes x features
    bias: np.ndarray


@cache
def _model(path: Path | None) -> _Model:
    where = path or resources.files("akhbar.story") / "models" / "stance.json"
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
        return _Model(
            tuple(data["classes"]),
            tuple(data["features"]),
            np.array(data["mean"]),
            np.array(data["scale"]),
            np.array(data["weights"]),
            np.array(data["bias"]),
        )
    except (OSError, ValueError, KeyError) as error:
        raise ConfigError(
            f"stance model {where} cannot be read ({error}); rebuild it with "
            "python -m akhbar.eval.stance --train"
        ) from None


def judge(claim: str, text: str, *, config: StanceConfig = StanceConfig()) -> Verdict:
    """The stance of ``text`` (one sentence or a short text) towards ``claim``."""
    model = _model(config.model)
    facts = read_pair(claim, text)
    standard = (np.array([facts.values[n] for n in model.features]) - model.mean) / model.scale
    logits = model.weights @ standard + model.bias
    first, second = (int(i) for i in np.argsort(-logits, kind="stable")[:2])
    stance: Stance = model.classes[first]  # type: ignore[assignment]
    push = (model.weights[first] - model.weights[second]) * standard
    return Verdict(stance, _reason(model, facts, stance, push), text)


def _reason(model: _Model, facts: PairFacts, stance: Stance, push: np.ndarray) -> str:
    """The note of the feature that pushed ``stance`` over the runner-up most. For ``agree``
    the features that push are what the two keep, so they are told as such."""
    notes = _agree_notes(facts) if stance == "agree" else facts.notes
    ranked = sorted(
        (float(-value), name)
        for name, value in zip(model.features, push, strict=True)
        if name in notes and value > 0
    )
    if not ranked:
        if stance == "agree":
            return "no slot differs"
        return f"{_RELATED[stance]}: " + facts.notes["related"]
    name = ranked[0][1]
    return f"{_RELATED[stance]}: {notes[name]}" if name == "related" else notes[name]


def _agree_notes(facts: PairFacts) -> dict[str, str]:
    values = facts.values
    notes = {
        "related": facts.notes["related"],
        "claim_missing": f"restated: keeps {1 - values['claim_missing']:.0%} of the claim's weight",
        "text_missing": f"restated: {values['text_missing']:.0%} of the text's weight is new",
        "order": f"restated: {values['order']:.0%} alike in word order",
    }
    for name in ("contrast_added", "contrast_dropped"):
        if values[name] < 0 and name in facts.notes:
            notes[name] = facts.notes[name]
    return notes


def check_text(
    claim: str, sentences: Iterable[str], *, config: StanceConfig = StanceConfig()
) -> Verdict:
    """Judge the sentence of ``sentences`` most related to ``claim`` (ties: the first)."""
    candidates: Sequence[str] = [s for s in sentences if s.strip()]
    if not candidates:
        return Verdict("other", "unrelated: no sentence to compare", "")
    ours = read_side(claim)
    best = max(candidates, key=lambda sentence: relatedness(ours, read_side(sentence)))
    return judge(claim, best, config=config)
