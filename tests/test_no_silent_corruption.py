"""No silent corruption (issue 13, part 4): a UTF-8 file with a bad byte stays UTF-8, its
damage replaced and reported; bytes that are no text in any encoding akhbar reads are refused."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.errors import InputError
from akhbar.ingest.encoding import decode_bytes

SEED = Path(__file__).resolve().parents[1] / "examples" / "seeds" / "004_c80ef43e0c326550.txt"


def test_one_bad_byte_keeps_a_utf8_file_utf8(caplog: pytest.LogCaptureFixture) -> None:
    data = SEED.read_bytes()
    cut = data.index(b" ", 500) + 1  # between two words: one bad byte, not a cut letter
    damaged = data[:cut] + b"\xff" + data[cut:]
    with caplog.at_level(logging.WARNING):
        text = decode_bytes(damaged, "seed.txt")
    original = data.decode("utf-8")
    assert text.startswith("بوتين يبحث مع الشرع العلاقات الثنائية")
    assert text.count("\ufffd") == 1
    assert text.replace("\ufffd", "") == original.replace("\r\n", "\n")
    assert f"seed.txt: not valid UTF-8 at byte {cut} (1 bad byte sequence(s)" in caplog.text


def test_windows_1256_is_still_read_as_windows_1256() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert decode_bytes(text.encode("cp1256", errors="replace"), "cp.txt").startswith(
        "بوتين يبحث مع الشرع"
    )


def test_random_bytes_are_refused_not_read_as_arabic(tmp_path: Path) -> None:
    rng = random.Random(13)
    data = bytes(rng.randrange(128, 256) for _ in range(5000))  # every byte a cp1256 letter
    with pytest.raises(InputError, match="is not text in UTF-8, Windows-1256"):
        decode_bytes(data, "noise.txt")
    (tmp_path / "noise.txt").write_bytes(data)
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "noise.txt: is not text in UTF-8" in result.output
