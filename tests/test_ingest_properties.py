"""build_article on arbitrary text: only InputError, and clean lines are input lines in order."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.errors import InputError
from akhbar.ingest import build_article
from akhbar.model import RawDocument

SEEDS = Path(__file__).parent.parent / "examples" / "seeds"
SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]
_LINES = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(["", "  ", "اقرأ أيضا", "شارك", "رويترز", "20 مارس 2025", "+ الخط -"]),
    st.text(max_size=60),
)


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(any(line == candidate for candidate in remaining) for line in part)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=12))
def test_only_input_errors_and_lines_are_a_subsequence(lines: list[str]) -> None:
    raw = "\n".join(lines)
    doc = RawDocument(source="p.txt", kind="txt", text=raw)
    try:
        article = build_article(doc)
    except InputError:
        return
    input_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    clean = [line for line in article.text.split("\n") if line.strip()]
    assert _is_subsequence(clean, input_lines)
    assert len(article.line_numbers) == len(article.text.split("\n"))
    for line, number in zip(article.text.split("\n"), article.line_numbers, strict=True):
        if line:
            assert input_lines[number - 1] == line
    for removed in article.boilerplate:
        assert input_lines[removed.line - 1] == removed.text


def test_ingest_lexicons_are_in_key_form() -> None:
    for name in ("boilerplate_lines", "outlets", "outlet_platform_cues", "months"):
        for entry in load_mapping(name):
            assert to_key(entry) == entry, (name, entry)
    for entry in load_entries("boilerplate_credits"):
        assert to_key(entry) == entry
    assert set(load_mapping("months").values()) == {str(month) for month in range(1, 13)}
