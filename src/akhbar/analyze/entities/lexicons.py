"""The word lists around the entity tagger, loaded once and shaped for matching.

Every list lives under ``akhbar/arabic/lexicon/`` (``titles_*``, ``nisba``, ``gazetteer_places``,
``org_*``, ``media_*``, ``ner_given_names``, and the ANT-derived ``ner_word_*`` built by
``scripts/build_ner_lexicons.py``). Words are compared in clitic-free base form
(:func:`~akhbar.arabic.tokens.strip_clitics`), so "لروسيا" finds روسيا and "بالكرملين" finds
الكرملين.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.arabic.tokens import strip_clitics

__all__ = [
    "Phrases",
    "article_forms",
    "given_names",
    "has_article",
    "is_given_name",
    "make_phrases",
    "match_phrases",
    "media_names",
    "media_triggers",
    "nisba_country",
    "org_names",
    "org_triggers",
    "place_names",
    "place_words",
    "stopwords",
    "title_heads",
    "title_objects",
    "title_qualifiers",
    "usually_definite",
    "word_classes",
    "word_contexts",
    "word_stats",
]


class Phrases(NamedTuple):
    """A phrase table: clitic-free word tuple -> value (display name or type), the longest
    phrase's length, and the words phrases open with (most words open none: skipped at once)."""

    table: Mapping[tuple[str, ...], str]
    longest: int
    firsts: frozenset[str]


def make_phrases(table: Mapping[tuple[str, ...], str]) -> Phrases:
    return Phrases(
        table,
        max((len(words) for words in table), default=0),
        frozenset(words[0] for words in table if words),
    )


def _bases(entry: str) -> tuple[str, ...]:
    return tuple(strip_clitics(word) for word in entry.split())


def _phrases(pairs: Iterable[tuple[str, str]]) -> Phrases:
    table: dict[tuple[str, ...], str] = {}
    for entry, value in pairs:
        table.setdefault(_bases(entry), value)
    return make_phrases(table)


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(strip_clitics(entry) for entry in load_entries(name))


@cache
def stopwords() -> frozenset[str]:
    """Function words as written (key form, clitics left on)."""
    return frozenset(load_entries("stopwords"))


def title_heads() -> frozenset[str]:
    return _word_set("titles_heads")


def title_objects() -> frozenset[str]:
    return _word_set("titles_objects")


def title_qualifiers() -> frozenset[str]:
    return _word_set("titles_qualifiers")


@cache
def word_stats() -> Mapping[str, tuple[str, str, str]]:
    """Clitic-free word -> (log2 frequency, article share, after-title share) buckets.

    From the ANT corpus (lexicon ``ner_word_stats``); names rarely take the article.
    """
    return {word: tuple(value.split(":")) for word, value in load_mapping("ner_word_stats").items()}


# Article-share bucket (0..4) from which a word "usually takes the article".
_DEFINITE_BUCKET = 3


def usually_definite(base: str, min_log2: int) -> bool:
    """A clitic-free word seen 2**min_log2 times or more in ANT that usually takes the
    article: a common noun or adjective ("حكومه", "شيعي"), where names seldom take it."""
    seen = word_stats().get(base)
    return seen is not None and int(seen[0]) >= min_log2 and int(seen[1]) >= _DEFINITE_BUCKET


@cache
def word_classes() -> Mapping[str, tuple[str, ...]]:
    """Clitic-free word -> its classes among 32, 128, 512 and 2048 from ANT contexts."""
    return {
        word: tuple(value.split(":")) for word, value in load_mapping("ner_word_clusters").items()
    }


@cache
def word_contexts() -> Mapping[str, str]:
    """Clitic-free word -> its ANT context buckets, one digit each for: after a title, after
    an organisation trigger, after a place trigger, after a speech verb, after في, before a
    nisba (lexicon ``ner_word_contexts``).

    >>> word_contexts()["جاوا"][2]   # "جزيرة جاوا": mostly after a place trigger
    '5'
    """
    return {
        word: value.replace(":", "") for word, value in load_mapping("ner_word_contexts").items()
    }


@cache
def place_words() -> frozenset[str]:
    """Words of the gazetteer's place names as written (key form, article kept)."""
    return frozenset(word for name in load_mapping("gazetteer_places") for word in name.split())


@cache
def given_names() -> frozenset[str]:
    """Given names as the lexicon writes them (clitic-free already: stripping "فراس" would
    leave "راس", the word for head)."""
    return frozenset(load_entries("ner_given_names"))


def is_given_name(key: str, base: str) -> bool:
    """A word (its key form and clitic-free base) is a given name: "فراس", "وأحمد"; not
    "رأس", and not a common noun with the article ("العمر" is age, "الجمال" beauty)."""
    names = given_names()
    if key in names:
        return True
    return base in names and not key.endswith("ال" + base)


def org_triggers() -> frozenset[str]:
    return _word_set("org_triggers")


def media_triggers() -> frozenset[str]:
    return _word_set("media_triggers")


@cache
def nisba_country() -> Mapping[str, str]:
    """Clitic-free nisba form -> country, masculine, feminine (ة) and plural forms.

    >>> nisba_country()["روسيه"], nisba_country()["سوريين"]
    ('روسيا', 'سوريا')
    """
    out: dict[str, str] = {}
    for entry, country in load_mapping("nisba").items():
        for form in (entry, entry + "ه", entry + "ين", entry + "ون"):
            out.setdefault(strip_clitics(form), country)
    return out


@cache
def place_names() -> Phrases:
    """Place phrases -> display name (سوريه -> سوريا, the gazetteer's variants folded)."""
    return _phrases(load_mapping("gazetteer_places").items())


@cache
def org_names() -> Phrases:
    return _phrases((entry, "ORG") for entry in load_entries("org_names"))


@cache
def media_names() -> Phrases:
    return _phrases((entry, "MEDIA") for entry in load_entries("media_names"))


def has_article(key: str, base: str) -> bool:
    """The word carries the article among its clitics: "المالي", "للجزيرة", "بالرقة"."""
    if not key.endswith(base):
        return key.startswith(("لل", "ولل", "فلل"))  # ل + "الكرملين" is written للكرملين
    return key[: len(key) - len(base)].endswith(("ال", "لل"))


@cache
def article_forms(lexicon: str) -> Mapping[tuple[str, ...], frozenset[bool]]:
    """Phrase (clitic-free words) -> whether its entries' first word has the article.

    Matching on clitic-free words forgets the article, and with it "مالي" (Mali) and "المالي"
    (financial), "الجزيرة" (the channel) and "جزيرة" (an island), "الرقة" and "ورقة".
    """
    entries = load_mapping(lexicon) if lexicon == "gazetteer_places" else load_entries(lexicon)
    forms: dict[tuple[str, ...], set[bool]] = {}
    for entry in entries:
        first = entry.split()[0]
        forms.setdefault(_bases(entry), set()).add(has_article(first, strip_clitics(first)))
    return {phrase: frozenset(found) for phrase, found in forms.items()}


def match_phrases(bases: Sequence[str], phrases: Phrases) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, value)`` word ranges of ``bases`` found in ``phrases``.

    Longest match wins at each position, scanning left to right.
    """
    table, longest, firsts = phrases
    found = []
    index = 0
    while index < len(bases):
        if bases[index] not in firsts:
            index += 1
            continue
        for size in range(min(longest, len(bases) - index), 0, -1):
            value = table.get(tuple(bases[index : index + size]))
            if value is not None:
                found.append((index, index + size, value))
                index += size
                break
        else:
            index += 1
    return found
