"""One bad article never costs the others (issue 13, isolation): each hostile input that used
to abort a whole run is that input's skip, or is read with the damage repaired, and every good
article around it is reported and stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.model import Article, SkippedInput
from akhbar.pipeline import analyze_batch, build_batch
from akhbar.store import open_store

runner = CliRunner()
# Seed 004 (Reuters via a Syrian outlet), its first sentences: a real article to keep.
GOOD_TEXT = (
    "أجرى الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، اتصالاً هاتفياً مع الرئيس السوري "
    "أحمد الشرع، وفق ما أعلن الكرملين. وقال المتحدث باسم الكرملين دميتري بيسكوف إن الرئيسين "
    "بحثا العلاقات الثنائية."
)


def _good(article_id: str) -> str:
    record = {"id": article_id, "outlet": "x", "date": "2025-02-12", "text": GOOD_TEXT}
    return json.dumps(record, ensure_ascii=False)


HOSTILE = {
    # JSON nested a thousand levels deep: RecursionError in json.loads.
    "nested": "[" * 1000 + "]" * 1000,
    "nested-object": '{"a":' * 1000 + "1" + "}" * 1000,
    # A lone escaped surrogate (an emoji cut in half by a scraper).
    "surrogate": '{"id": "s1", "date": "2025-02-12", "text": "قال بيسكوف \\ud83d إن الزيارة غدا"}',
    # Dates at the calendar's edges with relative expressions that step past them.
    "first-day": json.dumps(
        {"id": "d1", "date": "0001-01-01", "text": "قال الكرملين اليوم الخميس إن الزيارة تمت."},
        ensure_ascii=False,
    ),
    "last-day": json.dumps(
        {"id": "d2", "date": "9999-12-31", "text": "قال الكرملين إن الزيارة ستتم غدا."},
        ensure_ascii=False,
    ),
}


def _analyze(tmp_path: Path, lines: list[str]) -> tuple[int, dict]:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(source), "--jobs", "1", "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_line_costs_no_other_article(tmp_path: Path, kind: str) -> None:
    code, report = _analyze(tmp_path, [_good("g1"), HOSTILE[kind], _good("g2")])
    ids = [article["id"] for article in report["articles"]]
    assert ids[0] == "g1" and ids[-1] == "g2"
    skipped = {item["source"]: item["reason"] for item in report["skipped"]}
    if kind.startswith("nested"):
        assert ids == ["g1", "g2"] and code == 1
        assert "nested deeper than a reader allows" in skipped[f"{tmp_path / 'in.jsonl'}:2"]
    else:  # read, the damage repaired: the article is there too
        assert len(ids) == 3


def test_a_cut_surrogate_becomes_the_replacement_character(tmp_path: Path) -> None:
    _, report = _analyze(tmp_path, [HOSTILE["surrogate"]])
    (article,) = report["articles"]
    assert article["id"] == "s1"
    assert report["stories"][0]["quotes"] or report["stories"][0]["entities"]
    text = runner.invoke(app, ["extract", str(tmp_path / "in.jsonl"), "--jobs", "1"]).stdout
    (row,) = [json.loads(line) for line in text.splitlines()]
    assert any("\ufffd" in sentence["text"] for sentence in row["sentences"])


def test_relative_days_past_the_calendars_edges_have_no_value(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(HOSTILE["last-day"] + "\n" + HOSTILE["first-day"] + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    tomorrow = next(t for t in rows[0]["times"] if t["surface"] == "غدا")
    assert tomorrow["value"] is None and tomorrow["anchor"] == "9999-12-31"


def test_an_unexpected_error_in_one_article_is_its_skip() -> None:
    """The last-resort guard of the batch tasks: whatever one article raises is that
    article's skip, with the exception's type and message; its batch-mates are analysed."""

    class Exploding(str):
        def __getitem__(self, index):
            raise ZeroDivisionError("boom")

    good = Article(id="a", source="a.txt", text=GOOD_TEXT)
    bad = Article(id="b", source="b.txt", text=Exploding(GOOD_TEXT))
    first, second, third = analyze_batch([good, bad, good])
    assert first.article.id == third.article.id == "a"
    assert second == SkippedInput("b.txt", "analysis failed: ZeroDivisionError: boom")
    assert build_batch([SkippedInput("x", "why")]) == [SkippedInput("x", "why")]


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes")
def test_a_file_name_that_is_not_utf8_is_read_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"\xe4\xf8\xe1\xdf.txt")  # Windows-1256 bytes from a zip
    (folder / name).write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(folder), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    (article,) = report["articles"]
    assert article["source"].endswith("\\xe4\\xf8\\xe1\\xdf.txt")
    assert not list(tmp_path.glob("*.partial"))


good_lines = st.builds(_good, st.from_regex(r"[a-z]{6}", fullmatch=True))
hostile_lines = st.sampled_from(sorted(HOSTILE.values())) | st.sampled_from(
    [
        "\x00\x01\x02 binary \xff",
        '{"id": "h", "text": "' + "ب" * 20000 + '"}',
        '{"id": 7, "text": ["not", "a", "string"]}',
        '"just a string"',
        "{broken",
        json.dumps({"id": "z", "date": "2025-13-45", "text": GOOD_TEXT}, ensure_ascii=False),
    ]
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(good_lines | hostile_lines, min_size=1, max_size=6))
def test_good_articles_survive_any_mix_of_hostile_lines(tmp_path_factory, lines) -> None:
    tmp_path = tmp_path_factory.mktemp("fuzz")
    good = list(
        dict.fromkeys(
            json.loads(line)["id"]
            for line in lines
            if line.startswith('{"id": "') and GOOD_TEXT in line
        )
    )
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(source), "--jobs", "1", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    reported = {
        article["id"] for article in json.loads(out.read_text(encoding="utf-8"))["articles"]
    }
    assert set(good) <= reported
    db = tmp_path / "news.db"
    result = runner.invoke(app, ["ingest", str(source), "--db", str(db)])
    assert result.exit_code in (0, 1), result.output
    with open_store(db) as store:
        assert {article_id for article_id in good if store.has(article_id)} == set(good)


@pytest.mark.parametrize(
    "command",
    [
        ["analyze", "{src}", "-o", "{src}"],
        ["analyze", "{dir}", "-o", "report.json", "-o", "{src}"],
        ["extract", "{src}", "-o", "{src}"],
        ["cluster", "{src}", "--out", "{src}"],
    ],
)
def test_an_output_naming_an_input_is_refused_before_anything_is_read(
    tmp_path: Path, command: list[str]
) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_text(_good("g1") + "\n", encoding="utf-8")
    before = source.read_bytes()
    args = [part.format(src=source, dir=tmp_path) for part in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "is one of the inputs" in result.output
    assert source.read_bytes() == before


def test_reports_akhbar_wrote_are_not_read_back_as_articles(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "004.txt").write_text(GOOD_TEXT, encoding="utf-8")
    first = runner.invoke(
        app,
        [
            "analyze",
            str(folder),
            "-o",
            str(folder / "report.html"),
            "-o",
            str(folder / "report.md"),
        ],
    )
    assert first.exit_code == 0, first.output
    out = tmp_path / "again.json"
    again = runner.invoke(app, ["analyze", str(folder), "-o", str(out), "--jobs", "1"])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [article["id"] for article in report["articles"]] == ["004"]
    assert sorted(Path(item["source"]).name for item in report["skipped"]) == [
        "report.html",
        "report.md",
    ]
    assert all("is a report akhbar wrote" in item["reason"] for item in report["skipped"])
    assert again.exit_code == 1
