"""Bounded output (issue 13, part 2): a line without punctuation full of "قال ... إن" makes
a report that grows with the text, not with the text times the number of its speech verbs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from typer.testing import CliRunner

from akhbar.analyze.voices.quotes import MAX_NESTED, find_quotes
from akhbar.arabic.doc import make_doc
from akhbar.cli import app

# Words of seed 002's sentences, repeated with no punctuation (a scraper that lost it): the
# first line of the file the hostile benchmark also repeats.
WORDS = (
    (Path(__file__).parent / "data" / "large" / "unpunctuated_words.txt")
    .read_text(encoding="utf-8")
    .splitlines()[2]
    .split()
)


def _chain(words: int) -> str:
    return 'قال بيسكوف "' + " ".join(itertools.islice(itertools.cycle(WORDS), words)) + '"'


def test_quotes_nest_at_most_two_deep() -> None:
    quotes = find_quotes(make_doc(_chain(3000)))
    assert quotes
    for quote in quotes:
        around = [
            other
            for other in quotes
            if other is not quote
            and other.span.start <= quote.span.start
            and quote.span.end <= other.span.end
        ]
        assert len(around) < MAX_NESTED


def test_the_report_of_a_long_unpunctuated_line_stays_near_its_size(tmp_path: Path) -> None:
    source = tmp_path / "line.txt"
    source.write_text(_chain(17_000), encoding="utf-8")  # 170 KB
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["analyze", str(source), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["stories"][0]["quotes"]
    # Was 44 times the input (7.5 MB) when each "قال ... إن" copied the rest of its window.
    assert out.stat().st_size < 6 * source.stat().st_size
