"""Where one article says its information came from: cited sources and their chains.

    >>> doc = make_doc("ونقلت وكالة رويترز عن مصدر سوري مطلع أن الطلب قدم.")
    >>> [(c.source, c.chain, c.type) for c in find_sources(doc)]
    [('رويترز', ('رويترز', 'مصدر سوري مطلع'), 'agency')]

("Reuters reported, citing an informed Syrian source, that the request was made.")

A citation's ``chain`` runs from the outlet's side to the primary source: [agency, speaker]
for "نقلت وكالة X عن Y" and "قال Y، بحسب ما أوردته X"; ``source`` is its first link, the
source the article cites directly. Citations come from:

- every quote (``find_quotes``) whose speaker is named there (not carried over), with the
  channels it came through; a bare "الصحيفة" / "البيان" / "الوكالة" speaker is the last
  cited source of that kind ("وفقاً لصحيفة وول ستريت جورنال ... أشارت الصحيفة إلى أن");
- cues outside quotes (lexicon ``attribution_cues``): بحسب/حسب/وفقاً لـ/وفق X, نقلاً عن X,
  "نقلت منصة X ... عن وكالة Y تصريحات Z" (a platform (منصة) relaying is the article's own
  voice and is left out of the chain), and "أصدرت X بياناً" (X, through a statement).
  A cue's phrase must name a source (an outlet, document, official or anonymous source):
  "بحسب المحاصصة الطائفية" cites nothing.
"""

from __future__ import annotations

from akhbar.analyze.voices.clauses import read_source
from akhbar.analyze.voices.quotes import find_quotes, sentence_words
from akhbar.analyze.voices.sources import SourceName, name_source
from akhbar.analyze.voices.words import Words, attribution_cue, read_phrase, roles, roles_by_key
from akhbar.arabic.doc import Doc
from akhbar.arabic.tokens import lookup
from akhbar.model import QuoteMention, SourceCitation, SourceLink, Span

__all__ = ["SourceCitation", "SourceLink", "find_sources"]

# Words between a relaying verb's subject and its "عن" (a relative clause about the outlet).
RELAY_GAP_MAX_WORDS = 14
_ANAPHORA = {
    "صحيفه": "newspaper",
    "جريده": "newspaper",
    "وكاله": "agency",
    "موقع": "site",
    "قناه": "broadcaster",
    "بيان": "document",
}


def find_sources(
    doc: Doc, *, quotes: tuple[QuoteMention, ...] | None = None
) -> tuple[SourceCitation, ...]:
    """Cited sources of one article, in text order (``quotes``: already found, if at hand)."""
    if quotes is None:
        quotes = find_quotes(doc)
    article_id = doc.article
    found: list[SourceCitation] = []
    for sentence in doc.sentences:
        words = sentence_words(doc, sentence.index)
        here = [q for q in quotes if q.verb_span and q.verb_span.sentence == sentence.index]
        cited = _from_quotes(words, here, article_id, sentence.index)
        taken = {s.start for c in cited for s in (link.span for link in c.links)}
        taken |= {q.verb_span.start for q in here if q.verb_span}
        cited += _from_cues(words, taken, article_id, sentence.index)
        found.extend(sorted(cited, key=lambda c: c.span.start))
    return tuple(_resolve_anaphora(doc, found))


def _link_at(words: Words, start: int, end: int, article_id: str, index: int) -> SourceLink | None:
    """The link named by display offsets [start, end) (a speaker or via span)."""
    tokens = tuple(t for t in words.tokens if start <= t.start and t.end <= end)
    if not tokens:
        return None
    named = name_source(tokens)
    surface = words.text[start:end]
    return SourceLink(
        named.name,
        named.type,
        surface,
        Span(article_id, start, end, index),
        named.document or _document_after(words, end),
    )


def _document_after(words: Words, end: int) -> str:
    """ "أصدرت الرئاسة بياناً" / "قال الكرملين في بيانه": the document right after a speaker."""
    after = [t for t in words.tokens if t.start >= end][:2]
    for n, token in enumerate(after):
        if "document" in roles_by_key(token):
            return token.surface
        if n == 0 and token.key not in {"في", "وفي"}:
            break
    return ""


def _from_quotes(words, quotes: list[QuoteMention], article_id, index) -> list[SourceCitation]:
    out = []
    for quote in quotes:
        if quote.carried or quote.speaker_span is None:
            continue
        spans = [*quote.via_spans, quote.speaker_span]
        links = [_link_at(words, s.start, s.end, article_id, index) for s in spans]
        links = [link for link in links if link is not None and link.type != "other"]
        if links and quote.verb_span is not None:
            out.append(SourceCitation(tuple(links), quote.verb, quote.verb_span, quote.polarity))
    return out


