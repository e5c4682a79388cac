"""Feed items with a title and no body (issue 14, part 4): read, grouped by their title,
marked ``title_only`` in the report, never skipped."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from akhbar.cli import app

HERE = Path(__file__).resolve().parent
FEED = HERE / "data" / "ingest" / "title_only.jsonl"
SEEDS = HERE.parent / "examples" / "seeds"


def _report(tmp_path: Path, *inputs: Path) -> dict:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["analyze", *map(str, inputs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_titles_of_the_letter_join_the_seeds_story_and_a_match_stays_apart(tmp_path) -> None:
    report = _report(tmp_path, FEED, SEEDS)
    stories = {s["id"]: s["articles"] for s in report["stories"]}
    assert stories == {
        "story-001": [
            "f1",
            "f2",
            "000_a07f516d440c7618",
            "001_a72c5b70b15c2776",
            "002_408b543a26764ddd",
            "003_7e57f8d70e9d2bf3",
            "004_c80ef43e0c326550",
        ],
        "story-002": ["f3"],
    }
    flags = {a["id"]: (a["title_only"], a["sentences"]) for a in report["articles"]}
    assert flags["f1"] == (True, 0) and flags["f3"] == (True, 0)
    assert flags["002_408b543a26764ddd"][0] is False


def test_a_line_with_neither_body_nor_title_is_skipped_with_the_reason(tmp_path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "x", "date": "2025-03-20", "url": "https://sana.sy/x"}\n', "utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["analyze", str(feed), "-o", str(out)])
    assert result.exit_code == 1
    assert (
        f'{feed}:1: missing "text" (or "html") and "title"; every line needs the article '
        "body, or at least its title" in result.output
    )
