"""The seeds' report, in substance, equals the one stored before the per-article core was rebuilt.

``tests/data/report/seeds_expected.json`` is ``akhbar analyze examples/seeds --format json``
as commit 55473c0 wrote it (``generated_by`` and each article's input path left out), with the
claims, contradictions and unique facts of issue 15 rewritten into it (claims are clauses; the
Assad accounts and the unique facts were added), then issue 16's summary and headline. Any
change to events, dates, entities, titles, quotes, attributions, provenance, claims or
contradictions shows here section by section; a deliberate change rewrites the file and says
why in its commit.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.model import Story

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "data" / "report" / "seeds_expected.json"
# A story's sections in the report are the fields of the model's Story.
STORY_SECTIONS = tuple(field.name for field in dataclasses.fields(Story))


@pytest.fixture(scope="module")
def reports() -> tuple[dict, dict]:
    result = CliRunner().invoke(app, ["analyze", str(ROOT / "examples" / "seeds"), "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    report.pop("generated_by")
    for article in report["articles"]:
        article.pop("source")
    return report, json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_articles_are_unchanged(reports: tuple[dict, dict]) -> None:
    report, expected = reports
    assert [a["id"] for a in report["articles"]] == [a["id"] for a in expected["articles"]]
    for article, before in zip(report["articles"], expected["articles"], strict=True):
        assert article == before, article["id"]


@pytest.mark.parametrize("section", STORY_SECTIONS)
def test_story_sections_are_unchanged(reports: tuple[dict, dict], section: str) -> None:
    report, expected = reports
    assert len(report["stories"]) == len(expected["stories"]) == 1
    assert report["stories"][0][section] == expected["stories"][0][section]


def test_the_stored_report_holds_the_traps(reports: tuple[dict, dict]) -> None:
    """The stored file is the reference only while it shows what the seeds are known for."""
    _, expected = reports
    story = expected["stories"][0]
    conflict, account = story["contradictions"]
    assert (conflict["kind"], account["kind"]) == ("name", "account")
    assert {value["value"] for value in conflict["values"]} == {
        "ميخائيل بوغدانوف",
        "سيرغي بوغدانوف",
    }
    assert [value["value"] for value in account["values"]] == ["refuse", "decline"]
    assert {fact["about"] for fact in story["unique_facts"]} >= {"وول ستريت جورنال"}
    dated = {(event["date"], event["type"]) for event in story["events"] if event["date"]}
    assert {("2025-02-12", "call"), ("2025-03-20", "letter")} <= dated
    peskov = next(e for e in story["entities"] if "بيسكوف" in e["name"])
    assert {peskov["name"], *peskov["aliases"]} >= {"دميتري بيسكوف", "ديمتري بيسكوف"}
