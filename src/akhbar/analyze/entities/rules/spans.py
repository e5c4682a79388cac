"""Rules around the tagger's spans: gazetteers, media patterns, names after titles.

Spans are ``(first token, end token, type)`` over one sentence's :class:`Token` list.
Each rule takes spans and returns new spans; :func:`apply_rules` runs them in order.

- gazetteer names (places, organisations, media) win over the tagger unless it found a
  longer name around them ("جامعة دمشق" stays ORG), where their first word agrees with the
  entry on the article ("المالي" is no Mali) and, for a name that is also a common word
  (lexicon ``gazetteer_common_words``), the tagger agrees after a word it may qualify
  ("مقابل مالي": a financial return);
- a media trigger ("وكالة", "صحيفة", "موقع", "منصة") types the name after it MEDIA, quoted
  ('منصة "خبر مباشر"'), tagged ("صحيفة وول ستريت جورنال") or generic ("وكالة الأنباء
  الألمانية"); plural triggers and gazetteer organisations name no outlet;
- after a title ("وزير الدفاع السوري المؤقت مرهف أبوقصرة") a name the tagger missed, or cut
  to its given name, is read as PER when it starts with a known given name;
- "و" + a given name inside a name starts another person ("سامر وماجد");
- a one-word place that is a nisba ("الأراضي السورية") or an adverb ("روسياً") is none;
- a name does not open with a preposition ("لصالح نجيرفان برزاني"), a nisba ("البوسني إيدن
  دزيكو") or a noun with a pronoun ("قائدها نوشروان مصطفى"), and a common word alone
  ("بلاده") names no place.

Each rule is kept for what it is worth on NewsFANE's check blocks and on ANT stories (README,
"Named entities"); rules that cost F1 there (a given name cutting a place before it, common
tails and ranks dropped from a name's end, accusatives) were removed when the
models were retrained on the token contract.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from akhbar.analyze.entities.lexicons import (
    article_forms,
    has_article,
    is_given_name,
    match_phrases,
    media_names,
    media_triggers,
    nisba_country,
    org_names,
    org_triggers,
    place_names,
    place_words,
    stopwords,
    title_heads,
    usually_definite,
    word_stats,
)
from akhbar.analyze.entities.rules.titles import TitleSpan
from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.tokens import CONJUNCTIONS, Token, strip_clitics

__all__ = ["SPAN_RULES", "TANWEEN_ENDINGS", "RawSpan", "apply_rules", "name_after"]

RawSpan = tuple[int, int, str]

_OPEN_QUOTES = frozenset('"«“„')
_CLOSE_QUOTES = frozenset('"»”‟')
# A quoted outlet name longer than this is a quotation, not a name.
_QUOTED_NAME_MAX = 6
# Longest name read after a title when the tagger found none (given + two family words).
_NAME_AFTER_TITLE_MAX = 3
# Adverbial accusative: "وفداً روسياً" (a Russian delegation) ends in tanween fath.
TANWEEN_ENDINGS = ("اً", "ًا", "ً")
# A word seen at most 2**_RARE_LOG2 times in the ANT corpus may be a family name; the common
# words that follow a given name in running text ("أحمد قال") are far more frequent.
_RARE_LOG2 = 9
# A last name word seen 2**_COMMON_LOG2 times or more and never (bucket 0) right after a
# title or given name is a common word the tagger ran on into ("أحمد قال"). Measured on the
# NER dev split: the earlier test (bucket <= 1, from 2**6) cut "كريستيانو رونالدو" and
# "واين روني" to their given names.
_COMMON_LOG2 = 8
# A word seen 2**_SEEN_ALONE_LOG2 times or more in ANT is a word of its own.
_SEEN_ALONE_LOG2 = 4
# A word ending in the accusative alif (or a definite word in ي) is a common noun or adjective
# when it (without the alif) is seen 2**_ACCUSATIVE_LOG2 times or more in ANT, mostly with
# the article.
_ACCUSATIVE_LOG2 = 5
# A noun seen 2**_NOUN_LOG2 times or more, with a pronoun attached, ends no name ("ترحيبه").
_NOUN_LOG2 = 6
# Verbal nouns of the derived forms X (استفعال: استعداد), VIII (افتعال: اجتماع) and VII
# (انفعال: انسحاب), on the clitic-free key form: common nouns, never family names, and the
# word a name most often runs into ("أحمد الشرع استعداد روسيا", seed 002).
_VERBAL_NOUN = re.compile(r"(است..|ا.ت.|ان..)ا.")
# Longest first: "هما" before "ها" before "ه".
_PRONOUN_SUFFIXES = ("هما", "ها", "هم", "هن", "كم", "نا", "ه")


@cache
def _stopwords() -> frozenset[str]:
    # Clitic-free forms too ("لصالح" -> "صالح"), except those that are given names: "صالح"
    # ends "علي عبد الله صالح".
    entries = stopwords()
    stripped = {strip_clitics(entry) for entry in entries}
    return frozenset(entries) | frozenset(
        word for word in stripped if word in entries or not is_given_name(word, word)
    )


def apply_rules(
    tokens: Sequence[Token],
    spans: Sequence[RawSpan],
    titles: Sequence[TitleSpan],
    rules: frozenset[str] | None = None,
) -> list[RawSpan]:
    """The tagger's spans corrected by gazetteers, media patterns and titles: every rule of
    :data:`SPAN_RULES` named in ``rules`` (all of them by default), in order."""
    out = list(spans)
    for name, rule in _RULES:
        if rules is None or name in rules:
            out = rule(tokens, out, titles)
    return sorted(out)


def _after_titles(
    tokens: Sequence[Token], spans: list[RawSpan], titles: Sequence[TitleSpan]
) -> list[RawSpan]:
    out = _outside_titles(spans, titles)
    for title in titles:
        found = name_after(tokens, title, out)
        if found is not None and found not in out:
            out = [span for span in out if not _overlaps(span, found)] + [found]
    return out


def _keep(test):
    """A rule that drops the spans ``test`` finds."""
    return lambda tokens, spans, _: [span for span in spans if not test(tokens, span)]


def _each(change):
    """A rule that changes every span on its own."""
    return lambda tokens, spans, _: [change(tokens, span) for span in spans]


# The rules in the order they run; each takes (tokens, spans, titles) and returns spans.
# What each is worth: ``python -m akhbar.eval.ner --portion check --worth``.
_RULES = (
    ("marks", lambda tokens, spans, _: _split_at_marks(tokens, spans)),
    ("adjectives", _keep(lambda tokens, span: _adjective(tokens, span))),
    ("gazetteer", lambda tokens, spans, _: _gazetteer(tokens, spans)),
    ("gazetteer-adjectives", _keep(lambda tokens, span: _adjective(tokens, span))),
    ("media", lambda tokens, spans, _: _media(tokens, spans)),
    (
        "conjoined-names",
        lambda tokens, spans, _: [p for s in spans for p in _split_conjoined_names(tokens, s)],
    ),
    ("common-heads", _each(lambda tokens, span: _drop_common_head(tokens, span))),
    ("common-words", _keep(lambda tokens, span: _common_word_only(tokens, span))),
    ("titles", _after_titles),
)
SPAN_RULES = frozenset(name for name, _ in _RULES)


def name_after(
    tokens: Sequence[Token], title: TitleSpan, spans: Sequence[RawSpan]
) -> RawSpan | None:
    """The PER span a title introduces: right after it, or after one comma."""
    index = title.end
    if index < len(tokens) and not tokens[index].is_word and tokens[index].key in ",،":
        index += 1
    found = next((span for span in spans if span[0] == index), None)
    if found is not None and found[2] != "PER":
        return None
    if index >= len(tokens) or not is_given_name(tokens[index].key, tokens[index].base):
        return found
    # A given name after a title opens a name: where the tagger read it alone ("الرئيس
    # السوري أحمد الشرع" -> "أحمد"), the family name after it joins; where it read nothing,
    # up to two more name words do.
    if found is not None and found[1] > index + 1:
        return found
    longest = index + (2 if found is not None else _NAME_AFTER_TITLE_MAX)
    end = index + 1
    while end < min(len(tokens), longest) and _name_word(tokens[end]):
        if any(span[0] == end for span in spans) or _verbal_noun(tokens[end]):
            break
        end += 1
    return (index, end, "PER") if end - index >= 2 else found


def _name_word(token: Token) -> bool:
    return (
        token.is_word
        and not _prepositional(token)
        and not token.key.isdigit()
        and token.base not in _stopwords()
        and token.base not in title_heads()
        and token.base not in nisba_country()
    )


def _split_at_marks(tokens: Sequence[Token], spans: Sequence[RawSpan]) -> list[RawSpan]:
    """Names do not run across punctuation ("سانا/إكس" is two names), hyphens aside."""
    out = []
    for start, end, kind in spans:
        piece = start
        for index in range(start, end + 1):
            if index == end or (not tokens[index].is_word and tokens[index].key not in "-."):
                if piece < index and not _trigger_only(tokens[piece:index]):
                    out.append((piece, index, kind))
                piece = index + 1
    return out


def _trigger_only(tokens: Sequence[Token]) -> bool:
    """'شركة " سي إس إم "': the word before a quoted name, cut off it, names nothing."""
    words = [t for t in tokens if t.is_word]
    return len(words) == 1 and words[0].base in org_triggers() | media_triggers()


def _adjective(tokens: Sequence[Token], span: RawSpan) -> bool:
    """A one-word LOC that is a nisba ("السورية") or an adverb ("روسياً") is no place."""
    if span[2] != "LOC" or span[1] - span[0] != 1:
        return False
    token = tokens[span[0]]
    if token.surface.endswith(TANWEEN_ENDINGS):
        return True
    # "السورية" is the adjective, "سورية" the country; "السعودية" is a country by name.
    has_article = token.key != token.base and token.key.endswith("ال" + token.base)
    return (
        token.base in nisba_country()
        and (has_article or token.key == token.base)
        # "بالسعودية": the place's name with the article, whatever clitics come before it
        and token.key not in place_words()
        and "ال" + token.base not in place_words()
    )


def _drop_common_head(tokens: Sequence[Token], span: RawSpan) -> RawSpan:
    """ "لصالح نجيرفان برزاني" -> "نجيرفان برزاني", "قائدها نوشروان مصطفى" -> "نوشروان
    مصطفى": nor does it start with a preposition or a common noun with an attached pronoun."""
    if span[2] not in ("PER", "LOC") or span[1] - span[0] < 2:
        return span
    head = tokens[span[0]]
    # Not any stopword: "علي" (على), "فان", "الان", "لي" and "كي" open names too.
    preposition = span[2] == "PER" and _prepositional(head) and _written_stopword(head)
    adjective = span[2] == "PER" and _definite_adjective(head)
    if preposition or adjective or (_pronoun_noun(head) and not _given(head)):
        return (span[0] + 1, span[1], span[2])
    return span


