"""Named entities of one article: people, places, organisations, media, and people's titles.

    >>> doc = make_doc("أرسل الرئيس الروسي فلاديمير بوتين رسالة.")
    >>> [(m.type, m.name) for m in find_entities(doc)]
    [('OCC', 'الرئيس الروسي'), ('PER', 'فلاديمير بوتين')]

("The Russian president Vladimir Putin sent a letter.")

Types: ``PER``; ``LOC`` (countries, cities, regions and named facilities: GPE and LOC);
``ORG``; ``MEDIA`` (agencies, newspapers, channels, sites); ``OCC`` (a title or role, emitted
where it describes a person, who then carries it in ``titles``). The tagger (a CRF and a
neural network, :mod:`akhbar.analyze.entities.tagger`) finds PER/LOC/ORG; rules and lexicons add
media, titles and gazetteer names (:mod:`akhbar.analyze.entities.rules.spans`,
:mod:`akhbar.analyze.entities.rules.titles`).

Across the article, a full name's family name alone is that person ("الشرع" after "أحمد
الشرع"), and a name tagged once is tagged wherever else it appears, with the type it takes
most often (one sense per article).

Spans are half-open into ``text``: ``text[m.span.start:m.span.end] == m.surface``. A mention leaves
out a leading conjunction or preposition ("وبوتين" -> "بوتين"); ``name`` is its display form
without them ("للرئيس" -> "الرئيس").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from akhbar.analyze.entities.lexicons import (
    has_article,
    is_given_name,
    nisba_country,
    stopwords,
    title_heads,
    usually_definite,
)
from akhbar.analyze.entities.rules.spans import (
    SPAN_RULES,
    TANWEEN_ENDINGS,
    RawSpan,
    apply_rules,
    name_after,
)
from akhbar.analyze.entities.rules.text import name_form, tag_tokens, trim_clitics
from akhbar.analyze.entities.rules.titles import TitleSpan, find_titles
from akhbar.analyze.entities.tagger.combined import tag_sentences
from akhbar.analyze.entities.tagger.labels import spans_of
from akhbar.arabic.doc import Doc
from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.tokens import Token, strip_clitics
from akhbar.model import EntityMention, Span, TitleMention

__all__ = ["ENTITY_TYPES", "RULES", "EntityMention", "TitleMention", "find_entities"]

ENTITY_TYPES = ("PER", "LOC", "ORG", "MEDIA", "OCC")
# Every rule: those on one sentence's spans (rules.spans), the clitic split of a short word
# that opens a gazetteer name ("لبي بي سي": rules.text), a family name standing for the
# full name across the article, and one sense per article.
RULES = SPAN_RULES | {"clitic-openers", "family-names", "one-sense"}
# A family name shorter than this is too often a common word to tag on its own.
_FAMILY_NAME_MIN = 3
# A word seen 2**_COMMON_LOG2 times or more in the ANT corpus, mostly with the article, is a
# common noun ("الحكومة", "الجيش") even where the tagger once read it as a name; it is not
# tagged again across the article for that.
_COMMON_LOG2 = 11


def find_entities(doc: Doc, *, rules: frozenset[str] = RULES) -> tuple[EntityMention, ...]:
    """Entity mentions of ``doc`` in order of position (titles as OCC beside their PER).

    ``rules``: the rules to run, all of :data:`RULES` by default (the NER evaluation leaves one
    out to measure what it is worth).
    """
    text, article_id = doc.text, doc.article
    tokenized = [
        (sentence.index, tokens)
        for sentence in doc.sentences
        if (tokens := _tagged_tokens(doc.sentence_tokens(sentence.index), rules))
    ]
    all_labels = tag_sentences(
        [[(token.key, token.base) for token in tokens] for _, tokens in tokenized]
    )
    tagged = []
    for (index, tokens), labels in zip(tokenized, all_labels, strict=True):
        titles = find_titles(tokens)
        spans = apply_rules(tokens, spans_of(labels), titles, rules)
        tagged.append((index, tokens, spans, titles))
    families = _family_names(tagged) if "family-names" in rules else frozenset()
    named = _article_names(tagged)
    out: list[EntityMention] = []
    for index, tokens, spans, titles in tagged:
        spans = [_cut_after_family_name(tokens, span, families) for span in spans]
        spans = [*spans, *_short_forms(tokens, spans, families)]
        if "one-sense" in rules:
            spans = [*spans, *_named_again(tokens, spans, named)]
        out += _sentence_mentions(text, tokens, sorted(spans), titles, article_id, index)
    return tuple(sorted(out, key=lambda m: (m.span.start, m.span.end, m.type)))


def _tagged_tokens(tokens: Sequence[Token], rules: frozenset[str]) -> tuple[Token, ...]:
    return tag_tokens(tokens) if "clitic-openers" in rules else tuple(tokens)


def _family_names(tagged: Sequence[tuple]) -> frozenset[str]:
    """Last words of the full names the article gives ("أحمد الشرع" -> الشرع)."""
    return frozenset(
        tokens[span[1] - 1].base
        for _, tokens, spans, _ in tagged
        for span in spans
        if span[2] == "PER"
        and span[1] - span[0] >= 2
        and len(tokens[span[1] - 1].base) >= _FAMILY_NAME_MIN
        and tokens[span[1] - 1].base not in _number_words()
    )


def _cut_after_family_name(
    tokens: Sequence[Token], span: RawSpan, families: frozenset[str]
) -> RawSpan:
    """A name that opens with a family name ends there: headline "بوتين يهاتف الشرع" (Putin
    phones al-Sharaa) gives "بوتين", not "بوتين يهاتف". A given name opens a name even when
    it is someone's family name too ("عثمان محمد عثمان", "محمود عباس" beside "عباس عراقجي")."""
    first = tokens[span[0]]
    if (
        span[2] == "PER"
        and span[1] - span[0] >= 2
        and first.base in families
        and not is_given_name(first.key, first.base)
    ):
        return (span[0], span[0] + 1, "PER")
    return span


