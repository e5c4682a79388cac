"""Who said what in one article: direct quotes and reported (indirect) speech.

    >>> q = find_quotes(make_doc("وقال بيسكوف إن الرسالة مهمة."))
    >>> q[0].speaker, q[0].verb, q[0].text, q[0].kind
    ('بيسكوف', 'وقال', 'الرسالة مهمة', 'indirect')

("Peskov said the letter is important.")

Rules (see ``tests/test_quotes.py`` for each on seed sentences):

- A speech verb (lexicon ``speech_verbs``) opens a mention when its content follows within a
  few words: أن/إن/بأن (indirect), "إلى أن"/"على أن", a quotation or ":" + quotation (direct),
  إلى + noun for a call (دعا إلى); a decline (رفض التعليق) needs no content.
- The speaker is the phrase after the verb (``quote_words.read_phrase``). When there is none
  it is, in order: the issuer of a document just named ("أصدرت الرئاسة بيانا أفادت فيه"), a
  short subject before the verb ("... بيسكوف رفض التعليق", headlines "بوتين يدعو"), or the
  last speaker of this or the previous ``CARRY_SENTENCES`` sentences (``carried=True``):
  "وأضاف أن ..." after "وأشار بيسكوف إلى أن ...". A participle (مشيراً، قائلاً) always
  takes the clause's earlier speaker.
- "نقلت وكالة رويترز عن مصدر سوري مطلع أن": the speaker is the source after عن and the
  agency goes to ``via``; so do "بحسب ما أوردته وكالات أنباء روسية" and "لوكالة X".
- A quotation that is no mention's content counts as a direct quote only when it has more
  than ``SCARE_MAX_WORDS`` words and a speaker: a speech verb in its sentence, or it opens
  the sentence right after a speaker (a continued quote). So scare quotes (“بناءة”، "التعاون
  العملي") and quoted names after منصة/وكالة/برنامج ("خبر مباشر"، "ذا فويس") never are;
  quotations inside reported content stay part of that content.
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar.analyze.voices.clauses import Clause, read_clause, subject_before
from akhbar.analyze.voices.words import Words, attribution_cue, read_phrase, speech_verb_at
from akhbar.arabic.doc import Doc
from akhbar.model import QuoteMention, Span

__all__ = ["CARRY_SENTENCES", "SCARE_MAX_WORDS", "QuoteMention", "find_quotes", "sentence_words"]

# "وأضاف أن" takes the speaker named at most this many sentences before.
CARRY_SENTENCES = 2
# A quote inside this many others is dropped (see _outermost).
MAX_NESTED = 2
# A quotation of at most this many words with no verb of its own is a scare quote or a name.
SCARE_MAX_WORDS = 3


@dataclass(frozen=True)
class _Speaker:
    surface: str
    span: Span


def find_quotes(doc: Doc) -> tuple[QuoteMention, ...]:
    """Direct and indirect quotes of one article, in text order."""
    out: list[QuoteMention] = []
    last: _Speaker | None = None
    article_id = doc.article
    for sentence in doc.sentences:
        words = sentence_words(doc, sentence.index)
        if last is not None and sentence.index - last.span.sentence > CARRY_SENTENCES:
            last = None
        found = _verb_mentions(words, sentence.index, last, article_id)
        found += _bare_quotations(words, sentence, found, last, article_id)
        for mention in _outermost(found):
            out.append(mention)
            if mention.speaker_span is not None and not mention.carried:
                last = _Speaker(mention.speaker, mention.speaker_span)
    return tuple(out)


def _outermost(found: list[QuoteMention]) -> list[QuoteMention]:
    """The quotes of one sentence in text order, less those nested two deep: speech reported
    within reported speech ("قال بيسكوف إن بوتين أبلغ الشرع أن ...") keeps its speaker, but
    in text without punctuation every further "قال ... إن" would copy the rest of its
    sentence once more (a 1 MB line made a 37 MB report)."""
    ordered = sorted(found, key=lambda m: (m.span.start, -m.span.end))
    out: list[QuoteMention] = []
    open_ends: list[int] = []  # the ends of the quotes around the current position
    for mention in ordered:
        open_ends = [end for end in open_ends if end > mention.span.start]
        if sum(end >= mention.span.end for end in open_ends) >= MAX_NESTED:
            continue
        out.append(mention)
        open_ends.append(mention.span.end)
    return out


def sentence_words(doc: Doc, index: int) -> Words:
    """The words of sentence ``index`` with its quotations, as the phrase readers take them."""
    return Words(doc.text, doc.words(index), doc.quoted[index])


def _verb_mentions(
    words: Words, index: int, last: _Speaker | None, article_id: str
) -> list[QuoteMention]:
    found: list[QuoteMention] = []
    for i in range(len(words.tokens)):
        try:
            verb, verb_last = speech_verb_at(words.tokens, i)
        except KeyError:
            continue
        clause = read_clause(words, i, verb_last, verb.polarity, verb.form)
        if clause.intro == "none" and verb.polarity != "decline":
            continue
        in_sentence = next((m for m in reversed(found) if not m.carried), None)
        speaker, carried = _resolve_speaker(words, i, verb.form, clause, in_sentence, last)
        if speaker is None:
            continue
        found.append(
            _mention(
                words, i, verb_last, verb.polarity, clause, speaker, carried, index, article_id
            )
        )
    return found


def _resolve_speaker(words, i, form, clause: Clause, in_sentence, last):
    """(speaker, carried): named after the verb, an issuer, a subject before it, or carried."""
    if form == "participle":
        if in_sentence is not None:
            return _Speaker(in_sentence.speaker, in_sentence.speaker_span), True
        return (last, True) if last else (None, False)
    if clause.speaker is not None and form != "tell":
        return _phrase_speaker(words, clause.speaker), False
    issuer = _issuer_before(words, i)
    if issuer is not None:
        return _phrase_speaker(words, issuer), False
    before = subject_before(words, i)
    if before is not None:
        return _phrase_speaker(words, before), False
    if in_sentence is not None:
        return _Speaker(in_sentence.speaker, in_sentence.speaker_span), True
    return (last, True) if last else (None, False)


def _issuer_before(words: Words, verb: int) -> tuple[int, int] | None:
    """ "أصدرت الرئاسة السورية بيانا أفادت فيه": the issuer of the document the verb is in."""
    if verb + 1 >= len(words.tokens) or words.tokens[verb + 1].key not in {"فيه", "فيها"}:
        return None
    for j in range(verb - 1, -1, -1):
        if attribution_cue(words.tokens[j]) == "issue":
            end = read_phrase(words, j + 1, stop_at_document=True)
            return (j + 1, end) if end > j + 1 else None
    return None


def _phrase_speaker(words: Words, phrase: tuple[int, int]) -> _Speaker:
    start = words.tokens[phrase[0]].start
    end = words.tokens[phrase[1] - 1].end
    region = words.region_at(end)
    if region is not None or end in {r[1] for r in words.regions}:
        end = (region[1] if region else end) + 1  # take the closing mark of موقع “ستاندرد”
    return _Speaker(words.text[start:end], Span("", start, end))


def _mention(words, i, verb_last, polarity, clause, speaker, carried, index, article_id):
    text = words.text
    verb_start, verb_end = words.tokens[i].start, words.tokens[verb_last].end
    if clause.content is not None:
        start, end = clause.content
    else:
        start = end = verb_end
    via = [_phrase_speaker(words, v) for v in clause.via]
    return QuoteMention(
        text=text[start:end],
        span=Span(article_id, start, end, index),
        speaker=speaker.surface,
        speaker_span=_with_article(speaker.span, article_id, index if not carried else None),
        verb=text[verb_start:verb_end],
        verb_span=Span(article_id, verb_start, verb_end, index),
        polarity=polarity,
        kind="direct" if clause.intro == "quote" else "indirect",
        carried=carried,
        via=tuple(v.surface for v in via),
        via_spans=tuple(Span(article_id, v.span.start, v.span.end, index) for v in via),
    )


def _with_article(span: Span, article_id: str, index: int | None) -> Span:
    sentence = span.sentence if index is None else index
    return Span(article_id, span.start, span.end, sentence)


def _bare_quotations(words, sentence, found, last, article_id) -> list[QuoteMention]:
    """Quotations no verb mention covers that still read as someone's words."""
    out = []
    for opening, closing in words.regions:
        if any(
            m.span.start <= opening < m.span.end or opening < m.span.start < closing for m in found
        ):
            continue
        inner = words.text[opening + 1 : closing]
        if len(inner.split()) <= SCARE_MAX_WORDS:
            continue
        speaker, verb, carried = _quotation_speaker(words, sentence, opening, last, article_id)
        if speaker is None:
            continue
        out.append(
            QuoteMention(
                text=inner,
                span=Span(article_id, opening + 1, closing, sentence.index),
                speaker=speaker.surface,
                speaker_span=speaker.span,
                verb=verb[0] if verb else "",
                verb_span=verb[1] if verb else None,
                polarity="assert",
                kind="direct",
                carried=carried,
            )
        )
    return out


def _quotation_speaker(words, sentence, opening, last, article_id):
    """'"...", قال بيسكوف' takes the verb's speaker; a quote opening the sentence carries."""
    for i in range(len(words.tokens)):
        try:
            verb, _ = speech_verb_at(words.tokens, i)
        except KeyError:
            continue
        end = read_phrase(words, i + 1)
        if verb.form == "verb" and verb.polarity == "assert" and end > i + 1:
            speaker = _phrase_speaker(words, (i + 1, end))
            span = Span(article_id, speaker.span.start, speaker.span.end, sentence.index)
            token = words.tokens[i]
            verb_span = Span(article_id, token.start, token.end, sentence.index)
            return _Speaker(speaker.surface, span), (token.surface, verb_span), False
    starts_sentence = not words.text[sentence.start : opening].strip()
    if starts_sentence and last is not None:
        return last, None, True
    return None, None, False