def _definite_adjective(token: Token) -> bool:
    """ "البوسني إيدن دزيكو": a definite word in ي that usually takes the article (a nisba) opens
    no name; "المهدي المنجرة" does ("مهدي" seldom takes it)."""
    return (
        has_article(token.key, token.base)
        and token.base.endswith("ي")
        and usually_definite(token.base, _ACCUSATIVE_LOG2)
    )


def _adverbial(token: Token) -> bool:
    return token.surface.endswith(TANWEEN_ENDINGS)


def _pronoun_noun(token: Token) -> bool:
    """A common noun with an attached pronoun: "ترحيبه" (ترحيب + ه), "قائدها"."""
    # On the display word: the key form folds ة into ه, and "قصرة" ends in no pronoun.
    suffix = next((p for p in _PRONOUN_SUFFIXES if token.surface.endswith(p)), None)
    if suffix is None or len(token.base) - len(suffix) < 3:
        return False
    noun = word_stats().get(token.base[: -len(suffix)])
    return noun is not None and int(noun[0]) >= _NOUN_LOG2 and int(noun[2]) <= 1


def _common_word_only(tokens: Sequence[Token], span: RawSpan) -> bool:
    """A person or place that opens with an adverb ("حمداً لله": thank God) or is one common
    noun with an attached pronoun ("تشريدهم": their displacement) names nothing."""
    if span[2] not in ("PER", "LOC"):
        return False
    token = tokens[span[0]]
    alone = span[1] - span[0] == 1
    return _adverbial(token) or (alone and _pronoun_noun(token) and not _given(token))


