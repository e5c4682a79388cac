"""Stance of a text towards a claim: does it agree, disagree, or speak of something else?

    >>> judge("29 قتيلا في هجوم على استعراض عسكري في الأهواز",
    ...       "53 قتيلا في هجوم على استعراض عسكري في الأهواز").reason
    'number differs: 29 vs 53 (قتيلا)'

("29 dead in an attack on a military parade in Ahvaz" against "53 dead ...".) One sentence
is judged against the claim by a few explainable rules, first match wins. What each is
worth, as macro-F1 lost without it on the ANS dev calibration half / ANS train:

1. *unrelated*: the IDF-weighted stem overlap (:func:`akhbar.story.claims.statement_similarity`) is
   below ``StanceConfig.related`` → ``other`` (0.168 / 0.243);
2. *number*: a count of the same kind whose values do not cover each other (a hedged
   "نحو 20" covers 18) → ``disagree`` (0.007 / 0.003);
3. *negation*: a negator (lexicon ``stance_negators``: لم، لن، ليس، نفى، رفض، ألغى ...) on
   one side only (0.048 / 0.058);
4. *opposite words*: a word of one side of a line of lexicon ``stance_opposites`` in the
   claim and of the other side in the text (ارتفع / انخفض), compared by stems so
   inflections meet (0.031 / 0.039);
5. *name*: the claim names a country or place the text does not, and the text one the
   claim does not ("إيران والمغرب" / "إيران والعراق") (0.017 / 0.034); or a rare word of the
   claim stands where the text has another rare word (0.017 / 0.006);
6. *account*: related, but sharing under ``StanceConfig.account`` of the weight
   (0.018 / 0.014);

and ``agree`` otherwise. :func:`check_text` judges the sentence of an article most related
to the claim. Scores: :mod:`akhbar.eval.stance`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from akhbar.analyze.entities.lexicons import match_phrases, nisba_country, place_names
from akhbar.analyze.quantities import find_quantities
from akhbar.arabic.doc import make_doc
from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.stems import stem_bases
from akhbar.arabic.tokens import base_words
from akhbar.model import Quantity
from akhbar.story.claims import statement_similarity, stem_weight

__all__ = ["StanceConfig", "Verdict", "check_text", "judge"]

Stance = Literal["agree", "disagree", "other"]
# Present-tense prefixes: "يرتفع" is "ارتفع" and "يهبط" is "هبط" for the opposites.
_PRESENT = "يتن"


@dataclass(frozen=True)
class Verdict:
    """``stance`` of a text towards a claim, the ``reason`` (which slot differs, in English)
    and the ``evidence``: the sentence that was judged."""

    stance: Stance
    reason: str
    evidence: str


@dataclass(frozen=True)
class StanceConfig:
    """``related``: share of the shorter side's stem weight the two must share to speak of
    one thing; ``rare``: IDF weight a word needs to count as a name or key word for the
    swapped-word rule; ``account``: related sentences sharing less than this, with no slot
    found to differ, tell another account of it. Read on the ANS dev calibration half and
    ANS train (see :mod:`akhbar.eval.stance`)."""

    related: float = 0.2
    rare: float = 6.0
    account: float = 0.5


@dataclass(frozen=True)
class _Side:
    """A sentence read once: every word's base, and the stems of its content words with
    the bases they came from (``bases_kept[i]`` gave ``stems[i]``)."""

    text: str
    bases: tuple[str, ...]
    bases_kept: tuple[str, ...]
    stems: tuple[str, ...]


def _side(text: str) -> _Side:
    bases = tuple(base_words(text))
    kept = tuple(base for base in bases if stem_bases([base]))
    return _Side(text, bases, kept, stem_bases(kept))


def _forms(stem: str) -> frozenset[str]:
    """A stem and its past-tense readings: "يرتفع" meets "ارتفع", "يهبط" meets "هبط"."""
    if len(stem) >= 4 and stem[0] in _PRESENT:
        return frozenset({stem, stem[1:], "ا" + stem[1:]})
    return frozenset({stem})


@cache
def _negators() -> tuple[frozenset[str], frozenset[str]]:
    """Negator bases (particles, which are stopwords) and the stem forms of the verbs."""
    entries = load_entries("stance_negators")
    forms = (form for stem in stem_bases(entries) for form in _forms(stem))
    return frozenset(entries), frozenset(forms)


@dataclass(frozen=True)
class _Opposites:
    """Two sides of a line of ``stance_opposites``: stem forms -> the word written."""

    one: dict[str, str]
    two: dict[str, str]


@cache
def _opposites() -> tuple[_Opposites, ...]:
    out = []
    for line in load_entries("stance_opposites"):
        one, _, two = line.partition(" / ")
        out.append(_Opposites(_stem_forms(one.split()), _stem_forms(two.split())))
    return tuple(out)


def _stem_forms(words: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for word in words:
        for stem in stem_bases([word]) or (word,):
            for form in _forms(stem):
                out.setdefault(form, word)
    return out


def _all_forms(side: _Side) -> frozenset[str]:
    return frozenset(form for stem in side.stems for form in _forms(stem))


def _relatedness(claim: _Side, text: _Side) -> float:
    if not claim.stems or not text.stems:
        return 0.0
    return statement_similarity(frozenset(claim.stems), frozenset(text.stems))


def _quantities(text: str) -> tuple[Quantity, ...]:
    return find_quantities(make_doc(text))


def _covers(one: Quantity, two: Quantity) -> bool:
    low_one, high_one = one.low or 0.0, one.high if one.high is not None else float("inf")
    low_two, high_two = two.low or 0.0, two.high if two.high is not None else float("inf")
    return low_one <= high_two and low_two <= high_one


def _number(claim: _Side, text: _Side) -> str | None:
    ours = _quantities(claim.text)
    theirs = _quantities(text.text)
    for one in ours:
        same = [two for two in theirs if two.kind == one.kind]
        if same and not any(_covers(one, two) for two in same):
            two = same[0]
            return f"number differs: {_value(one)} vs {_value(two)} ({two.counted})"
    return None


def _value(quantity: Quantity) -> str:
    return f"{quantity.value:g}"


def _negation(claim: _Side, text: _Side) -> str | None:
    ours, theirs = _negating(claim), _negating(text)
    if bool(ours) != bool(theirs):
        side, words = ("claim", ours) if ours else ("text", theirs)
        return f"negation: only the {side} says {words[0]}"
    return None


def _negating(side: _Side) -> list[str]:
    """The negators of a side: particles by their base, verbs by their stem forms."""
    particles, verbs = _negators()
    return [base for base in side.bases if base in particles or _forms_of(base) & verbs]


def _forms_of(base: str) -> frozenset[str]:
    stems = stem_bases([base])
    return _forms(stems[0]) if stems else frozenset()


def _places(side: _Side) -> frozenset[str]:
    """Countries and places a side names, by their gazetteer name: "المغرب" and "مغربية"
    both name المغرب."""
    named = {place for _, _, place in match_phrases(side.bases, place_names())}
    nisba = nisba_country()
    return frozenset(named | {nisba[base] for base in side.bases if base in nisba})


def _place(claim: _Side, text: _Side) -> str | None:
    ours, theirs = _places(claim), _places(text)
    gone, new = sorted(ours - theirs), sorted(theirs - ours)
    if gone and new:
        return f"name differs: {gone[0]} vs {new[0]}"
    return None


def _opposite(claim: _Side, text: _Side) -> str | None:
    ours, theirs = _all_forms(claim), _all_forms(text)
    for pair in _opposites():
        for left, right in ((pair.one, pair.two), (pair.two, pair.one)):
            said, told = ours & left.keys(), theirs & right.keys()
            if said and told and not ours & right.keys() and not theirs & left.keys():
                return f"opposite words: {_written(claim, said)} / {_written(text, told)}"
    return None


def _written(side: _Side, forms: frozenset[str]) -> str:
    """The first word of ``side`` whose stem has one of ``forms``, as its base."""
    return next(b for b, s in zip(side.bases_kept, side.stems, strict=True) if _forms(s) & forms)


def _swap(claim: _Side, text: _Side, config: StanceConfig) -> str | None:
    """A rare claim word replaced, in the same place, by a rare word the claim lacks."""
    weight = stem_weight()
    matcher = difflib.SequenceMatcher(None, claim.stems, text.stems, autojunk=False)
    ours, theirs = set(claim.stems), set(text.stems)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        gone = [s for s in claim.stems[i1:i2] if s not in theirs and weight(s) >= config.rare]
        new = [s for s in text.stems[j1:j2] if s not in ours and weight(s) >= config.rare]
        if gone and new:
            return f"name differs: {_surface(claim, gone[0])} vs {_surface(text, new[0])}"
    return None


def _surface(side: _Side, stem: str) -> str:
    return side.bases_kept[side.stems.index(stem)]


def judge(claim: str, text: str, *, config: StanceConfig = StanceConfig()) -> Verdict:
    """The stance of ``text`` (one sentence or a short text) towards ``claim``."""
    ours, theirs = _side(claim), _side(text)
    score = _relatedness(ours, theirs)
    if score < config.related:
        return Verdict("other", f"unrelated: shares {score:.0%} of the claim's weight", text)
    for rule in (_number, _negation, _opposite, _place):
        reason = rule(ours, theirs)
        if reason:
            return Verdict("disagree", reason, text)
    reason = _swap(ours, theirs, config)
    if reason:
        return Verdict("disagree", reason, text)
    if score < config.account:
        # ANS: a headline restated keeps most of its words; one that keeps under half with
        # no slot found to differ mostly tells another account (+0.02 macro-F1 calibration).
        return Verdict("disagree", f"account differs: shares only {score:.0%}", text)
    return Verdict("agree", "no slot differs", text)


def check_text(
    claim: str, sentences: Iterable[str], *, config: StanceConfig = StanceConfig()
) -> Verdict:
    """Judge the sentence of ``sentences`` most related to ``claim`` (ties: the first)."""
    candidates: Sequence[str] = [s for s in sentences if s.strip()]
    if not candidates:
        return Verdict("other", "unrelated: no sentence to compare", "")
    ours = _side(claim)
    best = max(candidates, key=lambda sentence: _relatedness(ours, _side(sentence)))
    return judge(claim, best, config=config)
