"""Every lexicon file loads, names its source in a header comment and is in key form."""

from __future__ import annotations

from importlib import resources

import pytest

from akhbar.arabic.lexicon import lexicon_names, load_entries
from akhbar.arabic.normalize import to_key


def _raw_lines(name: str) -> list[str]:
    path = resources.files("akhbar.arabic") / "lexicon" / f"{name}.txt"
    return path.read_text(encoding="utf-8").splitlines()


def test_expected_lexicons_are_shipped():
    names = lexicon_names()
    for name in (
        "abbreviations",
        "clitic_exceptions",
        "era_markers",
        "stance_negators",
        "stance_opposites",
        "stopwords",
    ):
        assert name in names


@pytest.mark.parametrize("name", lexicon_names())
def test_lexicon_loads_and_has_header(name):
    lines = _raw_lines(name)
    assert lines and lines[0].startswith("#"), f"{name}.txt must start with a header comment"
    assert load_entries(name), f"{name}.txt has no entries"


@pytest.mark.parametrize("name", lexicon_names())
def test_entries_are_in_key_form(name):
    entries = [line.strip() for line in _raw_lines(name)]
    entries = [line for line in entries if line and not line.startswith("#")]
    wrong = [
        e for e in entries if to_key(e.partition("\t")[0].strip()) != e.partition("\t")[0].strip()
    ]
    assert not wrong, f"{name}.txt: entries not in key form (write to_key(entry)): {wrong[:5]}"