def _written_stopword(token: Token) -> bool:
    """ "لصالح", "ولصالح" (in favour of): a stopword as written, after any و/ف."""
    return not stopwords().isdisjoint(token.forms(CONJUNCTIONS))


def _verbal_noun(token: Token) -> bool:
    """Of the pattern and not a given name (انطوان, ايتيان fit the pattern too)."""
    return _VERBAL_NOUN.fullmatch(token.base) is not None and not _given(token)


def _split_conjoined_names(tokens: Sequence[Token], span: RawSpan) -> list[RawSpan]:
    """ "وضع بشار ومقابلة وسامر وماجد تحت الضغط": و + a given name starts another person, and
    so does و + a word between two names of two words or more ("وارن بافيت وتشارلي مونجر");
    "جون ويلسون" stays one."""
    start, end, kind = span
    if kind != "PER":
        return [span]
    cuts = [
        i
        for i in range(start + 1, end)
        if tokens[i].proclitics == "و"  # not "محمد ولد عبد العزيز"
        and (_given(tokens[i]) or _seen_alone(tokens[i]) or (i - start >= 2 and end - i >= 2))
    ]
    bounds = [start, *cuts, end]
    return [(first, last, kind) for first, last in pairwise(bounds)]


def _seen_alone(token: Token) -> bool:
    """The word after و is seen on its own in ANT ("وستيف": ستيف, 2**7 times), so و is the
    conjunction; "ويلسون" is no و + "يلسون" (never seen)."""
    seen = word_stats().get(token.base)
    return seen is not None and int(seen[0]) >= _SEEN_ALONE_LOG2


