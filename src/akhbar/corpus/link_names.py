"""Comparing names across outlets: spelling variants, clitics, compound names, title variants.

Two outlets write one name differently: "دميتري بيسكوف" / "ديمتري بيسكوف" (a long vowel moved),
"أبوقصرة" / "أبو قصرة" (a compound written solid or spaced), "سيرغي" / "سيرجي" (a foreign
g written غ in one outlet and ج in another), "جيم" / "جيمس" (a short given name, from the
``name_nicknames`` lexicon), "الشرع" / "بالشرع" (clitics),
"سوريا" / "سورية" (the gazetteer's variants). Each word of a name gets a few comparison
forms; two words are the same when their forms meet.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from akhbar.analyze.entities.lexicons import match_phrases, nisba_country, place_names
from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import strip_clitics

__all__ = [
    "NameWords",
    "canonical_place",
    "family_name",
    "given_name",
    "name_words",
    "same_name",
    "same_word",
    "title_core",
    "within_one_edit",
]

# Words that form one name with the next: "أبو قصرة" = "أبوقصرة", "عبد الله" = "عبدالله".
_JOINERS = frozenset({"ابو", "ابي", "ابا", "عبد", "بو"})
_LONG_VOWELS = frozenset("اويء")
# Vowel-skeleton matching only for words at least this long: short names differ by one
# vowel too often ("حسن"/"حسين", "سعد"/"سعيد").
_SKELETON_MIN = 5
# A foreign g is غ in Levantine and Gulf outlets and ج in Egyptian ones (سيرغي / سيرجي);
# skeletons fold them. ق is left alone: القاسمي and الجاسمي are two families.
_SKELETON_FOLDS = str.maketrans({"غ": "ج"})

NameWords = tuple[frozenset[str], ...]


def name_words(name: str) -> NameWords:
    """Comparison forms of each word of ``name`` (compounds joined, clitics folded)."""
    words: list[str] = []
    pending = ""
    for word in to_key(name).split():
        if word in _JOINERS:
            pending += word
            continue
        words.append(pending + word)
        pending = ""
    if pending:
        words.append(pending)
    return tuple(_forms(word) for word in words)


@cache
def _forms(word: str) -> frozenset[str]:
    base = strip_clitics(word)
    forms = {word, base}
    forms.update(_skeleton(form) for form in (word, base) if len(form) >= _SKELETON_MIN)
    full = _nicknames().get(word)
    if full is not None:  # "جيم" and "جيمس" meet on "=جيمس"
        forms.add("=" + full)
    return frozenset(forms)


@cache
def _nicknames() -> dict[str, str]:
    """Short and full given names -> the full name (lexicon ``name_nicknames``)."""
    short = load_mapping("name_nicknames")
    return {**{full: full for full in short.values()}, **short}


def _skeleton(word: str) -> str:
    # Marked so a skeleton never equals a plain word by accident.
    rest = "".join(char for char in word[1:] if char not in _LONG_VOWELS)
    return ("~" + word[0] + rest).translate(_SKELETON_FOLDS)


def same_word(one: frozenset[str], other: frozenset[str]) -> bool:
    return not one.isdisjoint(other)


def same_name(one: NameWords, other: NameWords) -> bool:
    """Same people's names: the same words in order, one with middle names left out, or one
    that runs on past the other (a tagger's overreach: "أحمد الشرع ترحيبه").

    "فلاديمير بوتين" = "فلاديمير فلاديميروفيتش بوتين"; "أحمد الشرع" != "أحمد الشيباني".
    """
    if len(one) > len(other):
        one, other = other, one
    if len(one) < 2 or not same_word(one[0], other[0]):
        return False
    if all(same_word(word, other[i]) for i, word in enumerate(one)):
        return True
    if not same_word(one[-1], other[-1]):
        return False
    position = 1
    for word in one[1:-1]:
        while position < len(other) - 1 and not same_word(word, other[position]):
            position += 1
        if position >= len(other) - 1:
            return False
        position += 1
    return True


def given_name(words: NameWords) -> frozenset[str]:
    return words[0]


def family_name(words: NameWords) -> frozenset[str]:
    return words[-1]


def canonical_place(name: str) -> str | None:
    """The gazetteer's display name when all of ``name`` is one place ("سورية" -> "سوريا")."""
    bases = [strip_clitics(word) for word in to_key(name).split()]
    found = match_phrases(bases, place_names())
    if len(found) == 1 and found[0][:2] == (0, len(bases)):
        return found[0][2]
    return None


def title_core(role: str) -> tuple[str, ...]:
    """A title's words without nisba adjectives: "نائب وزير الخارجية الروسي" and
    "نائب وزير الخارجية" share the core (نائب, وزير, خارجيه)."""
    return tuple(
        base
        for base in (strip_clitics(word) for word in to_key(role).split())
        if base not in nisba_country()
    )


def longest(names: Iterable[str]) -> str:
    return max(names, key=lambda name: (len(name.split()), len(name), name))


def within_one_edit(one: str, two: str) -> bool:
    """Whether one letter added, dropped or changed turns ``one`` into ``two``."""
    if abs(len(one) - len(two)) > 1:
        return False
    if len(one) > len(two):
        one, two = two, one
    at = next((i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b), len(one))
    if len(one) == len(two):
        return one[at + 1 :] == two[at + 1 :]
    return one[at:] == two[at + 1 :]
