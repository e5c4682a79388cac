"""What a claim and a text share and where they differ, as numbers a stance model reads.

    >>> facts = read_pair("النفط يهبط بفعل مخاوف من زيادة إنتاج أوبك",
    ...                   "النفط يرتفع بازدياد إنتاج أوبك")
    >>> facts.values["opposite"], facts.notes["opposite"]
    (1.0, 'opposite words: يهبط / يرتفع')

("Oil falls on fears of more OPEC output" against "Oil rises as OPEC output grows".) Each
feature is a value and, where it has something to show, a note in words that a verdict can
cite (:data:`FEATURES` lists them). The slot rules (number, negation, opposite words, names)
are the rules of the first version of :mod:`akhbar.story.stance`, kept as features.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from akhbar.analyze.entities.lexicons import match_phrases, nisba_country, place_names
from akhbar.analyze.quantities import find_quantities
from akhbar.arabic.doc import make_doc
from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.arabic.stems import stem_bases
from akhbar.arabic.tokens import base_words
from akhbar.model import Quantity
from akhbar.story.claims import statement_similarity, stem_weight

__all__ = [
    "FEATURES",
    "RARE",
    "PairFacts",
    "Side",
    "only_in",
    "read_pair",
    "read_side",
    "word_changes",
]

# Related below this, the first version called a pair other (ANS dev calibration half).
UNRELATED = 0.2
# Features in model order: name -> what it measures.
FEATURES = {
    "related": "share of the shorter side's stem weight the two share (IDF-weighted)",
    "unrelated": f"related below {UNRELATED} (the first version's rule for other)",
    "claim_missing": "share of the claim's stem weight the text lacks",
    "text_missing": "share of the text's stem weight the claim lacks",
    "number": "a count of the same kind whose values do not cover each other",
    "negation": "a negator (lexicon stance_negators) on one side only",
    "opposite": "a word of one side of a stance_opposites line in each",
    "place": "the claim names a place the text does not, and the text one the claim does not",
    "rare_swap": "a rare claim word replaced, in the same place, by a rare word",
    "replaced": "claim words substituted in place (difflib on stems), at most 3",
    "replaced_opposite": "a substituted pair is in stance_opposites",
    "order": "difflib similarity of the two stem sequences (same words in the same order: 1)",
    "length": "log of the text's content words over the claim's",
    "contrast_added": "stance_contrast scores of the stems only the text has, summed",
    "contrast_dropped": "stance_contrast scores of the stems only the claim has, summed",
    "contrast_peak": "the highest stance_contrast score of a stem on one side only (or 0)",
    "roles": "two key words of both sides in the opposite order (ميركل تحذر ترامب)",
}
# IDF weight a word needs to count as a name or key word for ``rare_swap``.
RARE = 6.0
# IDF weight of a word that names who does what to whom, for ``roles``.
ROLE = 5.0
# Present-tense prefixes: "يرتفع" is "ارتفع" and "يهبط" is "هبط" for the opposites.
_PRESENT = "يتن"
_REPLACED_CAP = 3


@dataclass(frozen=True)
class Side:
    """A sentence read once: every word's base, and the stems of its content words with
    the bases they came from (``bases_kept[i]`` gave ``stems[i]``)."""

    text: str
    bases: tuple[str, ...]
    bases_kept: tuple[str, ...]
    stems: tuple[str, ...]


@dataclass(frozen=True)
class PairFacts:
    """``values``: feature name -> value, every name of :data:`FEATURES`; ``notes``: feature
    name -> what it found, in words, for the features with something to show."""

    values: dict[str, float]
    notes: dict[str, str]


def read_side(text: str) -> Side:
    bases = tuple(base_words(text))
    kept = tuple(base for base in bases if stem_bases([base]))
    return Side(text, bases, kept, stem_bases(kept))


def read_pair(claim: str | Side, text: str | Side) -> PairFacts:
    """Every feature of :data:`FEATURES` for ``text`` against ``claim``."""
    ours = claim if isinstance(claim, Side) else read_side(claim)
    theirs = text if isinstance(text, Side) else read_side(text)
    values: dict[str, float] = {}
    notes: dict[str, str] = {}
    related = relatedness(ours, theirs)
    values["related"] = related
    notes["related"] = f"shares {related:.0%} of the claim's weight"
    values["unrelated"] = 1.0 if related < UNRELATED else 0.0
    if values["unrelated"]:
        notes["unrelated"] = f"unrelated: shares {related:.0%} of the claim's weight"
    _missing(ours, theirs, values, notes)
    for name, rule in (
        ("number", _number),
        ("negation", _negation),
        ("opposite", _opposite),
        ("place", _place),
        ("rare_swap", _swap),
    ):
        note = rule(ours, theirs)
        values[name] = 1.0 if note else 0.0
        if note:
            notes[name] = note
    _replaced(ours, theirs, values, notes)
    order = difflib.SequenceMatcher(None, ours.stems, theirs.stems, autojunk=False).ratio()
    values["order"] = order
    notes["order"] = f"word order {'kept' if order >= 0.5 else 'changed'}: {order:.0%} alike"
    values["length"] = math.log((len(theirs.stems) + 1) / (len(ours.stems) + 1))
    _contrast(ours, theirs, values, notes)
    _roles(ours, theirs, values, notes)
    return PairFacts(values, notes)


def relatedness(claim: Side, text: Side) -> float:
    if not claim.stems or not text.stems:
        return 0.0
    return statement_similarity(frozenset(claim.stems), frozenset(text.stems))


def only_in(one: Side, two: Side) -> tuple[str, ...]:
    """Stems of ``one`` that ``two`` lacks, once each; a present-tense verb is not missing
    where the other side has its past or noun stem ("يصاب" and "إصابة" both give اصاب)."""
    forms = _all_forms(two)
    return tuple(s for s in dict.fromkeys(one.stems) if not _forms(s) & forms)


def _missing(claim: Side, text: Side, values: dict[str, float], notes: dict[str, str]) -> None:
    weight = stem_weight()
    for name, one, two, said in (
        ("claim_missing", claim, text, "claim words the text lacks"),
        ("text_missing", text, claim, "words only the text has"),
    ):
        gone = only_in(one, two)
        total = sum(map(weight, sorted(set(one.stems))))
        values[name] = sum(map(weight, sorted(gone))) / total if total else 0.0
        if gone:
            words = "، ".join(_surface(one, s) for s in gone[:3])
            notes[name] = f"{said}: {words} ({values[name]:.0%} of its weight)"


def word_changes(claim: Side, text: Side) -> list[tuple[str, str]]:
    """Claim stems and the text stems that stand in their place, neither found on the other
    side (difflib's ``replace`` runs, paired in order)."""
    matcher = difflib.SequenceMatcher(None, claim.stems, text.stems, autojunk=False)
    ours, theirs = set(only_in(claim, text)), set(only_in(text, claim))
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        gone = [s for s in claim.stems[i1:i2] if s in ours]
        new = [s for s in text.stems[j1:j2] if s in theirs]
        out.extend(zip(gone, new, strict=False))
    return out


def _replaced(claim: Side, text: Side, values: dict[str, float], notes: dict[str, str]) -> None:
    changes = word_changes(claim, text)
    values["replaced"] = float(min(len(changes), _REPLACED_CAP))
    values["replaced_opposite"] = 0.0
    if not changes:
        return
    shown = [f"{_surface(claim, one)} → {_surface(text, two)}" for one, two in changes[:2]]
    notes["replaced"] = "words changed: " + "، ".join(shown)
    for one, two in changes:
        for pair in _opposites():
            forms_one, forms_two = _forms(one), _forms(two)
            if (forms_one & pair.one.keys() and forms_two & pair.two.keys()) or (
                forms_one & pair.two.keys() and forms_two & pair.one.keys()
            ):
                values["replaced_opposite"] = 1.0
                notes["replaced_opposite"] = (
                    f"opposite words: {_surface(claim, one)} → {_surface(text, two)}"
                )
                return


def _roles(claim: Side, text: Side, values: dict[str, float], notes: dict[str, str]) -> None:
    """Key words (weight ``ROLE``) found once on each side, in the opposite order."""
    weight = stem_weight()
    shared = [
        s
        for s in claim.stems
        if weight(s) >= ROLE and claim.stems.count(s) == 1 and text.stems.count(s) == 1
    ]
    values["roles"] = 0.0
    for i, one in enumerate(shared):
        for two in shared[i + 1 :]:
            if text.stems.index(one) > text.stems.index(two):
                values["roles"] = 1.0
                notes["roles"] = f"roles swapped: {_surface(claim, one)} / {_surface(claim, two)}"
                return


def _contrast(claim: Side, text: Side, values: dict[str, float], notes: dict[str, str]) -> None:
    scores = contrast_scores()
    values["contrast_peak"] = 0.0
    for name, one, two, said in (
        ("contrast_added", text, claim, "added"),
        ("contrast_dropped", claim, text, "dropped"),
    ):
        found = [(scores[s], s) for s in only_in(one, two) if s in scores]
        values[name] = sum(score for score, _ in found)
        if found and max(found)[0] > values["contrast_peak"]:
            values["contrast_peak"] = max(found)[0]
            notes["contrast_peak"] = f"contrast-prone word {said}: {_surface(one, max(found)[1])}"
        if found:
            score, stem = max(found, key=lambda item: abs(item[0]))
            kind = "contrast-prone" if score > 0 else "restating"
            notes[name] = f"{kind} word {said}: {_surface(one, stem)}"


@cache
def contrast_scores() -> dict[str, float]:
    """Stem -> log-odds of disagree over agree when a pair differs by it (lexicon
    ``stance_contrast``, written by ``python -m akhbar.eval.stance --train-lexicon``)."""
    out: dict[str, float] = {}
    for word, value in load_mapping("stance_contrast").items():
        for stem in stem_bases([word]):
            out[stem] = float(value.split("\t")[0])
    return out


def _forms(stem: str) -> frozenset[str]:
    """A stem and its past-tense readings: "يرتفع" meets "ارتفع", "يهبط" meets "هبط", and
    "يوكد" (يؤكد in key form, the hamza on its seat) meets "اكد"."""
    if len(stem) >= 4 and stem[0] in _PRESENT:
        forms = {stem, stem[1:], "ا" + stem[1:]}
        if stem[1] == "و":
            forms.add("ا" + stem[2:])
        return frozenset(forms)
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


def _all_forms(side: Side) -> frozenset[str]:
    return frozenset(form for stem in side.stems for form in _forms(stem))


def _quantities(text: str) -> tuple[Quantity, ...]:
    return find_quantities(make_doc(text))


def _covers(one: Quantity, two: Quantity) -> bool:
    low_one, high_one = one.low or 0.0, one.high if one.high is not None else float("inf")
    low_two, high_two = two.low or 0.0, two.high if two.high is not None else float("inf")
    return low_one <= high_two and low_two <= high_one


def _number(claim: Side, text: Side) -> str | None:
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


def _negation(claim: Side, text: Side) -> str | None:
    ours, theirs = _negating(claim), _negating(text)
    if bool(ours) != bool(theirs):
        side, words = ("claim", ours) if ours else ("text", theirs)
        return f"negation: only the {side} says {words[0]}"
    return None


def _negating(side: Side) -> list[str]:
    """The negators of a side: particles by their base, verbs by their stem forms."""
    particles, verbs = _negators()
    return [base for base in side.bases if base in particles or _forms_of(base) & verbs]


def _forms_of(base: str) -> frozenset[str]:
    stems = stem_bases([base])
    return _forms(stems[0]) if stems else frozenset()


def _places(side: Side) -> frozenset[str]:
    """Countries and places a side names, by their gazetteer name: "المغرب" and "مغربية"
    both name المغرب; a capital (lexicon ``capitals``) names its country."""
    named = {place for _, _, place in match_phrases(side.bases, place_names())}
    nisba = nisba_country()
    named |= {nisba[base] for base in side.bases if base in nisba}
    # A capital stands for its country ("موسكو" / "روسيا" is no swap).
    capitals = load_mapping("capitals")
    return frozenset(capitals.get(to_key(place), place) for place in named)


def _place(claim: Side, text: Side) -> str | None:
    ours, theirs = _places(claim), _places(text)
    gone, new = sorted(ours - theirs), sorted(theirs - ours)
    if gone and new:
        return f"name differs: {gone[0]} vs {new[0]}"
    return None


def _opposite(claim: Side, text: Side) -> str | None:
    ours, theirs = _all_forms(claim), _all_forms(text)
    for pair in _opposites():
        for left, right in ((pair.one, pair.two), (pair.two, pair.one)):
            said, told = ours & left.keys(), theirs & right.keys()
            if said and told and not ours & right.keys() and not theirs & left.keys():
                return f"opposite words: {_written(claim, said)} / {_written(text, told)}"
    return None


def _written(side: Side, forms: frozenset[str]) -> str:
    """The first word of ``side`` whose stem has one of ``forms``, as its base."""
    return next(b for b, s in zip(side.bases_kept, side.stems, strict=True) if _forms(s) & forms)


def _swap(claim: Side, text: Side) -> str | None:
    """A rare claim word replaced, in the same place, by a rare word the claim lacks."""
    weight = stem_weight()
    matcher = difflib.SequenceMatcher(None, claim.stems, text.stems, autojunk=False)
    ours, theirs = set(claim.stems), set(text.stems)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        gone = [s for s in claim.stems[i1:i2] if s not in theirs and weight(s) >= RARE]
        new = [s for s in text.stems[j1:j2] if s not in ours and weight(s) >= RARE]
        if gone and new:
            return f"name differs: {_surface(claim, gone[0])} vs {_surface(text, new[0])}"
    return None


def _surface(side: Side, stem: str) -> str:
    return side.bases_kept[side.stems.index(stem)]
