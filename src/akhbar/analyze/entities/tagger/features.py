"""CRF features of a sentence's tokens: the same function at training and at tagging time.

Arabic attaches conjunctions, prepositions and the article to the word (وبوتين, بالشرع), and
NewsFANE splits some of them off while news text does not, so the central feature is the
clitic-free base; the surface key, the clitic chain itself, affixes, neighbours and lexicon
membership (titles, nisba adjectives, gazetteer places, organisations, media, given names)
complete it. For names the training data never showed, ANT corpus statistics stand in: how
often a word follows a given name, a title, an organisation or place trigger (``ner_word_stats``,
``ner_word_contexts``) and its distributional classes at four granularities
(``ner_word_clusters``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from akhbar.analyze.entities.lexicons import (
    is_given_name,
    match_phrases,
    media_names,
    media_triggers,
    nisba_country,
    org_names,
    org_triggers,
    place_names,
    title_heads,
    title_objects,
    word_classes,
    word_contexts,
    word_stats,
)
from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import strip_clitics

__all__ = [
    "EDGE",
    "NEIGHBOUR_OFFSETS",
    "bigram_features",
    "gazetteer_tags",
    "lexicon_features",
    "neighbour_features",
    "own_classes",
    "own_features",
    "sentence_features",
    "word_forms",
]

# Neighbour window: two words each side was as good as three on the dev split, and smaller.
_WINDOW = 2
# Distributional classes by granularity (lexicon ner_word_clusters); words two away get only
# the coarse ones.
_CLASS_SIZES = ("Lc32", "Lc128", "Lc512", "Lc2048")
_FINE_CLASSES = ("Lc512", "Lc2048")
# ner_word_contexts digits: after a title, an organisation or place trigger, a speech verb,
# في; before a nisba.
_CONTEXTS = ("xt", "xo", "xp", "xv", "xf", "xn")


def word_forms(words: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``(key, base)`` of each word as written (gold tokens or display tokens)."""
    out = []
    for word in words:
        key = to_key(word)
        out.append((key, strip_clitics(key)))
    return tuple(out)


def sentence_features(forms: Sequence[tuple[str, str]]) -> list[list[str]]:
    """One feature list per token of a sentence, from its ``(key, base)`` forms."""
    bases = [base for _, base in forms]
    gazetteer = gazetteer_tags(tuple(bases))
    out = []
    for index, form in enumerate(forms):
        feats = [*own_features(*form), *gazetteer[index]]
        for offset in NEIGHBOUR_OFFSETS:
            other = index + offset
            inside = 0 <= other < len(forms)
            feats += neighbour_features(*forms[other], offset) if inside else EDGE[offset]
        feats += bigram_features(bases, index)
        out.append(feats)
    return out


# Offsets of the neighbours a token's features describe.
NEIGHBOUR_OFFSETS = tuple(offset for offset in range(-_WINDOW, _WINDOW + 1) if offset)
# What a token beyond the sentence's edge contributes.
EDGE = {offset: (f"{offset}b=<edge>",) for offset in NEIGHBOUR_OFFSETS}


# A word's own features and those it gives its neighbours depend on the word alone, and news
# repeats its words, so they are kept for the most recent words.
@lru_cache(maxsize=1 << 16)
def own_features(key: str, base: str) -> tuple[str, ...]:
    """The features a token has of its own (word, affixes, classes), context left out."""
    return ("bias", f"k={key}", f"b={base}", *_affixes(key, base), *_word_class(key, base))


@lru_cache(maxsize=1 << 16)
def neighbour_features(key: str, base: str, offset: int) -> tuple[str, ...]:
    """The features a word gives the token ``offset`` words from it (its base and its
    lexicon classes; the fine classes only to the next word on each side)."""
    return (
        f"{offset}b={base}",
        *(
            f"{offset}{name}"
            for name in _word_class(key, base)
            if name[0] == "L" and (abs(offset) == 1 or not name.startswith(_FINE_CLASSES))
        ),
    )


