"""What every store backend does alike, run on SQLite and on PostgreSQL (a throwaway server,
``tests/conftest.py``): round trip, idempotency, conflicts, filters, search, assignments.

Data: ``examples/seeds`` and ``tests/data/store/ant_sample.jsonl`` (its README lists why each
ANT article is there).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from akhbar.errors import StoreError
from akhbar.ingest import build_article, iter_documents
from akhbar.model import Article, Assignment, RawDocument
from akhbar.store import AddResult, ArticleStore, ingest_into, open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SAMPLE = ROOT / "tests" / "data" / "store" / "ant_sample.jsonl"
SEED_IDS = sorted(path.stem for path in SEEDS.glob("*.txt"))
# The queries of test_search.py: spelling variants, clitics, phrases, filters.
QUERIES = (
    "سورية",
    "سوريا",
    "لسورية",
    "الشَّرع",
    "الرئيـــس الروســي",
    "بوتين",
    "وبوتين",
    "أبريل",
    "إبريل",
    "بوتين أبريل",
    '"الرئيس الروسي"',
    '"الروسي الرئيس"',
    "«الرئيس الروسي»",
    "بيسكوف الكرملين",
    "بوتين OR (",
    "title:بوتين",
)
FILTERS = (
    {"outlet": "bbc"},
    {"outlet": "BBC"},
    {"since": dt.date(2018, 4, 1), "until": dt.date(2018, 4, 30)},
    {"since": dt.date(2018, 5, 1)},
    {"outlet": "no such outlet"},
)


def _articles(*paths: Path) -> list[Article]:
    return [
        build_article(doc)
        for doc in iter_documents([str(path) for path in paths])
        if isinstance(doc, RawDocument)
    ]


def test_every_article_field_survives_the_round_trip(store_url: str) -> None:
    articles = _articles(SEEDS, SAMPLE)
    with open_store(store_url) as store:
        assert store.add_articles(articles) == AddResult(added=len(articles))
        for article in articles:
            assert store.get(article.id) == article
        assert [a.id for a in store.iter_articles()] == [a.id for a in articles]
        assert store.count() == len(articles)
    stored = {a.id: a for a in articles}
    # a datetime with its UTC offset stays a datetime with that offset
    assert stored["ant:BB-culture-126-20180423"].published == dt.datetime(
        2018, 4, 23, 1, 6, 11, tzinfo=dt.UTC
    )


def test_same_folder_twice_is_stored_once(store_url: str) -> None:
    with open_store(store_url) as store:
        first = ingest_into(store, [str(SEEDS)])
        second = ingest_into(store, [str(SEEDS)])
        assert (first.added, first.already_present) == (5, 0)
        assert (second.added, second.already_present, second.skipped) == (0, 5, ())
        assert store.count() == 5
        assert all(store.has(key) for key in SEED_IDS)
        assert not store.has("nope")


def test_same_text_under_another_id_is_kept_under_both_ids(store_url: str, tmp_path: Path) -> None:
    # Ids are kept as given; linking copies is deduplication's job, not the store's.
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[0]}.txt", copy / "renamed.txt")
    with open_store(store_url) as store:
        ingest_into(store, [str(SEEDS)])
        again = ingest_into(store, [str(copy)])
        assert (again.added, again.already_present, again.skipped) == (1, 0, ())
        assert store.get("renamed").text == store.get(SEED_IDS[0]).text


def test_new_content_under_a_stored_id_is_reported_and_the_stored_one_kept(
    store_url: str, tmp_path: Path
) -> None:
    edited = tmp_path / "edited.jsonl"
    line = {"id": SEED_IDS[0], "text": "نص آخر تماما عن موضوع آخر.", "outlet": "test"}
    edited.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_store(store_url) as store:
        ingest_into(store, [str(SEEDS)])
        summary = ingest_into(store, [str(edited)])
        assert summary.added == 0
        assert [item.source for item in summary.skipped] == [f"{edited}:1"]
        assert "already stored with different content" in summary.skipped[0].reason
        assert "الشرع" in store.get(SEED_IDS[0]).text
        [article] = _articles(edited)
        assert store.add_articles([article]) == AddResult(0, 1, (SEED_IDS[0],))


def test_get_of_an_unknown_id_names_it(store_url: str) -> None:
    with open_store(store_url) as store, pytest.raises(StoreError, match="'nope'"):
        store.get("nope")


def test_reading_a_missing_store_does_not_create_one(store_url: str) -> None:
    with pytest.raises(StoreError, match="run akhbar ingest"):
        open_store(store_url, create=False)
    with pytest.raises(StoreError, match="run akhbar ingest"):
        open_store(store_url, read_only=True)


def test_iter_articles_filters_by_outlet_and_date(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest_into(store, [str(SAMPLE)])
        bbc = [a.id for a in store.iter_articles(outlet="bbc")]
        assert bbc == [
            "ant:BB-culture-126-20180423",
            "ant:BB-culture-137-20180430",
            "ant:BB-internationalNews-49-20180222",
        ]
        april = store.iter_articles(since=dt.date(2018, 4, 1), until=dt.date(2018, 4, 30))
        assert [a.id for a in april] == bbc[:2]


def test_assignments_make_stories(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest_into(store, [str(SEEDS), str(SAMPLE)])
        assert store.stories() == []
        assignments = [Assignment(key, "putin-sharaa") for key in SEED_IDS]
        assignments.append(Assignment("ant:BB-culture-126-20180423", "bbc-culture"))
        assert store.set_assignments(assignments) == 6
        stories = store.stories()
        assert [(s.id, len(s.articles)) for s in stories] == [
            ("putin-sharaa", 5),
            ("bbc-culture", 1),
        ]
        assert stories[1].first_published == dt.date(2018, 4, 23)
        assert stories[1].outlets == ("BBC",)
        assert {a.id for a in store.assignments()} == {a.id for a in assignments}
        with pytest.raises(StoreError, match="'ghost'"):
            store.set_assignments([Assignment("ghost", "s1")])
        assert len(store.stories()) == 2  # the failed replacement left the old one


def test_search_finds_suriya_for_syria(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest_into(store, [str(SEEDS), str(SAMPLE)])
        found = {hit.article_id for hit in store.search("سورية", limit=50)}
        assert "ant:AL-culture-391-20180520" in found  # spells it سوريا only
        assert set(SEED_IDS) <= found
        [hit] = [h for h in store.search("بوتين") if h.article_id.startswith("ant:BB-inter")]
        assert "«وبوتين»" in hit.snippet
        scores = [hit.score for hit in store.search("بيسكوف الكرملين")]
        assert scores == sorted(scores, reverse=True)
        assert scores[0] > 0


def _hits(store: ArticleStore, query: str, **filters: object) -> list[tuple]:
    return [
        (hit.article_id, hit.title, hit.outlet, hit.published, hit.snippet, hit.copies)
        for hit in store.search(query, limit=50, **filters)  # type: ignore[arg-type]
    ]


def _scores(store: ArticleStore, query: str) -> list[float]:
    return [hit.score for hit in store.search(query, limit=50)]


def test_both_backends_find_the_same_hits(tmp_path: Path, postgres_url: str) -> None:
    """Same articles in the same order, with the same snippets, copies and scores, for every
    query: PostgreSQL ranks by FTS5's bm25 too (store/postgres_rank.py)."""
    first = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    copies = tmp_path / "copies.jsonl"
    copies.write_text(
        json.dumps({**first, "id": first["id"] + "-copy"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    inputs = [str(SEEDS), str(SAMPLE), str(copies)]
    with open_store(tmp_path / "a.db") as sqlite, open_store(postgres_url) as postgres:
        ingest_into(sqlite, inputs)
        ingest_into(postgres, inputs)
        for query in (*QUERIES, first["title"].split()[0]):
            assert _hits(postgres, query) == _hits(sqlite, query), query
            assert _scores(postgres, query) == pytest.approx(_scores(sqlite, query)), query
        for filters in FILTERS:
            assert _hits(postgres, "أبريل", **filters) == _hits(sqlite, "أبريل", **filters)
        word = first["title"].split()[0]
        [hit] = [h for h in postgres.search(word) if first["id"] in (h.article_id, *h.copies)]
        assert hit.copies == (first["id"] + "-copy",)
        # limit counts distinct texts, on both
        assert len(postgres.search("سورية", limit=3)) == len(sqlite.search("سورية", limit=3)) == 3
