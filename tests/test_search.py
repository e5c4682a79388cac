"""Search over the seeds and seven ANT articles: spelling variants, filters, snippets, bad queries.

Data: ``examples/seeds`` and ``tests/data/store/ant_sample.jsonl`` (its README lists why each
ANT article is there).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.errors import InputError
from akhbar.store import ArticleStore, ingest_into, open_store, parse_query, search_words

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SAMPLE = ROOT / "tests" / "data" / "store" / "ant_sample.jsonl"
SEED_IDS = sorted(path.stem for path in SEEDS.glob("*.txt"))
SYRIA_ONLY_SURIYA = "ant:AL-culture-391-20180520"  # "سوريا", "وسوريا"; never "سورية"
PUTIN_WITH_CLITIC = {
    "ant:AL-internationalNews-1390-20180530",
    "ant:BB-internationalNews-49-20180222",
}
APRIL_BARE = {"ant:AL-culture-77-20180220", "ant:AL-internationalNews-1282-20180522"}  # ابريل
APRIL_HAMZA = {"ant:BB-culture-126-20180423", "ant:BB-culture-137-20180430"}  # أبريل
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "news.db"
    with open_store(path) as store:
        summary = ingest_into(store, [str(SEEDS), str(SAMPLE)])
    assert (summary.added, summary.skipped) == (12, ())
    return path


@pytest.fixture
def store(db: Path) -> Iterator[ArticleStore]:
    with open_store(db, create=False) as opened:
        yield opened


def _ids(store: ArticleStore, query: str, **filters: object) -> set[str]:
    return {hit.article_id for hit in store.search(query, limit=50, **filters)}  # type: ignore[arg-type]


def test_suriya_with_ta_marbuta_finds_articles_that_spell_it_with_alef(store: ArticleStore) -> None:
    found = _ids(store, "سورية")
    assert SYRIA_ONLY_SURIYA in found
    assert set(SEED_IDS) <= found
    assert _ids(store, "سوريا") == found
    assert _ids(store, "لسورية") == found


def test_harakat_in_the_query_do_not_matter(store: ArticleStore) -> None:
    assert _ids(store, "الشَّرع") == _ids(store, "الشرع") == set(SEED_IDS)


def test_tatweel_in_the_query_does_not_matter(store: ArticleStore) -> None:
    plain = _ids(store, "الرئيس الروسي")
    assert set(SEED_IDS) <= plain
    assert _ids(store, "الرئيـــس الروســي") == plain


def test_clitics_do_not_matter(store: ArticleStore) -> None:
    found = _ids(store, "بوتين")
    assert found >= PUTIN_WITH_CLITIC
    assert set(SEED_IDS) <= found
    assert _ids(store, "وبوتين") == _ids(store, "لبوتين") == found


def test_hamza_on_alef_does_not_matter(store: ArticleStore) -> None:
    assert _ids(store, "أبريل") >= APRIL_BARE | APRIL_HAMZA
    assert _ids(store, "ابريل") == _ids(store, "أبريل") == _ids(store, "إبريل")


def test_all_words_are_required_and_quotes_ask_for_a_phrase(store: ArticleStore) -> None:
    assert _ids(store, "بوتين أبريل") == _ids(store, "بوتين") & _ids(store, "أبريل")
    phrase = _ids(store, '"الرئيس الروسي"')
    assert set(SEED_IDS) <= phrase
    assert _ids(store, '"الروسي الرئيس"') < phrase
    assert _ids(store, "«الرئيس الروسي»") == phrase


def test_best_match_first(store: ArticleStore) -> None:
    hits = store.search("بيسكوف الكرملين")
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert hits[0].score > 0


def test_outlet_and_date_filters(store: ArticleStore) -> None:
    assert _ids(store, "أبريل", outlet="bbc") == APRIL_HAMZA
    april = _ids(store, "أبريل", since=dt.date(2018, 4, 1), until=dt.date(2018, 4, 30))
    assert april == APRIL_HAMZA
    assert _ids(store, "أبريل", since=dt.date(2018, 5, 1)) == {
        "ant:AL-internationalNews-1282-20180522"
    }
    assert _ids(store, "بوتين", outlet="no such outlet") == set()


def test_snippet_shows_display_words_around_the_match(store: ArticleStore) -> None:
    [hit] = [
        h for h in store.search("بوتين") if h.article_id == "ant:BB-internationalNews-49-20180222"
    ]
    assert "«وبوتين»" in hit.snippet
    article = store.get(hit.article_id)
    plain = " ".join(hit.snippet.replace("«", "").replace("»", "").strip("… ").split())
    assert plain in " ".join(article.text.split())  # display text, a contiguous run of it
    [harakat] = store.search("الشَّرع", limit=1)
    assert "«الشرع»" in harakat.snippet  # the article's spelling, not the query's


@pytest.mark.parametrize("query", ['"بوتين', "بوتين «الرئيس"])
def test_an_open_quote_names_the_query(store: ArticleStore, query: str) -> None:
    with pytest.raises(InputError, match="quote mark is not closed") as error:
        store.search(query)
    assert query in str(error.value)


@pytest.mark.parametrize("query", ["بوتين OR (", "NEAR(بوتين", "بوتين*", "title:بوتين", "- ^"])
def test_fts_syntax_is_read_as_plain_words(store: ArticleStore, query: str) -> None:
    try:
        store.search(query)
    except InputError as error:  # "- ^" has no words: a clear message, no traceback
        assert "has no words" in str(error)


def test_cli_search_text_and_json(db: Path) -> None:
    result = runner.invoke(app, ["search", "وبوتين", "--db", str(db), "--outlet", "BBC"])
    assert result.exit_code == 0, result.output
    assert "ant:BB-internationalNews-49-20180222" in result.stdout
    assert "2018-02-22  BBC" in result.stdout
    assert "«وبوتين»" in result.stdout
    as_json = runner.invoke(app, ["search", "أبريل", "--db", str(db), "--json", "-n", "1"])
    [row] = json.loads(as_json.stdout)
    assert set(row) == {"article_id", "title", "outlet", "published", "score", "snippet", "copies"}


def test_identical_texts_under_two_ids_are_one_hit_listing_the_copy(tmp_path: Path) -> None:
    # ANT files one text under two ids when an outlet lists it in two sections
    # (ant:SK-middleEast-1520-20180509 and -1540-); the copy here is made the same way.
    first = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    copy = {**first, "id": first["id"] + "-copy"}
    data = tmp_path / "copies.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in (first, copy)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "copies.db"
    with open_store(db) as opened:
        ingest_into(opened, [str(data), str(SEEDS)])
        word = first["title"].split()[0]
        hits = opened.search(word, limit=5)
    [hit] = [h for h in hits if first["id"] in (h.article_id, *h.copies)]
    assert (hit.article_id, hit.copies) == (first["id"], (copy["id"],))
    result = runner.invoke(app, ["search", word, "--db", str(db)])
    assert f"same text also as: {copy['id']}" in result.stdout
    assert result.stdout.count(first["id"]) == 2  # the hit, and the copy's line


def test_cli_search_errors_exit_2(db: Path, tmp_path: Path) -> None:
    bad = runner.invoke(app, ["search", '"بوتين', "--db", str(db)])
    assert bad.exit_code == 2
    assert "query '\"بوتين'" in bad.stderr
    assert "Traceback" not in bad.output
    date = runner.invoke(app, ["search", "بوتين", "--db", str(db), "--since", "أمس"])
    assert date.exit_code == 2
    missing = runner.invoke(app, ["search", "بوتين", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2
    assert "run akhbar ingest" in missing.stderr


_ARABIC = st.text(
    alphabet=st.sampled_from(
        [*list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ "), '"', "«", "»", " ", "1", "،"]
    ),
    max_size=40,
)


@given(_ARABIC)
def test_normalising_a_query_twice_is_normalising_it_once(query: str) -> None:
    words = search_words(query)
    assert search_words(" ".join(words)) == words
    try:
        once = parse_query(query).normalized()
    except InputError:
        return
    assert parse_query(once).normalized() == once