def _from_cues(words: Words, taken: set[int], article_id: str, index: int):
    out = []
    for i, token in enumerate(words.tokens):
        if token.start in taken:
            continue
        kind = attribution_cue(token)
        if kind in {"according", "via"}:
            phrases = [_according(words, i)]
        elif kind == "relay":
            phrases = _relay(words, i)
        elif kind == "issue":
            end = read_phrase(words, i + 1, stop_at_document=True)
            has_doc = end < len(words.tokens) and "document" in roles(words.tokens[end])
            phrases = [(i + 1, end)] if has_doc else []
        else:
            continue
        links = [_link(words, p, article_id, index) for p in phrases if p and p[1] > p[0]]
        if kind == "issue" and links:
            links = [_as_document(links[0], words.tokens[phrases[0][1]].surface)]
        links = [link for link in links if link.type not in {"other", "person"}]
        if links and not any(link.span.start in taken for link in links):
            taken.update(link.span.start for link in links)
            span = Span(article_id, token.start, token.end, index)
            out.append(SourceCitation(tuple(links), token.surface, span))
    return out


def _according(words: Words, i: int) -> tuple[int, int] | None:
    after = i + 1
    if after < len(words.tokens) and "relay" in roles(words.tokens[after]):
        after += 1  # نقلاً عن X
    return read_source(words, after)


def _relay(words: Words, i: int) -> list[tuple[int, int]]:
    """ "نقلت منصة X ... عن وكالة Y تصريحات Z" -> [X?, Y, Z] (X left out when a platform)."""
    tokens = words.tokens
    subject = (i + 1, read_phrase(words, i + 1))
    if subject[1] == subject[0]:
        return []
    chain = [] if "site" in roles(tokens[i + 1]) and "منصه" in tokens[i + 1].bases else [subject]
    for j in range(subject[1], min(len(tokens), subject[1] + RELAY_GAP_MAX_WORDS)):
        if "." in words.gap(j) or "complement" in roles(tokens[j]):
            return []  # "نقلت X عن Y أن": a quote, read by find_quotes
        if "relay" in roles(tokens[j]):
            source = read_source(words, j + 1)
            chain.append(source)
            after = source[1]
            if after < len(tokens) and "document" in roles(tokens[after]):
                chain.append((after + 1, read_phrase(words, after + 1)))
            return chain
    return []


def _link(words: Words, phrase: tuple[int, int], article_id: str, index: int) -> SourceLink:
    tokens = words.tokens[phrase[0] : phrase[1]]
    start, end = tokens[0].start, tokens[-1].end
    region = words.region_at(end)
    if region is not None:
        end = region[1] + 1
    named: SourceName = name_source(tokens)
    return SourceLink(
        named.name,
        named.type,
        words.text[start:end],
        Span(article_id, start, end, index),
        named.document,
    )


def _as_document(link: SourceLink, document: str) -> SourceLink:
    return SourceLink(
        link.name,
        link.type if link.type != "person" else "official",
        link.surface,
        link.span,
        document,
    )


def _resolve_anaphora(doc: Doc, found: list[SourceCitation]) -> list[SourceCitation]:
    """A bare "الصحيفة" or "البيان" speaker is the last cited source of that kind."""
    out: list[SourceCitation] = []
    for citation in found:
        last = citation.links[-1]
        words = doc.words_between(last.span.start, last.span.end)
        kind = lookup(_ANAPHORA, words[0]) if len(words) == 1 else None
        if kind is not None and last.surface.startswith("ال"):
            earlier = _last_of_kind(out, kind)
            if earlier is not None:
                document = earlier.document or (last.surface if kind == "document" else "")
                resolved = SourceLink(earlier.name, earlier.type, last.surface, last.span, document)
                citation = SourceCitation(
                    (*citation.links[:-1], resolved), citation.cue, citation.span, citation.stance
                )
        out.append(citation)
    return out


def _last_of_kind(found: list[SourceCitation], kind: str) -> SourceLink | None:
    for citation in reversed(found):
        for link in reversed(citation.links):
            if link.document if kind == "document" else link.type == kind:
                return link
    if kind == "document":  # "وأضاف البيان" after "قال الكرملين": the official spoke
        officials = [link for c in found for link in c.links if link.type == "official"]
        return officials[-1] if officials else None
    return None
