"""Grouping person mentions across articles: full names, short forms, and name conflicts.

1. Full names (two words or more) that are the same name up to spelling join one variant.
2. Variants sharing a family name but not a given name stay apart, unless they share a
   specific title (two words or more, nisba aside): then they are one person and the group
   keeps each variant with its articles, a name conflict.
3. A one-word mention (بوتين, الشرع, بيسكوف) joins the group whose family name it is,
   preferring a group named in the same article; a given name alone joins nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from akhbar.corpus.link_names import (
    NameWords,
    family_name,
    name_words,
    same_name,
    same_word,
    title_core,
)
from akhbar.model import EntityMention

__all__ = ["PersonGroup", "group_people"]

# A title shared as evidence of identity must say more than a bare head ("الرئيس").
_SPECIFIC_TITLE_WORDS = 2


@dataclass(frozen=True)
class PersonGroup:
    """Mentions of one referent; ``names``: display name -> articles (2+ names: a conflict)."""

    mentions: tuple[EntityMention, ...]
    names: Mapping[str, tuple[str, ...]]


def group_people(mentions: Sequence[EntityMention]) -> list[PersonGroup]:
    words = [name_words(m.name) for m in mentions]
    full = [i for i, w in enumerate(words) if len(w) >= 2]
    variants = _variants(full, words)
    people = _merge_on_titles(variants, mentions, words)
    singles: dict[int, list[int]] = {}  # group index (or -1 - word group) -> mention indexes
    loose: list[list[int]] = []
    for index, name in enumerate(words):
        if len(name) != 1:
            continue
        home = _home_of(index, name, people, mentions, words)
        if home is not None:
            singles.setdefault(home, []).append(index)
            continue
        group = next((g for g in loose if same_word(words[g[0]][0], name[0])), None)
        if group is None:
            loose.append([index])
        else:
            group.append(index)
    out = []
    for position, person in enumerate(people):
        members = sorted([i for variant in person for i in variant] + singles.get(position, []))
        names = {_display(variant, mentions): _articles(variant, mentions) for variant in person}
        out.append(PersonGroup(tuple(mentions[i] for i in members), names))
    for group in loose:
        out.append(
            PersonGroup(
                tuple(mentions[i] for i in group),
                {_display(group, mentions): _articles(group, mentions)},
            )
        )
    return out


def _variants(full: list[int], words: Sequence[NameWords]) -> list[list[int]]:
    """Full-name mentions grouped by same name (spelling variants and middle names folded)."""
    variants: list[list[int]] = []
    for index in full:
        home = next((v for v in variants if same_name(words[v[0]], words[index])), None)
        if home is None:
            variants.append([index])
        else:
            home.append(index)
    return variants


def _merge_on_titles(
    variants: list[list[int]], mentions: Sequence[EntityMention], words: Sequence[NameWords]
) -> list[list[list[int]]]:
    """Variants with one family name and one specific title are one person."""
    people: list[list[list[int]]] = []
    for variant in variants:
        cores = _title_cores(variant, mentions)
        home = next(
            (
                person
                for person in people
                if any(
                    same_word(family_name(words[v[0]]), family_name(words[variant[0]]))
                    and cores & _title_cores(v, mentions)
                    for v in person
                )
            ),
            None,
        )
        if home is None:
            people.append([variant])
        else:
            home.append(variant)
    return people


def _title_cores(variant: list[int], mentions: Sequence[EntityMention]) -> set[tuple[str, ...]]:
    cores = {title_core(t.role) for i in variant for t in mentions[i].titles}
    return {core for core in cores if len(core) >= _SPECIFIC_TITLE_WORDS}


def _home_of(
    index: int,
    name: NameWords,
    people: list[list[list[int]]],
    mentions: Sequence[EntityMention],
    words: Sequence[NameWords],
) -> int | None:
    """The person a one-word mention is the family name of (same article first)."""
    candidates = [
        position
        for position, person in enumerate(people)
        if any(same_word(family_name(words[v[0]]), name[0]) for v in person)
    ]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    article = mentions[index].span.article
    local = [
        position
        for position in candidates
        if any(mentions[i].span.article == article for v in people[position] for i in v)
    ]
    if len(local) == 1:
        return local[0]
    # Several people share the family name and the article does not decide: the one most
    # outlets name is the likelier referent.
    pool = local or candidates
    return max(
        pool, key=lambda p: (len({mentions[i].span.article for v in people[p] for i in v}), -p)
    )


def _display(indexes: list[int], mentions: Sequence[EntityMention]) -> str:
    """The spelling most articles use (then most mentions, then the first in order)."""
    by_articles: dict[str, set[str]] = {}
    counts = Counter(mentions[i].name for i in indexes)
    for i in indexes:
        by_articles.setdefault(mentions[i].name, set()).add(mentions[i].span.article)
    return max(counts, key=lambda name: (len(by_articles[name]), counts[name]))


def _articles(indexes: list[int], mentions: Sequence[EntityMention]) -> tuple[str, ...]:
    return tuple(sorted({mentions[i].span.article for i in indexes}))