def _given(token: Token) -> bool:
    return token.is_word and is_given_name(token.key, token.base) and token.base not in _stopwords()


def _overlaps(one: RawSpan, other: RawSpan) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _gazetteer(tokens: Sequence[Token], spans: list[RawSpan]) -> list[RawSpan]:
    """Gazetteer names whose first word agrees with the entry on the article ("المالي" is
    financial, not Mali; "جزيرة" an island, not the channel; "ورقة" a sheet, not و + الرقة)."""
    bases = [token.base if token.is_word else "\0" for token in tokens]
    # Token -> the tagger's spans over it: overlaps are looked up, not searched (a sentence
    # of thousands of words has thousands of spans).
    owners = _owners(spans)
    found = [
        (start, end, "LOC" if lexicon == "gazetteer_places" else value)
        for lexicon, phrases in (
            ("media_names", media_names()),
            ("org_names", org_names()),
            ("gazetteer_places", place_names()),
        )
        for start, end, value in match_phrases(bases, phrases)
        if has_article(tokens[start].key, tokens[start].base)
        in article_forms(lexicon)[tuple(bases[start:end])]
        and not _common_word_alone(tokens, (start, end), owners)
    ]
    placed: list[RawSpan] = []
    taken: set[int] = set()
    for match in sorted(found, key=lambda span: (span[0] - span[1], span[0])):
        if not taken.isdisjoint(range(match[0], match[1])):
            continue
        around = _overlapping(owners, match)
        longer = [s for s in around if s[1] - s[0] > match[1] - match[0]]
        if longer and not all(_runs_into(s, match) for s in longer):
            continue  # the tagger read a longer name around it
        placed.append(match)
        taken.update(range(match[0], match[1]))
    matched = _owners(placed)
    kept = []
    for span in spans:
        inside = _overlapping(matched, span)
        runs_into = [match for match in inside if _runs_into(span, match)]
        if runs_into:
            kept.append((span[0], min(match[0] for match in runs_into), span[2]))
        elif not inside:
            kept.append(span)
    return kept + placed


