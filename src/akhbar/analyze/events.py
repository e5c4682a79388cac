"""Event mentions in one article: trigger words of happenings, each with the date that dates it.

    >>> doc = make_doc("وأجرى بوتين أول مكالمة هاتفية مع الشرع، في 12 فبراير/ شباط الفائت.")
    >>> times = find_times(doc, anchor=date(2025, 3, 20))
    >>> [(m.type, m.time.value) for m in find_event_mentions(doc, times)]
    [('call', '2025-02-12')]

("Putin held his first phone call with al-Sharaa on 12 February last.") Triggers come
from ``event_triggers.txt`` and are matched on token bases, so clitics do not matter
("والاتصال" is a call). A date is attached to the trigger nearest to it in the same
sentence, so "والتقى ... في 29 يناير ... في أول زيارة لدمشق منذ إسقاط نظام الأسد" dates
the meeting, not the fall of the regime. A date after a noun's modifier ("الاتفاق المبرم
عام 2015", ``event_noun_modifiers.txt``) belongs to that noun, so it dates no trigger named
before the noun ("الانسحاب من الاتفاق المبرم عام 2015" is not a withdrawal in 2015). A
trigger right after "بعد/منذ/عقب ..." is a *background* mention: the event is a reference
point, not what the sentence reports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property

from akhbar.arabic.doc import Doc
from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import CONJUNCTIONS, Token
from akhbar.model import EntityMention, EventMention, Sentence, Span, TimeExpression

__all__ = ["event_label", "find_event_mentions", "with_participants"]

# Only dates and clock times date an event; durations ("لمدة يومين") and sets do not, nor
# vague references ("حتى الساعة" = PRESENT_REF).
_DATING_TYPES = frozenset({"DATE", "TIME"})
_VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


@dataclass(frozen=True)
class _Lexicon:
    single: dict[str, str]
    double: dict[tuple[str, str], str]
    cues: dict[str, str]
    labels: dict[str, str]

    @cached_property
    def double_firsts(self) -> frozenset[str]:
        return frozenset(first for first, _ in self.double)


@cache
def _lexicon() -> _Lexicon:
    single: dict[str, str] = {}
    double: dict[tuple[str, str], str] = {}
    for trigger, event_type in load_mapping("event_triggers").items():
        words = trigger.split()
        if len(words) == 1:
            single[words[0]] = event_type
        else:
            double[(words[0], words[1])] = event_type
    return _Lexicon(single, double, load_mapping("event_cues"), load_mapping("event_types"))


@cache
def _noun_modifiers() -> frozenset[str]:
    return frozenset(load_entries("event_noun_modifiers"))


def event_label(event_type: str) -> str:
    """The reader-facing label of an event type ("اتصال هاتفي (phone call)")."""
    return _lexicon().labels.get(event_type, event_type)


def _match(tokens: Sequence[Token], index: int, lexicon: _Lexicon) -> tuple[str, int] | None:
    """(event type, number of tokens) of a trigger starting at ``tokens[index]``."""
    # Every reading of the word ("والتقى": و + التقى), the key first.
    here = tokens[index].forms()
    if index + 1 < len(tokens):
        for form in here:
            if form in lexicon.double_firsts:
                for second in tokens[index + 1].bases:
                    if (form, second) in lexicon.double:
                        return lexicon.double[(form, second)], 2
    for form in here:
        if form in lexicon.single:
            return lexicon.single[form], 1
    return None


def _cue(tokens: Sequence[Token], index: int, lexicon: _Lexicon) -> str | None:
    return lexicon.cues.get(tokens[index - 1].key) if index > 0 else None


def _triggers(doc: Doc, sentence: Sentence) -> list[EventMention]:
    lexicon = _lexicon()
    tokens = doc.words(sentence.index)
    found: list[EventMention] = []
    index = 0
    while index < len(tokens):
        matched = _match(tokens, index, lexicon)
        cue = _cue(tokens, index, lexicon)
        if matched is None or cue == "blocker":
            index += 1
            continue
        event_type, length = matched
        start = tokens[index].start
        end = tokens[index + length - 1].end
        span = Span(doc.article, start, end, sentence.index)
        found.append(
            EventMention(event_type, span, doc.text[start:end], background=cue == "background")
        )
        index += length
    return found


def _distance(mention: EventMention, time: TimeExpression) -> int:
    if time.span.end <= mention.span.start:
        return mention.span.start - time.span.end
    if mention.span.end <= time.span.start:
        return time.span.start - mention.span.end
    return 0


def _attach_times(
    doc: Doc, mentions: list[EventMention], times: Sequence[TimeExpression], sentence: Sentence
) -> list[EventMention]:
    """Give each date in the sentence to its nearest trigger; a trigger keeps its nearest date.

    A date a noun's modifier claims ("... الاتفاق المبرم عام 2015") dates no trigger before
    that noun.
    """
    inside = [
        t
        for t in times
        if t.type in _DATING_TYPES
        and t.value not in _VAGUE_VALUES
        and sentence.start <= t.span.start
        and t.span.end <= sentence.end
    ]
    best: dict[int, TimeExpression] = {}
    for time in inside:
        free = [i for i, m in enumerate(mentions) if not _claimed_by_a_noun(doc, m, time)]
        if not free:
            continue
        nearest = min(free, key=lambda i: (_distance(mentions[i], time), i))
        held = best.get(nearest)
        if held is None or _distance(mentions[nearest], time) < _distance(mentions[nearest], held):
            best[nearest] = time
    return [replace(mention, time=best.get(i)) for i, mention in enumerate(mentions)]


def _claimed_by_a_noun(doc: Doc, mention: EventMention, time: TimeExpression) -> bool:
    """A modifier cue between trigger and date, with a word between trigger and cue: the
    date belongs to that word's noun phrase. Right after the trigger, the cue modifies the
    trigger itself ("القمة المقررة في 12 يونيو" dates the summit)."""
    if time.span.start < mention.span.end:
        return False
    between = doc.words_between(mention.span.end, time.span.start)
    cues = _noun_modifiers()
    return any(not cues.isdisjoint(token.forms(CONJUNCTIONS)) for token in between[1:])


def find_event_mentions(doc: Doc, times: Sequence[TimeExpression]) -> tuple[EventMention, ...]:
    """Every event trigger of ``doc``, in order, each with its attached date (or None)."""
    mentions: list[EventMention] = []
    for sentence in doc.sentences:
        found = _triggers(doc, sentence)
        if found:
            mentions.extend(_attach_times(doc, found, times, sentence))
    return tuple(mentions)


# Who takes part: people and organisations named in the trigger's sentence. Places are
# where, not who ("زيارة إلى دمشق" and "اتصال مع دمشق" are not one event for sharing it).
_ACTOR_TYPES = frozenset({"PER", "ORG"})


def with_participants(
    mentions: Sequence[EventMention],
    sentences: Sequence[Sentence],
    entities: Sequence[EntityMention],
) -> tuple[EventMention, ...]:
    """``mentions`` with the actors of their sentence, each as the key of its last name word.

    The last word is what outlets share when they spell or shorten a name differently
    ("فلاديمير بوتين" / "بوتين", "أحمد الشرع" / "الشرع").
    """
    starts = [sentence.start for sentence in sentences]
    actors: dict[int, set[str]] = {}  # sentence -> its actors, found once
    for entity in entities:
        index = bisect_right(starts, entity.span.start) - 1
        if (
            entity.type in _ACTOR_TYPES
            and entity.name.split()
            and index >= 0
            and entity.span.start < sentences[index].end
        ):
            actors.setdefault(index, set()).add(to_key(entity.name.split()[-1]))
    return tuple(
        replace(mention, participants=tuple(sorted(actors.get(mention.span.sentence, ()))))
        for mention in mentions
    )
