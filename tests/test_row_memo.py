"""The per-word memo of the taggers: the rows it gives are what ``compute`` gives, whatever
was asked before, and past its limit it starts again."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from akhbar.analyze.entities.tagger.row_memo import RowMemo


def _vectors(keys: list[str]) -> np.ndarray:
    rows = [[len(key), sum(map(ord, key))] for key in keys]
    return np.array(rows, dtype=np.float64).reshape(len(keys), 2)


@given(st.lists(st.lists(st.sampled_from(["بوتين", "الشرع", "روسيا", "قال", "ب"]), max_size=8)))
def test_gathered_rows_equal_what_compute_gives(calls: list[list[str]]) -> None:
    memo = RowMemo((2,), limit=3)
    most = 3  # one call's new keys are always kept, even past the limit
    for keys in calls:
        np.testing.assert_array_equal(memo.gather(keys, _vectors), _vectors(keys))
        most = max(most, len(set(keys)))
        assert len(memo) <= most


def test_each_unseen_key_is_computed_once_per_call_and_never_again() -> None:
    asked: list[list[str]] = []

    def compute(keys: list[str]) -> np.ndarray:
        asked.append(keys)
        return _vectors(keys)

    memo = RowMemo((2,), limit=100)
    memo.gather(["قال", "بوتين", "قال"], compute)
    memo.gather(["بوتين", "الشرع"], compute)
    assert asked == [["قال", "بوتين"], ["الشرع"]]