def _owners(spans: Sequence[RawSpan]) -> dict[int, list[RawSpan]]:
    """Token index -> the spans covering it."""
    owners: dict[int, list[RawSpan]] = {}
    for span in spans:
        for index in range(span[0], span[1]):
            owners.setdefault(index, []).append(span)
    return owners


def _overlapping(owners: dict[int, list[RawSpan]], span: RawSpan) -> list[RawSpan]:
    """The spans of ``owners`` that share a token with ``span``, each once, in order."""
    found = [other for index in range(span[0], span[1]) for other in owners.get(index, ())]
    return list(dict.fromkeys(found))


def _common_word_alone(
    tokens: Sequence[Token], match: tuple[int, int], owners: dict[int, list[RawSpan]]
) -> bool:
    """A one-word name that is also a common word, after a word that it may qualify ("مقابل
    مالي": a financial return, not "في مالي": in Mali), where the tagger found no name on it."""
    start, end = match
    before = tokens[start - 1] if start else None
    return (
        end - start == 1
        and tokens[start].base in _gazetteer_common_words()
        and before is not None
        and before.is_word
        and before.base not in _stopwords()
        and before.key not in place_words()
        and not any(index in owners for index in range(start, end))
    )


@cache
def _gazetteer_common_words() -> frozenset[str]:
    return frozenset(strip_clitics(entry) for entry in load_entries("gazetteer_common_words"))


def _runs_into(span: RawSpan, match: RawSpan) -> bool:
    """A person's name that ran on into an outlet's: "عباس عراقجي لبي بي سي" (told the BBC)."""
    return span[2] == "PER" and match[2] == "MEDIA" and span[0] < match[0] < span[1]


def _media(tokens: Sequence[Token], spans: list[RawSpan]) -> list[RawSpan]:
    out = list(spans)
    for index, token in enumerate(tokens):
        if not (token.is_word and token.base in media_triggers()):
            continue
        if token.base in _no_outlet_triggers():
            continue
        named = _quoted(tokens, index + 1) or _generic_outlet(tokens, index)
        if named is not None:
            out = [span for span in out if not _overlaps(span, named)] + [named]
            continue
        if index + 1 < len(tokens) and _prepositional(tokens[index + 1]):
            continue  # "القناة لمكافحة الإرهاب": no name follows the trigger
        for position, span in enumerate(out):
            if _org_name(tokens, span):
                continue
            if span[0] == index + 1 and span[2] != "MEDIA":
                out[position] = (_media_start(tokens, index, span), span[1], "MEDIA")
            elif span[0] == index and span[1] > index + 1 and span[2] == "ORG":
                # "صحيفة X" tagged as one ORG; "الوكالة الوطنية": a definite trigger is the
                # head of the name, not a word before it.
                start = index if _definite(token) else _media_start(tokens, index, span)
                out[position] = (start, span[1], "MEDIA")
    return out


# Media triggers (still tagger features) that name no single outlet: plurals ("وكالات أنباء
# روسية", "صحف بريطانية") and شبكة, mostly a network of people in news ("شبكة غولن").
_NAMING_NO_OUTLET = ("وكالات", "صحف", "شبكه")


