"""Wire copies on real ANT articles: two outlets printing one agency text, and one unrelated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from akhbar.arabic.sentences import split_sentences
from akhbar.corpus.wire import find_wire_copies, voices, wire_pairs
from akhbar.model import Article, ArticleAnalysis

DATA = Path(__file__).parent / "data" / "wire" / "ant_pair.jsonl"
SKY, ARABIYA, SPORT = (
    "ant:SK-economy-456-20180501",
    "ant:AL-economy-475-20180502",
    "ant:AL-sport-541-20180310",
)
SHARED = (
    'وأضافت أن القرار "يرجع أيضا إلى مخاوفنا بشأن تدهور الوضع الخارجي لتركيا وتزايد'
    ' الصعوبات في القطاع الخاص الذي يقترض من الخارج".'
)


def _analyses() -> dict[str, ArticleAnalysis]:
    out = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = Article(
            id=row["id"],
            source=str(DATA),
            text=row["text"],
            outlet=row["outlet"],
            published=dt.datetime.fromisoformat(row["date"]),
        )
        out[row["id"]] = ArticleAnalysis(article, split_sentences(row["text"]))
    return out


def test_shared_agency_sentences_are_found_with_their_spans():
    found = _analyses()
    copies = find_wire_copies([found[ARABIYA], found[SKY]])
    assert len(copies) == 4
    # Sky News published first (1 May 21:34), so it is the first side even though given second.
    assert {c.first.span.article for c in copies} == {SKY}
    last = copies[3]
    assert last.first.text == SHARED == last.second.text
    assert (last.first.span.sentence, last.second.span.sentence) == (3, 3)
    assert last.similarity == 1.0
    assert copies[0].similarity == 0.765625  # hashtags added to the first sentence
    text = found[ARABIYA].article.text
    assert text[last.second.span.start : last.second.span.end] == SHARED


def test_pair_summary_and_voices():
    found = _analyses()
    analyses = [found[SKY], found[ARABIYA], found[SPORT]]
    copies = find_wire_copies(analyses)
    (pair,) = wire_pairs(analyses, copies)
    assert (pair.first, pair.second, pair.shared, pair.ordered) == (SKY, ARABIYA, 4, True)
    assert (pair.first_share, pair.second_share) == (1.0, 1.0)
    assert voices(analyses, copies) == ((SKY, ARABIYA), (SPORT,))


def test_unrelated_articles_share_nothing():
    found = _analyses()
    assert find_wire_copies([found[SKY], found[SPORT]]) == ()
    assert voices([found[SKY], found[SPORT]], ()) == ((SKY,), (SPORT,))


def test_same_outlet_is_not_a_wire_copy():
    found = _analyses()
    sky = found[SKY]
    again = ArticleAnalysis(
        Article(id="sky-again", source="x", text=sky.article.text, outlet=sky.article.outlet),
        sky.sentences,
    )
    assert find_wire_copies([sky, again]) == ()


def test_deterministic():
    found = _analyses()
    analyses = [found[SPORT], found[ARABIYA], found[SKY]]
    assert find_wire_copies(analyses) == find_wire_copies(analyses)
    assert find_wire_copies(analyses) == find_wire_copies(list(found.values()))


def test_a_sentence_reposted_by_many_articles_makes_linearly_many_pairs():
    # One agency sentence re-posted 40 times by 40 outlets: each article is compared with
    # the 32 after it, not all 39 others (780 pairs), and all 40 remain one voice.
    reposts = [
        ArticleAnalysis(
            Article(id=f"r{n:02}", source="feed", text=SHARED, outlet=f"outlet {n}"),
            split_sentences(SHARED),
        )
        for n in range(40)
    ]
    copies = find_wire_copies(reposts)
    pairs = {(c.first.span.article, c.second.span.article) for c in copies}
    assert len(pairs) == sum(min(32, 39 - n) for n in range(40)) == 752
    assert ("r00", "r32") in pairs and ("r00", "r33") not in pairs
    assert voices(reposts, copies) == (tuple(a.article.id for a in reposts),)
