"""End to end: the ``akhbar`` command on the five seed articles and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.render.document import load_schema

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
runner = CliRunner()

TITLES = {
    "000_a07f516d440c7618": "في رسالة إلى الرئيس الشرع.. بوتين يدعو إلى تعزيز التعاون مع سوريا",
    "001_a72c5b70b15c2776": "الرئيس الروسي بوتين يجري اتصالا مع أحمد الشرع",
    "002_408b543a26764ddd": "رسالة من بوتين إلى الشرع: مستعدون للتعاون ونؤيد استقرار سورية",
    "003_7e57f8d70e9d2bf3": "بوتين يهاتف الشرع..ماذا تريد روسيا من الإدارة الجديدة في سوريا",
    "004_c80ef43e0c326550": (
        "بوتين يبحث مع الشرع العلاقات الثنائية والتطورات في سوريا بعد سقوط نظام الأسد"
    ),
}


@pytest.fixture(scope="module")
def seed_report() -> dict:
    result = runner.invoke(app, ["analyze", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_report_validates_against_schema(seed_report: dict) -> None:
    errors = list(Draft202012Validator(load_schema()).iter_errors(seed_report))
    assert errors == []
    assert seed_report["schema"] == "akhbar.report/1"


def test_seed_report_has_five_articles_with_their_titles(seed_report: dict) -> None:
    assert {a["id"]: a["title"] for a in seed_report["articles"]} == TITLES


def test_seed_report_moves_boilerplate_out_of_the_text(seed_report: dict) -> None:
    removed = {a["id"]: {b["text"] for b in a["boilerplate"]} for a in seed_report["articles"]}
    assert {"+ الخط -", "استمع إلى الملخص", "اظهر الملخص", "المساهمون"} <= removed[
        "002_408b543a26764ddd"
    ]
    assert {"اقرا أيضا", "إرث العثمانيين.. داود أوغلو يدعو لسيطرة تركيا على قطاع غزة"} <= removed[
        "003_7e57f8d70e9d2bf3"
    ]
    assert "سيريا ستار تايمز" in removed["000_a07f516d440c7618"]


def test_seed_report_names_outlets_the_texts_name(seed_report: dict) -> None:
    outlets = {a["id"]: (a["outlet"], a["outlet_source"]) for a in seed_report["articles"]}
    assert outlets["000_a07f516d440c7618"] == ("سيريا ستار تايمز", "signature")
    assert outlets["001_a72c5b70b15c2776"] == ("خبر مباشر", "platform")
    assert outlets["003_7e57f8d70e9d2bf3"][1] == "domain"
    assert outlets["002_408b543a26764ddd"] == (None, "unknown")
    assert outlets["004_c80ef43e0c326550"] == (None, "unknown")


def test_seed_report_dates_only_what_the_texts_settle(seed_report: dict) -> None:
    published = {a["id"]: (a["published"], a["published_source"]) for a in seed_report["articles"]}
    assert published == {
        "000_a07f516d440c7618": (None, "unknown"),
        "001_a72c5b70b15c2776": (None, "unknown"),
        "002_408b543a26764ddd": ("2025-03-20", "text"),
        "003_7e57f8d70e9d2bf3": (None, "unknown"),
        "004_c80ef43e0c326550": ("2025-02-12", "inferred"),
    }


def test_seed_report_has_the_timeline_and_main_events(seed_report: dict) -> None:
    events = {e["id"]: e for e in seed_report["stories"][0]["events"]}
    dated = [(e["date"], e["type"]) for e in events.values() if e["date"]]
    assert dated == [
        ("2015", "intervention"),
        ("2024-12-08", "fall"),
        ("2025-01-29", "visit"),
        ("2025-02-12", "call"),
        ("2025-03-20", "letter"),
    ]
    main = {a["id"]: events[a["main_event"]]["type"] for a in seed_report["articles"]}
    assert main == {
        "000_a07f516d440c7618": "letter",
        "001_a72c5b70b15c2776": "call",
        "002_408b543a26764ddd": "letter",
        "003_7e57f8d70e9d2bf3": "call",
        "004_c80ef43e0c326550": "call",
    }


def test_the_five_seeds_form_one_story(seed_report: dict) -> None:
    assert len(seed_report["stories"]) == 1
    story = seed_report["stories"][0]
    assert sorted(story["articles"]) == sorted(TITLES)
    assert {a["story"] for a in seed_report["articles"]} == {story["id"]}


def test_analyze_writes_html_and_json_from_suffixes(tmp_path: Path) -> None:
    html, report = tmp_path / "report.html", tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(SEEDS), "-o", str(html), "-o", str(report)])
    assert result.exit_code == 0, result.output
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    assert len(json.loads(report.read_text(encoding="utf-8"))["articles"]) == 5


def test_skipped_inputs_give_exit_code_1_and_are_listed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    missing = tmp_path / "nowhere.txt"
    seed = SEEDS / "004_c80ef43e0c326550.txt"
    result = runner.invoke(
        app, ["analyze", str(seed), str(tmp_path / "empty.txt"), str(missing), "--format", "json"]
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [a["id"] for a in report["articles"]] == ["004_c80ef43e0c326550"]
    skipped = {s["source"]: s["reason"] for s in report["skipped"]}
    assert set(skipped) == {str(tmp_path / "empty.txt"), str(missing)}
    assert "empty" in skipped[str(tmp_path / "empty.txt")]
    assert "no such file or directory" in skipped[str(missing)]
    assert f"skipped {missing}" in result.stderr


def test_duplicate_ids_in_jsonl_are_skipped_not_merged() -> None:
    path = ROOT / "tests" / "data" / "ingest" / "repeated_id.jsonl"
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [a["outlet"] for a in report["articles"]] == ["skynews"]
    assert "duplicate article id 'a1'" in report["skipped"][0]["reason"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["analyze", str(SEEDS), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["analyze", str(SEEDS), "-o", str(tmp_path / "r.pdf")]).exit_code == 2
    assert runner.invoke(app, ["extract", "--pub", "12/02/2025", str(SEEDS)]).exit_code == 2
    assert runner.invoke(app, ["analyze"]).exit_code == 2


def test_help_shows_examples() -> None:
    result = runner.invoke(app, ["analyze", "--help"])
    assert result.exit_code == 0
    assert "akhbar analyze examples/seeds -o report.html" in result.stdout


def test_extract_reads_stdin_and_applies_pub() -> None:
    text = (
        "بحث الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، "
        "مع الرئيس السوري أحمد الشرع العلاقات الثنائية.\n"
    )
    result = runner.invoke(app, ["extract", "--pub", "2025-02-12", "-"], input=text)
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["published"] == "2025-02-12"
    assert record["published_source"] == "input"
    assert record["id"].startswith("sha1:")
    assert [s["text"] for s in record["sentences"]] == [text.strip()]


def test_extract_prints_every_analyzer_with_offsets() -> None:
    seed = SEEDS / "004_c80ef43e0c326550.txt"
    result = runner.invoke(app, ["extract", "--pub", "2025-02-12", str(seed)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    text = seed.read_text(encoding="utf-8")
    assert [t["value"] for t in record["times"] if t["surface"] == "اليوم الأربعاء"] == [
        "2025-02-12"
    ]
    assert {"PER", "LOC", "ORG", "MEDIA"} <= {e["type"] for e in record["entities"]}
    assert ["رويترز", "مصدر سوري مطلع"] in [s["chain"] for s in record["sources"]]
    assert [q["polarity"] for q in record["quotes"]].count("decline") == 1
    for entity in record["entities"]:
        assert entity["surface"] in text


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "akhbar", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("akhbar ")
