"""``akhbar cluster --db news.db`` with no INPUT clusters what the store holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from akhbar.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "examples" / "seeds")
UNRELATED = str(ROOT / "tests" / "data" / "corpus" / "ant_unrelated.jsonl")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_clustering_the_store_gives_the_assignments_of_its_inputs(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "news.db"
    assert runner.invoke(app, ["ingest", SEEDS, UNRELATED, "--db", str(db)]).exit_code == 0
    from_inputs = tmp_path / "inputs.jsonl"
    assert (
        runner.invoke(app, ["cluster", SEEDS, UNRELATED, "--out", str(from_inputs)]).exit_code == 0
    )

    from_store = tmp_path / "store.jsonl"
    result = runner.invoke(app, ["cluster", "--db", str(db), "--out", str(from_store)])
    assert result.exit_code == 0, result.output
    rows = _rows(from_store)
    assert rows == _rows(from_inputs)
    assert f"stored {len(rows)} assignments in {db}" in result.output

    listed = runner.invoke(app, ["stories", "--db", str(db)]).stdout.splitlines()
    seeds_story = next(line for line in listed if "5 articles" in line)
    assert "سيريا ستار تايمز" in seeds_story and "خبر مباشر" in seeds_story


def test_no_input_and_no_store_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["cluster"])
    assert result.exit_code == 2
    assert "give INPUT files or folders, or --db STORE" in result.output


def test_clustering_a_store_that_does_not_exist_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(app, ["cluster", "--db", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.output
    assert not missing.exists()  # nothing created by a mistyped path


def test_stories_filters_and_shows_one_storys_articles(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "news.db"
    assert runner.invoke(app, ["ingest", SEEDS, UNRELATED, "--db", str(db)]).exit_code == 0
    assert (
        runner.invoke(app, ["cluster", "--db", str(db), "-o", str(tmp_path / "a")]).exit_code == 0
    )

    everything = runner.invoke(app, ["stories", "--db", str(db)]).stdout.splitlines()
    several = runner.invoke(app, ["stories", "--db", str(db), "--min-outlets", "2"])
    # The seeds' story is the only one told by more than one outlet.
    [header, title] = several.stdout.splitlines()
    assert "5 articles" in header and len(everything) > 2
    story_id = header.split()[0]

    shown = runner.invoke(app, ["stories", story_id, "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[0].startswith(f"{story_id}  5 articles  ")
    # One thread (the store knows no text dates): its days, event id and size, its headline,
    # then its articles.
    assert re.fullmatch(r"2025-03-20  event-\d{6}  5 articles", lines[2]), lines
    assert "   no date  خبر مباشر  001_a72c5b70b15c2776" in lines  # its date is inferred later
    assert title.strip() in shown.stdout

    missing = runner.invoke(app, ["stories", "story-none", "--db", str(db)])
    assert missing.exit_code == 2
    assert "no story 'story-none'" in missing.output