def _short_forms(
    tokens: Sequence[Token], spans: Sequence[RawSpan], families: frozenset[str]
) -> list[RawSpan]:
    """Once an article has named "أحمد الشرع", a bare "الشرع"/"بالشرع" is that person too."""
    covered = {index for start, end, _ in spans for index in range(start, end)}
    return [
        (index, index + 1, "PER")
        for index, token in enumerate(tokens)
        if token.is_word and index not in covered and token.base in families
    ]


class _Named(NamedTuple):
    """Names the article tags: (article mark, *bases) -> type, the most words in one, and
    the (article mark, first base) they open with."""

    table: dict[tuple[str, ...], str]
    longest: int
    firsts: set[tuple[str, ...]]


def _article_names(tagged: Sequence[tuple]) -> _Named:
    """Names the article tags somewhere, by their words, with the type they take most often
    (ties: the first). A single word is left out where it is often something else: a
    stopword, a title word, a nisba ("الروسي"), a bare given name ("عمر": also age), an
    adverb ("روسياً") or a common noun ("الحكومة")."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for _, tokens, spans, _ in tagged:
        for start, end, kind in spans:
            words = tokens[start:end]
            if all(token.is_word for token in words) and (len(words) > 1 or _lone_name(words[0])):
                key = (_article_mark(words[0]), *(token.base for token in words))
                votes.setdefault(key, Counter())[kind] += 1
    table = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    return _Named(
        table, max((len(key) - 1 for key in table), default=0), {key[:2] for key in table}
    )


def _lone_name(token: Token) -> bool:
    return (
        not usually_definite(token.base, _COMMON_LOG2)
        and not token.surface.endswith(TANWEEN_ENDINGS)
        and len(token.base) >= _FAMILY_NAME_MIN
        and token.key not in stopwords()
        and token.base not in stopwords()
        and token.base not in title_heads()
        and token.base not in nisba_country()
        and not is_given_name(token.key, token.base)
        and token.base not in _number_words()  # "الرابع عشر" after "الثاني عشر" ran into a name
    )


@cache
def _number_words() -> frozenset[str]:
    entries = [*load_mapping("time_numbers"), *load_mapping("time_ordinals")]
    return frozenset(strip_clitics(word) for entry in entries for word in entry.split())


def _article_mark(token: Token) -> str:
    # "المالي" (financial) is not the "مالي" (Mali) named earlier.
    return "ال" if has_article(token.key, token.base) else ""


def _named_again(tokens: Sequence[Token], spans: Sequence[RawSpan], named: _Named) -> list[RawSpan]:
    """One sense per article: where the tagger missed a name that it tagged elsewhere in the
    article ("تومي" in a report on the sailor Abhilash Tomy), the name is tagged here too,
    with the same type."""
    covered = {index for start, end, _ in spans for index in range(start, end)}
    table, longest, firsts = named
    out = []
    index = 0
    while index < len(tokens):
        if (_article_mark(tokens[index]), tokens[index].base) not in firsts:
            index += 1
            continue
        for size in range(min(longest, len(tokens) - index), 0, -1):
            words = tokens[index : index + size]
            if not all(token.is_word for token in words) or (
                size == 1 and not _lone_name(words[0])
            ):
                continue
            kind = table.get((_article_mark(words[0]), *(token.base for token in words)))
            if kind is not None and not covered & set(range(index, index + size)):
                out.append((index, index + size, kind))
                index += size - 1
                break
        index += 1
    return out


def _sentence_mentions(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[RawSpan],
    titles: Sequence[TitleSpan],
    article: str,
    sentence: int,
) -> list[EntityMention]:
    attached = _attach_titles(tokens, spans, titles)
    out = []
    for span in spans:
        words = [token for token in tokens[span[0] : span[1]] if token.is_word]
        if not words:
            continue
        title_mentions = tuple(
            _title_mention(text, tokens, title, article, sentence)
            for title in attached.get(span, ())
        )
        out.append(
            _mention(text, tokens[span[0] : span[1]], span[2], article, sentence, title_mentions)
        )
        out += [EntityMention(t.span, t.surface, "OCC", t.role) for t in title_mentions]
    return out


def _attach_titles(
    tokens: Sequence[Token], spans: Sequence[RawSpan], titles: Sequence[TitleSpan]
) -> dict[RawSpan, list[TitleSpan]]:
    """PER span -> the titles that describe it: before it, or after it between commas."""
    attached: dict[RawSpan, list[TitleSpan]] = {}
    for title in titles:
        person = name_after(tokens, title, spans)
        if person is None:
            person = _name_before(tokens, title, spans)
        if person is not None and person in spans:
            attached.setdefault(person, []).append(title)
    return attached


def _name_before(
    tokens: Sequence[Token], title: TitleSpan, spans: Sequence[RawSpan]
) -> RawSpan | None:
    """Apposition: "ميخائيل بوغدانوف، نائب وزير الخارجية، ..." (name, comma, title, comma)."""
    comma = title.first - 1
    if comma < 1 or tokens[comma].key not in ",،":
        return None
    closes = title.end >= len(tokens) or not tokens[title.end].is_word
    if not closes:
        return None
    for span in spans:
        if span[1] == comma and span[2] == "PER":
            return span
    return None


def _mention(
    text: str,
    span_tokens: Sequence[Token],
    kind: str,
    article: str,
    sentence: int,
    titles: tuple[TitleMention, ...],
) -> EntityMention:
    start, _ = trim_clitics(span_tokens[0])
    end = span_tokens[-1].end
    return EntityMention(
        Span(article, start, end, sentence),
        text[start:end],
        kind,
        name_form(list(span_tokens)),
        titles,
    )


def _title_mention(
    text: str, tokens: Sequence[Token], title: TitleSpan, article: str, sentence: int
) -> TitleMention:
    start, _ = trim_clitics(tokens[title.first])
    end = tokens[title.end - 1].end
    return TitleMention(Span(article, start, end, sentence), text[start:end], title.role)
