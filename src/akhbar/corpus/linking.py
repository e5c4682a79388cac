"""One entity per real-world referent across the articles of a story.

    link_entities({"a": find_entities(text_a, article_id="a"), "b": ...})
    -> (entities, name_conflicts)

Merges spelling variants (دميتري/ديمتري بيسكوف, أبوقصرة/أبو قصرة, سوريا/سورية), clitic forms
(وبوتين, لبوتين, بالشرع) and short forms with the full name they stand for (الشرع -> أحمد
الشرع). Does not merge names that share only a given name (أحمد الشرع, أحمد الشيباني) or only
a family name. The exception is evidence of identity: the same family name with the same
specific title ("نائب وزير الخارجية سيرغي بوغدانوف" in one outlet, "... ميخائيل بوغدانوف"
in others) is one person whose given name the outlets disagree on; that entity gets a
:class:`NameConflict` listing the articles on each side.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import strip_clitics
from akhbar.corpus.link_names import canonical_place, title_core, within_one_edit
from akhbar.corpus.link_people import PersonGroup, group_people
from akhbar.model import EntityMention, Span

__all__ = [
    "ConflictValue",
    "LinkedEntity",
    "LinkedTitle",
    "NameConflict",
    "link_entities",
]

# Types linked together: an outlet's name may be tagged ORG in one article, MEDIA in another.
_FAMILY = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG"}


@dataclass(frozen=True)
class LinkedTitle:
    """A title or role of a person, with the articles (and spans) that state it."""

    title: str
    articles: tuple[str, ...]
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class LinkedEntity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    titles: tuple[LinkedTitle, ...]
    articles: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class ConflictValue:
    name: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class NameConflict:
    """Outlets name one entity differently beyond spelling ("سيرغي"/"ميخائيل بوغدانوف")."""

    entity: str
    values: tuple[ConflictValue, ...]


def link_entities(
    mentions: Mapping[str, Sequence[EntityMention]],
) -> tuple[tuple[LinkedEntity, ...], tuple[NameConflict, ...]]:
    """Entities across articles (article id -> its mentions) and the name conflicts found."""
    ordered = [m for article in sorted(mentions) for m in mentions[article] if m.type in _FAMILY]
    people = [m for m in ordered if m.type == "PER"]
    groups = list(group_people(people))
    groups += _group_by_name([m for m in ordered if m.type != "PER"])
    entities, conflicts, used = [], [], set()
    for group in sorted(groups, key=_group_order):
        entity = _entity(group, used)
        entities.append(entity)
        if _names_differ(group.names):
            conflicts.append(NameConflict(entity.id, _conflict_values(group)))
    return tuple(entities), tuple(conflicts)


def _group_by_name(mentions: Sequence[EntityMention]) -> list[PersonGroup]:
    """Places and organisations: one entity per gazetteer place or per clitic-free name."""
    groups: dict[tuple[str, str], list[EntityMention]] = {}
    places: dict[tuple[str, str], str] = {}
    for mention in mentions:
        place = canonical_place(mention.name) if mention.type == "LOC" else None
        key = (_FAMILY[mention.type], place or _clitic_free(mention.name))
        groups.setdefault(key, []).append(mention)
        if place:
            places[key] = place
    out = []
    for key, members in groups.items():
        canonical = places.get(key) or Counter(m.name for m in members).most_common(1)[0][0]
        articles = tuple(sorted({m.span.article for m in members}))
        out.append(PersonGroup(tuple(members), {canonical: articles}))
    return out


def _clitic_free(name: str) -> str:
    return " ".join(strip_clitics(word) for word in to_key(name).split())


def _group_order(group: PersonGroup) -> tuple:
    articles = {m.span.article for m in group.mentions}
    first = min((m.span.article, m.span.start) for m in group.mentions)
    return (-len(articles), -len(group.mentions), first)


def _entity(group: PersonGroup, used: set[str]) -> LinkedEntity:
    members = group.mentions
    kinds = Counter(m.type for m in members)
    kind = max(kinds, key=lambda k: (kinds[k], k == "MEDIA", k))
    name = max(group.names, key=lambda n: (len(group.names[n]), len(n.split()), n))
    # A name the tagger ran on past ("أحمد الشرع ترحيبه") is a mention, not an alias.
    aliases = sorted(
        {
            m.name
            for m in members
            if to_key(m.name) != to_key(name) and not to_key(m.name).startswith(to_key(name) + " ")
        }
        | set(group.names) - {name},
        key=lambda alias: (to_key(alias), alias),
    )
    return LinkedEntity(
        id=_entity_id(kind, name, used),
        type=kind,
        name=name,
        aliases=tuple(dict.fromkeys(aliases)),
        titles=_titles(members),
        articles=tuple(sorted({m.span.article for m in members})),
        mentions=tuple(m.span for m in members),
    )


def _entity_id(kind: str, name: str, used: set[str]) -> str:
    digest = hashlib.sha1(f"{kind}\t{to_key(name)}".encode()).hexdigest()[:10]
    candidate = f"{kind.lower()}-{digest}"
    suffix = 2
    while candidate in used:
        candidate = f"{kind.lower()}-{digest}-{suffix}"
        suffix += 1
    used.add(candidate)
    return candidate


def _titles(members: Sequence[EntityMention]) -> tuple[LinkedTitle, ...]:
    """Titles of the group; variants that only add a nisba ("... الروسي") are one title."""
    found: dict[str, list] = {}
    for mention in members:
        for title in mention.titles:
            found.setdefault(title.role, []).append(title)
    merged: dict[str, list] = {}
    for role in sorted(found, key=lambda r: (-len(r.split()), r)):
        home = next((kept for kept in merged if _variant_of(role, kept)), role)
        merged.setdefault(home, []).extend(found[role])
    out = [
        LinkedTitle(
            role,
            tuple(sorted({t.span.article for t in titles})),
            tuple(sorted({t.span for t in titles}, key=lambda span: (span.article, span.start))),
        )
        for role, titles in merged.items()
    ]
    return tuple(sorted(out, key=lambda t: (-len(t.articles), t.title)))


def _variant_of(shorter: str, longer: str) -> bool:
    """Same core title, and the shorter one's words all appear, in order, in the longer."""
    if title_core(shorter) != title_core(longer):
        return False
    remaining = iter(to_key(longer).split())
    return all(word in remaining for word in to_key(shorter).split())


def _names_differ(names: Iterable[str]) -> bool:
    """Two names of one person that are more than a typo apart ("سيرغي" / "ميخائيل"); a
    letter added, dropped or changed ("باراك" / "بارك") is a misspelling, not a conflict."""
    keys = sorted({to_key(name).replace(" ", "") for name in names})
    return any(not within_one_edit(one, two) for i, one in enumerate(keys) for two in keys[i + 1 :])


def _conflict_values(group: PersonGroup) -> tuple[ConflictValue, ...]:
    ordered = sorted(group.names.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(ConflictValue(name, articles) for name, articles in ordered)