@cache
def _no_outlet_triggers() -> frozenset[str]:
    # Compared as the triggers are: clitic-free ("وكالات" loses وك, as if they were clitics).
    return frozenset(strip_clitics(word) for word in _NAMING_NO_OUTLET)


def _definite(token: Token) -> bool:
    return has_article(token.key, token.base)


def _prepositional(token: Token) -> bool:
    """ "قوات شرق القناة لمكافحة الإرهاب": a phrase opening with ل/ب is no outlet's name."""
    chain = token.key[: len(token.key) - len(token.base)] if token.key != token.base else ""
    chain = chain.removesuffix("ال")  # "بالقاهرة": ب before the article; "الجريدة": none
    return chain[-1:] in ("ل", "ب")


def _org_name(tokens: Sequence[Token], span: RawSpan) -> bool:
    """A gazetteer organisation, with what follows it ("وكالة المخابرات المركزية الأميركية",
    "الوكالة الدولية للطاقة الذرية"), stays one."""
    bases = tuple(t.base for t in tokens[span[0] : span[1]])
    return any(bases[:size] in org_names().table for size in range(1, len(bases) + 1))


def _media_start(tokens: Sequence[Token], trigger: int, span: RawSpan) -> int:
    """Where an outlet's name starts: after its trigger ("صحيفة وول ستريت جورنال",
    "وكالة رويترز"), unless the words after it name a place or start with a generic word,
    which alone would not name the outlet ("جريدة القدس", "إذاعة صوت فلسطين", "وكالة الأنباء
    الهندية", "وكالة الصحافة الفرنسية")."""
    words = [t for t in tokens[trigger + 1 : span[1]] if t.is_word]
    place = any(t.key in place_words() or t.base in place_words() for t in words)
    generic = bool(words) and words[0].base in _media_generic_words()
    return trigger if place or generic else trigger + 1


def _generic_outlet(tokens: Sequence[Token], trigger: int) -> RawSpan | None:
    """ "وكالة الأنباء الألمانية", "وكالة الصحافة الفرنسية": trigger, generic word and the
    nisba adjectives or places after it name the outlet, whatever the tagger read."""
    index = trigger + 1
    if index >= len(tokens) or tokens[index].base not in _media_generic_words():
        return None
    end = index + 1
    while end < len(tokens) and tokens[end].is_word and _place_or_nisba(tokens[end]):
        end += 1
    return (trigger, end, "MEDIA") if end > index + 1 else None


def _place_or_nisba(token: Token) -> bool:
    """A place, or a definite nisba: "وكالات أنباء روسية" (Russian news agencies) names no one."""
    nisba = token.base in nisba_country() and has_article(token.key, token.base)
    return nisba or token.key in place_words() or token.base in place_words()


@cache
def _media_generic_words() -> frozenset[str]:
    return frozenset(strip_clitics(entry) for entry in load_entries("media_generic_words"))


def _quoted(tokens: Sequence[Token], index: int) -> RawSpan | None:
    if index >= len(tokens) or tokens[index].surface not in _OPEN_QUOTES:
        return None
    for end in range(index + 1, min(len(tokens), index + 2 + _QUOTED_NAME_MAX)):
        if tokens[end].surface in _CLOSE_QUOTES:
            words = tokens[index + 1 : end]
            if words and all(token.is_word for token in words):
                return (index + 1, end, "MEDIA")
            return None
    return None


def _outside_titles(spans: list[RawSpan], titles: Sequence[TitleSpan]) -> list[RawSpan]:
    """PER spans never include title words: trim a name that starts inside a title."""
    out = []
    for span in spans:
        for title in titles:
            if span[2] == "PER" and title.first <= span[0] < title.end:
                span = (title.end, span[1], span[2])
        if span[0] < span[1]:
            out.append(span)
    return out
