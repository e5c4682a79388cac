"""Limits that hold (issue 13, part 3): ``--max-bytes`` bounds what a JSONL file holds once
decompressed, not just a line, and a pipe over the limit is refused, never cut."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
from pathlib import Path

import pytest

from akhbar.ingest import IngestConfig, iter_documents
from akhbar.model import RawDocument, SkippedInput

TEXT = "قال المتحدث باسم الكرملين دميتري بيسكوف إن الرئيسين بحثا العلاقات الثنائية."


def test_a_gzip_of_many_small_lines_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"
    lines = [
        json.dumps({"id": f"a{number:04d}", "text": TEXT}, ensure_ascii=False).encode() + b"\n"
        for number in range(2000)
    ]
    with gzip.open(path, "wb") as stream:
        stream.writelines(lines)
    items = list(iter_documents([str(path)], config=IngestConfig(max_jsonl_bytes=50_000)))
    read = [item for item in items if isinstance(item, RawDocument)]
    assert len(read) == 50_000 // len(lines[0]) < 2000
    (last,) = [item for item in items if isinstance(item, SkippedInput)]
    assert last.source == f"{path}:{len(read) + 1}"
    assert "more than the 4.65661e-05 GiB limit (decompressed)" in last.reason


def test_a_gzip_of_newlines_ends(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl.gz"
    with gzip.open(path, "wb") as stream:
        stream.write(b"\n" * 3_000_000)
    (item,) = iter_documents([str(path)], config=IngestConfig(max_jsonl_bytes=1_000_000))
    assert isinstance(item, SkippedInput) and "decompressed" in item.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_over_the_limit_is_refused_not_cut(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    data = (TEXT + "\n").encode() * 100

    def feed() -> None:
        with open(fifo, "wb") as stream, contextlib.suppress(BrokenPipeError):
            stream.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    (item,) = iter_documents([str(fifo)], config=IngestConfig(max_bytes=len(data) // 2))
    writer.join()
    assert isinstance(item, SkippedInput) and "over the" in item.reason