def bigram_features(bases: Sequence[str], index: int) -> list[str]:
    """The token's base paired with the base before it and with the base after it."""
    out = []
    if index > 0:
        out.append(f"-1b|b={bases[index - 1]}|{bases[index]}")
    if index + 1 < len(bases):
        out.append(f"b|+1b={bases[index]}|{bases[index + 1]}")
    return out


def lexicon_features(forms: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Each token's own classes, gazetteer tags and clitic chain: what the neural tagger
    (:mod:`akhbar.analyze.entities.tagger.network`) reads beside words and characters.
    Neighbours and
    character n-grams are left out: the network reads those itself."""
    gazetteer = gazetteer_tags(tuple(base for _, base in forms))
    return [
        [*own_classes(key, base), *tags] for (key, base), tags in zip(forms, gazetteer, strict=True)
    ]


@lru_cache(maxsize=1 << 16)
def own_classes(key: str, base: str) -> tuple[str, ...]:
    """A word's own lexicon classes and clitic chain: what the network reads of it beside
    its vector and characters (:func:`lexicon_features` less the gazetteer tags)."""
    chain = key[: len(key) - len(base)] if key.endswith(base) else ""
    own = [name for name in _word_class(key, base) if not name.startswith(("c3=", "len="))]
    return (*own, f"clitic={chain}")


def _affixes(key: str, base: str) -> list[str]:
    chain = key[: len(key) - len(base)] if key.endswith(base) else ""
    feats = [f"clitic={chain}"]
    feats += [f"p{size}={base[:size]}" for size in (1, 2, 3) if len(base) > size]
    feats += [f"s{size}={base[-size:]}" for size in (1, 2, 3) if len(base) > size]
    return feats


# Both models read a token's classes (the CRF, then the network): a word's classes depend on
# the word alone, and news repeats its words, so they are kept for the most recent words.
@lru_cache(maxsize=1 << 16)
def _word_class(key: str, base: str) -> tuple[str, ...]:
    """Shape and single-word lexicon classes; ``L...`` classes are also given to neighbours."""
    if not key:
        return ("shape=empty",)
    if key.isdigit():
        return ("shape=digit",)
    if not ("\u0600" <= key[0] <= "\u06ff"):
        shape = "shape=latin" if key.isalpha() else "shape=punct"
        return (shape, f"punct={key}") if shape == "shape=punct" else (shape,)
    feats = ["shape=arabic", f"len={min(len(base), 8)}"]
    lexicons = (
        ("Ltitle", title_heads()),
        ("Lobject", title_objects()),
        ("Lorgtrig", org_triggers()),
        ("Lmediatrig", media_triggers()),
    )
    feats += [name for name, words in lexicons if base in words]
    if is_given_name(key, base):
        feats.append("Lgiven")
    if base in nisba_country():
        feats.append("Lnisba")
    stats = word_stats().get(base)
    if stats is None:
        feats.append("wf=unseen")
    else:
        freq, article, after_title = stats
        feats += [f"wf={freq}", f"wa={article}", f"wc={after_title}", f"wac={article}{after_title}"]
    feats += [f"c3={base[i : i + 3]}" for i in range(1, len(base) - 3)]
    contexts = word_contexts().get(base)
    if contexts is not None:
        feats += [f"{name}={value}" for name, value in zip(_CONTEXTS, contexts, strict=True)]
    classes = word_classes().get(base)
    if classes is not None:
        feats += [f"{name}={value}" for name, value in zip(_CLASS_SIZES, classes, strict=True)]
    return tuple(feats)


@lru_cache(maxsize=8)  # the sentence both models are reading
def gazetteer_tags(bases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """BI membership of each word in gazetteer phrases (places, organisations, media)."""
    tags: list[list[str]] = [[] for _ in bases]
    for name, phrases in (("place", place_names()), ("org", org_names()), ("media", media_names())):
        for start, end, _ in match_phrases(bases, phrases):
            tags[start].append(f"G{name}=B")
            for inside in range(start + 1, end):
                tags[inside].append(f"G{name}=I")
    return tuple(tuple(found) for found in tags)
